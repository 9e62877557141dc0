"""One round of following feeds, and the rounds one after another.

Each round is one ingest run (``jobs.Ingestion``): the articles are stored and fused
exactly as ``thucydides ingest`` stores and fuses them. For each feed, in the order
of the feeds file:

1. A feed backing off after failures waits until its next attempt is due.
2. The feed is fetched politely, with its validators (``If-None-Match``,
   ``If-Modified-Since``): a 304, or a body identical to the last one read to the
   end, means nothing new. A failure (no answer, not a feed, robots.txt says no)
   is recorded on the feed and as a problem, and the feed backs off; the round goes on.
3. Each entry whose link has no settled outcome yet (a new link, a fetch to retry,
   or an entry whose "updated" stamp changed) has its article fetched, read and
   added to the run; its outcome is recorded at once, so a round stopped or killed
   at any point is resumed by the next one without reading any article twice.
4. The feed's new validators are recorded only once every entry was handled: a feed
   left half-read (stopped, or ``max_new_per_feed`` reached) is read again next round.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from thucydides.config import Settings
from thucydides.errors import FeedError, FetchError
from thucydides.ingest.document import Layer
from thucydides.ingest.feeds import Feed, FeedEntry, parse_feed
from thucydides.ingest.meta import Metadata
from thucydides.ingest.pages import read_entry
from thucydides.ingest.polite import Polite, backoff_s
from thucydides.ingest.problems import problem
from thucydides.jobs import Added, Ingestion
from thucydides.model import Problem
from thucydides.store import Store
from thucydides.store.feeds import EntryStatus, FeedState, SeenEntry
from thucydides.watch.feedlist import FeedSource

if TYPE_CHECKING:
    from thucydides.build import Resources


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How often and how much."""

    every_s: float = 900.0  # between the starts of two rounds; also the base of a feed's backoff
    max_new_per_feed: int = 100  # articles fetched per feed and round; the rest wait for the next
    max_attempts: int = 3  # failed fetches of one article before it is given up


@dataclass
class RoundSummary:
    """What one round did."""

    number: int
    run_id: str = ""
    checked: int = 0  # feeds fetched
    unchanged: int = 0  # of which nothing new (304, or the same body)
    waiting: int = 0  # feeds backing off, not due yet
    new: int = 0
    duplicate: int = 0
    events: int = 0
    failed_feeds: int = 0
    failed_articles: int = 0
    stopped: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.failed_feeds + self.failed_articles

    def line(self, at: dt.datetime) -> str:
        """The one line a round prints."""
        return (
            f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}Z round {self.number}: {self.checked} feeds checked "
            f"({self.unchanged} unchanged, {self.waiting} waiting to retry), {self.new} new articles "
            f"({self.duplicate} already stored), {self.events} events, {self.failures} failures"
            + (" (stopped: the rest is read next time)" if self.stopped else "")
        )


@dataclass
class Watch:
    """What every round needs; ``now`` and ``should_stop`` are injected (tests, signals)."""

    store: Store
    settings: Settings
    resources: Resources | Callable[[], Resources]
    fetcher: Polite
    options: WatchOptions = field(default_factory=WatchOptions)
    now: Callable[[], dt.datetime] = utc_now
    should_stop: Callable[[], bool] = lambda: False

    def __post_init__(self) -> None:
        self._loaded: Resources | None = None if callable(self.resources) else self.resources

    def _resources(self) -> Resources | Callable[[], Resources]:
        """The resources once loaded, else a loader that keeps them for the later rounds."""
        if self._loaded is not None:
            return self._loaded
        load = self.resources
        assert callable(load)

        def load_once() -> Resources:
            self._loaded = load()
            return self._loaded

        return load_once


def follow(
    watch: Watch,
    sources: Sequence[FeedSource],
    *,
    once: bool,
    report: Callable[[RoundSummary], None],
    wait: Callable[[float], bool],
) -> int:
    """Rounds until ``once`` is done or ``should_stop``; ``wait(seconds)`` sleeps until the next round
    is due and returns True when asked to stop. Returns the number of rounds run."""
    number = 0
    while True:
        number += 1
        started = time.monotonic()
        summary = run_round(watch, sources, number=number)
        report(summary)
        if once or summary.stopped or watch.should_stop():
            return number
        if wait(max(0.0, watch.options.every_s - (time.monotonic() - started))):
            return number


def run_round(watch: Watch, sources: Sequence[FeedSource], *, number: int = 1) -> RoundSummary:
    """Check every feed once and ingest its new articles (the steps of the module's docstring)."""
    watch.fetcher.new_round()
    ingestion = Ingestion(store=watch.store, settings=watch.settings, resources=watch._resources())
    summary = RoundSummary(number=number, run_id=ingestion.summary.run_id)
    for source in sources:
        if watch.should_stop():
            summary.stopped = True
            break
        _Feed(watch, ingestion, summary, source).check()
    done = ingestion.finish()
    summary.new, summary.duplicate, summary.events = done.new, done.duplicate, done.events
    summary.failed_articles = done.failed
    summary.problems = [*summary.problems, *done.problems]
    return summary


class _Feed:
    """One feed's turn in a round."""

    def __init__(self, watch: Watch, ingestion: Ingestion, summary: RoundSummary, source: FeedSource) -> None:
        self.watch, self.ingestion, self.summary, self.source = watch, ingestion, summary, source
        known = watch.store.feed(source.url) or FeedState(url=source.url)
        self.state = replace(known, outlet=source.outlet, language=source.language)

    def check(self) -> None:
        now = self.watch.now()
        if self.state.next_attempt is not None and self.state.next_attempt > now:
            self.summary.waiting += 1
            return
        self.summary.checked += 1
        try:
            fetched = self.watch.fetcher.fetch(self.source.url, accept=None, headers=self._validators())
            body_hash = "sha256:" + hashlib.sha256(fetched.body).hexdigest()
            etag = fetched.etag or self.state.etag
            last_modified = fetched.last_modified or self.state.last_modified
            if fetched.not_modified or body_hash == self.state.body_hash:
                self.summary.unchanged += 1
                self._succeeded(now, etag=etag, last_modified=last_modified, body_hash=self.state.body_hash)
                return
            feed = parse_feed(fetched.body, url=fetched.url, content_type=fetched.content_type)
        except Exception as error:  # one dead feed never stops the round
            self._failed(now, error)
            return
        # Recorded before its entries (which refer to it), with the validators of the last body read
        # to the end: until this one is, the next round must fetch it whole again.
        state = self.state
        self._succeeded(now, etag=state.etag, last_modified=state.last_modified, body_hash=state.body_hash)
        if self._read(feed):
            self._succeeded(now, etag=etag, last_modified=last_modified, body_hash=body_hash)

    def _validators(self) -> dict[str, str]:
        headers = {"If-None-Match": self.state.etag, "If-Modified-Since": self.state.last_modified}
        return {name: value for name, value in headers.items() if value}

    def _succeeded(
        self, now: dt.datetime, *, etag: str | None, last_modified: str | None, body_hash: str | None
    ) -> None:
        self.state = replace(
            self.state,
            last_checked=now,
            last_success=now,
            last_error=None,
            failures=0,
            next_attempt=None,
            etag=etag,
            last_modified=last_modified,
            body_hash=body_hash,
        )
        self.watch.store.save_feed(self.state)

    def _failed(self, now: dt.datetime, error: Exception) -> None:
        failures = self.state.failures + 1
        wait = dt.timedelta(seconds=backoff_s(failures, base_s=self.watch.options.every_s))
        said = problem(self.source.url, error)
        self.state = replace(
            self.state, last_checked=now, last_error=said.message, failures=failures, next_attempt=now + wait
        )
        self.watch.store.save_feed(self.state)
        self._problem(said)
        self.summary.failed_feeds += 1

    def _problem(self, said: Problem) -> None:
        self.watch.store.add_problem(said, self.summary.run_id)
        self.summary.problems.append(said)

    def _read(self, feed: Feed) -> bool:
        """Each entry's article not settled yet, in the feed's order; False when some are left to
        read or to fetch again."""
        for reason in feed.skipped:
            self._problem(problem(self.source.url, FeedError(reason)))
        before = self._declared()
        tried = 0
        complete = True
        for entry in feed.entries:
            if self.watch.should_stop():
                self.summary.stopped = True
                return False
            seen = self.watch.store.seen_entry(entry.link)
            if seen is not None and _settled(seen, entry, max_attempts=self.watch.options.max_attempts):
                continue
            if tried == self.watch.options.max_new_per_feed:
                return False
            tried += 1
            item = read_entry(
                entry, feed=feed, fetch=self.watch.fetcher.fetch, settings=self.watch.settings, before=before
            )
            outcome = _outcome(
                self.source.url,
                entry,
                seen,
                self.ingestion.add(item),
                max_attempts=self.watch.options.max_attempts,
            )
            self.watch.store.mark_entry(outcome)
            complete = complete and outcome.status is not EntryStatus.RETRY
        return complete

    def _declared(self) -> tuple[Layer, ...]:
        """What the feeds file says of every article of this feed (the user's word, as options are)."""
        if not (self.source.outlet or self.source.language):
            return ()
        metadata = Metadata(source=self.source.outlet, language=self.source.language)
        return (Layer(origin=f"the feeds file's line for {self.source.url}", metadata=metadata),)


def _settled(seen: SeenEntry, entry: FeedEntry, *, max_attempts: int) -> bool:
    """Whether an entry's article needs nothing more: it has an outcome that is not a fetch to
    retry, and the feed has not marked the entry updated since."""
    if entry.version is not None and entry.version != seen.version:
        return False
    return not (seen.status is EntryStatus.RETRY and seen.attempts < max_attempts)


def _outcome(
    feed_url: str, entry: FeedEntry, seen: SeenEntry | None, added: Added, *, max_attempts: int
) -> SeenEntry:
    """The record of what became of an entry's article."""
    status = {"new": EntryStatus.STORED, "duplicate": EntryStatus.DUPLICATE}.get(added.status)
    attempts = 1
    if status is None:
        # Only a failed fetch is worth another try; a page that is no report stays one.
        transient = added.problem is not None and added.problem.kind == FetchError.__name__
        retrying = seen is not None and seen.status is EntryStatus.RETRY and seen.version == entry.version
        attempts = seen.attempts + 1 if retrying and seen is not None else 1
        status = EntryStatus.REFUSED
        if transient:
            status = EntryStatus.RETRY if attempts < max_attempts else EntryStatus.GAVE_UP
    return SeenEntry(
        feed_url=feed_url,
        link=entry.link,
        status=status,
        version=entry.version,
        document_id=added.document_id,
        attempts=attempts,
        message=added.problem.message if added.problem is not None else None,
        first_seen=seen.first_seen if seen is not None else None,
    )
