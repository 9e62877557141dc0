"""The feeds a watch follows and the entries it has seen, as records and as SQLite rows.

A feed's row keeps its validators (ETag, Last-Modified, the hash of the last body
read to the end) and its health (last success, last error, failures in a row, the
time of its next attempt). An entry's row is written as soon as its article has an
outcome, in a transaction of its own: a round killed at any point leaves each article
either recorded (never fetched again) or not (fetched by the next round).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from enum import StrEnum


class EntryStatus(StrEnum):
    """What became of an entry's article."""

    STORED = "stored"  # a new document
    DUPLICATE = "duplicate"  # its clean text was already stored (another link, another feed)
    REFUSED = "refused"  # read, but no report (no article text, another language, robots.txt)
    RETRY = "retry"  # fetching failed; tried again next round
    GAVE_UP = "gave up"  # fetching failed too many times


@dataclass(frozen=True, slots=True)
class FeedState:
    """One followed feed: what it is, its validators and its health."""

    url: str
    outlet: str | None = None
    language: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None  # of the last body whose every entry was handled
    last_checked: dt.datetime | None = None
    last_success: dt.datetime | None = None
    last_error: str | None = None  # cleared by the next success
    failures: int = 0  # in a row
    next_attempt: dt.datetime | None = None  # not checked before this (backoff)
    entries: int = 0  # entries seen; counted when read, never written


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """An entry of a feed whose article has an outcome."""

    feed_url: str
    link: str
    status: EntryStatus
    version: str | None = None  # the entry's "updated" stamp when it was read
    document_id: str | None = None  # the hash of the article's clean text, for stored and duplicate
    attempts: int = 1
    message: str | None = None  # why it was refused, or why fetching failed
    first_seen: dt.datetime | None = None  # set by the store on the first write


_FEED_COLUMNS = (
    "url, outlet, language, etag, last_modified, body_hash, last_checked, last_success, last_error,"
    " failures, next_attempt"
)
_ENTRY_COLUMNS = "feed_url, link, status, version, document_id, attempts, message, first_seen"


def get_feed(conn: sqlite3.Connection, url: str) -> FeedState | None:
    rows = _feeds(conn, "WHERE f.url = ?", (url,))
    return rows[0] if rows else None


def list_feeds(conn: sqlite3.Connection) -> list[FeedState]:
    return _feeds(conn, "ORDER BY f.url", ())


def save_feed(conn: sqlite3.Connection, state: FeedState, *, now: dt.datetime) -> None:
    """Insert or replace ``state`` (its ``entries`` count is not stored)."""
    conn.execute(
        f"INSERT INTO feeds ({_FEED_COLUMNS}, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET outlet = excluded.outlet, language = excluded.language,"
        " etag = excluded.etag, last_modified = excluded.last_modified, body_hash = excluded.body_hash,"
        " last_checked = excluded.last_checked, last_success = excluded.last_success,"
        " last_error = excluded.last_error, failures = excluded.failures,"
        " next_attempt = excluded.next_attempt",
        (
            state.url,
            state.outlet,
            state.language,
            state.etag,
            state.last_modified,
            state.body_hash,
            _iso(state.last_checked),
            _iso(state.last_success),
            state.last_error,
            state.failures,
            _iso(state.next_attempt),
            _iso(now),
        ),
    )


def seen_entry(conn: sqlite3.Connection, link: str) -> SeenEntry | None:
    """The latest outcome for ``link`` in any feed (one article is often listed by several)."""
    row = conn.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM feed_entries WHERE link = ? ORDER BY last_attempt DESC LIMIT 1",
        (link,),
    ).fetchone()
    return _entry(row) if row else None


def mark_entry(conn: sqlite3.Connection, entry: SeenEntry, *, now: dt.datetime) -> None:
    """Record ``entry``'s outcome; its first-seen time is kept from the first write."""
    conn.execute(
        f"INSERT INTO feed_entries ({_ENTRY_COLUMNS}, last_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (feed_url, link) DO UPDATE SET status = excluded.status, version = excluded.version,"
        " document_id = excluded.document_id, attempts = excluded.attempts, message = excluded.message,"
        " last_attempt = excluded.last_attempt",
        (
            entry.feed_url,
            entry.link,
            str(entry.status),
            entry.version,
            entry.document_id,
            entry.attempts,
            entry.message,
            _iso(entry.first_seen or now),
            _iso(now),
        ),
    )


def _feeds(conn: sqlite3.Connection, where: str, params: tuple[str, ...]) -> list[FeedState]:
    columns = ", ".join(f"f.{name.strip()}" for name in _FEED_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns}, (SELECT count(*) FROM feed_entries e WHERE e.feed_url = f.url)"
        f" FROM feeds f {where}",
        params,
    ).fetchall()
    return [
        FeedState(
            url=row[0],
            outlet=row[1],
            language=row[2],
            etag=row[3],
            last_modified=row[4],
            body_hash=row[5],
            last_checked=_time(row[6]),
            last_success=_time(row[7]),
            last_error=row[8],
            failures=int(row[9]),
            next_attempt=_time(row[10]),
            entries=int(row[11]),
        )
        for row in rows
    ]


def _entry(row: tuple[object, ...]) -> SeenEntry:
    feed_url, link, status, version, document_id, attempts, message, first_seen = row
    return SeenEntry(
        feed_url=str(feed_url),
        link=str(link),
        status=EntryStatus(str(status)),
        version=None if version is None else str(version),
        document_id=None if document_id is None else str(document_id),
        attempts=int(str(attempts)),
        message=None if message is None else str(message),
        first_seen=_time(first_seen),
    )


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _time(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
