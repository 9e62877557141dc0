"""Continents, nationality adjectives and country abbreviations."""

from __future__ import annotations

from pathlib import Path

from thucydides.gazetteer.sources.nationality import (
    adjective_of,
    continent_adjectives,
    continent_rows,
    is_abbreviation,
    read_nationalities,
)

_TABLE = """CCA2,Name,CCA3,Nationality
RU,Russia,RUS,"Russian, Russians"
GB,United Kingdom,GBR,"British, UK, U.K., Wales, Brits, United Kingdom of Great Britain and Northern Ireland"
NA,European Union,EUR,"European Union, EU"
KP,North Korea,PRK,"North Korean, North Koreans, DPRK"
"""


def test_the_table_gives_adjectives_and_abbreviations(tmp_path: Path) -> None:
    path = tmp_path / "countries.csv"
    path.write_text(_TABLE, encoding="utf-8")
    names = {"russia", "united kingdom", "north korea", "wales"}
    table = read_nationalities(path, names)
    assert table.adjectives["russian"] == "RU" and table.adjectives["north korean"] == "KP"
    assert "russians" not in table.adjectives  # a plural names people
    assert "wales" not in table.adjectives  # a place, not an adjective
    assert "united kingdom of great britain and northern ireland" not in table.adjectives
    assert table.abbreviations["GB"] == ["UK", "U.K."] and table.abbreviations["KP"] == ["DPRK"]
    assert "NA" not in table.abbreviations  # a union, not the country the code belongs to


def test_abbreviations_are_recognised_by_their_form() -> None:
    assert all(is_abbreviation(text) for text in ("US", "U.S.", "DPRK", "T&T"))
    assert not any(is_abbreviation(text) for text in ("Us", "USAFRICOM", "U.", "Paris"))


def test_the_english_adjective_of_names_in_a_and_e() -> None:
    assert (adjective_of("Asia"), adjective_of("Europe"), adjective_of("Iran")) == ("Asian", "European", None)


def test_the_continents_come_with_their_geonames_ids_and_adjectives() -> None:
    rows = list(continent_rows())
    assert len(rows) == 7 and all(row.feature == "region" and row.country_code is None for row in rows)
    europe = next(row for row in rows if row.name == "Europe")
    assert europe.refs == ("geonames:6255148",)
    adjectives = continent_adjectives()
    assert adjectives["european"] == "geonames:6255148" and adjectives["north american"] == "geonames:6255149"


def test_the_european_union_is_named_under_its_continent() -> None:
    europe = next(row for row in continent_rows() if row.name == "Europe")
    assert {"European Union", "EU"} <= set(europe.names)
