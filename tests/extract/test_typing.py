from __future__ import annotations

from thucydides.extract.actors import ActorMention
from thucydides.extract.modality import Modality
from thucydides.extract.triggers import TriggerCategory, TriggerLexicon
from thucydides.extract.typing import sub_event_type

ARMY = ActorMention(0, 4, "army", "Military Forces of Syria", "state", "Syria")
JETS = ActorMention(0, 4, "jets", "Military Forces of Syria", "state_air", "Syria")
REBELS = ActorMention(0, 6, "rebels", "Opposition Rebels (Syria)", "generic_armed", None)
CIVILIANS = ActorMention(0, 9, "civilians", "Civilians (Syria)", "civilian", None)


def typed(
    category: str,
    *,
    means: set[str] | None = None,
    actor1: ActorMention | None = ARMY,
    actor2: ActorMention | None = REBELS,
    modality: Modality = Modality.ASSERTED,
) -> str | None:
    return sub_event_type(category, modality=modality, means=means or set(), actor1=actor1, actor2=actor2)


def test_territory_depends_on_who_took_it() -> None:
    assert typed("territory") == "Government regains territory"
    assert typed("territory", actor1=REBELS) == "Non-state actor overtakes territory"
    assert typed("territory", modality=Modality.OPERATION_BEGUN) == "Armed clash"


def test_means_decide_remote_violence() -> None:
    assert typed("target", actor1=JETS) == "Air/drone strike"
    assert typed("attack", means={"air"}) == "Air/drone strike"
    assert typed("target", means={"artillery"}) == "Shelling/artillery/missile attack"
    assert typed("attack", means={"explosive"}) == "Remote explosive/landmine/IED"
    assert typed("target") == "Shelling/artillery/missile attack"
    assert typed("attack") == "Armed clash"
    # A grenade is its own sub-type, thrown or set off.
    assert typed("attack", means={"grenade", "explosive"}) == "Grenade"
    assert typed("explosive", means={"grenade"}) == "Grenade"
    assert typed("explosive") == "Remote explosive/landmine/IED"


def test_violence_against_civilians_and_bare_death_tolls() -> None:
    assert typed("attack", actor2=CIVILIANS) == "Attack"
    assert typed("kill", actor2=CIVILIANS) == "Attack"
    assert typed("kill", actor1=None, actor2=None) is None
    assert typed("kill", actor2=None) is None


def test_strategic_developments() -> None:
    assert typed("arrest") == "Arrests"
    assert typed("agreement") == "Agreement"
    assert typed("withdraw") == "Non-violent transfer of territory"
    assert typed("surrender") == "Change to group/activity"
    assert typed("disrupt") == "Disrupted weapons use"


def test_weapons_found_or_made_safe_are_disrupted_weapons_use() -> None:
    from thucydides.extract.triggers import TriggerCategory, TriggerLexicon

    lexicon = TriggerLexicon.default()
    for text in (
        "Engineers defused a roadside bomb.",
        "Police seized 200 rifles and explosives at the port.",
        "Two explosive devices were found near the school.",
    ):
        assert TriggerCategory.DISRUPT in {t.category for t in lexicon.find(text)}, text
    assert TriggerCategory.DISRUPT not in {t.category for t in lexicon.find("Rebels seized the town.")}


def test_trigger_categories_are_a_closed_set() -> None:
    import pytest

    from thucydides.errors import ResourceError
    from thucydides.extract.triggers import TriggerCategory, TriggerLexicon

    lexicon = TriggerLexicon.default()
    assert {t.category for t in lexicon.find("Rebels shelled and captured the town.")} <= set(TriggerCategory)
    with pytest.raises(ResourceError, match="unknown categories skirmish"):
        TriggerLexicon([{"category": "skirmish", "pattern": "x", "strength": "0.5"}], [])


def test_a_killing_between_two_armed_sides_the_text_names_is_fighting() -> None:
    taliban = ActorMention(0, 7, "Taliban", "Taliban", "rebel", None)
    kill = {"modality": Modality.ASSERTED, "means": set()}
    assert sub_event_type("kill", actor1=taliban, actor2=ARMY, **kill) == "Armed clash"  # type: ignore[arg-type]
    unnamed = ActorMention(0, 0, "", "Unidentified Armed Group (Syria)", "unknown", None)
    assert sub_event_type("kill", actor1=unnamed, actor2=ARMY, **kill) is None  # type: ignore[arg-type]


def test_means_and_action_words_of_wire_copy(lexicon: TriggerLexicon) -> None:
    assert lexicon.means("A soldier was killed by a mine in Helmand") == {"explosive"}
    assert lexicon.means("NATO planes bombed the depots") == {"air"}
    assert [t.category for t in lexicon.find("A Marine was killed in combat on Saturday")] == [
        TriggerCategory.KILL,
        TriggerCategory.CLASH,
    ]
    assert lexicon.find("The White House announced sanctions targeting Russia") == []
    assert [t.category for t in lexicon.find("Gunmen opened fire on a plane")] == [TriggerCategory.ATTACK]
    assert [t.category for t in lexicon.find("Forces wrested control of a camp")] == [
        TriggerCategory.TERRITORY
    ]
    # Downing an aircraft is fighting between armed sides; a shooting that wounds is an attack.
    assert [t.category for t in lexicon.find("Rebels shot down a jet and battled troops")] == [
        TriggerCategory.CLASH,
        TriggerCategory.CLASH,
    ]
    assert [t.category for t in lexicon.find("A teacher was shot in the head")] == [TriggerCategory.ATTACK]
    assert [t.category for t in lexicon.find("Gunmen shot and wounded a man")] == [TriggerCategory.ATTACK]
    assert [t.category for t in lexicon.find("A guard was shot by a sniper")] == [TriggerCategory.ATTACK]
    assert lexicon.find("The film was shot in Beirut") == []
    assert [t.category for t in lexicon.find("The SDF advanced inside the town")] == [TriggerCategory.CLASH]
    assert lexicon.find("The talks advanced slowly") == []
    assert [t.category for t in lexicon.find("Militants lobbed a grenade at a post")] == [
        TriggerCategory.EXPLOSIVE
    ]
    assert lexicon.means("a hand grenade went off") == {"grenade"}
    assert [t.category for t in lexicon.find("a prisoner swap near Donetsk")] == [TriggerCategory.AGREEMENT]
    assert [t.category for t in lexicon.find("The army has deployed troops near the border")] == [
        TriggerCategory.REINFORCE
    ]
    assert [t.category for t in lexicon.find("Soldiers raped and sexually abused women")] == [
        TriggerCategory.SEXUAL,
        TriggerCategory.SEXUAL,
    ]
    assert [t.category for t in lexicon.find("Rebels managed to capture the town")] == [
        TriggerCategory.TERRITORY
    ]


def test_actions_in_progress_and_destroyed_property_are_action_words() -> None:
    lexicon = TriggerLexicon.default()

    def categories(text: str) -> set[TriggerCategory]:
        return {t.category for t in lexicon.find(text)}

    assert TriggerCategory.ARREST in categories("Police are arresting the wounded at the clinic.")
    assert TriggerCategory.ATTACK in categories("Security forces are raiding a hospital.")
    assert TriggerCategory.LOOTING in categories("Troops destroyed the one-story house of a militant.")
    assert TriggerCategory.LOOTING in categories("Bulldozers razed three shops.")
    # Destroyed, but nothing of anyone's property: no looting.
    assert TriggerCategory.LOOTING not in categories("Jets destroyed an ammunition depot.")


def test_sanctions_and_words_in_their_figurative_sense_are_no_action_words() -> None:
    lexicon = TriggerLexicon.default()

    def categories(text: str) -> set[TriggerCategory]:
        return {t.category for t in lexicon.find(text)}

    assert not categories("The government targeted the bank with sweeping sanctions.")
    assert not categories("The ministry strikes back at critics.")
    assert TriggerCategory.TARGET in categories("Jets targeted rebel positions with rockets.")
    assert TriggerCategory.DISRUPT in categories("Troops destroyed a roadside improvised explosive device.")
    assert TriggerCategory.SUICIDE in categories("Two kamikazes went off near a market.")
    # Confiscating is disrupted weapons use only when weapons are confiscated.
    assert TriggerCategory.DISRUPT not in categories("Customs confiscated 40 tons of counterfeit cosmetics.")
    assert TriggerCategory.DISRUPT in categories("Police confiscated a large number of weapons.")
