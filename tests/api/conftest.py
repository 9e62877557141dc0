"""Clients of an app over the hand-built store of ``mapstore``: read-only, and with a write token
whose ingest runs the stand-in pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from apiclient import TOKEN, StandIn, client_for
from mapstore import build_store
from thucydides.api import ApiSettings


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "events.db")


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with client_for(store_path, ApiSettings()) as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A client of a fresh copy of the store, with a write token and the stand-in pipeline."""
    from thucydides import build

    monkeypatch.setattr(build, "build_pipeline", lambda settings, resources: StandIn())
    monkeypatch.setattr(build, "versions", lambda resources: {"stand-in": True})
    path = build_store(tmp_path / "events.db")
    settings = ApiSettings(token=TOKEN, max_body_bytes=50_000, resources=lambda: None)  # type: ignore[arg-type,return-value]
    with client_for(path, settings) as test_client:
        yield test_client
