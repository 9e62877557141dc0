from __future__ import annotations

import pytest

from factory import document, place
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.cues import is_attribution, not_an_event_place, unopposed


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("Gunmen attacked a shop, police said.", "police", True),
        ("Jets struck Hish, the army said in a statement.", "army", True),
        ("In Sidon, police fired tear gas at the crowd.", "police", False),
    ],
)
def test_a_speaker_at_the_end_is_no_side(
    actors: ActorDictionary, text: str, speaker: str, expected: bool
) -> None:
    (mention,) = [m for m in actors.find(text, country="Lebanon") if speaker in m.text.lower()]
    assert is_attribution(text, mention, 0) is expected


def test_a_dateline_is_no_event_place() -> None:
    doc = document(
        "BEIRUT (Test Wire) - Jets struck Hish.", places={"BEIRUT": place("Beirut"), "Hish": place("Hish")}
    )
    dateline, town = doc.places
    assert not_an_event_place(doc, doc.sentences[0], dateline, [])
    assert not not_an_event_place(doc, doc.sentences[0], town, [])


def test_a_take_over_without_resistance_said_in_the_next_sentence() -> None:
    doc = document("Kurdish forces took over Kirkuk. They met no resistance.\n\nLater, fighting resumed.")
    assert unopposed(doc, doc.sentences[0])
    assert not unopposed(doc, doc.sentences[2])
