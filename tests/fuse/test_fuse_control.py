from __future__ import annotations

import datetime as dt

from factory import event
from thucydides.fuse.control import controller_at, ledger, place_ledger
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
