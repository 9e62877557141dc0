from __future__ import annotations

import pytest
from spacy.language import Language

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.extract.actors import ActorMention
from thucydides.extract.syntax import SyntacticRoles, same_clause, syntactic_roles
from thucydides.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(DEFAULT_SPACY_MODEL)


def roles(nlp: Language, text: str, trigger: str, actors: list[str]) -> SyntacticRoles:
    start = text.index(trigger)
    mentions = [ActorMention(text.index(a), text.index(a) + len(a), a, a, "armed", None) for a in actors]
    return syntactic_roles(nlp(text), 0, (start, start + len(trigger)), mentions)


def names(found: tuple[ActorMention, ...]) -> list[str]:
    return [a.text for a in found]


def test_the_subject_of_a_passive_undergoes_the_action(nlp: Language) -> None:
    found = roles(nlp, "Nineteen men from the tribe were executed by Islamic State militants.", "executed",
                  ["men", "Islamic State militants"])  # fmt: skip
    assert names(found.agents) == ["Islamic State militants"]
    assert names(found.patients) == ["men"]


def test_a_participle_describes_its_victims(nlp: Language) -> None:
    found = roles(nlp, "Civilians killed by regime forces were buried on Monday.", "killed",
                  ["Civilians", "regime forces"])  # fmt: skip
    assert names(found.patients) == ["Civilians"]
    assert names(found.agents) == ["regime forces"]


def test_the_object_and_a_word_inside_it_are_acted_upon(nlp: Language) -> None:
    found = roles(nlp, "The army shelled rebel positions in Douma.", "shelled", ["army", "rebel"])
    assert (names(found.agents), names(found.patients)) == (["army"], ["rebel"])


def test_a_light_verb_carries_an_action_noun(nlp: Language) -> None:
    found = roles(nlp, "ISIS launched an attack on army positions near Palmyra.", "attack", ["ISIS", "army"])
    assert (names(found.agents), names(found.patients)) == (["ISIS"], ["army"])


def test_the_target_of_a_relative_clause_is_no_perpetrator(nlp: Language) -> None:
    text = "At least 17 people were killed by suicide bombings that targeted a police station in Midan."
    found = roles(nlp, text, "targeted", ["police"])
    assert found.is_patient(found.patients[0])
    assert names(found.agents) == []


def test_a_far_time_in_a_relative_clause_is_not_the_actions(nlp: Language) -> None:
    text = "Police arrested the activist, who led protests five years ago, on Thursday."
    parsed = nlp(text)
    far = (text.index("five years ago"), text.index("five years ago") + len("five years ago"))
    arrested = (text.index("arrested"), text.index("arrested") + len("arrested"))
    led = (text.index("led"), text.index("led") + 3)
    assert not same_clause(parsed, far, arrested)
    assert same_clause(parsed, far, led)


def test_a_far_time_of_the_action_itself_is_its_clause(nlp: Language) -> None:
    text = "Kurdish forces captured the town from the militants in 2014."
    parsed = nlp(text)
    year = (text.index("in 2014"), text.index("in 2014") + len("in 2014"))
    captured = (text.index("captured"), text.index("captured") + len("captured"))
    assert same_clause(parsed, year, captured)


def test_the_actor_after_a_partitive_of_is_the_phrases_actor(nlp: Language) -> None:
    found = roles(nlp, "Hundreds of ISIS fighters stormed the army's positions.", "stormed",
                  ["ISIS fighters", "army"])  # fmt: skip
    assert names(found.agents) == ["ISIS fighters"]
    # "Positions of the army": what is attacked, not who attacks.
    found = roles(nlp, "Rebels shelled positions of the army near the town.", "shelled", ["Rebels", "army"])
    assert names(found.agents) == ["Rebels"]


def test_a_passive_of_engagement_has_its_subject_act(nlp: Language) -> None:
    found = roles(nlp, "The army's brigade is engaged in a fierce battle with the rebels.", "engaged",
                  ["army", "rebels"])  # fmt: skip
    assert names(found.agents) == ["army"]
