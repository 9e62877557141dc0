"""One spaCy model per test session: loading it takes about a second."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.model import Document
from thucydides.nlp.model import load_nlp

REPORT = Path(__file__).parent / "data" / "report.txt"
# The report in data/ is written as if published on a Thursday.
REPORT_PUBLISHED = dt.date(2016, 12, 8)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(DEFAULT_SPACY_MODEL)


@pytest.fixture(scope="session")
def report() -> Document:
    return Document.from_text(REPORT.read_text("utf-8"), input=str(REPORT), published=REPORT_PUBLISHED)
