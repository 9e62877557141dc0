"""Every text export parses back to the records it was written from."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from thucydides.model import Event
from thucydides.record import RECORD_FIELDS, event_from_record, event_to_record
from thucydides.report import FORMATS, ExportError, render, write_events
from thucydides.report import exports as exports_module


def _render(events: list[Event], fmt: str) -> str:
    out = io.StringIO()
    render(events, fmt, out)
    return out.getvalue()


def test_formats_are_the_documented_six() -> None:
    assert FORMATS == ("table", "jsonl", "csv", "acled", "geojson", "parquet")


def test_jsonl_is_one_record_per_line_utf8(events: list[Event]) -> None:
    text = _render(events, "jsonl")

    lines = text.splitlines()
    assert len(lines) == 3 and text.endswith("\n")
    assert [json.loads(line) for line in lines] == [event_to_record(event) for event in events]
    assert [event_from_record(json.loads(line)) for line in lines] == events
    assert "تدمر" in text and "’" in text  # written as is, not \u-escaped


def test_csv_has_spec_fields_in_spec_order_and_evidence_as_json(events: list[Event]) -> None:
    rows = list(csv.reader(io.StringIO(_render(events, "csv"), newline="")))

    assert tuple(rows[0]) == RECORD_FIELDS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == 3
    first = records[0]
    assert first["event_date"] == "2016-12-08"
    assert first["latitude"] == "36.20124"
    assert first["injured"] == ""  # null
    assert json.loads(first["evidence"]) == event_to_record(events[0])["evidence"]
    assert records[1]["event_date"] == "" and records[1]["location_as_written"] == "تدمر"


def test_geojson_is_a_feature_collection_with_null_geometry_when_unplaced(events: list[Event]) -> None:
    collection = json.loads(_render(events, "geojson"))

    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [feature["type"] for feature in features] == ["Feature"] * 3
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [37.16117, 36.20124]}
    assert features[1]["geometry"] is None
    assert [feature["properties"] for feature in features] == [event_to_record(event) for event in events]


def test_geojson_of_no_events_is_an_empty_collection() -> None:
    assert json.loads(_render([], "geojson")) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt != "parquet"])
def test_write_events_to_a_file_equals_the_rendered_text(
    tmp_path: Path, events: list[Event], fmt: str
) -> None:
    path = tmp_path / "out" / f"events.{fmt}"

    assert write_events(events, fmt, path) == 3

    if fmt == "acled":  # the export timestamp differs between the two writes
        assert path.read_bytes().decode().splitlines()[0] == _render(events, fmt).splitlines()[0]
    else:
        assert path.read_bytes().decode() == _render(events, fmt)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_write_events_without_a_path_goes_to_stdout(
    events: list[Event], capsys: pytest.CaptureFixture[str]
) -> None:
    assert write_events(events, "jsonl") == 3

    lines = capsys.readouterr().out.splitlines()
    assert [event_from_record(json.loads(line)) for line in lines] == events


def test_stdout_gets_utf8_whatever_its_encoding(events: list[Event], monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="ascii"))

    write_events(events, "csv")

    text = raw.getvalue().decode("utf-8")
    assert "تدمر" in text and "\r\n" in text  # csv's line ends are kept as written


def test_unknown_format_names_the_choices(events: list[Event]) -> None:
    with pytest.raises(ExportError, match=r"Unknown export format 'xml'.*jsonl"):
        write_events(events, "xml")


def test_parquet_to_stdout_asks_for_a_file(events: list[Event]) -> None:
    with pytest.raises(ExportError, match="output file"):
        write_events(events, "parquet")
    with pytest.raises(ExportError, match="output file"):
        render(events, "parquet", io.StringIO())


def test_failed_export_leaves_the_old_file_untouched(
    tmp_path: Path, events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def half_then_fail(events: list[Event], out: io.StringIO) -> None:
        out.write("partial")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(exports_module, "write_jsonl", half_then_fail)
    with pytest.raises(RuntimeError, match="interrupted"):
        write_events(events, "jsonl", path)

    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_unwritable_output_is_an_export_error_naming_the_path(tmp_path: Path, events: list[Event]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    with pytest.raises(ExportError, match="Cannot write") as caught:
        write_events(events, "csv", blocker / "events.csv")
    assert str(blocker / "events.csv") in str(caught.value)
