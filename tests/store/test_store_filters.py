"""Each EventFilter field selects what it says, in SQL exactly as in ``EventFilter.matches``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from thucydides.model import Document, Event
from thucydides.store import EventFilter, SqliteStore

MakeDocument = Callable[..., Document]

_EVENTS: list[dict[str, Any]] = [
    {
        "event_id": "a",
        "event_date": dt.date(2016, 12, 1),
        "country": "Syria",
        "admin1": "Aleppo",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Syria",
        "actor2": "Jabhat Fateh al-Sham",
        "assoc_actor_1": "Liwa al-Quds",
    },
    {
        "event_id": "b",
        "event_date": dt.date(2016, 12, 8),
        "country": "Syria",
        "admin1": "Homs",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia",
        "actor2": "Islamic State (Syria)",
        "assoc_actor_1": None,
    },
    {
        "event_id": "c",
        "event_date": None,
        "time_precision": 3,
        "country": "Iraq",
        "admin1": "Ninewa",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Islamic State (Iraq)",
        "actor2": "Civilians (Iraq)",
        "assoc_actor_1": None,
        "assoc_actor_2": "Ḥasan Şahin family",
    },
]


@pytest.fixture
def stored(store: SqliteStore, run_id: str, make_document: MakeDocument) -> list[Event]:
    first = make_document("Report one.", events=_EVENTS[:2], source="Fars News Agency")
    second = make_document(
        "Report two.",
        events=[{**_EVENTS[2], "source": "Rudaw Media Network"}],
        source="Rudaw Media Network",
    )
    for doc in (first, second):
        store.add_document(doc, run_id)
    return [*first.events, *second.events]


@pytest.mark.parametrize(
    ("filter", "expected"),
    [
        (EventFilter(), ["a", "b", "c"]),
        (EventFilter(date_from=dt.date(2016, 12, 2)), ["b"]),
        (EventFilter(date_to=dt.date(2016, 12, 1)), ["a"]),
        (EventFilter(date_from=dt.date(2016, 12, 1), date_to=dt.date(2016, 12, 8)), ["a", "b"]),
        (EventFilter(country="syria"), ["a", "b"]),
        (EventFilter(country="Syr"), []),
        (EventFilter(admin1="HOMS"), ["b"]),
        (EventFilter(type="battles"), ["a"]),
        (EventFilter(type="air/drone strike"), ["b"]),
        (EventFilter(type="Attack"), ["c"]),
        (EventFilter(actor="islamic state"), ["b", "c"]),
        (EventFilter(actor="QUDS"), ["a"]),  # an associated actor
        (EventFilter(actor="civilians"), ["c"]),  # actor2
        (EventFilter(actor="ḥasan şahin"), ["c"]),  # not ASCII: still case-insensitive
        (EventFilter(source="fars"), ["a", "b"]),
        (EventFilter(source="rudaw media"), ["c"]),
        (EventFilter(country="Syria", type="Battles", actor="syria"), ["a"]),
        (EventFilter(actor="nobody at all"), []),
    ],
)
def test_filter(store: SqliteStore, stored: list[Event], filter: EventFilter, expected: list[str]) -> None:
    found = [event.event_id for event in store.events(filter)]

    assert found == expected
    assert found == [event.event_id for event in stored if filter.matches(event)]


def test_filter_by_document(store: SqliteStore, stored: list[Event]) -> None:
    document_id = stored[2].document_id

    assert [event.event_id for event in store.events(EventFilter(document_id=document_id))] == ["c"]
