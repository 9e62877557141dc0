"""Reports fetched from URLs, against a web server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import datetime as dt
import socket
import time

import httpx
import pytest

from loopback import Loopback, Route
from thucydides.config import Settings
from thucydides.errors import FetchError
from thucydides.ingest import Metadata, read_inputs
from thucydides.ingest.url import FEED_TYPES, fetch, is_url
from thucydides.model import Document, Problem

NO_OVERRIDES = Metadata()


def read_url(url: str, settings: Settings, overrides: Metadata = NO_OVERRIDES) -> Document | Problem:
    [result] = read_inputs([url], settings=settings, overrides=overrides)
    return result


def problem_for(url: str, settings: Settings) -> Problem:
    result = read_url(url, settings)
    assert isinstance(result, Problem), result
    assert result.input == url
    assert result.stage == "ingest"
    assert result.kind == "FetchError"
    assert result.message.startswith(f"{url}: ")
    return result


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("http://a.example/x", True),
        ("HTTPS://a.example", True),
        ("ftp://a.example", False),
        ("http.txt", False),
    ],
)
def test_is_url(value: str, expected: bool) -> None:
    assert is_url(value) is expected


def test_html_page(server: str, url_settings: Settings, report: str) -> None:
    url = f"{server}/article.html"

    doc = read_url(url, url_settings)

    assert isinstance(doc, Document)
    assert doc.input == url
    assert doc.text.endswith(report)
    assert "Home" not in doc.text
    assert doc.url == url  # the page names no canonical URL
    assert (doc.source, doc.published, doc.language) == ("Levant Wire", dt.date(2017, 3, 4), "en")


def test_canonical_url_wins_over_the_fetched_one(server: str, url_settings: Settings) -> None:
    doc = read_url(f"{server}/canonical.html", url_settings)

    assert isinstance(doc, Document)
    assert doc.url == "https://levantwire.example/2017/03/kafr-zita-shelling"


def test_options_win_over_the_page(server: str, url_settings: Settings) -> None:
    overrides = Metadata(source="SANA", published=dt.date(2017, 3, 5), url="https://given.example/1")

    doc = read_url(f"{server}/canonical.html", url_settings, overrides)

    assert isinstance(doc, Document)
    assert (doc.source, doc.published, doc.url) == ("SANA", dt.date(2017, 3, 5), "https://given.example/1")
    assert doc.title == "Shelling kills four in Kafr Zita"


def test_plain_text_is_kept_exactly(server: str, url_settings: Settings, report: str) -> None:
    doc = read_url(f"{server}/report.txt", url_settings)

    assert isinstance(doc, Document)
    assert doc.text == report
    assert doc.url == f"{server}/report.txt"


def test_plain_text_in_its_declared_charset(server: str, url_settings: Settings) -> None:
    doc = read_url(f"{server}/latin1.txt", url_settings)

    assert isinstance(doc, Document)
    assert doc.text.endswith("Café owners fled.")


def test_plain_text_that_is_not_utf8(server: str, url_settings: Settings) -> None:
    url = f"{server}/broken.txt"

    result = read_url(url, url_settings)

    assert isinstance(result, Problem)
    assert result.kind == "IngestError"
    assert "not valid UTF-8 (byte 0xFF at byte offset" in result.message
    assert result.message.endswith("Save the report as a UTF-8 .txt file and pass the file instead.")


def test_redirect_is_followed(server: str, url_settings: Settings) -> None:
    url = f"{server}/moved"

    doc = read_url(url, url_settings)

    assert isinstance(doc, Document)
    assert doc.input == url
    assert doc.url == f"{server}/article.html"


def test_not_found(server: str, url_settings: Settings) -> None:
    url = f"{server}/missing"

    assert problem_for(url, url_settings).message == (
        f"{url}: the server answered 404 Not Found. "
        "Check the address, or save the page and pass the file instead."
    )


def test_server_error(server: str, url_settings: Settings) -> None:
    url = f"{server}/broken-server"

    assert "the server answered 500 Internal Server Error" in problem_for(url, url_settings).message


def test_binary_content_type(server: str, url_settings: Settings) -> None:
    url = f"{server}/report.pdf"

    assert problem_for(url, url_settings).message == (
        f"{url}: content type is application/pdf, not a web page, text or feed (expected text/html, "
        "text/plain or an RSS, Atom or sitemap XML type). Pass the address of an article page or a feed, "
        "or save the report as .txt or .html and pass the file."
    )


def test_missing_content_type(server: str, url_settings: Settings) -> None:
    assert "content type is missing" in problem_for(f"{server}/untyped", url_settings).message


def test_page_without_article(server: str, url_settings: Settings) -> None:
    url = f"{server}/empty.html"

    result = read_url(url, url_settings)

    assert isinstance(result, Problem)
    assert result.kind == "EmptyInputError"
    assert result.message.startswith(f"{url}: no article text found in the HTML")


def test_slow_server(server: str, url_settings: Settings) -> None:
    url = f"{server}/slow"
    started = time.monotonic()

    message = problem_for(url, url_settings).message

    assert time.monotonic() - started < 1.4
    assert message == (
        f"{url}: no complete answer within 0.5 s (settings.url_timeout_s). "
        "Try again later, raise url_timeout_s, or save the page and pass the file instead."
    )


def test_trickling_server_hits_the_overall_deadline(server: str, url_settings: Settings) -> None:
    started = time.monotonic()

    message = problem_for(f"{server}/trickle", url_settings).message

    assert time.monotonic() - started < 2.0
    assert "no complete answer within 0.5 s" in message


def test_huge_body_is_cut_off_while_streaming(server: str, url_settings: Settings) -> None:
    url = f"{server}/huge"

    assert problem_for(url, url_settings).message == (
        f"{url}: the response is larger than 200,000 bytes (settings.max_input_bytes); stopped reading. "
        "Check that this is an article page, or raise the limit with THUCYDIDES_MAX_INPUT_BYTES."
    )


def test_declared_length_over_the_cap_is_refused_before_reading(server: str, url_settings: Settings) -> None:
    assert "larger than 200,000 bytes" in problem_for(f"{server}/huge-declared", url_settings).message


def test_offline_closed_port(url_settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/report"

    message = problem_for(url, url_settings).message

    assert message.startswith(f"{url}: could not connect (")
    assert message.endswith(
        "Check the address and the network connection, or save the page and pass the file instead."
    )


def test_a_conditional_request_answered_304_has_no_body(loopback: Loopback) -> None:
    loopback.routes["/feed"] = Route(
        b"<rss/>", "application/rss+xml", etag='"v1"', last_modified="Sat, 04 Mar 2017"
    )
    url = loopback.url("/feed")

    first = fetch(url, timeout_s=1, max_bytes=1000, accept=FEED_TYPES)
    again = fetch(url, timeout_s=1, max_bytes=1000, accept=FEED_TYPES, headers={"If-None-Match": '"v1"'})

    assert (first.status, first.body, first.etag, first.last_modified) == (
        200,
        b"<rss/>",
        '"v1"',
        "Sat, 04 Mar 2017",
    )
    assert (again.not_modified, again.body, again.etag) == (True, b"", '"v1"')
    assert loopback.last("/feed").headers["if-none-match"] == '"v1"'


def test_an_error_status_is_kept_on_the_error(loopback: Loopback) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(loopback.url("/nothing-here"), timeout_s=1, max_bytes=1000)

    assert caught.value.status == 404


def test_dns_failure() -> None:
    def no_dns(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with pytest.raises(FetchError) as caught:
        fetch(
            "https://no-such-host.example/x",
            timeout_s=1,
            max_bytes=1000,
            transport=httpx.MockTransport(no_dns),
        )

    assert str(caught.value) == (
        "https://no-such-host.example/x: could not connect ([Errno -2] Name or service not known). "
        "Check the address and the network connection, or save the page and pass the file instead."
    )


def test_too_many_redirects() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(request.url)})

    with pytest.raises(FetchError, match="too many redirects"):
        fetch("https://loop.example/", timeout_s=1, max_bytes=1000, transport=httpx.MockTransport(loop))


def test_bad_url_among_good_inputs_does_not_stop_the_batch(server: str, url_settings: Settings) -> None:
    results = list(
        read_inputs([f"{server}/missing", f"{server}/report.txt", "http://"], settings=url_settings)
    )

    assert [type(result).__name__ for result in results] == ["Problem", "Document", "Problem"]
    assert isinstance(results[2], Problem) and results[2].kind == "FetchError"
