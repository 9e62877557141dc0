"""Fusion over the store: incremental, order-independent, idempotent, and all-or-nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factory import event
from thucydides.fuse.control import ledger
from thucydides.fuse.run import fuse, fuse_records
from thucydides.model import Document
from thucydides.store.fusion import FusionSession
from thucydides.store.sqlite import SqliteStore

WORDS = [
    "army",
    "rebels",
    "town",
    "shelling",
    "clashes",
    "district",
    "convoy",
    "checkpoint",
    "village",
    "source",
    "said",
    "killed",
]


def report(
    number: int, records: list[dict[str, object]], *, text: str | None = None, source: str = ""
) -> Document:
    """A stored-ready document whose records point at it."""
    words = itertools.islice(itertools.cycle(WORDS), 60)
    body = text or " ".join(f"{word}{number}x{index}" for index, word in enumerate(words))
    doc = Document.from_text(body, input=f"report-{number}.txt", source=source or f"Outlet {number}")
    events = tuple(
        event(event_id=f"evt-{number}-{index}", document_id=doc.id, source=doc.source, **values)
        for index, values in enumerate(records)
    )
    return dataclasses.replace(doc, events=events)


CAPTURE: dict[str, object] = {}
STRIKE: dict[str, object] = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor2": "Civilians (Syria)",
}


def reports() -> list[Document]:
    return [
        report(1, [CAPTURE, STRIKE]),
        report(2, [{**CAPTURE, "fatalities": 7, "actor2": "Opposition Rebels (Syria)"}]),
        report(3, [STRIKE]),
        report(4, [{**STRIKE, "actor1": "Military Forces of Russia"}]),
        report(5, [{**CAPTURE, "event_date": dt.date(2016, 12, 9)}]),
    ]


def store_with(path: Path, documents: list[Document], *, fuse_each: bool) -> SqliteStore:
    store = SqliteStore(path)
    run = store.start_run({}, {})
    for doc in documents:
        store.add_document(doc, run)
        if fuse_each:
            fuse(store)
    fuse(store)
    return store


def partition(store: SqliteStore) -> set[frozenset[str]]:
    return {frozenset(r.event_id for r in i.reports) for i in store.incidents()}


@settings(max_examples=12, deadline=None)
@given(st.permutations(range(5)), st.booleans())
def test_arrival_order_and_batching_do_not_change_the_incidents(order: list[int], fuse_each: bool) -> None:
    documents = reports()
    with tempfile.TemporaryDirectory() as folder:
        expected = {
            frozenset(r.event_id for r in i.reports)
            for i in fuse_records([e for d in documents for e in d.events])
        }
        with store_with(Path(folder) / "a.db", [documents[i] for i in order], fuse_each=fuse_each) as store:
            assert partition(store) == expected
            assert store.control_changes() == ledger(store.incidents())  # incremental = recomputed
            links = {e.event_id: e.incident_id for e in store.events()}
            assert all(links.values())
            assert {i.incident_id for i in store.incidents()} == set(links.values())


def test_fusing_again_changes_nothing_and_records_stay_as_written(tmp_path: Path) -> None:
    with store_with(tmp_path / "a.db", reports(), fuse_each=False) as store:
        before = [i for i in store.incidents()]
        raw = (
            sqlite3.connect(tmp_path / "a.db")
            .execute("SELECT record FROM events ORDER BY event_id")
            .fetchall()
        )
        summary = fuse(store)
        assert (summary.new_records, summary.incidents) == (0, 0)
        assert store.incidents() == before
        assert fuse(store, everything=True).new_records == 6
        assert store.incidents() == before
        after = (
            sqlite3.connect(tmp_path / "a.db")
            .execute("SELECT record FROM events ORDER BY event_id")
            .fetchall()
        )
        assert after == raw  # fusion links records; it never rewrites them


def test_the_same_capture_from_two_outlets_is_one_incident_with_both_figures(tmp_path: Path) -> None:
    with store_with(tmp_path / "a.db", reports(), fuse_each=True) as store:
        (capture,) = [
            i
            for i in store.incidents()
            if i.sub_event_type == "Government regains territory" and len(i.reports) > 1
        ]
        assert sorted(r.event_id for r in capture.reports) == ["evt-1-0", "evt-2-0", "evt-5-0"]
        assert (capture.fatalities_low, capture.fatalities_high) == (2, 7)
        assert capture.independent_sources == 3
        strikes = [i for i in store.incidents() if i.sub_event_type == "Air/drone strike"]
        assert sorted(len(i.reports) for i in strikes) == [1, 2]  # Russia's strike is another event


def test_a_republished_article_counts_once(tmp_path: Path) -> None:
    text = " ".join(f"word{n}" for n in range(300))
    original = report(1, [CAPTURE], text=text, source="Fars News Agency")
    copy = report(2, [CAPTURE], text="Mirror site header. " + text + " Share this article.", source="Mirror")
    with store_with(tmp_path / "a.db", [original, copy], fuse_each=False) as store:
        (incident,) = store.incidents()
        assert len(incident.reports) == 2
        assert incident.independent_sources == 1
        assert [r.copy_of for r in incident.reports] == [None, original.id]


def test_a_crash_half_way_leaves_the_store_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = store_with(tmp_path / "a.db", reports()[:2], fuse_each=False)
    before = (store.incidents(), store.control_changes(), [e.incident_id for e in store.events()])
    store.add_document(reports()[4], store.start_run({}, {}))

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(FusionSession, "replace_control", crash)
    with pytest.raises(RuntimeError):
        fuse(store)
    assert store.incidents() == before[0] and store.control_changes() == before[1]
    assert [e.incident_id for e in store.events()][: len(before[2])] == before[2]
    monkeypatch.undo()
    assert fuse(store).new_records == 1
    store.close()


def test_control_ledger_follows_fused_captures(tmp_path: Path) -> None:
    with store_with(tmp_path / "a.db", reports(), fuse_each=False) as store:
        changes = store.control_changes()
        assert [(c.date, c.controller, c.counted) for c in changes] == [
            (dt.date(2016, 12, 8), "Military Forces of Syria", True)
        ]
        assert len(changes[0].event_ids) == 3


def test_the_ledger_is_updated_where_new_captures_fall(tmp_path: Path) -> None:
    rebels = {
        "sub_event_type": "Non-state actor overtakes territory",
        "actor1": "Jabhat Fateh al-Sham",
        "actor2": "Military Forces of Syria",
    }
    store = store_with(tmp_path / "a.db", [report(1, [CAPTURE])], fuse_each=False)
    run = store.start_run({}, {})
    store.add_document(report(2, [{**rebels, "event_date": dt.date(2017, 2, 6)}]), run)
    fuse(store)
    store.add_document(report(3, [{**CAPTURE, "event_date": dt.date(2017, 2, 7)}]), run)
    fuse(store)
    changes = store.control_changes()
    assert [(c.date, c.counted) for c in changes] == [
        (dt.date(2016, 12, 8), True),
        (dt.date(2017, 2, 6), False),  # retaken the next day
        (dt.date(2017, 2, 7), True),
    ]
    assert changes == ledger(store.incidents())
    store.close()
