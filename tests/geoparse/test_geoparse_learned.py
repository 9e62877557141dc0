"""The learned resolver: candidates' features, containment, lists, and what --explain shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.gazetteer import Candidate, Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.context import Item, can_contain
from thucydides.geoparse.links import link_items
from thucydides.geoparse.resolve import FEATURES, explain_name, name_features
from thucydides.model import Document, Place

MakeDoc = Callable[..., Document]


def _place(
    place_id: str, name: str, feature: str, country: str | None, lat: float, lon: float, **more: object
) -> Place:
    names = more.pop("names", (name,))
    return Place(place_id, name, feature, country, lat, lon, names=tuple(names), **more)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def namesakes() -> Geoparser:
    """Towns that share a name across countries and states, and the states and countries."""
    return Geoparser(
        Gazetteer(
            [
                _place("t:ca", "Canada", "country", "CA", 60.0, -96.0, population=37_000_000),
                _place("t:us", "United States", "country", "US", 39.8, -98.5, population=327_000_000),
                _place("t:gb", "United Kingdom", "country", "GB", 54.0, -2.5, population=66_000_000),
                _place("t:ab", "Alberta", "admin1", "CA", 54.5, -115.0, admin1="Alberta"),
                _place("t:ky", "Kentucky", "admin1", "US", 37.5, -85.3, admin1="Kentucky"),
                _place(
                    "t:edm-ca", "Edmonton", "city", "CA", 53.55, -113.49, admin1="Alberta", population=930_000
                ),
                _place(
                    "t:edm-gb", "Edmonton", "town", "GB", 51.62, -0.06, admin1="England", population=82_000
                ),
                _place(
                    "t:edm-us",
                    "Edmonton",
                    "village",
                    "US",
                    36.98,
                    -85.61,
                    admin1="Kentucky",
                    population=1_600,
                ),
                _place("t:sy", "Syria", "country", "SY", 35.0, 38.5, population=22_000_000),
                _place("t:alp", "Aleppo", "admin1", "SY", 36.25, 37.6, admin1="Aleppo"),
                _place("t:afr-sy", "Afrin", "town", "SY", 36.51, 36.87, admin1="Aleppo", population=36_000),
                _place("t:afr-tr", "Afrin", "town", "TR", 37.3, 39.1, admin1="Sanliurfa", population=48_000),
                _place(
                    "t:lat",
                    "Latakia",
                    "admin1",
                    "SY",
                    35.6,
                    36.0,
                    admin1="Latakia",
                    names=("Latakia", "Lattakia"),
                ),
                _place("t:qt-rq", "Qasr Tuwayl", "village", "SY", 36.4, 38.9, admin1="Raqqa", population=900),
                _place(
                    "t:qt-lt", "Qasr Tawil", "village", "SY", 35.7, 36.1, admin1="Latakia", population=300
                ),
            ]
        )
    )


def _resolved(geoparser: Geoparser, make_doc: MakeDoc, text: str) -> dict[str, str | None]:
    doc = geoparser(make_doc(text))
    return {found.mention.text: found.place.place_id if found.place else None for found in doc.places}


def test_a_state_after_a_comma_picks_the_namesake_inside_it(namesakes: Geoparser, make_doc: MakeDoc) -> None:
    assert (
        _resolved(namesakes, make_doc, "The storm hit Edmonton, Kentucky on Monday.")["Edmonton"]
        == "t:edm-us"
    )
    assert (
        _resolved(namesakes, make_doc, "The storm hit Edmonton, Alberta on Monday.")["Edmonton"] == "t:edm-ca"
    )


def test_a_town_said_to_lie_in_a_province_is_the_one_there(namesakes: Geoparser, make_doc: MakeDoc) -> None:
    found = _resolved(namesakes, make_doc, "Shelling hit Afrin, in Aleppo province, on Sunday.")
    assert found["Afrin"] == "t:afr-sy"


def test_a_name_with_no_namesake_in_its_container_gets_close_spellings_there(
    namesakes: Geoparser, make_doc: MakeDoc
) -> None:
    # "Qasr Tuwayl" is known only in Raqqa; the text puts it in Latakia, where "Qasr Tawil" lies.
    found = _resolved(namesakes, make_doc, "Clashes broke out in Qasr Tuwayl in Lattakia province.")
    assert found["Qasr Tuwayl"] == "t:qt-lt"


def test_a_country_is_in_no_city_and_a_town_is_in_its_province() -> None:
    country = _place("a", "Cyprus", "country", "CY", 35.0, 33.0)
    city = _place("b", "Nicosia", "city", "CY", 35.17, 33.36)
    province = _place("c", "Aleppo", "admin1", "SY", 36.2, 37.6)
    town = _place("d", "Afrin", "town", "SY", 36.5, 36.9)
    area = _place("e", "Eastern Ghouta", "region", "SY", 33.55, 36.4)
    continent = _place("f", "Europe", "region", None, 50.0, 10.0)
    assert not can_contain(city, country)
    assert not can_contain(country, country)
    assert can_contain(province, town)
    assert can_contain(area, town)
    assert can_contain(city, area)  # "Eastern Ghouta, Damascus": the city stands for its province
    assert can_contain(continent, country)
    assert not can_contain(country, continent)


def test_the_items_of_a_list_know_each_other(small_gazetteer: Gazetteer, make_doc: MakeDoc) -> None:
    geoparser = Geoparser(small_gazetteer)
    doc = make_doc("Jets struck Homs, Aleppo and Damascus. Later Tadmur was quiet.")
    items = [Item(span=span, candidates=[]) for span in geoparser.finder.spans(doc)]
    link_items(doc.text, items)
    texts = [item.span.text for item in items]
    siblings = {item.span.text: {texts[i] for i in item.siblings} for item in items}
    assert siblings["Homs"] == {"Aleppo", "Damascus"}
    assert siblings["Damascus"] == {"Homs", "Aleppo"}
    assert siblings["Tadmur"] == set()


def test_a_nationality_after_a_generic_head_is_part_of_the_name(make_doc: MakeDoc) -> None:
    gazetteer = Gazetteer(
        [_place("t:tm", "Turkmenistan", "country", "TM", 39.0, 59.0, population=5_000_000)],
        demonyms={"Turkmen": "t:tm"},
    )
    doc = make_doc("The army held positions in Jabal Turkmen region.")
    spans = Geoparser(gazetteer).finder.spans(doc)
    assert [span.text for span in spans] == ["Jabal Turkmen"]


def test_name_features_say_how_the_name_matched_and_what_the_entry_is() -> None:
    state = _place("s", "Illinois", "admin1", "US", 40.0, -89.0)
    village = _place(
        "v", "Riverside", "village", "US", 39.2, -94.6, population=3000, names=("Riverside", "Illinois")
    )
    for candidate, main in (
        (Candidate(state, "Illinois", 1.0, "exact"), 1.0),
        (Candidate(village, "Illinois", 1.0, "exact"), 0.0),
    ):
        values = dict(zip(FEATURES, name_features(candidate, largest=3000), strict=True))
        assert values["main_name"] == main
        assert values["exact"] == 1.0
    values = dict(
        zip(FEATURES, name_features(Candidate(village, "Riverside", 1.0, "exact"), largest=3000), strict=True)
    )
    assert values["kind_village"] == 1.0 and values["largest_namesake"] == 1.0
    assert all(values[name] == 0.0 for name in ("focus_country", "inside_container", "near_paragraph"))


def test_explain_name_puts_a_country_before_a_village_of_its_name() -> None:
    country = _place("c", "Jordan", "country", "JO", 31.0, 36.0, population=10_000_000)
    village = _place("v", "Jordan", "village", "US", 43.0, -76.0, population=1300)
    rows = explain_name(
        [Candidate(village, "Jordan", 1.0, "exact"), Candidate(country, "Jordan", 1.0, "exact")]
    )
    assert [candidate.place.place_id for candidate, _, _ in rows] == ["c", "v"]
    _, score, parts = rows[0]
    assert 0.0 < score < 1.0
    assert "kind_country" in parts and "population" in parts


def test_explain_shows_every_span_s_candidates_with_features_and_score(
    namesakes: Geoparser, make_doc: MakeDoc
) -> None:
    doc = make_doc("The storm hit Edmonton, Kentucky on Monday.")
    explained = namesakes.explain(doc)
    start = doc.text.index("Edmonton")
    rows = explained[start]
    assert rows[0]["place_id"] == "t:edm-us"
    assert rows[0]["features"]["inside_container"] == 1.0  # type: ignore[index]
    assert set(rows[0]["contributions"]) <= set(FEATURES)  # type: ignore[arg-type]
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]


def test_a_settlement_beats_the_area_named_after_it() -> None:
    from thucydides.geoparse.resolve import _settlement_first
    from thucydides.model import Place

    area = Place("geonames:1", "Saraqab", "region", "SY", 35.86, 36.80, admin1="Idleb")
    town = Place("geonames:2", "Saraqib", "town", "SY", 35.86, 36.80, admin1="Idleb", population=30_000)

    class Scored:  # stands in for the scored features; only the order matters here
        pass

    scored = [(Scored(), Candidate(area, "Saraqib", 1.0, "key"), False),
              (Scored(), Candidate(town, "Saraqib", 1.0, "key"), False)]  # fmt: skip
    first = _settlement_first(scored, frozenset({"geonames:1"}), None)  # type: ignore[arg-type]
    assert first[0][1].place.name == "Saraqib"
    called_the_area = _settlement_first(scored, frozenset({"geonames:1"}), "district")  # type: ignore[arg-type]
    assert called_the_area[0][1].place.name == "Saraqab"
