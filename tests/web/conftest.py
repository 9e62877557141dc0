"""The server on loopback (uvicorn in a thread, a free port) over the hand-built store, and Debian's
Chromium driven by Playwright, skipped with the fix when either is missing."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mapstore import build_store
from thucydides.api import ApiSettings, create_app
from thucydides.store import open_store

CHROMIUM = Path(os.environ.get("THUCYDIDES_CHROMIUM", "/usr/bin/chromium"))
REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
# Headless, no GPU (WebGL through SwiftShader), and none of Chromium's own calls home.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on 127.0.0.1 at a free port; yields its base URL."""
    import uvicorn

    path = build_store(tmp_path_factory.mktemp("web") / "events.db")
    data = Path(os.environ.get("THUCYDIDES_DATA", DATA))
    settings = ApiSettings(basemap_dir=data if data.is_dir() else None)
    app = create_app(lambda: open_store(path, create=False), settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start on loopback within 30 s")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright (never a downloaded browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]' (bash scripts/test.sh does it)")
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install -y chromium; "
            "bash scripts/test.sh does it) or set THUCYDIDES_CHROMIUM to its path"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots go: $THUCYDIDES_ARTIFACTS, else tmp/artifacts in the repository."""
    folder = Path(os.environ.get("THUCYDIDES_ARTIFACTS", REPO / "tmp" / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
