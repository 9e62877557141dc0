from __future__ import annotations

import pytest

from thucydides.extract.claims import claimant


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jets struck the town, military sources said.", "military source"),
        ("A field source said that the army entered the village.", "field source"),
        ("Ten civilians died, according to the Syrian Observatory for Human Rights.", "SOHR"),
        ("Some reports said clashes continued overnight.", "unnamed reports"),
        ("Activists said the market was shelled.", "activists"),
        ("Three soldiers were wounded, the interior ministry said.", "official statement"),
        ("The army shelled the town.", None),
    ],
)
def test_claimant_labels(sentence: str, expected: str | None) -> None:
    assert claimant(sentence, previous=None) == expected


def test_back_reference_takes_the_last_claimant_of_the_paragraph() -> None:
    assert claimant("According to the sources, the road was cut.", previous="field source") == "field source"
    assert claimant("The source added that two tanks were destroyed.", previous="military source") == (
        "military source"
    )


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Shells hit the market, killing six, an army officer said.", "military source"),
        (
            "Eleven people were executed, according to the Local Coordination Committees.",
            "Local Coordination Committees",
        ),
        ("Jets struck Jobar before the truce, the Observatory said.", "SOHR"),
        ("Police detained 11 people in raids, the state-run news agency said.", "state media"),
        ("A mob attacked a shop, police said.", "police source"),
    ],
)
def test_speakers_named_at_the_end_of_a_sentence(sentence: str, label: str) -> None:
    assert claimant(sentence, previous=None) == label
