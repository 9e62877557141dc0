"""What every read endpoint shares: a store per request, page cursors, bounding boxes, page links.

A store is opened for each request, in the thread that serves it, and closed at its end:
SQLite connections belong to one thread, and WAL mode lets many readers work beside a writer.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Request

from thucydides.api.problems import ApiProblem
from thucydides.store import Store
from thucydides.store.pages import BBox, PageKey

StoreFactory = Callable[[], Store]


@contextmanager
def store_of(request: Request) -> Iterator[Store]:
    """The app's store, opened for this request and closed after it."""
    factory: StoreFactory = request.app.state.store_factory
    with factory() as store:
        yield store


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
