"""What every command shares: settings from the environment, and errors shown as one line."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from thucydides.config import Settings
from thucydides.errors import ThucydidesError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(command: F) -> F:
    """Turn the package's own errors into a one-line message (the fix included) and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ThucydidesError as error:
            raise click.ClickException(str(error)) from error

    return wrapper  # type: ignore[return-value]


def settings_from_env(db: Path | None = None) -> Settings:
    settings = Settings.from_env()
    return replace(settings, db_path=db) if db else settings


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Database file (default: $THUCYDIDES_DB or the user's data directory).",
)
