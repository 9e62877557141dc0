"""Feeds and sitemaps: which response is one, and the articles it lists. Pure over bytes.

1. ``is_feed`` tells a feed from a page: an XML media type, or a body whose first
   element is ``<rss>``, ``<feed>``, ``<rdf:RDF>``, ``<urlset>`` or ``<sitemapindex>``
   (servers often call a feed ``text/html`` or ``text/plain``).
2. RSS and Atom are read by feedparser, the field's library: it copes with the
   dialects, the date formats and the half-broken XML that real feeds serve.
3. Sitemaps (``<urlset>``, with or without Google's ``news:`` extension), which
   feedparser does not read, are read with lxml's parser set never to resolve
   entities, load a DTD or reach the network: a hostile sitemap can neither
   expand into gigabytes nor read local files.

An entry without a usable http(s) link is left out and its reason kept in
``Feed.skipped``, so that the caller can record it: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from thucydides.errors import FeedError
from thucydides.ingest.meta import parse_published
from thucydides.ingest.url import FEED_TYPES

_ROOTS = ("rss", "feed", "rdf:rdf", "urlset", "sitemapindex")
# What may come before the first element: a byte-order mark, an XML declaration, comments, a doctype.
_PROLOGUE = re.compile(
    rb"^(?:\xef\xbb\xbf|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.S | re.I
)
_FIRST_TAG = re.compile(rb"<([A-Za-z][\w:.-]*)")
_SNIFF_BYTES = 4096
_SHOWN_CHARS = 60
_SITEMAP_INDEX_SHOWN = 3


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One article a feed lists: its link and what the feed says of it."""

    link: str  # absolute http(s), without a fragment
    title: str | None = None
    published: dt.date | None = None  # the day as the feed writes it, in the writer's time zone
    version: str | None = None  # the entry's "updated" stamp: when it changes, the article may have
    source: str | None = None  # the publication a news sitemap names


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its kind ("rss20", "atom10", "sitemap", "news sitemap"...), title and entries."""

    kind: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    skipped: tuple[str, ...] = ()  # why each entry left out was (no link, not http...)


def is_feed(content_type: str, body: bytes) -> bool:
    """Whether a response is a feed or a sitemap rather than a page: by its type, else its first element."""
    return content_type in FEED_TYPES or root_element(body) in _ROOTS


def root_element(body: bytes) -> str | None:
    """The name of the first element of an XML or HTML body, lower case ("rss", "html"), if any."""
    head = body[:_SNIFF_BYTES]
    start = _PROLOGUE.match(head)
    found = _FIRST_TAG.match(head, start.end() if start else 0)
    return found[1].decode("ascii", "replace").lower() if found else None


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> Feed:
    """The entries of an RSS or Atom feed or a sitemap; ``url`` (the feed's final address) resolves
    relative links. Raises ``FeedError`` naming the cause and the fix for anything else."""
    root = root_element(body)
    if root in ("urlset", "sitemapindex"):
        return _parse_sitemap(body, url=url)
    return _parse_syndication(body, url=url, content_type=content_type, root=root)


# -- RSS and Atom -----------------------------------------------------------------------------


def _parse_syndication(body: bytes, *, url: str, content_type: str, root: str | None) -> Feed:
    import feedparser  # imported here: only feed reading needs it

    # A stream, never a string: feedparser would take a string for a URL or a path and open it.
    parsed: Any = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url, "content-type": content_type or "application/xml"},
        sanitize_html=False,
    )
    # Wrong declared encodings and non-XML media types are how real feeds are served, not damage.
    soft = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    broken = parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), soft)
    if not parsed.entries and (broken or not parsed.get("version")):
        if broken and (root in _ROOTS or parsed.get("version")):
            raise FeedError(
                f"{url}: the feed is malformed and no entry could be read "
                f"({_reason(parsed.get('bozo_exception'))}). Check the address in a browser; if the "
                "site's feed stays broken, remove it from the list or tell the site."
            )
        raise FeedError(
            f"{url}: not an RSS or Atom feed or a sitemap (content type {content_type or 'missing'}; "
            f"it begins {_beginning(body)!r}). Give the address of the feed itself: a site's pages "
            'name it in <link rel="alternate" type="application/rss+xml">.'
        )
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    for number, item in enumerate(parsed.entries, start=1):
        title = _clean(item.get("title"))
        link = _link(item.get("link") or _permalink(item), base=url)
        if link is None:
            skipped.append(_skip_reason(url, number, title, item.get("link")))
            continue
        published = _date(item.get("published")) or _date(item.get("updated"))
        entries.append(FeedEntry(link=link, title=title, published=published, version=item.get("updated")))
    return Feed(
        kind=str(parsed.get("version") or "feed"),
        title=_clean(parsed.feed.get("title")),
        entries=_unique(entries),
        skipped=tuple(skipped),
    )


def _permalink(item: Any) -> str | None:
    """An RSS guid that is a permalink stands in for a missing <link>."""
    guid = item.get("id")
    return guid if isinstance(guid, str) and guid.lower().startswith(("http://", "https://")) else None


# -- sitemaps ---------------------------------------------------------------------------------


def _parse_sitemap(body: bytes, *, url: str) -> Feed:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise FeedError(
            f"{url}: the sitemap is malformed XML ({error}). Check the address in a browser; if the "
            "site's sitemap stays broken, remove it from the list or tell the site."
        ) from None
    if _local(root.tag) == "sitemapindex":
        children = [text for node in root.iter() if _local(node.tag) == "loc" and (text := _text(node))]
        shown = ", ".join(children[:_SITEMAP_INDEX_SHOWN]) + (" ..." if len(children) > 3 else "")
        raise FeedError(
            f"{url}: this is a sitemap index, a list of {len(children)} other sitemaps ({shown}), not of "
            "articles. Give the news sitemap among them instead (usually the one with 'news' in its name)."
        )
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    news = False
    for number, node in enumerate((n for n in root if _local(n.tag) == "url"), start=1):
        fields = {_local(child.tag): _text(child) for child in node.iter() if child is not node}
        news = news or "news" in fields
        title = _clean(fields.get("title"))
        link = _link(fields.get("loc"), base=url)
        if link is None:
            skipped.append(_skip_reason(url, number, title, fields.get("loc")))
            continue
        entries.append(
            FeedEntry(
                link=link,
                title=title,
                published=_date(fields.get("publication_date")),
                version=fields.get("lastmod") or fields.get("publication_date"),
                source=_clean(fields.get("name")),
            )
        )
    return Feed(
        kind="news sitemap" if news else "sitemap",
        title=None,
        entries=_unique(entries),
        skipped=tuple(skipped),
    )


def _local(tag: object) -> str:
    """An element's name without its namespace ("{http://...}loc" -> "loc"); "" for comments."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(node: Any) -> str | None:
    text = node.text
    return text.strip() if isinstance(text, str) and text.strip() else None


# -- shared -----------------------------------------------------------------------------------


def _link(value: object, *, base: str) -> str | None:
    """An absolute http(s) link without its fragment, or None when ``value`` is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    link = urldefrag(urljoin(base, value.strip())).url
    parts = urlsplit(link)
    return link if parts.scheme in ("http", "https") and parts.netloc else None


def _date(value: object) -> dt.date | None:
    """The day a feed's date names, as written: ISO 8601 (Atom, sitemaps) or RFC 822 (RSS)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_published(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def _clean(value: object) -> str | None:
    """Text with its runs of white space made one space; None when there is none."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _unique(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    """Each link once, at its first place (a feed may list a pinned item twice)."""
    first: dict[str, FeedEntry] = {}
    for entry in entries:
        first.setdefault(entry.link, entry)
    return tuple(first.values())


def _skip_reason(url: str, number: int, title: str | None, link: object) -> str:
    named = f"entry {number}" + (f" ({title!r})" if title else "")
    if isinstance(link, str) and link.strip():
        return f"{url}: {named} links to {link.strip()!r}, not an http(s) address; it was left out."
    return f"{url}: {named} has no link to its article; it was left out."


def _beginning(body: bytes) -> str:
    return body[:_SHOWN_CHARS].decode("utf-8", "replace").strip()


def _reason(error: object) -> str:
    text = str(error).strip() if error is not None else ""
    return text or "no reason given"
