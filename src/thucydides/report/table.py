"""Event records as a fixed-width text table for a terminal.

Columns: date, sub-event type, actor1 → actor2, location (the gazetteer's name, the text's
spelling beside it where it differs, the governorate), dead (fatalities), claimed by. A date
known only to the week or month is marked ``~``; a cell too long for its column ends in ``…``.
The last line counts the events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.model import Event


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    width: int
    right: bool = False


_COLUMNS = (
    _Column("date", 11),
    _Column("sub-event type", 24),
    _Column("actors", 38),
    _Column("location ‘as written’ (admin1)", 40),
    _Column("dead", 4, right=True),
    _Column("claimed by", 16),
)
_GAP = "  "


def format_table(events: Sequence[Event]) -> str:
    """The table as text, one line per event, ending with a count line and a newline."""
    lines = [_line([column.title for column in _COLUMNS])]
    lines.append(_GAP.join("-" * column.width for column in _COLUMNS))
    lines.extend(_line(_cells(event)) for event in events)
    count = len(events)
    lines.append(f"{count} event" + ("" if count == 1 else "s"))
    return "\n".join(lines) + "\n"


def _cells(event: Event) -> list[str]:
    if event.event_date is None:
        date = "unknown"
    else:
        date = event.event_date.isoformat() + ("~" if event.time_precision > 1 else "")
    actors = event.actor1 + (f" → {event.actor2}" if event.actor2 else "")
    location = _location(event)
    dead = "" if event.fatalities is None else str(event.fatalities)
    return [date, event.sub_event_type, actors, location, dead, event.claimed_by or ""]


def _location(event: Event) -> str:
    """The gazetteer's name, the text's spelling beside it where it differs, the governorate; a
    place no gazetteer entry was found for says so."""
    name, written = event.location, event.location_as_written
    if not name:
        return f"‘{written}’ (no place)" if written else "?"
    if event.latitude is None:
        return f"{name} (not in the gazetteer)"
    label = name
    if written and written[:1].isupper() and written.casefold() != name.casefold():
        label += f" ‘{written}’"  # not "it" or "the town": those name a place told before
    if event.admin1 and event.admin1 != name:
        label += f" ({event.admin1})"
    return label


def _line(cells: Sequence[str]) -> str:
    parts = []
    for column, cell in zip(_COLUMNS, cells, strict=True):
        text = _fit(" ".join(cell.split()), column.width)
        parts.append(text.rjust(column.width) if column.right else text.ljust(column.width))
    return _GAP.join(parts).rstrip()


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
