"""A web server on 127.0.0.1 that a test starts, fills with routes and changes as it goes.

It answers conditional requests (``If-None-Match``, ``If-Modified-Since``) with 304
when a route has validators, can be slow, and can send a body of any size without a
length; it records every request. Nothing here reaches beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers at one path."""

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0  # wait this long before answering (a slow server)
    etag: str | None = None  # answer 304 to an If-None-Match of this value
    last_modified: str | None = None  # answer 304 to an If-Modified-Since of this value
    endless: bool = False  # send filler for ever, with no Content-Length (a huge body)


@dataclass
class Request:
    path: str
    headers: dict[str, str] = field(default_factory=dict)


class Loopback:
    """The server's routes (path -> ``Route``) and the requests it has had."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for request in self.requests if request.path == path)

    def last(self, path: str) -> Request:
        return [request for request in self.requests if request.path == path][-1]


def _handler(state: Loopback) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self._answer(state.routes.get(self.path))

        def _answer(self, route: Route | None) -> None:
            if route is None:
                return self._send(404, b"not here", "text/plain")
            if route.delay_s:
                time.sleep(route.delay_s)
            validators = {"ETag": route.etag, "Last-Modified": route.last_modified}
            headers = {name: value for name, value in validators.items() if value}
            matches = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            )
            if matches:
                return self._send(304, b"", None, headers)
            if route.endless:
                return self._endless(route)
            return self._send(route.status, route.body, route.content_type, headers)

        def _send(
            self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _endless(self, route: Route) -> None:
            self.send_response(200)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            self.end_headers()
            self.wfile.write(route.body)
            chunk = b"<!-- filler -->" * 1000
            for _ in range(10_000):  # 150 MB at most, though the client stops long before
                self.wfile.write(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextlib.contextmanager
def serving() -> Iterator[Loopback]:
    """A fresh server on 127.0.0.1 (a free port), shut down at the end."""
    state = Loopback("")
    httpd = _Server(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
