"""Plain, neutral sentences about one incident or one change of control, from templates.

The words come from here and from the record's canonical fields (actors, places, figures), never
from the sources' own wording: "liberated", "terrorists" or "massacre" stay in the evidence
quoted in the footnotes. One template per ACLED sub-event type, a generic one for the rest.
"""

from __future__ import annotations

from thucydides.model import ControlChange, Incident
from thucydides.report.window import day_label

# {a1}: actor1, {a2}: actor2 (or a neutral stand-in), {place}: "in X" / "at an unnamed place".
_TEMPLATES: dict[str, str] = {
    "Armed clash": "{a1} and {a2} fought {place}.",
    "Government regains territory": "{a1} took control {of_place}{from_a2}.",
    "Non-state actor overtakes territory": "{a1} took control {of_place}{from_a2}.",
    "Non-violent transfer of territory": "Control {of_place} passed to {a1}{from_a2} without fighting.",
    "Chemical weapon": "A chemical weapon attack attributed to {a1} was reported {place}.",
    "Air/drone strike": "{a1} carried out an air or drone strike {place}{on_a2}.",
    "Suicide bomb": "A suicide bombing attributed to {a1} was reported {place}{on_a2}.",
    "Shelling/artillery/missile attack": "{a1} shelled or fired missiles {place}{on_a2}.",
    "Remote explosive/landmine/IED": "An explosive device attributed to {a1} went off {place}{on_a2}.",
    "Grenade": "A grenade attack attributed to {a1} was reported {place}{on_a2}.",
    "Sexual violence": "Sexual violence by {a1} against {a2} was reported {place}.",
    "Attack": "{a1} attacked {a2} {place}.",
    "Abduction/forced disappearance": "{a1} abducted or detained {a2} {place}.",
    "Peaceful protest": "{a1} held a peaceful protest {place}.",
    "Protest with intervention": "{a1} protested {place}; {a2} intervened.",
    "Excessive force against protesters": "{a1} used force against {a2} {place}.",
    "Violent demonstration": "{a1} held a violent demonstration {place}.",
    "Mob violence": "Mob violence involving {a1} was reported {place}.",
    "Agreement": "{a1} and {a2} reached an agreement {place}.",
    "Arrests": "{a1} arrested {a2} {place}.",
    "Headquarters or base established": "{a1} set up a headquarters or base {place}.",
    "Looting/property destruction": "{a1} looted or destroyed property {place}.",
    "Disrupted weapons use": "{a1} stopped a weapons attack {place}.",
    "Change to group/activity": "A change of group or activity by {a1} was reported {place}.",
}
_GENERIC = "An event of type '{sub_type}' involving {a1} was reported {place}."
_UNNAMED_SIDE = "an unnamed side"

_DISAGREEMENT_TOPICS = {
    "fatalities": "the number killed",
    "injured": "the number injured",
    "captured": "the number captured",
    "sub_event_type": "what happened",
    "actor1": "who acted",
    "event_date": "the date",
}


def incident_sentence(incident: Incident, *, with_date: bool) -> str:
    """What happened, who did it to whom, where (and on which day when ``with_date``)."""
    template = _TEMPLATES.get(incident.sub_event_type, _GENERIC)
    place = _place(incident.location, incident.admin1)
    text = template.format(
        a1=incident.actor1,
        a2=incident.actor2 or _UNNAMED_SIDE,
        place=f"in {place}" if place else "at a place the sources do not name",
        of_place=f"of {place}" if place else "of a place the sources do not name",
        from_a2=f" from {incident.actor2}" if incident.actor2 else "",
        on_a2=f", against {incident.actor2}" if incident.actor2 else "",
        sub_type=incident.sub_event_type,
    )
    if with_date and incident.event_date is not None:
        # "An air strike" becomes "an air strike" after the date; an actor's name keeps its capital.
        opening = text if template.startswith("{") else text[:1].lower() + text[1:]
        text = f"On {day_label(incident.event_date)}, {opening}"
    return _capitalised(text)


def figures_sentence(incident: Incident) -> str | None:
    """'Reported: 7 to 20 killed and 3 injured.'; None when no source gives a figure."""
    parts = [
        part
        for part in (
            _figure(incident.fatalities_low, incident.fatalities_high, "killed"),
            _figure(incident.injured_low, incident.injured_high, "injured"),
            _figure(incident.captured_low, incident.captured_high, "captured"),
        )
        if part
    ]
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Reported: {listed}."


def sources_sentence(incident: Incident) -> str:
    """How many independent sources back it, from how many reports, and whether any is a republication."""
    reports = len(incident.reports)
    copies = sum(1 for report in incident.reports if report.copy_of)
    outlets = ", ".join(incident.sources)
    text = (
        f"Backed by {_plural(incident.independent_sources, 'independent source')}: "
        f"{_plural(reports, 'report')} ({outlets})"
        if reports > 1
        else f"Backed by one source, in one report ({outlets})"
    )
    if copies:
        text += f", of which {copies} republish{'es' if copies == 1 else ''} another"
    return text + "."


def disagreement_sentences(incident: Incident) -> list[str]:
    """'Sources disagree on the number killed: Fars News Agency: 20; SOHR: 7.' per field told differently."""
    sentences = []
    for note in incident.disagreements:
        field, _, told = note.partition(": ")
        topic = _DISAGREEMENT_TOPICS.get(field, field.replace("_", " "))
        sentences.append(f"Sources disagree on {topic}: {told}.")
    return sentences


def control_sentence(change: ControlChange) -> str:
    """'On 8 December 2016, Military Forces of Syria took control of X (Aleppo) from Y.'"""
    place = _place(change.location or (change.names[0] if change.names else None), change.admin1)
    text = (
        f"On {day_label(change.date)}, {change.controller} took control of "
        f"{place or 'a place the sources do not name'}"
        + (f" from {change.previous}" if change.previous else "")
    )
    if not change.counted:
        text += f" ({change.note}; not counted as a change of control)"
    return text + "."


def _place(location: str | None, admin1: str | None) -> str | None:
    if location and admin1 and location != admin1:
        return f"{location} ({admin1})"
    return location or admin1


def _figure(low: int | None, high: int | None, what: str) -> str | None:
    if low is None and high is None:
        return None
    if high is None or low == high:
        return f"{low} {what}" if low is not None else f"up to {high} {what}"
    if low is None:
        return f"up to {high} {what}"
    return f"{low} to {high} {what}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
