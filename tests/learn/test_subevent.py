from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from thucydides.errors import ResourceError
from thucydides.learn.subevent import NO_EVENT, SubEventModel
from thucydides.learn.train_subevent import fit, weighted_f1
from thucydides.taxonomy import EVENT_TYPE_OF


@pytest.fixture(scope="module")
def shipped() -> SubEventModel:
    return SubEventModel.load()


def test_the_shipped_model_loads_offline_and_knows_the_taxonomy(shipped: SubEventModel) -> None:
    assert set(shipped.labels) <= set(EVENT_TYPE_OF) | {NO_EVENT}
    assert NO_EVENT in shipped.labels
    assert len(shipped.labels) >= 20


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thousands of students marched peacefully through the capital demanding reforms.",
            "Peaceful protest",
        ),
        (
            "A roadside bomb exploded next to an army patrol, killing two soldiers.",
            "Remote explosive/landmine/IED",
        ),
        ("Police arrested twelve opposition activists during a raid on their office.", "Arrests"),
        (
            "Government warplanes carried out air strikes on the village, killing five civilians.",
            "Air/drone strike",
        ),
        ("The foreign ministers met in Geneva to discuss trade and tourism.", NO_EVENT),
    ],
)
def test_clear_sentences_get_their_type(shipped: SubEventModel, sentence: str, expected: str) -> None:
    assert shipped.guess([sentence])[0].label == expected


def test_a_guess_says_how_sure_it_is(shipped: SubEventModel) -> None:
    guess = shipped.guess(["A suicide bomber blew himself up at a checkpoint, killing nine people."])[0]
    assert guess.margin > 0
    assert guess.runner_up != guess.label
    assert shipped.guess([]) == []


def test_fit_save_and_load_give_the_same_decisions(tmp_path: Path) -> None:
    texts = [
        "Rebels and the army fought in the town.",
        "Clashes erupted between militants and troops.",
        "Protesters marched in the square.",
        "Hundreds rallied peacefully outside parliament.",
        "The minister visited the harbour.",
        "The president met the ambassador.",
    ] * 2
    labels = ["Armed clash", "Armed clash", "Peaceful protest", "Peaceful protest", NO_EVENT, NO_EVENT] * 2
    model = fit(texts, labels)
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = SubEventModel.load(path)
    sample = ["Troops fought militants near the bridge.", "Crowds marched to the square."]
    assert np.allclose(model.decision(sample), loaded.decision(sample), atol=1e-2)
    assert [g.label for g in loaded.guess(sample)] == ["Armed clash", "Peaceful protest"]


def test_an_unreadable_model_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(ResourceError, match="retrain it"):
        SubEventModel.load(path)


def test_weighted_f1_matches_the_shared_scorer_definition() -> None:
    gold = ["A", "A", "B", "NONE"]
    predicted = ["A", "B", "B", "NONE"]
    # A: tp1 fp0 fn1 -> 2/3; B: tp1 fp1 fn0 -> 2/3; NONE: 1; weights 2/4, 1/4, 1/4
    assert weighted_f1(gold, predicted) == pytest.approx(0.5 * 2 / 3 + 0.25 * 2 / 3 + 0.25)
