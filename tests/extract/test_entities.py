from __future__ import annotations

from thucydides.extract.entities import hidden_in_entity
from thucydides.model import Mention, MentionKind, Place, PlaceMention


def mention(text: str, word: str, *, population: int = 0, feature: str = "village") -> PlaceMention:
    start = text.index(word)
    place = Place("geonames:1", word, feature, "SY", 35.0, 37.0, population=population)
    return PlaceMention(Mention(MentionKind.PLACE, start, start + len(word), word, 0), place, 1.0)


def test_a_place_word_inside_a_persons_name_is_no_place() -> None:
    text = "Observatory head Rami Abdel Rahman said."
    entities = [(17, 34, "PERSON", "Rami Abdel Rahman")]
    assert hidden_in_entity(mention(text, "Rami"), entities)


def test_a_place_word_inside_a_date_is_no_place() -> None:
    text = "Sat 24 Aug 2013 Damascus explosion."
    assert hidden_in_entity(mention(text, "Sat"), [(0, 15, "DATE", "Sat 24 Aug 2013")])


def test_a_village_the_model_calls_a_person_is_still_a_place() -> None:
    text = "Warplanes struck Kafr Nabl."
    assert not hidden_in_entity(mention(text, "Kafr Nabl"), [(17, 26, "PERSON", "Kafr Nabl")])


def test_a_large_city_inside_a_misread_name_is_still_a_place() -> None:
    text = "An attack on villages in central Syrias Hama province."
    place = mention(text, "Hama", population=460_000, feature="city")
    assert not hidden_in_entity(place, [(33, 44, "PERSON", "Syrias Hama")])


def test_an_organisation_named_after_a_building_is_where_things_happen() -> None:
    text = "The regime targeted Latamneh hospital."
    assert not hidden_in_entity(mention(text, "Latamneh"), [(20, 37, "ORG", "Latamneh hospital")])
    assert hidden_in_entity(mention(text, "Latamneh"), [(20, 37, "ORG", "Latamneh Media Office")])


def test_an_entity_made_only_of_place_names_hides_none_of_them() -> None:
    text = "Troops clashed outside the town of Hudur, Bakool region."
    town, region = mention(text, "Hudur"), mention(text, "Bakool", feature="admin1")
    start = text.index("Hudur")
    entities = [(start, start + len("Hudur, Bakool"), "ORG", "Hudur, Bakool")]
    assert not hidden_in_entity(town, entities, [town, region])
    assert hidden_in_entity(town, [(start, start + 20, "ORG", "Hudur Fighters Union")], [town, region])


def test_a_place_the_model_reads_as_an_organisation_with_its_article_and_feature_word_is_a_place() -> None:
    text = "Militants targeted the Sinaa District near the river."
    assert not hidden_in_entity(mention(text, "Sinaa"), [(19, 37, "ORG", "the Sinaa District")])
    site = "Militants retook the Hayyan Gas Fields."
    assert not hidden_in_entity(
        mention(site, "Hayyan Gas Fields"), [(17, 38, "ORG", "the Hayyan Gas Fields")]
    )
    # More than an article and a feature word: a word of an organisation's name.
    assert hidden_in_entity(mention(text, "Sinaa"), [(19, 43, "ORG", "the Sinaa District Council")])
