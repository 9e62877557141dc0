from __future__ import annotations

import datetime as dt

import pytest

from factory import event
from thucydides.fuse.compare import FUSE_THRESHOLD, compatible, similarity


def other(**overrides: object) -> object:
    values: dict[str, object] = {"event_id": "evt-2", "document_id": "sha256:" + "cd" * 32, "source": "SANA"}
    values.update(overrides)
    return event(**values)


def test_the_same_capture_told_by_two_outlets_is_one_event() -> None:
    a = event()
    b = other(actor2="Opposition Rebels (Syria)", fatalities=7, location_as_written="al-Sheikh Said")
    assert compatible(a, b)
    assert similarity(a, b) >= FUSE_THRESHOLD


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"event_date": dt.date(2016, 12, 11)}, "three days apart"),
        ({"latitude": 36.5, "longitude": 37.6, "geonames_id": 1}, "50 km apart"),
        ({"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}, "another act"),
        ({"actor1": "Military Forces of Russia"}, "another state's forces"),
        ({"actor2": "Islamic State (Syria)"}, "another named group"),
        ({"event_date": None}, "no date"),
    ],
)
def test_records_that_cannot_be_one_event(change: dict[str, object], why: str) -> None:
    assert not compatible(event(), other(**change)), why


def test_a_week_known_date_tolerates_days_a_day_known_one_does_not() -> None:
    later = dt.date(2016, 12, 12)
    assert not compatible(event(), other(event_date=later))
    assert compatible(event(), other(event_date=later, time_precision=2))


def test_outlets_may_disagree_on_who_started_a_fight() -> None:
    clash = {"sub_event_type": "Armed clash"}
    a = event(**clash)
    b = other(**clash, actor1="Jabhat Fateh al-Sham", actor2="Military Forces of Syria")
    assert compatible(a, b)


def test_records_of_one_document_fuse_only_when_written_twice() -> None:
    a = event()
    assert compatible(a, event(event_id="evt-2"))  # the same event, twice
    assert not compatible(a, event(event_id="evt-2", sub_event_type="Armed clash"))


def test_a_capture_and_its_reversal_are_two_events() -> None:
    retaken = other(
        sub_event_type="Non-state actor overtakes territory",
        actor1="Jabhat Fateh al-Sham",
        actor2="Military Forces of Syria",
    )
    assert not compatible(event(), retaken)
