"""Helpers of the API and map tests: a client over a store, the write token, the problem check, and
a stand-in for the language model (one event per report, no spaCy)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient

from factory import event
from thucydides.api import ApiSettings, create_app
from thucydides.model import Document, Evidence
from thucydides.pipeline import Outcome
from thucydides.store import open_store

TOKEN = "s3cret-token-for-tests-0123456789"


def client_for(path: Path, settings: ApiSettings) -> TestClient:
    return TestClient(create_app(lambda: open_store(path, create=False), settings))


class StandIn:
    """One battle per report, at Sheikh Saeed, on the report's publication date."""

    def run_one(self, doc: Document, on_stage: object = None) -> Outcome:
        record = event(
            event_id=f"posted-{doc.id[7:19]}",
            document_id=doc.id,
            event_date=doc.published or dt.date(2016, 12, 8),
            source=doc.source,
            evidence=(Evidence(doc.id, 0, 20, doc.text[:20]),),
        )
        return Outcome(document=dataclasses.replace(doc, events=(record,)), problem=None)


def assert_problem(response: object, status: int, kind: str | None = None) -> dict[str, object]:
    """``response`` is an RFC 9457 problem document of ``status`` (and ``urn:...:kind``)."""
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["instance"], str) and body["instance"].startswith("/")
    if kind is not None:
        assert body["type"] == f"urn:thucydides:problem:{kind}"
    return body
