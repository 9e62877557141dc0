"""Cuts a sentence into action frames: one action word (or a run of them) with its actors and places.

A sentence like "troops shelled X, and warplanes bombed Y and Z" holds two
frames: the places after an action word, up to the next action word, belong to
it. Places that only locate another place ("X, East of Y", "Y's X", "X in Y
province") are anchors, not event places; places after "from" or "towards"
are where an advance started or aims, not where it happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thucydides.extract.actors import ActorMention
from thucydides.extract.modality import Modality
from thucydides.extract.triggers import Trigger
from thucydides.model import PlaceMention, Sentence

# Words between two place names that make the second one locate the first ("X near Y", "X, East of Y").
_CONNECTOR = re.compile(
    r"\(|\b(?:in|near|of|outside|around|at|close to|adjacent to|outskirts|"
    r"(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern|ward)?)\b",
    re.IGNORECASE,
)
_LIST_START = re.compile(r"^\s*(?:and|or|&|as well as|,\s*(?:and|as well as))\b", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,|and|or|&|,\s*and|as well as)\s*(?:the\s+)?$", re.IGNORECASE)
# "X's Y": X locates Y.
_POSSESSIVE = re.compile(r"^['’]s\s+$")
# "X districts of A, B": X locates A and B.
_CONTAINER_OF = re.compile(
    r"^\s+(?:districts?|neighbou?rhoods?|quarters?|towns?|villages?|areas?|suburbs?|countryside)\s+of\s+$", re.I
)
_ORIGIN = re.compile(
    r"\b(?:from|towards?|to reach|between|among|through|via|en route to|heading to|ahead of)\s+(?:the\s+)?"
    r"(?:(?:neighbou?ring|nearby)\s+)?$",
    re.I,
)
_ANAPHOR = re.compile(
    r"\b(?:it|there|the (?:area|region|city|town|village|district|neighbou?rhood|site|base|airport))\b", re.I
)
_PASSIVE_BY = re.compile(r"^\s*(?:\w+\s+){0,2}?by\s+(?:the\s+)?$", re.I)
_COMPANION = re.compile(
    r"\b(?:backed|supported|assisted|aided|accompanied|helped)\s+by\s+(?:the\s+)?$|\b(?:alongside|along with|"
    r"together with|with the (?:support|help|backing) of|and|with)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_TARGET_BEFORE = re.compile(r"\b(?:against|on|at|targeting|of)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Frame:
    """One reported action in a sentence and what surrounds it."""

    sentence: Sentence
    triggers: tuple[Trigger, ...]
    modality: Modality
    start: int  # scope in document offsets
    end: int
    places: tuple[PlaceMention, ...]
    anchors: tuple[PlaceMention, ...]
    actors_before: tuple[ActorMention, ...]
    actors_after: tuple[ActorMention, ...]
    anaphor: str | None  # "the region", "it": the place is one named earlier

    @property
    def head(self) -> Trigger:
        """The action word that decides the type (the most specific of the run)."""
        return max(self.triggers, key=lambda t: _CATEGORY_RANK.get(t.category, 0))


_CATEGORY_RANK = {
    "suicide": 10,
    "chemical": 9,
    "explosive": 8,
    "territory": 7,
    "defend": 6,
    "target": 5,
    "clash": 4,
    "arrest": 4,
    "abduct": 4,
    "agreement": 4,
    "protest": 3,
    "riot": 3,
    "attack": 3,
    "withdraw": 2,
    "looting": 2,
    "surrender": 2,
    "base": 2,
    "reinforce": 1,
    "kill": 0,
}


def split_frames(
    sentence: Sentence,
    triggers: list[tuple[Trigger, Modality]],
    places: list[PlaceMention],
    actors: list[ActorMention],
    text: str,
) -> list[Frame]:
    """Frames of one sentence; ``triggers`` are in text order with their modality."""
    anchors = _anchor_places(places, text)
    origins = _origins(places, text, sentence.start)
    groups: list[list[tuple[Trigger, Modality]]] = []
    for trigger, modality in triggers:
        # A run of action words with no place or actor between them reports one action.
        if groups:
            last = groups[-1][-1][0]
            between = [p for p in places if last.end <= p.mention.start < trigger.start]
            between_actors = [a for a in actors if last.end <= a.start < trigger.start]
            if not between and not between_actors and groups[-1][-1][1] == modality:
                groups[-1].append((trigger, modality))
                continue
        groups.append([(trigger, modality)])
    frames = []
    for index, group in enumerate(groups):
        first, last = group[0][0], group[-1][0]
        scope_start = groups[index - 1][-1][0].end if index else sentence.start
        scope_end = groups[index + 1][0][0].start if index + 1 < len(groups) else sentence.end
        after = [p for p in places if last.end <= p.mention.start < scope_end]
        # Places before the first action word ("X was captured") belong to it; later ones to the word before them.
        before = [p for p in places if scope_start <= p.mention.start < first.start] if index == 0 else []
        candidates = after or before
        kept = [p for p in candidates if id(p) not in anchors and id(p) not in origins]
        if not kept:
            # Only anchors: the action happened in the larger place.
            kept = [p for p in candidates if id(p) not in origins][:1]
        tail = text[last.end : scope_end]
        anaphor = _ANAPHOR.search(tail)
        frames.append(
            Frame(
                sentence=sentence,
                triggers=tuple(t for t, _ in group),
                modality=group[0][1],
                start=scope_start,
                end=scope_end,
                places=tuple(kept),
                anchors=tuple(p for p in candidates if id(p) in anchors),
                actors_before=tuple(a for a in actors if scope_start <= a.start < first.start),
                actors_after=tuple(a for a in actors if last.end <= a.start < scope_end),
                anaphor=anaphor.group(0) if anaphor and not kept else None,
            )
        )
    return frames


def _anchor_places(places: list[PlaceMention], text: str) -> set[int]:
    """ids of the places that only locate a neighbouring place."""
    anchors: set[int] = set()
    for left, right in zip(places, places[1:], strict=False):
        gap = text[left.mention.end : right.mention.start]
        if len(gap) > 40 or _LIST_START.match(gap) or _LIST_SEP.match(gap):
            continue
        if _POSSESSIVE.match(gap) or _CONTAINER_OF.match(gap):
            anchors.add(id(left))
        elif not _CONNECTOR.search(gap):
            continue
        elif not gap.lstrip().startswith(",") or left.place is None or _broader(right, left):
            anchors.add(id(right))
    return anchors


def _broader(outer: PlaceMention, inner: PlaceMention) -> bool:
    """Whether ``outer`` is a larger unit than ``inner`` ("Jobar, Damascus")."""
    if outer.place is None:
        return False
    rank = {"country": 5, "admin1": 4, "region": 3, "admin2": 3, "city": 2}
    inner_rank = rank.get(inner.place.feature, 1) if inner.place else 1
    return rank.get(outer.place.feature, 1) > inner_rank


def _origins(places: list[PlaceMention], text: str, sentence_start: int) -> set[int]:
    """ids of the places an action starts from or aims at; a list after "between" shares it."""
    origins: set[int] = set()
    previous: PlaceMention | None = None
    for place in places:
        before = text[max(sentence_start, place.mention.start - 40) : place.mention.start]
        chained = previous is not None and bool(
            _LIST_SEP.match(text[previous.mention.end : place.mention.start])
        )
        if _ORIGIN.search(before) or (chained and previous is not None and id(previous) in origins):
            origins.add(id(place))
        previous = place
    return origins


def passive_agent(frame: Frame, text: str) -> ActorMention | None:
    """The actor after "by" in a passive clause ("X was targeted by Syrian jets")."""
    last = frame.triggers[-1]
    for actor in frame.actors_after:
        if _PASSIVE_BY.match(text[last.end : actor.start]):
            return actor
    return None


def is_companion(actor: ActorMention, text: str, scope_start: int) -> bool:
    """Whether ``actor`` is introduced as fighting alongside another ("backed by X", "and X")."""
    return bool(_COMPANION.search(text[max(scope_start, actor.start - 40) : actor.start]))


def is_target(actor: ActorMention, text: str, scope_start: int) -> bool:
    """Whether ``actor`` is introduced as the target ("against X", "on X")."""
    return bool(_TARGET_BEFORE.search(text[max(scope_start, actor.start - 30) : actor.start]))
