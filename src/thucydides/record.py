"""The event record of ``shared/spec/event-record.md`` as plain JSON-ready dicts, both ways."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from thucydides.model import ControlChange, Event, Evidence, Incident, SourceReport
from thucydides.taxonomy import EVENT_TYPE_OF, TAXONOMY

__all__ = ["EVENT_TYPE_OF", "RECORD_FIELDS", "TAXONOMY", "event_from_record", "event_to_record"]

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


_TYPES: dict[str, type | tuple[type, ...]] = {
    "event_id": str,
    "time_precision": int,
    "event_type": str,
    "sub_event_type": str,
    "actor1": str,
    "document_id": str,
    "geo_precision": int,
    "notes": str,
    "confidence": (int, float),
    "evidence": list,
}
_OPTIONAL_STR = (
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "admin1",
    "admin2",
    "source_url",
    "claimed_by",
    "incident_id",
    "country",
    "iso3",
    "location",
    "location_as_written",
    "source",
)
_OPTIONAL_INT = ("geonames_id", "fatalities", "fatalities_low", "fatalities_high", "injured", "captured")


def check_record(record: Mapping[str, Any], *, text: str | None = None) -> list[str]:
    """What is wrong with ``record`` against the spec (empty when valid).

    With ``text`` (the document's clean text), every evidence span is also checked against it.
    """
    problems = [f"missing field {name}" for name in RECORD_FIELDS if name not in record]
    if problems:
        return problems
    for name, kind in _TYPES.items():
        if not isinstance(record[name], kind) or isinstance(record[name], bool):
            problems.append(f"{name} is {record[name]!r}, expected {kind}")
    for name in _OPTIONAL_STR:
        if record[name] is not None and not isinstance(record[name], str):
            problems.append(f"{name} is {record[name]!r}, expected a string or null")
    for name in _OPTIONAL_INT:
        if record[name] is not None and (not isinstance(record[name], int) or isinstance(record[name], bool)):
            problems.append(f"{name} is {record[name]!r}, expected an integer or null")
    if record["event_date"] is not None:
        try:
            dt.date.fromisoformat(record["event_date"])
        except (TypeError, ValueError):
            problems.append(f"event_date is {record['event_date']!r}, expected YYYY-MM-DD or null")
    if record["time_precision"] not in (1, 2, 3):
        problems.append("time_precision must be 1, 2 or 3")
    if record["geo_precision"] not in (1, 2, 3):
        problems.append("geo_precision must be 1, 2 or 3")
    if EVENT_TYPE_OF.get(record["sub_event_type"]) != record["event_type"]:
        problems.append(f"{record['event_type']} / {record['sub_event_type']} is not a pair of the taxonomy")
    for name in ("latitude", "longitude"):
        value = record[name]
        if value is not None and not isinstance(value, (int, float)):
            problems.append(f"{name} is {value!r}, expected a number or null")
    if not 0 <= float(record["confidence"]) <= 1:
        problems.append("confidence must lie in 0..1")
    low, best, high = record["fatalities_low"], record["fatalities"], record["fatalities_high"]
    if best is not None and low is not None and best < low:
        problems.append("fatalities is below fatalities_low")
    if high is not None and low is not None and high < low:
        problems.append("fatalities_high is below fatalities_low")
    if not record["evidence"]:
        problems.append("evidence is empty")
    for span in record["evidence"]:
        if span.get("document_id") != record["document_id"]:
            problems.append("evidence points to another document")
        if text is not None and text[span["start"] : span["end"]] != span["text"]:
            problems.append(f"evidence {span['start']}..{span['end']} does not match the document text")
    return problems


# -- incidents and control changes (``fuse``) ---------------------------------------------------


def incident_to_record(incident: Incident) -> dict[str, Any]:
    """An incident as a JSON-ready dict: its fields, its sources and each source's own report."""
    values = {f.name: getattr(incident, f.name) for f in dataclasses.fields(incident)}
    values["event_date"] = _iso(incident.event_date)
    values["date_last"] = _iso(incident.date_last)
    values["sources"] = list(incident.sources)
    values["claimants"] = list(incident.claimants)
    values["reports"] = [
        {**{f.name: getattr(r, f.name) for f in dataclasses.fields(r)}, "event_date": _iso(r.event_date)}
        for r in incident.reports
    ]
    values["disagreements"] = list(incident.disagreements)
    return values


def incident_from_record(record: Mapping[str, Any]) -> Incident:
    """Rebuild an ``Incident`` from ``incident_to_record``'s dict."""
    names = {f.name for f in dataclasses.fields(Incident)}
    values: dict[str, Any] = {name: record.get(name) for name in names}
    values["event_date"] = _date(record.get("event_date"))
    values["date_last"] = _date(record.get("date_last"))
    report_names = {f.name for f in dataclasses.fields(SourceReport)}
    values["reports"] = tuple(
        SourceReport(
            **{**{k: v for k, v in r.items() if k in report_names}, "event_date": _date(r.get("event_date"))}
        )
        for r in record.get("reports") or ()
    )
    values["disagreements"] = tuple(record.get("disagreements") or ())
    return Incident(**values)


def control_to_record(change: ControlChange) -> dict[str, Any]:
    values = {f.name: getattr(change, f.name) for f in dataclasses.fields(change)}
    values["date"] = change.date.isoformat()
    for name in ("event_ids", "sources", "claimants", "names"):
        values[name] = list(values[name])
    return values


def control_from_record(record: Mapping[str, Any]) -> ControlChange:
    names = {f.name for f in dataclasses.fields(ControlChange)}
    values: dict[str, Any] = {name: record.get(name) for name in names}
    values["date"] = dt.date.fromisoformat(str(record["date"]))
    for name in ("event_ids", "sources", "claimants", "names"):
        values[name] = tuple(values[name] or ())
    return ControlChange(**values)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None
