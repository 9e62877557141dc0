"""Shared fixtures: reference data (skipped with a reason when absent) and loaded resources, once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
