"""Fetching as a considerate crawler does, for the articles and feeds Thucydides finds by itself.

1. Each site's robots.txt is read once per round (``new_round``), through the same
   capped ``url.fetch`` as everything else, and an address it disallows for our user
   agent is not fetched (``DisallowedError``). As RFC 9309 says: a robots.txt that
   is missing (any 4xx) allows everything; one the site fails to serve (5xx, no
   connection, a time-out) keeps us off the whole site until the next round.
2. Requests to one site are spaced by ``settings.host_delay_s``, or by the site's
   own ``Crawl-delay`` when it asks for more (up to a minute).
3. A feed that keeps failing is retried less and less often (``backoff_s``).

A single URL the user names is fetched as asked (``sources.read_url``); this module
is for the addresses a feed lists. The clock and the pause are injected, so tests
need no real waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from thucydides.config import Settings
from thucydides.errors import DisallowedError, FetchError
from thucydides.ingest.url import PAGE_TYPES, USER_AGENT, Fetched, fetch

ROBOTS_MAX_BYTES = 500_000  # as much of a robots.txt as the big crawlers read
MAX_CRAWL_DELAY_S = 60.0  # a site asking for more would take a day to read one feed
MAX_BACKOFF_S = 24 * 3600.0  # a dead feed is still tried once a day
AGENT = USER_AGENT.split("/", 1)[0]  # the name robots.txt rules address: "thucydides"


def backoff_s(failures: int, *, base_s: float) -> float:
    """How long to leave a feed alone after ``failures`` failures in a row: twice the round's
    interval after the first, doubling with each further one, at most a day."""
    return float(min(base_s * 2 ** max(failures, 1), MAX_BACKOFF_S))


@dataclass(frozen=True, slots=True)
class _Rules:
    """What one site's robots.txt says for us this round."""

    robots_url: str
    parser: RobotFileParser | None  # None: everything is allowed (no robots.txt)
    refusal: FetchError | None = None  # why nothing of the site is fetched this round
    delay_s: float = 0.0  # the site's Crawl-delay for us, capped

    def check(self, url: str) -> None:
        if self.refusal is not None:
            raise FetchError(
                f"{url}: not fetched, because the site's robots.txt could not be read and a crawler "
                f"must then keep off the site ({self.refusal}). It is tried again next round."
            )
        if self.parser is not None and not self.parser.can_fetch(AGENT, url):
            raise DisallowedError(
                f"{url}: the site's robots.txt ({self.robots_url}) asks crawlers named {AGENT!r} not to "
                "fetch this address, so it was not fetched. Remove the feed from the list, or ask the "
                "site to allow it."
            )


class Polite:
    """A fetcher that honours robots.txt and spaces its requests to each site."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout_s = settings.url_timeout_s
        self.max_bytes = settings.max_input_bytes
        self.delay_s = settings.host_delay_s
        self.clock = clock
        self.sleep = sleep
        self.transport = transport
        self._last: dict[str, float] = {}  # site -> when the last request to it ended
        self._rules: dict[str, _Rules] = {}

    def new_round(self) -> None:
        """Forget what the robots.txt files said: a new round reads them again."""
        self._rules.clear()

    def fetch(
        self,
        url: str,
        *,
        accept: frozenset[str] | None = PAGE_TYPES,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """``url.fetch`` of ``url`` if the site's robots.txt allows it, after the site's pause.

        Raises ``DisallowedError`` (robots.txt says no) or ``FetchError``."""
        site = _site(url)
        rules = self._robots(site)
        rules.check(url)
        return self._request(
            site,
            max(self.delay_s, rules.delay_s),
            lambda: fetch(
                url,
                timeout_s=self.timeout_s,
                max_bytes=self.max_bytes,
                accept=accept,
                headers=headers,
                transport=self.transport,
            ),
        )

    def _robots(self, site: str) -> _Rules:
        if site not in self._rules:
            self._rules[site] = self._read_robots(site)
        return self._rules[site]

    def _read_robots(self, site: str) -> _Rules:
        robots_url = f"{site}/robots.txt"
        try:
            fetched = self._request(
                site,
                self.delay_s,
                lambda: fetch(
                    robots_url,
                    timeout_s=self.timeout_s,
                    max_bytes=min(self.max_bytes, ROBOTS_MAX_BYTES),
                    accept=None,
                    transport=self.transport,
                ),
            )
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return _Rules(robots_url, parser=None)
            return _Rules(robots_url, parser=None, refusal=error)
        parser = RobotFileParser(robots_url)
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(AGENT)
        return _Rules(robots_url, parser=parser, delay_s=min(float(delay or 0), MAX_CRAWL_DELAY_S))

    def _request(self, site: str, delay_s: float, request: Callable[[], Fetched]) -> Fetched:
        last = self._last.get(site)
        if last is not None:
            pause = last + delay_s - self.clock()
            if pause > 0:
                self.sleep(pause)
        try:
            return request()
        finally:
            self._last[site] = self.clock()


def _site(url: str) -> str:
    """The origin robots.txt rules and pauses apply to: "https://host:port"."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
