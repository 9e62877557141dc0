"""The full gazetteer (package GeoNames + reference data): variants, merges, admin names, speed."""

from __future__ import annotations

import time

import pytest

from thucydides.gazetteer import Gazetteer

pytestmark = pytest.mark.needs_data

DEIR_EZ_ZOR_CITY = "geonames:170794"


def best(gazetteer: Gazetteer, name: str, country: str = "SY", feature: str | None = None) -> str:
    candidates = gazetteer.lookup(name, country=country, limit=20)
    if feature is not None:
        candidates = [c for c in candidates if c.place.feature == feature]
    assert candidates, f"nothing for {name!r}"
    return candidates[0].place.place_id


@pytest.mark.parametrize("name", ["Deir Ezzur", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "دير الزور"])
def test_deir_ez_zor_spellings(full_gazetteer: Gazetteer, name: str) -> None:
    assert best(full_gazetteer, name, feature="city") == DEIR_EZ_ZOR_CITY


def test_tadmur_is_palmyra(full_gazetteer: Gazetteer) -> None:
    tadmur = best(full_gazetteer, "Tadmur", feature="town")
    assert best(full_gazetteer, "Palmyra") == tadmur
    place = full_gazetteer.place(tadmur)
    assert place is not None and len(place.sources) >= 2  # GeoNames, WOF and OCHA rows merged


@pytest.mark.parametrize("name", ["Dara'a", "Daraa", "Deraa", "Dara’a", "Dar'a"])
def test_daraa_spellings(full_gazetteer: Gazetteer, name: str) -> None:
    places = {c.place.place_id: c.place for c in full_gazetteer.lookup(name, country="SY", limit=20)}
    assert "geonames:170905" in places  # the city of Dar'a
    assert any(p.feature == "admin1" and p.name == "Dar'a" for p in places.values())


def test_syrian_governorates_carry_the_ocha_names(full_gazetteer: Gazetteer) -> None:
    names = {p.name for p in full_gazetteer.places_of("admin1") if p.country_code == "SY"}
    assert names == {
        "Aleppo", "Homs", "Dar'a", "Rural Damascus", "Deir-ez-Zor", "As-Sweida", "Lattakia",
        "Quneitra", "Hama", "Idleb", "Ar-Raqqa", "Al-Hasakeh", "Tartous", "Damascus",
    }  # fmt: skip


def test_places_in_syria_all_have_a_governorate(full_gazetteer: Gazetteer) -> None:
    towns = [c.place for c in full_gazetteer.lookup("Harasta", country="SY")]
    assert towns and all(p.admin1 == "Rural Damascus" for p in towns)


def test_aleppo_neighbourhood_from_ocha(full_gazetteer: Gazetteer) -> None:
    places = [c.place for c in full_gazetteer.lookup("Sheikh Saeed", country="SY")]
    (place,) = [p for p in places if p.feature == "neighbourhood" and p.admin1 == "Aleppo"]
    assert "ocha-aleppo-neighbourhoods" in place.sources and place.latitude is not None


def test_airbases_keep_their_names_and_the_town_keeps_its_own(full_gazetteer: Gazetteer) -> None:
    assert full_gazetteer.lookup("T4", country="SY")[0].place.feature == "site"
    assert full_gazetteer.lookup("Hama Airbase", country="SY")[0].place.feature == "site"
    assert full_gazetteer.lookup("Hama", country="SY")[0].place.feature == "city"


def test_world_places_are_there_too(full_gazetteer: Gazetteer) -> None:
    assert full_gazetteer.lookup("Kharkiv", country="UA")[0].place.feature == "city"
    assert full_gazetteer.lookup("Kandahar", country="AF")[0].place.feature == "city"
    assert full_gazetteer.lookup("Sirte", country="LY")[0].place.feature == "city"


def test_lookup_speed(full_gazetteer: Gazetteer) -> None:
    full_gazetteer.lookup(
        "Qwertyuiop", country="SY"
    )  # the first close-spelling search lists the country's keys
    timings = {}
    for label, names in {
        "by key": ["Aleppo", "Sheikh Saeed", "Deir Ezzur", "Palmyra", "Douma", "Hama"],
        "close spelling": ["Kherba Al-Janinah", "Bustan al-Qasr", "Qwertyuiop"],
    }.items():
        started = time.perf_counter()
        for _ in range(10):
            for name in names:
                full_gazetteer.lookup(name, country="SY")
        timings[label] = (time.perf_counter() - started) / (10 * len(names))
    print(", ".join(f"lookup {label}: {seconds * 1000:.2f} ms" for label, seconds in timings.items()))
    assert timings["by key"] < 0.005 and timings["close spelling"] < 0.05
