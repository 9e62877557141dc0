"""Hand-built events for the export tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from thucydides.model import Event, Evidence

DOC = "sha256:" + "ab" * 32


def build_event(**overrides: Any) -> Event:
    """A plausible event; any field can be overridden."""
    values: dict[str, Any] = {
        "event_id": "seed#01",
        "event_date": dt.date(2016, 12, 8),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Government regains territory",
        "actor1": "Military Forces of Syria",
        "assoc_actor_1": "NDF: National Defence Forces; Liwa al-Quds",
        "actor2": "Jabhat Fateh al-Sham",
        "assoc_actor_2": None,
        "country": "Syria",
        "iso3": "SYR",
        "admin1": "Aleppo",
        "admin2": "Jebel Saman",
        "location": "Ash Shaykh Sa'id",
        "location_as_written": "Sheikh Saeed",
        "latitude": 36.20124,
        "longitude": 37.16117,
        "geo_precision": 2,
        "geonames_id": 170063,
        "fatalities": 2,
        "fatalities_low": 2,
        "fatalities_high": 9,
        "injured": None,
        "captured": 9,
        "source": "Fars News Agency",
        "source_url": "http://example.org/aleppo",
        "claimed_by": None,
        "document_id": DOC,
        "evidence": (
            Evidence(DOC, 282, 330, 'The army units recaptured Sheikh Saeed, "fully".'),
            Evidence(DOC, 400, 420, 'Al-Qaeda’s final days; comma, quote " and\nnewline'),
        ),
        "notes": "Military Forces of Syria regained Ash Shaykh Sa'id from Jabhat Fateh al-Sham.",
        "confidence": 0.85,
        "incident_id": None,
    }
    values.update(overrides)
    return Event(**values)


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
