"""Fetching a report or a feed from an http(s) URL, with a time limit, a size cap and a content-type check.

No wait (connecting, each answer, each piece of the body) may last longer than
``settings.url_timeout_s``, and the fetch is abandoned once that time has passed
since it began, so a server that trickles bytes cannot hold a batch. The body is
read in pieces and abandoned as soon as it passes ``settings.max_input_bytes``,
so a huge or endless response never sits in memory. Every failure is a
``FetchError`` naming the URL, the cause and the fix. Extra request headers
(``If-None-Match``, ``If-Modified-Since``) make a conditional request: a 304 answer
comes back as a ``Fetched`` with no body, ``not_modified``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from thucydides.errors import FetchError
from thucydides.ingest.text import decode_utf8

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
PAGE_TYPES = HTML_TYPES | TEXT_TYPES
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
# robots.txt matches on the first word: "thucydides".
USER_AGENT = "thucydides/0.1 (war-report reader)"

_OFFLINE_FIX = "Check the address and the network connection, or save the page and pass the file instead."


def is_url(value: str) -> bool:
    """Whether an input names a URL (``http://`` or ``https://``) rather than a path."""
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body and what is needed to read it."""

    url: str  # the final URL, after redirects
    content_type: str  # media type only, lower case: "text/html"
    charset: str | None
    body: bytes
    status: int = 200
    etag: str | None = None  # the validators to send next time (conditional requests)
    last_modified: str | None = None

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def not_modified(self) -> bool:
        """A 304 answer to a conditional request: nothing changed since the validators sent."""
        return self.status == 304

    def page(self) -> str | bytes:
        """An HTML body as text when its charset is known (declared, or valid UTF-8), else the bytes.

        trafilatura reads the ``<meta charset>`` of a page left as bytes.
        """
        for charset in (self.charset, "utf-8"):
            if charset:
                try:
                    return self.body.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body

    def text(self, *, input: str) -> str:
        """A ``text/plain`` body decoded with its declared charset, or as strict UTF-8."""
        if self.charset and self.charset.lower().replace("_", "-") not in {"utf-8", "utf8"}:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError) as error:
                raise FetchError(
                    f"{input}: the text cannot be decoded as its declared charset {self.charset} ({error}). "
                    "Save it as a UTF-8 .txt file and pass the file instead."
                ) from None
        return decode_utf8(
            self.body, input=input, fix="Save the report as a UTF-8 .txt file and pass the file instead."
        )


def fetch(
    url: str,
    *,
    timeout_s: float,
    max_bytes: int,
    accept: frozenset[str] | None = PAGE_TYPES,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """GET ``url`` following redirects; raise ``FetchError`` unless it gives a body of a type in
    ``accept`` (None: any type), or a 304 to the conditional request ``headers`` make.

    ``transport`` replaces the network (tests).
    """
    deadline = time.monotonic() + timeout_s
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=timeout_s,
                headers={"User-Agent": USER_AGENT},
                transport=transport,
            ) as client,
            client.stream("GET", url, headers=dict(headers or {})) as response,
        ):
            media_type = _media_type(response)
            etag, last_modified = response.headers.get("etag"), response.headers.get("last-modified")
            if response.status_code == 304:
                return Fetched(
                    url=str(response.url),
                    content_type=media_type,
                    charset=None,
                    body=b"",
                    status=304,
                    etag=etag,
                    last_modified=last_modified,
                )
            _check_response(url, response, max_bytes=max_bytes, accept=accept)
            if time.monotonic() > deadline:
                raise _timeout(url, timeout_s)
            body = _read_body(url, response, max_bytes=max_bytes, deadline=deadline, timeout_s=timeout_s)
            return Fetched(
                url=str(response.url),
                content_type=media_type,
                charset=response.charset_encoding,
                body=body,
                status=response.status_code,
                etag=etag,
                last_modified=last_modified,
            )
    except httpx.TimeoutException:
        raise _timeout(url, timeout_s) from None
    except httpx.ConnectError as error:
        raise FetchError(f"{url}: could not connect ({_reason(error)}). {_OFFLINE_FIX}") from None
    except httpx.TooManyRedirects:
        raise FetchError(
            f"{url}: too many redirects. Open the address in a browser and pass the final URL."
        ) from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        raise FetchError(f"{url}: not a valid web address ({_reason(error)}). Check the URL.") from None
    except httpx.HTTPError as error:
        raise FetchError(
            f"{url}: the download failed ({type(error).__name__}: {_reason(error)}). {_OFFLINE_FIX}"
        ) from None


def _check_response(
    url: str, response: httpx.Response, *, max_bytes: int, accept: frozenset[str] | None
) -> None:
    if response.is_error:
        raise FetchError(
            f"{url}: the server answered {response.status_code} {response.reason_phrase}. "
            "Check the address, or save the page and pass the file instead.",
            status=response.status_code,
        )
    media_type = _media_type(response)
    if accept is not None and media_type not in accept:
        shown = media_type or "missing"
        if accept & FEED_TYPES:
            raise FetchError(
                f"{url}: content type is {shown}, not a web page, text or feed (expected text/html, "
                "text/plain or an RSS, Atom or sitemap XML type). Pass the address of an article page or "
                "a feed, or save the report as .txt or .html and pass the file."
            )
        raise FetchError(
            f"{url}: content type is {shown}, not a web page or text (expected text/html or text/plain). "
            "Pass the address of the article page, or save the report as .txt or .html and pass the file."
        )
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)


def _read_body(
    url: str, response: httpx.Response, *, max_bytes: int, deadline: float, timeout_s: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        if time.monotonic() > deadline:
            raise _timeout(url, timeout_s)
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(response: httpx.Response) -> str:
    header: str = response.headers.get("content-type", "")
    return header.split(";", 1)[0].strip().lower()


def _too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(
        f"{url}: the response is larger than {max_bytes:,} bytes (settings.max_input_bytes); "
        "stopped reading. Check that this is an article page, or raise the limit with "
        "THUCYDIDES_MAX_INPUT_BYTES."
    )


def _timeout(url: str, timeout_s: float) -> FetchError:
    return FetchError(
        f"{url}: no complete answer within {timeout_s:g} s (settings.url_timeout_s). "
        "Try again later, raise url_timeout_s, or save the page and pass the file instead."
    )


def _reason(error: Exception) -> str:
    """A network error's own words, e.g. "[Errno 111] Connection refused"."""
    text = str(error).strip().rstrip(".")
    return text or type(error).__name__
