from __future__ import annotations

from thucydides.extract.genre import opinion_paragraphs, passage_voice
from thucydides.model import Sentence


def sentences(*paragraphs: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        for part in paragraph.split("|"):
            text = part.strip()
            out.append(Sentence(len(out), offset, offset + len(text), text, number))
            offset += len(text) + 1
    return out


OPINION = (
    "I have walked these streets many times. | Would the city ever be whole again? | "
    "Perhaps it should never have come to this, and we must ask who is to blame. | "
    "Direct clashes could well be a distinct possibility now."
)
NEWS = (
    "Warplanes struck the town of Hass on Monday, killing five people, the monitor said. | "
    "Rebels shelled two districts of the city, state media reported."
)


def test_first_person_questions_and_argument_read_as_opinion() -> None:
    voice = passage_voice(sentences(OPINION))
    assert voice.is_opinion
    assert voice.first_person >= 2 and voice.questions == 1


def test_reported_news_does_not() -> None:
    assert not passage_voice(sentences(NEWS)).is_opinion


def test_only_the_opinion_paragraph_is_held_to_the_higher_bar() -> None:
    assert opinion_paragraphs(sentences(NEWS, OPINION, OPINION)) == frozenset({1, 2})
