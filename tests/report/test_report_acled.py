"""The ACLED export loads next to ACLED data: ACLED's columns, order and codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest

from thucydides.model import Event
from thucydides.record import TAXONOMY
from thucydides.report import render
from thucydides.report.acled import disorder_type, inter_code, interaction_code

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EXPORTED_AT = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _rows(events: list[Event]) -> list[dict[str, str]]:
    out = io.StringIO()
    render(events, "acled", out, exported_at=EXPORTED_AT)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert reader.fieldnames == ACLED_HEADER
    return list(reader)


def test_header_is_acleds_in_acleds_order(events: list[Event]) -> None:
    assert len(_rows(events)) == 3


def test_rows_map_and_derive_acled_fields(events: list[Event]) -> None:
    battle, strike, attack = _rows(events)

    assert battle["event_id_cnty"] == "seed#01"
    assert (battle["event_date"], battle["year"], battle["time_precision"]) == ("2016-12-08", "2016", "1")
    assert battle["disorder_type"] == "Political violence"
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == ("1", "2", "12")
    assert battle["civilian_targeting"] == ""
    assert (battle["iso"], battle["region"], battle["country"]) == ("760", "Middle East", "Syria")
    assert (battle["admin1"], battle["admin2"], battle["admin3"]) == ("Aleppo", "Jebel Saman", "")
    assert (battle["latitude"], battle["longitude"], battle["geo_precision"]) == ("36.20124", "37.16117", "2")
    assert battle["fatalities"] == "2"
    assert battle["timestamp"] == str(int(EXPORTED_AT.timestamp()))

    assert (strike["event_date"], strike["year"]) == ("", "")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "0", "80")
    assert strike["fatalities"] == "0"  # no figure given: ACLED writes 0

    assert attack["disorder_type"] == "Political violence"
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("3", "7", "37")
    assert attack["civilian_targeting"] == "Civilian targeting"


def test_country_found_by_name_when_iso3_is_missing(make_event: Callable[..., Event]) -> None:
    (row,) = _rows([make_event(iso3=None, country="Iraq")])
    assert (row["iso"], row["region"]) == ("368", "Middle East")


@pytest.mark.parametrize(
    ("iso3", "country", "region"),
    [
        ("UKR", "Ukraine", "Europe"),
        ("NGA", "Nigeria", "Western Africa"),
        ("MEX", "Mexico", "Central America"),
        ("HTI", "Haiti", "Caribbean"),
        ("COL", "Colombia", "South America"),
        ("AFG", "Afghanistan", "South Asia"),
        ("XXX", "Atlantis", ""),
    ],
)
def test_regions(make_event: Callable[..., Event], iso3: str, country: str, region: str) -> None:
    (row,) = _rows([make_event(iso3=iso3, country=country)])
    assert row["region"] == region


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_every_sub_type_has_a_disorder_type() -> None:
    allowed = {
        "Political violence",
        "Demonstrations",
        "Strategic developments",
        "Political violence; Demonstrations",
    }
    for event_type, subs in TAXONOMY.items():
        for sub in subs:
            assert disorder_type(event_type, sub) in allowed


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (None, 0),
        ("Military Forces of Syria", 1),
        ("Military Forces of Syria (2000-)", 1),
        ("Police Forces of Syria", 1),
        ("Military Forces of Russia", 8),
        ("Military Forces of the United States", 8),
        ("Islamic State (Syria)", 2),
        ("Opposition Rebels (Syria)", 2),
        ("Jabhat Fateh al-Sham", 2),
        ("Unidentified Armed Group (Syria)", 3),
        ("NDF: National Defence Forces", 3),
        ("Tribal Militia (Syria)", 4),
        ("Rioters (Syria)", 5),
        ("Protesters (Syria)", 6),
        ("Civilians (Syria)", 7),
        ("Global Coalition Against Daesh", 8),
    ],
)
def test_inter_code(actor: str | None, code: int) -> None:
    assert inter_code(actor, country="Syria") == code


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(1, 2, 12), (2, 1, 12), (7, 3, 37), (2, 0, 20), (1, 1, 11)]
)
def test_interaction_code(inter1: int, inter2: int, expected: int) -> None:
    assert interaction_code(inter1, inter2) == expected
