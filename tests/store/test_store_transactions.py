"""A document is stored once, whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from typing import Any

import pytest

from thucydides.errors import StoreError
from thucydides.model import Document
from thucydides.store import SqliteStore
from thucydides.store import sqlite as sqlite_module

MakeDocument = Callable[..., Document]


def _counts(store: SqliteStore) -> dict[str, int]:
    with closing(sqlite3.connect(store.path)) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "mentions", "events", "evidence")
        }


def test_second_add_of_the_same_document_returns_false_and_changes_nothing(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    doc = make_document(events=[{}, {"event_date": None}])
    assert store.add_document(doc, run_id) is True
    before = _counts(store)

    again = make_document(input="elsewhere/copy.txt", events=[{"notes": "a different reading"}])
    assert again.id == doc.id
    assert store.add_document(again, store.start_run({}, {})) is False

    assert _counts(store) == before == {"documents": 1, "mentions": 4, "events": 2, "evidence": 2}
    assert store.documents_count() == 1
    assert [event.notes for event in store.events()] == [event.notes for event in doc.events]


def test_failure_mid_insert_rolls_back_the_whole_document(
    store: SqliteStore, run_id: str, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = sqlite_module.SqliteStore._insert_event
    calls = []

    def insert_then_fail(self: SqliteStore, *args: Any) -> None:
        calls.append(args)
        real_insert(self, *args)
        if len(calls) == 2:
            raise RuntimeError("disk pulled out")

    monkeypatch.setattr(sqlite_module.SqliteStore, "_insert_event", insert_then_fail)
    doc = make_document(events=[{}, {}, {}])

    with pytest.raises(RuntimeError, match="disk pulled out"):
        store.add_document(doc, run_id)

    assert len(calls) == 2  # the document, its mentions and two events were written, then undone
    assert not store.has_document(doc.id)
    assert _counts(store) == {"documents": 0, "mentions": 0, "events": 0, "evidence": 0}
    monkeypatch.undo()
    assert store.add_document(doc, run_id) is True  # the store is usable afterwards
    assert len(store.events()) == 3


def test_an_unencodable_event_rolls_back_with_a_clear_error(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    doc = make_document(events=[{}, {"confidence": float("nan")}])

    with pytest.raises(StoreError, match="not a number"):
        store.add_document(doc, run_id)
    assert _counts(store) == {"documents": 0, "mentions": 0, "events": 0, "evidence": 0}


def test_a_sqlite_error_mid_insert_becomes_a_store_error(
    store: SqliteStore, run_id: str, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rows(doc: Document) -> list[tuple[Any, ...]]:
        return [("not", "enough", "columns")]

    monkeypatch.setattr(sqlite_module, "_mention_rows", broken_rows)
    doc = make_document()

    with pytest.raises(StoreError, match=r"store document reports/aleppo\.txt") as caught:
        store.add_document(doc, run_id)
    assert str(store.path) in str(caught.value)
    assert _counts(store)["documents"] == 0
