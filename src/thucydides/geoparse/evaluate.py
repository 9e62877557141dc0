"""How well the geoparser finds and places the locations of hand-coded event records.

For each gold record (the event record's fields ``location_as_written``,
``latitude``, ``longitude`` and ``evidence``), a location counts as found and
placed when a place mention inside the record's evidence (anywhere in the
document if it has none) overlaps the written location and is resolved
within ``radius_km`` of the gold coordinates. 161 km (100 miles) is the
usual tolerance of geocoding evaluations: a neighbourhood coded to its city
counts, a namesake village across the country does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from thucydides.gazetteer.geo import distance_km
from thucydides.model import Document, PlaceMention


@dataclass(frozen=True, slots=True)
class LocationScore:
    """Gold locations found and placed, out of all, with the ones missed."""

    placed: int
    total: int
    missed: tuple[str, ...] = field(default=())

    @property
    def fraction(self) -> float:
        """Placed over total (1.0 when there is nothing to place)."""
        return self.placed / self.total if self.total else 1.0


def _spans(record: Mapping[str, object], doc: Document) -> list[tuple[int, int]]:
    evidence = record.get("evidence")
    spans = []
    if isinstance(evidence, list):
        for item in evidence:
            if (
                isinstance(item, Mapping)
                and isinstance(item.get("start"), int)
                and isinstance(item.get("end"), int)
            ):
                spans.append((int(item["start"]), int(item["end"])))
    return spans or [(0, len(doc.text))]


def _placed(found: PlaceMention, latitude: float, longitude: float, radius_km: float) -> bool:
    place = found.place
    if place is None or place.latitude is None or place.longitude is None:
        return False
    return distance_km(place.latitude, place.longitude, latitude, longitude) <= radius_km


def location_score(
    doc: Document, gold: Iterable[Mapping[str, object]], *, radius_km: float = 161.0
) -> LocationScore:
    """Score the document's place mentions against the gold records' locations."""
    placed = total = 0
    missed = []
    for record in gold:
        written, latitude, longitude = (
            record.get("location_as_written"),
            record.get("latitude"),
            record.get("longitude"),
        )
        if (
            not isinstance(written, str)
            or not isinstance(latitude, float | int)
            or not isinstance(longitude, float | int)
        ):
            continue
        total += 1
        spans = _spans(record, doc)
        hit = any(
            (found.mention.text in written or written in found.mention.text)
            and any(start <= found.mention.start < end for start, end in spans)
            and _placed(found, float(latitude), float(longitude), radius_km)
            for found in doc.places
        )
        placed += hit
        if not hit:
            missed.append(written)
    return LocationScore(placed=placed, total=total, missed=tuple(missed))
