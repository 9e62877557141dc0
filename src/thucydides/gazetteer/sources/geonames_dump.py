"""GeoNames per-country dumps (``SY.txt``...), as ``thucydides gazetteer fetch`` downloads them.

A dump holds every GeoNames feature of a country: populated places down to
hamlets and city quarters (PPLX), admin units, hills, wells, airfields, oil
fields. They are read from ``data_dir`` itself or its ``geonames/`` folder
(both layouts exist: ``gazetteer fetch --to DIR`` then ``build --from DIR``,
or the shared reference data). Features that name no place an event happens
at (roads, streams' courses, undersea features, vegetation) are left out.

Columns (tab-separated, no header): geonameid, name, asciiname,
alternatenames (comma-separated), latitude, longitude, feature class, feature
code, country code, cc2, admin1 code, admin2 code, admin3, admin4, population,
elevation, dem, timezone, modification date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.rows import SourceRow, open_text, settlement_feature, to_float, to_int

_DUMP_NAME = re.compile(r"^[A-Z]{2}\.txt$")
_SITE_CLASSES = frozenset({"S", "T", "H"})
_REGION_CODES = frozenset({"ADM3", "ADM4", "ADM5", "ADMD", "RGN", "RGNE", "AREA", "PLN", "VAL", "DSRT"})


def dump_files(data_dir: Path | None) -> list[Path]:
    """The per-country dumps under ``data_dir`` or ``data_dir/geonames``, sorted."""
    if data_dir is None:
        return []
    folders = [data_dir, data_dir / "geonames"]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.iterdir()
        if _DUMP_NAME.match(path.name)
    )


def dump_feature(feature_class: str, code: str, population: int) -> str | None:
    """The gazetteer feature kind of a GeoNames feature class and code; None to leave it out."""
    if feature_class == "P":
        return settlement_feature(population, code)
    if feature_class == "A":
        if code.startswith("PCL"):
            return "country"
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(code, "region" if code in _REGION_CODES else None)
    if code in _REGION_CODES:
        return "region"
    if feature_class == "H" and code.startswith(("STM", "CNL", "DTCH")):
        return None  # a watercourse is no point
    if code == "OILF" or feature_class in _SITE_CLASSES:
        return "site"
    return None  # R roads, U undersea, V vegetation, L parks and the like


def dump_rows(path: Path, admin: AdminNames) -> Iterator[SourceRow]:
    """The rows of one dump file."""
    with open_text(path) as stream:
        for line in stream:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 19:
                continue
            population = to_int(cells[14])
            feature = dump_feature(cells[6], cells[7], population)
            latitude, longitude = to_float(cells[4]), to_float(cells[5])
            if feature is None or latitude is None or longitude is None:
                continue
            country = cells[8] or None
            yield SourceRow(
                source="geonames",
                refs=(f"geonames:{cells[0]}",),
                name=cells[1],
                names=(cells[1], cells[2], *cells[3].split(",")),
                feature=feature,
                country_code=country,
                latitude=latitude,
                longitude=longitude,
                admin1=admin.by_code(country, cells[10] or None),
                population=population,
                precision=1,
                extra={"admin1code": cells[10]},
            )
