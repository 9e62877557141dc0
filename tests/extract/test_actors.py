from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.extract.actors import ActorDictionary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian troops advanced", "Military Forces of Syria"),
        ("Russian helicopters covered the advance", "Military Forces of Russia"),
        ("Iraqi army units entered the town", "Military Forces of Iraq"),
        ("regime forces shelled the area", "Military Forces of Syria"),
        ("Daesh fighters attacked", "Islamic State (Syria)"),
        ("al-Nusra Front militants", "Jabhat Fateh al-Sham"),
        ("the National Defense Forces (NDF)", "NDF: National Defence Forces"),
        ("US-led coalition warplanes struck", "Military Forces of the United States"),
        ("unknown gunmen opened fire", "Unidentified Armed Group (Syria)"),
        ("three children were among the dead", "Civilians (Syria)"),
        ("Houthi fighters attacked", "Ansar Allah"),
        ("Emirati troops advanced", "Military Forces of the United Arab Emirates"),
        ("Saudi-led coalition warplanes struck", "Military Forces of Saudi Arabia"),
    ],
)
def test_wordings_map_to_neutral_canonical_actors(actors: ActorDictionary, text: str, expected: str) -> None:
    assert expected in [mention.name for mention in actors.find(text, country="Syria")]


def test_generic_words_are_marked_for_context_resolution(actors: ActorDictionary) -> None:
    (mention,) = actors.find("the terrorists fled", country="Iraq")
    assert mention.kind == "generic_armed"
    assert mention.name == "Opposition Rebels (Iraq)"


def test_offsets_point_into_the_document(actors: ActorDictionary) -> None:
    text = "Yesterday Syrian warplanes struck."
    (mention,) = actors.find(text[10:], offset=10, country=None)
    assert text[mention.start : mention.end] == "Syrian warplanes"
    assert mention.kind == "state_air"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("warplanes of the US-led coalition struck", "Military Forces of the United States"),
        ("gunmen of the Islamic State opened fire", "Islamic State (Syria)"),
        ("fighters of Ahrar al-Sham advanced", "Ahrar al-Sham"),
    ],
)
def test_a_generic_word_of_a_named_group_is_that_group(
    actors: ActorDictionary, text: str, expected: str
) -> None:
    (mention,) = [m for m in actors.find(text, country="Syria") if m.name == expected]
    assert mention.start == 0


def test_a_group_held_place_names_the_group(actors: ActorDictionary) -> None:
    names = [m.name for m in actors.find("areas of the Islamic State-held town", country="Syria")]
    assert names == ["Islamic State (Syria)"]
    assert actors.find("the Islamic State-era records", country="Syria") == []


def test_speakers_words_keep_their_own_actor(actors: ActorDictionary) -> None:
    assert [m.name for m in actors.find("a shop owner and two policemen", country="Iraq")] == [
        "Civilians (Iraq)",
        "Police Forces of Iraq",
    ]


def test_possessives_that_lost_their_apostrophe_still_name_a_side(actors: ActorDictionary) -> None:
    found = actors.find("Syrias army and Assads troops shelled the town.", offset=0, country="Syria")
    assert [(a.text, a.name) for a in found][:2] == [
        ("Syrias army", "Military Forces of Syria"),
        ("Assads troops", "Military Forces of Syria"),
    ]


def test_every_populous_countrys_forces_are_named_from_the_reference_tables(shared_data: Path) -> None:
    actors = ActorDictionary.default(data_dir=shared_data)
    found = actors.find("Azerbaijani forces shelled the town.", country=None)
    assert [(a.text, a.name) for a in found] == [("Azerbaijani forces", "Military Forces of Azerbaijan")]
    # A small territory's name is a word of other names: "New Jersey police" is no state's police.
    names = [a.name for a in actors.find("New Jersey police arrested a man.", country=None)]
    assert "Police Forces of Jersey" not in names


def test_a_nationality_before_and_shares_the_next_actors_noun(actors: ActorDictionary) -> None:
    found = actors.find("Syrian and Russian forces attacked the town.", country=None)
    assert [(a.text, a.name) for a in found] == [
        ("Syrian", "Military Forces of Syria"),
        ("Russian forces", "Military Forces of Russia"),
    ]
    # A state's aircraft named after the country.
    (bombers,) = actors.find("Six long-range bombers from Russia struck the city.", country=None)
    assert bombers.name == "Military Forces of Russia"
    # A group named before "and" stays itself.
    names = [a.name for a in actors.find("Rebels and Russian forces clashed.", country=None)]
    assert names == ["Opposition Rebels (Unknown)", "Military Forces of Russia"]


def test_the_nationality_pattern_is_a_tree_that_matches_each_word_as_written() -> None:
    import re

    from thucydides.extract.actors import trie_pattern

    pattern = re.compile(f"(?:{trie_pattern(['syria', 'syrian', 'u.s.', 'us'])})$", re.IGNORECASE)
    assert all(pattern.match(word) for word in ("Syria", "Syrian", "U.S.", "US"))
    assert not pattern.match("uXsX")  # a dot is a dot
    assert not pattern.match("Syri")
