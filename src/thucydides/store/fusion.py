"""The fusion tables of the SQLite store: links, incidents, control changes, document signatures.

A ``FusionSession`` works on a connection inside one transaction (``SqliteStore.fusion``):
fusion only sets the ``incident_id`` link of event rows and replaces incidents and
control changes; it never rewrites a record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from thucydides.fuse.compare import DATE_TOLERANCE_DAYS, MAX_DATE_TOLERANCE_DAYS, place_key
from thucydides.fuse.copies import DocumentInfo, signature
from thucydides.model import ControlChange, Event, Incident
from thucydides.record import (
    control_from_record,
    control_to_record,
    event_from_record,
    incident_from_record,
    incident_to_record,
)
from thucydides.store.base import IncidentFilter
from thucydides.store.conditions import place_time_type
from thucydides.store.migrations import cell_of, cell_position

FINE_CELLS = 2  # a fine pair is within 25 km: two cells of 0.25 degrees either way
COARSE_CELLS = 5  # a coarse pair is within 100 km


class FusionSession:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- events -----------------------------------------------------------------------------

    def unfused(self) -> list[Event]:
        """Events no fusion run has linked yet, in id order."""
        return self._events("WHERE fused_at IS NULL ORDER BY event_id", ())

    def forget_links(self) -> None:
        """Make every event unfused again (for a full re-fusion); incidents are rebuilt after."""
        self.conn.execute("UPDATE events SET fused_at = NULL")

    def candidates(self, event: Event) -> list[Event]:
        """Stored events that may tell the same event as ``event``: near in place and time.

        Fine records (a named place, a known day) meet fine ones within two grid cells and
        a day; coarse records (a province, a week, no coordinates) are searched wider, from
        either side of the pair, so the result does not depend on which one came first.
        """
        if event.event_date is None:
            return []
        row = self.conn.execute(
            "SELECT cell, coarse FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        cell, coarse = row if row else (None, 1)
        found: dict[str, Event] = {}
        if cell is None:
            # No coordinates: only a record of the same named place can match.
            for other in self._events(
                "WHERE cell IS NULL AND event_date BETWEEN ? AND ? AND country IS ?",
                (*_window(event.event_date, MAX_DATE_TOLERANCE_DAYS), event.country),
            ):
                found[other.event_id] = other
            return list(found.values())
        window = _window(event.event_date, MAX_DATE_TOLERANCE_DAYS)
        wide = _cells_around(int(cell), COARSE_CELLS)
        if coarse:
            queries = [(f"WHERE cell IN ({_marks(wide)}) AND event_date BETWEEN ? AND ?", (*wide, *window))]
        else:
            near = _cells_around(int(cell), FINE_CELLS)
            queries = [
                (
                    f"WHERE cell IN ({_marks(near)}) AND event_date BETWEEN ? AND ?",
                    (*near, *_window(event.event_date, DATE_TOLERANCE_DAYS[1])),
                ),
                (
                    f"WHERE coarse = 1 AND cell IN ({_marks(wide)}) AND event_date BETWEEN ? AND ?",
                    (*wide, *window),
                ),
            ]
        for where, params in queries:
            for other in self._events(where, params):
                found[other.event_id] = other
        found.pop(event.event_id, None)
        return list(found.values())

    def link(self, links: dict[str, str], fused_at: str) -> None:
        """Point each event at its incident."""
        self.conn.executemany(
            "UPDATE events SET incident_id = ?, fused_at = ? WHERE event_id = ?",
            [(incident_id, fused_at, event_id) for event_id, incident_id in links.items()],
        )

    # -- documents --------------------------------------------------------------------------

    def documents(self, document_ids: Iterable[str]) -> list[DocumentInfo]:
        """Publication dates and MinHash signatures, computed and kept on first use."""
        infos = []
        for document_id in sorted(set(document_ids)):
            row = self.conn.execute(
                "SELECT d.published, s.signature, d.text FROM documents d"
                " LEFT JOIN document_signatures s ON s.document_id = d.id WHERE d.id = ?",
                (document_id,),
            ).fetchone()
            if row is None:
                continue
            published, stored, text = row
            if stored is None:
                stored = signature(text)
                self.conn.execute(
                    "INSERT INTO document_signatures (document_id, signature) VALUES (?, ?)",
                    (document_id, stored),
                )
            infos.append(
                DocumentInfo(
                    document_id, dt.date.fromisoformat(published) if published else None, bytes(stored)
                )
            )
        return infos

    # -- incidents --------------------------------------------------------------------------

    def incidents_of(self, event_ids: Iterable[str]) -> list[Incident]:
        """The stored incidents that hold any of ``event_ids``."""
        ids = sorted(set(event_ids))
        found: dict[str, Incident] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT DISTINCT i.record FROM incidents i JOIN events e ON e.incident_id = i.incident_id"
                f" WHERE e.event_id IN ({marks})",
                chunk,
            ).fetchall()
            for (record,) in rows:
                incident = incident_from_record(json.loads(record))
                found[incident.incident_id] = incident
        return list(found.values())

    def replace_incidents(self, old: Iterable[str], new: Sequence[Incident]) -> None:
        """Drop the incidents ``old`` names and store ``new`` (an id in both is rewritten)."""
        self.conn.executemany("DELETE FROM incidents WHERE incident_id = ?", [(i,) for i in set(old)])
        self.conn.executemany(
            "INSERT OR REPLACE INTO incidents (incident_id, event_date, event_type, sub_event_type, country,"
            " admin1, place_key, independent_sources, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i.incident_id,
                    i.event_date.isoformat() if i.event_date else None,
                    i.event_type,
                    i.sub_event_type,
                    i.country,
                    i.admin1,
                    place_key(i),
                    i.independent_sources,
                    _json(incident_to_record(i)),
                )
                for i in new
            ],
        )

    def incidents_at(
        self, place_key: str, sub_event_types: Iterable[str], *, since: dt.date
    ) -> list[Incident]:
        """Incidents of these types at one place on or after ``since``."""
        types = sorted(sub_event_types)
        rows = self.conn.execute(
            f"SELECT record FROM incidents WHERE place_key = ? AND event_date >= ?"
            f" AND sub_event_type IN ({_marks(types)})",
            (place_key, since.isoformat(), *types),
        ).fetchall()
        return [incident_from_record(json.loads(row[0])) for row in rows]

    def incidents(self, filter: IncidentFilter) -> list[Incident]:
        where, params = _incident_where(filter)
        rows = self.conn.execute(
            "SELECT record FROM incidents"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY event_date IS NULL, event_date, incident_id",
            params,
        ).fetchall()
        return [incident_from_record(json.loads(row[0])) for row in rows]

    # -- control ----------------------------------------------------------------------------

    def replace_control(self, since: dict[str, dt.date], changes: Sequence[ControlChange]) -> None:
        """Replace each place's changes on or after its date in ``since`` by ``changes``."""
        self.conn.executemany(
            "DELETE FROM control_changes WHERE place_key = ? AND date >= ?",
            [(key, date.isoformat()) for key, date in since.items()],
        )
        self.conn.executemany(
            "INSERT INTO control_changes (place_key, incident_id, date, location, admin1, country,"
            " controller, counted, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.place_key,
                    c.incident_id,
                    c.date.isoformat(),
                    c.location,
                    c.admin1,
                    c.country,
                    c.controller,
                    int(c.counted),
                    _json(control_to_record(c)),
                )
                for c in changes
            ],
        )

    def control_changes(self, *, admin1: str | None, date_to: dt.date | None) -> list[ControlChange]:
        where: list[str] = []
        params: list[Any] = []
        if admin1 is not None:
            where.append("admin1 = ?")
            params.append(admin1)
        if date_to is not None:
            where.append("date <= ?")
            params.append(date_to.isoformat())
        rows = self.conn.execute(
            "SELECT record FROM control_changes"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY place_key, date, incident_id",
            params,
        ).fetchall()
        return [control_from_record(json.loads(row[0])) for row in rows]

    # -- helpers ----------------------------------------------------------------------------

    def _events(self, where: str, params: Sequence[Any]) -> list[Event]:
        rows = self.conn.execute(f"SELECT record, incident_id FROM events {where}", tuple(params)).fetchall()
        events = []
        for record, incident_id in rows:
            event = event_from_record(json.loads(record))
            events.append(
                event if incident_id is None else dataclasses.replace(event, incident_id=incident_id)
            )
        return events


def _cells_around(cell: int, reach: int) -> list[int]:
    row, column = cell_position(cell)
    return [
        cell_of(row + dr, column + dc) for dr in range(-reach, reach + 1) for dc in range(-reach, reach + 1)
    ]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _window(date: dt.date, days: int) -> tuple[str, str]:
    return (date - dt.timedelta(days=days)).isoformat(), (date + dt.timedelta(days=days)).isoformat()


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _incident_where(filter: IncidentFilter) -> tuple[list[str], list[Any]]:
    where, params = place_time_type(filter)
    if filter.min_sources is not None:
        where.append("independent_sources >= ?")
        params.append(filter.min_sources)
    return where, params
