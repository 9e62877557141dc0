"""Cutting a sentence into action frames: which places each action word takes."""

from __future__ import annotations

from factory import document, place
from thucydides.extract.frames import split_frames
from thucydides.extract.modality import Modality
from thucydides.extract.triggers import Trigger, TriggerCategory
from thucydides.model import Document


def _frames(doc: Document, *words: tuple[str, TriggerCategory]):  # type: ignore[no-untyped-def]
    (sentence,) = doc.sentences
    triggers = []
    for word, category in words:
        start = doc.text.index(word)
        triggers.append((Trigger(category, start, start + len(word), word, 0.7), Modality.ASSERTED))
    return split_frames(sentence, triggers, list(doc.places), [], doc.text, doc.places)


def test_what_an_offensive_targets_after_a_comma_is_where_it_happened() -> None:
    doc = document(
        "The army launched an assault in the Hama countryside on Monday, targeting the village of Souran.",
        places={"Hama": place("Hama", feature="city", gid=5), "Souran": place("Souran", gid=4)},
    )
    (frame,) = _frames(doc, ("assault", TriggerCategory.CLASH), ("targeting", TriggerCategory.TARGET))
    assert [p.mention.text for p in frame.places] == ["Souran"]
    assert frame.head.text == "assault"


def test_it_after_a_word_of_defence_is_the_attack_not_a_place() -> None:
    doc = document("A source said troops had repelled it.", places={})
    (frame,) = _frames(doc, ("repelled", TriggerCategory.DEFEND))
    assert frame.anaphor is None
    (recaptured,) = _frames(
        document("A source said troops had recaptured it.", places={}),
        ("recaptured", TriggerCategory.TERRITORY),
    )
    assert recaptured.anaphor == "it"


def test_a_continent_written_as_an_adjective_yields_to_a_place_after_the_action() -> None:
    doc = document(
        "Asian workers marched through Hong Kong on Saturday.",
        places={
            "Asian": place("Asia", feature="region", cc=None, gid=6),
            "Hong Kong": place("Hong Kong", feature="city", cc="HK", gid=7),
        },
    )
    (frame,) = _frames(doc, ("marched", TriggerCategory.PROTEST))
    assert [p.mention.text for p in frame.places] == ["Hong Kong"]


def test_a_place_named_after_from_and_a_feature_word_is_where_people_came_from() -> None:
    doc = document(
        "A blast hit Rashideen as evacuees from the besieged towns of Souran waited.",
        places={"Rashideen": place("Rashideen", gid=8), "Souran": place("Souran", gid=4)},
    )
    (frame,) = _frames(doc, ("blast", TriggerCategory.EXPLOSIVE))
    assert [p.mention.text for p in frame.places] == ["Rashideen"]


def test_the_home_town_of_a_person_named_with_an_age_is_no_event_place() -> None:
    doc = document(
        "Moussa, 28, of the village of Souran, detonated a bomb in Hass.",
        places={"Souran": place("Souran", gid=4), "Hass": place("Hass", gid=2)},
    )
    (frame,) = _frames(doc, ("detonated", TriggerCategory.EXPLOSIVE))
    assert [p.mention.text for p in frame.places] == ["Hass"]


def test_the_nationality_in_an_armys_name_is_not_where_it_fought() -> None:
    from dataclasses import replace

    from thucydides.extract.actors import ActorMention

    text = "The Syrian Arab Army stormed defences in Souran on Sunday."
    doc = document(
        text,
        places={"Syrian": place("Syria", feature="country", gid=9), "Souran": place("Souran", gid=4)},
    )
    syrian = replace(doc.places[0], mention=replace(doc.places[0].mention, label="demonym"))
    army = ActorMention(4, 20, "Syrian Arab Army", "Military Forces of Syria", "state", "Syria")
    (sentence,) = doc.sentences
    start = text.index("stormed")
    trigger = (Trigger(TriggerCategory.CLASH, start, start + 7, "stormed", 0.7), Modality.ASSERTED)
    (frame,) = split_frames(sentence, [trigger], [syrian, doc.places[1]], [army], text, doc.places)
    assert [p.mention.text for p in frame.places] == ["Souran"]
    # The actor found may be only the last word of the name ("Army").
    army_word = ActorMention(16, 20, "Army", "Military Forces of Syria", "state", "Syria")
    (frame,) = split_frames(sentence, [trigger], [syrian, doc.places[1]], [army_word], text, doc.places)
    assert [p.mention.text for p in frame.places] == ["Souran"]
    # Alone, the country is all the sentence gives.
    alone = "The Syrian Arab Army stormed defences on Sunday."
    (frame,) = split_frames(sentence, [trigger], [syrian], [army], alone, doc.places)
    assert [p.mention.text for p in frame.places] == ["Syrian"]
