"""The coding rules that settle an event's sides after the roles are read, in the order applied.

``extract/roles.py`` reads who acts and who undergoes from the text; these rules then apply
ACLED's conventions, each in a function of its own (``extract/stage.py`` calls them in this
order):

1. ``civilians_are_victims``: civilians are never the perpetrators of bombs, strikes or gas;
2. ``bomb_owner``: a bomb names its owner ("a suicide bomber of the Islamic State") or none;
3. ``unnamed_perpetrator``: a killing, a strike or a bomb whose perpetrator the text does not
   name is an ``Unidentified Armed Group``;
4. ``detained_side``: those arrested or abducted are civilians unless the text names an armed side;
5. ``holder_after_withdrawal``: "the army withdrew from X" makes the side left holding X actor1;
6. ``other_party``: in an agreement the other party is actor2, not also an associate.
"""

from __future__ import annotations

import dataclasses
import re

from thucydides.extract.actors import ActorMention
from thucydides.extract.assemble import unnamed
from thucydides.extract.frames import Frame
from thucydides.extract.roles import Roles

# Action words whose actor1 is never a civilian: civilians are the victims of bombs and strikes.
VIOLENT_CATEGORIES = frozenset({"explosive", "suicide", "chemical", "target", "sexual"})
# Action words whose perpetrator may go unnamed ("were shot dead", "a shell hit the market").
UNNAMED_PERPETRATOR_CATEGORIES = frozenset({"kill", "target", "explosive", "chemical", "sexual"})
# Action words under which a crowd may be what the sentence reports.
CROWD_CATEGORIES = frozenset({"protest", "riot", "clash", "attack"})
# Action words that name no side acted upon unless the text does.
NO_DEFAULT_OPPONENT = frozenset({"reinforce", "surrender", "base", "disrupt"})

_OWNER_GAP = re.compile(r"^\s+(?:of|from|belonging to)\s+(?:the\s+)?$", re.IGNORECASE)


def civilians_are_victims(roles: Roles, category: str) -> Roles:
    """ "The death of two dozen people when a car bomb exploded": civilians are victims, not bombers."""
    actor1 = roles.actor1
    if actor1 is not None and actor1.kind == "civilian" and category in VIOLENT_CATEGORIES:
        return dataclasses.replace(roles, actor1=None, actor2=roles.actor2 or actor1, explicit=False)
    return roles


def bomb_owner(
    frame: Frame, text: str, roles: Roles, actor1: ActorMention | None, actor2: ActorMention | None,
    focus: str | None,
) -> tuple[ActorMention | None, ActorMention | None]:  # fmt: skip
    """(actor1, actor2) of a bombing: the group the bomb or bomber belongs to ("a suicide bomber of
    the Islamic State"), else an unidentified group; a generic "bomber" is no side of its own."""
    head = frame.head
    generic_bomber = (
        actor1 is not None and actor1.kind == "generic_armed" and actor1.start <= head.start < actor1.end
    )
    if head.category not in ("explosive", "suicide") or (roles.explicit and not generic_bomber):
        return actor1, actor2
    owner = next(
        (
            a
            for a in (*frame.actors_before, *frame.actors_after)
            if (a.kind != "generic_armed" and a.start <= head.start < a.end)
            or (a.start >= head.end and _OWNER_GAP.match(text[head.end : a.start]))
        ),
        None,
    )
    if owner is not None and actor2 is not None and actor2.name == owner.name:
        actor2 = None
    return owner or unnamed("Unidentified Armed Group", focus, "unknown"), actor2


def unnamed_perpetrator(
    actor1: ActorMention | None, category: str, *, forced: bool, focus: str | None
) -> ActorMention | None:
    """ "Five people were killed when a man opened fire": ACLED codes the perpetrator it cannot
    name as an unidentified armed group (also for an event the model typed, crowds aside)."""
    if actor1 is None and (
        (forced and category not in CROWD_CATEGORIES) or category in UNNAMED_PERPETRATOR_CATEGORIES
    ):
        return unnamed("Unidentified Armed Group", focus, "unknown")
    return actor1


def detained_side(
    category: str, actor2: ActorMention | None, actor2_name: str | None, focus: str | None
) -> str | None:
    """ACLED: those arrested or abducted are civilians unless the text names an armed side."""
    if category in ("arrest", "abduct") and (actor2 is None or not actor2.is_armed):
        return f"Civilians ({focus or 'Unknown'})"
    return actor2_name


def holder_after_withdrawal(
    category: str, sub_type: str, actor1: ActorMention, actor2: ActorMention | None, actor2_name: str | None,
    assoc: str | None,
) -> tuple[ActorMention, ActorMention | None, str | None, str | None]:  # fmt: skip
    """ "The army withdrew from X": the side left holding X is actor1, as in every territorial record."""
    if category == "withdraw" and sub_type == "Non-violent transfer of territory" and actor2_name:
        return ActorMention(0, 0, "", actor2_name, "unknown", None), None, actor1.name, None
    return actor1, actor2, actor2_name, assoc


def other_party(category: str, assoc: str | None, actor2_name: str | None) -> str | None:
    """In an agreement the other party is actor2, not also one of actor1's associates."""
    if category == "agreement" and assoc is not None and actor2_name in assoc.split("; "):
        return "; ".join(a for a in assoc.split("; ") if a != actor2_name) or None
    return assoc
