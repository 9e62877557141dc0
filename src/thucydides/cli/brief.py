"""The ``report`` command: the situation report of a day or a week, as Markdown or one HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from thucydides.cli.common import db_option, friendly, output_option, settings_from_env

if TYPE_CHECKING:
    from thucydides.report.brief_model import Brief
    from thucydides.report.charts import Chart


@click.command(name="report")
@click.option("--date", "day", required=True, help="The last day the report covers (YYYY-MM-DD).")
@click.option(
    "--window", default="1d", show_default=True, help="How many days ending on --date: 1d, 7d (up to 31d)."
)
@click.option("--country", help="Only this country, e.g. Syria.")
@click.option("--admin1", help="Only this governorate (first-level division), e.g. Aleppo.")
@click.option(
    "--format",
    "fmt",
    default="md",
    show_default=True,
    type=click.Choice(["md", "html"]),
    help="Output format.",
)
@output_option
@db_option
@friendly
def report_command(
    day: str,
    window: str,
    country: str | None,
    admin1: str | None,
    fmt: str,
    output: Path | None,
    db: Path | None,
) -> None:
    """Write a neutral situation report of the stored incidents: headline figures, one section per
    governorate, the changes of control, charts and a map; every sentence footnoted with its
    outlets, claimants and evidence sentences.

    --format html gives one self-contained file that opens offline (charts and map embedded).
    --format md gives Markdown with footnotes; with -o, the charts are PNG files beside it
    (NAME-events-by-day.png, NAME-fatalities-by-governorate.png, NAME-map.png).

    Example: thucydides report --date 2016-12-08 --format html -o brief.html
    Example: thucydides report --date 2016-12-08 --window 7d --admin1 Aleppo -o aleppo.md
    """
    from thucydides.report.gather import brief_from_store
    from thucydides.report.window import parse_day, parse_window
    from thucydides.store import open_store

    span = parse_window(parse_day(day), window)
    settings = settings_from_env(db)
    with open_store(settings.db_path, create=False) as store:
        brief = brief_from_store(store, span, country=country, admin1=admin1)
    _write(brief, fmt, output, settings.data_dir)


def _write(brief: Brief, fmt: str, output: Path | None, data_dir: Path | None) -> None:
    """Render ``brief`` (drawing the charts only where they are shown) and write it out."""
    from thucydides.report.brief_html import render_html
    from thucydides.report.brief_md import render_markdown
    from thucydides.report.exports import open_output, write_bytes
    from thucydides.report.gather import draw

    charts: list[Chart] = []
    if fmt == "md" and output is None:
        text = render_markdown(
            brief, chart_notes=["Charts are left out on standard output: write the brief to a file with -o."]
        )
    else:
        charts, notes = draw(brief, data_dir)
        if fmt == "html":
            text = render_html(brief, charts=charts, chart_notes=notes)
        else:
            assert output is not None
            images = []
            for chart in charts:
                name = f"{output.stem}-{chart.name}.png"
                write_bytes(output.with_name(name), chart.png)
                images.append((chart.title, name))
            text = render_markdown(brief, images=images, chart_notes=notes)
    with open_output(output) as out:
        out.write(text)
    if output is not None:
        click.echo(
            f"Report of {brief.scope} written to {output}: {sum(1 for _ in brief.statements())} "
            f"sentences, {len(brief.footnotes)} notes, {len(charts)} charts",
            err=True,
        )
