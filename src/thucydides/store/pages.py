"""What the HTTP API reads from the SQLite store: pages of events in key order, and single records.

A page is read by key (keyset pagination): events are ordered by (date, id), undated last, and the
next page starts after the last key returned, so a page costs the same wherever it starts and a
record stored meanwhile neither repeats nor skips one. Every value reaches SQL as a parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.model import Event, Evidence, Incident
from thucydides.record import RECORD_FIELDS, event_from_record, incident_from_record
from thucydides.store.base import EventFilter, IncidentFilter
from thucydides.store.conditions import place_time_type
from thucydides.store.connection import fold, sqlite_errors

UNDATED_KEY = "~"  # the sort key of an undated event: after every ISO date (migration 5's index)
_SORT_KEY = f"ifnull(event_date, '{UNDATED_KEY}')"


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees: west, south, east, north (west > east crosses the antimeridian)."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class EventQuery:
    """``EventFilter`` plus what the API adds: a bounding box, free text, a minimum of sources.

    - ``text``: a substring, ignoring case, of the whole record (notes, places, actors, evidence);
    - ``min_sources``: the event's incident is told by at least that many independent sources
      (an event not yet fused counts as one source).
    """

    filter: EventFilter = field(default_factory=EventFilter)
    bbox: BBox | None = None
    text: str | None = None
    min_sources: int | None = None


@dataclass(frozen=True, slots=True)
class PageKey:
    """Where a page ends: the sort key (date, ``UNDATED_KEY`` when undated) and the record's id."""

    date: str
    event_id: str  # or the incident's id, on a page of incidents


@dataclass(frozen=True, slots=True)
class EventPage:
    """Events of one page, as spec records (each as stored, linked to its incident), and the key to
    continue after them (None on the last page)."""

    records: list[dict[str, Any]]
    next: PageKey | None

    @property
    def events(self) -> list[Event]:
        """The page's events in typed form."""
        return [event_from_record(record) for record in self.records]


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """An evidence span of a stored document and the event it supports."""

    event_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored report: its clean text, metadata, and where its events' evidence lies in the text."""

    id: str
    input: str
    url: str | None
    source: str | None
    published: dt.date | None
    title: str | None
    text: str
    evidence: list[EvidenceSpan]


def event_page(
    conn: sqlite3.Connection, query: EventQuery, *, after: PageKey | None, limit: int
) -> EventPage:
    """Up to ``limit`` events passing ``query`` after the key ``after`` (from the start when None)."""
    where, params = event_conditions(query)
    if after is not None:
        where.append(f"({_SORT_KEY}, event_id) > (?, ?)")
        params += [after.date, after.event_id]
    rows = conn.execute(
        f"SELECT record, incident_id, {_SORT_KEY} FROM events"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {_SORT_KEY}, event_id LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    records = [_record(record, incident_id) for record, incident_id, _ in rows]
    last = rows[-1] if rows else None
    return EventPage(records, PageKey(last[2], records[-1]["event_id"]) if more and last else None)


def event_conditions(query: EventQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for ``query`` (``EventFilter.matches`` plus the API's own)."""
    wanted = query.filter
    where, params = place_time_type(dataclasses.replace(wanted, date_from=None, date_to=None))
    dates, bounds = date_range(wanted.date_from, wanted.date_to)
    where, params = dates + where, bounds + params
    if wanted.actor is not None:
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        where.append("(" + " OR ".join(f"instr(thu_fold({column}), ?) > 0" for column in columns) + ")")
        params += [fold(wanted.actor)] * len(columns)
    if wanted.source is not None:
        where.append("instr(thu_fold(source), ?) > 0")
        params.append(fold(wanted.source))
    if wanted.document_id is not None:
        where.append("document_id = ?")
        params.append(wanted.document_id)
    if query.bbox is not None:
        box = query.bbox
        where.append("latitude BETWEEN ? AND ?")
        params += [box.south, box.north]
        if box.west <= box.east:
            where.append("longitude BETWEEN ? AND ?")
            params += [box.west, box.east]
        else:  # across the antimeridian
            where.append("(longitude >= ? OR longitude <= ?)")
            params += [box.west, box.east]
    if query.text is not None:
        where.append("instr(thu_fold(record), ?) > 0")
        params.append(fold(query.text))
    if query.min_sources is not None and query.min_sources > 1:
        where.append("incident_id IN (SELECT incident_id FROM incidents WHERE independent_sources >= ?)")
        params.append(query.min_sources)
    return where, params


@dataclass(frozen=True, slots=True)
class IncidentPage:
    """Incidents of one page, as their stored records (``incident_to_record``), and the key to
    continue after them (None on the last page)."""

    records: list[dict[str, Any]]
    next: PageKey | None

    @property
    def incidents(self) -> list[Incident]:
        """The page's incidents in typed form."""
        return [incident_from_record(record) for record in self.records]


def incident_page(
    conn: sqlite3.Connection, filter: IncidentFilter, *, after: PageKey | None, limit: int
) -> IncidentPage:
    """Up to ``limit`` incidents passing ``filter``, by (date, id), undated last, after ``after``."""
    where, params = place_time_type(dataclasses.replace(filter, date_from=None, date_to=None))
    dates, bounds = date_range(filter.date_from, filter.date_to)
    where, params = dates + where, bounds + params
    if filter.min_sources is not None:
        where.append("independent_sources >= ?")
        params.append(filter.min_sources)
    if after is not None:
        where.append(f"({_SORT_KEY}, incident_id) > (?, ?)")
        params += [after.date, after.event_id]
    rows = conn.execute(
        f"SELECT record, {_SORT_KEY}, incident_id FROM incidents"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {_SORT_KEY}, incident_id LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    found = [json.loads(row[0]) for row in rows]
    return IncidentPage(found, PageKey(rows[-1][1], rows[-1][2]) if more and rows else None)


def date_range(first: dt.date | None, last: dt.date | None) -> tuple[list[str], list[Any]]:
    """Date bounds on the sort key rather than on ``event_date``: the same records (a bound leaves
    undated ones out), read from migration 5's indexes alone, which also give the order, so that a
    page reads only the rows it returns."""
    where: list[str] = []
    params: list[Any] = []
    if first is not None or last is not None:
        where.append(f"{_SORT_KEY} < ?")
        params.append(UNDATED_KEY)
    if first is not None:
        where.append(f"{_SORT_KEY} >= ?")
        params.append(first.isoformat())
    if last is not None:
        where.append(f"{_SORT_KEY} <= ?")
        params.append(last.isoformat())
    return where, params


def event_by_id(conn: sqlite3.Connection, event_id: str) -> Event | None:
    """The stored event ``event_id``, linked to its incident; None when there is none."""
    row = conn.execute("SELECT record, incident_id FROM events WHERE event_id = ?", (event_id,)).fetchone()
    return None if row is None else _event(row[0], row[1])


def incident_by_id(conn: sqlite3.Connection, incident_id: str) -> Incident | None:
    """The stored incident ``incident_id``; None when there is none."""
    row = conn.execute("SELECT record FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
    return None if row is None else incident_from_record(json.loads(row[0]))


def evidence_of(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[Evidence]]:
    """The evidence of each of ``event_ids`` (absent ids are left out)."""
    found: dict[str, list[Evidence]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        rows = conn.execute(
            'SELECT event_id, document_id, start, "end", text FROM evidence'
            f" WHERE event_id IN ({','.join('?' * len(chunk))}) ORDER BY event_id, seq",
            chunk,
        ).fetchall()
        for event_id, document_id, begin, end, text in rows:
            found.setdefault(event_id, []).append(Evidence(document_id, begin, end, text))
    return found


def document_by_id(
    conn: sqlite3.Connection, document_id: str, *, evidence: bool = True
) -> StoredDocument | None:
    """The stored document ``document_id`` with its events' evidence spans (left out when not
    ``evidence``: a long report holds hundreds); None when there is none."""
    row = conn.execute(
        "SELECT id, input, url, source, published, title, text FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        return None
    spans = (
        conn.execute(
            'SELECT event_id, start, "end" FROM evidence WHERE document_id = ?'
            ' ORDER BY start, "end", event_id',
            (document_id,),
        ).fetchall()
        if evidence
        else []
    )
    return StoredDocument(
        id=row[0],
        input=row[1],
        url=row[2],
        source=row[3],
        published=dt.date.fromisoformat(row[4]) if row[4] else None,
        title=row[5],
        text=row[6],
        evidence=[EvidenceSpan(event_id, start, end) for event_id, start, end in spans],
    )


def has_country(conn: sqlite3.Connection, country: str) -> bool:
    """Whether any stored event is in ``country`` (ignoring case), read from the country index."""
    return conn.execute("SELECT 1 FROM events WHERE country = ? LIMIT 1", (country,)).fetchone() is not None


def facets(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the map's filters offer: the date range and the distinct types, outlets and admin1."""

    def distinct(column: str) -> list[str]:
        rows = conn.execute(
            f"SELECT DISTINCT {column} FROM events WHERE {column} IS NOT NULL ORDER BY {column}"
        ).fetchall()
        return [str(row[0]) for row in rows]

    first, last = conn.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    return {
        "date_min": first,
        "date_max": last,
        "event_types": distinct("event_type"),
        "sources": distinct("source"),
        "admin1": distinct("admin1"),
        "countries": distinct("country"),
    }


def _record(text: str, incident_id: str | None) -> dict[str, Any]:
    """The spec record as stored, in the spec's fields; the record is the document's own, and fusion
    only links it to an incident (the column)."""
    stored = json.loads(text)
    record = {name: stored.get(name) for name in RECORD_FIELDS}
    record["incident_id"] = incident_id
    return record


def _event(text: str, incident_id: str | None) -> Event:
    return event_from_record(_record(text, incident_id))


class PageReads:
    """The ``Store`` methods of the reads above, for a store holding a connection (``SqliteStore``)."""

    path: Path
    _conn: sqlite3.Connection

    def event_page(self, query: EventQuery, *, after: PageKey | None, limit: int) -> EventPage:
        """Up to ``limit`` events passing ``query``, by (date, id), undated last, after ``after``."""
        with sqlite_errors(self.path, "read a page of events"):
            return event_page(self._conn, query, after=after, limit=limit)

    def event(self, event_id: str) -> Event | None:
        """One stored event, linked to its incident; None when there is none."""
        with sqlite_errors(self.path, "read an event"):
            return event_by_id(self._conn, event_id)

    def evidence(self, event_ids: list[str]) -> dict[str, list[Evidence]]:
        """The evidence of each of ``event_ids`` (the ids not stored are left out)."""
        with sqlite_errors(self.path, "read evidence"):
            return evidence_of(self._conn, event_ids)

    def incident_page(self, filter: IncidentFilter, *, after: PageKey | None, limit: int) -> IncidentPage:
        """Up to ``limit`` incidents passing ``filter``, by (date, id), undated last, after ``after``."""
        with sqlite_errors(self.path, "read a page of incidents"):
            return incident_page(self._conn, filter, after=after, limit=limit)

    def incident(self, incident_id: str) -> Incident | None:
        """One stored incident; None when there is none."""
        with sqlite_errors(self.path, "read an incident"):
            return incident_by_id(self._conn, incident_id)

    def document(self, document_id: str, *, evidence: bool = True) -> StoredDocument | None:
        """One stored document with its events' evidence spans (none when not ``evidence``); None when
        there is no such document."""
        with sqlite_errors(self.path, "read a document"):
            return document_by_id(self._conn, document_id, evidence=evidence)

    def has_country(self, country: str) -> bool:
        """Whether any stored event is in ``country`` (ignoring case); cheaper than ``countries``."""
        with sqlite_errors(self.path, "read countries"):
            return has_country(self._conn, country)

    def facets(self) -> dict[str, Any]:
        """The stored events' date range and distinct types, outlets, admin1 and countries."""
        with sqlite_errors(self.path, "read the filters' values"):
            return facets(self._conn)
