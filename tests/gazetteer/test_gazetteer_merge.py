"""Merging rows of several sources into one entry per real place."""

from __future__ import annotations

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.merge import merge_rows
from thucydides.gazetteer.rows import SourceRow


def row(source: str, refs: tuple[str, ...], name: str, lat: float, lon: float, **more: object) -> SourceRow:
    defaults: dict[str, object] = {"names": (name,), "feature": "village", "country_code": "SY"}
    defaults.update(more)
    return SourceRow(source=source, refs=refs, name=name, latitude=lat, longitude=lon, **defaults)  # type: ignore[arg-type]


def by_name(places: list, name: str):  # type: ignore[no-untyped-def]
    return [p for p in places if p.name == name or name in p.names]


def test_rows_sharing_an_id_are_one_place_with_every_name_and_source() -> None:
    places = merge_rows(
        [
            row(
                "geonames",
                ("geonames:163808",),
                "Tadmur",
                34.5624,
                38.28402,
                names=("Tadmur", "Palmyra"),
                feature="town",
                population=51_015,
                precision=1,
            ),
            row(
                "ocha-communities",
                ("ocha:C4550", "geonames:163808"),
                "Tadmor",
                34.56,
                38.29,
                admin1="Homs",
                admin2="Tadmur",
                precision=3,
            ),
        ],
        AdminNames(),
    )
    assert len(places) == 1
    merged = places[0]
    assert merged.place_id == "geonames:163808" and merged.geonames_id == 163808
    assert merged.name == "Tadmur"  # GeoNames names first
    assert {"Tadmur", "Palmyra", "Tadmor"} <= set(merged.names)
    assert merged.sources == ("geonames", "ocha-communities")
    assert (merged.latitude, merged.longitude) == (34.5624, 38.28402)  # the more precise point
    assert merged.admin1 == "Homs" and merged.admin2 == "Tadmur"  # from the OCHA-named source
    assert merged.feature == "town" and merged.population == 51_015


def test_same_name_close_by_in_two_sources_is_one_place() -> None:
    places = merge_rows(
        [
            row("wof", ("wof:1",), "Palmyra", 34.56077, 38.28055, names=("Palmyra", "تدمر"), feature="town"),
            row("geonames", ("geonames:163808",), "Tadmur", 34.5624, 38.28402, names=("Tadmur", "تدمر")),
        ],
        AdminNames(),
    )
    assert len(places) == 1


def test_same_name_far_apart_stays_two_places() -> None:
    places = merge_rows(
        [
            row("wof", ("wof:1",), "Arak", 34.64, 38.57),
            row("geonames", ("geonames:2",), "Arak", 35.5, 37.0),
        ],
        AdminNames(),
    )
    assert len(places) == 2


def test_one_source_lists_each_place_once_so_its_namesakes_stay_apart() -> None:
    places = merge_rows(
        [
            row("geonames", ("geonames:1",), "Al Hamidiyah", 35.0, 36.0),
            row("geonames", ("geonames:2",), "Al Hamidiyah", 35.01, 36.01),
        ],
        AdminNames(),
    )
    assert len(places) == 2


def test_kinds_do_not_merge_by_name() -> None:
    places = merge_rows(
        [
            row("geonames", ("geonames:1",), "Tadmur", 34.56, 38.28, feature="town"),
            row("opensyria", ("ocha:SY0403",), "Tadmur", 34.57, 38.29, feature="admin2"),
        ],
        AdminNames(),
    )
    assert sorted(p.feature for p in places) == ["admin2", "town"]


def test_admin1_takes_the_canonical_name_whatever_the_source_wrote() -> None:
    places = merge_rows(
        [
            row("wof", ("wof:9",), "Hasaka (Al Haksa)", 36.49, 40.9, feature="admin1"),
            row("opensyria", ("ocha:SY08",), "Al-Hasakah", 36.5, 40.9, feature="admin1", admin1="Al-Hasakeh"),
            row("wof", ("wof:10",), "Tall Tamr", 36.65, 40.37, admin1="Hasaka (Al Haksa)"),
        ],
        AdminNames(),
    )
    governorates = [p for p in places if p.feature == "admin1"]
    assert len(governorates) == 1 and governorates[0].name == "Al-Hasakeh"
    assert by_name(places, "Tall Tamr")[0].admin1 == "Al-Hasakeh"


def test_a_place_without_admin1_or_country_takes_its_nearest_neighbours() -> None:
    places = merge_rows(
        [
            row("geonames", ("geonames:1",), "Tiyas", 34.52, 37.63, admin1="Homs", feature="village"),
            row(
                "airfields",
                ("airfield:70",),
                "Tiyas Airbase",
                34.52,
                37.63,
                feature="site",
                country_code=None,
            ),
        ],
        AdminNames(),
    )
    base = by_name(places, "Tiyas Airbase")[0]
    assert base.country_code == "SY" and base.admin1 == "Homs"


def test_an_airbase_gives_its_bare_name_to_the_town_beside_it() -> None:
    places = merge_rows(
        [
            row("geonames", ("geonames:1",), "Hama", 35.13, 36.75, feature="city", admin1="Hama"),
            row(
                "airfields",
                ("airfield:50",),
                "Hama Airbase",
                35.12,
                36.71,
                feature="site",
                names=("Hama Airbase", "Hama", "Hamah"),
            ),
        ],
        AdminNames(),
    )
    base = by_name(places, "Hama Airbase")[0]
    assert "Hama" not in base.names and "Hama Airbase" in base.names


def test_machine_transliterations_are_not_kept_as_names() -> None:
    places = merge_rows(
        [
            row(
                "geonames",
                ("geonames:1",),
                "Al Karamah",
                35.8,
                39.2,
                names=("Al Karamah", "alkramt", "الكرامة"),
            )
        ],
        AdminNames(),
    )
    assert places[0].names == ("Al Karamah", "الكرامة")


def test_an_admin1_that_is_no_known_division_becomes_a_region() -> None:
    places = merge_rows(
        [row("wof", ("wof:85681385",), "United Nations Neutral Zone", 33.16, 35.85, feature="admin1")],
        AdminNames(),
    )
    assert places[0].feature == "region"
