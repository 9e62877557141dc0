"""The feeds a watch follows and the entries it has seen survive a reopening exactly."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.store import SqliteStore
from thucydides.store.feeds import EntryStatus, FeedState, SeenEntry
from thucydides.store.migrations import known_migrations

NOW = dt.datetime(2017, 3, 5, 8, 0, tzinfo=dt.UTC)
FEED = "https://levantwire.example/feeds/syria.xml"


def test_a_feed_s_validators_and_health_round_trip(tmp_path: Path) -> None:
    state = FeedState(
        url=FEED,
        outlet="Levant Wire",
        language="en",
        etag='"abc"',
        last_modified="Sun, 05 Mar 2017 07:00:00 GMT",
        body_hash="sha256:00",
        last_checked=NOW,
        last_success=NOW - dt.timedelta(hours=1),
        last_error="it timed out",
        failures=2,
        next_attempt=NOW + dt.timedelta(hours=1),
    )
    with SqliteStore(tmp_path / "t.db") as store:
        store.save_feed(state)
    with SqliteStore(tmp_path / "t.db") as store:
        assert store.feed(FEED) == state
        assert store.feeds() == [state]
        assert store.feed("https://other.example/rss") is None


def test_saving_a_feed_again_replaces_its_state(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "t.db") as store:
        store.save_feed(FeedState(url=FEED, last_error="down", failures=3))
        store.save_feed(FeedState(url=FEED, last_success=NOW))
        assert store.feeds() == [FeedState(url=FEED, last_success=NOW)]


def test_entries_seen_are_found_by_link_in_any_feed_and_counted_per_feed(tmp_path: Path) -> None:
    other = "https://orontes.example/rss"
    link = "https://levantwire.example/2017/03/kafr-zita"
    with SqliteStore(tmp_path / "t.db") as store:
        store.save_feed(FeedState(url=FEED))
        store.save_feed(FeedState(url=other))
        assert store.seen_entry(link) is None
        store.mark_entry(SeenEntry(feed_url=FEED, link=link, status=EntryStatus.RETRY, message="timed out"))
        first = store.seen_entry(link)
        assert first is not None and first.first_seen is not None
        store.mark_entry(
            SeenEntry(
                feed_url=FEED,
                link=link,
                status=EntryStatus.STORED,
                version="v2",
                document_id="sha256:ab",
                attempts=2,
            )
        )
        seen = store.seen_entry(link)
        assert seen == SeenEntry(
            feed_url=FEED,
            link=link,
            status=EntryStatus.STORED,
            version="v2",
            document_id="sha256:ab",
            attempts=2,
            first_seen=first.first_seen,  # kept from the first write
        )
        assert [(state.url, state.entries) for state in store.feeds()] == [(FEED, 1), (other, 0)]


def test_an_entry_of_a_feed_never_recorded_is_refused(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "t.db") as store, pytest.raises(StoreError):
        store.mark_entry(SeenEntry(feed_url=FEED, link="https://a.example/1", status=EntryStatus.STORED))


def test_a_store_of_the_previous_schema_gains_the_feed_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SqliteStore(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TABLE feed_entries")
        conn.execute("DROP TABLE feeds")
        conn.execute("DELETE FROM migrations WHERE id = 4")
        conn.execute("PRAGMA user_version = 3")

    with SqliteStore(path) as store:
        store.save_feed(FeedState(url=FEED))
        assert store.status().schema == known_migrations()[-1].id
        assert [state.url for state in store.feeds()] == [FEED]
