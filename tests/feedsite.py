"""An invented news site for the feed tests: article pages, RSS feeds, a stand-in for the model.

Every feed and article here is invented for the tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from factory import event
from loopback import Loopback, Route
from thucydides.model import Document
from thucydides.pipeline import Outcome
from thucydides.watch import Watch

START = dt.datetime(2017, 3, 5, 8, 0, tzinfo=dt.UTC)
RSS = "application/rss+xml"


def article(town: str) -> bytes:
    """An invented article page about fighting in ``town``."""
    return (
        f"<html><head><title>Fighting near {town}</title>"
        '<meta property="og:site_name" content="Levant Wire"></head><body><article>'
        f"<h1>Fighting near {town}</h1>"
        f"<p>Government forces and rebel fighters clashed near {town} on Saturday, a military source "
        "said, and several fighters were killed on both sides.</p>"
        f"<p>Residents of {town} said the shelling went on until the evening.</p>"
        "</article></body></html>"
    ).encode()


def rss(*links: str, title: str = "Levant Wire: Syria") -> bytes:
    """An RSS feed listing ``links`` (paths or URLs), each titled after its last part."""
    items = "".join(
        f"<item><title>{link.rsplit('/', 1)[-1]}</title><link>{link}</link>"
        "<pubDate>Sat, 04 Mar 2017 20:00:00 +0300</pubDate></item>"
        for link in links
    )
    channel = f"<channel><title>{title}</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


class StandIn:
    """One event per article, dated by the article."""

    def run_one(self, doc: Document, on_stage: object = None) -> Outcome:
        record = event(
            event_id=f"{doc.id[7:19]}#01", document_id=doc.id, event_date=doc.published, source=doc.source
        )
        dated = dataclasses.replace(doc, events=(record,), reference_date=doc.published)
        return Outcome(document=dated, problem=None)


MakeWatch = Callable[..., Watch]  # the ``make_watch`` fixture of tests/watch/conftest.py


class Clock:
    """The watch's wall clock, moved by the test."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def serve_feed(loopback: Loopback, path: str, *towns: str, etag: str | None = None) -> str:
    """A feed at ``path`` listing an article per town (at ``/news/TOWN``), all served; its URL."""
    for town in towns:
        loopback.routes[f"/news/{town}"] = Route(article(town))
    loopback.routes[path] = Route(rss(*(f"/news/{town}" for town in towns)), RSS, etag=etag)
    return loopback.url(path)
