"""Candidates of a name ordered by their distance to another place (``gazetteer lookup --near``)."""

from __future__ import annotations

from thucydides.errors import GazetteerError
from thucydides.gazetteer.geo import distance_km
from thucydides.gazetteer.index import Candidate, Gazetteer
from thucydides.model import Place

POOL = 50  # candidates looked at before ordering by distance


def lookup_near(
    index: Gazetteer, name: str, near: str, *, country: str | None = None, limit: int = 10
) -> tuple[Place, list[Candidate]]:
    """The place ``near`` names (its best entry with coordinates) and the ``limit`` candidates of
    ``name`` nearest to it; a candidate without coordinates comes last."""
    found = index.lookup(near, country=country, limit=1)
    anchors = [c.place for c in found if c.place.latitude is not None and c.place.longitude is not None]
    if not anchors:
        raise GazetteerError(
            f"--near {near!r}: no place of that name with coordinates in the gazetteer. Check the spelling "
            f"with `thucydides gazetteer lookup {near!r}`."
        )
    anchor = anchors[0]
    latitude, longitude = anchor.latitude, anchor.longitude
    assert latitude is not None and longitude is not None

    def km(candidate: Candidate) -> float:
        place = candidate.place
        if place.latitude is None or place.longitude is None:
            return float("inf")
        return distance_km(latitude, longitude, place.latitude, place.longitude)

    candidates = index.lookup(name, country=country, limit=max(limit, POOL))
    return anchor, sorted(candidates, key=km)[:limit]
