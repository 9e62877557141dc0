"""A fetched web page to a ``Document``, and the articles a feed lists, each read as a URL is.

Every fetched page goes through ``page_document``: HTML through trafilatura, text
as it is, then the checks every report passes. A feed entry's title, date and link
are the least trusted metadata: they count only where the page itself says nothing
(a page knows its own title and date better than a feed that summarises it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from thucydides.config import Settings
from thucydides.errors import EmptyInputError, FeedError
from thucydides.ingest.document import Layer, build_document
from thucydides.ingest.feeds import Feed, FeedEntry, parse_feed
from thucydides.ingest.html import Extracted, extract_html
from thucydides.ingest.meta import Metadata
from thucydides.ingest.problems import attempt, problem
from thucydides.ingest.url import Fetched
from thucydides.model import Document, Problem

Fetcher = Callable[[str], Fetched]  # GET an article page (politely: ``Polite.fetch``)


def page_layer(page: Extracted) -> Layer:
    """What a page declares about itself (its language is often wrong, so it declares none)."""
    return Layer(origin="the page", metadata=page.metadata, declares_language=False)


def page_document(
    fetched: Fetched,
    *,
    input: str,
    settings: Settings,
    before: Sequence[Layer] = (),
    after: Sequence[Layer] = (),
) -> Document:
    """The report in a fetched HTML or text body; raises the ``IngestError`` that says why not.

    Metadata, most trusted first: ``before`` (what the user gave), the page's own, the address it
    was fetched from, then ``after`` (what a feed said of it)."""
    address = Layer(origin="the fetched address", metadata=Metadata(url=fetched.url), declares_language=False)
    if fetched.is_html:
        page = extract_html(fetched.page(), input=input, url=fetched.url, min_chars=settings.min_text_chars)
        layers = (*before, page_layer(page), address, *after)
        return build_document(page.text, input=input, layers=layers, settings=settings)
    text = fetched.text(input=input)
    return build_document(text, input=input, layers=(*before, address, *after), settings=settings)


def entry_layer(entry: FeedEntry, *, feed: Feed) -> Layer:
    """The metadata a feed gives an entry; the feed's own title stands in for a missing publisher."""
    return Layer(
        origin="the feed",
        metadata=Metadata(
            source=entry.source or feed.title, url=entry.link, published=entry.published, title=entry.title
        ),
        declares_language=False,
    )


def read_entry(
    entry: FeedEntry, *, feed: Feed, fetch: Fetcher, settings: Settings, before: Sequence[Layer] = ()
) -> Document | Problem:
    """The article an entry links to, fetched and read as a URL is, or the ``Problem`` saying why not."""
    return attempt(
        entry.link,
        lambda: page_document(
            fetch(entry.link),
            input=entry.link,
            settings=settings,
            before=before,
            after=(entry_layer(entry, feed=feed),),
        ),
    )


def read_feed(
    fetched: Fetched, *, input: str, fetch: Fetcher, settings: Settings, before: Sequence[Layer] = ()
) -> Iterator[Document | Problem]:
    """Each article of the feed or sitemap in ``fetched``, or a ``Problem``: for the feed itself when it
    cannot be read or lists nothing, for each entry left out and each article that fails."""
    try:
        feed = parse_feed(fetched.body, url=fetched.url, content_type=fetched.content_type)
    except FeedError as error:
        yield problem(input, error)
        return
    for reason in feed.skipped:
        yield problem(input, FeedError(reason))
    if not feed.entries and not feed.skipped:
        yield problem(
            input,
            EmptyInputError(
                f"{input}: the feed lists no articles. Try again later, or check that this is the feed "
                "of the news and not of something else (comments, podcasts)."
            ),
        )
    for entry in feed.entries:
        yield read_entry(entry, feed=feed, fetch=fetch, settings=settings, before=before)
