"""Gold locations found and placed within 161 km, with the full gazetteer and the real sentence splitter.

Floors, not targets: they catch regressions. The figures are printed (run with ``-s``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.evaluate import LocationScore, location_score
from thucydides.model import Document
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.model import load_nlp

pytestmark = [pytest.mark.needs_data, pytest.mark.needs_model]
OWN_GOLD = Path(__file__).resolve().parents[1] / "eval"


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator(load_nlp(DEFAULT_SPACY_MODEL), entities=False)


def score(path: Path, annotator: Annotator, gazetteer: Gazetteer) -> LocationScore:
    doc = Geoparser(gazetteer)(annotator(Document.from_text(path.read_text("utf-8"), input=str(path))))
    gold = [
        json.loads(row) for row in path.with_name(path.stem + ".gold.jsonl").read_text("utf-8").splitlines()
    ]
    result = location_score(doc, gold)
    print(
        f"{path.name}: {result.placed}/{result.total} placed ({result.fraction:.2f}); missed {result.missed}"
    )
    return result


def test_own_gold_reports(annotator: Annotator, full_gazetteer: Gazetteer) -> None:
    results = [score(path, annotator, full_gazetteer) for path in sorted(OWN_GOLD.glob("*.txt"))]
    placed, total = sum(r.placed for r in results), sum(r.total for r in results)
    assert total and placed / total >= 0.8


def test_shared_example(annotator: Annotator, full_gazetteer: Gazetteer, shared_examples: Path) -> None:
    assert score(shared_examples / "seed-2016-12-08.txt", annotator, full_gazetteer).fraction >= 0.5
