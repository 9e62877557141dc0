from __future__ import annotations

from spacy.language import Language

from thucydides.model import Document
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.title import title_end

RUN_IN = (
    "12 March 2019 Shelling kills two in Kafr Nabl Shells fired on Kafr Nabl on Tuesday killed two "
    "farmers, a monitor said. Rescuers searched the rubble."
)
TITLE = "Shelling kills two in Kafr Nabl"


def test_the_title_is_found_where_the_text_repeats_it_whatever_the_punctuation() -> None:
    assert title_end(RUN_IN, TITLE) == RUN_IN.index(" Shells")
    assert title_end("Jets hit Idlib, rescuers say. More text.", "Jets hit Idlib rescuers say") is not None
    assert title_end(RUN_IN, "Rain in Paris") is None
    assert title_end(RUN_IN, None) is None
    assert title_end(RUN_IN, "Two") is None  # too short to tell


def test_a_title_run_into_the_first_sentence_becomes_a_sentence_of_its_own(nlp: Language) -> None:
    doc = Annotator(nlp, entities=False)(Document.from_text(RUN_IN, input="t.txt", title=TITLE))
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "12 March 2019 Shelling kills two in Kafr Nabl"
    assert texts[1].startswith("Shells fired on Kafr Nabl on Tuesday")
    assert [s.index for s in doc.sentences] == list(range(len(texts)))


def test_without_a_title_the_sentences_are_the_splitters(nlp: Language) -> None:
    plain = Annotator(nlp, entities=False)(Document.from_text(RUN_IN, input="t.txt"))
    assert plain.sentences[0].text.startswith("12 March 2019 Shelling kills two")
    assert "Shells fired" in plain.sentences[0].text
