"""What every gazetteer source yields: ``SourceRow``, one place as one source knows it.

Sources differ in columns, not in meaning, so most tabular sources are read by
one function from a declarative ``TableSpec`` (which column holds the name,
the other names, the coordinates, the admin names, the feature kind). Rows of
several sources that describe the same real place are merged later
(``merge.py``); a row only says which identifiers it is known by (``refs``).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.errors import GazetteerError
from thucydides.gazetteer.normalize import is_arabic

FEATURES = ("country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "site", "region")

# Features that describe a settlement of some size: rows of these kinds may merge with each other.
SETTLEMENT = frozenset({"city", "town", "village"})


@dataclass(slots=True)
class SourceRow:
    """One place as one source describes it.

    ``refs`` are the identifiers this row is known by, prefixed by namespace
    (``geonames:170063``, ``ocha:C1007``, ``wof:102542747``): rows sharing one
    are the same place. ``precision`` ranks coordinates: 0 is a surveyed point
    or polygon centre, 1 a GeoNames point, 2 a centroid or matched point, 3 a
    reconstructed point, 9 borrowed from the containing city.
    """

    source: str
    refs: tuple[str, ...]
    name: str
    names: tuple[str, ...]
    feature: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    precision: int = 2
    extra: dict[str, str] = field(default_factory=dict)


def settlement_feature(population: int, feature_code: str = "") -> str:
    """City, town or village from a population and, when known, a GeoNames feature code.

    Capitals and first-level seats are cities whatever their size; otherwise
    100,000 people make a city and 10,000 a town (GeoNames counts the
    municipality, so these are generous).
    """
    if feature_code in {"PPLC", "PPLA"} or population >= 100_000:
        return "city"
    if feature_code == "PPLX":
        return "neighbourhood"
    if population >= 10_000:
        return "town"
    return "village"


def split_names(*values: str | None, sep: str = "|") -> tuple[str, ...]:
    """Names from '|'-joined cells, stripped, empty ones dropped, first occurrence kept."""
    seen: dict[str, None] = {}
    for value in values:
        if not value:
            continue
        for name in value.split(sep):
            name = name.strip()
            if name:
                seen.setdefault(name, None)
    return tuple(seen)


# A name whose first letter (after an article) is uppercase; GeoNames' machine
# transliterations ("alkramt", "ftst althyb") start lowercase.
_CAPITALISED = re.compile(r"^(?:(?:al|el|as|ash|az|ad|at|ath|ar|an|es|ez|ed|et|er|en)[-\s]+)?[^A-Za-z]*[A-Z]")
_NOT_LATIN = re.compile(r"[^\x00-\x7F\u0300-\u036F]")
_LATIN_EXTRA = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE"}
)


def usable_name(name: str) -> bool:
    """Whether a name is worth indexing: Latin or Arabic script, not a machine transliteration."""
    if not name or len(name) > 80:
        return False
    if name.isascii():
        return _CAPITALISED.match(name) is not None
    if is_arabic(name):
        return True
    plain = unicodedata.normalize("NFKD", name.translate(_LATIN_EXTRA))
    if _NOT_LATIN.search(plain):
        return False
    return _CAPITALISED.match(plain.encode("ascii", "ignore").decode()) is not None


def clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """The usable names, each once, in their first order."""
    return tuple(dict.fromkeys(name for name in names if usable_name(name)))


def to_float(value: str | None) -> float | None:
    """A coordinate cell as float; None when empty or not a number."""
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


def to_int(value: str | None) -> int:
    """A count cell as int; 0 when empty or not a number."""
    number = to_float(value)
    return int(number) if number is not None else 0


def open_text(path: Path) -> io.TextIOBase:
    """A UTF-8 text stream of a plain or gzipped file."""
    try:
        if path.suffix == ".gz":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
        return io.TextIOWrapper(path.open("rb"), encoding="utf-8-sig", newline="")
    except OSError as error:
        raise GazetteerError(
            f"Cannot read gazetteer source {path}: {error}. Check THUCYDIDES_DATA."
        ) from error


def read_records(path: Path, *, delimiter: str = "\t") -> Iterator[dict[str, str]]:
    """Rows of a headed TSV/CSV file (plain or gzipped) as dicts."""
    with open_text(path) as stream:
        yield from csv.DictReader(stream, delimiter=delimiter)


Cell = str | Callable[[Mapping[str, str]], str | None] | None


def _cell(record: Mapping[str, str], spec: Cell) -> str | None:
    if spec is None:
        return None
    if callable(spec):
        return spec(record)
    value = record.get(spec)
    return value.strip() if value and value.strip() else None


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one tabular source maps to ``SourceRow``: a column name or a function per field.

    ``refs`` pairs a namespace with a column (``("ocha", "pcode")``); a row is
    skipped when ``keep`` says so or when it has no name or no coordinates.
    """

    source: str
    path: str
    name: Cell
    alt_names: tuple[Cell, ...]
    latitude: Cell
    longitude: Cell
    feature: Cell
    country: Cell
    refs: tuple[tuple[str, str], ...]
    admin1: Cell = None
    admin2: Cell = None
    population: Cell = None
    precision: int = 2
    keep: Callable[[Mapping[str, str]], bool] | None = None
    delimiter: str = "\t"


def read_table(data_dir: Path, spec: TableSpec) -> Iterator[SourceRow]:
    """Rows of one tabular source, read as its spec says."""
    for record in read_records(data_dir / spec.path, delimiter=spec.delimiter):
        if spec.keep is not None and not spec.keep(record):
            continue
        name = _cell(record, spec.name)
        latitude, longitude = to_float(_cell(record, spec.latitude)), to_float(_cell(record, spec.longitude))
        if not name or latitude is None or longitude is None:
            continue
        refs = tuple(
            f"{namespace}:{value}" for namespace, column in spec.refs if (value := _cell(record, column))
        )
        yield SourceRow(
            source=spec.source,
            refs=refs,
            name=name,
            names=split_names(name, *(_cell(record, alt) for alt in spec.alt_names)),
            feature=_cell(record, spec.feature) or "village",
            country_code=_cell(record, spec.country),
            latitude=latitude,
            longitude=longitude,
            admin1=_cell(record, spec.admin1),
            admin2=_cell(record, spec.admin2),
            population=to_int(_cell(record, spec.population)),
            precision=spec.precision,
        )
