"""Feeds and sitemaps read from bytes: RSS, Atom, news and plain sitemaps, and what is none of them.

Every feed here is invented for the tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.errors import FeedError
from thucydides.ingest.feeds import FeedEntry, is_feed, parse_feed, root_element

URL = "https://levantwire.example/feeds/syria.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Levant Wire: Syria</title><link>https://levantwire.example/</link>
<item><title>Shelling kills four in Kafr Zita</title>
  <link>https://levantwire.example/2017/03/kafr-zita</link>
  <pubDate>Sat, 04 Mar 2017 23:30:00 +0300</pubDate></item>
<item><title>Convoy reaches Madaya</title><link>/2017/03/madaya-convoy</link></item>
<item><title>A permalink guid</title><guid isPermaLink="true">https://levantwire.example/2017/03/guid</guid></item>
<item><title>No link at all</title><description>Only a summary.</description></item>
<item><title>A mail link</title><link>mailto:desk@levantwire.example</link></item>
<item><title>Shelling kills four in Kafr Zita</title>
  <link>https://levantwire.example/2017/03/kafr-zita#comments</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Orontes Monitor</title><id>tag:orontes.example,2017:feed</id><updated>2017-03-05T08:00:00Z</updated>
<entry><title>Clashes near Souran</title><id>tag:orontes.example,2017:1</id>
  <link rel="alternate" href="https://orontes.example/news/souran"/>
  <published>2017-03-03T23:10:00-05:00</published><updated>2017-03-05T07:00:00Z</updated></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://orontes.example/news/maan</loc><lastmod>2017-03-05T10:00:00Z</lastmod>
  <news:news><news:publication><news:name>Orontes Monitor</news:name><news:language>en</news:language>
  </news:publication><news:publication_date>2017-03-04T22:00:00+03:00</news:publication_date>
  <news:title>Rockets fall on Maan</news:title></news:news></url>
<url><loc>ftp://orontes.example/archive</loc></url>
</urlset>"""

PLAIN_SITEMAP = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://orontes.example/about </loc></url>
<url><loc>https://orontes.example/news/hama</loc><lastmod>2017-03-02</lastmod></url>
</urlset>"""


def test_rss_entries_with_their_metadata_and_resolved_links() -> None:
    feed = parse_feed(RSS, url=URL, content_type="application/rss+xml")

    assert (feed.kind, feed.title) == ("rss20", "Levant Wire: Syria")
    assert [entry.link for entry in feed.entries] == [
        "https://levantwire.example/2017/03/kafr-zita",  # the repeat (with a fragment) is left out
        "https://levantwire.example/2017/03/madaya-convoy",
        "https://levantwire.example/2017/03/guid",
    ]
    first = feed.entries[0]
    assert first.title == "Shelling kills four in Kafr Zita"
    assert first.published == dt.date(2017, 3, 4)  # the writer's day, not UTC's
    assert first.version == "Sat, 04 Mar 2017 23:30:00 +0300"


def test_entries_without_a_usable_link_are_left_out_and_said() -> None:
    feed = parse_feed(RSS, url=URL)

    assert feed.skipped == (
        f"{URL}: entry 4 ('No link at all') has no link to its article; it was left out.",
        f"{URL}: entry 5 ('A mail link') links to 'mailto:desk@levantwire.example', "
        "not an http(s) address; it was left out.",
    )


def test_atom_published_day_as_written_and_updated_as_version() -> None:
    (entry,) = parse_feed(ATOM, url="https://orontes.example/atom").entries

    assert entry == FeedEntry(
        link="https://orontes.example/news/souran",
        title="Clashes near Souran",
        published=dt.date(2017, 3, 3),
        version="2017-03-05T07:00:00Z",
    )


def test_news_sitemap() -> None:
    feed = parse_feed(NEWS_SITEMAP, url="https://orontes.example/news-sitemap.xml")

    assert feed.kind == "news sitemap"
    assert feed.entries == (
        FeedEntry(
            link="https://orontes.example/news/maan",
            title="Rockets fall on Maan",
            published=dt.date(2017, 3, 4),
            version="2017-03-05T10:00:00Z",
            source="Orontes Monitor",
        ),
    )
    assert feed.skipped == (
        "https://orontes.example/news-sitemap.xml: entry 2 links to 'ftp://orontes.example/archive', "
        "not an http(s) address; it was left out.",
    )


def test_plain_sitemap_gives_links_and_lastmod_only() -> None:
    feed = parse_feed(PLAIN_SITEMAP, url="https://orontes.example/sitemap.xml")

    assert feed.kind == "sitemap"
    assert feed.entries == (
        FeedEntry(link="https://orontes.example/about"),
        FeedEntry(link="https://orontes.example/news/hama", version="2017-03-02"),
    )


def test_a_sitemap_index_names_its_sitemaps_and_the_fix() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://o.example/s-news.xml</loc></sitemap>
    <sitemap><loc>https://o.example/s-pages.xml</loc></sitemap></sitemapindex>"""

    with pytest.raises(FeedError) as caught:
        parse_feed(index, url="https://o.example/index.xml")

    assert str(caught.value) == (
        "https://o.example/index.xml: this is a sitemap index, a list of 2 other sitemaps "
        "(https://o.example/s-news.xml, https://o.example/s-pages.xml), not of articles. Give the news "
        "sitemap among them instead (usually the one with 'news' in its name)."
    )


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(
            b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", url=URL, content_type="text/html"
        )

    message = str(caught.value)
    assert message.startswith(f"{URL}: not an RSS or Atom feed or a sitemap (content type text/html; ")
    assert message.endswith('name it in <link rel="alternate" type="application/rss+xml">.')


def test_a_malformed_feed_that_gives_nothing_says_so() -> None:
    with pytest.raises(FeedError, match="the feed is malformed and no entry could be read"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</ti<<&&', url=URL)


def test_a_malformed_feed_keeps_the_entries_it_still_gives() -> None:
    truncated = RSS[: RSS.index(b"<item><title>Convoy")]

    feed = parse_feed(truncated, url=URL)

    assert [entry.title for entry in feed.entries] == ["Shelling kills four in Kafr Zita"]


def test_a_malformed_sitemap() -> None:
    with pytest.raises(FeedError, match="the sitemap is malformed XML"):
        parse_feed(b"<urlset><url><loc>https://o.example/1</loc></url>", url=URL)


def test_an_empty_feed_is_a_feed_with_no_entries() -> None:
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', url=URL)

    assert (feed.title, feed.entries, feed.skipped) == ("Quiet", (), ())


@pytest.mark.parametrize(
    "entity",
    [
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">',
        b'<!ENTITY x SYSTEM "file:///etc/hostname">',
        b'<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">',
    ],
)
def test_a_sitemap_s_entities_are_never_expanded_nor_fetched(entity: bytes) -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [' + entity + b"]>"
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://o.example/&x;</loc></url></urlset>"
    )

    (entry,) = parse_feed(hostile, url=URL).entries

    assert entry.link == "https://o.example/"


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/rss+xml", b"", True),
        ("text/xml", b"<anything/>", True),
        ("text/html", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a comment -->\n<rss version="2.0">', True),
        ("text/plain", b"  <feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("text/html", b'<!DOCTYPE urlset [<!ENTITY x "y">]><urlset>', True),
        ("text/html", b"<!DOCTYPE html><html><head>", False),
        ("text/plain", b"Government artillery shelled the town.", False),
    ],
)
def test_is_feed_by_type_or_first_element(content_type: str, body: bytes, expected: bool) -> None:
    assert is_feed(content_type, body) is expected


def test_root_element() -> None:
    assert root_element(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>") == "rdf:rdf"
    assert root_element(b"no markup") is None
