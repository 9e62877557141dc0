from __future__ import annotations

import datetime as dt

import pytest

from factory import event
from thucydides.errors import ConfigError
from thucydides.fuse.control import control_query, controller_at, ledger, place_ledger
from thucydides.fuse.incidents import build_incident


def capture(event_id: str, day: int, actor1: str, actor2: str) -> object:
    sub_type = (
        "Government regains territory"
        if actor1.startswith("Military")
        else "Non-state actor overtakes territory"
    )
    return build_incident(
        [
            event(
                event_id=event_id,
                document_id=f"sha256:{day:064d}",
                event_date=dt.date(2016, 12, day),
                sub_event_type=sub_type,
                actor1=actor1,
                actor2=actor2,
            )
        ],
        {},
    )


ARMY, REBELS = "Military Forces of Syria", "Jabhat Fateh al-Sham"


def test_control_changes_hands_with_dates_and_evidence() -> None:
    changes = ledger([capture("evt-a", 1, REBELS, ARMY), capture("evt-b", 8, ARMY, REBELS)])
    assert [(c.date.day, c.controller, c.previous, c.counted) for c in changes] == [
        (1, REBELS, ARMY, True),
        (8, ARMY, REBELS, True),
    ]
    assert changes[1].event_ids == ("evt-b",)
    assert controller_at(changes, dt.date(2016, 12, 5)).controller == REBELS  # type: ignore[union-attr]
    assert controller_at(changes, dt.date(2016, 12, 9)).controller == ARMY  # type: ignore[union-attr]
    assert controller_at(changes, dt.date(2016, 11, 30)) is None


def test_a_capture_reversed_the_next_day_does_not_count() -> None:
    changes = ledger([capture("evt-a", 3, REBELS, ARMY), capture("evt-b", 4, ARMY, REBELS)])
    assert [c.counted for c in changes] == [False, True]
    assert "contested" in changes[0].note
    assert controller_at(changes, dt.date(2016, 12, 3)) is None


def test_an_undated_capture_is_left_out_of_the_sequence() -> None:
    undated = build_incident([event(event_id="evt-u", event_date=None)], {})
    changes = place_ledger("geonames:170063", [undated, capture("evt-a", 1, REBELS, ARMY)])  # type: ignore[list-item]
    assert [c.incident_id for c in changes] == [capture("evt-a", 1, REBELS, ARMY).incident_id]  # type: ignore[attr-defined]


def test_control_query_before_the_first_change_says_when_it_is() -> None:
    changes = ledger([capture("evt-a", 5, REBELS, ARMY), capture("evt-b", 12, ARMY, REBELS)])
    place = changes[0].location
    assert place
    before = dt.date(2016, 12, 1)
    with pytest.raises(ConfigError) as refused:
        control_query(changes, place=place, date=before)
    message = str(refused.value)
    assert f"The first change of control stored for {place!r} is on 2016-12-05 (to {REBELS})" in message
    assert "after 2016-12-01" in message and "No control change is stored" not in message
    (in_force,) = control_query(changes, place=place.upper(), date=dt.date(2016, 12, 20))
    assert in_force.controller == ARMY
    assert control_query(changes, place=place, date=None) == changes
    with pytest.raises(ConfigError, match="No control change is stored for 'Narnia'"):
        control_query(changes, place="Narnia", date=before)
    with pytest.raises(ConfigError, match="Give --place NAME"):
        control_query(changes, place=None, date=None)


def test_control_query_where_every_earlier_change_is_contested_says_so() -> None:
    changes = ledger([capture("evt-a", 3, REBELS, ARMY), capture("evt-b", 4, ARMY, REBELS)])
    with pytest.raises(ConfigError, match="is contested"):
        control_query(changes, place=changes[0].location, date=dt.date(2016, 12, 3))
