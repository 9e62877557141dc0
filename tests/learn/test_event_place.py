from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.errors import ResourceError
from thucydides.learn.event_place import EventPlaceModel, candidate_features
from thucydides.learn.train_event_place import Example, examples_of, fit, nearest, spacy_only, top1
from thucydides.nlp.model import load_nlp

pytestmark = pytest.mark.needs_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(DEFAULT_SPACY_MODEL)


@pytest.fixture(scope="module")
def shipped() -> EventPlaceModel:
    return EventPlaceModel.load()


def offsets(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def scores(
    model: EventPlaceModel, nlp: Language, text: str, trigger: str, places: list[str]
) -> dict[str, float]:
    probabilities = model.probabilities(
        nlp(text), offsets(text, trigger), [offsets(text, place) for place in places]
    )
    return dict(zip(places, probabilities, strict=True))


@pytest.mark.parametrize(
    ("text", "trigger", "places", "expected"),
    [
        ("Rebels shelled Aleppo from positions in Idlib.", "shelled", ["Aleppo", "Idlib"], "Aleppo"),
        (
            "BAGHDAD (Reuters) - A car bomb killed five people in Karbala on Monday.",
            "killed",
            ["BAGHDAD", "Karbala"],
            "Karbala",
        ),
        (
            "Syrian troops stormed the village of Kafr Nabl on Tuesday.",
            "stormed",
            ["Syrian", "Kafr Nabl"],
            "Kafr Nabl",
        ),
        (
            "Government aircraft bombed Saraqib, a town in Idlib province, killing seven civilians.",
            "bombed",
            ["Saraqib", "Idlib"],
            "Saraqib",
        ),
        (
            "The Baghdad government said gunmen attacked a checkpoint near Ramadi.",
            "attacked",
            ["Baghdad", "Ramadi"],
            "Ramadi",
        ),
        (
            "A suicide bomber blew himself up at a market in Kandahar, Afghanistan, killing twelve.",
            "blew",
            ["Kandahar", "Afghanistan"],
            "Kandahar",
        ),
        (
            "Fighters who had fled from Mosul attacked Tikrit overnight.",
            "attacked",
            ["Mosul", "Tikrit"],
            "Tikrit",
        ),
        (
            "Police in Lagos arrested twenty protesters who had marched to Abuja.",
            "arrested",
            ["Lagos", "Abuja"],
            "Lagos",
        ),
        (
            "Russian jets struck Douma, in Eastern Ghouta, on Sunday.",
            "struck",
            ["Russian", "Douma", "Eastern Ghouta"],
            "Douma",
        ),
    ],
)
def test_the_event_place_wins(
    shipped: EventPlaceModel, nlp: Language, text: str, trigger: str, places: list[str], expected: str
) -> None:
    probabilities = scores(shipped, nlp, text, trigger, places)
    assert max(probabilities, key=probabilities.__getitem__) == expected
    assert all(0.0 < p < 1.0 for p in probabilities.values())


def test_a_place_that_only_modifies_an_actor_is_unlikely(shipped: EventPlaceModel, nlp: Language) -> None:
    probabilities = scores(
        shipped, nlp, "Syrian troops stormed the village of Kafr Nabl.", "stormed", ["Syrian", "Kafr Nabl"]
    )
    assert probabilities["Syrian"] < 0.5 < probabilities["Kafr Nabl"]


def test_a_sentence_span_and_its_own_doc_score_alike(shipped: EventPlaceModel, nlp: Language) -> None:
    text = "Officials said nothing. Rebels shelled Aleppo from positions in Idlib."
    second = list(nlp(text).sents)[1]
    own = second.text
    trigger, places = offsets(own, "shelled"), [offsets(own, "Aleppo"), offsets(own, "Idlib")]
    from_span = shipped.probabilities(second, trigger, places)
    from_doc = shipped.probabilities(nlp(own), trigger, places)
    assert np.allclose(from_span, from_doc, atol=0.05)
    assert from_span[0] > from_span[1]


def test_no_candidates_and_unaligned_spans(shipped: EventPlaceModel, nlp: Language) -> None:
    doc = nlp("Gunmen attacked a convoy near Kirkuk.")
    assert shipped.probabilities(doc, (7, 15), []) == []
    # An empty or out-of-range span still gets a probability, below a real place's.
    low, good = shipped.probabilities(doc, (7, 15), [(100, 104), (30, 36)])
    assert low < good


def test_explain_lists_each_candidates_features(shipped: EventPlaceModel, nlp: Language) -> None:
    text = "Rebels shelled Aleppo from positions in Idlib."
    parts = shipped.explain(nlp(text), offsets(text, "shelled"), [offsets(text, "Idlib")])
    names = [name for name, _ in parts[0]]
    assert "prep2=from|prep=in" in names or "prep=in" in names
    assert abs(parts[0][0][1]) >= abs(parts[0][-1][1])


def test_features_name_no_place(nlp: Language) -> None:
    text = "Militants attacked a checkpoint near the Tartus port on Friday, outside Homs."
    rows = candidate_features(
        nlp(text), offsets(text, "attacked"), [offsets(text, "Tartus"), offsets(text, "Homs")]
    )
    for row in rows:
        assert not any("tartus" in name.lower() or "homs" in name.lower() for name in row)


def test_a_place_spacy_does_not_type_gets_the_prior_mix(nlp: Language) -> None:
    text = "Jets bombed Qwerzyville overnight."
    prior = {"GPE": 0.5, "LOC": 0.3, "FAC": 0.2}
    [row] = candidate_features(
        nlp(text), offsets(text, "bombed"), [offsets(text, "Qwerzyville")], label_prior=prior
    )
    doc = nlp(text)
    if not any(e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents):
        assert {k: row[k] for k in row if k.startswith("label=")} == {
            "label=GPE": 0.5,
            "label=LOC": 0.3,
            "label=FAC": 0.2,
        }


def written_example(nlp: Language, text: str, trigger: str, gold: str) -> Example:
    doc: Doc = nlp(text)
    spans: list[dict[str, object]] = [
        {
            "label": "VERB",
            "start": offsets(text, trigger)[0],
            "end": offsets(text, trigger)[1],
            "text": trigger,
        },
        {"label": "LOCATION", "start": offsets(text, gold)[0], "end": offsets(text, gold)[1], "text": gold},
    ]
    example = examples_of(doc, spans)
    assert example is not None
    return Example(
        example.text,
        example.trigger,
        example.candidates,
        example.positive,
        example.from_spacy,
        tuple(candidate_features(doc, example.trigger, example.candidates)),
    )


def test_training_candidates_fit_save_and_load(nlp: Language, tmp_path: Path) -> None:
    written = [
        ("Troops from Jordan shelled villages in Lebanon.", "shelled", "Lebanon"),
        ("Gunmen from Somalia attacked a market in Kenya.", "attacked", "Kenya"),
        ("Soldiers based in Germany were ambushed in Afghanistan.", "ambushed", "Afghanistan"),
        ("Rebels from Chad raided a town in Niger.", "raided", "Niger"),
        ("Pilots trained in France bombed targets in Libya.", "bombed", "Libya"),
        ("Fighters from Syria captured a base in Iraq.", "captured", "Iraq"),
    ]
    examples = [written_example(nlp, *row) for row in written]
    assert all(len(e.candidates) == 2 and sum(e.positive) == 1 for e in examples)
    model = fit(examples, {"GPE": 1.0, "LOC": 0.0, "FAC": 0.0}, c=1.0)
    path = tmp_path / "model.npz"
    model.save(path)
    again = EventPlaceModel.load(path)
    assert again.features == model.features
    for e in examples:
        assert np.allclose(again.decision(e.features), model.decision(e.features), atol=1e-5)
    pick = lambda e: int(np.argmax(again.decision(e.features)))  # noqa: E731
    assert top1(examples, pick) == 1.0
    assert top1(examples, lambda e: 0) == 0.0
    assert 0.0 <= top1(examples, nearest) <= 1.0
    assert len(spacy_only(examples)) <= len(examples)


def test_a_gold_span_no_entity_covers_becomes_a_candidate(nlp: Language) -> None:
    text = "Police patrolled the old market of Zanqorra on Sunday."
    doc = nlp(text)
    example = examples_of(
        doc,
        [
            {"label": "VERB", "start": 7, "end": 16, "text": "patrolled"},
            {
                "label": "LOCATION",
                "start": offsets(text, "Zanqorra")[0],
                "end": offsets(text, "Zanqorra")[1],
                "text": "Zanqorra",
            },
            {"label": "LOCATION", "start": 3, "end": 3, "text": ""},  # broken spans are dropped
        ],
    )
    assert example is not None
    assert any(
        c == offsets(text, "Zanqorra") or (c[0] <= offsets(text, "Zanqorra")[0] < c[1])
        for c, p in zip(example.candidates, example.positive, strict=True)
        if p
    )


def test_an_unreadable_model_says_how_to_fix_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(ResourceError, match="train_event_place"):
        EventPlaceModel.load(broken)
    with pytest.raises(ResourceError, match="train_event_place"):
        EventPlaceModel.load(tmp_path / "missing.npz")
