"""The store interface: what every backend (SQLite now, PostgreSQL later) offers.

A backend keeps five things: runs (settings and versions of each pipeline run),
documents (clean text, metadata and mentions), their events (the full spec
record plus indexed columns for the filters of ``EventFilter``), problems, and
the feeds a watch follows with the entries it has seen (``store/feeds.py``).
Every write is one transaction: a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from thucydides.model import ControlChange, Document, Event, Evidence, Incident, Problem
from thucydides.store.feeds import FeedState, SeenEntry

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from thucydides.store.fusion import FusionSession
    from thucydides.store.pages import EventPage, EventQuery, IncidentPage, PageKey, StoredDocument


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field left as None matches everything.

    - ``date_from``/``date_to``: inclusive bounds on ``event_date`` (events without a
      date are left out as soon as either bound is set);
    - ``country``, ``admin1``: equal, ignoring case;
    - ``type``: equal to ``event_type`` or to ``sub_event_type``, ignoring case;
    - ``actor``: a substring, ignoring case, of actor1, actor2 or either assoc actors;
    - ``source``: a substring of the publisher, ignoring case;
    - ``document_id``: the events of one document.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    actor: str | None = None
    source: str | None = None
    document_id: str | None = None

    def matches(self, event: Event) -> bool:
        """Whether ``event`` passes the filter (the reference semantics for every backend)."""
        if self.date_from is not None or self.date_to is not None:
            if event.event_date is None:
                return False
            if self.date_from is not None and event.event_date < self.date_from:
                return False
            if self.date_to is not None and event.event_date > self.date_to:
                return False
        if self.country is not None and not _same(event.country, self.country):
            return False
        if self.admin1 is not None and not _same(event.admin1, self.admin1):
            return False
        if self.type is not None and not (
            _same(event.event_type, self.type) or _same(event.sub_event_type, self.type)
        ):
            return False
        if self.actor is not None:
            actors = (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
            if not any(_contains(actor, self.actor) for actor in actors):
                return False
        if self.source is not None and not _contains(event.source, self.source):
            return False
        return self.document_id is None or event.document_id == self.document_id


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents to return; None matches everything. ``min_sources``: at least that many
    independent sources; ``type`` matches the type or sub-type; the rest as in ``EventFilter``."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    min_sources: int | None = None


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """What a store holds and what is left to do in it (``thucydides status``)."""

    path: str
    schema: int
    documents: int
    events: int
    undated_events: int
    incidents: int
    multi_source_incidents: int
    control_changes: int
    pending_fusion: int  # records stored but not yet fused (a run was killed, or --no-fuse)
    runs: int
    unfinished_runs: int  # runs that started and never recorded their end
    problems: dict[str, int]  # kind -> count


def _same(value: str | None, wanted: str) -> bool:
    return value is not None and value.casefold() == wanted.casefold()


def _contains(value: str | None, part: str) -> bool:
    return value is not None and part.casefold() in value.casefold()


class Store(Protocol):
    """Where documents, events, problems and runs are kept."""

    def start_run(self, settings_record: dict[str, Any], versions: dict[str, Any]) -> str:
        """Record the start of a run with its settings and component versions; returns its id."""
        ...

    def finish_run(
        self, run_id: str, summary: dict[str, Any], *, versions: dict[str, Any] | None = None
    ) -> None:
        """Record the end of a run and what it did (counts of documents, events, problems);
        ``versions`` replaces those recorded at the start (resources loaded later in the run)."""
        ...

    def add_document(self, doc: Document, run_id: str) -> bool:
        """Store a document with its mentions and events; False (and nothing written) if already stored."""
        ...

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content hash is stored."""
        ...

    def add_problem(self, problem: Problem, run_id: str) -> None:
        """Record why an input or document could not be processed."""
        ...

    def events(self, filter: EventFilter | None = None) -> list[Event]:
        """Stored events passing ``filter`` (all when None), by event date (undated last), document, id."""
        ...

    def documents_count(self) -> int:
        """How many documents are stored."""
        ...

    def pending_fusion(self) -> int:
        """How many stored records no fusion run has linked yet."""
        ...

    def status(self) -> StoreStatus:
        """Counts of what is stored, what is pending and what went wrong."""
        ...

    def countries(self) -> list[str]:
        """The countries of the stored events, sorted."""
        ...

    def problems(self, run_id: str | None = None) -> list[Problem]:
        """Recorded problems, oldest first; only those of ``run_id`` when given."""
        ...

    def fusion(self) -> AbstractContextManager[FusionSession]:
        """A fusion run's session, in one write transaction."""
        ...

    def incidents(self, filter: IncidentFilter | None = None) -> list[Incident]:
        """Stored incidents passing ``filter``."""
        ...

    def control_changes(
        self, *, admin1: str | None = None, date_to: dt.date | None = None
    ) -> list[ControlChange]:
        """Control changes, by place then date."""
        ...

    # -- what the HTTP API reads (``store/pages.py``) --

    def event_page(self, query: EventQuery, *, after: PageKey | None, limit: int) -> EventPage:
        """Up to ``limit`` events passing ``query``, by (date, id), undated last, after ``after``."""
        ...

    def event(self, event_id: str) -> Event | None:
        """One stored event, linked to its incident; None when there is none."""
        ...

    def evidence(self, event_ids: list[str]) -> dict[str, list[Evidence]]:
        """The evidence of each of ``event_ids`` (the ids not stored are left out)."""
        ...

    def incident_page(self, filter: IncidentFilter, *, after: PageKey | None, limit: int) -> IncidentPage:
        """Up to ``limit`` incidents passing ``filter``, by (date, id), undated last, after ``after``."""
        ...

    def incident(self, incident_id: str) -> Incident | None:
        """One stored incident; None when there is none."""
        ...

    def document(self, document_id: str, *, evidence: bool = True) -> StoredDocument | None:
        """One stored document with its events' evidence spans (none when not ``evidence``); None when
        there is no such document."""
        ...

    def has_country(self, country: str) -> bool:
        """Whether any stored event is in ``country`` (ignoring case); cheaper than ``countries``."""
        ...

    def facets(self) -> dict[str, Any]:
        """The stored events' date range and distinct types, outlets, admin1 and countries."""
        ...

    def feed(self, url: str) -> FeedState | None:
        """The followed feed at ``url``, with its validators and health; None if never followed."""
        ...

    def feeds(self) -> list[FeedState]:
        """Every followed feed, by URL, with the number of entries seen in each."""
        ...

    def save_feed(self, state: FeedState) -> None:
        """Record a feed's validators and health (added the first time)."""
        ...

    def seen_entry(self, link: str) -> SeenEntry | None:
        """The latest outcome recorded for an article link, in any feed."""
        ...

    def mark_entry(self, entry: SeenEntry) -> None:
        """Record what became of a feed entry's article (its feed must be recorded first)."""
        ...

    def close(self) -> None:
        """Release the connection; closing twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
