"""Country and governorate outlines for the brief's map, read from the reference data directory.

Countries come from Natural Earth (1:50m, public domain), governorates from OCHA's Syrian
admin-1 polygons (CC BY-IGO), both as gzipped GeoJSON under ``THUCYDIDES_DATA``. Without them
the map shows the event points alone and ``Outlines.note`` says why.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

COUNTRIES_FILE = Path("natural-earth/ne_50m_admin_0_countries.geojson.gz")
ADMIN1_FILES = (Path("syria-admin1-ocha/syr_admin1_ocha_2016.geojson.gz"),)
COUNTRIES_CREDIT = "Natural Earth (public domain)"
ADMIN1_CREDIT = "OCHA Syria COD-AB 2016 (CC BY-IGO)"

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) pairs


@dataclass(frozen=True, slots=True)
class Outlines:
    countries: tuple[Ring, ...]
    admin1: tuple[Ring, ...]
    credits: tuple[str, ...]
    note: str | None = None  # why outlines are missing, when they are


NO_OUTLINES = Outlines((), (), (), "no outlines: no reference data directory is set (THUCYDIDES_DATA)")


def load_outlines(data_dir: Path | None) -> Outlines:
    """The outlines found under ``data_dir``; what is missing or unreadable is named in ``note``."""
    if data_dir is None:
        return NO_OUTLINES
    countries, problem = _rings_of(data_dir / COUNTRIES_FILE)
    admin1: list[Ring] = []
    for path in ADMIN1_FILES:
        found, _ = _rings_of(path if path.is_absolute() else data_dir / path)
        admin1.extend(found)
    credits = (COUNTRIES_CREDIT,) * bool(countries) + (ADMIN1_CREDIT,) * bool(admin1)
    note = None
    if not countries:
        note = (
            f"no country outlines: {problem}; the map shows event points only. Put Natural Earth's "
            f"{COUNTRIES_FILE} under THUCYDIDES_DATA to draw them"
        )
    return Outlines(tuple(countries), tuple(admin1), credits, note)


def _rings_of(path: Path) -> tuple[list[Ring], str]:
    """Every ring of the file's polygons, or none and the reason."""
    if not path.exists():
        return [], f"{path} does not exist"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            collection = json.load(stream)
        rings = [ring for feature in collection["features"] for ring in _rings(feature.get("geometry"))]
    except (OSError, ValueError, KeyError, TypeError) as error:  # a damaged file is the data's problem
        log.warning("Outlines in %s are unreadable (%s); the map draws without them.", path, error)
        return [], f"{path} is unreadable ({error})"
    return rings, ""


def _rings(geometry: dict[str, Any] | None) -> Iterator[Ring]:
    if not geometry:
        return
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    elif geometry["type"] != "MultiPolygon":
        return
    for polygon in polygons:
        for ring in polygon:
            yield tuple((float(point[0]), float(point[1])) for point in ring)
