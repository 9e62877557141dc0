"""The Parquet export has an explicit schema and reads back to the same events."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from thucydides.model import Event
from thucydides.record import RECORD_FIELDS, event_from_record
from thucydides.report import write_events
from thucydides.report.parquet import PARQUET_SCHEMA


def test_parquet_reads_back_with_its_schema(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.parquet"

    assert write_events(events, "parquet", path) == 3

    table = pq.read_table(path)
    assert table.schema.equals(PARQUET_SCHEMA)
    assert table.schema.names == list(RECORD_FIELDS)
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.schema.field("fatalities").nullable
    evidence = table.schema.field("evidence").type
    assert pa.types.is_list(evidence) and pa.types.is_struct(evidence.value_type)
    assert [event_from_record(row) for row in table.to_pylist()] == events


def test_parquet_of_no_events_is_an_empty_typed_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    write_events([], "parquet", path)

    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(PARQUET_SCHEMA)
