"""Field comparison: place names, distances, alternatives, fatality ranges."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from thucydides.evaluate import EvalRecord, haversine_km, normalise_place
from thucydides.evaluate.compare import agrees, dates_within, fatalities_in_range
from thucydides.record import event_from_record

Record = dict[str, Any]


def rec(data: Record, **alternatives: list[Any]) -> EvalRecord:
    return EvalRecord(
        event=event_from_record(data),
        origin="test:1",
        alternatives={name: tuple(values) for name, values in alternatives.items()},
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Al-Sha’er", "sha'er"),
        ("el-Bab", "Bab"),
        ("Tal al-Sheikh Hassan", "tal Sheikh Hassan"),
        ("Dar'a camp", "DARA CAMP"),
        ("Tadmur (Palmyra)", "tadmur palmyra"),
        ("Ḥamāh", "Hamah"),
    ],
)
def test_normalise_place_equates_spellings(a: str, b: str) -> None:
    assert normalise_place(a) == normalise_place(b)


def test_normalise_place_keeps_distinct_names_apart() -> None:
    assert normalise_place("Tal Kalakh") != normalise_place("Kalakh")
    assert normalise_place("Salamiyah") == "salamiyah"  # "al" inside a word is not an article


def test_haversine_known_distances() -> None:
    # London (51.5074 N, 0.1278 W) to Paris (48.8566 N, 2.3522 E): about 343.5 km.
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)
    # One degree of latitude along a meridian: 2 * pi * 6371 / 360.
    assert haversine_km(10.0, 20.0, 11.0, 20.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(33.5, 36.3, 33.5, 36.3) == 0.0


def test_alternatives_count_as_right(record: Callable[..., Record]) -> None:
    gold = rec(record(), actor2=["Opposition Rebels (Syria)"], sub_event_type=["Armed clash"])
    pred = rec(
        record(actor2="opposition  rebels (syria)", sub_event_type="Armed clash", event_type="Battles")
    )
    assert agrees(gold, pred, "actor2")
    assert agrees(gold, pred, "sub_event_type")
    # The type of an accepted sub-type is accepted too.
    assert agrees(gold, pred, "event_type")
    assert agrees(gold, pred, "actor1")
    assert not agrees(gold, rec(record(actor2="Jaish al-Islam")), "actor2")


def test_missing_event_type_is_read_off_the_sub_type(record: Callable[..., Record]) -> None:
    assert agrees(rec(record()), rec(record(event_type=None)), "event_type")


def test_null_equals_null(record: Callable[..., Record]) -> None:
    assert agrees(rec(record(claimed_by=None)), rec(record(claimed_by=None)), "claimed_by")
    assert not agrees(rec(record(claimed_by=None)), rec(record(claimed_by="SOHR")), "claimed_by")


def test_dates_within_a_day_or_an_alternative(record: Callable[..., Record]) -> None:
    gold = rec(record(event_date="2020-03-02"), event_date=["2020-03-05"])
    assert dates_within(gold, rec(record(event_date="2020-03-01")), days=1)
    assert not dates_within(gold, rec(record(event_date="2020-02-28")), days=1)
    assert dates_within(gold, rec(record(event_date="2020-03-06")), days=1)
    assert dates_within(gold, rec(record(event_date=None)), days=1)


@pytest.mark.parametrize(
    ("low", "high", "pred", "expected"),
    [
        (3, 9, 3, True),
        (3, 9, 9, True),
        (3, 9, 10, False),
        (3, 9, 2, False),
        (20, None, 500, True),
        (None, None, 4, False),
        (3, 9, None, False),
    ],
)
def test_fatalities_in_range(
    record: Callable[..., Record], low: int | None, high: int | None, pred: int | None, expected: bool
) -> None:
    gold = rec(record(fatalities=low, fatalities_low=low, fatalities_high=high))
    assert fatalities_in_range(gold, rec(record(fatalities=pred))) is expected
