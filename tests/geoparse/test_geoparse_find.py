"""Finding place names in sentences (no resolution asserted beyond what finding implies)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse.find import Finder, names_a_group
from thucydides.geoparse.lexicon import Demonyms
from thucydides.geoparse.tokens import runs, words
from thucydides.model import Document, Mention, MentionKind

MakeDoc = Callable[..., Document]
Spans = Callable[[str], list[tuple[str, str, str | None]]]
Texts = Callable[[str], list[str]]
Places = Callable[[str], list[tuple[str, str | None]]]
Places = Callable[[str], list[tuple[str, str | None]]]


@pytest.fixture
def spans(small_gazetteer: Gazetteer, make_doc: MakeDoc) -> Spans:
    finder = Finder(
        small_gazetteer,
        demonyms=Demonyms([("SY", "Syria"), ("IQ", "Iraq"), ("IR", "Iran"), ("RU", "Russia")]),
    )
    return lambda text: [(span.text, span.origin, span.cue) for span in finder.spans(make_doc(text))]


@pytest.fixture
def texts(spans: Spans) -> Texts:
    return lambda text: [found for found, _, _ in spans(text)]


def test_longest_name_wins_and_names_inside_it_are_not_reported(texts: Texts) -> None:
    assert texts("Shells fell on Aleppo International Airport at dawn.") == ["Aleppo International Airport"]


def test_an_article_before_a_capitalised_name_is_part_of_it(texts: Texts) -> None:
    assert texts("Jets struck al-Sukhnah again.") == ["al-Sukhnah"]


def test_an_english_word_that_looks_like_an_article_is_not_one(texts: Texts) -> None:
    assert texts("Attacks grew as Damascus vowed to respond.") == ["Damascus"]


def test_stop_words_are_never_names(texts: Texts) -> None:
    assert texts("Most fighters left on Sunday, the Army said.") == []


def test_nationality_adjectives_are_never_names(texts: Texts) -> None:
    assert texts("The Syrian and Iraqi forces met Iranian envoys.") == []


def test_short_acronyms_are_never_names(texts: Texts) -> None:
    assert texts("A source told SANA that HOMS was quiet.") == []


def test_a_generic_word_alone_is_no_name_but_with_an_article_it_may_be(texts: Texts) -> None:
    assert texts("Rebels left Bab and took al-Bab.") == ["al-Bab"]


def test_a_sentence_first_word_does_not_make_a_name_weak(
    small_gazetteer: Gazetteer, make_doc: MakeDoc
) -> None:
    (span,) = Finder(small_gazetteer).spans(make_doc("In Homs, gunmen shot a man."))
    assert (span.text, span.weak, span.locative) == ("Homs", None, True)


def test_a_name_after_a_title_is_a_person(texts: Texts) -> None:
    assert texts("On Monday President Assad spoke in Damascus.") == ["Damascus"]


def test_construct_names_are_not_their_last_part(spans: Spans, places_of: Places) -> None:
    text = "Fighters of Liwa al-Quds arrived in Homs."
    assert [found for found, _, _ in spans(text)] == ["Homs"]  # a group's name, not "al-Quds"
    text = "Fighters from Kherbet al-Quds arrived in Homs."
    assert spans(text) == [("Kherbet al-Quds", "construct", None), ("Homs", "gazetteer", None)]
    assert places_of(text) == [("Homs", "geonames:169577")]


def test_a_possessive_splits_two_names(texts: Texts) -> None:
    assert texts("They entered Aleppo’s Sheikh Saeed district.") == ["Aleppo", "Sheikh Saeed"]


def test_a_generic_head_makes_one_name_even_when_a_part_is_known(spans: Spans) -> None:
    assert spans("Troops took Tal al-Hamra hill.") == [("Tal al-Hamra", "generic", "hill")]


def test_a_feature_word_vouches_for_an_unknown_name(spans: Spans) -> None:
    assert spans("Clashes reached the Qasabiya district.") == [("Qasabiya", "cue", "district")]
    assert spans("They seized the town of Khirbat Ghazala.")[0][:2] == ("Khirbat Ghazala", "generic")
    assert spans("Fires burnt at the Shaer gas field.") == [("Shaer", "cue", "field")]


def test_a_locative_preposition_vouches_for_an_unknown_name(spans: Spans) -> None:
    assert spans("Fighting raged in Qasabiya overnight.") == [("Qasabiya", "locative", None)]
    assert spans("Qasabiya was calm.") == []


def test_title_case_lines_only_give_known_names(small_gazetteer: Gazetteer, make_doc: MakeDoc) -> None:
    found = Finder(small_gazetteer).spans(make_doc("Army Advances On Key Areas Around Homs Province Today"))
    assert [(span.text, span.weak) for span in found] == [("Homs", "in a title-case line")]


def test_a_direction_word_is_left_out_of_a_name(texts: Texts) -> None:
    assert texts("They shelled Eastern Aleppo.") == ["Aleppo"]
    assert texts("Jets struck Eastern Deir Ezzur.") == ["Deir Ezzur"]  # not the village "Eastern Deir"


def test_a_direction_word_stays_in_a_name_that_has_it(texts: Texts) -> None:
    assert texts("Envoys flew to North Korea.") == ["North Korea"]


def test_ner_entities_add_names_nothing_else_found(small_gazetteer: Gazetteer, make_doc: MakeDoc) -> None:
    text = "Refugees reached Nowhereville yesterday."
    start = text.index("Nowhereville")
    entity = Mention(MentionKind.ENTITY, start, start + 12, "Nowhereville", 0, label="GPE")
    finder = Finder(small_gazetteer)
    assert [s.text for s in finder.spans(make_doc(text))] == []
    assert [(s.text, s.origin) for s in finder.spans(make_doc(text, mentions=(entity,)))] == [
        ("Nowhereville", "ner")
    ]


def test_the_geoparser_needs_no_entities(places_of: Places) -> None:
    assert places_of("Jets struck Homs.") == [("Homs", "geonames:169577")]


def test_an_armed_groups_arabic_name_is_no_place(texts: Texts) -> None:
    assert texts("Fighters in Jaysh al-Fateh and Liwa al-Quds left Homs.") == ["Homs"]


def test_the_name_after_a_groups_noun_is_the_rest_of_the_groups_name(texts: Texts) -> None:
    assert texts("Ahrar al-Homs fighters shelled Aleppo.") == ["Aleppo"]
    # "Fatah" ("conquest") heads groups' names too: "Fatah Homs" is a group, not the city.
    assert texts("Jets targeted the rebels of Fatah Homs near Aleppo.") == ["Aleppo"]


def test_group_words_alone_do_not_make_a_group_name() -> None:
    assert names_a_group("Faylaq al-Sham")
    assert names_a_group("Jabhat Fateh al-Sham")
    assert not names_a_group("Ansar")
    assert not names_a_group("Tahrir Square")
    assert not names_a_group("Aleppo")


def test_an_article_between_two_words_of_a_name_joins_them() -> None:
    text = "An attack on Aqareb es Safi and on Homs at dawn."
    found = [[w.text for w in run] for run in runs(text, words(text))]
    assert ["Aqareb", "es", "Safi"] in found
    assert ["Homs"] in found  # "at" stays an English word


def test_a_short_hyphenated_link_keeps_a_name_whole() -> None:
    text = "They took Mazar-e-Sharif and a well-to-do Homs suburb."
    found = [[w.text for w in run] for run in runs(text, words(text))]
    assert ["Mazar", "e", "Sharif"] in found
    assert ["Homs"] in found


def test_a_place_that_begins_a_sites_name_is_where_the_site_is(
    small_gazetteer: Gazetteer, make_doc: MakeDoc
) -> None:
    finder = Finder(small_gazetteer)
    (site,) = finder.spans(make_doc("A man was shot at the Homs Carnival on Monday."))
    assert (site.text, site.weak) == ("Homs", None)
    (club,) = finder.spans(make_doc("A man was shot at the Homs Golden Eagles on Monday."))
    assert (club.text, club.weak) == ("Homs", "inside a longer capitalised name")


def test_words_joined_by_a_bare_hyphen_are_one_name_unless_a_half_is_a_city(texts: Texts) -> None:
    # "Hamra" alone is a village; "Hamra-Tibni" is another village's name the gazetteer lacks.
    assert texts("Gunmen attacked fishermen in Hamra-Tibni on Monday.") == ["Hamra-Tibni"]
    # Two cities joined by a hyphen name a road between them: both stay.
    assert texts("Rebels cut the Aleppo-Homs road.") == ["Aleppo", "Homs"]
    # Before "road", the hyphen joins the two ends of a route.
    assert texts("Troops stormed positions along the Hamra-Tibni Road.") == ["Hamra"]
    # Unvouched, the hyphenated name is no place and hides the village in it.
    assert texts("The Hamra-Tibni family met.") == []


def test_a_feature_word_before_a_run_makes_it_one_name(texts: Texts) -> None:
    # "Hamra" is a village, "Tibni" nothing: "the village of Hamra Tibni" is one name.
    assert texts("Troops entered the village of Hamra Tibni on Monday.") == ["Hamra Tibni"]
    # After a plural the run may be a list whose commas were lost: its known names stay.
    assert texts("Shells hit the villages of Hamra Tibni.") == ["Hamra"]


def test_a_settlement_word_after_a_run_makes_it_one_name(texts: Texts) -> None:
    assert texts("A bomb hit a home near Hamra Tibni neighbourhood on Monday.") == ["Hamra Tibni"]
    # Other feature words after a run do not ("the Hamra Tibni road" may run from one to the other).
    assert texts("Jets struck the Champions League final.") == []


def test_a_sites_own_name_is_one_span_with_its_head(spans: Spans) -> None:
    # "Panorama" is a town in Greece; "the Panorama Orchards" is a site of its own.
    assert spans("Militants stormed the Panorama Orchards on Monday.") == [
        ("Panorama Orchards", "site", "orchards")
    ]
    # A qualifier between the name and the head stays in the name; "Gas" is no place.
    assert spans("Jets struck the Tibni Gas Fields.") == [("Tibni Gas Fields", "site", "fields")]
    # A city's name in it says where the site is.
    assert [found for found, _, _ in spans("Students marched at Homs University.")] == ["Homs"]
    # A head alone, or after a common word, names no site.
    assert spans("Shells hit the Military Airport.") == []


def test_a_known_name_before_a_sites_head_is_tried_as_where_the_site_is(
    small_gazetteer: Gazetteer, make_doc: MakeDoc
) -> None:
    finder = Finder(small_gazetteer)
    (camp,) = finder.spans(make_doc("Rebels shelled the Hamra Refugee Camp."))
    assert (camp.text, camp.origin, camp.head) == ("Hamra Refugee Camp", "site", "Hamra")


def test_a_place_before_time_is_a_clock_not_a_place(texts: Texts) -> None:
    assert texts("The assault began at 8:45 A.M. (Homs time) on Sunday.") == []
    assert texts("The assault began at noon Homs standard time.") == []
    assert texts("Troops spent time in Homs.") == ["Homs"]


def _capital_gazetteer() -> Gazetteer:
    """Syria, its capital, and the adjective "Syrian"."""
    from thucydides.model import Place

    syria = Place(
        "geonames:163843", "Syria", "country", "SY", 35.0, 38.5, population=22_000_000, names=("Syria",)
    )
    damascus = Place(
        "geonames:170654", "Damascus", "city", "SY", 33.5, 36.3, population=1_500_000, names=("Damascus",)
    )
    return Gazetteer([syria, damascus], demonyms={"syrian": "geonames:163843"})


def test_a_nationality_before_capital_names_the_capital(make_doc: MakeDoc) -> None:
    finder = Finder(_capital_gazetteer())

    def found(text: str) -> list[tuple[str, str]]:
        return [(span.text, span.origin) for span in finder.spans(make_doc(text))]

    assert found("Four people were killed in the Syrian capital on Sunday.") == [
        ("Syrian capital", "capital")
    ]
    assert found("Shells hit the Syrian capital's outskirts.") == [("Syrian capital", "capital")]
    # When the capital's own name follows, that name is the place.
    assert found("A bomb hit the Syrian capital Damascus.") == [
        ("Syrian", "demonym"),
        ("Damascus", "gazetteer"),
    ]


def test_an_ayn_mark_that_begins_a_word_keeps_the_name_whole() -> None:
    text = "Troops took Rasm Al-‘Abed and Majbal Abu ‘Ali, then ‘Anadan and 'Ayn 'Issa."
    found = [[w.text for w in run] for run in runs(text, words(text))]
    assert ["Rasm", "Al", "Abed"] in found
    assert ["Majbal", "Abu", "Ali"] in found
    assert ["Anadan"] in found
    assert ["Ayn", "Issa"] in found


def test_what_a_side_takes_storms_or_enters_is_a_place(spans: Spans) -> None:
    found = spans("Troops took control of Shayr Al-Nimr, Majbal Abu ‘Ali and Naourah on Sunday.")
    assert [(text, cue) for text, _, cue in found] == [
        ("Shayr Al-Nimr", "taken"),
        ("Majbal Abu ‘Ali", "taken"),
        ("Naourah", "taken"),
    ]
    assert [text for text, _, _ in spans("Reports say the army has entered Zabdeen.")] == ["Zabdeen"]
    # People are captured too: no cue after "captured".
    assert spans("Police captured Zubaydah on Sunday.") == []
