from __future__ import annotations

from thucydides.learn.stage import SentenceTyper
from thucydides.learn.subevent import SubEventModel
from thucydides.model import Document, Sentence


def test_every_sentence_gets_the_models_reading() -> None:
    text = "Warplanes bombed the town of Kafr Nabl. The minister opened a new school."
    first_end = text.index(".") + 1
    doc = Document.from_text(text, input="t.txt")
    doc = Document(
        id=doc.id,
        text=text,
        input="t.txt",
        sentences=(
            Sentence(0, 0, first_end, text[:first_end], 0),
            Sentence(1, first_end + 1, len(text), text[first_end + 1 :], 0),
        ),
    )
    typed = SentenceTyper(SubEventModel.load())(doc)
    assert [t.sentence for t in typed.sentence_types] == [0, 1]
    assert typed.sentence_types[0].label == "Air/drone strike"
    assert typed.sentence_types[1].label == "NONE"
