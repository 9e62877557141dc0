"""Reading gold and prediction files: what is accepted, and the errors for what is not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import EvaluationError
from thucydides.evaluate import load_gold, load_pred

Record = dict[str, Any]
Write = Callable[[str, Iterable[Record]], Path]


def test_reads_records_with_origin_and_stems(write: Write, gold: list[Record]) -> None:
    path = write("r1.gold.jsonl", gold)
    records = load_gold(path)
    assert [r.origin for r in records] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert records[0].event.event_date == dt.date(2020, 3, 2)
    assert records[0].stems == {"r1"}


def test_pred_stem_includes_input_file(write: Write, record: Callable[..., Record]) -> None:
    path = write("run.jsonl", [record(input="reports/r7.txt")])
    assert load_pred(path)[0].stems == {"run", "r7"}


def test_gold_extras_are_kept(write: Write, record: Callable[..., Record]) -> None:
    extras = {"alternatives": {"actor2": ["X"]}, "optional": True, "merge_ok_with": ["test#homs"]}
    loaded = load_gold(write("g.gold.jsonl", [record(**extras)]))[0]
    assert loaded.alternatives == {"actor2": ("X",)}
    assert loaded.optional is True
    assert loaded.merge_ok_with == ("test#homs",)


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    line = '{"document_id": "d", "sub_event_type": "Attack", "event_date": null, "location_as_written": "H"}'
    path.write_text(f"\n{line}\n\n", encoding="utf-8")
    assert [r.origin for r in load_pred(path)] == [f"{path}:2"]


def test_directories_are_searched_recursively(
    tmp_path: Path, write: Write, record: Callable[..., Record]
) -> None:
    write("data/a/one.gold.jsonl", [record("idlib")])
    write("data/b/two.gold.jsonl", [record("homs")])
    write("data/b/two.pred.jsonl", [record("daraa")])
    write("data/notes.txt", [record("homs")])
    root = tmp_path / "data"
    assert [r.event.location for r in load_gold(root)] == ["Idlib", "Homs"]
    # Predictions: every .jsonl except gold files, so gold and predictions may share a directory.
    assert [r.event.location for r in load_pred(root)] == ["Daraa"]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"nope\.jsonl: gold path not found\. Pass an existing"):
        load_gold(tmp_path / "nope.jsonl")


def test_directory_without_gold_files(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"no \*\.gold\.jsonl files"):
        load_gold(tmp_path)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('\n{"document_id": \n', encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        load_pred(path)
    message = str(info.value)
    assert message.startswith(f"{path}:2: invalid JSON")
    assert "one complete JSON object" in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"\xff\xfe{}\n")
    with pytest.raises(EvaluationError, match=r"p\.jsonl:1: not UTF-8"):
        load_pred(path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"document_id": None}, "record has no 'document_id'"),
        ({"sub_event_type": ""}, "record has no 'sub_event_type'"),
        ({"event_date": "08/12/2016"}, "'event_date' is '08/12/2016'. Write the date as YYYY-MM-DD"),
        ({"event_date": "2016-02-30"}, "is not a calendar date"),
        ({"latitude": "36.2"}, "'latitude' is '36.2'. Write a number or null"),
        ({"fatalities": 2.5}, "'fatalities' is 2.5. Write an integer or null"),
        ({"location_as_written": None, "latitude": None}, "neither 'location_as_written' nor"),
        ({"evidence": [{"start": 9, "end": 3}]}, "evidence item 0 is malformed"),
        ({"evidence": "sentence"}, "'evidence' is str, not a list"),
        ({"alternatives": {"actor2": "X"}}, "alternatives for 'actor2' are not a list"),
        ({"alternatives": {"event_date": ["tomorrow"]}}, "'alternatives.event_date' is 'tomorrow'"),
        ({"merge_ok_with": "test#idlib"}, "'merge_ok_with' is not a list of event ids"),
    ],
)
def test_bad_records_name_file_line_and_fix(
    write: Write, record: Callable[..., Record], change: Record, expected: str
) -> None:
    path = write("g.gold.jsonl", [record("idlib"), record("homs", **change)])
    with pytest.raises(EvaluationError) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert expected in str(info.value)


def test_missing_event_date_key(write: Write, record: Callable[..., Record]) -> None:
    bad = record()
    del bad["event_date"]
    with pytest.raises(EvaluationError, match=r":1: record has no 'event_date'\. .*null when unknown"):
        load_pred(write("p.jsonl", [bad]))


def test_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"p\.jsonl:1: expected a JSON object, found list"):
        load_pred(path)


def test_coordinates_alone_locate_a_record(write: Write, record: Callable[..., Record]) -> None:
    loaded = load_pred(write("p.jsonl", [record(location_as_written=None)]))
    assert loaded[0].event.latitude == pytest.approx(35.9306)
