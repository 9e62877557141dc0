"""The event record of ``shared/spec/event-record.md`` as plain JSON-ready dicts, both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from thucydides.model import Event, Evidence

# The spec's fields, in the spec's order.
RECORD_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "location_as_written",
    "latitude",
    "longitude",
    "geo_precision",
    "geonames_id",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "captured",
    "source",
    "source_url",
    "claimed_by",
    "document_id",
    "evidence",
    "notes",
    "confidence",
    "incident_id",
)

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: main for main, subs in TAXONOMY.items() for sub in subs}


def event_to_record(event: Event, *, input: str | None = None) -> dict[str, Any]:
    """The spec record for ``event``; ``input`` (the path or URL as given) is added when known."""
    record: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        value = getattr(event, name)
        if name == "event_date":
            value = value.isoformat() if value is not None else None
        elif name == "evidence":
            value = [
                {"document_id": ev.document_id, "start": ev.start, "end": ev.end, "text": ev.text}
                for ev in value
            ]
        record[name] = value
    if input is not None:
        record["input"] = input
    return record


def event_from_record(record: Mapping[str, Any]) -> Event:
    """Rebuild an ``Event`` from a spec record (unknown keys are ignored, as the spec asks)."""
    values: dict[str, Any] = {name: record.get(name) for name in RECORD_FIELDS}
    date = values["event_date"]
    values["event_date"] = dt.date.fromisoformat(date) if isinstance(date, str) else date
    values["evidence"] = tuple(
        Evidence(
            document_id=str(item["document_id"]),
            start=int(item["start"]),
            end=int(item["end"]),
            text=str(item["text"]),
        )
        for item in (record.get("evidence") or ())
    )
    return Event(**values)
