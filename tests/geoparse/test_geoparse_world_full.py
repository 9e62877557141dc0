"""World news names with the full gazetteer: counties, abbreviated states, cities shaped like
nationalities, and areas whose name a village only lists among its other names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.model import Document

pytestmark = [pytest.mark.needs_data]
MakeDoc = Callable[..., Document]
Found = Callable[[str], list[tuple[str, str | None, str | None, str | None]]]


@pytest.fixture(scope="module")
def found(full_gazetteer: Gazetteer, make_doc: MakeDoc) -> Found:
    geoparser = Geoparser(full_gazetteer)

    def run(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
        doc = geoparser(make_doc(text))
        return [
            (
                mention.mention.text,
                mention.place.name if mention.place else None,
                mention.place.feature if mention.place else None,
                mention.place.admin1 if mention.place else None,
            )
            for mention in doc.places
        ]

    return run


def test_a_dateline_state_abbreviation_is_the_state_and_places_the_town(found: Found) -> None:
    assert found("SPRINGFIELD, Ill. (AP) - Lawmakers met on Monday to discuss the budget.")[:2] == [
        ("SPRINGFIELD", "Springfield", "city", "Illinois"),
        ("Ill.", "Illinois", "admin1", "Illinois"),
    ]


def test_a_county_is_the_county_not_a_namesake_town(found: Found) -> None:
    assert ("Suffolk County", "Suffolk County", "admin2", "New York") in found(
        "Police in Riverhead, New York, said the storm flooded roads across Suffolk County."
    )


def test_a_capital_shaped_like_a_nationality_is_found(found: Found) -> None:
    assert found("Officials in Tunis denied the report.") == [("Tunis", "Tunis", "city", "Tūnis")]


def test_a_state_is_not_a_village_that_lists_its_name(found: Found) -> None:
    # GeoNames lists "Minnesota" among the other names of the village Minneota.
    assert found("Farmers in Minnesota expect a late harvest.") == [
        ("Minnesota", "Minnesota", "admin1", "Minnesota")
    ]


def test_a_dateline_names_the_town_filed_from_not_the_state(found: Found) -> None:
    assert found("WASHINGTON (AP) — Lawmakers in Washington voted on Tuesday to fund the government.")[0] == (
        "WASHINGTON",
        "Washington",
        "city",
        "Washington, D.C.",
    )
