"""Hand-built documents and events, and a fresh store per test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import factory
from thucydides.model import (
    Document,
    Event,
    Evidence,
    Mention,
    MentionKind,
    Place,
    PlaceMention,
    Quantity,
    Sentence,
    TimeRef,
    document_id_for,
)
from thucydides.store import SqliteStore

TEXT = (
    "The Syrian army recaptured Sheikh Saeed in Aleppo on Thursday, a military source said. "
    "Two militants were killed."
)


def build_event(document_id: str, **overrides: Any) -> Event:
    """An event of ``document_id`` with plausible values; any field can be overridden."""
    values: dict[str, Any] = {
        "event_id": f"{document_id[7:19]}#01",
        "claimed_by": "military source",
        "document_id": document_id,
        "evidence": (Evidence(document_id=document_id, start=0, end=86, text=TEXT[:86]),),
        "notes": "Military Forces of Syria recaptured Ash Shaykh Sa'id from Jabhat Fateh al-Sham.",
    }
    values.update(overrides)
    return factory.event(**values)


def build_document(
    text: str = TEXT,
    *,
    input: str = "reports/aleppo.txt",
    events: Sequence[dict[str, Any]] = ({},),
    **metadata: Any,
) -> Document:
    """A document of ``text`` with a sentence, mentions of every kind and one event per override dict."""
    doc_id = document_id_for(text)
    actor = _mention(text, MentionKind.ACTOR, "Syrian army", "ORG")
    place = _mention(text, MentionKind.PLACE, "Sheikh Saeed", "GPE")
    date = _mention(text, MentionKind.DATE, "Thursday", "DATE")
    figure = _mention(text, MentionKind.QUANTITY, "Two", "CARDINAL")
    sheikh = Place(
        place_id="geonames:170063",
        name="Ash Shaykh Sa'id",
        feature="neighbourhood",
        country_code="SY",
        latitude=36.20124,
        longitude=37.16117,
        admin1="Aleppo",
    )
    built_events = tuple(
        build_event(doc_id, **{"event_id": f"{doc_id[7:19]}#{index:02d}", **override})
        for index, override in enumerate(events, start=1)
    )
    values: dict[str, Any] = {
        "source": "Fars News Agency",
        "url": "http://example.org/aleppo",
        "published": dt.date(2016, 12, 8),
        "language": "en",
        "title": "Aleppo",
    }
    values.update(metadata)
    return Document(
        id=doc_id,
        text=text,
        input=input,
        sentences=(Sentence(0, 0, len(text), text, 0),),
        mentions=(actor, place, date),
        quantities=(Quantity(figure, best=2, low=2, high=2, exact=True),),
        times=(TimeRef(date, dt.date(2016, 12, 8), 1),),
        places=(PlaceMention(place, sheikh, score=0.9),),
        events=built_events,
        **values,
    )


def _mention(text: str, kind: MentionKind, words: str, label: str) -> Mention:
    start = max(text.find(words), 0)
    return Mention(kind, start, start + len(words), text[start : start + len(words)], 0, label=label)


@pytest.fixture
def make_document() -> Callable[..., Document]:
    return build_document


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "db" / "thucydides.db") as opened:
        yield opened


@pytest.fixture
def run_id(store: SqliteStore) -> str:
    return store.start_run({"spacy_model": "en_core_web_sm"}, {"thucydides": "0.1.0"})
