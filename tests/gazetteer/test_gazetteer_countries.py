"""Countries sit at the conventional point that gazetteers and gold sets share."""

from __future__ import annotations

from thucydides.gazetteer.sources.geonames import country_points, country_rows


def test_every_country_has_its_conventional_point() -> None:
    points = country_points()
    assert points["RU"] == (60.0, 100.0)  # a shape's centroid would be some 190 km away
    assert points["SY"] == (35.0, 38.0)
    assert len(points) > 200


def test_country_rows_use_the_point_even_without_shapes() -> None:
    rows = {row.country_code: row for row in country_rows(None)}
    assert (rows["CN"].latitude, rows["CN"].longitude) == (35.0, 105.0)
    assert rows["CN"].refs == ("geonames:1814991",)
