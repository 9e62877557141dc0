"""``read_inputs`` on a feed's URL: each article it lists fetched and read as a URL is, against a
server on 127.0.0.1. Every feed and page here is invented for the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from loopback import Loopback, Route
from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.model import Document, Problem

RSS = "application/rss+xml"


def article(town: str) -> tuple[str, ...]:
    """Three invented paragraphs about shelling in ``town``."""
    return (
        f"Government artillery shelled the town of {town} on Friday, killing three civilians and "
        "wounding several more, local activists said.",
        f"Rebel fighters answered with rockets on army positions outside {town}, according to a "
        "statement issued by the group in the evening.",
        "The clashes went on into the night, residents said, and several houses were destroyed.",
    )


def rss(*items: str, title: str = "Levant Wire: Syria") -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{"".join(items)}'
        "</channel></rss>"
    ).encode()


def item(title: str, link: str | None, date: str = "Sat, 04 Mar 2017 23:30:00 +0300") -> str:
    linked = f"<link>{link}</link>" if link else ""
    return f"<item><title>{title}</title>{linked}<pubDate>{date}</pubDate></item>"


def bare_page(town: str) -> bytes:
    """A page that says nothing of itself: no title, heading, publisher or date."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in article(town))
    return f"<html><body><article>{body}</article></body></html>".encode()


def read(url: str, settings: Settings) -> list[Document | Problem]:
    return list(read_inputs([url], settings=settings))


def test_each_article_of_a_feed_with_the_feed_s_metadata_where_the_page_lacks_it(
    loopback: Loopback, url_settings: Settings, make_page: Callable[..., str]
) -> None:
    loopback.routes["/full"] = Route(make_page(paragraphs=article("Souran")).encode())
    loopback.routes["/bare"] = Route(bare_page("Maan"))
    loopback.routes["/feed"] = Route(
        rss(item("Feed title, full", "/full"), item("Shelling in Maan", loopback.url("/bare"))), RSS
    )

    full, bare_doc = read(loopback.url("/feed"), url_settings)

    assert isinstance(full, Document) and isinstance(bare_doc, Document)
    assert (full.input, full.title, full.source, full.published) == (
        loopback.url("/full"),
        "Shelling kills four in Kafr Zita",  # the page's own
        "Levant Wire",
        dt.date(2017, 3, 4),
    )
    assert "Souran" in full.text
    assert (bare_doc.title, bare_doc.published, bare_doc.url) == (
        "Shelling in Maan",  # the feed's, where the page says nothing
        dt.date(2017, 3, 4),
        loopback.url("/bare"),
    )


def test_a_broken_entry_and_a_slow_article_are_problems_and_the_rest_is_read(
    loopback: Loopback, url_settings: Settings, make_page: Callable[..., str]
) -> None:
    loopback.routes["/slow"] = Route(make_page(paragraphs=article("Hama")).encode(), delay_s=1.0)
    loopback.routes["/ok"] = Route(make_page(paragraphs=article("Taybat al-Imam")).encode())
    loopback.routes["/feed"] = Route(
        rss(item("No link", None), item("Slow", "/slow"), item("Fine", "/ok")), "text/xml"
    )
    feed = loopback.url("/feed")

    left_out, slow, fine = read(feed, url_settings)

    assert isinstance(left_out, Problem) and left_out.kind == "FeedError"
    assert (left_out.input, left_out.message) == (
        feed,
        f"{feed}: entry 1 ('No link') has no link to its article; it was left out.",
    )
    assert isinstance(slow, Problem) and slow.kind == "FetchError"
    assert slow.message.startswith(f"{loopback.url('/slow')}: no complete answer within 0.5 s")
    assert isinstance(fine, Document) and "Taybat al-Imam" in fine.text


def test_a_news_sitemap_served_as_html_is_still_a_feed(loopback: Loopback, url_settings: Settings) -> None:
    loopback.routes["/a"] = Route(bare_page("Khan Shaykhun"))
    loopback.routes["/sitemap.xml"] = Route(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/a</loc><news:news>'
        b"<news:title>Strikes on Khan Shaykhun</news:title></news:news></url></urlset>",
        "text/html",
    )

    (doc,) = read(loopback.url("/sitemap.xml"), url_settings)

    assert isinstance(doc, Document) and doc.title == "Strikes on Khan Shaykhun"


def test_a_feed_that_lists_nothing_is_one_problem(loopback: Loopback, url_settings: Settings) -> None:
    loopback.routes["/feed"] = Route(rss(), RSS)

    (result,) = read(loopback.url("/feed"), url_settings)

    assert isinstance(result, Problem) and result.kind == "EmptyInputError"
    assert "the feed lists no articles" in result.message


def test_a_malformed_feed_is_one_problem(loopback: Loopback, url_settings: Settings) -> None:
    loopback.routes["/feed"] = Route(b'<?xml version="1.0"?><rss version="2.0"><channel><ti<<&', RSS)

    (result,) = read(loopback.url("/feed"), url_settings)

    assert isinstance(result, Problem) and result.kind == "FeedError"
    assert "the feed is malformed" in result.message


def test_an_article_robots_txt_disallows_is_not_fetched(
    loopback: Loopback, url_settings: Settings, make_page: Callable[..., str]
) -> None:
    loopback.routes["/robots.txt"] = Route(b"User-agent: thucydides\nDisallow: /no/\n", "text/plain")
    loopback.routes["/no/a"] = Route(make_page(paragraphs=article("Idlib")).encode())
    loopback.routes["/feed"] = Route(rss(item("Kept off", "/no/a")), RSS)

    (result,) = read(loopback.url("/feed"), url_settings)

    assert isinstance(result, Problem) and result.kind == "DisallowedError"
    assert loopback.hits("/no/a") == 0
