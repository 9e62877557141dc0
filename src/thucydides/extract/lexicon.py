"""Reads the extractor's dictionaries: tab-separated files shipped with the package.

Lines starting with ``#`` are comments; the first other line names the columns.
"""

from __future__ import annotations

import csv
from importlib import resources

from thucydides.errors import ConfigError


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of ``thucydides/extract/NAME`` as dicts keyed by the header."""
    try:
        text = resources.files("thucydides.extract").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ConfigError(
            f"Dictionary {name} is missing from the installed package. "
            "Reinstall Thucydides (pip install -e .)."
        ) from error
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise ConfigError(
                f"Dictionary {name}, row {number}: wrong number of columns. Fix the row's tabs."
            )
    return rows
