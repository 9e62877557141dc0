"""Records that tell the same event twice, and figures given in a sentence of their own."""

from __future__ import annotations

import dataclasses

from thucydides.extract.casualties import Casualties, casualties_for
from thucydides.gazetteer.geo import flat_distance_km
from thucydides.model import Event, Place, Quantity
from thucydides.taxonomy import EVENT_TYPE_OF, FOLDS_INTO_REMOTE, REMOTE_PRECEDENCE


def add_casualties(events: list[Event], targets: list[Event], quantities: list[Quantity]) -> list[Event]:
    """Figures of a sentence with no action, given to the events of the sentence before."""
    # Fighting folded into a capture of the same place is one event: give it no share of its own.
    taken = {(_place_key(e), e.event_date) for e in targets if e.sub_event_type in _TERRITORY}
    ids = {
        e.event_id
        for e in targets
        if not (e.sub_event_type == "Armed clash" and (_place_key(e), e.event_date) in taken)
    }
    updated = []
    position = 0
    for event in events:
        if event.event_id in ids:
            figures = casualties_for(quantities, parts=len(ids), index=position)
            position += 1
            # Only what the action's own sentence left open: "Four others were taken prisoner."
            event = _filled(event, figures)
        updated.append(event)
    return updated


# The default names given when no group is named: a later telling that names the group is better.
_UNNAMED_SIDES = ("Opposition Rebels (", "Unidentified Armed Group (")


def _unnamed_side(actor: str) -> bool:
    return actor.startswith(_UNNAMED_SIDES)


_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_FOLDED = frozenset({"Armed clash", "Non-violent transfer of territory"})


def _place_key(event: Event) -> str:
    place = event.place_mention
    return place.place.place_id if place and place.place else (event.location_as_written or "").casefold()


def _with_folded_figures(event: Event, folded: list[Event]) -> Event:
    """The territorial event with the casualties of the fighting folded into it (``folded``: the
    fighting at its place on its day, in order), where it has none."""
    for other in folded:
        event = _filled(event, other)
    return event


def _filled(event: Event, figures: Event | Casualties) -> Event:
    """``event`` with the figures it lacks taken from ``figures``."""
    changes: dict[str, int | None] = {}
    if event.fatalities is None and figures.fatalities is not None:
        changes.update(
            fatalities=figures.fatalities,
            fatalities_low=figures.fatalities_low,
            fatalities_high=figures.fatalities_high,
        )
    if event.injured is None and figures.injured is not None:
        changes["injured"] = figures.injured
    if event.captured is None and figures.captured is not None:
        changes["captured"] = figures.captured
    return dataclasses.replace(event, **changes) if changes else event  # type: ignore[arg-type]


# A record at a city is the same event as one of its type and day at a place within this distance.
TWIN_KM = 15.0
# Only a city this big has quarters and suburbs that reports name as places of their own.
BIG_CITY = 200_000
_BROAD = frozenset({"city", "admin2", "admin1", "country"})


def _precise_twins(events: list[Event]) -> dict[int, Event]:
    """For each record at a big city, a province or a country, the record of the same type and day
    at a place inside it, if the report has one: "a suicide attack in Damascus" and "the attack
    near the Sayeda Zeinab shrine" tell one bombing, and so do "an explosion rocked Damascus,
    killing civilians in the Kafr Sousah area" (a name no gazetteer holds)."""
    twins: dict[int, Event] = {}
    for event in events:
        broad = event.place_mention.place if event.place_mention else None
        if (
            broad is None
            or broad.feature not in _BROAD
            or (broad.feature == "city" and broad.population < BIG_CITY)
        ):
            continue
        for other in events:
            if (
                other is event
                or not _more_precise(other)
                or (other.sub_event_type, other.event_date) != (event.sub_event_type, event.event_date)
            ):
                continue
            if _lies_in(other, event, broad):
                twins[id(event)] = other
                break
    return twins


def _more_precise(event: Event) -> bool:
    """A record at a town, village, neighbourhood or site, or at a name no gazetteer holds."""
    mention = event.place_mention
    return mention is not None and (mention.place is None or mention.place.feature not in _BROAD)


def _lies_in(inner: Event, outer: Event, broad: Place) -> bool:
    """Whether the inner record's place lies in the outer's broad place."""
    inner_mention, outer_mention = inner.place_mention, outer.place_mention
    assert inner_mention is not None and outer_mention is not None
    place = inner_mention.place
    if place is None:
        # A name no gazetteer holds, told after the broad place in the same sentence ("rocked
        # Damascus, killing civilians in the Kafr Sousah area"), is placed in it.
        return (
            inner.evidence[:1] == outer.evidence[:1]
            and outer_mention.mention.end <= inner_mention.mention.start
        )
    if broad.feature == "country":
        return place.country_code == broad.country_code
    if broad.feature == "admin1":
        return (place.country_code, place.admin1) == (broad.country_code, broad.admin1)
    if None in (place.latitude, place.longitude, broad.latitude, broad.longitude):
        return False
    assert place.latitude is not None and place.longitude is not None
    assert broad.latitude is not None and broad.longitude is not None
    return flat_distance_km(place.latitude, place.longitude, broad.latitude, broad.longitude) <= TWIN_KM


def merge_repeats(events: list[Event]) -> list[Event]:
    """One record per (type, place, day) of a report: repeated tellings add evidence, not records.

    A report that tells one bombing in five sentences names its sides five ways ("a suicide
    bomber", "Daesh said", "the police station"): the first named side stands, the others are
    the same event seen again. ACLED's precedence: fighting at a place on the day it changes hands
    is part of the territorial event, not a separate armed clash; so is the losing side's
    withdrawal; and remote violence at a place that day told several ways is one event, of the most
    telling sub-type (``taxonomy.REMOTE_PRECEDENCE``), violence against civilians included. A
    record at a city with a twin of its type and day inside the city is that twin (``TWIN_KM``).
    """
    taken = {(_place_key(e), e.event_date) for e in events if e.sub_event_type in _TERRITORY}
    folded = [e for e in events if e.sub_event_type in _FOLDED and (_place_key(e), e.event_date) in taken]
    folded_at: dict[tuple[str, object], list[Event]] = {}
    for f in folded:
        folded_at.setdefault((_place_key(f), f.event_date), []).append(f)
    events = [
        _with_folded_figures(e, folded_at.get((_place_key(e), e.event_date), []))
        if e.sub_event_type in _TERRITORY
        else e
        for e in events
    ]
    folded_ids = {id(f) for f in folded}
    events = [e for e in events if id(e) not in folded_ids]
    remote: dict[tuple[str, object], str] = {}
    for e in events:
        if e.sub_event_type in REMOTE_PRECEDENCE:
            where = (_place_key(e), e.event_date)
            remote[where] = min(
                remote.get(where, e.sub_event_type), e.sub_event_type, key=REMOTE_PRECEDENCE.index
            )
    twins = _precise_twins(events)
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        sub_type = event.sub_event_type
        where = (_place_key(twins.get(id(event), event)), event.event_date)
        if where in remote and (sub_type in REMOTE_PRECEDENCE or sub_type in FOLDS_INTO_REMOTE):
            sub_type = remote[where]
            if sub_type != event.sub_event_type:
                event = dataclasses.replace(
                    event, sub_event_type=sub_type, event_type=EVENT_TYPE_OF[sub_type]
                )
        key = (sub_type, where[0], event.event_date)
        first = merged.get(key)
        if first is None:
            merged[key] = event
            continue
        if _place_key(first) != where[0]:
            first, event = event, first  # the telling at the precise place is the record
        if _unnamed_side(first.actor1) and not _unnamed_side(event.actor1):
            first = dataclasses.replace(first, actor1=event.actor1)
        merged[key] = dataclasses.replace(
            first,
            evidence=first.evidence + tuple(e for e in event.evidence if e not in first.evidence),
            assoc_actor_1="; ".join(
                dict.fromkeys(
                    n for a in (first.assoc_actor_1, event.assoc_actor_1) if a for n in a.split("; ")
                )
            )
            or None,
            actor2=first.actor2 if first.actor2 and not _unnamed_side(first.actor2) else event.actor2,
            fatalities=first.fatalities if first.fatalities is not None else event.fatalities,
            fatalities_low=first.fatalities_low if first.fatalities is not None else event.fatalities_low,
            fatalities_high=first.fatalities_high if first.fatalities is not None else event.fatalities_high,
            injured=first.injured if first.injured is not None else event.injured,
            captured=first.captured if first.captured is not None else event.captured,
            claimed_by=first.claimed_by or event.claimed_by,
        )
    return list(merged.values())
