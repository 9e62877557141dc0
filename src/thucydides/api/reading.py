"""What every read endpoint shares: a store per serving thread, page cursors, bounding boxes, links.

Each thread of the server's pool opens its own store the first time it serves a request and keeps
it: a SQLite connection belongs to one thread, opening one costs more than most queries, and WAL
mode lets these readers work beside a writer.

The pages and single records (``async def`` endpoints) are read on the event loop's own thread: a
query bounded by its page size takes a millisecond or two, less than handing it to a thread. What
can take longer (the filters' values, the control ledger, a document, an ingest) runs in the pool.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Request

from thucydides.api.problems import ApiProblem
from thucydides.errors import StoreError
from thucydides.store import Store
from thucydides.store.pages import BBox, PageKey
from thucydides.store.values import check_country

StoreFactory = Callable[[], Store]


class ThreadStores:
    """One store per thread, opened by ``factory`` on first use and kept while the thread lives (a
    connection can only be closed by its own thread; the pool's threads end with the server)."""

    def __init__(self, factory: StoreFactory) -> None:
        self.factory = factory
        self._local = threading.local()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self.factory()
            self._local.store = store
        return store

    def forget(self) -> None:
        """Close this thread's store (after a store error, the next request opens a fresh one)."""
        store: Store | None = getattr(self._local, "store", None)
        self._local.store = None
        if store is not None:
            store.close()


@contextmanager
def store_of(request: Request) -> Iterator[Store]:
    """The store of the thread serving this request."""
    stores: ThreadStores = request.app.state.stores
    try:
        yield stores.get()
    except StoreError:
        stores.forget()
        raise


def encode_cursor(key: PageKey) -> str:
    """An opaque cursor for ``key`` (URL-safe base64 of a small JSON array)."""
    raw = json.dumps([key.date, key.event_id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None) -> PageKey | None:
    """The key a cursor stands for; a cursor this API did not make is a 400 problem."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, record_id = json.loads(raw)
        if not isinstance(date, str) or not isinstance(record_id, str):
            raise ValueError("not two strings")
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ApiProblem(
            400,
            "bad-cursor",
            f"cursor={cursor[:40]!r} is not a cursor this API gave. Use the next_cursor (or the Link "
            "header) of the previous page, or leave cursor out to start from the first page.",
        ) from None
    return PageKey(date, record_id)


def parse_bbox(value: str | None) -> BBox | None:
    """``west,south,east,north`` in degrees; anything else is a 400 problem naming the fix."""
    if value is None:
        return None
    fix = "Give bbox=WEST,SOUTH,EAST,NORTH in degrees, e.g. bbox=35.5,32.3,42.4,37.4 (Syria)."
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ApiProblem(400, "bad-parameter", f"bbox={value!r} is not four numbers. {fix}") from None
    if not all(-180 <= x <= 180 for x in (west, east)) or not all(-90 <= y <= 90 for y in (south, north)):
        raise ApiProblem(400, "bad-parameter", f"bbox={value!r} lies outside the globe. {fix}")
    if south > north:
        raise ApiProblem(400, "bad-parameter", f"bbox={value!r} has its south above its north. {fix}")
    return BBox(west, south, east, north)


def check_stored_country(store: Store, country: str | None) -> None:
    """Refuse a country no stored event is in, naming the nearest stored ones (one index row when
    it is stored)."""
    if country is not None and not store.has_country(country):
        check_country(country, store.countries())


def next_page(request: Request, key: PageKey | None) -> tuple[str | None, str | None, dict[str, str]]:
    """The cursor of the next page, its URL and the ``Link`` header, from the page's next key."""
    token = encode_cursor(key) if key else None
    link = next_link(request, token)
    return token, link, page_headers(link)


def next_link(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: this request's, with ``cursor`` replaced."""
    if cursor is None:
        return None
    return str(request.url.include_query_params(cursor=cursor))


def page_headers(link: str | None) -> dict[str, str]:
    """``Link: <...>; rel="next"`` (RFC 8288) when there is a next page."""
    return {"Link": f'<{link}>; rel="next"'} if link else {}


def page_size(asked: int | None, default: int, most: int) -> int:
    """The page size asked for (``default`` when none); more than ``most`` is a 400 problem."""
    if asked is None:
        return default
    if asked > most:
        raise ApiProblem(
            400,
            "bad-parameter",
            f"limit={asked} is more than {most:,} records a page. Ask for fewer and follow next_cursor.",
        )
    return asked
