"""One neutral sentence per record: who did what to whom, where, per whom."""

from __future__ import annotations

_ACTION = {
    "Government regains territory": "regained control of {where} from {target}",
    "Non-state actor overtakes territory": "took control of {where} from {target}",
    "Non-violent transfer of territory": "took over {where} without reported fighting from {target}",
    "Armed clash": "clashed with {target} in {where}",
    "Air/drone strike": "carried out air strikes on {target} in {where}",
    "Shelling/artillery/missile attack": "shelled {target} in {where}",
    "Remote explosive/landmine/IED": "used an explosive device against {target} in {where}",
    "Suicide bomb": "carried out a suicide attack on {target} in {where}",
    "Chemical weapon": "used a chemical weapon against {target} in {where}",
    "Grenade": "threw a grenade at {target} in {where}",
    "Attack": "attacked {target} in {where}",
    "Abduction/forced disappearance": "abducted {target} in {where}",
    "Sexual violence": "committed sexual violence against {target} in {where}",
    "Arrests": "arrested {target} in {where}",
    "Peaceful protest": "held a protest in {where}",
    "Protest with intervention": "held a protest in {where} that {target} intervened in",
    "Excessive force against protesters": "used force against protesters in {where}",
    "Violent demonstration": "held a violent demonstration in {where}",
    "Mob violence": "engaged in mob violence in {where}",
    "Agreement": "reached an agreement with {target} concerning {where}",
    "Change to group/activity": "changed its posture (surrender, reinforcement or withdrawal) in {where}",
    "Headquarters or base established": "established a base in {where}",
    "Looting/property destruction": "destroyed or looted property in {where}",
    "Disrupted weapons use": "disrupted weapons use by {target} in {where}",
    "Other": "was reported in an event in {where}",
}


def note(
    *,
    sub_event_type: str,
    actor1: str,
    assoc_actor_1: str | None,
    actor2: str | None,
    where: str,
    fatalities: int | None,
    victims: str | None,
    captured: int | None,
    claimed_by: str | None,
    source: str | None,
) -> str:
    """The record's notes."""
    who = actor1 + (f" (with {assoc_actor_1.replace('; ', ', ')})" if assoc_actor_1 else "")
    action = _ACTION.get(sub_event_type, "was involved in an event in {where}")
    text = f"{who} " + action.format(where=where, target=actor2 or "an unnamed side")
    figures = []
    if fatalities is not None:
        figures.append(f"{fatalities} {victims or 'people'} reported killed (at least)")
    if captured is not None:
        figures.append(f"{captured} captured")
    if figures:
        text += "; " + ", ".join(figures)
    per = claimed_by if claimed_by else None
    attribution = (
        f"per {per}, as reported by {source}" if per and source else f"per {per or source or 'the report'}"
    )
    return f"{text}, {attribution}."
