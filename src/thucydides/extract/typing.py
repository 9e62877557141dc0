"""The ACLED sub-event type of an action frame, by the spec's precedence and territory rules."""

from __future__ import annotations

from thucydides.extract.actors import ActorMention
from thucydides.extract.modality import Modality

_FIXED = {
    "explosive": "Remote explosive/landmine/IED",
    "suicide": "Suicide bomb",
    "chemical": "Chemical weapon",
    "clash": "Armed clash",
    "defend": "Armed clash",
    "arrest": "Arrests",
    "abduct": "Abduction/forced disappearance",
    "protest": "Peaceful protest",
    "riot": "Violent demonstration",
    "agreement": "Agreement",
    "surrender": "Change to group/activity",
    "reinforce": "Change to group/activity",
    "withdraw": "Non-violent transfer of territory",
    "looting": "Looting/property destruction",
    "sexual": "Sexual violence",
    "base": "Headquarters or base established",
    "disrupt": "Disrupted weapons use",
}


def _armed_killing(actor1: ActorMention | None, actor2: ActorMention | None) -> bool:
    """A killing the text puts between two armed sides it names ("a soldier was killed by the
    Taliban", "the army killed 20 militants"): fighting, not a toll."""
    return (
        actor1 is not None
        and actor2 is not None
        and bool(actor1.text)
        and bool(actor2.text)
        and actor1.is_armed
        and actor2.is_armed
    )


def sub_event_type(
    category: str,
    *,
    modality: Modality,
    means: set[str],
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    unopposed: bool = False,
) -> str | None:
    """The sub-event type, or None when the frame is not an event on its own.

    ``unopposed``: the text says the take-over met no resistance ("without a fight").
    """
    if category == "explosive" and "grenade" in means:
        return "Grenade"  # "a grenade exploded", "militants lobbed a grenade"
    if category == "territory":
        if modality is Modality.OPERATION_BEGUN:
            return "Armed clash"  # the fighting began; no capture is claimed yet
        if unopposed:
            return "Non-violent transfer of territory"
        if actor1 is not None and actor1.is_government:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if category in ("target", "attack", "kill"):
        if "grenade" in means:
            return "Grenade"
        if "explosive" in means:
            return "Remote explosive/landmine/IED"
        if "air" in means or (actor1 is not None and actor1.kind == "state_air"):
            return "Air/drone strike"
        if "artillery" in means:
            return "Shelling/artillery/missile attack"
        if actor2 is not None and actor2.kind == "civilian":
            return "Attack"
        if category == "target":
            return "Shelling/artillery/missile attack"  # "targeted X's positions" is fire from a distance
        if category == "attack" or _armed_killing(actor1, actor2):
            return "Armed clash"
        return None  # a death toll alone is not an event
    return _FIXED.get(category)
