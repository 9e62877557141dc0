"""Source rows: the declarative table reader, name hygiene, feature kinds, admin names."""

from __future__ import annotations

import gzip
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.rows import TableSpec, clean_names, read_table, settlement_feature, usable_name
from thucydides.gazetteer.sources.geonames_dump import dump_feature, dump_files, dump_rows
from thucydides.gazetteer.sources.syria import _neighbourhood_names


def test_a_table_spec_maps_columns_to_rows(tmp_path: Path) -> None:
    folder = tmp_path / "villages"
    folder.mkdir()
    with gzip.open(folder / "v.tsv.gz", "wt", encoding="utf-8") as stream:
        stream.write("code\tname\talt\tlat\tlon\tgov\n")
        stream.write("C1\tArak\tArak Village|أراك\t34.6\t38.5\tHoms\n")
        stream.write("C2\tNowhere\t\t\t\tHoms\n")  # no coordinates: skipped
    spec = TableSpec(
        source="test",
        path="villages/v.tsv.gz",
        name="name",
        alt_names=("alt",),
        latitude="lat",
        longitude="lon",
        feature=lambda record: "village",
        country=lambda record: "SY",
        refs=(("ocha", "code"),),
        admin1="gov",
    )
    rows = list(read_table(tmp_path, spec))
    assert len(rows) == 1
    assert rows[0].refs == ("ocha:C1",)
    assert rows[0].names == ("Arak", "Arak Village", "أراك")
    assert (rows[0].latitude, rows[0].admin1, rows[0].country_code) == (34.6, "Homs", "SY")


def test_usable_names_are_latin_or_arabic_and_not_machine_transliterations() -> None:
    assert usable_name("Al Karamah") and usable_name("al-Karamah") and usable_name("Ḩarastā")
    assert usable_name("الكرامة") and usable_name("16 Tashreen")
    assert not usable_name("alkramt") and not usable_name("ftst althyb")
    assert not usable_name("Алеппо") and not usable_name("")
    assert clean_names(["Aleppo", "Алеппо", "Aleppo", "Halab"]) == ("Aleppo", "Halab")


def test_settlement_feature_from_population_and_code() -> None:
    assert settlement_feature(1_600_000) == "city"
    assert settlement_feature(40_000) == "town"
    assert settlement_feature(900) == "village"
    assert settlement_feature(50_000, "PPLA") == "city"
    assert settlement_feature(0, "PPLX") == "neighbourhood"


def test_iom_neighbourhood_names_without_the_city_tag_and_the_halves() -> None:
    assert _neighbourhood_names({"name_iom": "Hameidiyyeh - Deir-Ez-Zor"}).split("|")[1] == "Hameidiyyeh"
    assert "Joubar" in _neighbourhood_names({"name_iom": "Joubar Gharbi"}).split("|")
    assert "Bab" not in _neighbourhood_names({"name_iom": "Bab Sharqi"}).split("|")
    assert {"Al Thawra", "Al Jourah"} <= set(
        _neighbourhood_names({"name_iom": "Al Thawra_ Al Jourah"}).split("|")
    )


def test_admin_names_canonical_for_syria_whatever_the_spelling() -> None:
    admin = AdminNames()
    assert admin.canonical("SY", "Hasaka (Al Haksa)") == "Al-Hasakeh"
    assert admin.canonical("SY", "Dar`a") == "Dar'a"
    assert admin.canonical("SY", "Deir-ez-Zor") == "Deir-ez-Zor"
    assert admin.by_code("SY", "08") == "Rural Damascus"
    assert admin.canonical("SY", "Nowhere Province") is None
    assert len(admin.names("SY")) == 14


def test_admin_names_fuzzy_only_when_clearly_one() -> None:
    admin = AdminNames()
    assert admin.canonical("SY", "Lattakiya") == "Lattakia"
    assert admin.canonical("SY", "H'alab") is None  # close to Idleb by letters, but not clearly it


def _dump_line(
    geonameid: int, name: str, alternates: str, fclass: str, code: str, admin1: str, pop: int
) -> str:
    cells = [str(geonameid), name, name, alternates, "35.0", "38.0", fclass, code, "SY", "", admin1]
    cells += ["", "", "", str(pop), "", "300", "Asia/Damascus", "2020-01-01"]
    return "\t".join(cells) + "\n"


def test_geonames_dumps_are_read_from_a_fetched_folder_or_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "geonames").mkdir()
    for path in (tmp_path / "SY.txt", tmp_path / "geonames" / "IQ.txt", tmp_path / "MANIFEST.json"):
        path.write_text("", encoding="utf-8")
    assert [p.name for p in dump_files(tmp_path)] == ["SY.txt", "IQ.txt"]
    assert dump_files(None) == []


def test_geonames_dump_rows_keep_the_places_events_happen_at(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(
        _dump_line(1, "Ar Raqqah", "Raqqa,alrqt", "P", "PPLA", "04", 531_952)
        + _dump_line(2, "Al Mashlab", "", "P", "PPLX", "04", 0)
        + _dump_line(3, "Jabal al Bishri", "", "T", "MTS", "04", 0)
        + _dump_line(4, "Ash Sha'ir", "", "L", "OILF", "07", 0)
        + _dump_line(5, "Muhafazat ar Raqqah", "", "A", "ADM1", "04", 0)
        + _dump_line(6, "Nahr al Balikh", "", "H", "STM", "04", 0)
        + _dump_line(7, "Tariq Halab", "", "R", "RD", "04", 0),
        encoding="utf-8",
    )
    rows = {row.name: row for row in dump_rows(dump, AdminNames())}
    assert {name: row.feature for name, row in rows.items()} == {
        "Ar Raqqah": "city",
        "Al Mashlab": "neighbourhood",
        "Jabal al Bishri": "site",
        "Ash Sha'ir": "site",
        "Muhafazat ar Raqqah": "admin1",
    }
    assert rows["Ar Raqqah"].admin1 == "Ar-Raqqa" and rows["Ar Raqqah"].refs == ("geonames:1",)
    assert rows["Ar Raqqah"].names[:3] == ("Ar Raqqah", "Ar Raqqah", "Raqqa")
    assert dump_feature("A", "PCLI", 0) == "country" and dump_feature("V", "FRST", 0) is None
