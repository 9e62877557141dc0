"""Reading gold and predicted event records from JSON Lines files or directories of them.

A gold or prediction path is either one ``.jsonl`` file or a directory searched
recursively: for gold, ``*.gold.jsonl`` files; for predictions, every
``*.jsonl`` file except ``*.gold.jsonl`` (so gold and predictions may share a
directory). Every problem is an ``EvaluationError`` that names the file and
line, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.errors import EvaluationError
from thucydides.model import Event
from thucydides.record import event_from_record

SPEC = "shared/spec/event-record.md"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNT_FIELDS = ("fatalities", "fatalities_low", "fatalities_high")

# Builds the error for one record: (what is wrong, how to fix it) -> error naming file and line.
Fail = Callable[[str, str], EvaluationError]


@dataclass(frozen=True, slots=True)
class EvalRecord:
    """One event record read for evaluation, with where it came from.

    ``alternatives`` (gold only) maps a field to the other values a coder would
    accept; ``optional`` gold events are not counted as missed when no
    prediction matches them; ``merge_ok_with`` lists the event ids of gold
    events a prediction may fold this one into. ``stems`` are the report names
    the record can be paired by: its file's name without ``.jsonl`` (and
    ``.gold``/``.pred``) and, when the record carries ``input``, that file's name
    without its extension.
    """

    event: Event
    origin: str  # "path:line"
    stems: frozenset[str] = frozenset()
    alternatives: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    optional: bool = False
    merge_ok_with: tuple[str, ...] = ()


def load_gold(path: str | os.PathLike[str]) -> list[EvalRecord]:
    """Gold records from a ``.jsonl`` file or a directory of ``*.gold.jsonl`` files."""
    return _load(Path(path), role="gold")


def load_pred(path: str | os.PathLike[str]) -> list[EvalRecord]:
    """Predicted records from a ``.jsonl`` file or a directory of ``*.jsonl`` files."""
    return _load(Path(path), role="prediction")


def gold_files(path: str | os.PathLike[str]) -> list[Path]:
    """The gold files a gold path stands for (an empty gold file is a report with no events)."""
    return _files(Path(path), role="gold")


def file_stem(path: Path) -> str:
    """A report's name from its records file: ``a/x.gold.jsonl`` and ``b/x.pred.jsonl`` give ``x``."""
    name = path.name.removesuffix(".jsonl")
    for suffix in (".gold", ".pred"):
        name = name.removesuffix(suffix)
    return name


def _load(path: Path, *, role: str) -> list[EvalRecord]:
    records: list[EvalRecord] = []
    for file in _files(path, role=role):
        for line_no, obj in _json_lines(file):
            records.append(_record(obj, file=file, line_no=line_no, gold=role == "gold"))
    return records


def _files(path: Path, *, role: str) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        if role == "gold":
            found = sorted(path.rglob("*.gold.jsonl"))
        else:
            found = sorted(p for p in path.rglob("*.jsonl") if not p.name.endswith(".gold.jsonl"))
        if not found:
            pattern = "*.gold.jsonl" if role == "gold" else "*.jsonl"
            raise EvaluationError(
                f"{path}: no {pattern} files in this directory or below it. "
                f"Point the {role} path at a .jsonl file or a directory holding {pattern} files."
            )
        return found
    raise EvaluationError(
        f"{path}: {role} path not found. Pass an existing .jsonl file or a directory of .jsonl files."
    )


def _json_lines(file: Path) -> Iterator[tuple[int, Any]]:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise EvaluationError(
            f"{file}: cannot be read ({exc.strerror}). Check the path and its permissions."
        ) from exc
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise EvaluationError(
                f"{file}:{line_no}: not UTF-8 text ({exc.reason}). Save the file as UTF-8 JSON Lines."
            ) from exc
        if not line:
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(
                f"{file}:{line_no}: invalid JSON ({exc.msg} at column {exc.colno}). "
                "Each line must hold one complete JSON object; fix the line or remove it."
            ) from exc


def _record(obj: Any, *, file: Path, line_no: int, gold: bool) -> EvalRecord:
    origin = f"{file}:{line_no}"

    def fail(what: str, fix: str) -> EvaluationError:
        return EvaluationError(f"{origin}: {what}. {fix}")

    if not isinstance(obj, dict):
        raise fail(f"expected a JSON object, found {type(obj).__name__}", "Write one event record per line.")
    for name in ("document_id", "sub_event_type"):
        if not isinstance(obj.get(name), str) or not obj[name].strip():
            raise fail(f"record has no '{name}'", f"Every event record needs a non-empty '{name}' ({SPEC}).")
    if "event_date" not in obj:
        raise fail("record has no 'event_date'", "Write the event date as YYYY-MM-DD, or null when unknown.")
    _check_date(obj["event_date"], name="event_date", fail=fail)
    for name in ("latitude", "longitude", *_COUNT_FIELDS):
        value = obj.get(name)
        numeric = (int,) if name in _COUNT_FIELDS else (int, float)
        if value is not None and (isinstance(value, bool) or not isinstance(value, numeric)):
            kind = "an integer" if name in _COUNT_FIELDS else "a number"
            raise fail(f"'{name}' is {value!r}", f"Write {kind} or null.")
    written = obj.get("location_as_written")
    has_coords = obj.get("latitude") is not None and obj.get("longitude") is not None
    if not (isinstance(written, str) and written.strip()) and not has_coords:
        raise fail(
            "record has neither 'location_as_written' nor 'latitude'/'longitude'",
            "Give the place as the text wrote it, or its coordinates.",
        )
    values = dict(obj)
    values["evidence"] = _evidence(obj.get("evidence"), document_id=obj["document_id"], fail=fail)
    stems = {file_stem(file)}
    source = obj.get("input")
    if isinstance(source, str) and source and "://" not in source:
        stems.add(Path(source).stem)
    if not gold:
        return EvalRecord(event=event_from_record(values), origin=origin, stems=frozenset(stems))
    return EvalRecord(
        event=event_from_record(values),
        origin=origin,
        stems=frozenset(stems),
        alternatives=_alternatives(obj.get("alternatives"), fail=fail),
        optional=obj.get("optional") is True,
        merge_ok_with=_merge_ok_with(obj.get("merge_ok_with"), fail=fail),
    )


def _check_date(value: Any, *, name: str, fail: Fail) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise fail(f"'{name}' is {value!r}", "Write the date as YYYY-MM-DD, or null when unknown.")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise fail(f"'{name}' {value!r} is not a calendar date", "Write a real date as YYYY-MM-DD.") from exc


def _evidence(value: Any, *, document_id: str, fail: Fail) -> list[dict[str, Any]]:
    if value is None:
        return []
    fix = "Write evidence as a list of {document_id, start, end, text} with integer offsets, start <= end."
    if not isinstance(value, list):
        raise fail(f"'evidence' is {type(value).__name__}, not a list", fix)
    items: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        ok = isinstance(item, dict) and all(
            isinstance(item.get(k), int) and not isinstance(item.get(k), bool) for k in ("start", "end")
        )
        if not ok or item["start"] > item["end"]:
            raise fail(f"evidence item {index} is malformed ({item!r:.80})", fix)
        items.append(
            {
                "document_id": item.get("document_id") or document_id,
                "start": item["start"],
                "end": item["end"],
                "text": item.get("text") or "",
            }
        )
    return items


def _alternatives(value: Any, *, fail: Fail) -> dict[str, tuple[Any, ...]]:
    if value is None:
        return {}
    fix = 'Write alternatives as an object of field -> list of values, e.g. {"actor2": ["X"]}.'
    if not isinstance(value, dict):
        raise fail(f"'alternatives' is {type(value).__name__}, not an object", fix)
    alternatives: dict[str, tuple[Any, ...]] = {}
    for name, options in value.items():
        if not isinstance(options, list):
            raise fail(f"alternatives for '{name}' are not a list", fix)
        if name == "event_date":
            for option in options:
                _check_date(option, name="alternatives.event_date", fail=fail)
        alternatives[name] = tuple(options)
    return alternatives


def _merge_ok_with(value: Any, *, fail: Fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail("'merge_ok_with' is not a list of event ids", 'Write e.g. "merge_ok_with": ["report#12"].')
    return tuple(value)
