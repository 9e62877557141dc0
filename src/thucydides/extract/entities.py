"""Named entities as evidence that a place name is part of something else.

spaCy's small English model labels Arabic village names unreliably ("Kafr Nabl" may come out as
a PERSON), so its labels never decide alone whether a span is a place. But a place name inside a
longer person or organisation name ("Staffan De Mistura", "the Al-Nasr Army", "Rami Abdel
Rahman") or inside a date ("Sat 24 Aug") is a word of that name, not where anything happened; and
a span the model reads as a nationality ("Iranian") is an adjective, not a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from thucydides.geoparse.kinds import continent
from thucydides.geoparse.lexicon import FEATURE_CUES, SITE_NAME_HEADS, SITE_QUALIFIERS
from thucydides.model import PlaceMention

# Entities that hide a place name when they are longer than it.
_CONTAINERS = frozenset({"PERSON", "ORG", "DATE", "TIME", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Entities that are never a place, whatever their length. (Not NORP: the small model calls
# "Aleppo" and "Salamiyeh" nationalities; adjectives of places are told apart in geoparse.)
_NEVER_PLACES = frozenset({"DATE", "TIME"})
# A place this large is itself, even inside what the model reads as a name ("Syrias Hama" with
# its apostrophe lost reads as a person).
_PROMINENT_POPULATION = 50_000
_PROMINENT_FEATURES = frozenset({"country", "admin1"})
# An organisation named after a building is where things happen ("Latamneh hospital").
_FACILITY = re.compile(
    r"\b(?:hospital|clinic|school|university|airport|air\s?base|base|prison|mosque|church|market|"
    r"station|bridge|camp|shrine|stadium|square|checkpoint|barracks|factory|plant)\b$",
    re.IGNORECASE,
)

Entity = tuple[int, int, str, str]  # start, end (document offsets), label, text


def hidden_in_entity(
    place: PlaceMention, entities: Iterable[Entity], places: Sequence[PlaceMention] = ()
) -> bool:
    """The place name is a word of a longer name, or a span the model reads as no place at all.

    An "entity" made only of place names ("Hudur, Bakool" read as an organisation) hides none of
    them: ``places`` are the sentence's place mentions.
    """
    start, end = place.mention.start, place.mention.end
    for e_start, e_end, label, text in entities:
        if not (e_start <= start and end <= e_end):
            continue
        if _only_places(e_start, text, places):
            continue
        if (e_start, e_end) == (start, end) or _same_name(text, e_start, place):
            if label in _NEVER_PLACES:
                return True
            continue
        if label in _CONTAINERS and not (label == "ORG" and _FACILITY.search(text)) and not _prominent(place):
            return True
    return False


def _same_name(text: str, start: int, place: PlaceMention) -> bool:
    """Whether the entity is the place's name with no more than an article before it and its
    feature word after it ("the Hayyan Gas Fields", "the Al-Sina’a District" read as organisations)."""
    inner = place.mention.start - start
    if inner < 0 or not _ARTICLE_ONLY.match(text[:inner]):
        return False
    rest = text[inner + len(place.mention.text) :].split()
    return all(word.lower() in _FEATURE_WORDS for word in rest)


_ARTICLE_ONLY = re.compile(r"^(?:the\s+)?$", re.IGNORECASE)
_FEATURE_WORDS = frozenset(FEATURE_CUES) | SITE_NAME_HEADS | SITE_QUALIFIERS
_JOINERS = re.compile(r"^(?:[\s,;&-]|\band\b|\bof\b|\bthe\b)*$", re.IGNORECASE)


def _only_places(start: int, text: str, places: Sequence[PlaceMention]) -> bool:
    """Whether the entity's words are place names joined by commas or "and"."""
    inside = sorted(
        (p.mention.start - start, p.mention.end - start)
        for p in places
        if start <= p.mention.start and p.mention.end <= start + len(text)
    )
    if len(inside) < 2:
        return False
    rest, cursor = [], 0
    for left, right in inside:
        rest.append(text[cursor:left])
        cursor = max(cursor, right)
    rest.append(text[cursor:])
    return all(_JOINERS.match(piece) for piece in rest)


def _prominent(place: PlaceMention) -> bool:
    entry = place.place
    return entry is not None and (
        entry.feature in _PROMINENT_FEATURES or continent(entry) or entry.population >= _PROMINENT_POPULATION
    )
