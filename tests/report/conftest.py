"""Hand-built events for the export tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import factory
from thucydides.model import Event, Evidence

DOC = factory.DOC


def build_event(**overrides: Any) -> Event:
    """A plausible event with evidence that needs quoting in CSV; any field can be overridden."""
    values: dict[str, Any] = {
        "event_id": "seed#01",
        "assoc_actor_1": "NDF: National Defence Forces; Liwa al-Quds",
        "geo_precision": 2,
        "fatalities_high": 9,
        "captured": 9,
        "evidence": (
            Evidence(DOC, 282, 330, 'The army units recaptured Sheikh Saeed, "fully".'),
            Evidence(DOC, 400, 420, 'Al-Qaeda’s final days; comma, quote " and\nnewline'),
        ),
        "confidence": 0.85,
    }
    values.update(overrides)
    return factory.event(**values)


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


@pytest.fixture
def events() -> list[Event]:
    """Three events: a battle, an air strike without coordinates or date, an attack on civilians."""
    return [
        build_event(),
        build_event(
            event_id="seed#02",
            event_date=None,
            time_precision=3,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of Russia",
            assoc_actor_1=None,
            actor2=None,
            location="Tadmur",
            location_as_written="تدمر",
            latitude=None,
            longitude=None,
            geonames_id=None,
            fatalities=None,
            fatalities_low=None,
            fatalities_high=None,
            captured=None,
            claimed_by="SOHR",
        ),
        build_event(
            event_id="seed#03",
            event_date=dt.date(2016, 12, 9),
            event_type="Violence against civilians",
            sub_event_type="Attack",
            actor1="Unidentified Armed Group (Syria)",
            assoc_actor_1=None,
            actor2="Civilians (Syria)",
            fatalities=12,
            claimed_by="field sources",
            incident_id="inc-7",
        ),
    ]
