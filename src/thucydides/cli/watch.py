"""The ``watch`` and ``feeds`` commands: follow feeds on a schedule, and show how each one fares."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from thucydides.cli.common import db_option, friendly, settings_from_env

if TYPE_CHECKING:
    from thucydides.build import Resources
    from thucydides.watch import RoundSummary


@click.command()
@click.option(
    "--feeds",
    "feeds_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File of feeds, one a line: URL [| outlet name] [| language]; '#' starts a comment.",
)
@click.option("--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 1h...")
@click.option(
    "--once", is_flag=True, help="Run one round and exit (for cron); exit code 1 if anything failed."
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one site (a site's robots.txt may ask for more).",
)
@click.option(
    "--max-new",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Articles fetched per feed and round; the rest wait for the next round.",
)
@db_option
@friendly
def watch(feeds_file: Path, every: str, once: bool, delay: float, max_new: int, db: Path | None) -> None:
    """Follow RSS/Atom feeds and news sitemaps: each round, ingest and fuse the articles not seen yet.

    Each round fetches every feed with its validators (ETag, Last-Modified), reads each new
    article as `thucydides ingest URL` does, and prints one line: feeds checked, new articles,
    events, failures. robots.txt is honoured; a failing feed is retried less and less often
    and never stops the round; `thucydides feeds` shows how each one fares. Ctrl-C or SIGTERM
    stops after the current article; the next run goes on where this one stopped.

    Example: thucydides watch --feeds feeds.txt --every 15m --db events.db
    """
    from dataclasses import replace

    from thucydides.ingest.polite import Polite
    from thucydides.store import open_store
    from thucydides.watch import Watch, WatchOptions, follow, parse_duration, read_feeds_file

    every_s = parse_duration(every)
    sources = read_feeds_file(feeds_file)
    settings = replace(settings_from_env(db), host_delay_s=delay)
    stop = threading.Event()
    failures = 0

    def load() -> Resources:
        from thucydides.build import Resources

        return Resources.load(settings)

    def report(summary: RoundSummary) -> None:
        nonlocal failures
        failures += summary.failures
        for problem in summary.problems:
            reason = problem.message.removeprefix(f"{problem.input}: ")
            click.echo(f"error: {problem.input}: {reason}", err=True)
        click.echo(summary.line(dt.datetime.now(dt.UTC)))

    with open_store(settings.db_path) as store, _stopping_on_signals(stop):
        follower = Watch(
            store=store,
            settings=settings,
            resources=load,
            fetcher=Polite(settings),
            options=WatchOptions(every_s=every_s, max_new_per_feed=max_new),
            should_stop=stop.is_set,
        )
        follow(follower, sources, once=once, report=report, wait=stop.wait)
    if once and failures:
        sys.exit(1)


@contextmanager
def _stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C and SIGTERM set ``stop`` (the round ends after the current article); a second Ctrl-C
    quits at once."""

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("Stopping after the current article (Ctrl-C again to quit at once).", err=True)

    previous = {number: signal.signal(number, handle) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@click.command()
@db_option
@friendly
def feeds(db: Path | None) -> None:
    """List the feeds `thucydides watch` follows and their health: last success, last error, entries seen.

    Example: thucydides feeds --db events.db
    """
    from thucydides.store import open_store

    with open_store(settings_from_env(db).db_path, create=False) as store:
        found = store.feeds()
    if not found:
        click.echo("No feed followed yet. Start with: thucydides watch --feeds FILE --once")
        return
    for state in found:
        health = (
            f"failing ({state.failures} in a row), next attempt {_when(state.next_attempt)}"
            if state.failures
            else "ok"
        )
        declared = ", ".join(value for value in (state.outlet, state.language) if value)
        click.echo(f"{state.url}" + (f" ({declared})" if declared else ""))
        click.echo(
            f"  {health}; {state.entries} entries seen; last success {_when(state.last_success)}; "
            f"last checked {_when(state.last_checked)}"
        )
        if state.last_error:
            click.echo(f"  last error: {state.last_error}")


def _when(moment: dt.datetime | None) -> str:
    return "never" if moment is None else f"{moment.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}Z"
