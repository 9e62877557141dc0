"""How the words between two place names link them: which lies in which, aliases, lists.

``link_items`` reads the text between consecutive spans ("Aleppo's X", "X in Y", "X (Y)",
"X, 30 km north of Y", "A, B and C in Eastern Ghouta", "the Yemen city of Ibb") and records on
each ``Item`` its container and how it lies there (``context.RELATIONS``), its aliases in brackets,
the feature word shared along a list, and the other items of its list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from thucydides.geoparse.context import Item
from thucydides.geoparse.lexicon import FEATURE_CUES
from thucydides.nlp.lexicon import DIRECTION

_PARTS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb", "area", "camp"})
# A feature word after the name, perhaps with one word before it ("X district in", "X oil fields in").
_FEATURE_WORD = "|".join(sorted(map(re.escape, FEATURE_CUES), key=len, reverse=True))
_DIRECTION = rf"{DIRECTION}(?:ern|ward)?"
_JOINING = r"(?:and|or|but|as|in|of|on|at|to|from|by|with|the|a|an)"
_CONTAINER_GAP = re.compile(
    rf"^(?:(?:\s+(?!{_JOINING}\b)[a-z]+)?\s+(?P<feature>{_FEATURE_WORD}))?"
    r"(?:\s*,)?(?:\s+in|\s+of|\s+on(?=\s+the\s+\w+\s+(?:edges?|sides?|fringes?|outskirts))"
    r"|\s+(?P<near>near|outside|around|close to)"
    rf"|\s+(?:to\s+the\s+)?(?P<direction>{_DIRECTION})\s+of)?"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
    r"(?:(?:parts?|outskirts|countryside|edges?|sides?|fringes?|suburbs|heart|centre|center)\s+of\s+)?(?:the\s+)?"
    rf"(?:(?:(?!{_JOINING}\b)[a-z]+\s+)?(?:{_FEATURE_WORD}|capital)\s+(?:of\s+)?(?:the\s+)?)?$",
    re.IGNORECASE,
)
_DIRECTION_WORD = re.compile(r"\b(?:north|south|east|west|central)", re.IGNORECASE)
# "X, the provincial capital of Y", "X, the seat of Y".
_SEAT_GAP = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:provincial\s+|regional\s+|administrative\s+)?(?:capital|centre|center|seat|heart)"
    r"\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "X, about 30 km north of Y": Y only says how to find X.
_DISTANCE_GAP = re.compile(
    rf"^\s*,?\s*(?:(?:about|some|around|nearly|roughly|approximately)\s+)?\d[\d.,]*\s*"
    rf"(?:km|kilomet(?:re|er)s?|miles?)\s+(?:to\s+the\s+)?(?:{_DIRECTION}\s+of|from|outside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Yemeni city of Ibb", "the Idlib town of Saraqeb": the name after "of" is the city or town,
# the name before says where it is.
_SETTLEMENT_OF = re.compile(
    r"^\s+(?:city|town|village|port|capital|provincial\s+capital|border\s+town|border\s+city)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the south Baghdad neighbourhood of Al-Bayaa", "the Damascus suburb of Douma": the name before the
# part's word may be the city and the one after "of" the part, though "the Giro district of Ghazni"
# says the opposite; ``_city_before_its_part`` tells them apart.
_PART_OF_NAMED = re.compile(
    r"^\s+(?:neighbou?rhood|district|suburb|quarter|area|camp)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:north|south|east|west|central)\w*\s+)?$", re.IGNORECASE)
# "the Y districts of A, B": Y holds A (and the rest of the list).
_HOLDS_GAP = re.compile(
    r"^\s+(?:districts|neighbou?rhoods|quarters|towns|villages|areas|suburbs)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|&|or)\s*$", re.IGNORECASE)


def link_items(text: str, items: Sequence[Item]) -> None:
    """Containers (with how each is said), aliases in brackets, and feature words shared along a
    list ("X and Y towns"); the items of a list share the container named after it."""
    for item in items:
        item.cue = item.span.cue
    for index, item in enumerate(items[:-1]):
        following = items[index + 1]
        if following.span.sentence.index != item.span.sentence.index:
            continue
        gap = text[item.span.end : following.span.start]
        if following.span.origin == "demonym":
            continue  # "Manbij near the Turkish border": an adjective holds no place
        if item.aliases and gap.startswith(")"):
            gap = gap[1:]  # "Tadmur (Palmyra) in Homs": the bracket closes, the sentence goes on
        if item.span.possessive and not gap.strip(" ’'s"):
            following.container, following.relation = index, "possessive"
        elif _HOLDS_GAP.match(gap):
            following.container, following.relation = index, "part of"
        elif _SETTLEMENT_OF.match(gap):
            following.container, following.relation = index, "in"
        elif _PART_OF_NAMED.match(gap) and _city_before_its_part(text, item, following):
            following.container, following.relation = index, "part of"  # "the Baghdad neighbourhood of Y"
        elif gap.strip() == "(" and text[following.span.end : following.span.end + 1] == ")":
            item.aliases.append(index + 1)
            following.aliases.append(index)
        elif (
            len(gap) <= 48
            and (relation := _gap_relation(gap)) is not None
            and (item.container is None or item.loose_container)  # "Y districts of A, B": A stays in Y
        ):
            item.container, item.relation = index + 1, relation
    for index, item in enumerate(items):  # one place under two names lies where either is said to
        for alias in item.aliases:
            other = items[alias]
            if item.container is None and other.container not in (None, index):
                item.container, item.relation = other.container, other.relation
    for index in range(len(items) - 2, -1, -1):
        item, following = items[index], items[index + 1]
        if _LIST_GAP.match(text[item.span.end : following.span.start]):
            if following.container is not None and (item.container is None or item.loose_container):
                item.container, item.relation = following.container, following.relation
            item.cue = item.cue or following.cue
    for index in range(1, len(items)):
        item, previous = items[index], items[index - 1]
        if not _LIST_GAP.match(text[previous.span.end : item.span.start]):
            continue
        if item.cue is None:
            item.cue = previous.cue
        held = previous.relation == "part of" and previous.container is not None
        if held and item.container is None and previous.container < index - 1:  # type: ignore[operator]
            item.container, item.relation = previous.container, "part of"  # "Y districts of A and B"
    _link_lists(text, items)


# A city this many times bigger than the name after "of" holds it.
_HOLDS_RATIO = 10
_AS_WRITTEN = frozenset({"exact", "given"})  # candidates of the name as written (not a close spelling)


def _city_before_its_part(text: str, item: Item, following: Item) -> bool:
    """ "the Baghdad neighbourhood of Al-Bayaa": after "the", a name far bigger than the one after
    "of" (or the only one the gazetteer knows as written) is the city the part lies in."""
    if _THE_BEFORE.search(text[max(0, item.span.start - 30) : item.span.start]) is None:
        return False
    city = max((c.place.population for c in item.candidates if c.how in _AS_WRITTEN), default=0)
    part = max((c.place.population for c in following.candidates if c.how in _AS_WRITTEN), default=0)
    return city > 0 and city > _HOLDS_RATIO * part


def _gap_relation(gap: str) -> str | None:
    """How the words between two names say the first lies in the second; None if they do not."""
    if gap.strip() == ",":
        return "comma"  # "Edmonton, Alberta", but also "Homs, Aleppo and Damascus": see LOOSE_RELATIONS
    if not gap.strip() or _LIST_GAP.match(gap):
        return None  # two names side by side ("the Winnipeg Fire Service"), or a list
    if _DISTANCE_GAP.match(gap):
        return "distance"
    if _SEAT_GAP.match(gap):
        return "in"
    match = _CONTAINER_GAP.match(gap)
    if match is None:
        return None
    after_comma = gap.lstrip().startswith(",") and not match.group("feature")
    if after_comma and (match.group("near") or match.group("direction")):
        return "direction"
    if after_comma and _DIRECTION_WORD.search(gap):
        return "comma"  # "X, eastern Y": X in eastern Y, or the next item of a list ("A, eastern B")
    if match.group("near") or match.group("direction"):
        return "near"
    feature = match.group("feature")
    if feature and (feature.lower() in _PARTS or feature.lower().removesuffix("s") in _PARTS):
        return "part of"
    return "in"


def _link_lists(text: str, items: Sequence[Item]) -> None:
    """The items of each list of names ("A, B and C") learn which others stand in it with them."""
    start = 0
    for index in range(1, len(items) + 1):
        if index < len(items):
            previous, item = items[index - 1], items[index]
            same_sentence = previous.span.sentence.index == item.span.sentence.index
            if same_sentence and _LIST_GAP.match(text[previous.span.end : item.span.start]):
                continue
        members = range(start, index)
        if len(members) > 1:
            for member in members:
                items[member].siblings = [other for other in members if other != member]
        start = index
