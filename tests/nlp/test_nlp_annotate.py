from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from thucydides.errors import NlpError
from thucydides.model import Document, Mention, MentionKind
from thucydides.nlp.annotate import Annotator, Block, parse_sentences, split_blocks
from thucydides.nlp.dates import DateTagger
from thucydides.nlp.quantities import QuantityTagger
from thucydides.pipeline import Pipeline

HEADLINE_REPORT = (
    "World news\n"
    "Army Retakes Hill Near Border\n"
    "\n"
    "Troops retook a hill near the border on Monday. Two soldiers were wounded.\n"
    "\n\n"
    "The army said the operation was over.  Engineers cleared mines.\n"
)


def blocks_of(text: str) -> list[tuple[str, int]]:
    return [(text[b.start : b.end], b.paragraph) for b in split_blocks(text)]


def test_paragraphs_are_blank_line_separated_and_headline_lines_stand_alone() -> None:
    assert blocks_of(HEADLINE_REPORT) == [
        ("World news", 0),
        ("Army Retakes Hill Near Border", 0),
        ("Troops retook a hill near the border on Monday. Two soldiers were wounded.", 1),
        ("The army said the operation was over.  Engineers cleared mines.", 2),
    ]


def test_a_blank_line_with_spaces_still_separates_paragraphs() -> None:
    text = "First paragraph.\n   \t\nSecond paragraph."
    assert blocks_of(text) == [("First paragraph.", 0), ("Second paragraph.", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled the town\nand the villages around it.",  # next line in lower case
        "Troops shelled the outskirts of\nAleppo and Homs.",  # line ends in a word that cannot end a sentence
        "Troops shelled the towns of Homs,\nHama and Idlib.",  # line ends in a comma
    ],
)
def test_a_wrapped_line_is_not_a_sentence_break(text: str) -> None:
    assert blocks_of(text) == [(text, 0)]


def test_windows_line_ends_and_outer_whitespace_are_kept_out_of_blocks() -> None:
    text = "  Headline here\r\n\r\n Body text.  \r\n"
    assert split_blocks(text) == [Block(2, 15, 0), Block(20, 30, 1)]


def test_an_empty_text_has_no_blocks() -> None:
    assert split_blocks("") == []
    assert split_blocks(" \n\n \n") == []


def test_a_blank_pipeline_splits_with_the_rule_based_sentencizer() -> None:
    doc = Document.from_text(HEADLINE_REPORT, input="test")
    annotated = Annotator(spacy.blank("en"), entities=False)(doc)
    assert [(s.text, s.paragraph) for s in annotated.sentences] == [
        ("World news", 0),
        ("Army Retakes Hill Near Border", 0),
        ("Troops retook a hill near the border on Monday.", 1),
        ("Two soldiers were wounded.", 1),
        ("The army said the operation was over.", 2),
        ("Engineers cleared mines.", 2),
    ]
    assert [s.index for s in annotated.sentences] == list(range(6))
    assert all(doc.text[s.start : s.end] == s.text for s in annotated.sentences)
    assert annotated.mentions == ()


def test_entities_need_a_pipeline_with_ner() -> None:
    with pytest.raises(NlpError, match="entities=False"):
        Annotator(spacy.blank("en"))


@pytest.mark.needs_model
def test_no_sentence_crosses_a_paragraph_break(nlp: Language) -> None:
    text = "Fighting went on in the north\n\nwhere rebels held two villages."
    annotated = Annotator(nlp, entities=False)(Document.from_text(text, input="test"))
    assert [s.text for s in annotated.sentences] == [
        "Fighting went on in the north",
        "where rebels held two villages.",
    ]
    assert [s.paragraph for s in annotated.sentences] == [0, 1]


@pytest.mark.needs_model
def test_entity_mentions_point_into_the_clean_text(nlp: Language) -> None:
    text = (
        "Briefing\n\nSyrian troops entered Damascus on Monday.\n\n"
        "The United Nations called for calm in Aleppo."
    )
    kept = Mention(MentionKind.PLACE, 0, 8, "Briefing", 0)
    doc = Document.from_text(text, input="test", mentions=(kept,))
    annotated = Annotator(nlp)(doc)
    assert annotated.mentions[0] == kept
    entities = annotated.mentions[1:]
    assert all(m.kind is MentionKind.ENTITY and text[m.start : m.end] == m.text for m in entities)
    found = {(m.text, m.label, m.sentence) for m in entities}
    assert {
        ("Damascus", "GPE", 1),
        ("Syrian", "NORP", 1),
        ("Monday", "DATE", 1),
        ("Aleppo", "GPE", 2),
    } <= found
    assert any(m.text.endswith("United Nations") and m.label == "ORG" for m in entities)
    assert Annotator(nlp)(annotated) == annotated  # annotating again replaces, never duplicates


@pytest.mark.needs_model
def test_parse_sentences_parses_only_the_sentences_asked_for(nlp: Language) -> None:
    text = "Rebels shelled the airport. Troops killed 12 militants near the airport. Talks resumed."
    annotator = Annotator(nlp, entities=False)
    doc = annotator(Document.from_text(text, input="test"))
    parsed = annotator.parse_sentences(doc, [1])
    assert len(parsed) == 1 and parsed[0].text == doc.sentences[1].text
    verbs = [t for t in parsed[0] if t.dep_ == "ROOT"]
    assert [t.lemma_ for t in verbs] == ["kill"]
    assert [t.text for t in parsed[0] if t.dep_ == "dobj"] == ["militants"]
    both = parse_sentences(nlp, doc, [2, 0])
    assert [d.text for d in both] == ["Talks resumed.", "Rebels shelled the airport."]
    assert parse_sentences(nlp, doc, []) == []


@pytest.mark.needs_model
def test_parse_sentences_rejects_an_index_out_of_range(nlp: Language) -> None:
    doc = Annotator(nlp, entities=False)(Document.from_text("One sentence only.", input="test"))
    with pytest.raises(NlpError, match="1 sentences"):
        parse_sentences(nlp, doc, [3])


@pytest.mark.needs_model
def test_the_nlp_stages_make_a_valid_pipeline(nlp: Language) -> None:
    pipeline = Pipeline([Annotator(nlp, entities=False), QuantityTagger(), DateTagger()])
    assert [name for name, _, _ in pipeline.describe()] == ["annotate", "quantities", "dates"]
