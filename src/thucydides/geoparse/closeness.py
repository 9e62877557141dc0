"""Closeness of a candidate to the places chosen for the other spans in the previous pass.

``ChosenSoFar`` holds the previous pass's choices as anchors (one per place chosen) and answers,
for a candidate, how near the chosen places lie (the same paragraph counting most, then the
report), how near the other items of its list lie, and whether its paragraph names other
governorates. A long report's many anchors are read through the two paragraphs around and a grid
of cells, never by scanning every anchor (time linear in the report's size).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.gazetteer.geo import KM_PER_DEGREE, flat_distance_km
from thucydides.geoparse.context import AREAL, SETTLEMENTS, Context, Item, paragraph_weight
from thucydides.model import Place

# Closeness falls by e every this many kilometres.
PROXIMITY_KM = 40.0
# How far apart two items of one list may lie and still count as neighbours (km scale).
LIST_KM = 100.0


@dataclass(slots=True)
class _Anchor:
    """A place chosen for some items in the previous pass: what the others measure closeness to."""

    place_id: str
    latitude: float
    longitude: float
    chosen_by: list[tuple[int, int]]  # (item index, paragraph)


# An anchor seen from one paragraph: place id, latitude, longitude, the best paragraph weight
# among the items that chose it, the item of that paragraph that gave it (-1: none, or none
# there), and the next best weight (-1: none).
_View = tuple[str, float, float, float, int, float]


# Up to this many anchors a question reads them all; beyond, through the indexes (long reports).
_SCAN_ANCHORS = 200
_CELL_DEGREES = 0.25


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / _CELL_DEGREES), math.floor(longitude / _CELL_DEGREES)


def _flat_km(latitude: float, longitude: float, lat: float, lon: float) -> float:
    """``flat_distance_km(latitude, longitude, lat, lon)``, as ``proximity`` writes it out."""
    dx = (lon - longitude) * math.cos(math.radians((latitude + lat) / 2))
    return KM_PER_DEGREE * math.hypot(dx, lat - latitude)


def _closeness(latitude: float, longitude: float, lat: float, lon: float) -> float:
    """``exp(-flat_distance_km / PROXIMITY_KM)``, as ``proximity`` computes it."""
    return math.exp(-_flat_km(latitude, longitude, lat, lon) / PROXIMITY_KM)


def _choosers_by_paragraph(anchor: _Anchor) -> dict[int, list[int]]:
    """The items that chose the anchor, by their paragraph."""
    by_paragraph: dict[int, list[int]] = {}
    for index, paragraph in anchor.chosen_by:
        by_paragraph.setdefault(paragraph, []).append(index)
    return by_paragraph


def _weights_from(paragraph: int, by_paragraph: dict[int, list[int]], total: int) -> tuple[float, int, float]:
    """(best paragraph weight, the item of ``paragraph`` that gave it or -1, the next best weight or -1)
    of an anchor's choosers seen from ``paragraph``, as ranking them all by (weight, item) would give.

    ``paragraph_weight`` depends only on the distance and is the same from 3 paragraphs on, so only
    the paragraph and the two on either side are looked at. The item matters only when it is the
    one asking (``proximity``: a span's own choice does not count), and that one is in ``paragraph``.
    """
    if not any(near in by_paragraph for near in range(paragraph - 2, paragraph + 3)):
        far = paragraph_weight(paragraph, paragraph + 3)  # every chooser is 3 paragraphs away or more
        return far, -1, far if total > 1 else -1.0
    weights: list[float] = []  # of each distance class that has choosers, nearest first
    counts: list[int] = []
    chooser = -1
    for distance in (0, 1, 2):
        found = by_paragraph.get(paragraph - distance, [])
        if distance:
            found = found + by_paragraph.get(paragraph + distance, [])
        elif found:
            chooser = max(found)
        if found:
            weights.append(paragraph_weight(paragraph, paragraph + distance))
            counts.append(len(found))
    if total > sum(counts):
        weights.append(paragraph_weight(paragraph, paragraph + 3))
        counts.append(total - sum(counts))
    if counts[0] > 1:
        return weights[0], chooser, weights[0]
    return weights[0], chooser, weights[1] if len(weights) > 1 else -1.0


class ChosenSoFar:
    """The previous pass's choices, read by every candidate of this pass."""

    def __init__(self, items: Sequence[Item], context: Context) -> None:
        self.items = items
        self.context = context
        anchors: dict[str, _Anchor] = {}
        for index, item in enumerate(items):
            place = item.choice.place if item.choice is not None else None
            if place is None or place.feature in AREAL or place.latitude is None or place.longitude is None:
                continue
            anchor = anchors.setdefault(
                place.place_id, _Anchor(place.place_id, place.latitude, place.longitude, [])
            )
            anchor.chosen_by.append((index, item.span.sentence.paragraph))
        # By latitude (stable), so that every paragraph's view is in that order without sorting it.
        self.anchors = sorted(anchors.values(), key=lambda anchor: anchor.latitude)
        self._by_paragraph = [_choosers_by_paragraph(anchor) for anchor in self.anchors]
        self._view: tuple[int, tuple[list[float], list[_View]]] | None = None
        # Many anchors (a long report): each question reads only the anchors chosen within two
        # paragraphs and the grid cells around the place (``_indexed_proximity``).
        self._indexed = len(self.anchors) > _SCAN_ANCHORS
        self._latitudes = [anchor.latitude for anchor in self.anchors]
        self._near_paragraph: dict[int, list[int]] = {}
        self._grid: dict[tuple[int, int], list[int]] = {}
        self._sole_choice: dict[int, str] = {}  # item -> the anchor only it chose
        if self._indexed:
            for position, anchor in enumerate(self.anchors):
                for paragraph in {p for _, p in anchor.chosen_by}:
                    self._near_paragraph.setdefault(paragraph, []).append(position)
                self._grid.setdefault(_cell(anchor.latitude, anchor.longitude), []).append(position)
                if len(anchor.chosen_by) == 1:
                    self._sole_choice[anchor.chosen_by[0][0]] = anchor.place_id
        self.named: dict[str, list[tuple[int, Place]]] = {}
        for index, item in enumerate(items):
            if (
                item.choice is not None
                and item.local >= 0.6
                and not item.from_head
                and not item.outside_container
            ):
                self.named.setdefault(item.key, []).append((index, item.choice.place))

    def _seen_from(self, paragraph: int) -> tuple[list[float], list[_View]]:
        """The anchors as seen from a paragraph, by latitude (and their latitudes, for bisecting).

        Items are scored in text order, so only the last paragraph's view is kept; each is built from
        the choosers of the paragraph and the two on either side (``paragraph_weight`` is the same
        beyond), in time proportional to the number of anchors, not of the items that chose them.
        """
        if self._view is not None and self._view[0] == paragraph:
            return self._view[1]
        rows = []
        for anchor, by_paragraph in zip(self.anchors, self._by_paragraph, strict=True):
            best, chooser, second = _weights_from(paragraph, by_paragraph, len(anchor.chosen_by))
            rows.append((anchor.place_id, anchor.latitude, anchor.longitude, best, chooser, second))
        view = ([row[1] for row in rows], rows)
        self._view = (paragraph, view)
        return view

    def proximity(self, place: Place, index: int) -> tuple[float, float]:
        """(closeness to the places chosen in this and the neighbouring paragraphs, weighted; to any).

        Each is 1 at the same spot and falls with distance (``PROXIMITY_KM``);
        a span's own earlier choice does not count. Places more than ~200 km
        away (closeness below 0.01) are not looked at.
        """
        latitude, longitude = place.latitude, place.longitude
        if latitude is None or longitude is None or place.feature in AREAL:
            return 0.0, 0.0
        if self._indexed:
            return self._indexed_proximity(place, latitude, longitude, index)
        latitudes, rows = self._seen_from(self.items[index].span.sentence.paragraph)
        local = anywhere = 0.0
        own_id, cos, exp, radians, hypot = place.place_id, math.cos, math.exp, math.radians, math.hypot
        for place_id, lat, lon, best, chooser, second in rows[
            bisect.bisect_left(latitudes, latitude - 2.0) : bisect.bisect_right(latitudes, latitude + 2.0)
        ]:
            if place_id == own_id or abs(lon - longitude) > 2.5:
                continue
            weight = best if chooser != index else second
            if weight < 0:
                continue
            # flat_distance_km(latitude, longitude, lat, lon), written out: this loop is the resolver's
            # innermost one.
            dx = (lon - longitude) * cos(radians((latitude + lat) / 2))
            closeness = exp(-(KM_PER_DEGREE * hypot(dx, lat - latitude)) / PROXIMITY_KM)
            if weight >= 0.6:
                local = max(local, weight * closeness)
            anywhere = max(anywhere, closeness)
        return local, anywhere

    def _indexed_proximity(
        self, place: Place, latitude: float, longitude: float, index: int
    ) -> tuple[float, float]:
        """``proximity`` without reading every anchor: the same two figures.

        The weighted closeness counts only anchors weighing 0.6 or more, chosen within two
        paragraphs; the closeness to any anchor is that of the nearest one (every anchor but the
        span's own sole choice counts), found by searching the grid cells ring by ring until no
        farther cell can hold a nearer anchor.
        """
        paragraph = self.items[index].span.sentence.paragraph
        own_id, low, high = place.place_id, latitude - 2.0, latitude + 2.0
        local = 0.0
        seen: set[int] = set()
        for near in range(paragraph - 2, paragraph + 3):
            for position in self._near_paragraph.get(near, ()):
                if position in seen:
                    continue
                seen.add(position)
                anchor = self.anchors[position]
                lat, lon = anchor.latitude, anchor.longitude
                if not low <= lat <= high or anchor.place_id == own_id or abs(lon - longitude) > 2.5:
                    continue
                best, chooser, second = _weights_from(
                    paragraph, self._by_paragraph[position], len(anchor.chosen_by)
                )
                weight = best if chooser != index else second
                if weight >= 0.6:
                    local = max(local, weight * _closeness(latitude, longitude, lat, lon))
        excluded = self._sole_choice.get(index)
        anywhere, nearest_km = 0.0, math.inf
        window = range(bisect.bisect_left(self._latitudes, low), bisect.bisect_right(self._latitudes, high))
        if len(window) <= _SCAN_ANCHORS:  # few anchors at this latitude: read them all
            for position in window:
                anchor = self.anchors[position]
                if abs(anchor.longitude - longitude) > 2.5:
                    continue
                if anchor.place_id == own_id or anchor.place_id == excluded:
                    continue
                anywhere = max(anywhere, _closeness(latitude, longitude, anchor.latitude, anchor.longitude))
            return local, anywhere
        row, column = _cell(latitude, longitude)
        rows = range(_cell(low, longitude)[0], _cell(high, longitude)[0] + 1)
        columns = range(_cell(latitude, longitude - 2.5)[1], _cell(latitude, longitude + 2.5)[1] + 1)
        reach = max(row - rows.start, rows.stop - 1 - row, column - columns.start, columns.stop - 1 - column)
        # A cell r rings away holds no point nearer than r - 1 cells, in latitude or in longitude.
        shrink = math.cos(math.radians(min(90.0, abs(latitude) + 1.0))) * (1.0 - 1e-6)
        for ring in range(reach + 1):
            for i in range(max(rows.start, row - ring), min(rows.stop, row + ring + 1)):
                step = 1 if abs(i - row) == ring else 2 * ring
                for j in range(column - ring, column + ring + 1, max(step, 1)):
                    if j not in columns:
                        continue
                    for position in self._grid.get((i, j), ()):
                        anchor = self.anchors[position]
                        lat, lon = anchor.latitude, anchor.longitude
                        if not low <= lat <= high or abs(lon - longitude) > 2.5:
                            continue
                        if anchor.place_id == own_id or anchor.place_id == excluded:
                            continue
                        km = _flat_km(latitude, longitude, lat, lon)
                        anywhere = max(anywhere, math.exp(-km / PROXIMITY_KM))
                        nearest_km = min(nearest_km, km)
            if KM_PER_DEGREE * ring * _CELL_DEGREES * shrink > nearest_km + 1.0:
                break  # every cell farther out is more than a kilometre farther than the nearest
        return local, anywhere

    def same_name(self, index: int) -> Place | None:
        """The place chosen, with local support, for another mention of the name (one sense per report)."""
        for other, place in self.named.get(self.items[index].key, ()):
            if other != index:
                return place
        return None

    def list_fit(self, place: Place, index: int) -> tuple[float, float]:
        """(how near, how alike in kind) the places chosen for the other items of the item's list are.

        Near: 1 in the same governorate, else falling with distance (``LIST_KM``); alike: the share of
        them of the same kind (a settlement among settlements, a country among countries).
        """
        others = [
            self.items[other].choice
            for other in self.items[index].siblings
            if self.items[other].choice is not None
        ]
        if not others:
            return 0.0, 0.0
        near = alike = 0.0
        kind = "settlement" if place.feature in SETTLEMENTS else place.feature
        for choice in others:
            assert choice is not None
            other = choice.place
            alike += kind == ("settlement" if other.feature in SETTLEMENTS else other.feature)
            if other.place_id == place.place_id:
                continue
            if (
                place.country_code
                and place.country_code == other.country_code
                and place.admin1
                and (place.admin1 == other.admin1)
            ):
                near = max(near, 1.0)
            elif None not in (place.latitude, place.longitude, other.latitude, other.longitude):
                assert place.latitude is not None and place.longitude is not None
                assert other.latitude is not None and other.longitude is not None
                km = flat_distance_km(place.latitude, place.longitude, other.latitude, other.longitude)
                near = max(near, math.exp(-km / LIST_KM))
        return near, alike / len(others)
