"""The resolver's model: shipped as plain JSON, fitted by a script, scoring as it was fitted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from thucydides.errors import ResourceError
from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.resolve import FEATURES
from thucydides.learn.resolver import ResolverModel
from thucydides.learn.train_resolver import (
    START,
    Gold,
    fit,
    pairs_of,
    rows_of,
    spans_telling_apart,
    start_model,
)
from thucydides.model import Document, Place, Sentence


@pytest.fixture(scope="module")
def shipped() -> ResolverModel:
    return ResolverModel.load()


def test_the_shipped_model_is_plain_json_with_one_weight_per_feature(shipped: ResolverModel) -> None:
    assert shipped.check(FEATURES) is shipped
    text = (Path(__file__).resolve().parents[2] / "src/thucydides/learn/resolver.json").read_text()
    assert list(json.loads(text)["weights"]) == list(FEATURES)


def test_the_shipped_weights_were_fitted_and_say_what_the_facts_say(shipped: ResolverModel) -> None:
    assert "logistic regression" in shipped.about
    weight = dict(zip(shipped.names, shipped.weights, strict=True))
    assert weight["inside_container"] >= 0 >= weight["outside_container"]
    assert weight["focus_country"] + weight["focus_share"] > 0 >= weight["foreign"]
    assert weight["governorate_named"] >= 0 >= weight["other_governorate"]
    assert weight["near_paragraph"] + weight["near_report"] > 0 and weight["population"] > 0
    assert weight["exact"] > weight["close_spelling"]
    assert weight["kind_country"] > weight["kind_village"]


def test_a_model_fitted_on_other_features_is_refused(shipped: ResolverModel) -> None:
    with pytest.raises(ResourceError, match="Retrain"):
        shipped.check((*FEATURES, "something_new"))
    with pytest.raises(ResourceError, match="weights"):
        ResolverModel(names=("a", "b"), weights=(1.0,), intercept=0.0)


def test_a_model_saves_and_loads_the_same(tmp_path: Path) -> None:
    model = ResolverModel(names=("a", "b"), weights=(1.5, -2.0), intercept=0.25, about="test")
    model.save(tmp_path / "m.json")
    loaded = ResolverModel.load(tmp_path / "m.json")
    assert loaded == model
    assert loaded.logit([1.0, 1.0]) == pytest.approx(-0.25)
    assert 0.0 < loaded.probability([0.0, 1.0]) < 0.5 < loaded.probability([1.0, 0.0]) < 1.0
    assert loaded.contributions([2.0, 0.0]) == {"a": 3.0}


def test_an_unreadable_model_says_how_to_fix_it(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ResourceError, match="train_resolver"):
        ResolverModel.load(tmp_path / "bad.json")


def test_fitting_learns_which_feature_marks_the_right_candidate() -> None:
    rng = np.random.default_rng(0)
    rows, labels, groups = [], [], []
    for group in range(60):
        for right in (1, 0, 0):
            values = rng.random(len(FEATURES)) * 0.2
            values[FEATURES.index("inside_container")] = float(right)
            rows.append(values)
            labels.append(right)
            groups.append(group)
    x, y, g = np.array(rows), np.array(labels), np.array(groups)
    weights = np.where(y == 1, 0.5, 0.25)
    for pairwise in (False, True):
        model = fit(x, y, weights, g, pairwise=pairwise)
        learned = dict(zip(model.names, model.weights, strict=True))
        assert learned["inside_container"] == max(learned.values())
    _, py, pw = pairs_of(x, y, g)
    assert len(py) == 60 * 2 * 2 and pw.sum() == pytest.approx(60)


def test_a_feature_the_data_never_vary_keeps_its_hand_set_weight() -> None:
    rng = np.random.default_rng(1)
    x = rng.random((90, len(FEATURES))) * 0.2
    alias = FEATURES.index("alias")
    x[:, alias] = 0.0  # no span of the data has a name in brackets
    y = np.array([1, 0, 0] * 30)
    groups = np.repeat(np.arange(30), 3)
    x[:, FEATURES.index("inside_container")] = y
    counts = spans_telling_apart(x, groups)
    assert counts[alias] == 0 and counts[FEATURES.index("inside_container")] == 30
    model = fit(x, y, np.ones(90), groups, pairwise=True)
    assert dict(zip(model.names, model.weights, strict=True))["alias"] == START["alias"]


def test_training_rows_come_from_the_spans_that_overlap_gold() -> None:
    places = [
        Place("ly", "Tripoli", "city", "LY", 32.89, 13.19, population=1_150_000, names=("Tripoli",)),
        Place("lb", "Tripoli", "city", "LB", 34.44, 35.85, population=230_000, names=("Tripoli",)),
        Place("lbn", "Lebanon", "country", "LB", 33.9, 35.9, population=6_000_000, names=("Lebanon",)),
    ]
    text = "Clashes spread from Tripoli to the south of Lebanon."
    doc = Document.from_text(text, input="t.txt", sentences=(Sentence(0, 0, len(text), text, 0),))
    start = text.index("Tripoli")
    gold = [Gold(start, start + 7, 34.44, 35.85)]  # the Lebanese city
    geoparser = Geoparser(Gazetteer(places), model=start_model())
    x, y, w, groups = rows_of(geoparser, [("1", doc, gold)])
    assert x.shape == (2, len(FEATURES))  # the two Tripolis; "Lebanon" has no gold
    assert list(y) == [1, 0] or list(y) == [0, 1]
    assert w.sum() == pytest.approx(1.0)
    assert set(groups) == {1}
