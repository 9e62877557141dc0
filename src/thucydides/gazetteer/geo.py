"""Distances and a small grid index for nearest-place questions."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

EARTH_DIAMETER_KM = 12_742.0
KM_PER_DEGREE = 111.195


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(a)))


def flat_distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in kilometres: within 0.5 % of the great circle below ~500 km."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return KM_PER_DEGREE * math.hypot(dx, lat2 - lat1)


class Grid(Generic[T]):
    """Items bucketed by a lat/lon cell, for "what lies within r km of here" questions."""

    def __init__(self, cell_degrees: float = 0.25) -> None:
        self.cell = cell_degrees
        self._cells: dict[tuple[int, int], list[tuple[float, float, T]]] = defaultdict(list)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.cell), math.floor(lon / self.cell)

    def add(self, lat: float, lon: float, item: T) -> None:
        """Put an item at a point."""
        self._cells[self._key(lat, lon)].append((lat, lon, item))

    def near(self, lat: float, lon: float, radius_km: float) -> Iterator[tuple[float, T]]:
        """(distance, item) of the items within ``radius_km`` of a point, in no order."""
        row, col = self._key(lat, lon)
        reach_lat = int(radius_km / (KM_PER_DEGREE * self.cell)) + 1
        reach_lon = int(radius_km / (KM_PER_DEGREE * self.cell * max(0.1, math.cos(math.radians(lat))))) + 1
        for dr in range(-reach_lat, reach_lat + 1):
            for dc in range(-reach_lon, reach_lon + 1):
                for item_lat, item_lon, item in self._cells.get((row + dr, col + dc), ()):
                    distance = flat_distance_km(lat, lon, item_lat, item_lon)
                    if distance <= radius_km:
                        yield distance, item

    def nearest(
        self, lat: float, lon: float, radius_km: float, accept: Callable[[T], bool] | None = None
    ) -> T | None:
        """The nearest item within ``radius_km`` (that ``accept`` accepts), or None.

        Searches rings of cells outwards and stops once no farther ring can hold
        a nearer item.
        """
        row, col = self._key(lat, lon)
        cell_km = KM_PER_DEGREE * self.cell * max(0.1, math.cos(math.radians(abs(lat) + self.cell)))
        rings = int(radius_km / cell_km) + 1
        best: tuple[float, T] | None = None
        for ring in range(rings + 1):
            for dr in range(-ring, ring + 1):
                step = 1 if abs(dr) == ring else 2 * ring
                for dc in range(-ring, ring + 1, max(1, step)):
                    for item_lat, item_lon, item in self._cells.get((row + dr, col + dc), ()):
                        distance = flat_distance_km(lat, lon, item_lat, item_lon)
                        closer = distance <= radius_km and (best is None or distance < best[0])
                        if closer and (accept is None or accept(item)):
                            best = (distance, item)
            if best is not None and best[0] <= ring * cell_km:
                break
        return best[1] if best else None
