"""Gazetteer: places from GeoNames and Syrian sources, merged, keyed by spelling-independent names.

build_gazetteer(target, data_dir=...) -> BuildReport    write the SQLite file
Gazetteer.open(path) / Gazetteer.ensure(settings)       load it (building if needed)
Gazetteer.lookup(name, country=..., limit=...)          -> list[Candidate]
name_key(name), name_keys(name)                         the normalisation
"""

from thucydides.gazetteer.build import BUILDER_VERSION, BuildReport, build_gazetteer
from thucydides.gazetteer.index import Candidate, Gazetteer
from thucydides.gazetteer.normalize import name_key, name_keys

__all__ = [
    "BUILDER_VERSION",
    "BuildReport",
    "Candidate",
    "Gazetteer",
    "build_gazetteer",
    "name_key",
    "name_keys",
]
