"""Where the text puts each place name: ``within``, ``relation``, ``modifier``, ``listed_with``."""

from __future__ import annotations

import dataclasses

from factory import document, place
from thucydides.geoparse import link_mentions
from thucydides.model import Document, Mention, MentionKind, PlaceMention


def _by_text(doc: Document) -> dict[str, PlaceMention]:
    return {p.mention.text: p for p in doc.places}


def _container(doc: Document, name: str) -> str | None:
    container = doc.container_of(_by_text(doc)[name])
    return container.mention.text if container is not None else None


def test_in_a_province_names_the_container() -> None:
    doc = document(
        "Rebels shelled Qudsaya, in Damascus province, on Monday.",
        places={"Qudsaya": place("Qudsaya", gid=1), "Damascus": place("Damascus", feature="admin1", gid=2)},
    )
    assert _container(doc, "Qudsaya") == "Damascus"
    assert _by_text(doc)["Qudsaya"].relation == "in"
    assert _container(doc, "Damascus") is None


def test_a_possessive_names_the_container_before() -> None:
    doc = document(
        "Fighting raged in Aleppo's Sheikh Maqsoud.",
        places={
            "Aleppo": place("Aleppo", feature="city", gid=1),
            "Sheikh Maqsoud": place("Sheikh Maqsoud", gid=2),
        },
    )
    assert _container(doc, "Sheikh Maqsoud") == "Aleppo"
    assert _by_text(doc)["Sheikh Maqsoud"].relation == "possessive"


def test_districts_of_a_city_lie_in_it_all_along_the_list() -> None:
    doc = document(
        "Jets struck the Aleppo districts of Ansari and Mashhad.",
        places={
            "Aleppo": place("Aleppo", feature="city", gid=1),
            "Ansari": place("Ansari", feature="neighbourhood", gid=2),
            "Mashhad": place("Mashhad", feature="neighbourhood", gid=3),
        },
    )
    assert _container(doc, "Ansari") == "Aleppo"
    assert _container(doc, "Mashhad") == "Aleppo"
    assert {_by_text(doc)["Ansari"].relation, _by_text(doc)["Mashhad"].relation} == {"part of"}


def test_every_item_of_a_list_lies_in_the_region_named_after_it() -> None:
    doc = document(
        "Shelling hit Harasta, Arbin and Douma in Eastern Ghouta.",
        places={
            "Harasta": place("Harasta", gid=1),
            "Arbin": place("Arbin", gid=2),
            "Douma": place("Douma", gid=3),
            "Eastern Ghouta": place("Eastern Ghouta", feature="region", gid=4),
        },
    )
    for name in ("Harasta", "Arbin", "Douma"):
        assert _container(doc, name) == "Eastern Ghouta"
    listed = _by_text(doc)["Arbin"].listed_with
    assert {doc.places[i].mention.text for i in listed} == {"Harasta", "Douma"}


def test_a_distance_and_a_direction_locate_without_holding() -> None:
    doc = document(
        "A bomb exploded in Khan Tuman, 12 km south-west of Aleppo. "
        "Clashes broke out in Tal Abyad, east of Raqqa.",
        places={
            "Khan Tuman": place("Khan Tuman", gid=1),
            "Aleppo": place("Aleppo", feature="city", gid=2),
            "Tal Abyad": place("Tal Abyad", gid=3),
            "Raqqa": place("Raqqa", feature="city", gid=4),
        },
    )
    assert _container(doc, "Khan Tuman") == "Aleppo"
    assert _by_text(doc)["Khan Tuman"].relation == "distance"
    assert _container(doc, "Tal Abyad") == "Raqqa"
    assert _by_text(doc)["Tal Abyad"].relation == "direction"


def test_a_direction_after_a_comma_inside_a_list_is_the_next_item() -> None:
    doc = document(
        "Clashes hit Salah, Eastern Rawda, Western Rawda and Nour districts.",
        places={
            "Salah": place("Salah", feature="neighbourhood", gid=1),
            "Rawda": place("Rawda", feature="neighbourhood", gid=2),
            "Nour": place("Nour", feature="neighbourhood", gid=3),
        },
    )
    assert all(p.within is None for p in doc.places)


def test_a_bare_comma_counts_only_when_the_second_place_can_hold_the_first() -> None:
    listed = document(
        "Protests spread to Homs, Hama and Damascus.",
        places={
            "Homs": place("Homs", feature="city", gid=1),
            "Hama": place("Hama", feature="city", gid=2),
            "Damascus": place("Damascus", feature="city", gid=3),
        },
    )
    assert all(p.within is None for p in listed.places)
    held = document(
        "A fire broke out in Edmonton, Alberta.",
        places={
            "Edmonton": place("Edmonton", feature="city", cc="CA", admin1="Alberta", gid=1),
            "Alberta": place("Alberta", feature="admin1", cc="CA", admin1="Alberta", gid=2),
        },
    )
    assert _container(held, "Edmonton") == "Alberta"
    assert _by_text(held)["Edmonton"].relation == "comma"


def test_an_unresolved_name_after_a_comma_lies_in_the_resolved_one() -> None:
    doc = document(
        "Troops entered Tal Nowhere, Homs.",
        places={"Tal Nowhere": None, "Homs": place("Homs", feature="city", gid=1)},
    )
    assert _container(doc, "Tal Nowhere") == "Homs"


def test_the_modifier_is_read_once_for_the_geocoder() -> None:
    doc = document(
        "Jets struck positions East of Palmyra and in the Aleppo countryside.",
        places={"Palmyra": place("Palmyra", gid=1), "Aleppo": place("Aleppo", feature="city", gid=2)},
    )
    assert _by_text(doc)["Palmyra"].modifier == "East of"
    assert _by_text(doc)["Aleppo"].modifier == "countryside"


def test_two_names_side_by_side_or_in_a_list_do_not_contain_each_other() -> None:
    doc = document(
        "Rebels from Idlib and Hama attacked.",
        places={
            "Idlib": place("Idlib", feature="admin1", gid=1),
            "Hama": place("Hama", feature="admin1", gid=2),
        },
    )
    assert all(p.within is None and p.relation is None for p in doc.places)


def test_a_name_and_its_alias_in_brackets_lie_in_the_same_place() -> None:
    doc = document(
        "Jets struck near Tadmur (Palmyra) in the eastern countryside of Homs.",
        places={
            "Tadmur": place("Tadmur", gid=1),
            "Palmyra": place("Tadmur", gid=1),
            "Homs": place("Homs", feature="admin1", gid=2),
        },
    )
    assert _container(doc, "Tadmur") == "Homs"
    assert _container(doc, "Palmyra") == "Homs"


def test_a_direction_after_a_comma_locates_a_place_of_any_size() -> None:
    doc = document(
        "Gunmen shot a shop owner in Baquba, northeast of Baghdad.",
        places={
            "Baquba": place("Baquba", feature="city", cc="IQ", gid=1),
            "Baghdad": place("Baghdad", feature="city", cc="IQ", gid=2),
        },
    )
    assert _container(doc, "Baquba") == "Baghdad"
    assert _by_text(doc)["Baquba"].relation == "direction"


def test_the_country_city_of_a_name_puts_the_city_in_the_country() -> None:
    doc = document(
        "A bomber struck in the Yemen city of Ibb.",
        places={
            "Yemen": place("Yemen", feature="country", cc="YE", gid=1),
            "Ibb": place("Ibb", feature="city", cc="YE", gid=2),
        },
    )
    assert _container(doc, "Ibb") == "Yemen"
    assert _container(doc, "Yemen") is None


def test_the_capital_named_after_a_direction_locates_the_place() -> None:
    doc = document(
        "A bomb went off on the Sabra road west of the capital Damascus.",
        places={"Sabra": place("Sabra", gid=1), "Damascus": place("Damascus", feature="city", gid=2)},
    )
    assert _container(doc, "Sabra") == "Damascus"
    assert _by_text(doc)["Sabra"].relation == "near"


def test_a_nationality_adjective_holds_no_place() -> None:
    text = "Troops were embedded in Manbij near the Turkish border."
    start = text.index("Turkish")
    doc = document(text, places={"Manbij": place("Manbij", gid=1)})
    turkish = PlaceMention(
        Mention(MentionKind.PLACE, start, start + 7, "Turkish", 0, "demonym"),
        place("Turkey", feature="country", cc="TR", gid=2),
        1.0,
    )
    linked = link_mentions(doc, [*doc.places, turkish])
    assert all(p.within is None for p in linked)


def test_the_name_of_a_city_before_its_parts_word_holds_the_part_after_of() -> None:
    baghdad = dataclasses.replace(place("Baghdad", feature="city", cc="IQ", gid=1), population=7_000_000)
    doc = document(
        "A bomb went off in the south Baghdad neighbourhood of Bayaa on Monday.",
        places={"Baghdad": baghdad, "Bayaa": None},
    )
    assert _container(doc, "Bayaa") == "Baghdad"
    assert _container(doc, "Baghdad") is None


def test_a_part_named_before_its_province_lies_in_the_province() -> None:
    ghazni = dataclasses.replace(place("Ghazni", feature="admin1", cc="AF", gid=1), population=1_200_000)
    giro = dataclasses.replace(place("Giro", feature="village", cc="AF", gid=2), population=200_000)
    doc = document(
        "A bomb hit the Giro district of Ghazni province.", places={"Giro": giro, "Ghazni": ghazni}
    )
    assert _container(doc, "Giro") == "Ghazni"


def test_a_province_to_the_west_of_a_city_is_near_it() -> None:
    doc = document(
        "Rebels killed 21 civilians in the Chlef province to the west of Algiers.",
        places={
            "Chlef": place("Chlef", feature="admin1", cc="DZ", gid=1),
            "Algiers": place("Algiers", feature="city", cc="DZ", gid=2),
        },
    )
    assert _container(doc, "Chlef") == "Algiers"
    assert _by_text(doc)["Chlef"].relation == "near"


def test_a_country_lies_in_no_town_even_when_the_text_says_in() -> None:
    doc = document(
        "Gunmen attacked a hotel in the Ivory Coast in the city of Grand Bassam.",
        places={
            "Ivory Coast": place("Ivory Coast", feature="country", cc="CI", gid=1),
            "Grand Bassam": place("Grand Bassam", feature="town", cc="CI", gid=2),
        },
    )
    assert _container(doc, "Ivory Coast") is None
