"""What every command shares: settings from the environment, and errors shown as one line."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from thucydides.config import Settings
from thucydides.errors import ThucydidesError
from thucydides.model import Document
from thucydides.pipeline import Stage

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


# A report this long (characters) takes some seconds: each stage it enters is said on stderr.
LONG_REPORT_CHARS = 100_000


class LongReportProgress:
    """A ``Pipeline.run_one`` stage hook: for a long report, one line on stderr per stage, with the
    time spent on the report so far (short reports say nothing)."""

    def __init__(self, stages: int, *, echo: Callable[[str], None] | None = None) -> None:
        self.stages = stages
        self.echo = echo or (lambda line: click.echo(line, err=True))
        self._started = 0.0

    def __call__(self, doc: Document, stage: Stage, position: int) -> None:
        if len(doc.text) < LONG_REPORT_CHARS:
            return
        if position == 0:
            self._started = time.monotonic()
        self.echo(
            f"{doc.input}: {len(doc.text) / 1_000_000:.1f} million characters, {stage.name} "
            f"(stage {position + 1} of {self.stages}), {time.monotonic() - self._started:.0f} s so far"
        )


def settings_from_env(db: Path | None = None) -> Settings:
    """The settings every command uses (``Settings.resolve``: environment, config file, default)."""
    settings = Settings.resolve()
    return replace(settings, db_path=db) if db else settings


def _database(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """``--db`` as given (a path type would fold "postgresql://" into "postgresql:/"), then checked."""
    if value is None:
        return None
    from thucydides.store import check_location

    try:
        return check_location(value)
    except ThucydidesError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from error


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    callback=_database,
    help="Database file (default: $THUCYDIDES_DB or the user's data directory).",
)

output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)


def filter_options(command: F) -> F:
    """The filters events and incidents share: dates, country, admin1 and type."""
    date = click.DateTime(["%Y-%m-%d"])
    for option in reversed(
        (
            click.option("--date-from", type=date, help="First date (YYYY-MM-DD)."),
            click.option("--date-to", type=date, help="Last date (YYYY-MM-DD)."),
            click.option("--country", help="Country name, e.g. Syria."),
            click.option("--admin1", help="First-level division, e.g. Aleppo."),
            click.option(
                "--type", "event_type", help="Event type or sub-event type, e.g. 'Air/drone strike'."
            ),
        )
    ):
        command = option(command)
    return command
