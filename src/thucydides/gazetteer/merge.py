"""One entry per real place: rows of several sources that describe the same place are merged.

Two rows are the same place when

1. they share an identifier (a GeoNames id, an OCHA pcode, a WOF id, an OSM
   node, a canonical admin1 name), or
2. they come from different sources (one source lists each place once), are
   of the same kind (settlements with settlements, neighbourhoods with
   neighbourhoods...), in the same country, share a name key, and lie within
   a few kilometres of each other (``MERGE_RADIUS_KM``).

A merged entry keeps every name and every source. Its standard name comes from
the most trusted source (``NAME_TRUST``), its coordinates from the most precise
row, its admin names from the sources that use the canonical ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.geo import Grid, flat_distance_km
from thucydides.gazetteer.normalize import KeyMemo
from thucydides.gazetteer.rows import SETTLEMENT, SourceRow, clean_names
from thucydides.model import Place

MERGE_RADIUS_KM = {"settlement": 4.0, "neighbourhood": 2.0, "site": 5.0, "region": 20.0, "admin2": 30.0}
NAME_TRUST = (
    "opensyria",
    "geonames",
    "wof",
    "ocha-aleppo-neighbourhoods",
    "osm-iom",
    "ocha-communities",
    "iom-neighbourhoods",
    "airfields",
)
ADMIN_TRUST = (
    "ocha-communities",
    "osm-iom",
    "ocha-aleppo-neighbourhoods",
    "iom-neighbourhoods",
    "opensyria",
    "geonames",
    "wof",
    "airfields",
)
ID_PREFERENCE = ("geonames", "ocha", "wof", "osm", "icao", "airfield", "admin1")
_SETTLEMENT_RANK = {"village": 1, "town": 2, "city": 3}
_NEIGHBOURHOOD_SOURCES = frozenset({"ocha-aleppo-neighbourhoods", "iom-neighbourhoods", "wof"})


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _kind(feature: str) -> str:
    return "settlement" if feature in SETTLEMENT else feature


def canonicalise_admin(rows: Sequence[SourceRow], admin: AdminNames) -> None:
    """Replace each row's admin1 by its canonical name; give admin1 rows their canonical ref.

    An admin1 row that is none of its country's known divisions becomes a region.
    """
    cache: dict[tuple[str | None, str | None], str | None] = {}
    for row in rows:
        if row.feature == "admin1":
            canonical = admin.canonical(row.country_code, row.admin1, row.name, *row.names)
            row.admin1 = canonical
            if canonical and row.country_code:
                ref = f"admin1:{row.country_code}:{canonical}"
                if ref not in row.refs:
                    row.refs = (*row.refs, ref)
            elif admin.names(row.country_code or ""):
                row.feature = "region"  # not one of the country's known divisions (a buffer zone...)
            continue
        if row.admin1 is not None:
            key = (row.country_code, row.admin1)
            if key not in cache:
                cache[key] = admin.canonical(row.country_code, row.admin1)
            row.admin1 = cache[key]


def _link(rows: Sequence[SourceRow], keys: KeyMemo) -> _UnionFind:
    groups = _UnionFind(len(rows))
    first_with: dict[str, int] = {}
    for index, row in enumerate(rows):
        for ref in row.refs:
            groups.union(first_with.setdefault(ref, index), index)
    buckets: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        kind = _kind(row.feature)
        if kind in MERGE_RADIUS_KM and row.latitude is not None:
            for key in {keys[name] for name in row.names}:
                buckets[(kind, row.country_code, key)].append(index)
    for (kind, _, _), members in buckets.items():
        # One source lists each place once: only rows of different sources may be one place.
        if len(members) < 2 or len({rows[index].source for index in members}) < 2:
            continue
        radius = MERGE_RADIUS_KM[kind]
        for position, index in enumerate(members):
            row = rows[index]
            assert row.latitude is not None and row.longitude is not None
            for other in members[position + 1 :]:
                near = rows[other]
                if near.source != row.source and groups.find(index) != groups.find(other):
                    assert near.latitude is not None and near.longitude is not None
                    if flat_distance_km(row.latitude, row.longitude, near.latitude, near.longitude) <= radius:
                        groups.union(index, other)
    return groups


def _trust(order: tuple[str, ...], source: str) -> int:
    return order.index(source) if source in order else len(order)


def _feature(members: Sequence[SourceRow]) -> str:
    features = {row.feature for row in members}
    for fixed in ("country", "admin1", "admin2", "region", "site"):
        if fixed in features:
            return fixed
    if any(row.feature == "neighbourhood" and row.source in _NEIGHBOURHOOD_SOURCES for row in members):
        return "neighbourhood"
    settlements = [row.feature for row in members if row.feature in SETTLEMENT]
    return max(settlements, key=_SETTLEMENT_RANK.__getitem__) if settlements else members[0].feature


def _place_id(members: Sequence[SourceRow]) -> tuple[str, int | None]:
    refs = {ref for row in members for ref in row.refs}
    own = [
        ref for row in members if row.source == "geonames" for ref in row.refs if ref.startswith("geonames:")
    ]
    for namespace in ID_PREFERENCE:
        found = sorted(own) if namespace == "geonames" and own else []
        found = found or sorted(ref for ref in refs if ref.startswith(namespace + ":"))
        if found:
            chosen = found[0]
            return chosen, int(chosen.split(":", 1)[1]) if namespace == "geonames" else None
    return f"{members[0].source}:{members[0].name}", None


def _single(row: SourceRow) -> Place:
    place_id, geonames_id = _place_id([row])
    name = row.admin1 if row.feature == "admin1" and row.admin1 else row.name
    return Place(
        place_id=place_id,
        name=name,
        feature=row.feature,
        country_code=row.country_code,
        latitude=row.latitude,
        longitude=row.longitude,
        admin1=row.admin1,
        admin2=row.admin2 if row.feature != "admin1" else None,
        population=row.population,
        geonames_id=geonames_id,
        names=tuple(dict.fromkeys((name, *row.names))),
        sources=(row.source,),
    )


def _merge_group(members: list[SourceRow]) -> Place:
    if len(members) == 1:
        return _single(members[0])
    by_name = sorted(members, key=lambda row: _trust(NAME_TRUST, row.source))
    by_admin = sorted(members, key=lambda row: _trust(ADMIN_TRUST, row.source))
    located = [row for row in members if row.latitude is not None and row.longitude is not None]
    best = min(located, key=lambda row: (row.precision, _trust(NAME_TRUST, row.source))) if located else None
    feature = _feature(members)
    head = by_name[0]
    name = head.admin1 if feature == "admin1" and head.admin1 else head.name
    place_id, geonames_id = _place_id(members)
    names = dict.fromkeys([name, head.name])
    names.update(dict.fromkeys(n for row in by_name for n in row.names))
    return Place(
        place_id=place_id,
        name=name,
        feature=feature,
        country_code=next((row.country_code for row in by_name if row.country_code), None),
        latitude=best.latitude if best else None,
        longitude=best.longitude if best else None,
        admin1=next((row.admin1 for row in by_admin if row.admin1), None),
        admin2=next((row.admin2 for row in by_admin if row.admin2), None) if feature != "admin1" else None,
        population=max(row.population for row in members),
        geonames_id=geonames_id,
        names=tuple(names),
        sources=tuple(sorted({row.source for row in members})),
    )


def merge_rows(rows: Sequence[SourceRow], admin: AdminNames, keys: KeyMemo | None = None) -> list[Place]:
    """Merge rows into places (one per real place), then fill what nearby places tell."""
    keys = KeyMemo() if keys is None else keys
    for row in rows:
        row.names = tuple(dict.fromkeys((row.name, *clean_names(row.names))))
    canonicalise_admin(rows, admin)
    groups = _link(rows, keys)
    members: dict[int, list[SourceRow]] = defaultdict(list)
    for index, row in enumerate(rows):
        members[groups.find(index)].append(row)
    places = [_merge_group(group) for group in members.values()]
    places = _fill_from_neighbours(places)
    return _prune_site_names(places, keys)


def _fill_from_neighbours(places: list[Place]) -> list[Place]:
    """Country and admin1 of a place that lacks them: those of the nearest place that has them.

    A region no source puts in a country (a continent) is left without one: it spans many.
    """
    grid: Grid[Place] = Grid(cell_degrees=0.1)
    for place in places:
        known = place.admin1 and place.country_code and place.feature not in {"country", "admin1"}
        if known and place.latitude is not None and place.longitude is not None:
            grid.add(place.latitude, place.longitude, place)
    filled: list[Place] = []
    for place in places:
        if (
            place.feature not in {"country", "admin1", "region"}
            and place.latitude is not None
            and place.longitude is not None
            and (place.country_code is None or place.admin1 is None)
        ):
            near = _nearest_matching(grid, place)
            if near is not None:
                place = replace(
                    place, country_code=place.country_code or near.country_code, admin1=near.admin1
                )
        filled.append(place)
    return filled


def _nearest_matching(grid: Grid[Place], place: Place) -> Place | None:
    assert place.latitude is not None and place.longitude is not None
    country = place.country_code
    return grid.nearest(
        place.latitude,
        place.longitude,
        30.0,
        accept=lambda other: country is None or other.country_code == country,
    )


def _prune_site_names(places: list[Place], keys: KeyMemo) -> list[Place]:
    """A site (airfield) loses a bare name that a settlement within 30 km also has.

    "Hama" is the city; the airbase keeps "Hama Airbase".
    """
    sites = [place for place in places if place.feature == "site" and place.latitude is not None]
    if not sites:
        return places
    grid: Grid[Place] = Grid(cell_degrees=0.25)
    for place in places:
        if place.feature in SETTLEMENT | {"neighbourhood"} and place.latitude is not None:
            assert place.longitude is not None
            grid.add(place.latitude, place.longitude, place)
    pruned: dict[str, Place] = {}
    for site in sites:
        assert site.latitude is not None and site.longitude is not None
        taken = {keys[n] for _, near in grid.near(site.latitude, site.longitude, 30.0) for n in near.names}
        names = tuple(n for n in site.names if "airport" in keys[n] or keys[n] not in taken)
        if names != site.names:
            pruned[site.place_id] = replace(site, names=names or site.names[:1])
    return [pruned.get(place.place_id, place) for place in places]
