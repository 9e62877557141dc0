"""Gazetteer fixtures: a small one from hand-made places, and the full one built once.

The full gazetteer (GeoNames cities from the package plus every source under
the reference data directory) takes about half a minute to build. It is built
once through ``Gazetteer.ensure``: at ``$THUCYDIDES_GAZETTEER`` when that is set
(the test script points it at a scratch file the CLI tests use too), else in
pytest's cache folder, where later sessions reuse it for as long as the data
and the builder are unchanged.
"""

from __future__ import annotations

import pytest

from thucydides.gazetteer import Gazetteer
from thucydides.model import Place


def place(
    place_id: str, name: str, feature: str, country: str, lat: float, lon: float, **more: object
) -> Place:
    """A hand-made gazetteer entry; ``names`` defaults to the name alone."""
    names = more.pop("names", (name,))
    return Place(
        place_id=place_id,
        name=name,
        feature=feature,
        country_code=country,
        latitude=lat,
        longitude=lon,
        names=tuple(names),  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def small_places() -> list[Place]:
    return [
        place("geonames:163843", "Syria", "country", "SY", 35.0, 38.5, population=22_000_000),
        place(
            "geonames:170063",
            "Aleppo",
            "city",
            "SY",
            36.20,
            37.16,
            admin1="Aleppo",
            population=1_600_000,
            names=("Aleppo", "Halab", "حلب"),
        ),
        place("geonames:170062", "Aleppo", "admin1", "SY", 36.25, 37.62, admin1="Aleppo"),
        place("ocha:N0225", "Sheikh Said", "neighbourhood", "SY", 36.17, 37.17, admin1="Aleppo"),
        place("geonames:1", "Shaykh Sa'd", "village", "SY", 32.8, 36.0, admin1="Dar'a", population=3000),
        place(
            "geonames:163808",
            "Tadmur",
            "town",
            "SY",
            34.56,
            38.28,
            admin1="Homs",
            population=51_000,
            names=("Tadmur", "Palmyra", "Tadmor", "تدمر"),
        ),
        place("geonames:2", "Arak", "village", "SY", 34.64, 38.57, admin1="Homs", population=2000),
        place(
            "geonames:143083",
            "Arāk",
            "city",
            "IR",
            34.09,
            49.69,
            admin1="Markazi",
            population=500_000,
            names=("Arāk", "Arak"),
        ),
    ]


@pytest.fixture(scope="session")
def small_gazetteer(small_places: list[Place]) -> Gazetteer:
    return Gazetteer(small_places)
