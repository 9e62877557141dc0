"""Names of world news: nationality adjectives, abbreviations, persons and ordinary words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.tokens import words
from thucydides.model import Document, Place, Sentence

MakeDoc = Callable[..., Document]
Places = Callable[[str], list[tuple[str, str | None]]]


def _place(place_id: str, name: str, feature: str, country: str | None, **more: object) -> Place:
    names = more.pop("names", (name,))
    return Place(place_id, name, feature, country, 10.0, 10.0, names=tuple(names), **more)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def world_places(make_doc: MakeDoc) -> Places:
    gazetteer = Gazetteer(
        [
            _place("c:ru", "Russia", "country", "RU", population=140_000_000),
            _place("c:us", "United States", "country", "US", names=("United States", "US", "U.S.")),
            _place("c:ws", "American Samoa", "country", "AS", population=50_000),
            _place("k:eu", "Europe", "region", None, population=700_000_000),
            _place("v:us", "Us", "village", "FR", population=300),
            _place("v:kelly", "Kelly", "village", "US", population=400),
            _place("v:near", "Near", "village", "IQ", population=200),
            _place("t:stl", "St. Louis", "city", "US", population=300_000),
        ],
        demonyms={"russian": "c:ru", "american": "c:us", "european": "k:eu"},
    )
    geoparser = Geoparser(gazetteer)

    def run(text: str) -> list[tuple[str, str | None]]:
        # "|" ends a sentence here: the fixture's splitter would also cut after "U.S." and "St."
        if "|" in text:
            sentences, start = [], 0
            for index, piece in enumerate(text.split("|")):
                sentences.append(Sentence(index, start, start + len(piece), piece, 0))
                start += len(piece) + 1
            plain = Document.from_text(text, input="test.txt", sentences=tuple(sentences))
        else:
            plain = make_doc(text)
        doc = geoparser(plain)
        return [(found.mention.text, found.place.place_id if found.place else None) for found in doc.places]

    return run


def test_a_nationality_adjective_names_its_country(world_places: Places) -> None:
    assert world_places("Fighting spread after Russian forces crossed the river.") == [("Russian", "c:ru")]


def test_a_continent_adjective_names_the_continent(world_places: Places) -> None:
    assert world_places("Ministers met at a European summit.") == [("European", "k:eu")]


def test_an_adjective_inside_a_longer_name_is_still_a_place(world_places: Places) -> None:
    assert world_places("Leading Russian officials spoke to the press.") == [("Russian", "c:ru")]


def test_the_plural_of_an_adjective_names_people_not_a_place(world_places: Places) -> None:
    assert world_places("The talks pleased Russians on both sides.") == []


def test_a_run_that_is_a_place_name_as_a_whole_is_not_cut_at_its_adjective(world_places: Places) -> None:
    assert world_places("A storm hit American Samoa overnight.") == [("American Samoa", "c:ws")]


def test_a_country_abbreviation_names_the_country_and_a_pronoun_does_not(world_places: Places) -> None:
    found = world_places("The U.S. envoy said US troops would stay.|Let us wait.")
    assert found == [("U.S.", "c:us"), ("US", "c:us")]


def test_a_dotted_abbreviation_is_one_word() -> None:
    assert [word.text for word in words("in the U.S. and D.C. today")] == [
        "in",
        "the",
        "U.S.",
        "and",
        "D.C.",
        "today",
    ]


def test_an_abbreviated_name_word_keeps_its_name_whole(world_places: Places) -> None:
    assert world_places("The team flew to St. Louis on Friday.|") == [("St. Louis", "t:stl")]


def test_a_surname_named_in_full_elsewhere_is_a_person(world_places: Places) -> None:
    text = "The senator met Mike Kelly on Monday. Later, Kelly said the vote would pass."
    assert world_places(text) == []


def test_a_capitalised_ordinary_word_is_not_a_place(world_places: Places) -> None:
    assert world_places("Near the frontline, soldiers rested. Shells fell near the road.") == []


def test_a_contraction_is_no_name(world_places: Places) -> None:
    assert world_places("“I’ve never asked anybody,” she said.") == []


def test_an_abbreviation_names_its_place_only_as_written(make_doc: MakeDoc) -> None:
    gazetteer = Gazetteer(
        [_place("c:bt", "Butembo", "city", "CD", names=("Butembo", "RUE"), population=200_000)]
    )
    found = Geoparser(gazetteer)(make_doc("Tourists crowded into Rue on Sunday."))
    assert [p.mention.text for p in found.places if p.place is not None] == []


def test_a_nationality_word_that_names_a_language_is_no_place(world_places: Places) -> None:
    assert world_places("The book was printed in Russian, and a Russian edition followed.") == [
        ("Russian", "c:ru")
    ]
