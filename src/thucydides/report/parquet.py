"""Event records as an Apache Parquet table with an explicit schema (``PARQUET_SCHEMA``).

Dates are ``date32``, figures nullable ``int64``, precisions ``int8``,
coordinates and confidence ``float64``, and evidence a ``list<struct>`` of
``{document_id, start, end, text}``. Read back with ``pyarrow.parquet.read_table``;
each row of ``to_pylist()`` is a record ``record.event_from_record`` accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from thucydides.model import Event
from thucydides.record import RECORD_FIELDS, event_to_record

EVIDENCE_TYPE = pa.list_(
    pa.struct(
        [
            pa.field("document_id", pa.string(), nullable=False),
            pa.field("start", pa.int64(), nullable=False),
            pa.field("end", pa.int64(), nullable=False),
            pa.field("text", pa.string(), nullable=False),
        ]
    )
)

_TYPES: dict[str, Any] = {
    "event_date": pa.date32(),
    "time_precision": pa.int8(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": pa.int8(),
    "geonames_id": pa.int64(),
    "fatalities": pa.int64(),
    "fatalities_low": pa.int64(),
    "fatalities_high": pa.int64(),
    "injured": pa.int64(),
    "captured": pa.int64(),
    "evidence": EVIDENCE_TYPE,
    "confidence": pa.float64(),
}
# Fields the model never leaves empty.
_REQUIRED = frozenset(
    {
        "event_id",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "geo_precision",
        "document_id",
        "evidence",
        "notes",
        "confidence",
    }
)

PARQUET_SCHEMA = pa.schema(
    [pa.field(name, _TYPES.get(name, pa.string()), nullable=name not in _REQUIRED) for name in RECORD_FIELDS],
    metadata={b"thucydides.record": b"shared/spec/event-record.md"},
)


def events_to_table(events: Sequence[Event]) -> Any:
    """A ``pyarrow.Table`` of ``events`` in ``PARQUET_SCHEMA``."""
    rows = []
    for event in events:
        row = event_to_record(event)
        row["event_date"] = event.event_date  # a date object, not its ISO text
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA)
    table.validate(full=True)
    return table


def write_parquet(events: Sequence[Event], path: Path) -> None:
    """Write ``events`` to the Parquet file ``path``."""
    pq.write_table(events_to_table(events), path)
