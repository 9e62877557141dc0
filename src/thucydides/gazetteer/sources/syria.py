"""Sources with Syrian detail: admin units, communities, neighbourhoods, villages, airfields.

Each tabular source is one ``TableSpec`` (see ``rows.py``); the admin
hierarchy (JSON) and the airfields (several rows per airfield) have their own
small readers. Every path is relative to ``settings.data_dir``; a source whose
file is absent is skipped (the build report counts the rows of each source read).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from thucydides.gazetteer.admin import SYRIA_ADMIN1_BY_PCODE
from thucydides.gazetteer.rows import SourceRow, TableSpec, read_records, settlement_feature, to_float, to_int

_WOF_FEATURES = {"county": "admin2", "region": "admin1", "neighbourhood": "neighbourhood", "campus": "site"}


def _wof_feature(record: Mapping[str, str]) -> str:
    placetype = record.get("placetype", "")
    code = record.get("gn_feature_code", "")
    if placetype in _WOF_FEATURES:
        return _WOF_FEATURES[placetype]
    return settlement_feature(to_int(record.get("population")), code)


def _wof_current(record: Mapping[str, str]) -> bool:
    return not record.get("deprecated") and not record.get("superseded_by")


def _wof_spec(source: str, path: str) -> TableSpec:
    return TableSpec(
        source=source,
        path=path,
        name=lambda r: r.get("name_eng") or r.get("gn_name") or r.get("name"),
        alt_names=("name", "gn_name", "name_ara", "all_names"),
        latitude="latitude",
        longitude="longitude",
        feature=_wof_feature,
        country="country",
        refs=(("wof", "wof_id"), ("geonames", "gn_geonameid")),
        admin1="region",
        admin2="county",
        population="population",
        precision=1,
        keep=_wof_current,
    )


# "Joubar Gharbi/Sharqi" (West/East Joubar) are the halves of Joubar: each also
# answers to the bare name (unless that is a short generic word: Bab Sharqi).
_DIRECTIONAL = re.compile(r"\s+(?:gharbi|sharqi|shamali|janoubi|qibli)(?:y+(?:a|eh)|eh|a)?$", re.IGNORECASE)


def _neighbourhood_names(record: Mapping[str, str]) -> str:
    """Names an IOM neighbourhood goes by.

    IOM writes "Fardos - Damascus" (the city added to tell twins apart) and
    "Al Thawra_ Al Jourah" (two quarters under one code).
    """
    raw = record.get("name_iom", "")
    names = [raw]
    for part in raw.split(" - ")[0].split("_"):
        part = part.strip()
        whole = _DIRECTIONAL.sub("", part)
        names += [part, whole] if len(whole) >= 5 else [part]
    return "|".join(name for name in names if name)


def _neighbourhood_name(record: Mapping[str, str]) -> str:
    return record.get("name_iom", "").split(" - ")[0].strip()


_OSM_PLACES = {"city": "city", "town": "town", "village": "village", "hamlet": "village"}

TABLES: tuple[TableSpec, ...] = (
    _wof_spec("wof", "wof-admin-sy/wof_admin_sy.tsv.gz"),
    _wof_spec("wof", "wof-admin-sy/wof_admin_border_belt.tsv.gz"),
    TableSpec(
        source="ocha-communities",
        path="syria-communities-pplp/syria_communities_ocha_pplp_iom_names.tsv.gz",
        name="name_iom",
        alt_names=("wof_name", "wof_name_ara"),
        latitude="latitude",
        longitude="longitude",
        feature=lambda r: "village",
        country=lambda r: "SY",
        refs=(("ocha", "pcode"), ("geonames", "gn_geonameid")),
        admin1="adm1_name",
        admin2="adm2_name",
        precision=3,
    ),
    TableSpec(
        source="iom-neighbourhoods",
        path="syria-communities-pplp/syria_neighbourhoods_iom_approx.tsv.gz",
        name=_neighbourhood_name,
        alt_names=(_neighbourhood_names,),
        latitude="latitude",
        longitude="longitude",
        feature=lambda r: "neighbourhood",
        country=lambda r: "SY",
        refs=(("ocha", "pcode"),),
        admin1="adm1_name",
        admin2="adm2_name",
        precision=9,
    ),
    TableSpec(
        source="ocha-aleppo-neighbourhoods",
        path="aleppo-neighbourhoods-ocha/aleppo_neighbourhoods_ocha.tsv.gz",
        name="name_en",
        alt_names=("name_ar",),
        latitude="latitude",
        longitude="longitude",
        feature=lambda r: "neighbourhood",
        country=lambda r: "SY",
        refs=(("ocha", "pcode"),),
        admin1=lambda r: "Aleppo",
        admin2=lambda r: "Jebel Saman",
        precision=0,
    ),
    TableSpec(
        source="osm-iom",
        path="syria-settlements-osm-iom/syria_settlements_osm_iom_2026.tsv.gz",
        name=lambda r: r.get("hot_name_en") or r.get("hot_name_latin") or r.get("location_name"),
        alt_names=("hot_name_latin", "hot_name", "location_name"),
        latitude="latitude",
        longitude="longitude",
        feature=lambda r: _OSM_PLACES.get(r.get("hot_place", ""), "village"),
        country=lambda r: "SY",
        refs=(("osm", "hot_id"), ("ocha", "location_pcode")),
        admin1="adm1_name",
        admin2="adm2_name",
        population="total_population",
        precision=1,
    ),
)


# --- the admin hierarchy (OpenSyria JSON) -----------------------------------------


def _load_json(path: Path) -> Any:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


ADMIN_LEVELS = (
    ("governorates.json", "admin1"),
    ("districts.json", "admin2"),
    ("subdistricts.json.gz", "region"),
)


def admin_rows(data_dir: Path) -> Iterator[SourceRow]:
    """Governorates, districts and sub-districts of Syria with their aliases and pcodes.

    Governorates take the OCHA name (by pcode); sub-districts are ``region``
    entries (the place-mention spec has no third admin level).
    """
    folder = data_dir / "syria-admin-opensyria"
    admin1_of: dict[str, str] = {}
    admin2_of: dict[str, str] = {}
    for filename, feature in ADMIN_LEVELS:
        path = folder / filename
        if not path.is_file():
            continue
        for unit in _load_json(path):
            ids = unit.get("externalIds", {})
            pcode = ids.get("ochaPcode")
            name = unit["name"]["en"]
            if feature == "admin1":
                name = SYRIA_ADMIN1_BY_PCODE.get(pcode or "", name)
                admin1_of[unit["id"]] = name
            elif feature == "admin2":
                admin2_of[unit["id"]] = name
            admin1 = admin1_of.get(unit.get("governorateId", unit["id"]))
            centroid = unit.get("centroid") or {}
            refs = [f"ocha:{pcode}"] if pcode else []
            if ids.get("geonames"):
                refs.append(f"geonames:{ids['geonames']}")
            if feature == "admin1":
                refs.append(f"admin1:SY:{name}")
            yield SourceRow(
                source="opensyria",
                refs=tuple(refs),
                name=name,
                names=(
                    name,
                    unit["name"]["en"],
                    unit["name"].get("ar", ""),
                    *(a["value"] for a in unit["aliases"]),
                ),
                feature=feature,
                country_code="SY",
                latitude=to_float(str(centroid.get("latitude", ""))),
                longitude=to_float(str(centroid.get("longitude", ""))),
                admin1=admin1,
                admin2=admin2_of.get(unit.get("districtId", unit["id"])) if feature != "admin1" else None,
                population=int((unit.get("population") or {}).get("value") or 0),
                precision=2,
            )


# --- airfields --------------------------------------------------------------------

AIRFIELDS = "syria-airbases/airfields_syria_region.tsv.gz"
# Names in everyday use that none of the airfield lists carries.
AIRFIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "OS72": ("T4", "T-4", "Tiyas Airbase", "T4 Airbase"),
    "OSLK": ("Hmeimim", "Khmeimim", "Hmeymim", "Humaymim", "Hmeimim Airbase"),
}
_SITE_WORD = re.compile(r"\b(?:air\s*(?:port|base|field)|aerodrome|intl|air college)\b", re.IGNORECASE)
_SOURCE_ORDER = ("openflights/airports-extended.dat", "openflights/airports-dafif.dat", "sneaker")


def airfield_rows(data_dir: Path, countries: Mapping[str, str]) -> Iterator[SourceRow]:
    """One row per airfield group (rows within 4 km merged upstream), with every name it has."""
    path = data_dir / AIRFIELDS
    if not path.is_file():
        return
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in read_records(path):
        groups[record["group"]].append(record)
    for group, records in groups.items():
        records.sort(
            key=lambda r: next((i for i, s in enumerate(_SOURCE_ORDER) if r["source"].startswith(s)), 9)
        )
        first = records[0]
        lat, lon = to_float(first["latitude"]), to_float(first["longitude"])
        if lat is None or lon is None:
            continue
        icaos = {r["icao"] for r in records if r["icao"]}
        country = next(
            (countries[r["country_fips"]] for r in records if r["country_fips"] in countries), None
        )
        names = [first["name"], *first["group_names"].split("|")]
        for icao in sorted(icaos):
            names += AIRFIELD_ALIASES.get(icao, ())
        # "Tha'lah" is also written "Tha'lah Airbase": index both (the bare name
        # is dropped later where a town nearby has it, see merge.prune_site_names).
        names += [f"{name} Airbase" for name in names if not _SITE_WORD.search(name)]
        yield SourceRow(
            source="airfields",
            refs=(f"airfield:{group}", *(f"icao:{icao}" for icao in sorted(icaos))),
            name=next((name for name in names if _SITE_WORD.search(name)), first["name"]),
            names=tuple(names),
            feature="site",
            country_code=country,
            latitude=lat,
            longitude=lon,
            precision=1,
        )
