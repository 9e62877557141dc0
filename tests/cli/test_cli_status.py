"""``status``, ``fuse`` and the read commands on a store built by hand (no model, no gazetteer)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from factory import event
from thucydides.cli import main
from thucydides.model import Document, Problem
from thucydides.store.sqlite import SqliteStore


def make_store(path: Path, *, count: int = 2) -> None:
    """``count`` documents with one capture each, stored unfused, and one problem."""
    with SqliteStore(path) as store:
        run = store.start_run({}, {})
        for number in range(count):
            doc = Document.from_text(f"Report {number} about a capture.", input=f"r{number}.txt")
            record = event(event_id=f"evt-{number}", document_id=doc.id, source=f"Outlet {number}")
            store.add_document(dataclasses.replace(doc, events=(record,)), run)
        store.add_problem(
            Problem(input="x.txt", stage="ingest", kind="EmptyInputError", message="empty"), run
        )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    make_store(path)
    return path


def test_status_shows_what_is_stored_pending_and_wrong(db: Path) -> None:
    result = CliRunner().invoke(main, ["status", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].split() == ["documents", "2"]
    assert "2 records not fused yet" in result.stdout and "thucydides fuse" in result.stdout
    assert "1 never finished" in result.stdout
    assert "1 (1 EmptyInputError)" in result.stdout
    fused = CliRunner().invoke(main, ["fuse", "--db", str(db)])
    assert fused.exit_code == 0 and fused.stdout.startswith("2 new records")
    after = CliRunner().invoke(main, ["status", "--db", str(db)]).stdout
    assert "pending fusion   nothing" in after
    assert "incidents        1 (1 told by several sources)" in after


def test_fuse_all_does_not_call_old_records_new(db: Path) -> None:
    assert CliRunner().invoke(main, ["fuse", "--db", str(db)]).exit_code == 0
    again = CliRunner().invoke(main, ["fuse", "--all", "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("2 records re-fused") and "new" not in again.stdout


@pytest.mark.parametrize(
    "command",
    [["events"], ["incidents"], ["control", "--date", "2016-12-31"], ["status"], ["fuse"]],
)
def test_read_commands_refuse_a_database_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(main, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert f"There is no database at {missing}" in result.output and "thucydides ingest" in result.output
    assert not missing.exists()


@pytest.mark.parametrize(
    "url", ["postgresql://user@host:5432/db", "mysql://root@localhost/events", "sqlite:///tmp/x.db"]
)
@pytest.mark.parametrize("command", [["events"], ["ingest", "nothing.txt"], ["status"]])
def test_a_database_url_is_refused_and_never_created_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, "--db", url])
    assert result.exit_code == 2  # a bad option value, as click reports them
    assert f"Invalid value for '--db': The database {url!r}" in result.output  # as given, not folded
    scheme = url.split(":")[0]
    assert f"is a {scheme}: URL" in result.output and "--db events.db" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_url_in_the_environment_is_refused_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("THUCYDIDES_DB", "postgresql://user@host/db")
    result = CliRunner().invoke(main, ["events"])
    assert result.exit_code == 1 and "postgresql: URL" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["events", "incidents"])
def test_filters_that_can_match_nothing_are_refused_with_the_nearest_values(db: Path, command: str) -> None:
    bogus = CliRunner().invoke(main, [command, "--db", str(db), "--type", "Govt regains territory"])
    assert bogus.exit_code == 1
    assert "Nearest: 'Government regains territory'" in bogus.output
    narnia = CliRunner().invoke(main, [command, "--db", str(db), "--country", "Syra"])
    assert narnia.exit_code == 1 and "Nearest: 'Syria'" in narnia.output
    fine = CliRunner().invoke(main, [command, "--db", str(db), "--country", "syria", "--type", "battles"])
    assert fine.exit_code == 0, fine.output
