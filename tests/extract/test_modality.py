from __future__ import annotations

import pytest
from spacy.language import Language

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.extract.modality import Modality, modality_of, parsed_modality
from thucydides.nlp.model import load_nlp


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


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(DEFAULT_SPACY_MODEL)


def parsed_at(nlp: Language, sentence: str, word: str, *, main: bool = False) -> Modality:
    start = sentence.index(word)
    return parsed_modality(nlp(sentence), start, start + len(word), main=main)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The army is preparing to recapture the town.", "recapture"),
        ("Rebels vowed to attack the airport.", "attack"),
        ("Turkish forces will strike the border villages.", "strike"),
        ("The ministry denied that its jets bombed the market.", "bombed"),
        ("The governor warned of new attacks on the city.", "attacks"),
        ("Troops did not shell the camp on Sunday.", "shell"),
        ("If rebels attack the base, the army will respond.", "attack"),
        ("Did the militia storm the village?", "storm"),
        ("Fighters were sent north for the upcoming offensive.", "offensive"),
        ("A planned assault on the port was delayed.", "assault"),
        ("Reinforcements arrived to retake the hill.", "retake"),
        ("The group threatened an attack on the capital.", "attack"),
        ("Evacuees waited on the road to regime-controlled Aleppo.", "controlled"),
        ("The two governments declared a pause in strikes on the city.", "strikes"),
    ],
)
def test_the_parse_finds_plans_threats_denials_conditions_and_questions(
    nlp: Language, sentence: str, word: str
) -> None:
    assert parsed_at(nlp, sentence, word) is Modality.NOT_ASSERTED


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The army recaptured the town on Monday.", "recaptured"),
        ("Troops managed to liberate the village after clashes.", "liberate"),
        ("The army said rebels attacked a checkpoint.", "attacked"),
        ("Warplanes pounded rebel positions, and troops will hold the hill.", "pounded"),
        ("Two soldiers were killed in an attack on a checkpoint.", "attack"),
        ("The commander, who will retire next year, led the assault on the town.", "assault"),
        ("Rebels were able to capture the crossing.", "capture"),
    ],
)
def test_the_parse_keeps_reported_facts(nlp: Language, sentence: str, word: str) -> None:
    assert parsed_at(nlp, sentence, word) is Modality.ASSERTED


def test_a_main_verb_of_planning_is_itself_no_event(nlp: Language) -> None:
    sentence = "The army is preparing a new round of operations in the south."
    assert parsed_at(nlp, sentence, "preparing", main=True) is Modality.NOT_ASSERTED
    assert parsed_at(nlp, "The army shelled the south.", "shelled", main=True) is Modality.ASSERTED


def test_an_operation_begun_reads_the_same_with_a_parse(nlp: Language) -> None:
    sentence = "Government troops began a large operation to retake the hills."
    assert parsed_at(nlp, sentence, "retake") is Modality.OPERATION_BEGUN
