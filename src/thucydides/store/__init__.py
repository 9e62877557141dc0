"""Where documents, events, problems and runs are kept: one interface, SQLite by default.

Usage::

    with open_store(settings.db_path) as store:
        run_id = store.start_run(settings.as_record(), versions)
        store.add_document(doc, run_id)
        events = store.events(EventFilter(country="Syria", type="Battles"))
"""

from __future__ import annotations

from pathlib import Path

from thucydides.store.base import EventFilter, IncidentFilter, Store
from thucydides.store.sqlite import SqliteStore

__all__ = ["EventFilter", "IncidentFilter", "SqliteStore", "Store", "open_store"]


def open_store(path: Path) -> Store:
    """The store at ``path`` (a SQLite file, created and migrated if needed)."""
    return SqliteStore(path)
