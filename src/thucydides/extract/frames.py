"""Cuts a sentence into action frames: one action word (or a run of them) with its actors and places.

A sentence like "troops shelled X, and warplanes bombed Y and Z" holds two
frames: the places after an action word, up to the next action word, belong to
it. Places that only locate another place ("X, East of Y", "Y's X", "X in Y
province") are anchors, not event places; places after "from" or "towards"
are where an advance started or aims, not where it happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.extract.actors import ActorMention
from thucydides.extract.modality import Modality
from thucydides.extract.triggers import Trigger
from thucydides.geoparse.kinds import is_whole_land
from thucydides.model import PlaceMention, Sentence
from thucydides.nlp.lexicon import DIRECTION

_LIST_START = re.compile(r"^\s*(?:and|or|&|as well as|,\s*(?:and|as well as))\b", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,|and|or|&|,\s*and|as well as)\s*(?:the\s+)?$", re.IGNORECASE)
# "people from Gaidamgari were killed": where the victims live, likely where they were attacked.
_ORIGIN = re.compile(
    r"\b(?:(?<!people )(?<!residents )(?<!civilians )(?<!villagers )(?<!families )(?<!children )"
    r"(?<!women )(?<!worshippers )from|towards?|to reach|between|among|via|en route to|heading to|"
    r"ahead of)\s+(?:the\s+)?"
    rf"(?:(?:neighbou?ring|nearby|{DIRECTION}\w*)\s+)?"
    # "evacuees from the besieged towns of A and B", "heard from the border town of C"
    r"(?:(?:[\w-]+\s+){0,4}(?:towns?|villages?|city|cities|areas?|districts?|neighbou?rhoods?|provinces?)"
    r"\s+of\s+)?$",
    re.I,
)
# "Ahmad Said, 28, of the village of Kafr Nabl": where a person named with an age comes from.
_HOMETOWN = re.compile(r"\b\d{1,3},\s+of\s+(?:the\s+)?(?:(?:village|town|city|camp)\s+of\s+)?$", re.I)
# "there" is no place where it only says that something exists ("there were clashes").
_ANAPHOR = re.compile(
    r"\b(?:it|there(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|seems?|appears?)\b)|"
    r"the (?:area|region|city|town|village|district|neighbou?rhood|site|base|airport))\b",
    re.I,
)
# "targeted X with rocket shells", "detained 11 people in raids on ...": how the action was done.
_INSTRUMENT = re.compile(
    r"\b(?:with|using|by means of|firing|in|during)\s+"
    r"(?:(?:an?|the|a series of|several)\s+)?(?:[\w-]+\s+){0,1}$",
    re.I,
)
# ", targeting": a participle after a comma that names what the action before it aimed at.
_ELABORATES = re.compile(r",\s*$")
_AIM_WORDS = frozenset({"targeting", "targetting"})
_OFFENSIVE = frozenset({"clash", "attack", "target"})
_THEATRE_AFTER = re.compile(r"\s+(?:countryside|province|governorate)\b", re.I)
_APPOSITION = re.compile(r"^\s*of\b|^\s+(?:al-|el-)?[A-Z]")
# "gunmen stationed at X", "terrorists positioned in X": where the attacker was, not where the event was.
_POSITION = re.compile(
    r"\b(?:stationed|positioned|posted|based|entrenched|holed up|deployed)\s+"
    r"(?:in|at|on|near|inside|around)\s+(?:the\s+)?(?:(?:edge|outskirts|edges|side)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "killed by Syrian jets", "killed by a sniper of the regime's forces": the agent after "by".
_PASSIVE_BY = re.compile(
    r"^\s*(?:\w+\s+){0,2}?by\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+(?:of|from)\s+(?:the\s+)?)?$", re.I
)
# "backed by X", "alongside X": X fights with the actor named before.
_COMPANION = re.compile(
    r"\b(?:backed|supported|assisted|aided|accompanied|helped|joined)\s+by\s+(?:[\w’']+\s+){0,2}$|\b(?:alongside|"
    r"along with|together with|with the (?:support|help|backing|participation) of)\s+(?:[\w’']+\s+){0,2}$",
    re.I,
)
# "X and Y", "X, Y": Y is coordinated with the actor just before it.
_COORDINATED = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:,|and|,\s*and|as well as|&)\s+(?:(?:the|its|their)\s+)?(?:[\w’']+\s+){0,2}$",
    re.I,
)
# Words right before an actor that make it the object of an action, not its subject.
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:against|on|at|of|with|from|by|to|into|toward|towards|targeting|among|between)|\b\w+(?:ed|ing)|"
    r"\b(?:back|out|down|struck|hit|fought|drove|took|overran))\s+(?:(?:the|a|an|their|its|his|her|several|some)\s+)*$",
    re.I,
)
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\s+\w")
# "fighters of the Free Army", "units of the army": the group the subject belongs to, not an object.
_MEMBER_OF = re.compile(
    r"\b(?:heroes|fighters|members|militants|units|elements|troops|soldiers|forces|brigades|battalions|"
    r"men|ranks|squads?|detachments?|groups?|bombers?|attackers?|gunm[ae]n|snipers?|warplanes|jets|"
    r"aircraft|helicopters|drones|artillery)\s+of\s+(?:the\s+)?$",
    re.I,
)
# "the army checkpoint", "regime positions": the actor's word names whose facility it is.
_OWNER_OF = re.compile(
    r"^\s+(?:checkpoints?|posts?|outposts?|positions?|bases?|barracks|headquarters|convoys?|"
    r"depots?|compounds?|airports?|airbases?|strongholds?|hideouts?|vehicles?|tanks?)\b",
    re.I,
)
# An actor within three words before an action word is its subject ("the Syrian warplanes heavily bombed").
_SUBJECT_GAP = re.compile(r"^\s*(?:[\w,]+\s+){0,3}$")


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
    means_end: int  # how far the words saying how force was used may be read

    @property
    def head(self) -> Trigger:
        """The action word that decides the type (the most specific of the run)."""
        return max(self.triggers, key=lambda t: _CATEGORY_RANK.get(t.category, 0))


_CATEGORY_RANK = {
    "disrupt": 11,  # "an IED was found and defused": the device never went off
    "suicide": 10,
    "chemical": 9,
    "explosive": 8,
    "territory": 7,
    "defend": 6,
    "target": 5,
    "clash": 4,
    "arrest": 6,  # "detained 11 people in raids": the raid is how the arrests were made
    "abduct": 4,
    "agreement": 4,
    "protest": 3,
    "riot": 3,
    "attack": 3,
    "withdraw": 2,
    "looting": 2,
    "sexual": 6,  # "raped and beat": the most telling of the violence
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
    document_places: Sequence[PlaceMention] = (),
) -> list[Frame]:
    """Frames of one sentence; ``triggers`` are in text order with their modality; ``document_places``
    are the document's (``PlaceMention.within`` indexes them)."""
    places = _without_sides_countries(places, actors, text)
    anchors = _anchor_places(places, document_places)
    origins = _origins(places, text, sentence.start)
    groups: list[list[tuple[Trigger, Modality]]] = []
    aims: dict[int, int] = {}  # group index -> where the words naming its objective begin
    for trigger, modality in triggers:
        if (
            groups
            and trigger.text.lower() in _AIM_WORDS
            and _ELABORATES.search(text[max(0, trigger.start - 4) : trigger.start])
            and groups[-1][-1][1] == modality
            and any(t.category in _OFFENSIVE for t, _ in groups[-1])
        ):
            # "launched an offensive in the Aleppo countryside, targeting the village of X": the
            # objective of the same action, which happened where it aimed.
            aims.setdefault(len(groups) - 1, trigger.end)
            continue
        if groups:
            # A run of action words with no place or actor between them reports one action.
            # A death toll ("and killed tens of militants") belongs to the action before it.
            last = groups[-1][-1][0]
            between = [p for p in places if last.end <= p.mention.start < trigger.start]
            subject = any(
                _SUBJECT_GAP.match(text[a.end : trigger.start])
                for a in actors
                if last.end <= a.start < trigger.start
            )
            same_action = not between and not subject and groups[-1][-1][1] == modality
            # "targeted X with rocket shells": an instrument, not a new action.
            instrument = bool(_INSTRUMENT.search(text[max(last.end, trigger.start - 30) : trigger.start]))
            if same_action or instrument or trigger.category == "kill":
                groups[-1].append((trigger, modality))
                continue
        groups.append([(trigger, modality)])
    frames = []
    for index, group in enumerate(groups):
        first, last = group[0][0], group[-1][0]
        scope_start = groups[index - 1][-1][0].end if index else sentence.start
        scope_end = groups[index + 1][0][0].start if index + 1 < len(groups) else sentence.end
        after = [p for p in places if first.end <= p.mention.start < scope_end]
        # Places before the first action word ("X was captured") belong to it;
        # later ones belong to the action word before them.
        before = [p for p in places if scope_start <= p.mention.start < first.start] if index == 0 else []
        # Where the places after the action are only where the attacker stood, or whole countries
        # ("relatives held in Syria"), the event is at a precise place before it ("In Beirut, ...").
        candidates = (
            after if _precise(after, origins) else before if _precise(before, origins) else after or before
        )
        kept = [p for p in candidates if id(p) not in anchors and id(p) not in origins]
        aimed = [p for p in kept if p.mention.start >= aims.get(index, scope_end)]
        kept = aimed or kept
        if any(not _is_country(p) for p in kept):
            kept = [p for p in kept if not _is_country(p)]
        if len(kept) > 1:
            # "in the Damascus countryside, rebels in Qudsaya": the province is the theatre, not a place.
            precise = [p for p in kept if not _THEATRE_AFTER.match(text, p.mention.end)]
            kept = precise or kept
        if not kept:
            # Only anchors or directions: the action happened in (or on the way to) the larger place.
            kept = ([p for p in candidates if id(p) not in origins] or candidates)[:1]
        tail = text[first.end : scope_end]
        anaphor = _ANAPHOR.search(tail)
        if anaphor and _APPOSITION.match(tail[anaphor.end() :]):
            anaphor = None  # "the town of Bartella", "the village Suluk": the name follows
        if anaphor and anaphor.group(0).lower() == "it" and group[0][0].category == "defend":
            anaphor = None  # "forces repelled it": what is repelled is an attack, not a place
        if anaphor is None and not kept:
            # "... advanced towards the airport after clashes": the place may come before the action word.
            head = text[scope_start : first.start]
            earlier = [
                m
                for m in _ANAPHOR.finditer(head)
                if not _APPOSITION.match(head[m.end() :]) and m.group(0).lower() != "it"
            ]  # "it" before the action word is its subject ("the watchdog said it was concerned")
            anaphor = earlier[-1] if earlier else None
        if (
            anaphor
            and anaphor.start() <= 12
            and (not kept or kept[0].mention.start > first.end + anaphor.end())
        ):
            kept = []  # "recaptured it after ...": the place is the one named before
        # A later clause's subject ("..., and the warplanes bombed") says nothing of this action's means.
        last_place_end = max((p.mention.end for p in kept), default=first.end)
        later_subjects = [a.start for a in actors if last_place_end <= a.start < scope_end]
        means_end = min(later_subjects, default=scope_end) if index + 1 < len(groups) else scope_end
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
                actors_after=tuple(a for a in actors if first.start <= a.start < scope_end),
                anaphor=anaphor.group(0) if anaphor and not kept else None,
                means_end=means_end,
            )
        )
    return frames


def _anchor_places(places: list[PlaceMention], document_places: Sequence[PlaceMention]) -> set[int]:
    """ids of the sentence's places that only locate another of its places: the containers the
    geoparser read ("X, East of Y", "Y's X", "X in Y province")."""
    ids = {id(p) for p in places}
    containers = (document_places[p.within] for p in places if p.within is not None)
    return {id(c) for c in containers if id(c) in ids}


def _without_sides_countries(
    places: list[PlaceMention], actors: list[ActorMention], text: str
) -> list[PlaceMention]:
    """The sentence's places less the nationality words of its actors' names ("the Syrian Arab
    Army", "Russian warplanes"), when it names some other place: whose army it is says nothing of
    where it fought. Alone, the country is all the sentence gives."""
    sides = [
        p for p in places if p.mention.label == "demonym" and any(_names_side(p, a, text) for a in actors)
    ]
    others = [p for p in places if p not in sides]
    return others if sides and others else places


def _names_side(place: PlaceMention, actor: ActorMention, text: str) -> bool:
    """The nationality word is in the actor's name, or begins it ("the Syrian Arab Army’s", where
    the actor found is "Army’s")."""
    start, end = place.mention.start, place.mention.end
    if actor.start <= start and end <= actor.end:
        return True
    return start < actor.start and _NAME_WORDS_ONLY.match(text[end : actor.start]) is not None


# Nothing but capitalised words of one name between a nationality word and its actor (" Arab ").
_NAME_WORDS_ONLY = re.compile(r"^(?:[\s-]+[A-Z][\w’'-]*)*[\s-]*$")


def _is_country(place: PlaceMention) -> bool:
    return is_whole_land(place)  # a country or a continent ("Asian", "Europe")


def _precise(places: list[PlaceMention], origins: set[int]) -> bool:
    """Whether some place is neither a starting point nor a whole country."""
    return any(id(p) not in origins and not _is_country(p) for p in places)


def _origins(places: list[PlaceMention], text: str, sentence_start: int) -> set[int]:
    """ids of the places an action starts from or aims at; a list after "between" shares it."""
    origins: set[int] = set()
    previous: PlaceMention | None = None
    for place in places:
        before = text[max(sentence_start, place.mention.start - 60) : place.mention.start]
        chained = previous is not None and bool(
            _LIST_SEP.match(text[previous.mention.end : place.mention.start])
        )
        positioned = _ORIGIN.search(before) or _POSITION.search(before) or _HOMETOWN.search(before)
        if positioned or (chained and previous is not None and id(previous) in origins):
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


def is_companion(actor: ActorMention, previous: ActorMention | None, text: str, scope_start: int) -> bool:
    """Whether ``actor`` fights alongside another: "backed by X", or coordinated with the actor before it."""
    if _COMPANION.search(text[max(scope_start, actor.start - 40) : actor.start]):
        return True
    return previous is not None and bool(_COORDINATED.match(text[previous.end : actor.start]))


def is_object(actor: ActorMention, text: str, scope_start: int) -> bool:
    """Whether ``actor`` is acted upon or only owns something ("against X", "pounded X", "X's positions")."""
    if _POSSESSIVE_AFTER.match(text[actor.end : actor.end + 12]) or _OWNER_OF.match(
        text[actor.end : actor.end + 14]
    ):
        return True
    before = text[max(scope_start, actor.start - 30) : actor.start]
    # The member word may be the previous action's own word ("a suicide bomber of the Islamic State").
    return bool(_OBJECT_BEFORE.search(before)) and not _MEMBER_OF.search(
        text[max(0, actor.start - 40) : actor.start]
    )
