"""Charts and the map (matplotlib, Agg) and the outlines they draw on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from brief_store import DAY, build_store, store_answers
from thucydides.report.brief import Brief, build_brief
from thucydides.report.charts import draw_charts
from thucydides.report.outlines import COUNTRIES_FILE, NO_OUTLINES, load_outlines
from thucydides.report.window import parse_window

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    incidents, events, changes = store_answers(build_store(tmp_path_factory.mktemp("charts") / "events.db"))
    return build_brief(parse_window(DAY, "7d"), incidents=incidents, events=events, control_changes=changes)


def write_countries(data_dir: Path) -> None:
    """A made-up country: one square around northern Syria."""
    square = [[35.0, 34.0], [42.0, 34.0], [42.0, 37.5], [35.0, 37.5], [35.0, 34.0]]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [square]}}
        ],
    }
    path = data_dir / COUNTRIES_FILE
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        json.dump(collection, out)


def test_three_pngs_and_a_note_when_there_are_no_outlines(brief: Brief) -> None:
    charts, notes = draw_charts(brief, NO_OUTLINES)
    assert [c.name for c in charts] == ["events-by-day", "fatalities-by-governorate", "map"]
    assert all(c.png.startswith(PNG_MAGIC) for c in charts)
    assert any("event points only" in n or "no outlines" in n for n in notes)


def test_outlines_are_read_from_the_data_directory(tmp_path: Path, brief: Brief) -> None:
    write_countries(tmp_path)
    outlines = load_outlines(tmp_path)
    assert outlines.note is None
    assert outlines.countries[0][0] == (35.0, 34.0)
    assert outlines.credits == ("Natural Earth (public domain)",)
    charts, notes = draw_charts(brief, outlines)
    assert [c.name for c in charts][-1] == "map"
    assert not any("outlines" in n for n in notes)


def test_missing_or_damaged_outlines_are_named(tmp_path: Path) -> None:
    missing = load_outlines(tmp_path)
    assert missing.countries == () and missing.note is not None
    assert str(COUNTRIES_FILE) in missing.note and "event points only" in missing.note
    (tmp_path / COUNTRIES_FILE).parent.mkdir(parents=True)
    (tmp_path / COUNTRIES_FILE).write_bytes(b"not gzip")
    damaged = load_outlines(tmp_path)
    assert damaged.note is not None and "unreadable" in damaged.note


def test_an_empty_window_draws_nothing_and_says_why() -> None:
    empty = build_brief(parse_window(DAY, "1d"), incidents=[], events=[], control_changes=[])
    charts, notes = draw_charts(empty, NO_OUTLINES)
    assert charts == []
    assert len(notes) == 3 and notes[-1] == "No incident of the window has coordinates: no map."
