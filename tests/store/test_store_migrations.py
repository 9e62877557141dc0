"""The schema is migrated once, in order; files that are not ours are refused with a fix."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.model import Document
from thucydides.store import SqliteStore
from thucydides.store import migrations as migrations_module
from thucydides.store.migrations import Migration, known_migrations

MakeDocument = Callable[..., Document]


def _migration_rows(path: Path) -> list[tuple[int, str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id, name, applied_at FROM migrations ORDER BY id").fetchall()


def test_new_database_records_every_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "t.db"
    SqliteStore(path).close()

    rows = _migration_rows(path)
    assert [(id, name) for id, name, _ in rows] == [(step.id, step.name) for step in known_migrations()]
    assert rows[0][:2] == (1, "m001_initial")
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == known_migrations()[-1].id
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_again(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    SqliteStore(path).close()
    first = _migration_rows(path)

    with SqliteStore(path) as store:
        assert store.documents_count() == 0
    assert _migration_rows(path) == first


def test_store_connection_enforces_foreign_keys(store: SqliteStore) -> None:
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_new_migrations_apply_in_order_and_a_failing_one_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.db"
    SqliteStore(path).close()

    latest = migrations_module.known_migrations()[-1].id

    def m_add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN reviewed INTEGER")

    def m_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    added, broken = latest + 1, latest + 2
    monkeypatch.setitem(migrations_module._MIGRATIONS, added, Migration(added, "m_add_column", m_add_column))
    monkeypatch.setitem(migrations_module._MIGRATIONS, broken, Migration(broken, "m_broken", m_broken))

    with pytest.raises(StoreError, match="migrate"):
        SqliteStore(path)

    assert [id for id, _, _ in _migration_rows(path)] == [*range(1, latest + 1), added]
    with closing(sqlite3.connect(path)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    SqliteStore(path).close()
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("INSERT INTO migrations VALUES (999, 'm999_future', '2030-01-01T00:00:00+00:00')")

    with pytest.raises(StoreError, match="Upgrade Thucydides") as caught:
        SqliteStore(path)
    assert str(path) in str(caught.value)
    assert "999" in str(caught.value)


def test_garbage_file_is_refused_with_the_path_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(64) + b"this is not sqlite" * 300)

    with pytest.raises(StoreError, match="not a Thucydides database") as caught:
        SqliteStore(path)
    assert str(path) in str(caught.value)
    assert "THUCYDIDES_DB" in str(caught.value)


def test_another_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE places (id TEXT)")

    with pytest.raises(StoreError, match=r"not a Thucydides store.*places"):
        SqliteStore(path)
    with closing(sqlite3.connect(path)) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["places"]


def test_directory_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    with pytest.raises(StoreError, match="Cannot create the directory") as caught:
        SqliteStore(blocker / "t.db")
    assert str(blocker) in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that apply")
def test_unwritable_directory_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="writable") as caught:
            SqliteStore(locked / "t.db")
        assert str(locked / "t.db") in str(caught.value)
    finally:
        locked.chmod(0o700)


def test_database_locked_by_another_writer_is_reported(tmp_path: Path, make_document: MakeDocument) -> None:
    path = tmp_path / "t.db"
    with SqliteStore(path) as store:
        run_id = store.start_run({}, {})
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with SqliteStore(path, busy_timeout_s=0.05) as store:
            with pytest.raises(StoreError, match="locked by another process") as caught:
                store.add_document(make_document(), run_id)
            assert str(path) in str(caught.value)
    finally:
        other.rollback()
        other.close()
    with SqliteStore(path) as store:
        assert store.add_document(make_document(), run_id) is True
