"""The SQLite schema as numbered migrations: decorated functions applied in order, each recorded once.

    @migration(2)
    def m002_add_something(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN something TEXT")

A migration never changes once released: a new schema is a new migration.
Each one runs in its own transaction together with its row in the
``migrations`` table, so a failed migration leaves the database as it was.
Migrations run statement by statement (``conn.execute``), never
``executescript``, which would commit behind the transaction's back.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.errors import StoreError
from thucydides.store.connection import transaction

MigrationFunc = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its number, its name (the function's) and the function."""

    id: int
    name: str
    apply: MigrationFunc


_MIGRATIONS: dict[int, Migration] = {}


def migration(id: int) -> Callable[[MigrationFunc], MigrationFunc]:
    """Register the decorated function as schema migration number ``id``."""

    def register(func: MigrationFunc) -> MigrationFunc:
        if id in _MIGRATIONS:
            raise ValueError(f"Migration {id} is defined twice ({_MIGRATIONS[id].name}, {func.__name__}).")
        _MIGRATIONS[id] = Migration(id=id, name=func.__name__, apply=func)
        return func

    return register


def known_migrations() -> tuple[Migration, ...]:
    """Every migration this version of Thucydides knows, in order."""
    return tuple(_MIGRATIONS[key] for key in sorted(_MIGRATIONS))


def applied_migrations(conn: sqlite3.Connection) -> dict[int, str]:
    """Id -> name of the migrations recorded in the database (empty for a new database)."""
    if not _has_table(conn, "migrations"):
        return {}
    return {row[0]: row[1] for row in conn.execute("SELECT id, name FROM migrations ORDER BY id")}


def migrate(conn: sqlite3.Connection, path: Path) -> list[int]:
    """Apply the migrations ``conn`` lacks, in order; returns the ids applied now.

    Raises ``StoreError`` when the database was written by a newer Thucydides,
    or when it is a SQLite database of something else.
    """
    known = known_migrations()
    latest = known[-1].id if known else 0
    applied = applied_migrations(conn)
    if not applied:
        other = [name for name in _table_names(conn) if not name.startswith("sqlite_")]
        if other:
            raise StoreError(
                f"{path} is a SQLite database but not a Thucydides store (it has tables "
                f"{', '.join(sorted(other))}). Set THUCYDIDES_DB to a new file."
            )
    newer = [id for id in applied if id > latest]
    if newer:
        raise StoreError(
            f"The database {path} has schema version {max(newer)}, newer than this Thucydides knows "
            f"({latest}). Upgrade Thucydides (pip install -U thucydides) to open it."
        )
    done: list[int] = []
    for step in known:
        if step.id in applied:
            continue
        with transaction(conn):
            # Checked again under the write lock: another process may have just applied it.
            if step.id in applied_migrations(conn):
                continue
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations ("
                " id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            step.apply(conn)
            conn.execute(
                "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
                (step.id, step.name, _now()),
            )
            conn.execute(f"PRAGMA user_version = {int(step.id)}")
        done.append(step.id)
    return done


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _table_names(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def _execute_all(conn: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    for statement in statements:
        conn.execute(statement)


@migration(1)
def m001_initial(conn: sqlite3.Connection) -> None:
    """Runs, documents, mentions, events, evidence, problems; indexes for ``EventFilter``."""
    _execute_all(
        conn,
        (
            """CREATE TABLE runs (
                run_id TEXT PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                settings TEXT NOT NULL,
                versions TEXT NOT NULL,
                summary TEXT
            )""",
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                input TEXT NOT NULL,
                url TEXT,
                source TEXT,
                published TEXT,
                language TEXT,
                title TEXT,
                text TEXT NOT NULL,
                stored_at TEXT NOT NULL
            )""",
            """CREATE TABLE mentions (
                document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                label TEXT,
                place_id TEXT,
                PRIMARY KEY (document_id, seq)
            )""",
            "CREATE INDEX mentions_place ON mentions (place_id) WHERE place_id IS NOT NULL",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                event_date TEXT,
                event_type TEXT NOT NULL COLLATE NOCASE,
                sub_event_type TEXT NOT NULL COLLATE NOCASE,
                actor1 TEXT NOT NULL,
                assoc_actor_1 TEXT,
                actor2 TEXT,
                assoc_actor_2 TEXT,
                country TEXT COLLATE NOCASE,
                admin1 TEXT COLLATE NOCASE,
                source TEXT,
                incident_id TEXT,
                record TEXT NOT NULL
            )""",
            "CREATE INDEX events_order ON events (event_date, document_id, event_id)",
            "CREATE INDEX events_document ON events (document_id)",
            "CREATE INDEX events_run ON events (run_id)",
            "CREATE INDEX events_country ON events (country, event_date)",
            "CREATE INDEX events_admin1 ON events (admin1, event_date)",
            "CREATE INDEX events_type ON events (event_type, event_date)",
            "CREATE INDEX events_sub_type ON events (sub_event_type, event_date)",
            "CREATE INDEX events_incident ON events (incident_id) WHERE incident_id IS NOT NULL",
            """CREATE TABLE evidence (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                document_id TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (event_id, seq)
            )""",
            """CREATE TABLE problems (
                id INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                input TEXT NOT NULL,
                stage TEXT NOT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                document_id TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX problems_run ON problems (run_id, id)",
        ),
    )


@migration(2)
def m002_fusion(conn: sqlite3.Connection) -> None:
    """Incidents, control changes, document signatures; a grid cell per event to find look-alikes."""
    _execute_all(
        conn,
        (
            "ALTER TABLE events ADD COLUMN cell INTEGER",
            "ALTER TABLE events ADD COLUMN coarse INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN fused_at TEXT",
        ),
    )
    rows = conn.execute("SELECT event_id, record FROM events").fetchall()
    for event_id, record in rows:
        values = json.loads(record)
        conn.execute(
            "UPDATE events SET cell = ?, coarse = ? WHERE event_id = ?",
            (grid_cell(values.get("latitude"), values.get("longitude")), is_coarse(values), event_id),
        )
    _execute_all(
        conn,
        (
            "CREATE INDEX events_cell ON events (cell, event_date)",
            "CREATE INDEX events_coarse ON events (coarse, cell, event_date)",
            "CREATE INDEX events_unfused ON events (event_id) WHERE fused_at IS NULL",
            """CREATE TABLE incidents (
                incident_id TEXT PRIMARY KEY,
                event_date TEXT,
                event_type TEXT NOT NULL COLLATE NOCASE,
                sub_event_type TEXT NOT NULL COLLATE NOCASE,
                country TEXT COLLATE NOCASE,
                admin1 TEXT COLLATE NOCASE,
                place_key TEXT NOT NULL,
                independent_sources INTEGER NOT NULL,
                record TEXT NOT NULL
            )""",
            "CREATE INDEX incidents_date ON incidents (event_date)",
            "CREATE INDEX incidents_place ON incidents (place_key, event_date)",
            """CREATE TABLE control_changes (
                place_key TEXT NOT NULL,
                incident_id TEXT NOT NULL,
                date TEXT NOT NULL,
                location TEXT COLLATE NOCASE,
                admin1 TEXT COLLATE NOCASE,
                country TEXT COLLATE NOCASE,
                controller TEXT NOT NULL,
                counted INTEGER NOT NULL,
                record TEXT NOT NULL,
                PRIMARY KEY (place_key, incident_id)
            )""",
            "CREATE INDEX control_date ON control_changes (date)",
            """CREATE TABLE document_signatures (
                document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
                signature BLOB NOT NULL
            )""",
        ),
    )


@migration(3)
def m003_document_extra(conn: sqlite3.Connection) -> None:
    """Metadata keys Thucydides does not read (a sidecar's "author", "dataset"...), as a JSON object."""
    conn.execute("ALTER TABLE documents ADD COLUMN extra TEXT")


@migration(4)
def m004_feeds(conn: sqlite3.Connection) -> None:
    """The feeds ``thucydides watch`` follows (validators, health) and the entries it has seen."""
    _execute_all(
        conn,
        (
            """CREATE TABLE feeds (
                url TEXT PRIMARY KEY,
                outlet TEXT,
                language TEXT,
                etag TEXT,
                last_modified TEXT,
                body_hash TEXT,
                last_checked TEXT,
                last_success TEXT,
                last_error TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                next_attempt TEXT,
                added_at TEXT NOT NULL
            )""",
            """CREATE TABLE feed_entries (
                feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
                link TEXT NOT NULL,
                status TEXT NOT NULL,
                version TEXT,
                document_id TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                message TEXT,
                first_seen TEXT NOT NULL,
                last_attempt TEXT NOT NULL,
                PRIMARY KEY (feed_url, link)
            )""",
            "CREATE INDEX feed_entries_link ON feed_entries (link, last_attempt)",
        ),
    )


@migration(5)
def m005_api_pages(conn: sqlite3.Connection) -> None:
    """Coordinates and fatalities as columns, and one index that serves the API's pages of events:
    a date range read in key order, the bounding box checked in the index, no sort, no row read."""
    _execute_all(
        conn,
        (
            "ALTER TABLE events ADD COLUMN latitude REAL",
            "ALTER TABLE events ADD COLUMN longitude REAL",
            "ALTER TABLE events ADD COLUMN fatalities INTEGER",
            "UPDATE events SET latitude = json_extract(record, '$.latitude'),"
            " longitude = json_extract(record, '$.longitude'),"
            " fatalities = json_extract(record, '$.fatalities')",
            # '~' sorts after every ISO date: undated events come last, as in ``Store.events``.
            "CREATE INDEX events_page ON events (ifnull(event_date, '~'), event_id, longitude, latitude)",
            "CREATE INDEX incidents_page ON incidents (ifnull(event_date, '~'), incident_id)",
        ),
    )


CELL_DEGREES = (
    0.25  # about 28 km of latitude: places a fine record can share an event with are within 2 cells
)


CELL_ROW = 10_000  # cells per row of the grid: more than 360 / CELL_DEGREES


def grid_cell(latitude: float | None, longitude: float | None) -> int | None:
    """The grid cell of a point, one integer (None for a record without coordinates)."""
    if latitude is None or longitude is None:
        return None
    return cell_of(math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES))


def cell_of(row: int, column: int) -> int:
    return row * CELL_ROW + column


def cell_position(cell: int) -> tuple[int, int]:
    """(row, column) of a cell: ``cell_of`` undone."""
    row, column = divmod(cell + CELL_ROW // 2, CELL_ROW)
    return row, column - CELL_ROW // 2


def is_coarse(record: dict[str, Any]) -> int:
    """1 when a record's place or date is only roughly known (its look-alikes are searched wider)."""
    return int(
        record.get("geo_precision", 1) == 3
        or record.get("time_precision", 1) >= 2
        or record.get("latitude") is None
    )
