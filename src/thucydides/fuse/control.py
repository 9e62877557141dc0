"""Who controls which place: a ledger of changes built from territorial incidents.

Each incident of type "Government regains territory", "Non-state actor
overtakes territory" or "Non-violent transfer of territory" is a change of
control at its place, to its actor1 (from its actor2, when the sources name
one). ACLED counts control that is held: a place taken and retaken within a
day is contested, and only the final capture counts; the earlier ones stay in
the ledger, marked not counted, because ACLED codes that fighting as an armed
clash. Control at a date is the last counted change on or before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from thucydides.errors import ConfigError
from thucydides.fuse.compare import place_key
from thucydides.gazetteer.normalize import name_key
from thucydides.model import ControlChange, Incident
from thucydides.taxonomy import TERRITORIAL

HELD_DAYS = 1  # a change reversed within this many days was not held


def ledger(incidents: Iterable[Incident]) -> list[ControlChange]:
    """Control changes of every place the territorial incidents name, by place then date."""
    by_place: dict[str, list[Incident]] = {}
    for incident in incidents:
        if incident.sub_event_type in TERRITORIAL and incident.event_date is not None:
            by_place.setdefault(place_key(incident), []).append(incident)
    changes: list[ControlChange] = []
    for key in sorted(by_place):
        changes.extend(place_ledger(key, by_place[key]))
    return changes


def place_ledger(key: str, incidents: Sequence[Incident]) -> list[ControlChange]:
    """The changes at one place in date order, with ACLED's rule on contested captures applied.
    An undated capture cannot be placed in the sequence and is left out."""
    dated = [(i.event_date, i) for i in incidents if i.event_date is not None]
    ordered = [i for _, i in sorted(dated, key=lambda pair: (pair[0], pair[1].incident_id))]
    changes = []
    for index, incident in enumerate(ordered):
        date = incident.event_date or dt.date.min  # always set: undated ones were left out
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        reversed_soon = (
            following is not None
            and following.actor1 != incident.actor1
            and following.event_date is not None
            and (following.event_date - date).days <= HELD_DAYS
        )
        note = (
            f"retaken by {following.actor1} on {following.event_date}: contested, coded as armed clash"
            if reversed_soon and following is not None
            else "held"
        )
        changes.append(
            ControlChange(
                place_key=key,
                location=incident.location,
                admin1=incident.admin1,
                country=incident.country,
                latitude=incident.latitude,
                longitude=incident.longitude,
                date=date,
                controller=incident.actor1,
                previous=incident.actor2,
                sub_event_type=incident.sub_event_type,
                incident_id=incident.incident_id,
                event_ids=tuple(r.event_id for r in incident.reports),
                sources=incident.sources,
                claimants=incident.claimants,
                counted=not reversed_soon,
                note=note,
                names=tuple(
                    dict.fromkeys(
                        n for r in incident.reports for n in (r.location_as_written, r.location) if n
                    )
                ),
            )
        )
    return changes


def controller_at(changes: Sequence[ControlChange], date: dt.date) -> ControlChange | None:
    """The counted change in force at ``date`` among one place's changes, if any."""
    in_force = [c for c in changes if c.counted and c.date <= date]
    return max(in_force, key=lambda c: (c.date, c.incident_id)) if in_force else None


def require_place_or_date(place: str | None, date: dt.date | None) -> None:
    """A control query needs a place, a date or both."""
    if place is None and date is None:
        raise ConfigError("Give --place NAME, --date YYYY-MM-DD, or both. Example: control --place Douma")


def control_query(
    changes: Sequence[ControlChange], *, place: str | None, date: dt.date | None
) -> list[ControlChange]:
    """What ``thucydides control`` shows: ``place``'s changes (as any source wrote it, or its
    gazetteer name), only the one in force at ``date``; with ``date`` alone, the change in force
    at every place. Raises ``ConfigError`` saying why a place has no answer."""
    require_place_or_date(place, date)
    if place is not None:
        key = name_key(place)
        changes = [c for c in changes if key in {name_key(n) for n in (c.location or "", *c.names)}]
        if not changes:
            raise ConfigError(
                f"No control change is stored for {place!r}. Check the spelling with "
                "`thucydides gazetteer lookup`, or list every place with `thucydides control --date DAY`."
            )
    if date is None:
        return list(changes)
    by_place: dict[str, list[ControlChange]] = {}
    for change in changes:
        by_place.setdefault(change.place_key, []).append(change)
    in_force = [c for group in by_place.values() if (c := controller_at(group, date)) is not None]
    if place is not None and not in_force:
        first = min(changes, key=lambda c: (c.date, c.incident_id))
        if first.date > date:
            raise ConfigError(
                f"The first change of control stored for {place!r} is on {first.date.isoformat()} "
                f"(to {first.controller}), after {date.isoformat()}: the store does not say who held it "
                "that day. Ask for a date on or after it, or leave out --date to see every change."
            )
        raise ConfigError(
            f"Every change of control stored for {place!r} on or before {date.isoformat()} is contested "
            "(reversed within a day), so none is counted. Leave out --date to see every change."
        )
    return in_force
