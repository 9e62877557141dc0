from __future__ import annotations

import pytest

from factory import document, place
from thucydides.extract.actors import ActorMention
from thucydides.extract.crowds import code_crowd
from thucydides.extract.stage import EventExtractor

POLICE = ActorMention(0, 6, "police", "Police Forces of Egypt", "state", None)
RESIDENTS = ActorMention(0, 9, "residents", "Civilians (Egypt)", "civilian", None)


@pytest.mark.parametrize(
    ("categories", "text", "actor", "opponent", "expected"),
    [
        (
            {"protest"},
            "hundreds marched peacefully",
            None,
            None,
            ("Peaceful protest", "Protesters (Egypt)", None),
        ),
        (
            {"protest"},
            "police fired tear gas to disperse demonstrators",
            POLICE,
            None,
            ("Protest with intervention", "Protesters (Egypt)", "Police Forces of Egypt"),
        ),
        (
            {"protest", "kill"},
            "police opened fire on protesters, killing three",
            POLICE,
            None,
            ("Excessive force against protesters", "Police Forces of Egypt", "Protesters (Egypt)"),
        ),
        (
            {"protest"},
            "stone-throwing protesters clashed with police in running battles",
            None,
            None,
            ("Violent demonstration", "Rioters (Egypt)", None),
        ),
        (
            {"protest"},
            "the march turned violent as demonstrators threw objects at officers",
            None,
            None,
            ("Violent demonstration", "Rioters (Egypt)", None),
        ),
        (
            {"protest"},
            "police violently dispersed the protest, wounding dozens",
            POLICE,
            None,
            ("Excessive force against protesters", "Police Forces of Egypt", "Protesters (Egypt)"),
        ),
        (
            {"riot"},
            "an angry mob attacked a church",
            None,
            None,
            ("Mob violence", "Rioters (Egypt)", "Civilians (Egypt)"),
        ),
        (
            {"clash"},
            "residents burned tyres and clashed with police",
            RESIDENTS,
            POLICE,
            ("Violent demonstration", "Rioters (Egypt)", "Police Forces of Egypt"),
        ),
    ],
)
def test_crowds_are_coded_by_what_the_crowd_and_the_state_did(
    categories: set[str],
    text: str,
    actor: ActorMention | None,
    opponent: ActorMention | None,
    expected: tuple[str, str, str | None],
) -> None:
    coding = code_crowd(frozenset(categories), text, actor, opponent, "Egypt")
    assert coding is not None
    assert (coding.sub_event_type, coding.actor1, coding.actor2) == expected


def test_fighting_without_a_crowd_is_not_a_crowd_event() -> None:
    army = ActorMention(0, 4, "army", "Military Forces of Egypt", "state", None)
    assert code_crowd(frozenset({"clash"}), "the army clashed with militants", army, None, "Egypt") is None
    assert code_crowd(frozenset({"clash"}), "heavy clashes erupted", None, None, "Egypt") is None


def test_riot_police_alone_is_no_riot(extractor: EventExtractor) -> None:
    doc = document(
        "In Cairo, riot police fired tear gas to disperse dozens of demonstrators.",
        places={"Cairo": place("Cairo", cc="EG", admin1="Cairo")},
    )
    (event,) = extractor(doc).events
    assert event.sub_event_type == "Protest with intervention"
    assert (event.actor1, event.actor2) == ("Protesters (Egypt)", "Police Forces of Egypt")


def test_civilians_killed_in_fighting_are_its_victims_not_rioters() -> None:
    civilians = ActorMention(6, 15, "civilians", "Civilians (Ukraine)", "civilian", None)
    text = "Seven civilians have been killed in fighting in the east"
    assert code_crowd(frozenset({"kill", "clash"}), text, civilians, None, "Ukraine") is None
