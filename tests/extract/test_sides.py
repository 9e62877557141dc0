"""The side rules applied after the roles are read (``extract/sides.py``), one test each."""

from __future__ import annotations

from thucydides.extract.actors import ActorMention
from thucydides.extract.roles import Roles
from thucydides.extract.sides import (
    civilians_are_victims,
    detained_side,
    holder_after_withdrawal,
    other_party,
    unnamed_perpetrator,
)

ARMY = ActorMention(0, 4, "army", "Military Forces of Syria", "state", "Syria")
REBELS = ActorMention(10, 16, "rebels", "Opposition Rebels (Syria)", "generic_armed", None)
PEOPLE = ActorMention(20, 26, "people", "Civilians (Syria)", "civilian", None)


def test_civilians_are_the_victims_of_bombs_not_their_perpetrators() -> None:
    roles = Roles(actor1=PEOPLE, assoc=None, actor2=None, subject=PEOPLE, explicit=True)
    fixed = civilians_are_victims(roles, "explosive")
    assert (fixed.actor1, fixed.actor2, fixed.explicit) == (None, PEOPLE, False)
    assert civilians_are_victims(roles, "protest") is roles


def test_an_unnamed_perpetrator_of_a_killing_is_an_unidentified_group() -> None:
    found = unnamed_perpetrator(None, "kill", forced=False, focus="Syria")
    assert found is not None and found.name == "Unidentified Armed Group (Syria)"
    assert unnamed_perpetrator(None, "protest", forced=True, focus="Syria") is None
    assert unnamed_perpetrator(ARMY, "kill", forced=False, focus="Syria") is ARMY


def test_those_detained_are_civilians_unless_armed() -> None:
    assert detained_side("arrest", None, None, "Syria") == "Civilians (Syria)"
    assert detained_side("arrest", REBELS, REBELS.name, "Syria") == REBELS.name
    assert detained_side("clash", None, None, "Syria") is None


def test_after_a_withdrawal_the_side_left_holding_the_place_is_actor1() -> None:
    actor1, actor2, actor2_name, assoc = holder_after_withdrawal(
        "withdraw", "Non-violent transfer of territory", ARMY, None, REBELS.name, "X"
    )
    assert (actor1.name, actor2, actor2_name, assoc) == (REBELS.name, None, ARMY.name, None)


def test_the_other_party_of_an_agreement_is_no_associate() -> None:
    assert other_party("agreement", "Turkey; Russia", "Russia") == "Turkey"
    assert other_party("clash", "Turkey; Russia", "Russia") == "Turkey; Russia"
