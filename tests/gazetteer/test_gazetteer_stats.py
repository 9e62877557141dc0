"""What the index holds, per country and feature kind (``gazetteer stats``)."""

from __future__ import annotations

from thucydides.gazetteer import Gazetteer
from thucydides.model import Place


def test_stats_count_entries_by_country_and_kind(
    small_gazetteer: Gazetteer, small_places: list[Place]
) -> None:
    table = small_gazetteer.stats()
    assert sum(sum(counts.values()) for counts in table.values()) == len(small_places)
    syrian = [place for place in small_places if place.country_code == "SY"]
    assert sum(table["SY"].values()) == len(syrian)
    assert table["SY"]["admin1"] == sum(place.feature == "admin1" for place in syrian)


def test_one_country_s_stats_also_count_its_sources() -> None:
    places = [
        Place("a", "Afrin", "town", "SY", 36.5, 36.9, sources=("geonames", "ocha-communities")),
        Place("b", "Aleppo", "admin1", "SY", 36.2, 37.6, sources=("geonames",)),
        Place("c", "Europe", "region", None, 50.0, 10.0, sources=("continents",)),
        Place("d", "Kobani", "town", "SY", 36.9, 38.4, sources=("ocha-communities",)),
    ]
    gazetteer = Gazetteer(places)
    assert gazetteer.stats()["-"] == {"region": 1}  # a continent belongs to no country
    syria = gazetteer.stats("SY")
    assert set(syria) == {"SY"}
    assert syria["SY"]["town"] == 2 and syria["SY"]["admin1"] == 1
    assert syria["SY"]["source:geonames"] == 2 and syria["SY"]["source:ocha-communities"] == 2


def test_stats_read_a_built_file_as_well(full_gazetteer: Gazetteer) -> None:
    syria = full_gazetteer.stats("SY")["SY"]
    assert syria["admin1"] == 14  # the governorates
    kinds = sum(n for key, n in syria.items() if not key.startswith("source:"))
    sources = sum(n for key, n in syria.items() if key.startswith("source:"))
    assert syria["village"] > 1000 and sources >= kinds  # an entry merged from several sources counts in each
    world = full_gazetteer.stats()
    assert len(world) > 200 and sum(sum(c.values()) for c in world.values()) == len(full_gazetteer)
