"""What the text around a sentence says: the group a generic word means, the current subject, the last place.

The same word means different sides in different paragraphs: "terrorists" in a
paragraph about ISIL is ISIL, in a paragraph about Dar'a it is the rebels. A
named group lends its name to generic words in later sentences of the same
section only while they are in the same theatre (no disjoint governorates).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from thucydides.extract.actors import ActorMention
from thucydides.gazetteer.geo import flat_distance_km
from thucydides.geoparse.lexicon import SITE_NAME_HEADS
from thucydides.model import Document, Place, PlaceMention, Sentence

NAMED_GROUP_KINDS = frozenset({"rebel", "jihadist", "militia"})
_SECTION_BREAK = re.compile(r"\n[ \t]*\n[ \t]*\n")
LOOKBACK_SENTENCES = 6
# An undated event of the kind of a dated one this near is taken to be the same event retold.
SAME_EVENT_KM = 40.0


def place_key(place: PlaceMention) -> str:
    """What tells two mentions of one place apart: its gazetteer entry, else its name as written."""
    return place.place.place_id if place.place is not None else place.mention.text.casefold()


def section_of_sentences(doc: Document) -> list[int]:
    """Section number of each sentence: sections are separated by two or more blank lines."""
    sections = []
    section = 0
    previous_end = 0
    for sentence in doc.sentences:
        if _SECTION_BREAK.search(doc.text, previous_end, sentence.start):
            section += 1
        sections.append(section)
        previous_end = sentence.end
    return sections


@dataclass
class GroupMention:
    sentence: int
    section: int
    admin1s: frozenset[str]
    actor: ActorMention


# Words outlets use for every armed opponent at once, not for one group they named.
_BROAD_WORDS = re.compile(
    r"\b(?:rebels?|opposition|factions?|revolutionaries|terrorists?|takfiri)", re.IGNORECASE
)
_DEFINITE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Dating:
    """An event's date as its frame gives it; ``given``: the text names it (not the report's day)."""

    date: dt.date | None
    precision: int
    given: bool


def _holds(province: Place, place: Place) -> bool:
    """Whether the earlier event's place is the province this place lies in: "clashes in the
    province of Latakia on Wednesday", then "killed in the Jabal al-Turkman region of Latakia"."""
    return (
        province.feature == "admin1"
        and place.feature != "admin1"
        and province.admin1 is not None
        and place.admin1 == province.admin1
        and place.country_code == province.country_code
    )


# What each word that refers back to a place may refer to ("the city" is a city or a town, not the
# hospital named since); "the area", "it" and "there" refer to any place.
ANAPHOR_KINDS: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "town", "settlement"}),
    "town": frozenset({"town", "city", "village", "settlement"}),
    "village": frozenset({"village", "town", "settlement"}),
    "district": frozenset({"neighbourhood", "admin2", "region", "settlement"}),
    "neighbourhood": frozenset({"neighbourhood", "settlement"}),
    "neighborhood": frozenset({"neighbourhood", "settlement"}),
    "site": frozenset({"site"}),
    "base": frozenset({"site"}),
    "airport": frozenset({"site"}),
}
_ANTECEDENT_REACH = 6  # event places looked back over; beyond them, the latest one


def _unresolved_kind(place: PlaceMention) -> str:
    """A name no gazetteer holds is a site when a site's word names it ("the Kindi Hospital"), else a
    settlement of some size."""
    return "site" if place.mention.label in SITE_NAME_HEADS else "settlement"


@dataclass
class DocumentContext:
    """Running memory of the extractor while it reads one document in order."""

    sections: list[int]
    groups: list[GroupMention] = field(default_factory=list)
    last_subject: ActorMention | None = None
    last_event_place: PlaceMention | None = None
    theatre: frozenset[str] = frozenset()  # governorates the text is currently about
    last_claim: dict[int, str | None] = field(default_factory=dict)  # by paragraph
    # The date the text gave the latest event at each place (by place id, or name when unresolved).
    place_dates: dict[str, tuple[dt.date, int]] = field(default_factory=dict)
    # The events the text dated, in order: (sub-event type, place, date, precision).
    kind_dates: list[tuple[str, Place, dt.date, int]] = field(default_factory=list)
    # ``groups`` indexed as they are remembered, so that a long report is not read again at each
    # sentence: their sentences (in order while ``_in_order``), the jihadist groups by name, the others.
    _group_sentences: list[int] = field(default_factory=list, init=False, repr=False, compare=False)
    _in_order: bool = field(default=True, init=False, repr=False, compare=False)
    _jihadist: dict[str, ActorMention] = field(default_factory=dict, init=False, repr=False, compare=False)
    _other_names: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _event_places: list[PlaceMention] = field(default_factory=list, init=False, repr=False, compare=False)

    def remember_place(self, place: PlaceMention) -> None:
        """The place of the latest event told, which a later "the town" or "there" refers back to."""
        self.last_event_place = place
        self._event_places.append(place)

    def antecedent(self, anaphor: str) -> PlaceMention | None:
        """The place a word referring back ("the town", "the district", "there") means: the latest
        event place of that kind ("the city" is not the hospital just named), else the latest one."""
        noun = anaphor.lower().removeprefix("the ").strip()
        kinds = ANAPHOR_KINDS.get(noun)
        if kinds is not None:
            for place in reversed(self._event_places[-_ANTECEDENT_REACH:]):
                feature = place.place.feature if place.place is not None else _unresolved_kind(place)
                if feature in kinds:
                    return place
        return self.last_event_place

    def date_at(
        self, place: PlaceMention, sub_type: str, dating: Dating, *, container: PlaceMention | None = None
    ) -> tuple[dt.date | None, int]:
        """The date of an event at a place: its own, when its text gives one (then remembered for the
        place); else the date the text gave the latest event there, or the latest event of its kind
        near it (``SAME_EVENT_KM``); else the report's day.

        A report dates an event once ("a bomb hit Midan on Monday", "barrel bombs were dropped on a
        village near Hama Tuesday") and then tells more of it undated ("witnesses in Midan heard...",
        "the bombs were dropped on the village of al-Latamineh"); those are Monday's, Tuesday's event.
        """
        key = place_key(place)
        if dating.given and dating.date is not None:
            self.place_dates[key] = (dating.date, dating.precision)
            if place.place is not None and place.place.latitude is not None:
                self.kind_dates.append((sub_type, place.place, dating.date, dating.precision))
            return dating.date, dating.precision
        if key in self.place_dates:
            return self.place_dates[key]
        # A place the gazetteer lacks is where the place the text puts it in is.
        here = place.place or (container.place if container is not None else None)
        if here is not None and here.latitude is not None and here.longitude is not None:
            for kind, there, date, precision in reversed(self.kind_dates):
                assert there.latitude is not None and there.longitude is not None
                if kind == sub_type and (
                    flat_distance_km(here.latitude, here.longitude, there.latitude, there.longitude)
                    <= SAME_EVENT_KM
                    or _holds(there, here)
                ):
                    return date, precision
        return dating.date, dating.precision

    def remember_groups(
        self, sentence: Sentence, actors: list[ActorMention], admin1s: frozenset[str]
    ) -> None:
        for actor in actors:
            if actor.kind in NAMED_GROUP_KINDS and actor.kind != "militia":
                self.groups.append(
                    GroupMention(sentence.index, self.sections[sentence.index], admin1s, actor)
                )
                if self._group_sentences and self._group_sentences[-1] > sentence.index:
                    self._in_order = False
                self._group_sentences.append(sentence.index)
                if actor.kind == "jihadist":
                    self._jihadist[actor.name] = actor
                else:
                    self._other_names.add(actor.name)

    def _indexed(self) -> bool:
        """Whether the index of ``groups`` holds (they were all remembered by ``remember_groups``)."""
        return len(self._group_sentences) == len(self.groups)

    def named_group(self, sentence: Sentence, admin1s: frozenset[str], near: int) -> ActorMention | None:
        """The named armed group a generic word ("militants") at offset ``near`` refers to, if any."""
        section = self.sections[sentence.index]
        recent: list[GroupMention] = self.groups
        if self._in_order and self._indexed():
            # Only groups of the last few sentences can be taken (and, in order, none come after).
            sentences = self._group_sentences
            recent = self.groups[bisect.bisect_left(sentences, sentence.index - LOOKBACK_SENTENCES) :]
        same_sentence = [g for g in recent if g.sentence == sentence.index]
        if same_sentence:
            return min(same_sentence, key=lambda g: abs(g.actor.start - near)).actor
        # "The militants pressed south": a definite generic word refers back to the group just named,
        # wherever it went next.
        definite = _DEFINITE.search(sentence.text[: max(0, near - sentence.start)]) is not None
        for group in reversed(recent):
            if group.section != section or sentence.index - group.sentence > LOOKBACK_SENTENCES:
                continue
            if admin1s and group.admin1s and not (admin1s & group.admin1s) and not definite:
                continue  # another theatre
            return group.actor
        return None

    def resolve(self, actor: ActorMention, sentence: Sentence, admin1s: frozenset[str]) -> ActorMention:
        """``actor`` with a generic name replaced by the group the context names."""
        if actor.kind != "generic_armed":
            return actor
        group = self.named_group(sentence, admin1s, actor.start) or self._only_group(actor)
        if group is None:
            return actor
        return ActorMention(actor.start, actor.end, actor.text, group.name, group.kind, group.country)

    def _only_group(self, actor: ActorMention) -> ActorMention | None:
        """The one jihadist group a report has named, for "militants" or "insurgents" anywhere in it:
        a wire story names the group once, then says "militants". Never for "rebels" or
        "terrorists", words for every opponent at once, nor where the report names several groups."""
        if _BROAD_WORDS.search(actor.text):
            return None
        if self._indexed():
            named, others = self._jihadist, self._other_names
        else:
            named = {g.actor.name: g.actor for g in self.groups if g.actor.kind == "jihadist"}
            others = {g.actor.name for g in self.groups if g.actor.kind != "jihadist"}
        return next(iter(named.values())) if len(named) == 1 and not others else None
