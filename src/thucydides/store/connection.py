"""SQLite connections: opening one configured, explicit transactions, and errors that say what to do.

Connections run in autocommit mode (``isolation_level=None``) so that every
transaction is explicit: ``with transaction(conn):`` issues ``BEGIN IMMEDIATE``
(taking the write lock up front, so two writers queue on the busy timeout
instead of failing half-way) and commits, or rolls back on any exception.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from thucydides.errors import StoreError

_CORRUPT = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_NOT_WRITABLE = {"SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH"}


def fold(value: str | None) -> str | None:
    """Case folding for case-insensitive substring filters (Unicode-aware, unlike SQL LIKE)."""
    return None if value is None else value.casefold()


def connect(path: Path, *, busy_timeout_s: float) -> sqlite3.Connection:
    """An autocommit connection to ``path`` with WAL, foreign keys and a busy timeout."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the directory {path.parent} for the database {path}: {exc.strerror or exc}. "
            "Choose a writable location with THUCYDIDES_DB."
        ) from exc
    with sqlite_errors(path, "open the database"):
        conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        try:
            conn.create_function("thu_fold", 1, fold, deterministic=True)
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL lets readers (the API, an export) work while a run writes; in WAL mode
            # synchronous=NORMAL is still crash-safe and much faster than FULL.
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction: committed at the end, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@contextmanager
def sqlite_errors(path: Path, doing: str) -> Iterator[None]:
    """Turn ``sqlite3`` errors raised in the block into a ``StoreError`` naming ``path`` and the fix."""
    try:
        yield
    except sqlite3.Error as exc:
        raise store_error(path, doing, exc) from exc


def store_error(path: Path, doing: str, exc: sqlite3.Error) -> StoreError:
    """The ``StoreError`` for ``exc``, raised while trying to ``doing`` on the database at ``path``."""
    # "SQLITE_IOERR_WRITE" -> "SQLITE_IOERR": the primary result code decides the advice.
    base = "_".join(str(getattr(exc, "sqlite_errorname", "") or "").split("_")[:2])
    if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc):
        return StoreError(f"The store for {path} is closed. Open it again with open_store({str(path)!r}).")
    if base in _CORRUPT or "not a database" in str(exc):
        return StoreError(
            f"{path} is not a Thucydides database, or it is damaged ({exc}). "
            "Move the file aside, or set THUCYDIDES_DB to another path: a new database is created there."
        )
    if base in _BUSY:
        return StoreError(
            f"The database {path} is locked by another process (could not {doing}). "
            "Wait for the other Thucydides run to finish and retry, or use another database (THUCYDIDES_DB)."
        )
    if base in _NOT_WRITABLE or base == "SQLITE_IOERR":
        return StoreError(
            f"Cannot {doing} at {path}: {exc}. Make sure the file and its directory are writable, "
            "or set THUCYDIDES_DB to a writable location."
        )
    if base == "SQLITE_FULL":
        return StoreError(f"The disk holding {path} is full (could not {doing}). Free some space and retry.")
    return StoreError(f"Could not {doing} in {path}: {exc}.")
