"""Abbreviations of first-level divisions: "SPRINGFIELD, Ill. (AP)", "Slidell, La.", "Surrey, B.C.".

News writes a state or province after a town's name in an abbreviated form: the postal code
("IL", "BC", "NSW") or the older style of wire agencies ("Ill.", "Calif.", "B.C."). Most of
these are also ordinary words, titles or degrees ("Miss.", "Ind.", "OR", "MD"), so an
abbreviation is read as a division only where the locator pattern puts it (``after_a_name``):
right after "Name, ", where a dotted form follows any capitalised word and a bare code must
follow a known place name or an all-capitals dateline. Forms with two dots or more ("D.C.",
"N.J.") and the long codes no word shares ("NSW") are divisions wherever they stand.

``DIVISIONS`` maps each form to the divisions it may stand for, as (country code, the
division's name as GeoNames writes it); the resolver picks among several by the report's
context, as for any other name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from thucydides.model import Document, Sentence

_US = {
    "Alabama": "AL Ala.",
    "Alaska": "AK",
    "Arizona": "AZ Ariz.",
    "Arkansas": "AR Ark.",
    "California": "CA Calif. Cal.",
    "Colorado": "CO Colo.",
    "Connecticut": "CT Conn.",
    "Delaware": "DE Del.",
    "Washington, D.C.": "DC D.C.",
    "Florida": "FL Fla.",
    "Georgia": "GA Ga.",
    "Hawaii": "HI",
    "Idaho": "ID",
    "Illinois": "IL Ill.",
    "Indiana": "IN Ind.",
    "Iowa": "IA",
    "Kansas": "KS Kan. Kans.",
    "Kentucky": "KY Ky.",
    "Louisiana": "LA La.",
    "Maine": "ME",
    "Maryland": "MD Md.",
    "Massachusetts": "MA Mass.",
    "Michigan": "MI Mich.",
    "Minnesota": "MN Minn.",
    "Mississippi": "MS Miss.",
    "Missouri": "MO Mo.",
    "Montana": "MT Mont.",
    "Nebraska": "NE Neb. Nebr.",
    "Nevada": "NV Nev.",
    "New Hampshire": "NH N.H.",
    "New Jersey": "NJ N.J.",
    "New Mexico": "NM N.M.",
    "New York": "NY N.Y.",
    "North Carolina": "NC N.C.",
    "North Dakota": "ND N.D.",
    "Ohio": "OH",
    "Oklahoma": "OK Okla.",
    "Oregon": "OR Ore. Oreg.",
    "Pennsylvania": "PA Pa. Penn.",
    "Rhode Island": "RI R.I.",
    "South Carolina": "SC S.C.",
    "South Dakota": "SD S.D.",
    "Tennessee": "TN Tenn.",
    "Texas": "TX Tex.",
    "Utah": "UT",
    "Vermont": "VT Vt.",
    "Virginia": "VA Va.",
    "Washington": "WA Wash.",
    "West Virginia": "WV W.Va. W.V.",
    "Wisconsin": "WI Wis. Wisc.",
    "Wyoming": "WY Wyo.",
}
_CA = {
    "Alberta": "AB Alta.",
    "British Columbia": "BC B.C.",
    "Manitoba": "MB Man.",
    "New Brunswick": "NB N.B.",
    "Newfoundland and Labrador": "NL Nfld.",
    "Nova Scotia": "NS N.S.",
    "Ontario": "ON Ont.",
    "Prince Edward Island": "PE PEI P.E.I.",
    "Quebec": "QC Que.",
    "Saskatchewan": "SK Sask.",
}
_AU = {
    "New South Wales": "NSW",
    "Victoria": "Vic.",
    "Queensland": "Qld",
    "South Australia": "SA",
    "Western Australia": "WA",
    "Tasmania": "Tas.",
    "Northern Territory": "NT",
    "Australian Capital Territory": "ACT",
}


def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for country, divisions in (("US", _US), ("CA", _CA), ("AU", _AU)):
        for name, forms in divisions.items():
            for form in forms.split():
                table.setdefault(form, []).append((country, name))
    return {form: tuple(places) for form, places in table.items()}


DIVISIONS: dict[str, tuple[tuple[str, str], ...]] = _table()
# Forms read as divisions wherever they stand: two dots or more, or a code of three capitals or more
# that only a division uses.
ANYWHERE = frozenset(form for form in DIVISIONS if form.count(".") >= 2 or form in {"NSW", "PEI"})

_AFTER_NAME = re.compile(r",\s+$")
_CAPITAL = re.compile(r"(?<![\w.])[A-Z]")
_COMMA_BEFORE = re.compile(r",\s+$")


def division_forms(doc: Document, known: Mapping[int, int]) -> Iterator[tuple[Sentence, int, str]]:
    """(sentence, start, form) of each abbreviation that stands for a division where it stands;
    ``known``: where each span the gazetteer knows ends -> where it starts."""
    for sentence in doc.sentences:
        for match in _CAPITAL.finditer(sentence.text):
            start = sentence.start + match.start()
            form = form_at(doc.text, start)
            if form is None:
                continue
            comma = _COMMA_BEFORE.search(doc.text, max(0, start - 4), start)
            name_start = known.get(comma.start()) if comma is not None else None
            if form in ANYWHERE or after_a_name(doc.text, start, form, name_start=name_start):
                yield sentence, start, form


def form_at(text: str, start: int) -> str | None:
    """The division abbreviation that starts at ``start`` of ``text`` (longest form first), if any."""
    for size in range(min(8, len(text) - start), 1, -1):
        form = text[start : start + size]
        if form in DIVISIONS and not text[start + size : start + size + 1].isalnum():
            return form
    return None


def after_a_name(text: str, start: int, form: str, *, name_start: int | None) -> bool:
    """Whether the form at ``start`` stands where a division follows a town's name ("Severn, Md.").

    A dotted form needs a capitalised word before the comma. A bare code ("MD", "IN") needs a known
    place name there (``name_start``: where it starts) that no other capitalised word precedes (after
    "John Smith, " it is a degree), or a dateline in capitals ("HORRY COUNTY, SC")."""
    before = text[max(0, start - 40) : start]
    if not _AFTER_NAME.search(before):
        return False
    head = before.rstrip()[:-1].rstrip()
    word = re.search(r"([A-Za-z][\w'’.-]*)$", head)
    if word is None or not word.group(1)[:1].isupper():
        return False
    if "." in form or word.group(1).isupper():
        return True
    if name_start is None:
        return False
    previous = re.search(r"([A-Za-z][\w'’.-]*)\s*$", text[max(0, name_start - 30) : name_start])
    return previous is None or not previous.group(1)[:1].isupper()
