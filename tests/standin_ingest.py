"""``thucydides ingest`` with a stand-in for the language model, for the crash tests: each report
("Report N: ...") gives one capture; three outlets tell each capture, ten places change hands.

Run as a script (``python standin_ingest.py DB FOLDER [KILL_AT]``) to be killed with SIGKILL at
``KILL_AT``: ``store:N`` right after the Nth report is stored, ``fuse:STEP`` right after that step
of the fusion transaction (``replace_incidents``, ``link``, ``replace_control``); import ``run``
to ingest to the end."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import signal
import sys
import types
from collections.abc import Callable
from pathlib import Path

from factory import event
from thucydides import jobs
from thucydides.config import Settings
from thucydides.model import Document
from thucydides.pipeline import Outcome
from thucydides.store.fusion import FusionSession
from thucydides.store.sqlite import SqliteStore

ARMY, REBELS = "Military Forces of Syria", "Jabhat Fateh al-Sham"


def write_reports(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"report-{number:03d}.txt").write_text(
            f"Report {number}: the army and the rebels fought for the town all day, "
            "and one side took it, a military source said.",
            encoding="utf-8",
        )


class StandIn:
    """One capture per report, decided by the report's number."""

    def run_one(self, doc: Document, on_stage: object = None) -> Outcome:
        number = int(re.search(r"Report (\d+)", doc.text)[1])  # type: ignore[index]
        told = number // 3  # three outlets tell each capture
        place, day = told % 10, told // 10
        army_wins = day % 2 == 0
        record = event(
            event_id=f"{doc.id[7:19]}#01",
            document_id=doc.id,
            event_date=dt.date(2016, 12, 1) + dt.timedelta(days=day),
            sub_event_type="Government regains territory"
            if army_wins
            else "Non-state actor overtakes territory",
            actor1=ARMY if army_wins else REBELS,
            actor2=REBELS if army_wins else ARMY,
            location=f"Town {place}",
            location_as_written=f"Town {place}",
            geonames_id=1000 + place,
            latitude=33.0 + place,
            longitude=36.0 + place / 2,
            source=f"Outlet {number % 3}",
        )
        return Outcome(document=dataclasses.replace(doc, events=(record,)), problem=None)


def run(db: Path, folder: Path) -> jobs.IngestSummary:
    """Ingest every report of ``folder`` into ``db`` with the stand-in (the real code is put back)."""
    from thucydides import build  # what ``jobs.ingest`` imports when a report needs extracting

    real = build.build_pipeline, build.versions
    build.build_pipeline = lambda settings, resources: StandIn()  # type: ignore[assignment,return-value]
    build.versions = lambda resources: {"stand-in": True}  # type: ignore[assignment]
    reports = [str(path) for path in sorted(folder.glob("*.txt"))]
    try:
        with SqliteStore(db) as store:
            return jobs.ingest(reports, store=store, settings=Settings(), resources=lambda: None)  # type: ignore[arg-type,return-value]
    finally:
        build.build_pipeline, build.versions = real


def kill_at(point: str) -> None:
    """Make this process kill itself (SIGKILL: no clean-up, no rollback) at ``point``."""
    where, _, which = point.partition(":")

    def then_die(method: Callable[..., object], after: int) -> Callable[..., object]:
        calls = [0]

        def wrapped(*args: object, **kwargs: object) -> object:
            result = method(*args, **kwargs)
            calls[0] += 1
            if calls[0] == after:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        return wrapped

    if where == "store":
        SqliteStore.add_document = then_die(SqliteStore.add_document, int(which))  # type: ignore[method-assign]
    else:
        setattr(FusionSession, which, then_die(getattr(FusionSession, which), 1))


if __name__ == "__main__":
    # A light stand-in for the module that loads spaCy and the models: it would take most of the
    # time of each killed run, and ``run`` replaces what the ingest uses of it anyway.
    sys.modules["thucydides.build"] = types.SimpleNamespace(  # type: ignore[assignment]
        build_pipeline=None, versions=None
    )
    if len(sys.argv) > 3:
        kill_at(sys.argv[3])
    run(Path(sys.argv[1]), Path(sys.argv[2]))
