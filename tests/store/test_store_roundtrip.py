"""Documents and events go in and come back out unchanged."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
import string
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.errors import StoreError
from thucydides.model import Document, Event, Evidence, Problem
from thucydides.record import EVENT_TYPE_OF, TAXONOMY, event_to_record
from thucydides.store import EventFilter, SqliteStore, open_store

MakeDocument = Callable[..., Document]
MakeEvent = Callable[..., Event]


def _rows(store: SqliteStore, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(store.path)) as conn:
        return conn.execute(sql).fetchall()


def test_round_trip_returns_the_events_stored(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    doc = make_document(
        events=[
            {"event_date": dt.date(2016, 12, 9)},
            {"event_date": None, "time_precision": 3, "latitude": None, "longitude": None},
            {"event_date": dt.date(2016, 12, 7), "actor2": None, "fatalities": None},
        ]
    )

    assert store.add_document(doc, run_id) is True

    by_id = {event.event_id: event for event in doc.events}
    expected = [by_id[doc.events[2].event_id], by_id[doc.events[0].event_id], by_id[doc.events[1].event_id]]
    assert store.events() == expected
    assert store.has_document(doc.id)
    assert store.documents_count() == 1


def test_events_are_ordered_by_date_then_document_then_id(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    day = dt.date(2016, 12, 8)
    first = make_document(
        "First report text about Aleppo.", events=[{"event_date": day}, {"event_date": None}]
    )
    second = make_document("Second report text about Homs.", events=[{"event_date": day}])
    for doc in (first, second):
        store.add_document(doc, run_id)

    dated = sorted([first.events[0], second.events[0]], key=lambda event: (event.document_id, event.event_id))
    assert store.events() == [*dated, first.events[1]]


def test_document_metadata_and_mentions_are_stored(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    doc = make_document()
    store.add_document(doc, run_id)

    (row,) = _rows(
        store, "SELECT id, run_id, input, url, source, published, language, title, text FROM documents"
    )
    assert row == (
        doc.id,
        run_id,
        doc.input,
        doc.url,
        doc.source,
        "2016-12-08",
        "en",
        "Aleppo",
        doc.text,
    )
    mentions = _rows(
        store, 'SELECT seq, kind, start, "end", text, label, place_id FROM mentions ORDER BY seq'
    )
    # The place and date mentions are also held by doc.places / doc.times: stored once each.
    assert [(kind, text, place_id) for _, kind, _, _, text, _, place_id in mentions] == [
        ("actor", "Syrian army", None),
        ("place", "Sheikh Saeed", "geonames:170063"),
        ("date", "Thursday", None),
        ("quantity", "Two", None),
    ]
    for _, _, start, end, text, _, _ in mentions:
        assert doc.text[start:end] == text


def test_events_keep_the_full_record_and_their_evidence(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    doc = make_document()
    store.add_document(doc, run_id)
    event = doc.events[0]

    ((record,),) = _rows(store, "SELECT record FROM events")
    assert json.loads(str(record)) == event_to_record(event)
    assert _rows(store, 'SELECT event_id, seq, document_id, start, "end", text FROM evidence') == [
        (event.event_id, 0, doc.id, 0, 86, event.evidence[0].text)
    ]


def test_runs_record_settings_versions_and_summary(store: SqliteStore) -> None:
    run_id = store.start_run({"db_path": Path("/tmp/x.db"), "countries": ("SY",)}, {"thucydides": "0.1.0"})
    store.finish_run(run_id, {"documents": 3, "events": 7})

    ((stored_id, started, finished, settings_json, versions_json, summary_json),) = _rows(
        store, "SELECT run_id, started_at, finished_at, settings, versions, summary FROM runs"
    )
    assert stored_id == run_id
    assert started and finished
    assert json.loads(str(settings_json)) == {"countries": ["SY"], "db_path": "/tmp/x.db"}
    assert json.loads(str(versions_json)) == {"thucydides": "0.1.0"}
    assert json.loads(str(summary_json)) == {"documents": 3, "events": 7}


def test_unknown_run_is_refused_with_the_fix(store: SqliteStore, make_document: MakeDocument) -> None:
    with pytest.raises(StoreError, match="start_run"):
        store.add_document(make_document(), "no-such-run")
    with pytest.raises(StoreError, match="no-such-run"):
        store.finish_run("no-such-run", {})
    with pytest.raises(StoreError, match="start_run"):
        store.add_problem(Problem("a.txt", "ingest", "EmptyInputError", "empty"), "no-such-run")
    assert store.documents_count() == 0


def test_problems_are_kept_per_run_in_order(store: SqliteStore, run_id: str) -> None:
    other_run = store.start_run({}, {})
    first = Problem("a.txt", "ingest", "EmptyInputError", "a.txt holds no text.")
    second = Problem("b.html", "nlp", "NlpError", "model failed", document_id="sha256:ab")
    third = Problem("c.txt", "ingest", "FetchError", "timeout")
    store.add_problem(first, run_id)
    store.add_problem(second, run_id)
    store.add_problem(third, other_run)

    assert store.problems(run_id) == [first, second]
    assert store.problems(other_run) == [third]
    assert store.problems() == [first, second, third]


def test_event_of_another_document_is_refused(
    store: SqliteStore, run_id: str, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    doc = make_document()
    stray = make_event("sha256:" + "0" * 64)
    bad = Document(id=doc.id, text=doc.text, input=doc.input, events=(stray,))

    with pytest.raises(StoreError, match="comes from document"):
        store.add_document(bad, run_id)
    assert not store.has_document(doc.id)


def test_duplicate_event_id_in_another_document_rolls_back(
    store: SqliteStore, run_id: str, make_document: MakeDocument
) -> None:
    first = make_document("One report.")
    second = make_document("Another report.", events=[{"event_id": first.events[0].event_id}])
    store.add_document(first, run_id)

    with pytest.raises(StoreError, match="already stored"):
        store.add_document(second, run_id)
    assert not store.has_document(second.id)
    assert store.events() == list(first.events)


def test_open_store_is_a_context_manager_and_closing_twice_is_harmless(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        assert store.documents_count() == 0
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.documents_count()


# -- property: whatever valid event goes in comes back equal ------------------------------------

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
_name = st.text(alphabet=string.ascii_letters + " -'éşā", min_size=1, max_size=20)
_figure = st.none() | st.integers(min_value=0, max_value=10_000)
_sub_types = [sub for subs in TAXONOMY.values() for sub in subs]
_counter = itertools.count()


@st.composite
def _documents(draw: st.DrawFn, make_document: MakeDocument, make_event: MakeEvent) -> Document:
    text = f"report {next(_counter)}: " + draw(_text)
    doc = make_document(text, events=[])
    events = []
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        sub = draw(st.sampled_from(_sub_types))
        start = draw(st.integers(min_value=0, max_value=len(text)))
        events.append(
            make_event(
                doc.id,
                event_id=f"{doc.id}#{index}",
                event_date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
                time_precision=draw(st.integers(1, 3)),
                event_type=EVENT_TYPE_OF[sub],
                sub_event_type=sub,
                actor1=draw(_name),
                actor2=draw(st.none() | _name),
                assoc_actor_1=draw(st.none() | _name),
                country=draw(st.none() | _name),
                admin1=draw(st.none() | _name),
                latitude=draw(st.none() | st.floats(-90, 90)),
                longitude=draw(st.none() | st.floats(-180, 180)),
                fatalities=draw(_figure),
                fatalities_high=draw(_figure),
                notes=draw(_text),
                confidence=draw(st.floats(0, 1)),
                claimed_by=draw(st.none() | _text),
                evidence=(Evidence(doc.id, start, len(text), text[start:]),),
            )
        )
    return Document(
        id=doc.id, text=text, input=draw(_text), source=draw(st.none() | _name), events=tuple(events)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_property_stored_events_come_back_equal(
    store: SqliteStore, run_id: str, make_document: MakeDocument, make_event: MakeEvent, data: st.DataObject
) -> None:
    doc = data.draw(_documents(make_document, make_event))

    assert store.add_document(doc, run_id)
    assert store.events(EventFilter(document_id=doc.id)) == sorted(
        doc.events,
        key=lambda event: (event.event_date is None, event.event_date or dt.date.min, event.event_id),
    )
