"""Gazetteer: places from GeoNames and Syrian sources, merged, keyed by spelling-independent names.

build_gazetteer(target, data_dir=...) -> BuildReport    write the SQLite file
Gazetteer.open(path) / Gazetteer.ensure(settings)       load it (building if needed)
Gazetteer.lookup(name, country=..., limit=...)          -> list[Candidate]
name_key(name), name_keys(name)                         the normalisation
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from thucydides.gazetteer.normalize import name_key, name_keys, plain_name

if TYPE_CHECKING:
    from thucydides.gazetteer.build import BUILDER_VERSION, BuildReport, build_gazetteer
    from thucydides.gazetteer.index import Candidate, Gazetteer

# Imported on first use: the builder and the index pull their sources and rapidfuzz, which the
# commands that only read the store (and ``fuse.compare``, through ``gazetteer.geo``) never need.
_LAZY = {
    "BUILDER_VERSION": "build",
    "BuildReport": "build",
    "build_gazetteer": "build",
    "Candidate": "index",
    "Gazetteer": "index",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"thucydides.gazetteer.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'thucydides.gazetteer' has no attribute {name!r}")


__all__ = [
    "BUILDER_VERSION",
    "BuildReport",
    "Candidate",
    "Gazetteer",
    "build_gazetteer",
    "name_key",
    "name_keys",
    "plain_name",
]
