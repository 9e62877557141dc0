"""One incident from the records that tell it: every source, its own figures, and the range.

The incident takes the most common value of each field among its reports,
preferring a named group over a generic side ("Opposition Rebels") and the most
precise place; the fatality range spans every source's figures ("Fars: 20
killed; SOHR: 7 killed" is 7..20). Where sources differ, ``disagreements`` says
how. Independent sources count a publisher once and a republished article
once, with its original.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from thucydides.fuse.compare import place_key
from thucydides.model import Event, Incident, SourceReport

_GENERIC_PREFIXES = ("Opposition Rebels (", "Unidentified Armed Group (")
# A territorial event is what happened; fighting reported at the place is part of it (ACLED precedence).
_TYPE_PRECEDENCE = {
    "Government regains territory": 3,
    "Non-state actor overtakes territory": 3,
    "Non-violent transfer of territory": 2,
}


def incident_id(members: Sequence[Event]) -> str:
    """A stable id: the same members give the same id, whatever order they arrived in."""
    first = min(event.event_id for event in members)
    return "inc-" + hashlib.sha256(first.encode("utf-8")).hexdigest()[:16]


def build_incident(members: Sequence[Event], original_of: Mapping[str, str]) -> Incident:
    """The incident told by ``members`` (at least one record); ``original_of`` maps copies to originals."""
    events = sorted(members, key=lambda e: e.event_id)
    sub_type = _most_common(
        [e.sub_event_type for e in events], key=lambda value: _TYPE_PRECEDENCE.get(value, 0)
    )
    typed = [e for e in events if e.sub_event_type == sub_type]
    placed = min(events, key=lambda e: (e.geo_precision, -_count(events, place_key(e)), e.event_id))
    dates = sorted(e.event_date for e in events if e.event_date is not None)
    reports = tuple(_report(e, original_of) for e in events)
    return Incident(
        incident_id=incident_id(events),
        event_date=dates[0] if dates else None,
        date_last=dates[-1] if dates else None,
        time_precision=min(e.time_precision for e in events),
        event_type=typed[0].event_type,
        sub_event_type=sub_type,
        actor1=_side([e.actor1 for e in typed]) or typed[0].actor1,
        assoc_actor_1=_joined(e.assoc_actor_1 for e in events),
        actor2=_side([e.actor2 for e in typed if e.actor2]),
        country=placed.country,
        iso3=placed.iso3,
        admin1=placed.admin1,
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        geonames_id=placed.geonames_id,
        fatalities_low=_low(
            [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in events]
        ),
        fatalities_high=_high(events, lambda e: (e.fatalities, e.fatalities_high)),
        injured_low=_low([e.injured for e in events]),
        injured_high=_high(events, lambda e: (e.injured, None)),
        captured_low=_low([e.captured for e in events]),
        captured_high=_high(events, lambda e: (e.captured, None)),
        independent_sources=_independent(reports),
        reports=reports,
        disagreements=_disagreements(events),
    )


def _report(event: Event, original_of: Mapping[str, str]) -> SourceReport:
    return SourceReport(
        event_id=event.event_id,
        document_id=event.document_id,
        source=event.source,
        source_url=event.source_url,
        claimed_by=event.claimed_by,
        event_date=event.event_date,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        location=event.location or event.location_as_written,
        location_as_written=event.location_as_written,
        fatalities=event.fatalities,
        fatalities_high=event.fatalities_high,
        injured=event.injured,
        captured=event.captured,
        copy_of=original_of.get(event.document_id),
    )


def _independent(reports: Sequence[SourceReport]) -> int:
    """Publishers and articles counted once: a copy joins its original's publisher."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for report in reports:
        document = "doc:" + report.document_id
        join(document, "source:" + (report.source or report.document_id))
        if report.copy_of:
            join(document, "doc:" + report.copy_of)
    return len({root("doc:" + report.document_id) for report in reports})


def _most_common(values: Sequence[str], *, key: Callable[[str], int]) -> str:
    counts = Counter(values)
    return max(sorted(counts), key=lambda value: (key(value), counts[value]))


def _side(values: Sequence[str | None]) -> str | None:
    """The most named side: a group's own name wins over a generic one."""
    named = [v for v in values if v and not v.startswith(_GENERIC_PREFIXES)]
    pool = named or [v for v in values if v]
    if not pool:
        return None
    counts = Counter(pool)
    return max(sorted(counts), key=lambda value: counts[value])


def _joined(values: Iterable[str | None]) -> str | None:
    names = dict.fromkeys(name for value in values if value for name in value.split("; "))
    return "; ".join(sorted(names)) or None


def _count(events: Sequence[Event], key: str) -> int:
    return sum(place_key(e) == key for e in events)


def _low(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _high(events: Sequence[Event], figures: Callable[[Event], tuple[int | None, int | None]]) -> int | None:
    known = [v for e in events for v in figures(e) if v is not None]
    return max(known) if known else None


_COMPARED: tuple[tuple[str, Callable[[Event], object]], ...] = (
    ("fatalities", lambda e: e.fatalities),
    ("injured", lambda e: e.injured),
    ("captured", lambda e: e.captured),
    ("sub_event_type", lambda e: e.sub_event_type),
    ("actor1", lambda e: e.actor1),
    ("event_date", lambda e: e.event_date.isoformat() if e.event_date else None),
)


def _disagreements(events: Sequence[Event]) -> tuple[str, ...]:
    """ "fatalities: Fars News Agency: 20; SOHR: 7" for each field the sources tell differently."""
    notes = []
    for field, read in _COMPARED:
        told = {(e.source or e.document_id, str(read(e))) for e in events if read(e) is not None}
        if len({value for _, value in told}) > 1:
            notes.append(f"{field}: " + "; ".join(f"{source}: {value}" for source, value in sorted(told)))
    return tuple(notes)
