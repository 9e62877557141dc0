"""The terminal table: one readable line per event and a count."""

from __future__ import annotations

from collections.abc import Callable

from thucydides.model import Event
from thucydides.report.table import format_table


def test_table_lists_each_event_and_counts_them(events: list[Event]) -> None:
    lines = format_table(events).splitlines()

    assert lines[0].split()[:3] == ["date", "sub-event", "type"]
    assert set(lines[1]) == {"-", " "}
    body = lines[2:-1]
    assert len(body) == 3
    assert body[0].startswith("2016-12-08 ")
    assert "Military Forces of Syria → Jabhat Fat…" in body[0]
    assert "Ash Shaykh Sa'id ‘Sheikh Saeed’ (Aleppo)" in body[0]
    assert body[1].startswith("unknown ")
    assert "SOHR" in body[1]
    assert lines[-1] == "3 events"
    assert all(len(line) <= len(lines[1]) for line in lines)


def test_long_cells_are_cut_and_newlines_flattened(make_event: Callable[..., Event]) -> None:
    event = make_event(actor1="A\nvery " + "long " * 30 + "name", actor2=None, time_precision=2)

    (_, _, line, count) = format_table([event]).splitlines()

    assert "\n" not in line and "A very long long" in line and "…" in line
    assert line.startswith("2016-12-08~")
    assert count == "1 event"


def test_empty_table_says_zero() -> None:
    assert format_table([]).splitlines()[-1] == "0 events"


def test_one_name_per_place_with_the_texts_spelling_and_unresolved_places_said_so(
    make_event: Callable[..., Event],
) -> None:
    same = make_event(location="Douma", location_as_written="Douma", admin1="Rif Dimashq")
    anaphor = make_event(location="Douma", location_as_written="the town", admin1="Rif Dimashq")
    unknown = make_event(
        location="Tal Nowhere", location_as_written="Tal Nowhere", latitude=None, longitude=None
    )
    lines = format_table([same, anaphor, unknown]).splitlines()[2:-1]
    assert "Douma (Rif Dimashq)" in lines[0] and "‘" not in lines[0]
    assert "Douma (Rif Dimashq)" in lines[1] and "the town" not in lines[1]
    assert "Tal Nowhere (not in the gazetteer)" in lines[2]
