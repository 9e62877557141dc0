"""Imports actor names from the PETRARCH2 and NGEC (PLOVER) dictionaries.

Our own table (``actors.tsv``) names the actors of the wars we code, in ACLED's
neutral form. These open dictionaries add what it lacks: about a thousand armed
groups worldwide (``Phoenix.MilNonState.actors.txt``, from the START TOPS
database) and the generic nouns outlets use for soldiers, police, rebels and
gunmen (``PLOVER_agents.txt``). Every imported entry keeps its provenance:
file, line and the original entry with its CAMEO code.

Formats (PETRARCH2 ``dictionaries.rst``): words joined by ``_``; a group block
is a primary line ``NAME_ [CODE]`` followed by ``+SYNONYM_`` lines; an agent is
``NOUN [~CODE]`` with irregular plurals in ``{...}`` and ``!PERSON!`` standing
for man/woman/person forms. Regular plurals are implied.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GROUPS_FILE = Path("petrarch2-dictionaries") / "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = Path("ngec-assets") / "PLOVER_agents.txt"

# CAMEO agent codes we import, and the canonical actor each stands for. Only
# armed sectors: the civilian sector (~CVL) lists places and vehicles ("city",
# "airliner") that would turn every shelled town into a civilian victim, and our
# own table already covers the civilian words reports use.
AGENT_CODES: dict[str, tuple[str, str]] = {
    "MIL": ("Military Forces of {C}", "state"),
    "GOVMIL": ("Military Forces of {C}", "state"),
    "COP": ("Police Forces of {C}", "state"),
    "REB": ("Opposition Rebels ({C})", "generic_armed"),
    "UAF": ("Unidentified Armed Group ({C})", "unknown"),
}

# Name particles that stay lower case inside a canonical group name, as ACLED writes them.
_PARTICLES = frozenset(
    {"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "wa", "wal", "li", "bin", "ibn"}
    | {"of", "the", "and", "for", "in", "on", "de", "la", "le", "du", "des"}
)
_ENTRY = re.compile(r"^(?P<phrase>[^\s\[{#]+)\s*(?:\{(?P<plurals>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?")
_PERSON_FORMS = ("MAN", "MEN", "WOMAN", "WOMEN", "PERSON", "PEOPLE")
_MIN_CHARS = 4  # shorter imported words ("ALF") collide with ordinary words and initials


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """One wording from an imported dictionary and the canonical actor it names."""

    words: str  # lower-case words separated by single spaces
    canonical: str
    kind: str
    provenance: str


def import_actors(data_dir: Path) -> list[ImportedActor]:
    """All imported wordings found under ``data_dir``; none where the dictionaries are absent."""
    actors: list[ImportedActor] = []
    if (data_dir / GROUPS_FILE).exists():
        actors.extend(read_groups(data_dir / GROUPS_FILE))
    if (data_dir / AGENTS_FILE).exists():
        actors.extend(read_agents(data_dir / AGENTS_FILE))
    return actors


def read_groups(path: Path) -> Iterator[ImportedActor]:
    """Armed groups: each block's primary name is the canonical name of all its synonyms."""
    canonical: str | None = None
    provenance = ""
    for number, line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        match = _ENTRY.match(line.lstrip("+"))
        if match is None:
            continue
        phrase = match.group("phrase")
        if not line.startswith("+"):
            code = match.group("code") or ""
            canonical = group_name(phrase)
            provenance = f"petrarch2 {path.name}:{number} {phrase} [{code}]"
        elif canonical is None:
            continue
        words = _words(phrase)
        if len(words) >= _MIN_CHARS:
            kind = "jihadist" if "ALQ" in provenance else "rebel"
            yield ImportedActor(words, canonical, kind, provenance)


def read_agents(path: Path) -> Iterator[ImportedActor]:
    """Generic nouns of the armed sectors, with their plurals."""
    for number, line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        if match is None or not match.group("code"):
            continue
        code = match.group("code").lstrip("~")
        if code not in AGENT_CODES:
            continue
        canonical, kind = AGENT_CODES[code]
        phrase = match.group("phrase")
        provenance = f"ngec {path.name}:{number} {phrase} [~{code}]"
        for form in _agent_forms(phrase, match.group("plurals")):
            words = _words(form)
            if len(words) >= _MIN_CHARS and not any(ch.isdigit() for ch in words):
                yield ImportedActor(words, canonical, kind, provenance)


def group_name(phrase: str) -> str:
    """ "ANSAR_AL-ISLAM_" -> "Ansar al-Islam"; a trailing "(ACRONYM)" is dropped."""
    words = re.sub(r"\([^)]*\)", " ", phrase.replace("_", " ")).split()
    named = []
    for position, word in enumerate(words):
        parts = word.lower().split("-")
        named.append(
            "-".join(
                part if (position or index) and part in _PARTICLES else part[:1].upper() + part[1:]
                for index, part in enumerate(parts)
            )
        )
    return " ".join(named)


def _agent_forms(phrase: str, plurals: str | None) -> list[str]:
    if "!PERSON!" in phrase:
        return [phrase.replace("!PERSON!", form) for form in _PERSON_FORMS]
    forms = [phrase]
    if plurals:
        forms.extend(plurals.split())
    else:
        forms.append(_regular_plural(phrase.rstrip("_")))
    return forms


def _regular_plural(noun: str) -> str:
    if re.search(r"(?:s|x|z|ch|sh)$", noun, re.IGNORECASE):
        return noun + "ES"
    if re.search(r"[^aeiou]y$", noun, re.IGNORECASE):
        return noun[:-1] + "IES"
    return noun + "S"


def _words(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").lower().split())


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from enumerate(handle, start=1)
