"""The nlp stages together on a whole report (data/report.txt, written for these tests)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from spacy.language import Language

from thucydides.model import Document
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.dates import DateTagger
from thucydides.nlp.quantities import QuantityTagger
from thucydides.pipeline import Pipeline

pytestmark = pytest.mark.needs_model


@pytest.fixture(scope="module")
def annotated(nlp: Language, report: Document) -> Document:
    outcome = Pipeline([Annotator(nlp), QuantityTagger(), DateTagger()]).run_one(report)
    assert outcome.problem is None and outcome.document is not None
    return outcome.document


def test_sentences_cover_the_report_in_order(annotated: Document) -> None:
    sentences = annotated.sentences
    assert [s.text for s in sentences[:2]] == [
        "Regional desk",
        "Frontline Roundup: Government Troops Push Into Eastern Districts",
    ]
    assert all(annotated.text[s.start : s.end] == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)
    assert paragraphs[-1] + 1 == len(re.split(r"\n\s*\n", annotated.text.strip()))
    assert all("\n\n" not in s.text for s in sentences)


def test_every_mention_points_at_its_text_and_sentence(annotated: Document) -> None:
    mentions = [
        *annotated.mentions,
        *(q.mention for q in annotated.quantities),
        *(t.mention for t in annotated.times),
    ]
    assert len(annotated.mentions) > 50
    for mention in mentions:
        assert annotated.text[mention.start : mention.end] == mention.text
        sentence = annotated.sentences[mention.sentence]
        assert sentence.start <= mention.start < sentence.end


def test_casualty_figures_of_the_report(annotated: Document) -> None:
    figures = {(q.mention.text, q.mention.label, q.best, q.high) for q in annotated.quantities}
    assert {
        ("At least 14", "killed:militants", 14, None),
        ("dozens", "injured", 12, 99),
        ("nearly a dozen", "captured:fighters", 9, 11),
        ("scores", "killed:gunmen", 40, 99),
        ("7", "killed:civilians", 7, 7),
        ("4", "killed", 4, 4),
        ("10", "injured", 10, 10),
        ("around two dozen", "injured", 20, 28),
        ("more than 40", "killed:militants", 41, None),
        ("12", "captured:suspects", 12, 12),
        ("6", "killed", 6, 6),
    } <= figures
    tagged = {q.mention.text for q in annotated.quantities}
    assert not {"23", "18", "56", "300", "35", "200", "50", "340"} & tagged  # vehicles, km², mines, kg...


def test_dates_of_the_report(annotated: Document) -> None:
    dates = {(t.mention.text, t.date, t.precision) for t in annotated.times}
    assert {
        ("Tuesday", dt.date(2016, 12, 6), 1),
        ("last night", dt.date(2016, 12, 7), 1),
        ("the past 24 hours", dt.date(2016, 12, 8), 1),
        ("2 November 2016", dt.date(2016, 11, 2), 1),
        ("Last week", dt.date(2016, 12, 1), 2),
        ("last month", dt.date(2016, 11, 15), 3),
        ("28 November", dt.date(2016, 11, 28), 1),
        ("December 15", dt.date(2016, 12, 15), 1),
    } <= dates
