"""The typed document model: every record the pipeline passes between stages.

All records are frozen: a stage never edits what it was given, it returns a new
``Document`` with its own part added (``dataclasses.replace``). Offsets are
character offsets into ``Document.text`` (the clean text), so every fact can be
traced back to the characters of the report it came from.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def document_id_for(text: str) -> str:
    """Content hash of a document's clean text: the same report always gets the same id."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the clean text; ``paragraph`` counts blank-line separated blocks."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


class MentionKind(StrEnum):
    """What a span of text names."""

    PLACE = "place"
    ACTOR = "actor"
    QUANTITY = "quantity"
    DATE = "date"
    ENTITY = "entity"  # an NER span not (yet) interpreted


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the clean text with what it was recognised as (``label``: NER label or cue)."""

    kind: MentionKind
    start: int
    end: int
    text: str
    sentence: int
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure for people: "tens of" -> best 20, low 20, high 90.

    ``best`` is the conservative figure event coders record; ``high`` is None
    when the wording gives no upper bound ("more than 20").
    """

    mention: Mention
    best: int
    low: int
    high: int | None
    exact: bool


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date expression resolved against the publication date.

    ``precision`` follows the spec: 1 day, 2 week, 3 month. ``date`` is None when
    the expression cannot be resolved (no publication date known).
    """

    mention: Mention
    date: dt.date | None
    precision: int


@dataclass(frozen=True, slots=True)
class SentenceType:
    """What a statistical model reads one sentence as reporting: a sub-event type, or ``NONE``.

    ``margin`` is the lead of the label's decision value over the runner-up's: how sure the model is.
    """

    sentence: int
    label: str
    margin: float
    runner_up: str


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    place_id: str  # "geonames:170063", "wof:102542747", "ocha:C1007"...
    name: str
    feature: str  # country, admin1, admin2, city, town, village, neighbourhood, site, region
    country_code: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    geonames_id: int | None = None
    names: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in the text and the gazetteer entry it was resolved to (or None)."""

    mention: Mention
    place: Place | None
    score: float
    candidates: int = 0
    reason: str = ""
    # How the text places it, read once by the geoparser for every later stage:
    within: int | None = None  # index in ``Document.places`` of the place it is said to lie in
    relation: str | None = None  # how it is said to lie there (``geoparse.context.RELATIONS``)
    modifier: str | None = None  # "East of", "near", "countryside": only part of, or near, the place
    listed_with: tuple[int, ...] = ()  # indices in ``Document.places`` of the others of its list


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact text an event was read from."""

    document_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One event record of ``shared/spec/event-record.md`` in typed form."""

    event_id: str
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    location_as_written: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    geonames_id: int | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int | None
    captured: int | None
    source: str | None
    source_url: str | None
    claimed_by: str | None
    document_id: str
    evidence: tuple[Evidence, ...]
    notes: str
    confidence: float
    incident_id: str | None = None
    # Not part of the exported record: the place mention the event was tied to,
    # kept so the geocode stage can code it without re-reading the text.
    place_mention: PlaceMention | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one input or one document could not be processed (the batch goes on)."""

    input: str
    stage: str
    kind: str
    message: str
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A report: clean text and metadata, plus what each stage added."""

    id: str
    text: str
    input: str  # path or URL exactly as given by the user
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # metadata keys Thucydides does not read, JSON values
    warnings: tuple[Problem, ...] = ()  # what the reader noticed but did not refuse
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    reference_date: dt.date | None = None  # the day the report speaks from (dates stage)
    places: tuple[PlaceMention, ...] = ()
    sentence_types: tuple[SentenceType, ...] = ()
    events: tuple[Event, ...] = ()

    @classmethod
    def from_text(cls, text: str, *, input: str, **metadata: object) -> Document:
        """A new document whose id is the hash of ``text``."""
        return cls(id=document_id_for(text), text=text, input=input, **metadata)  # type: ignore[arg-type]

    def container_of(self, place: PlaceMention) -> PlaceMention | None:
        """The place mention the text says ``place`` lies in ("X, in Y province"; "Y's X"), if any."""
        return self.places[place.within] if place.within is not None else None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``.

        Sentences are in text order and do not overlap (``annotate``), so a binary search finds it;
        an offset it does not place (between sentences, or sentences out of order) is looked for in
        order, as the first sentence that holds it.
        """
        position = bisect.bisect_right(self.sentences, offset, key=_sentence_start) - 1
        if position >= 0 and self.sentences[position].start <= offset < self.sentences[position].end:
            return self.sentences[position]
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One source's telling of an incident: its own record and figures, kept visible."""

    event_id: str
    document_id: str
    source: str | None
    source_url: str | None
    claimed_by: str | None
    event_date: dt.date | None
    sub_event_type: str
    actor1: str
    actor2: str | None
    location: str | None
    location_as_written: str | None
    fatalities: int | None
    fatalities_high: int | None
    injured: int | None
    captured: int | None
    copy_of: str | None = None  # the document this one republishes, when it is a copy


@dataclass(frozen=True, slots=True)
class Incident:
    """One real event told by one or more reports (``fuse``): every source, and where they disagree."""

    incident_id: str
    event_date: dt.date | None
    date_last: dt.date | None  # the latest date a source gives (equal to event_date when all agree)
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    actor2: str | None
    country: str | None
    iso3: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    geonames_id: int | None
    fatalities_low: int | None  # the range spanning every source's figure
    fatalities_high: int | None
    injured_low: int | None
    injured_high: int | None
    captured_low: int | None
    captured_high: int | None
    independent_sources: int  # republications of one article count once
    reports: tuple[SourceReport, ...]
    disagreements: tuple[str, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source or "unknown source" for r in self.reports))

    @property
    def claimants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.claimed_by for r in self.reports if r.claimed_by))


@dataclass(frozen=True, slots=True)
class ControlChange:
    """A place changing hands, from a territorial incident, with its evidence."""

    place_key: str  # geonames:ID, or the place's name when it has no gazetteer entry
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    date: dt.date
    controller: str  # who holds the place after the change
    previous: str | None  # who held it before, as the sources say
    sub_event_type: str
    incident_id: str
    event_ids: tuple[str, ...]
    sources: tuple[str, ...]
    claimants: tuple[str, ...]
    counted: bool  # False: retaken within a day, so ACLED counts only the final capture
    note: str
    names: tuple[str, ...] = ()  # the place as each source wrote it
