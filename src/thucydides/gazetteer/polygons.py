"""Point in polygon over first-level division shapes: which governorate a point lies in.

Pure Python ray casting (even-odd rule, so holes such as Damascus inside Rural
Damascus are honoured), with two pre-checks that keep it fast on polygons of
thousands of vertices: a bounding box per polygon, and the edges of each ring
bucketed by latitude band, so one test only looks at the edges that cross the
point's latitude band.

The build uses the OCHA governorate layer (``ADMIN1_POLYGONS`` under the data
directory) to give a Syrian place with coordinates but no admin1 the name of
the governorate that contains it (``fill_admin1``).
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.errors import GazetteerError
from thucydides.gazetteer.admin import SYRIA_ADMIN1_BY_PCODE, AdminNames
from thucydides.gazetteer.rows import SourceRow

ADMIN1_POLYGONS = "syria-admin1-ocha/syr_admin1_ocha_2016.geojson.gz"
BAND_DEGREES = 0.05

_Edge = tuple[float, float, float, float]  # x0, y0, x1, y1 (lon, lat)


@dataclass(slots=True)
class Shape:
    """One named (Multi)Polygon: its bounding box and its edges by latitude band."""

    name: str
    min_x: float
    min_y: float
    max_x: float
    max_y: float
    bands: dict[int, list[_Edge]] = field(default_factory=dict)

    @classmethod
    def from_rings(cls, name: str, rings: Sequence[Sequence[Sequence[float]]]) -> Shape:
        """A shape from rings of [lon, lat] points (outer rings and holes alike; closed or not)."""
        points = [(float(p[0]), float(p[1])) for ring in rings for p in ring]
        if not points:
            raise ValueError(f"shape {name!r} has no points")
        shape = cls(
            name=name,
            min_x=min(x for x, _ in points),
            min_y=min(y for _, y in points),
            max_x=max(x for x, _ in points),
            max_y=max(y for _, y in points),
        )
        bands: dict[int, list[_Edge]] = defaultdict(list)
        for ring in rings:
            if len(ring) < 3:
                continue
            for index, start in enumerate(ring):
                end = ring[(index + 1) % len(ring)]
                edge = (float(start[0]), float(start[1]), float(end[0]), float(end[1]))
                if edge[1] == edge[3]:
                    continue  # horizontal: a ray never crosses it
                low, high = sorted((edge[1], edge[3]))
                for band in range(_band(low), _band(high) + 1):
                    bands[band].append(edge)
        shape.bands = dict(bands)
        return shape

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the point lies inside (points exactly on an edge may go either way)."""
        if not (self.min_x <= lon <= self.max_x and self.min_y <= lat <= self.max_y):
            return False
        inside = False
        for x0, y0, x1, y1 in self.bands.get(_band(lat), ()):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
        return inside


def _band(lat: float) -> int:
    return math.floor(lat / BAND_DEGREES)


class ShapeIndex:
    """Named shapes; ``locate`` gives the name of the first shape containing a point."""

    def __init__(self, shapes: Iterable[Shape]) -> None:
        self.shapes = list(shapes)

    def __len__(self) -> int:
        return len(self.shapes)

    def locate(self, lat: float, lon: float) -> str | None:
        """The name of the shape containing (lat, lon), or None when none does."""
        return next((shape.name for shape in self.shapes if shape.contains(lat, lon)), None)


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return list(geometry["coordinates"])
    if kind == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def admin1_name(properties: dict[str, Any], admin: AdminNames | None = None) -> str | None:
    """The canonical Syrian admin1 name of a governorate feature: by OCHA pcode, else by its name."""
    pcode = str(properties.get("PCODE") or properties.get("ADM1_PCODE") or "")
    if pcode in SYRIA_ADMIN1_BY_PCODE:
        return SYRIA_ADMIN1_BY_PCODE[pcode]
    names = [properties.get(key) for key in ("NAME_EN", "ADM1_EN", "NAM_EN_REF", "name")]
    spelled = [str(name) for name in names if name]
    return (admin or AdminNames()).canonical("SY", *spelled) if spelled else None


def load_shapes(path: Path, admin: AdminNames | None = None) -> ShapeIndex:
    """The governorate shapes of a GeoJSON file (plain or gzipped), named canonically.

    A feature whose name maps to no known governorate is skipped.
    """
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError) as error:
        raise GazetteerError(
            f"Cannot read the governorate polygons {path}: {error}. Check THUCYDIDES_DATA."
        ) from error
    shapes = []
    for feature in data.get("features", ()):
        name = admin1_name(feature.get("properties") or {}, admin)
        rings = _rings(feature.get("geometry") or {})
        if name and rings:
            shapes.append(Shape.from_rings(name, rings))
    return ShapeIndex(shapes)


def fill_admin1(rows: Iterable[SourceRow], shapes: ShapeIndex, *, country: str = "SY") -> int:
    """Give rows of ``country`` with coordinates but no admin1 the containing shape's name.

    Countries and first-level divisions themselves are left alone. Returns how
    many rows were filled.
    """
    filled = 0
    for row in rows:
        if (
            row.country_code == country
            and not row.admin1
            and row.feature not in {"country", "admin1"}
            and row.latitude is not None
            and row.longitude is not None
        ):
            name = shapes.locate(row.latitude, row.longitude)
            if name is not None:
                row.admin1 = name
                filled += 1
    return filled
