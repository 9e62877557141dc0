"""Polite fetching against servers on 127.0.0.1: robots.txt, the pause per site, backoff.

The clock and the pause are fakes: the pauses are asserted, never waited for.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from loopback import Loopback, Route, serving
from thucydides.config import Settings
from thucydides.errors import DisallowedError, FetchError
from thucydides.ingest.polite import MAX_BACKOFF_S, Polite, backoff_s


class FakeTime:
    """A clock that only moves when someone pauses."""

    def __init__(self) -> None:
        self.now = 100.0
        self.pauses: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def polite(fake_time: FakeTime) -> Polite:
    settings = replace(Settings(), url_timeout_s=0.5, max_input_bytes=200_000, host_delay_s=2.0)
    return Polite(settings, clock=fake_time.clock, sleep=fake_time.sleep)


def page(loopback: Loopback, path: str) -> str:
    loopback.routes[path] = Route(b"<p>An invented page.</p>")
    return loopback.url(path)


def test_robots_txt_is_honoured_for_our_user_agent(loopback: Loopback, polite: Polite) -> None:
    loopback.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /\n\nUser-agent: thucydides\nDisallow: /private/\n",
        content_type="text/plain",
    )
    allowed, refused = page(loopback, "/news/1"), page(loopback, "/private/2")

    assert polite.fetch(allowed).body == b"<p>An invented page.</p>"
    with pytest.raises(DisallowedError) as caught:
        polite.fetch(refused)

    assert str(caught.value) == (
        f"{refused}: the site's robots.txt ({loopback.url('/robots.txt')}) asks crawlers named "
        "'thucydides' not to fetch this address, so it was not fetched. Remove the feed from the list, "
        "or ask the site to allow it."
    )
    assert loopback.hits("/private/2") == 0
    assert loopback.last("/news/1").headers["user-agent"].startswith("thucydides/")


def test_robots_txt_is_read_once_per_site_and_round(loopback: Loopback, polite: Polite) -> None:
    loopback.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    first, second = page(loopback, "/a"), page(loopback, "/b")

    polite.fetch(first)
    polite.fetch(second)
    assert loopback.hits("/robots.txt") == 1
    polite.new_round()
    polite.fetch(first)
    assert loopback.hits("/robots.txt") == 2


def test_a_missing_robots_txt_allows_everything(loopback: Loopback, polite: Polite) -> None:
    assert polite.fetch(page(loopback, "/a")).status == 200  # /robots.txt answers 404


def test_a_robots_txt_the_site_fails_to_serve_keeps_us_off_the_site(
    loopback: Loopback, polite: Polite
) -> None:
    loopback.routes["/robots.txt"] = Route(b"down", content_type="text/plain", status=503)
    address = page(loopback, "/a")

    with pytest.raises(FetchError) as caught:
        polite.fetch(address)
    with pytest.raises(FetchError):
        polite.fetch(address)

    assert not isinstance(caught.value, DisallowedError)
    message = str(caught.value)
    assert message.startswith(f"{address}: not fetched, because the site's robots.txt could not be read")
    assert "the server answered 503 Service Unavailable" in message
    assert message.endswith("It is tried again next round.")
    assert (loopback.hits("/robots.txt"), loopback.hits("/a")) == (1, 0)


def test_requests_to_one_site_are_spaced(loopback: Loopback, polite: Polite, fake_time: FakeTime) -> None:
    first, second = page(loopback, "/a"), page(loopback, "/b")

    polite.fetch(first)  # robots.txt, then the page
    polite.fetch(second)

    assert fake_time.pauses == [2.0, 2.0]


def test_other_sites_are_not_held_up(loopback: Loopback, polite: Polite, fake_time: FakeTime) -> None:
    with serving() as other:
        polite.fetch(page(loopback, "/a"))
        fake_time.pauses.clear()
        polite.fetch(page(other, "/b"))  # its robots.txt, then the page

    assert fake_time.pauses == [2.0]


def test_a_site_s_crawl_delay_is_honoured(loopback: Loopback, polite: Polite, fake_time: FakeTime) -> None:
    loopback.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")

    polite.fetch(page(loopback, "/a"))
    polite.fetch(page(loopback, "/b"))

    assert fake_time.pauses == [5.0, 5.0]


def test_backoff_doubles_from_twice_the_interval_up_to_a_day() -> None:
    assert [backoff_s(n, base_s=900) for n in (1, 2, 3)] == [1800.0, 3600.0, 7200.0]
    assert backoff_s(30, base_s=900) == MAX_BACKOFF_S
