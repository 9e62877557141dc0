from __future__ import annotations

from thucydides.extract.reconcile import (
    CATEGORY_OF_TYPE,
    PROPOSE_MARGIN,
    RETYPE_MARGIN,
    VETO_MARGIN,
    model_proposes,
    model_vetoes,
    type_of_frame,
)
from thucydides.model import SentenceType
from thucydides.taxonomy import EVENT_TYPE_OF


def guess(label: str, margin: float) -> SentenceType:
    return SentenceType(0, label, margin, "NONE")


def test_a_sure_model_retypes_a_single_frame() -> None:
    assert (
        type_of_frame("Armed clash", guess("Arrests", RETYPE_MARGIN + 0.1), types_in_sentence=1) == "Arrests"
    )


def test_an_unsure_model_leaves_the_rules_type() -> None:
    assert (
        type_of_frame("Armed clash", guess("Arrests", RETYPE_MARGIN - 0.1), types_in_sentence=1)
        == "Armed clash"
    )


def test_who_took_a_place_is_the_rules_call() -> None:
    sure = guess("Non-state actor overtakes territory", 5.0)
    assert (
        type_of_frame("Government regains territory", sure, types_in_sentence=1)
        == "Government regains territory"
    )


def test_a_sentence_of_several_types_keeps_the_rules_types() -> None:
    assert (
        type_of_frame("Air/drone strike", guess("Armed clash", 5.0), types_in_sentence=2)
        == "Air/drone strike"
    )


def test_no_event_vetoes_only_when_sure() -> None:
    assert model_vetoes(guess("NONE", VETO_MARGIN + 0.1))
    assert not model_vetoes(guess("NONE", VETO_MARGIN - 0.1))
    assert not model_vetoes(guess("Attack", 5.0))
    assert not model_vetoes(None)


def test_the_model_proposes_an_event_only_when_sure() -> None:
    assert model_proposes(guess("Attack", PROPOSE_MARGIN + 0.1)) == "Attack"
    assert model_proposes(guess("Attack", PROPOSE_MARGIN - 0.1)) is None
    assert model_proposes(guess("NONE", 5.0)) is None


def test_every_sub_event_type_has_a_trigger_category() -> None:
    assert set(CATEGORY_OF_TYPE) == set(EVENT_TYPE_OF)


def test_a_short_report_takes_the_models_best_reading() -> None:
    unsure = guess("Attack", PROPOSE_MARGIN / 2)
    assert model_proposes(unsure) is None
    assert model_proposes(unsure, short_report=True) == "Attack"
    assert model_proposes(guess("NONE", 0.1), short_report=True) is None
