"""The ``status`` command: what a store holds, what is left to do in it, and what went wrong."""

from __future__ import annotations

from pathlib import Path

import click

from thucydides.cli.common import db_option, friendly, settings_from_env


@click.command()
@db_option
@friendly
def status(db: Path | None) -> None:
    """Show the store's documents, events, incidents, pending work and problems.

    Records stored but not fused (a run was killed, or ran with --no-fuse) are pending:
    `thucydides fuse` or the next `thucydides ingest` finishes them first.

    Example: thucydides status --db events.db
    """
    from thucydides.store import open_store

    with open_store(settings_from_env(db).db_path, create=False) as store:
        found = store.status()
    click.echo(f"store            {found.path} (schema {found.schema})")
    click.echo(f"documents        {found.documents}")
    click.echo(
        f"events           {found.events}"
        + (f" ({found.undated_events} undated)" if found.undated_events else "")
    )
    click.echo(f"incidents        {found.incidents} ({found.multi_source_incidents} told by several sources)")
    click.echo(f"control changes  {found.control_changes}")
    pending = (
        f"{found.pending_fusion} records not fused yet: run `thucydides fuse` "
        "(any `ingest` also finishes them)"
        if found.pending_fusion
        else "nothing"
    )
    click.echo(f"pending fusion   {pending}")
    click.echo(
        f"runs             {found.runs}"
        + (
            f" ({found.unfinished_runs} never finished: killed or still running)"
            if found.unfinished_runs
            else ""
        )
    )
    problems = ", ".join(f"{count} {kind}" for kind, count in found.problems.items())
    click.echo(f"problems         {sum(found.problems.values())}" + (f" ({problems})" if problems else ""))
