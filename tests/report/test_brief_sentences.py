"""The neutral sentence templates, one per ACLED sub-event type."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factory import event
from thucydides.fuse.incidents import build_incident
from thucydides.model import ControlChange, Incident
from thucydides.report.sentences import (
    control_sentence,
    disagreement_sentences,
    figures_sentence,
    incident_sentence,
    sources_sentence,
)
from thucydides.taxonomy import EVENT_TYPE_OF

LOADED_WORDS = ("terrorist", "liberat", "massacre", "heroic", "regime", "martyr")


def incident(**fields: object) -> Incident:
    return build_incident([event(**fields)], {})


@pytest.mark.parametrize("sub_type", sorted(EVENT_TYPE_OF))
def test_every_sub_event_type_has_a_plain_sentence(sub_type: str) -> None:
    text = incident_sentence(
        incident(sub_event_type=sub_type, event_type=EVENT_TYPE_OF[sub_type]), with_date=False
    )
    assert text.endswith(".") and text[0].isupper()
    assert "Ash Shaykh Sa'id (Aleppo)" in text
    assert "Military Forces of Syria" in text or "{" not in text
    assert not any(word in text.casefold() for word in LOADED_WORDS)


def test_a_dated_sentence_keeps_the_actors_capital() -> None:
    assert incident_sentence(incident(), with_date=True) == (
        "On 8 December 2016, Military Forces of Syria took control of Ash Shaykh Sa'id (Aleppo) "
        "from Jabhat Fateh al-Sham."
    )
    strike = incident(sub_event_type="Remote explosive/landmine/IED", actor2=None)
    assert incident_sentence(strike, with_date=True).startswith("On 8 December 2016, an explosive device")


def test_a_place_the_sources_do_not_name() -> None:
    unplaced = incident(sub_event_type="Armed clash", location=None, admin1=None, actor2=None)
    assert incident_sentence(unplaced, with_date=False) == (
        "Military Forces of Syria and an unnamed side fought at a place the sources do not name."
    )


def test_figures_as_ranges_and_single_values() -> None:
    assert figures_sentence(incident(fatalities=None, fatalities_low=None, fatalities_high=None)) is None
    assert figures_sentence(incident(fatalities=20, fatalities_low=20, fatalities_high=90, injured=3)) == (
        "Reported: 20 to 90 killed and 3 injured."
    )


def test_sources_and_disagreements() -> None:
    two = build_incident(
        [
            event(fatalities=20, fatalities_high=20, source="Outlet A"),
            event(event_id="evt-2", document_id="sha256:" + "cd" * 32, fatalities=7, source="Outlet B"),
        ],
        {},
    )
    assert sources_sentence(two) == "Backed by 2 independent sources: 2 reports (Outlet A, Outlet B)."
    assert sources_sentence(incident(source="Outlet A")) == "Backed by one source, in one report (Outlet A)."
    assert disagreement_sentences(two) == [
        "Sources disagree on the number killed: Outlet A: 20; Outlet B: 7."
    ]


def test_a_contested_capture_says_it_is_not_counted() -> None:
    change = ControlChange(
        place_key="geonames:1",
        location="Tel Qamar",
        admin1="Aleppo",
        country="Syria",
        latitude=None,
        longitude=None,
        date=dt.date(2016, 12, 8),
        controller="Opposition Rebels (Syria)",
        previous=None,
        sub_event_type="Non-state actor overtakes territory",
        incident_id="inc-1",
        event_ids=("evt-1",),
        sources=("Outlet A",),
        claimants=(),
        counted=True,
        note="held",
    )
    assert control_sentence(change) == (
        "On 8 December 2016, Opposition Rebels (Syria) took control of Tel Qamar (Aleppo)."
    )
    contested = dataclasses.replace(change, counted=False, note="retaken by X on 2016-12-09: contested")
    assert control_sentence(contested).endswith(
        "(retaken by X on 2016-12-09: contested; not counted as a change of control)."
    )
