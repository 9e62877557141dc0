"""Hand-made gold and prediction records for the evaluation tests.

One invented report: three sentences, each the evidence of one event, at three
towns far enough apart (over 25 km) that only the right pairs are compatible.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

DOC = "sha256:test-report-1"
URL = "https://example.org/reports/1"
# (start, end) of each sentence in the invented report's clean text.
SENTENCES = {"idlib": (0, 60), "homs": (61, 130), "daraa": (131, 200)}
PLACES = {
    "idlib": ("Idlib", 35.9306, 36.6339, 169389),
    "homs": ("Homs", 34.7268, 36.7234, 169577),
    "daraa": ("Daraa", 32.6189, 36.1021, 170903),
}

Record = dict[str, Any]


def make_record(place: str = "idlib", **overrides: Any) -> Record:
    """A complete spec record for the event in sentence ``place``; keyword arguments replace fields."""
    name, lat, lon, geonames_id = PLACES[place]
    start, end = SENTENCES[place]
    record: Record = {
        "event_id": f"test#{place}",
        "event_date": "2020-03-02",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Syria",
        "actor2": "Civilians (Syria)",
        "location": name,
        "location_as_written": name,
        "latitude": lat,
        "longitude": lon,
        "geonames_id": geonames_id,
        "fatalities": 3,
        "fatalities_low": 3,
        "fatalities_high": 9,
        "claimed_by": None,
        "source_url": URL,
        "document_id": DOC,
        "evidence": [{"document_id": DOC, "start": start, "end": end, "text": "..."}],
    }
    record.update(overrides)
    return record


def gold_records() -> list[Record]:
    """The gold of the invented report: one event per sentence."""
    return [
        make_record("idlib"),
        make_record("homs", sub_event_type="Armed clash", event_type="Battles", actor2="Jaish al-Islam"),
        make_record("daraa", fatalities=None, fatalities_low=None, fatalities_high=None, claimed_by="SOHR"),
    ]


@pytest.fixture
def record() -> Callable[..., Record]:
    return make_record


@pytest.fixture
def gold() -> list[Record]:
    return gold_records()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, Iterable[Record]], Path]:
    """Writes records as JSON Lines to ``tmp_path / name`` (parents created) and returns the path."""

    def _write(name: str, records: Iterable[Record]) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path

    return _write
