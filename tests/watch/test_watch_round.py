"""Rounds of a watch against a feed server on 127.0.0.1: new, repeated, updated and broken entries,
304s, feeds that are slow, huge, malformed or no feed, an article that times out, a round stopped
or killed in the middle."""

from __future__ import annotations

import datetime as dt

import pytest

from feedsite import RSS, Clock, MakeWatch, article, rss, serve_feed
from loopback import Loopback, Route
from thucydides.store.feeds import EntryStatus
from thucydides.watch import FeedSource, run_round


def documents(watch_store: object) -> list[tuple[str, str]]:
    """(input, source) of every stored document."""
    conn = watch_store._conn  # type: ignore[attr-defined]
    return conn.execute("SELECT input, source FROM documents ORDER BY input").fetchall()  # type: ignore[no-any-return]


def test_new_articles_are_ingested_once_and_the_next_round_asks_with_the_validators(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran", "Maan", etag='"v1"')
    watch = make_watch()

    first = run_round(watch, [FeedSource(url, outlet="Levant Wire (feed)")])
    second = run_round(watch, [FeedSource(url, outlet="Levant Wire (feed)")], number=2)

    assert (first.checked, first.new, first.events, first.failures) == (1, 2, 2, 0)
    assert first.line(watch.now()).endswith(
        "round 1: 1 feeds checked (0 unchanged, 0 waiting to retry), 2 new articles (0 already stored), "
        "2 events, 0 failures"
    )
    assert documents(watch.store) == [
        (loopback.url("/news/Maan"), "Levant Wire (feed)"),  # the feeds file's outlet wins over the page's
        (loopback.url("/news/Souran"), "Levant Wire (feed)"),
    ]
    assert (second.checked, second.unchanged, second.new) == (1, 1, 0)
    assert loopback.last("/feed.xml").headers["if-none-match"] == '"v1"'
    assert (loopback.hits("/news/Souran"), loopback.hits("/news/Maan")) == (1, 1)
    (state,) = watch.store.feeds()
    assert (state.etag, state.entries, state.failures, state.last_error) == ('"v1"', 2, 0, None)
    assert watch.store.status().pending_fusion == 0  # fused as ingest fuses


def test_a_feed_without_validators_is_unchanged_when_its_body_is(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran")
    watch = make_watch()

    run_round(watch, [FeedSource(url)])
    again = run_round(watch, [FeedSource(url)])

    assert (again.unchanged, again.new, loopback.hits("/news/Souran")) == (1, 0, 1)


def test_repeated_entries_are_skipped_by_link_and_by_content(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    first_feed = serve_feed(loopback, "/a.xml", "Souran")
    loopback.routes["/mirror/souran"] = Route(article("Souran"))  # the same article at another address
    loopback.routes["/b.xml"] = Route(
        rss(loopback.url("/news/Souran"), "/mirror/souran", "/news/Souran"), RSS
    )
    watch = make_watch()

    summary = run_round(watch, [FeedSource(first_feed), FeedSource(loopback.url("/b.xml"))])

    assert (summary.new, summary.duplicate) == (1, 1)
    assert loopback.hits("/news/Souran") == 1  # listed three times, fetched once
    mirror = watch.store.seen_entry(loopback.url("/mirror/souran"))
    assert mirror is not None and mirror.status is EntryStatus.DUPLICATE
    assert len(documents(watch.store)) == 1


def test_an_updated_entry_is_read_again_and_stored_when_its_text_changed(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    def atom(updated: str) -> bytes:
        return (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Orontes Monitor</title><entry>'
            f'<title>Clashes</title><link href="/news/hama"/><updated>{updated}</updated></entry></feed>'
        ).encode()

    loopback.routes["/news/hama"] = Route(article("Hama"))
    loopback.routes["/atom"] = Route(atom("2017-03-05T07:00:00Z"), "application/atom+xml")
    watch, sources = make_watch(), [FeedSource(loopback.url("/atom"))]
    assert run_round(watch, sources).new == 1

    loopback.routes["/atom"] = Route(atom("2017-03-05T09:00:00Z"), "application/atom+xml")
    unchanged_text = run_round(watch, sources)
    loopback.routes["/news/hama"] = Route(article("Hama city"))
    loopback.routes["/atom"] = Route(atom("2017-03-05T11:00:00Z"), "application/atom+xml")
    changed_text = run_round(watch, sources)

    assert (unchanged_text.new, unchanged_text.duplicate) == (0, 1)
    assert (changed_text.new, changed_text.duplicate) == (1, 0)
    assert loopback.hits("/news/hama") == 3
    assert len(documents(watch.store)) == 2  # both versions of the report


def test_broken_entries_are_recorded_and_the_rest_is_read(loopback: Loopback, make_watch: MakeWatch) -> None:
    serve_feed(loopback, "/unused.xml", "Maan")
    loopback.routes["/feed.xml"] = Route(
        b'<rss version="2.0"><channel><title>T</title><item><title>Lost</title></item>'
        b"<item><title>Maan</title><link>/news/Maan</link></item></channel></rss>",
        RSS,
    )
    url = loopback.url("/feed.xml")
    watch = make_watch()

    summary = run_round(watch, [FeedSource(url)])

    assert summary.new == 1
    assert [problem.message for problem in watch.store.problems() if problem.kind == "FeedError"] == [
        f"{url}: entry 1 ('Lost') has no link to its article; it was left out."
    ]


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (Route(rss("/news/Maan"), RSS, delay_s=1.0), "no complete answer within 0.5 s"),
        (Route(b"<rss><channel>", RSS, endless=True), "the response is larger than 100,000 bytes"),
        (Route(b'<?xml version="1.0"?><rss version="2.0"><channel><ti<<&', RSS), "the feed is malformed"),
        (Route(article("Maan")), "not an RSS or Atom feed or a sitemap (content type text/html"),
        (Route(b"gone", "text/plain", status=410), "the server answered 410 Gone"),
    ],
    ids=["slow", "huge", "malformed", "not-a-feed", "gone"],
)
def test_a_failing_feed_is_recorded_backs_off_and_never_stops_the_round(
    loopback: Loopback, make_watch: MakeWatch, clock: Clock, route: Route, expected: str
) -> None:
    loopback.routes["/bad.xml"] = route
    bad, good = loopback.url("/bad.xml"), serve_feed(loopback, "/good.xml", "Souran")
    watch = make_watch(every_s=900)

    summary = run_round(watch, [FeedSource(bad), FeedSource(good)])

    assert (summary.checked, summary.failed_feeds, summary.new) == (2, 1, 1)
    state = watch.store.feed(bad)
    assert state is not None and state.last_error is not None and expected in state.last_error
    assert state.last_error.startswith(f"{bad}: ")
    assert (state.failures, state.next_attempt) == (1, clock.now + dt.timedelta(minutes=30))
    assert [problem.input for problem in watch.store.problems()] == [bad]

    clock.advance(minutes=15)
    waiting = run_round(watch, [FeedSource(bad), FeedSource(good)])
    clock.advance(minutes=16)
    retried = run_round(watch, [FeedSource(bad), FeedSource(good)])

    assert (waiting.waiting, waiting.checked, retried.waiting, retried.failed_feeds) == (1, 1, 0, 1)
    later = watch.store.feed(bad)
    assert later is not None and (later.failures, later.next_attempt) == (
        2,
        clock.now + dt.timedelta(minutes=60),
    )


def test_a_feed_that_recovers_is_healthy_again(
    loopback: Loopback, make_watch: MakeWatch, clock: Clock
) -> None:
    loopback.routes["/feed.xml"] = Route(b"down", "text/plain", status=503)
    url = loopback.url("/feed.xml")
    watch = make_watch()
    run_round(watch, [FeedSource(url)])
    serve_feed(loopback, "/feed.xml", "Souran")
    clock.advance(hours=1)

    summary = run_round(watch, [FeedSource(url)])

    assert summary.new == 1
    state = watch.store.feed(url)
    assert state is not None and (state.failures, state.last_error, state.next_attempt) == (0, None, None)


def test_an_article_that_times_out_is_fetched_again_next_round(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran", "Maan", etag='"v1"')
    loopback.routes["/news/Maan"] = Route(article("Maan"), delay_s=1.0)
    watch = make_watch()

    first = run_round(watch, [FeedSource(url)])
    loopback.routes["/news/Maan"] = Route(article("Maan"))
    second = run_round(watch, [FeedSource(url)])
    third = run_round(watch, [FeedSource(url)])

    assert (first.new, first.failed_articles) == (1, 1)
    assert "no complete answer within 0.5 s" in first.problems[0].message
    asked = [
        request.headers.get("if-none-match") for request in loopback.requests if request.path == "/feed.xml"
    ]
    assert asked == [None, None, '"v1"']  # the validators wait until the retry is done
    assert (second.new, second.failed_articles, second.unchanged) == (1, 0, 0)
    assert (third.unchanged, loopback.hits("/news/Souran"), loopback.hits("/news/Maan")) == (1, 1, 2)


def test_an_article_that_keeps_failing_is_given_up(loopback: Loopback, make_watch: MakeWatch) -> None:
    url = serve_feed(loopback, "/feed.xml", "Maan")
    loopback.routes["/news/Maan"] = Route(b"oops", "text/plain", status=500)
    watch = make_watch(max_attempts=2)

    rounds = [run_round(watch, [FeedSource(url)]) for _ in range(3)]

    assert [summary.failed_articles for summary in rounds] == [1, 1, 0]
    assert loopback.hits("/news/Maan") == 2
    seen = watch.store.seen_entry(loopback.url("/news/Maan"))
    assert seen is not None and (seen.status, seen.attempts) == (EntryStatus.GAVE_UP, 2)


def test_a_page_that_is_no_report_is_not_fetched_again(loopback: Loopback, make_watch: MakeWatch) -> None:
    url = serve_feed(loopback, "/feed.xml", "Maan")
    loopback.routes["/news/Maan"] = Route(b"<html><body><nav>Home</nav></body></html>")
    watch = make_watch()

    rounds = [run_round(watch, [FeedSource(url)]), run_round(watch, [FeedSource(url)])]

    assert [summary.failed_articles for summary in rounds] == [1, 0]
    seen = watch.store.seen_entry(loopback.url("/news/Maan"))
    assert seen is not None and seen.status is EntryStatus.REFUSED
    assert seen.message is not None and "no article text" in seen.message


def test_a_round_stopped_in_the_middle_is_resumed_by_the_next_and_reads_each_article_once(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    towns = ("Souran", "Maan", "Zita", "Taybat")
    url = serve_feed(loopback, "/feed.xml", *towns, etag='"v1"')
    fetched = lambda: sum(loopback.hits(f"/news/{town}") for town in towns)  # noqa: E731

    stopped = run_round(make_watch(should_stop=lambda: fetched() >= 2), [FeedSource(url)])
    resumed = run_round(make_watch(), [FeedSource(url)])  # a new process on the same store

    assert (stopped.new, stopped.stopped) == (2, True)
    assert stopped.line(make_watch().now()).endswith("(stopped: the rest is read next time)")
    assert "if-none-match" not in loopback.last("/feed.xml").headers  # the feed is read whole again
    assert (resumed.new, resumed.unchanged) == (2, 0)
    assert [loopback.hits(f"/news/{town}") for town in towns] == [1, 1, 1, 1]


def test_a_round_killed_between_storing_an_article_and_recording_it_stores_it_once(
    loopback: Loopback, make_watch: MakeWatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran", "Maan", "Taybat")
    killed = make_watch()
    real = type(killed.store).mark_entry
    marks = [0]

    def dies_on_the_second(store: object, entry: object) -> None:
        marks[0] += 1
        if marks[0] == 2:
            raise SystemExit("killed")  # after the document's transaction, before the entry's
        real(store, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(type(killed.store), "mark_entry", dies_on_the_second)
    with pytest.raises(SystemExit):
        run_round(killed, [FeedSource(url)])
    monkeypatch.setattr(type(killed.store), "mark_entry", real)

    resumed = run_round(make_watch(), [FeedSource(url)])

    assert (resumed.new, resumed.duplicate) == (1, 1)  # Maan was stored already: read again, not stored
    assert len(documents(resumed_store := make_watch().store)) == 3
    assert resumed_store.status().pending_fusion == 0  # the killed run's records are fused too


def test_at_most_max_new_per_feed_articles_a_round(loopback: Loopback, make_watch: MakeWatch) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran", "Maan", "Taybat", etag='"v1"')
    watch = make_watch(max_new_per_feed=2)

    counts = [run_round(watch, [FeedSource(url)]).new for _ in range(3)]

    assert counts == [2, 1, 0]


def test_a_feed_robots_txt_disallows_is_a_failure_that_says_so(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    url = serve_feed(loopback, "/private/feed.xml", "Souran")
    loopback.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    watch = make_watch()

    summary = run_round(watch, [FeedSource(url)])

    assert summary.failed_feeds == 1 and loopback.hits("/private/feed.xml") == 0
    (problem,) = watch.store.problems()
    assert problem.kind == "DisallowedError" and "robots.txt" in problem.message


def test_a_language_the_feeds_file_declares_refuses_the_articles(
    loopback: Loopback, make_watch: MakeWatch
) -> None:
    url = serve_feed(loopback, "/feed.xml", "Souran")
    watch = make_watch()

    summary = run_round(watch, [FeedSource(url, language="ar")])

    assert (summary.new, summary.failed_articles) == (0, 1)
    assert summary.problems[0].kind == "NotEnglishError"
