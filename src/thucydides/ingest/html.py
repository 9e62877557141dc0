"""HTML to clean text and page metadata, with trafilatura.

1. trafilatura removes the boilerplate (menus, footers, comments) and keeps the
   article's main text, plus the metadata the page declares: title, site name,
   publication date (from markup only, never guessed from the text) and
   canonical URL (``<link rel=canonical>`` or ``og:url``). It favours precision:
   a "related stories" box of other attacks' headlines would become false
   events, where a lost paragraph is only a missed one.
2. The text's blocks (paragraphs, headings, list items) are joined with a blank
   line, so later stages see paragraphs the same way as in a ``.txt`` report.
3. A page with no article text left is an ``EmptyInputError``, not an empty
   document.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from thucydides.errors import EmptyInputError, IngestError
from thucydides.ingest.meta import NO_METADATA, Metadata, parse_published
from thucydides.ingest.text import check_not_binary, check_not_empty, read_bounded

log = logging.getLogger(__name__)

# Dates only from the page's markup (meta tags, <time>, the URL): htmldate's
# extensive search would take "Copyright 2017" in a footer for the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article text of a page and the metadata the page itself declares."""

    text: str
    metadata: Metadata


def read_html_file(path: Path, *, input: str, max_bytes: int, min_chars: int = 1) -> Extracted:
    """The article text and metadata of an ``.html`` / ``.htm`` file.

    UTF-8 pages are decoded here; a page in another encoding is handed to
    trafilatura as bytes, which reads its ``<meta charset>`` or guesses.
    """
    data = read_bounded(path, input=input, max_bytes=max_bytes)
    if not data:
        check_not_empty("", input=input)
    check_not_binary(data, input=input, utf8_expected=False)
    page: str | bytes
    try:
        page = data.decode("utf-8")
    except UnicodeDecodeError:
        page = data
    else:
        check_not_empty(page, input=input)
    return extract_html(page, input=input, min_chars=min_chars)


def extract_html(html: str | bytes, *, input: str, url: str | None = None, min_chars: int = 1) -> Extracted:
    """The main text and metadata of an HTML page.

    ``url`` is where the page was fetched from, used when the page names no
    canonical URL. Less than ``min_chars`` of text left means no article was found
    (what is left is menu words). Bytes are decoded by trafilatura from the page's
    declared or detected charset. Raises ``EmptyInputError`` when no article text is found and
    ``IngestError`` when the page cannot be parsed at all.
    """
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # trafilatura signals parse failures with assorted exceptions
        raise IngestError(
            f"{input}: the HTML could not be parsed ({type(error).__name__}: {error}). "
            "Save the article text as a .txt file and pass that instead."
        ) from error
    text = _paragraphs(getattr(result, "text", None) or "")
    if len(text) < max(min_chars, 1):
        left = (
            f" (only {len(text)} characters left, fewer than {min_chars}: settings.min_text_chars)"
            if text
            else ""
        )
        raise EmptyInputError(
            f"{input}: no article text found in the HTML once menus and boilerplate are removed{left}. "
            "Check that the page holds the report itself (not a list of links or a page built by "
            "JavaScript), or save the report's text as a .txt file and pass that."
        )
    return Extracted(
        text=text, metadata=_metadata(result, input=input) if result is not None else NO_METADATA
    )


def _paragraphs(text: str) -> str:
    """trafilatura's one-block-per-line text with blocks separated by blank lines."""
    blocks = (line.strip() for line in text.splitlines())
    return "\n\n".join(block for block in blocks if block)


def _metadata(result: object, *, input: str) -> Metadata:
    published = None
    if date := _string(result, "date"):
        try:
            published = parse_published(date)
        except ValueError:
            log.info("%s: ignoring unreadable page date %r", input, date)
    return Metadata(
        source=_string(result, "sitename"),
        url=_string(result, "url"),
        published=published,
        title=_string(result, "title"),
    )


def _string(result: object, name: str) -> str | None:
    value = getattr(result, name, None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
