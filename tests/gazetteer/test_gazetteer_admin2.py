"""Second-level divisions placed at the mean of their towns (``sources/admin2.py``)."""

from __future__ import annotations

import gzip
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.sources.admin2 import admin2_rows, admin2_table


def _table(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "geonames" / "admin2Codes.txt.gz"
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("".join(line + "\n" for line in lines))
    return path


def _admin(*divisions: tuple[str, str, str]) -> tuple[AdminNames, dict[tuple[str, str], tuple[str, int]]]:
    admin = AdminNames()
    table = {}
    for country, code, name in divisions:
        table[(country, code)] = (admin.add(country, name, code=code), 1)
    return admin, table


def test_a_county_lies_at_the_mean_of_its_towns(tmp_path: Path) -> None:
    admin, divisions = _admin(("US", "NY", "New York"))
    table = _table(tmp_path, "US.NY.103\tSuffolk County\tSuffolk County\t5140076")
    [row] = admin2_rows(admin2_table([tmp_path]), divisions, admin, [])
    assert (row.feature, row.refs, row.admin1, row.country_code) == (
        "admin2",
        ("geonames:5140076",),
        "New York",
        "US",
    )
    assert row.latitude is not None and row.longitude is not None
    assert 40.6 < row.latitude < 41.2 and -73.6 < row.longitude < -72.0  # Long Island
    assert table.is_file()


def test_a_division_spelled_with_a_generic_word_and_under_an_older_region_is_still_found(
    tmp_path: Path,
) -> None:
    # The package's table writes "Departement de la Somme" under Picardie; GeoNames' writes
    # "Somme" under Hauts-de-France (the regions were merged in 2016).
    admin, divisions = _admin(("FR", "32", "Hauts-de-France"))
    _table(tmp_path, "FR.32.80\tSomme\tSomme\t2974304")
    [row] = admin2_rows(admin2_table([tmp_path]), divisions, admin, [])
    assert row.name == "Somme" and row.admin1 == "Hauts-de-France"
    assert row.latitude is not None and 49.5 < row.latitude < 50.5


def test_syria_is_left_to_its_own_sources_and_unknown_divisions_are_left_out(tmp_path: Path) -> None:
    admin, divisions = _admin(("SY", "09", "Aleppo"), ("US", "NY", "New York"))
    _table(
        tmp_path,
        "SY.09.SY0200\tJabal Sam'an\tJabal Sam'an\t6947045",
        "US.NY.999\tNowhere County\tNowhere County\t1",
        "US.ZZ.103\tSuffolk County\tSuffolk County\t2",
    )
    assert list(admin2_rows(admin2_table([tmp_path]), divisions, admin, [])) == []


def test_without_a_table_there_are_no_rows(tmp_path: Path) -> None:
    admin, divisions = _admin(("US", "NY", "New York"))
    assert admin2_table([None, tmp_path]) is None
    assert list(admin2_rows(None, divisions, admin, [])) == []
