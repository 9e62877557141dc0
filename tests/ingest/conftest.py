"""Fixtures for the ingest tests: settings, invented report texts, HTML pages and a local web server.

Every text here is invented for the tests. The web server listens on 127.0.0.1
only: no test reaches the internet.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loopback import Loopback, serving
from thucydides.config import Settings

REPORT = (
    "Government artillery shelled the town of Kafr Zita in the northern countryside of Hama on "
    "Friday, killing four civilians and wounding at least nine, local activists said.\n\n"
    "Rebel fighters answered with rockets on army positions near Souran and Maan, according to "
    "a statement issued by the group in the evening.\n\n"
    "The clashes went on into the night, residents said, and several houses in the western part "
    "of the town were destroyed."
)

PARAGRAPHS = tuple(REPORT.split("\n\n"))


def page(
    *,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    title: str | None = "Shelling kills four in Kafr Zita",
    site: str | None = "Levant Wire",
    published: str | None = "2017-03-04T09:00:00Z",
    canonical: str | None = "https://levantwire.example/2017/03/kafr-zita-shelling",
    og_url: str | None = None,
    charset: str = "utf-8",
) -> str:
    """An invented news page: head metadata, a menu, the article, related links and a footer."""
    head = [f'<meta charset="{charset}">']
    if title:
        head.append(f"<title>{title} | {site or 'News'}</title>")
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if og_url:
        head.append(f'<meta property="og:url" content="{og_url}">')
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html><head>{"".join(head)}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<article><h1>{title or ""}</h1>
{body}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Football cup draw announced</a></li>
<li><a href="/c">Five soldiers killed in ambush near Palmyra</a></li></ul></aside>
<footer>Subscribe to our newsletter. Copyright 2017 Levant Wire. All rights reserved.</footer>
</body></html>"""


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def report() -> str:
    return REPORT


@pytest.fixture
def make_page() -> Callable[..., str]:
    return page


# --- a local web server -------------------------------------------------------------------------

HUGE_CHUNK = b"<p>" + b"filler text " * 900 + b"</p>\n"


class _Handler(BaseHTTPRequestHandler):
    """Serves fixture pages and misbehaving endpoints."""

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on purpose
            self._route()

    def _send(
        self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _route(self) -> None:
        path = self.path
        if path == "/article.html":
            self._send(200, page(canonical=None).encode(), "text/html; charset=utf-8")
        elif path == "/canonical.html":
            self._send(200, page().encode(), "text/html; charset=utf-8")
        elif path == "/report.txt":
            self._send(200, REPORT.encode(), "text/plain; charset=utf-8")
        elif path == "/latin1.txt":
            self._send(
                200, (REPORT + " Caf\u00e9 owners fled.").encode("latin-1"), "text/plain; charset=iso-8859-1"
            )
        elif path == "/broken.txt":
            self._send(200, REPORT.encode() + b"\xff\xfe", "text/plain")
        elif path == "/moved":
            self._send(302, b"", "text/html", {"Location": "/article.html"})
        elif path == "/missing":
            self._send(404, b"<h1>Not Found</h1>", "text/html")
        elif path == "/broken-server":
            self._send(500, b"oops", "text/plain")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        elif path == "/untyped":
            self._send(200, REPORT.encode(), None)
        elif path == "/empty.html":
            self._send(
                200,
                b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>",
                "text/html",
            )
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, page().encode(), "text/html")
        elif path == "/trickle":
            self._trickle()
        elif path == "/huge":
            self._huge()
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            self.wfile.write(HUGE_CHUNK)
        else:
            self._send(404, b"", "text/plain")

    def _trickle(self) -> None:
        """Headers at once, then a few bytes every 0.1 s: no single read times out."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b"<p>still coming</p>\n")
            self.wfile.flush()
            time.sleep(0.1)

    def _huge(self) -> None:
        """An HTML body of about 10 MB with no Content-Length."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>")
        for _ in range(1000):
            self.wfile.write(HUGE_CHUNK)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """Base URL of a fixture web server on 127.0.0.1, e.g. ``http://127.0.0.1:PORT``."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def url_settings(settings: Settings) -> Settings:
    """Short timeout and a small size cap, so the misbehaving endpoints fail fast."""
    return replace(settings, url_timeout_s=0.5, max_input_bytes=200_000, host_delay_s=0.0)


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    """A fresh server on 127.0.0.1 whose routes the test sets (``tests/loopback.py``)."""
    with serving() as state:
        yield state
