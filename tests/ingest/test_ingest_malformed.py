"""Malformed input of every kind gives a document or one problem naming it, never a crash.

Hypothesis writes bytes, encodings, HTML, JSON Lines, sidecars, and pages served on 127.0.0.1.
Set THUCYDIDES_MALFORMED_EXAMPLES to run more (the issue's 10,000 in all: 2000 per reader).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.model import Document, Problem

EXAMPLES = int(os.environ.get("THUCYDIDES_MALFORMED_EXAMPLES", "60"))
SETTINGS = Settings(max_input_bytes=4096, url_timeout_s=5.0)
enough = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

TEXTISH = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda text: text.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=300).map(lambda text: text.encode("latin-1")),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"\x00" * 50,
            b"The army shelled the town of Saraqib, a military source said.",
            b"The army shelled the town.\xff\xfe of Saraqib, a military source said.",
            b"x" * 5000,
        ]
    ),
)
TAGS = st.sampled_from(
    ["p", "div", "article", "script", "style", "nav", "body", "html", "head", "title", "a"]
)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = draw(
        st.lists(
            st.one_of(
                TAGS.map(lambda tag: f"<{tag}>"),
                TAGS.map(lambda tag: f"</{tag}>"),
                st.text(max_size=80),
                st.sampled_from(
                    ["<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<meta charset='x'>"]
                ),
            ),
            max_size=30,
        )
    )
    page = "".join(parts)
    return page.encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), "replace")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=200), JSON_VALUES),
        "html": st.one_of(html_pages().map(lambda b: b.decode("utf-8", "replace")), JSON_VALUES),
        "published": st.one_of(st.text(max_size=30), JSON_VALUES),
        "source": JSON_VALUES,
        "url": JSON_VALUES,
        "language": st.one_of(st.sampled_from(["en", "fr", "ar", ""]), JSON_VALUES),
    },
)
LINES = st.one_of(
    RECORDS.map(lambda record: json.dumps(record).encode()),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.binary(max_size=120).filter(lambda raw: b"\n" not in raw),
)


def check(results: list[Document | Problem], *, named: str) -> None:
    """Every result is a document or a problem with the reason, and names the input it came from."""
    assert results
    for result in results:
        assert isinstance(result, Document | Problem)
        assert result.input.startswith(named)
        if isinstance(result, Problem):
            assert result.message and "This is a bug in Thucydides" not in result.message, result.message


def read_file(name: str, content: bytes, sidecar: bytes | None = None) -> list[Document | Problem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        if sidecar is not None:
            (Path(folder) / (path.stem + ".meta.json")).write_bytes(sidecar)
        results = list(read_inputs([str(path)], settings=SETTINGS))
        check(results, named=str(path))
        return results


@enough
@given(TEXTISH)
def test_text_files(content: bytes) -> None:
    (_result,) = read_file("report.txt", content)


@enough
@given(st.one_of(html_pages(), TEXTISH))
def test_html_files(content: bytes) -> None:
    (_result,) = read_file("page.html", content)


@enough
@given(st.lists(LINES, max_size=8))
def test_json_lines_files(lines: list[bytes]) -> None:
    read_file("corpus.jsonl", b"\n".join(lines))


@enough
@given(
    st.one_of(
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        RECORDS.map(lambda r: json.dumps(r).encode()),
        TEXTISH,
    )
)
def test_sidecars(sidecar: bytes) -> None:
    report = b"Government artillery shelled the town of Kafr Zita on Friday, local activists said."
    (_result,) = read_file("report.txt", report, sidecar)


class Served:
    """What the loopback server answers next."""

    status = 200
    content_type = "text/html"
    body = b""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(Served.status)
        self.send_header("Content-Type", Served.content_type)
        self.send_header("Content-Length", str(len(Served.body)))
        self.end_headers()
        self.wfile.write(Served.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def loopback() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@enough
@given(
    st.sampled_from([200, 200, 200, 204, 301, 404, 500]),
    st.sampled_from(
        [
            "text/html",
            "text/html; charset=latin-1",
            "text/plain",
            "application/json",
            "image/png",
            "",
            "text/html; charset=bogus",
        ]
    ),
    st.one_of(html_pages(), TEXTISH),
)
def test_urls(loopback: str, status: int, content_type: str, body: bytes) -> None:
    Served.status, Served.content_type, Served.body = status, content_type, body
    url = f"{loopback}/report"
    results = list(read_inputs([url], settings=replace(SETTINGS, max_input_bytes=8192)))
    check(results, named=url)
