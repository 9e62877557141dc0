"""Exports of fused incidents and of the control ledger.

Incidents: ``table`` (one line each: date, type, place, sources, range), ``jsonl``
(the whole incident with every source's report), ``csv`` (one row per incident,
sources and disagreements joined) and ``geojson``. Control changes: ``table``,
``jsonl`` and ``geojson``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from thucydides.errors import ExportError
from thucydides.model import ControlChange, Incident
from thucydides.record import control_to_record, incident_to_record
from thucydides.report.exports import open_output

INCIDENT_FORMATS = ("table", "jsonl", "csv", "geojson")
CONTROL_FORMATS = ("table", "jsonl", "geojson")
INCIDENT_COLUMNS = (
    "incident_id", "event_date", "date_last", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities_low", "fatalities_high",
    "injured_low", "injured_high", "captured_low", "captured_high", "independent_sources", "sources",
    "claimants", "event_ids", "disagreements",
)  # fmt: skip


def write_incidents(incidents: Sequence[Incident], fmt: str, path: Path | None = None) -> int:
    """Write ``incidents`` as ``fmt`` to ``path`` (standard output when None); returns the count."""
    if fmt not in INCIDENT_FORMATS:
        raise ExportError(f"Unknown incidents format {fmt!r}. Choose one of: {', '.join(INCIDENT_FORMATS)}.")
    with open_output(path) as out:
        if fmt == "table":
            _incident_table(incidents, out)
        elif fmt == "jsonl":
            for incident in incidents:
                out.write(_json(incident_to_record(incident)) + "\n")
        elif fmt == "csv":
            _incident_csv(incidents, out)
        else:
            incidents_geojson(incidents, out)
    return len(incidents)


def write_control(changes: Sequence[ControlChange], fmt: str, path: Path | None = None) -> int:
    """Write control changes as ``fmt``; returns the count."""
    if fmt not in CONTROL_FORMATS:
        raise ExportError(f"Unknown control format {fmt!r}. Choose one of: {', '.join(CONTROL_FORMATS)}.")
    with open_output(path) as out:
        if fmt == "table":
            out.write(f"{'date':<11}{'place (admin1)':<34}{'controller':<38}{'from':<30}counted\n")
            for c in changes:
                place = f"{c.location} ({c.admin1})" if c.admin1 else str(c.location)
                out.write(
                    f"{c.date.isoformat():<11}{_fit(place, 33):<34}{_fit(c.controller, 37):<38}"
                    f"{_fit(c.previous or '-', 29):<30}{'yes' if c.counted else 'no: ' + c.note}\n"
                )
            out.write(f"{len(changes)} control change(s)\n")
        elif fmt == "jsonl":
            for change in changes:
                out.write(_json(control_to_record(change)) + "\n")
        else:
            control_geojson(changes, out)
    return len(changes)


def incidents_geojson(incidents: Sequence[Incident], out: TextIO) -> None:
    """Incidents as a GeoJSON FeatureCollection (the ``geojson`` format) on the stream ``out``."""
    _geojson([(i.latitude, i.longitude, incident_to_record(i)) for i in incidents], out)


def control_geojson(changes: Sequence[ControlChange], out: TextIO) -> None:
    """Control changes as a GeoJSON FeatureCollection (the ``geojson`` format) on the stream ``out``."""
    _geojson([(c.latitude, c.longitude, control_to_record(c)) for c in changes], out)


def _incident_table(incidents: Sequence[Incident], out: TextIO) -> None:
    out.write(
        f"{'date':<11}{'sub-event type':<26}{'location (admin1)':<30}{'dead':>9}  {'src':>3}  sources\n"
    )
    for i in incidents:
        place = f"{i.location} ({i.admin1})" if i.admin1 else str(i.location)
        dead = _range(i.fatalities_low, i.fatalities_high)
        out.write(
            f"{i.event_date.isoformat() if i.event_date else '-':<11}{_fit(i.sub_event_type, 25):<26}"
            f"{_fit(place, 29):<30}{dead:>9}  {i.independent_sources:>3}  {', '.join(i.sources)}\n"
        )
    out.write(f"{len(incidents)} incident(s)\n")


def _incident_csv(incidents: Sequence[Incident], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(INCIDENT_COLUMNS)
    for incident in incidents:
        record = incident_to_record(incident)
        record["sources"] = "; ".join(incident.sources)
        record["claimants"] = "; ".join(incident.claimants)
        record["event_ids"] = "; ".join(r.event_id for r in incident.reports)
        record["disagreements"] = " | ".join(incident.disagreements)
        writer.writerow("" if record[name] is None else record[name] for name in INCIDENT_COLUMNS)


def _geojson(items: Sequence[tuple[float | None, float | None, dict[str, Any]]], out: TextIO) -> None:
    out.write('{"type":"FeatureCollection","features":[')
    for index, (lat, lon, properties) in enumerate(items):
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        out.write(
            ("," if index else "")
            + "\n"
            + _json({"type": "Feature", "geometry": geometry, "properties": properties})
        )
    out.write("\n]}\n")


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "-"
    if low == high or high is None:
        return str(low)
    return f"{low if low is not None else 0}-{high}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
