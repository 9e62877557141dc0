from __future__ import annotations

import pytest

from thucydides.extract.modality import Modality, modality_of


def at(sentence: str, word: str) -> Modality:
    return modality_of(sentence, sentence.index(word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The army is preparing to recapture the town.", "recapture"),
        ("Rebels vowed to attack the airport.", "attack"),
        ("The militants threatened to shell the city.", "shell"),
        ("Turkish forces will strike the border villages.", "strike"),
        ("The offensive would target the supply road.", "target"),
        ("The ministry denied that its jets bombed the market.", "bombed"),
        ("Officials said they plan to retake the district.", "retake"),
        ("It is not clear whether the army shelled the camp.", "shelled"),
        ("They continue the operation to recapture the last neighbourhoods.", "recapture"),
    ],
)
def test_plans_threats_denials_and_purposes_are_not_asserted(sentence: str, word: str) -> None:
    assert at(sentence, word) is Modality.NOT_ASSERTED


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The army recaptured the town on Monday.", "recaptured"),
        ("Troops managed to liberate the village after clashes.", "liberate"),
        ("Warplanes pounded rebel positions, and troops will hold the hill.", "pounded"),
        ("The police arrested five men.", "arrested"),
    ],
)
def test_reported_facts_are_asserted(sentence: str, word: str) -> None:
    assert at(sentence, word) is Modality.ASSERTED


def test_an_operation_begun_to_capture_is_fighting_not_a_capture() -> None:
    sentence = "Government troops began a large operation to retake the hills."
    assert at(sentence, "retake") is Modality.OPERATION_BEGUN
