"""Protests and riots coded the ACLED way: who the crowd was and what the state did to it.

ACLED names the crowd, not the words: a peaceful crowd is ``Protesters (Country)``,
a violent one ``Rioters (Country)``. What security forces did decides the
sub-event type: dispersing a protest (tear gas, batons, arrests) is "Protest
with intervention" with the forces as actor2; firing on it and killing or
wounding people is "Excessive force against protesters" with the forces as
actor1; a crowd attacking people or property with no demonstration is "Mob
violence"; a crowd that fights the forces or burns and blocks is a "Violent
demonstration".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thucydides.extract.actors import ActorMention

_INTERVENTION = re.compile(
    r"\b(?:tear ?gas|disperse[ds]?|dispersing|water cannons?|rubber bullets|batons?|beat(?:en|ing)?|"
    r"broke up|break up|cordon(?:ed)?|pepper spray|stun grenades|arrest(?:ed|ing)?|detain(?:ed|ing)?)\b",
    re.I,
)
_FORCE = re.compile(
    r"\b(?:opened fire|open fire|fired (?:live|on|at|into the crowd)|live (?:ammunition|rounds|fire)|"
    r"shot (?:dead|at)|gunfire|excessive force|violently (?:dispers|suppress|crush|crack)\w*|"
    r"brutal(?:ly)? (?:attack|beat|assault|suppress|disperse)\w*)\b",
    re.I,
)
# The crowd's people suffered the action: they are victims, not fighters.
_SUFFERED = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been|being|got)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|shot|massacred|slaughtered)\b",
    re.I,
)
_MOB = re.compile(r"\b(?:mobs?|lynch(?:ed|ing)?|vigilantes?)\b", re.I)
_CROWD_VIOLENCE = re.compile(
    r"\b(?:burn(?:ed|t|ing)? (?:tyres|tires)|block(?:ed|ing)? (?:the )?(?:\w+ )?(?:roads?|highway|streets?)|"
    r"(?:threw|throws?|hurled|hurls?|throwing|hurling) (?:stones|rocks|objects|bottles|projectiles|"
    r"fireworks|firecrackers|petrol bombs|molotov|an? \w+ into)|(?:stone|rock)-throwing|pelted|"
    r"rampag(?:e|ed)|turned violent|violent clashes|clash(?:ed|es)? with (?:the )?(?:riot )?police|"
    r"scuffles?|smash(?:ed|ing)|torch(?:ed|ing)|set (?:fire|ablaze)|loot(?:ed|ing)|vandali[sz](?:ed|ing)|"
    r"pull(?:ed)? down)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class CrowdCoding:
    sub_event_type: str
    actor1: str
    actor2: str | None


def code_crowd(
    categories: frozenset[str],
    text: str,
    actor: ActorMention | None,
    opponent: ActorMention | None,
    country: str | None,
) -> CrowdCoding | None:
    """The coding of a frame about a crowd, or None when the frame is not about one.

    ``categories`` are the trigger categories of the frame, ``text`` its words and
    ``actor`` the explicit actor the roles found (None or a civilian word when the
    text names only the crowd), ``opponent`` the side acted upon.
    """
    where = country or "Unknown"
    protesters, rioters = f"Protesters ({where})", f"Rioters ({where})"
    state = next((a for a in (actor, opponent) if a is not None and a.is_government), None)
    crowd_is_subject = actor is None or actor.kind == "civilian"
    # "relatives of the dead clashed with troops": civilians who fight are rioters; "civilians were
    # killed in fighting" are its victims.
    civilians_fight = (
        actor is not None
        and actor.kind == "civilian"
        and bool(categories & {"clash", "attack"})
        and not _SUFFERED.search(text)
    )
    protest = "protest" in categories
    violent = "riot" in categories or bool(_CROWD_VIOLENCE.search(text)) or civilians_fight
    if not (protest or violent):
        return None
    if _MOB.search(text) and crowd_is_subject:
        return CrowdCoding("Mob violence", rioters, f"Civilians ({where})")
    if state is not None and state is actor and protest and ("kill" in categories or _FORCE.search(text)):
        return CrowdCoding("Excessive force against protesters", state.name, protesters)
    if violent:
        return CrowdCoding("Violent demonstration", rioters, state.name if state else None)
    if state is not None and _INTERVENTION.search(text):
        return CrowdCoding("Protest with intervention", protesters, state.name)
    return CrowdCoding("Peaceful protest", protesters, None)
