"""Writing event records out: one function, six formats (``FORMATS``).

- ``table``: a fixed-width text table for a terminal (``report.table``);
- ``jsonl``: one spec record per line, UTF-8;
- ``csv``: the spec fields in spec order, evidence as JSON in its cell;
- ``acled``: CSV with ACLED's export columns in ACLED's order (``report.acled``);
- ``geojson``: a FeatureCollection of Points, properties = the spec record;
  an event without coordinates keeps its place with a null geometry;
- ``parquet``: a typed Parquet table (``report.parquet``); needs a file.

A file is written whole or not at all: to a temporary file beside it, then
renamed over the target.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from thucydides.errors import ExportError
from thucydides.model import Event
from thucydides.record import RECORD_FIELDS, event_to_record
from thucydides.report.acled import ACLED_COLUMNS, acled_row, export_timestamp
from thucydides.report.table import format_table

FORMATS: tuple[str, ...] = ("table", "jsonl", "csv", "acled", "geojson", "parquet")
TEXT_FORMATS: tuple[str, ...] = tuple(fmt for fmt in FORMATS if fmt != "parquet")


def write_events(
    events: Sequence[Event],
    fmt: str,
    path: Path | None = None,
    *,
    exported_at: dt.datetime | None = None,
) -> int:
    """Write ``events`` in format ``fmt`` to ``path`` (standard output when None); returns the count.

    ``exported_at`` is the export time the ``acled`` format records (now when None).
    """
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}. Choose one of: {', '.join(FORMATS)}.")
    if fmt == "parquet":
        if path is None:
            raise ExportError(
                "Parquet is a binary format and cannot go to standard output. "
                "Give an output file, e.g. --output events.parquet."
            )
        from thucydides.report.parquet import write_parquet  # pyarrow is slow to import: only when needed

        with _replacing(path) as tmp:
            write_parquet(events, tmp)
        return len(events)
    if path is None:
        with _stdout_utf8() as out:
            render(events, fmt, out, exported_at=exported_at)
        return len(events)
    with _replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        render(events, fmt, out, exported_at=exported_at)
    return len(events)


def render(events: Sequence[Event], fmt: str, out: TextIO, *, exported_at: dt.datetime | None = None) -> None:
    """Write ``events`` in the text format ``fmt`` (any of ``TEXT_FORMATS``) to the stream ``out``."""
    match fmt:
        case "table":
            write_table(events, out)
        case "jsonl":
            write_jsonl(events, out)
        case "csv":
            write_csv(events, out)
        case "acled":
            write_acled(events, out, timestamp=export_timestamp(exported_at))
        case "geojson":
            write_geojson(events, out)
        case _:
            raise ExportError(
                f"{fmt!r} is not a text export format. Choose one of: {', '.join(TEXT_FORMATS)}"
                + (", or give an output file for parquet." if fmt == "parquet" else ".")
            )


def write_jsonl(events: Sequence[Event], out: TextIO) -> None:
    """One spec record per line."""
    for event in events:
        out.write(_json(event_to_record(event)) + "\n")


def write_csv(events: Sequence[Event], out: TextIO) -> None:
    """The spec fields in spec order; evidence as a JSON list in its cell; empty cells for nulls."""
    writer = csv.writer(out)
    writer.writerow(RECORD_FIELDS)
    for event in events:
        record = event_to_record(event)
        record["evidence"] = _json(record["evidence"])
        writer.writerow(_cell(record[name]) for name in RECORD_FIELDS)


def write_acled(events: Sequence[Event], out: TextIO, *, timestamp: int) -> None:
    """CSV with ACLED's columns in ACLED's order (``report.acled``)."""
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    for event in events:
        row = acled_row(event, timestamp=timestamp)
        writer.writerow(_cell(row[name]) for name in ACLED_COLUMNS)


def write_geojson(events: Sequence[Event], out: TextIO) -> None:
    """A GeoJSON FeatureCollection, one feature per event (RFC 7946: longitude first)."""
    out.write('{"type":"FeatureCollection","features":[')
    for index, event in enumerate(events):
        geometry = None
        if event.latitude is not None and event.longitude is not None:
            geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
        feature = {"type": "Feature", "geometry": geometry, "properties": event_to_record(event)}
        out.write(("," if index else "") + "\n" + _json(feature))
    out.write("\n]}\n")


def write_table(events: Sequence[Event], out: TextIO) -> None:
    """A fixed-width text table with a count line (``report.table``)."""
    out.write(format_table(events))


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """A text stream to ``path`` (written whole or not at all), or to standard output when None."""
    if path is None:
        with _stdout_utf8() as out:
            yield out
        return
    with _replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        yield out


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a chart beside a brief)."""
    with _replacing(path) as tmp:
        tmp.write_bytes(data)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _cell(value: Any) -> Any:
    return "" if value is None else value


@contextmanager
def _stdout_utf8() -> Iterator[TextIO]:
    """Standard output as UTF-8 without newline translation, whatever the locale says."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a plain text stream (a test, an embedding app)
        yield sys.stdout
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it if the block succeeds, removed if not."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(
            f"Cannot write {path}: {exc.strerror or exc}. Choose a writable location for the output."
        ) from exc
    finally:
        with suppress(OSError):  # already renamed, or never created
            tmp.unlink(missing_ok=True)
