from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factory import event
from thucydides.errors import ExportError
from thucydides.fuse.control import ledger
from thucydides.fuse.incidents import build_incident
from thucydides.model import Incident
from thucydides.record import control_from_record, incident_from_record
from thucydides.report.incidents import write_control, write_incidents


def incident() -> Incident:
    return build_incident(
        [
            event(event_id="evt-a", source="Fars", fatalities=20, fatalities_low=20, fatalities_high=20),
            event(
                event_id="evt-b",
                document_id="sha256:" + "cd" * 32,
                source="SOHR",
                claimed_by="SOHR",
                fatalities=7,
            ),
        ],
        {},
    )


def test_incidents_jsonl_round_trips_with_every_source(tmp_path: Path) -> None:
    out = tmp_path / "incidents.jsonl"
    assert write_incidents([incident()], "jsonl", out) == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["sources"] == ["Fars", "SOHR"] and record["claimants"] == ["SOHR"]
    assert incident_from_record(record) == incident()


def test_incidents_csv_and_table_show_the_range_and_sources(tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    write_incidents([incident()], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    assert (row["fatalities_low"], row["fatalities_high"], row["sources"]) == ("2", "20", "Fars; SOHR")
    table = tmp_path / "incidents.txt"
    write_incidents([incident()], "table", table)
    assert "2-20" in table.read_text(encoding="utf-8") and "1 incident(s)" in table.read_text(
        encoding="utf-8"
    )


def test_control_changes_export_and_round_trip(tmp_path: Path) -> None:
    changes = ledger([incident()])
    out = tmp_path / "control.geojson"
    write_control(changes, "geojson", out)
    feature = json.loads(out.read_text(encoding="utf-8"))["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert control_from_record(feature["properties"]) == changes[0]


def test_unknown_formats_say_which_exist() -> None:
    with pytest.raises(ExportError, match="table, jsonl, csv, geojson"):
        write_incidents([], "parquet")
