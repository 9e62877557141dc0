"""The ingest job: pending fusion finished first, resources loaded only when a report needs them,
undated reports stored with a warning."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factory import event
from thucydides.build import Resources
from thucydides.config import Settings
from thucydides.fuse.run import fuse
from thucydides.ingest import read_inputs
from thucydides.jobs import ingest
from thucydides.model import Document, Problem
from thucydides.store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parent.parent


def never_loaded() -> Resources:
    raise AssertionError("the resources were loaded for input that needs no extraction")


def stored_unfused(tmp_path: Path, count: int = 3) -> tuple[SqliteStore, list[str]]:
    """A store holding ``count`` reports read from files, with records, committed and never fused."""
    files = []
    store = SqliteStore(tmp_path / "events.db")
    run = store.start_run({}, {})
    for number in range(count):
        path = tmp_path / f"report-{number}.txt"
        path.write_text(f"Report {number}: the army shelled the town of Saraqib today.", encoding="utf-8")
        files.append(str(path))
        (doc,) = read_inputs([str(path)], settings=Settings())
        assert isinstance(doc, Document)
        records = (event(event_id=f"evt-{number}", document_id=doc.id, source=f"Outlet {number}"),)
        store.add_document(dataclasses.replace(doc, events=records), run)
    return store, files


def test_an_ingest_of_duplicates_only_finishes_the_fusion_left_pending(tmp_path: Path) -> None:
    store, files = stored_unfused(tmp_path)
    with store:
        assert store.pending_fusion() == 3 and store.incidents() == []
        summary = ingest(files, store=store, settings=Settings(), resources=never_loaded)
        assert (summary.new, summary.duplicate) == (0, 3)
        assert summary.finished is not None and summary.finished.new_records == 3
        assert store.pending_fusion() == 0
        (incident,) = store.incidents()  # three outlets, one capture
        assert {e.incident_id for e in store.events()} == {incident.incident_id}
        assert store.status().unfinished_runs == 1  # the run that stored them never finished
        again = ingest(files, store=store, settings=Settings(), resources=never_loaded)
        assert again.finished is None


def test_no_fuse_leaves_the_work_pending_and_says_so(tmp_path: Path) -> None:
    store, files = stored_unfused(tmp_path, count=2)
    with store:
        summary = ingest(files, store=store, settings=Settings(), resources=never_loaded, fuse_after=False)
        assert summary.finished is None
        status = store.status()
        assert (status.documents, status.events, status.pending_fusion, status.incidents) == (2, 2, 2, 0)
        fuse(store)
        assert store.status().pending_fusion == 0


def test_a_refused_input_is_recorded_without_loading_the_model(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Too short.", encoding="utf-8")
    with SqliteStore(tmp_path / "events.db") as store:
        summary = ingest(
            [str(tmp_path / "empty.txt"), str(tmp_path / "short.txt")],
            store=store,
            settings=Settings(),
            resources=never_loaded,
        )
        assert summary.failed == 2
        assert store.status().problems == {"EmptyInputError": 2}


class _Undated:
    """A pipeline stand-in: the report gives no date, its one record has none."""

    def run_one(self, doc: Document, on_stage: object = None) -> object:
        from thucydides.pipeline import Outcome

        record = event(event_id="evt-undated", document_id=doc.id, event_date=None)
        return Outcome(document=dataclasses.replace(doc, events=(record,)), problem=None)


def test_an_undated_report_is_stored_with_a_warning_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import thucydides.build as build

    monkeypatch.setattr(build, "build_pipeline", lambda settings, resources: _Undated())
    monkeypatch.setattr(build, "versions", lambda resources: {"loaded": True})
    report = tmp_path / "undated.txt"
    report.write_text("The army shelled the town of Saraqib, a military source said.", encoding="utf-8")
    with SqliteStore(tmp_path / "events.db") as store:
        loader: Any = object
        summary = ingest([str(report)], store=store, settings=Settings(), resources=loader)
        assert (summary.new, summary.undated) == (1, 1)
        (warning,) = summary.warnings
        assert warning.input == str(report) and "--published" in warning.message
        assert str(report) not in warning.message  # the input is named once, by whoever prints it
        assert store.problems() == [warning]
        assert store.status().undated_events == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_an_ingest_killed_while_fusing_is_repaired_by_the_next_one(tmp_path: Path) -> None:
    """A real process is killed inside the fusion transaction; the next ingest of the same
    (duplicate) inputs finishes the fusion."""
    store, files = stored_unfused(tmp_path)
    store.close()
    script = (
        "import os, signal, sys\n"
        "import thucydides.fuse.run as run\n"
        "from thucydides.store.sqlite import SqliteStore\n"
        "real = run._update_ledger\n"
        "def killed(session, touched):\n"
        "    real(session, touched)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "run._update_ledger = killed\n"
        "run.fuse(SqliteStore(sys.argv[1]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "events.db")], env=env, timeout=120, check=False
    )
    assert done.returncode == -signal.SIGKILL, time.monotonic() - started
    with SqliteStore(tmp_path / "events.db") as store:
        assert store.pending_fusion() == 3 and store.incidents() == []  # the transaction never committed
        summary = ingest(files, store=store, settings=Settings(), resources=never_loaded)
        assert summary.duplicate == 3 and summary.finished is not None
        assert store.pending_fusion() == 0 and len(store.incidents()) == 1
        assert not any(isinstance(p, Problem) for p in summary.problems)


def snapshot(db: Path) -> tuple[object, ...]:
    """Everything a run leaves that a user sees: documents, records and links, incidents, control."""
    with SqliteStore(db) as store:
        documents = store._conn.execute("SELECT id, input FROM documents ORDER BY id").fetchall()
        events = [(e.event_id, e.incident_id, e) for e in store.events()]
        return (documents, events, store.incidents(), store.control_changes(), store.pending_fusion())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_ingest_killed_at_random_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    """200 reports; a real ingest process is killed with SIGKILL 20 times, at random points while
    it stores reports and inside the fusion transaction, each time run again to the end: the
    store then equals that of a run never killed."""
    import random

    from standin_ingest import run, write_reports

    folder = tmp_path / "reports"
    write_reports(folder, 200)
    clean = run(tmp_path / "clean.db", folder)
    assert clean.new == 200 and clean.fused is not None
    expected = snapshot(tmp_path / "clean.db")
    assert len(expected[2]) == 67 and expected[3] and expected[4] == 0  # type: ignore[arg-type]

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO / "tests")])}
    script = str(REPO / "tests" / "standin_ingest.py")
    chance = random.Random(11)
    fusion_steps = ["fuse:replace_incidents", "fuse:link", "fuse:replace_control"]
    points = [f"store:{n}" for n in sorted(chance.sample(range(1, 201), 14))] + fusion_steps * 2
    for attempt, point in enumerate(points):
        db = tmp_path / f"killed-{attempt}.db"
        done = subprocess.run([sys.executable, script, str(db), str(folder), point], env=env, timeout=120)
        assert done.returncode == -signal.SIGKILL, point
        with SqliteStore(db) as store:
            status = store.status()
        assert status.incidents == 0 and status.unfinished_runs == 1, point  # fusion never committed
        run(db, folder)  # the next ingest of the same inputs
        assert snapshot(db) == expected, point
