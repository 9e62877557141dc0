"""The API's reads of the store: keyset pages, the bounding box, and migration 5's columns."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from factory import event
from thucydides.model import Document
from thucydides.store import EventFilter
from thucydides.store.pages import BBox, EventQuery
from thucydides.store.sqlite import SqliteStore


def store_with(path: Path, count: int) -> SqliteStore:
    store = SqliteStore(path)
    run_id = store.start_run({}, {})
    doc = Document.from_text("A report of many events.", input="r.txt", source="Outlet")
    events = tuple(
        event(
            event_id=f"e{index:03d}",
            document_id=doc.id,
            event_date=None if index % 7 == 0 else dt.date(2016, 12, 1 + index % 5),
            latitude=30.0 + index / 10,
            longitude=36.0,
        )
        for index in range(count)
    )
    store.add_document(dataclasses.replace(doc, events=events), run_id)
    return store


def test_pages_follow_the_store_order_and_cover_each_event_once(tmp_path: Path) -> None:
    with store_with(tmp_path / "t.db", 40) as store:
        expected = [e.event_id for e in store.events()]  # undated last, like every listing
        seen, after = [], None
        while True:
            page = store.event_page(EventQuery(), after=after, limit=7)
            seen += [e.event_id for e in page.events]
            if page.next is None:
                break
            after = page.next
        assert seen == expected
        assert len(seen) == len(set(seen)) == 40


def test_bbox_and_date_range(tmp_path: Path) -> None:
    with store_with(tmp_path / "t.db", 40) as store:
        box = EventQuery(
            filter=EventFilter(date_from=dt.date(2016, 12, 2), date_to=dt.date(2016, 12, 2)),
            bbox=BBox(35.0, 30.5, 37.0, 32.0),
        )
        found = store.event_page(box, after=None, limit=100).events
        assert found and all(
            e.event_date == dt.date(2016, 12, 2) and 30.5 <= (e.latitude or 0) <= 32.0 for e in found
        )
        expected = [
            e for e in store.events(box.filter) if e.latitude is not None and 30.5 <= e.latitude <= 32.0
        ]
        assert [e.event_id for e in found] == sorted(e.event_id for e in expected)


def test_a_store_of_schema_4_gains_coordinates_as_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store_with(path, 3).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP INDEX events_page")
        conn.execute("DROP INDEX incidents_page")
        for column in ("latitude", "longitude", "fatalities"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
        conn.execute("DELETE FROM migrations WHERE id = 5")
        conn.execute("PRAGMA user_version = 4")
    with SqliteStore(path) as store:
        assert store.status().schema == 5
        page = store.event_page(EventQuery(bbox=BBox(35, 30.05, 37, 30.15)), after=None, limit=10)
        assert [e.event_id for e in page.events] == ["e001"]
