"""Where documents, events, problems and runs are kept: one interface, SQLite by default.

Usage::

    with open_store(settings.db_path) as store:
        run_id = store.start_run(settings.as_record(), versions)
        store.add_document(doc, run_id)
        events = store.events(EventFilter(country="Syria", type="Battles"))
"""

from __future__ import annotations

import re
from pathlib import Path

from thucydides.errors import StoreError
from thucydides.store.base import EventFilter, IncidentFilter, Store, StoreStatus
from thucydides.store.sqlite import SqliteStore

__all__ = [
    "EventFilter",
    "IncidentFilter",
    "SqliteStore",
    "Store",
    "StoreStatus",
    "check_location",
    "open_store",
]

# "postgresql://u@h/db" (or "postgresql:/u@h/db" once a path type has folded the slashes);
# one letter before the colon is a Windows drive, not a scheme.
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):/")


def check_location(location: str | Path) -> Path:
    """``location`` as a SQLite file path; a URL (no backend serves one yet) raises ``StoreError``."""
    text = str(location)
    match = _URL.match(text)
    if match:
        scheme = match["scheme"].lower()
        raise StoreError(
            f"The database {text!r} is a {scheme}: URL, and Thucydides stores events only in a SQLite "
            "file for now; nothing was written. Give a file path instead, e.g. --db events.db "
            "(or set THUCYDIDES_DB to one)."
        )
    return Path(location)


def open_store(path: Path | str, *, create: bool = True) -> Store:
    """The store at ``path`` (a SQLite file, created and migrated if needed).

    With ``create=False`` (the read commands) a missing file is an error, not a new empty store.
    """
    file = check_location(path)
    if not create and not file.exists():
        raise StoreError(
            f"There is no database at {file}. Check the path given with --db (or THUCYDIDES_DB), "
            f"or create it by storing reports: thucydides ingest REPORTS --db {file}"
        )
    return SqliteStore(file)
