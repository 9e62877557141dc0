"""The fusion commands: ``fuse``, ``incidents`` and ``control``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from thucydides.cli.common import db_option, filter_options, friendly, output_option, settings_from_env

_DATE = click.DateTime(["%Y-%m-%d"])


@click.command(name="fuse")
@click.option("--all", "everything", is_flag=True, help="Re-fuse every stored record, not only new ones.")
@db_option
@friendly
def fuse_command(everything: bool, db: Path | None) -> None:
    """Fuse stored records that report the same real event into incidents.

    Incremental: only records no run has linked yet are compared with their neighbours
    in place and time; `ingest` runs this after extraction. Nothing is deleted or
    rewritten: records are linked to incidents, and the control ledger is updated.

    Example: thucydides fuse --db events.db
    """
    from thucydides.fuse.run import fuse
    from thucydides.store import open_store

    settings = settings_from_env(db)
    with open_store(settings.db_path, create=False) as store:
        summary = fuse(store, everything=everything)
    lead = (
        f"{summary.new_records} records re-fused"
        if everything
        else f"{summary.new_records} new records; {summary.records} records"
    )
    click.echo(
        f"{lead} in {summary.incidents} incidents "
        f"recomputed ({summary.multi_source} told by several independent sources); "
        f"{summary.control_changes} control changes at the places they touch"
    )


@click.command()
@filter_options
@click.option("--min-sources", type=click.IntRange(min=1), help="At least this many independent sources.")
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "jsonl", "csv", "geojson"]),
)
@output_option
@db_option
@friendly
def incidents(
    date_from: dt.datetime | None,
    date_to: dt.datetime | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    min_sources: int | None,
    fmt: str,
    output: Path | None,
    db: Path | None,
) -> None:
    """List or export fused incidents with every source, its figures and where sources disagree.

    Example: thucydides incidents --country Syria --min-sources 2 --format jsonl -o incidents.jsonl
    """
    from thucydides.report.incidents import write_incidents
    from thucydides.store import IncidentFilter, open_store
    from thucydides.store.values import check_filter

    wanted = IncidentFilter(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        country=country,
        admin1=admin1,
        type=event_type,
        min_sources=min_sources,
    )
    with open_store(settings_from_env(db).db_path, create=False) as store:
        check_filter(wanted, store.countries())
        found = store.incidents(wanted)
    count = write_incidents(found, fmt, output)
    if output is not None:
        click.echo(f"{count} incidents written to {output}", err=True)


@click.command()
@click.option("--place", help="A place as any source wrote it, or its gazetteer name, e.g. 'Sheikh Saeed'.")
@click.option("--date", "date", type=_DATE, help="Who controlled it on this day (YYYY-MM-DD).")
@click.option("--admin1", help="Only places in this first-level division, e.g. Aleppo.")
@click.option(
    "--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "jsonl", "geojson"])
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)
@db_option
@friendly
def control(
    place: str | None,
    date: dt.datetime | None,
    admin1: str | None,
    fmt: str,
    output: Path | None,
    db: Path | None,
) -> None:
    """Who controls which place: the changes of control, with dates, evidence and claimants.

    With --place: that place's changes (only the one in force with --date). With --date alone:
    the controller of every place on that day.

    Examples: thucydides control --place "Sheikh Saeed" --date 2016-12-09
              thucydides control --date 2016-12-31 --admin1 Aleppo --format geojson
    """
    from thucydides.fuse.control import control_query, require_place_or_date
    from thucydides.report.incidents import write_control
    from thucydides.store import open_store

    require_place_or_date(place, date)
    with open_store(settings_from_env(db).db_path, create=False) as store:
        # With --place every change is read: one after --date still tells what the store knows.
        changes = store.control_changes(admin1=admin1, date_to=date.date() if date and not place else None)
    found = control_query(changes, place=place, date=date.date() if date else None)
    write_control(found, fmt, output)
