"""The SQLite store: one file, WAL mode, every write in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from thucydides.errors import StoreError
from thucydides.model import ControlChange, Document, Event, Incident, Mention, Problem
from thucydides.record import event_from_record, event_to_record
from thucydides.store import feeds as feed_rows
from thucydides.store.base import EventFilter, IncidentFilter, StoreStatus
from thucydides.store.conditions import place_time_type
from thucydides.store.connection import connect, fold, sqlite_errors, transaction
from thucydides.store.feeds import FeedState, SeenEntry
from thucydides.store.fusion import FusionSession
from thucydides.store.migrations import applied_migrations, grid_cell, is_coarse, migrate
from thucydides.store.pages import PageReads


class SqliteStore(PageReads):
    """A ``Store`` in a SQLite file, created (with its directory) and migrated on open; what the HTTP
    API reads comes from ``PageReads`` (``store/pages.py``)."""

    def __init__(self, path: Path, *, busy_timeout_s: float = 10.0) -> None:
        self.path = Path(path)
        self._conn = connect(self.path, busy_timeout_s=busy_timeout_s)
        try:
            with sqlite_errors(self.path, "migrate the database"):
                migrate(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, settings_record: dict[str, Any], versions: dict[str, Any]) -> str:
        """Record the start of a run; the id sorts by start time (``20161208T101500Z-1a2b3c4d``)."""
        started = _now()
        run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        with self._write("start a run") as conn:
            conn.execute(
                "INSERT INTO runs (run_id, started_at, settings, versions) VALUES (?, ?, ?, ?)",
                (run_id, _iso(started), _meta_json(settings_record), _meta_json(versions)),
            )
        return run_id

    def finish_run(
        self, run_id: str, summary: dict[str, Any], *, versions: dict[str, Any] | None = None
    ) -> None:
        """Record the end of ``run_id`` and its summary (and the versions, when given)."""
        with self._write("finish a run") as conn:
            self._require_run(conn, run_id)
            conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE run_id = ?",
                (_iso(_now()), _meta_json(summary), run_id),
            )
            if versions is not None:
                conn.execute("UPDATE runs SET versions = ? WHERE run_id = ?", (_meta_json(versions), run_id))

    # -- documents and events -----------------------------------------------------------------

    def add_document(self, doc: Document, run_id: str) -> bool:
        """Store ``doc``, its mentions and events in one transaction; False if it is already stored."""
        for event in doc.events:
            if event.document_id != doc.id:
                raise StoreError(
                    f"Event {event.event_id} says it comes from document {event.document_id}, but it is "
                    f"attached to document {doc.id} ({doc.input}). This is a bug in the stage that made it."
                )
        with self._write(f"store document {doc.input}") as conn:
            if _exists(conn, "SELECT 1 FROM documents WHERE id = ?", doc.id):
                return False
            self._require_run(conn, run_id)
            conn.execute(
                "INSERT INTO documents (id, run_id, input, url, source, published, language, title, text,"
                " stored_at, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    run_id,
                    doc.input,
                    doc.url,
                    doc.source,
                    doc.published.isoformat() if doc.published else None,
                    doc.language,
                    doc.title,
                    doc.text,
                    _iso(_now()),
                    _extra_json(doc.extra),
                ),
            )
            conn.executemany(
                'INSERT INTO mentions (document_id, seq, kind, start, "end", text, sentence, label, place_id)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _mention_rows(doc),
            )
            for event in doc.events:
                self._insert_event(conn, event, run_id)
        return True

    def _insert_event(self, conn: sqlite3.Connection, event: Event, run_id: str) -> None:
        existing = conn.execute(
            "SELECT document_id FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        if existing is not None:
            raise StoreError(
                f"Event id {event.event_id} is already stored in {self.path} (from document {existing[0]}). "
                "Event ids must be unique: this is a bug in how they are made; nothing of this document "
                "was stored."
            )
        record = event_to_record(event)
        conn.execute(
            "INSERT INTO events (event_id, document_id, run_id, event_date, event_type, sub_event_type,"
            " actor1, assoc_actor_1, actor2, assoc_actor_2, country, admin1, source, incident_id, record,"
            " cell, coarse, latitude, longitude, fatalities)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.event_id,
                event.document_id,
                run_id,
                record["event_date"],
                event.event_type,
                event.sub_event_type,
                event.actor1,
                event.assoc_actor_1,
                event.actor2,
                event.assoc_actor_2,
                event.country,
                event.admin1,
                event.source,
                event.incident_id,
                _record_json(record, event.event_id),
                grid_cell(event.latitude, event.longitude),
                is_coarse(record),
                event.latitude,
                event.longitude,
                event.fatalities,
            ),
        )
        conn.executemany(
            'INSERT INTO evidence (event_id, seq, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
            [
                (event.event_id, seq, ev.document_id, ev.start, ev.end, ev.text)
                for seq, ev in enumerate(event.evidence)
            ],
        )

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content hash is stored."""
        with sqlite_errors(self.path, "read documents"):
            return _exists(self._conn, "SELECT 1 FROM documents WHERE id = ?", doc_id)

    def documents_count(self) -> int:
        """How many documents are stored."""
        with sqlite_errors(self.path, "count documents"):
            (count,) = self._conn.execute("SELECT count(*) FROM documents").fetchone()
        return int(count)

    def pending_fusion(self) -> int:
        """How many stored records no fusion run has linked yet (``fused_at`` is written with the
        links, in fusion's transaction; a record is stored unfused in its document's transaction)."""
        with sqlite_errors(self.path, "count records left to fuse"):
            (count,) = self._conn.execute("SELECT count(*) FROM events WHERE fused_at IS NULL").fetchone()
        return int(count)

    def status(self) -> StoreStatus:
        """Counts of what is stored, what is pending and what went wrong."""

        def count(sql: str) -> int:
            return int(self._conn.execute(sql).fetchone()[0] or 0)

        with sqlite_errors(self.path, "read the store's status"):
            problems = self._conn.execute(
                "SELECT kind, count(*) FROM problems GROUP BY kind ORDER BY kind"
            ).fetchall()
            return StoreStatus(
                path=str(self.path),
                schema=max(applied_migrations(self._conn), default=0),
                documents=count("SELECT count(*) FROM documents"),
                events=count("SELECT count(*) FROM events"),
                undated_events=count("SELECT count(*) FROM events WHERE event_date IS NULL"),
                incidents=count("SELECT count(*) FROM incidents"),
                multi_source_incidents=count("SELECT count(*) FROM incidents WHERE independent_sources > 1"),
                control_changes=count("SELECT count(*) FROM control_changes"),
                pending_fusion=count("SELECT count(*) FROM events WHERE fused_at IS NULL"),
                runs=count("SELECT count(*) FROM runs"),
                unfinished_runs=count("SELECT count(*) FROM runs WHERE finished_at IS NULL"),
                problems={str(kind): int(n) for kind, n in problems},
            )

    def countries(self) -> list[str]:
        """The countries of the stored events, sorted."""
        with sqlite_errors(self.path, "read countries"):
            rows = self._conn.execute(
                "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY country"
            ).fetchall()
        return [str(row[0]) for row in rows]

    def events(self, filter: EventFilter | None = None) -> list[Event]:
        """Stored events passing ``filter``, by event date (undated last), document id, event id."""
        where, params = _where(filter or EventFilter())
        sql = (
            "SELECT record, incident_id FROM events"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY event_date IS NULL, event_date, document_id, event_id"
        )
        with sqlite_errors(self.path, "read events"):
            rows = self._conn.execute(sql, params).fetchall()
        # The record is the document's own; fusion only links it to an incident (the column).
        return [
            dataclasses.replace(event_from_record(json.loads(row[0])), incident_id=row[1]) for row in rows
        ]

    # -- fusion -------------------------------------------------------------------------------

    @contextmanager
    def fusion(self) -> Iterator[FusionSession]:
        """A fusion run in one write transaction: all its links and incidents, or none."""
        with self._write("fuse events into incidents") as conn:
            yield FusionSession(conn)

    def incidents(self, filter: IncidentFilter | None = None) -> list[Incident]:
        """Stored incidents passing ``filter``, by date then id."""
        with sqlite_errors(self.path, "read incidents"):
            return FusionSession(self._conn).incidents(filter or IncidentFilter())

    def control_changes(
        self, *, admin1: str | None = None, date_to: dt.date | None = None
    ) -> list[ControlChange]:
        """Control changes, by place then date."""
        with sqlite_errors(self.path, "read control changes"):
            return FusionSession(self._conn).control_changes(admin1=admin1, date_to=date_to)

    # -- problems -----------------------------------------------------------------------------

    def add_problem(self, problem: Problem, run_id: str) -> None:
        """Record ``problem`` under ``run_id``."""
        with self._write("record a problem") as conn:
            self._require_run(conn, run_id)
            conn.execute(
                "INSERT INTO problems (run_id, input, stage, kind, message, document_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    problem.input,
                    problem.stage,
                    problem.kind,
                    problem.message,
                    problem.document_id,
                    _iso(_now()),
                ),
            )

    def problems(self, run_id: str | None = None) -> list[Problem]:
        """Recorded problems, oldest first; only those of ``run_id`` when given."""
        sql = "SELECT input, stage, kind, message, document_id FROM problems"
        params: tuple[str, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        with sqlite_errors(self.path, "read problems"):
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [
            Problem(input=row[0], stage=row[1], kind=row[2], message=row[3], document_id=row[4])
            for row in rows
        ]

    # -- feeds (store/feeds.py) ---------------------------------------------------------------

    def feed(self, url: str) -> FeedState | None:
        """The followed feed at ``url``, with its validators and health; None if never followed."""
        with sqlite_errors(self.path, "read a feed"):
            return feed_rows.get_feed(self._conn, url)

    def feeds(self) -> list[FeedState]:
        """Every followed feed, by URL, with the number of entries seen in each."""
        with sqlite_errors(self.path, "read the feeds"):
            return feed_rows.list_feeds(self._conn)

    def save_feed(self, state: FeedState) -> None:
        """Record a feed's validators and health (added the first time)."""
        with self._write(f"record the feed {state.url}") as conn:
            feed_rows.save_feed(conn, state, now=_now())

    def seen_entry(self, link: str) -> SeenEntry | None:
        """The latest outcome recorded for an article link, in any feed."""
        with sqlite_errors(self.path, "read the entries seen"):
            return feed_rows.seen_entry(self._conn, link)

    def mark_entry(self, entry: SeenEntry) -> None:
        """Record what became of a feed entry's article (its feed must be recorded first)."""
        with self._write(f"record the entry {entry.link}") as conn:
            feed_rows.mark_entry(conn, entry, now=_now())

    # -- lifetime -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- helpers ------------------------------------------------------------------------------

    @contextmanager
    def _write(self, doing: str) -> Iterator[sqlite3.Connection]:
        with sqlite_errors(self.path, doing), transaction(self._conn) as conn:
            yield conn

    def _require_run(self, conn: sqlite3.Connection, run_id: str) -> None:
        if not _exists(conn, "SELECT 1 FROM runs WHERE run_id = ?", run_id):
            raise StoreError(
                f"There is no run {run_id!r} in {self.path}. "
                "Call start_run() first and pass the id it returns."
            )


def _where(filter: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for ``filter`` (the semantics of ``EventFilter.matches``)."""
    where, params = place_time_type(filter)
    if filter.actor is not None:
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        where.append("(" + " OR ".join(f"instr(thu_fold({column}), ?) > 0" for column in columns) + ")")
        params += [fold(filter.actor)] * len(columns)
    if filter.source is not None:
        where.append("instr(thu_fold(source), ?) > 0")
        params.append(fold(filter.source))
    if filter.document_id is not None:
        where.append("document_id = ?")
        params.append(filter.document_id)
    return where, params


def _mention_rows(doc: Document) -> list[tuple[Any, ...]]:
    """Every mention of ``doc`` once, in order: its mentions, then those only its places, figures
    or dates hold; a place mention carries the id of the place it was resolved to."""
    place_ids: dict[Mention, str] = {}
    for place in doc.places:
        if place.place is not None:
            place_ids.setdefault(place.mention, place.place.place_id)
    ordered = [
        *doc.mentions,
        *(place.mention for place in doc.places),
        *(quantity.mention for quantity in doc.quantities),
        *(time.mention for time in doc.times),
    ]
    unique = list(dict.fromkeys(ordered))
    return [
        (doc.id, seq, str(m.kind), m.start, m.end, m.text, m.sentence, m.label, place_ids.get(m))
        for seq, m in enumerate(unique)
    ]


def _exists(conn: sqlite3.Connection, sql: str, *params: Any) -> bool:
    return conn.execute(sql, params).fetchone() is not None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _record_json(record: dict[str, Any], event_id: str) -> str:
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError as exc:  # NaN or infinity: not JSON, and a sign of a bug upstream
        raise StoreError(
            f"Event {event_id} has a value that is not a number (NaN or infinity): {exc}. "
            "Fix the stage that set it; nothing of this document was stored."
        ) from exc


def _extra_json(extra: tuple[tuple[str, str], ...]) -> str | None:
    """The extra metadata as one JSON object (each value is already JSON text); None when empty."""
    if not extra:
        return None
    return "{" + ",".join(f"{json.dumps(key, ensure_ascii=False)}:{value}" for key, value in extra) + "}"


def _meta_json(value: dict[str, Any]) -> str:
    # Settings and versions may hold paths or dates: kept as their text.
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
