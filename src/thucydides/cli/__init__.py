"""Thin command-line interface over the library; known errors become one clear line and exit code 1.

The ``gazetteer`` commands live in ``cli/gazetteer.py``, ``watch`` and ``feeds`` in ``cli/watch.py``;
what all commands share in ``cli/common.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from thucydides import __version__
from thucydides.cli.brief import report_command
from thucydides.cli.common import (
    LongReportProgress,
    db_option,
    filter_options,
    friendly,
    output_option,
    settings_from_env,
)
from thucydides.cli.fusion import control, fuse_command, incidents
from thucydides.cli.gazetteer import gazetteer
from thucydides.cli.serve import serve
from thucydides.cli.status import status
from thucydides.cli.watch import feeds, watch

# What reads and extracts reports (trafilatura, spaCy, the models) is imported inside the commands
# that need it, so that the commands reading the store start fast.
if TYPE_CHECKING:
    from thucydides.build import Resources
    from thucydides.config import Settings
    from thucydides.geoparse import Geoparser
    from thucydides.ingest import Metadata
    from thucydides.model import Document, Problem
    from thucydides.pipeline import Pipeline

F = TypeVar("F", bound=Callable[..., Any])


def _report_problem(problem: Problem, level: str = "error: ", lead: str = "") -> None:
    reason = problem.message.removeprefix(f"{problem.input}: ")  # ingest messages start with the input
    click.echo(f"{level}{problem.input}: {lead}{reason}", err=True)


def _print_records(
    reports: Sequence[str],
    settings: Settings,
    pipeline: Callable[[], Pipeline],
    overrides: Metadata,
    records_of: Callable[[Document], Iterable[dict[str, Any]]],
) -> None:
    """Print the records of each report as JSON Lines; exit code 1 if any report failed.

    ``pipeline`` builds the pipeline when the first report needs it (never for refused input).

    A report refused for not being in English is skipped with a one-line warning on stderr
    and does not count as failed: it is the expected answer to an unsupported input.
    """
    from thucydides.ingest.language import NotEnglishError
    from thucydides.jobs import process

    failed = 0
    from thucydides.versions import STAGE_VERSIONS

    progress = LongReportProgress(len(STAGE_VERSIONS))
    for outcome in process(
        reports, settings=settings, pipeline=pipeline, overrides=overrides, on_stage=progress
    ):
        problem = outcome.problem
        if problem is not None and problem.kind == NotEnglishError.__name__:
            _report_problem(problem, "warning: ", "skipped, ")
            continue
        if problem is not None:
            failed += 1
            _report_problem(problem)
            continue
        assert outcome.document is not None
        for warning in outcome.document.warnings:
            _report_problem(warning, "warning: ")
        for record in records_of(outcome.document):
            click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(1)


def _metadata(published: dt.datetime | None, source: str | None, url: str | None) -> Metadata:
    from thucydides.ingest import Metadata

    return Metadata(source=source, url=url, published=published.date() if published else None)


_metadata_options = [
    click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date (YYYY-MM-DD)."),
    click.option("--source", help="Publisher name, e.g. 'Fars News Agency'."),
    click.option("--url", help="Where the report came from."),
]
_db_option = db_option


def _with_options(options: list[Callable[[F], F]]) -> Callable[[F], F]:
    def apply(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """Thucydides: war reports in, verified, geolocated, source-attributed events out.

    Example: thucydides extract report.txt --published 2016-12-08 --source "Fars News Agency"
    """
    handler = logging.StreamHandler()
    if not verbose:
        handler.addFilter(_own_records)
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(message)s",
        handlers=[handler],
    )


def _own_records(record: logging.LogRecord) -> bool:
    """Thucydides' own log records; third-party ones (trafilatura's "discarding data: None"...) show
    only with -v: every input they concern already gets its own line naming the cause."""
    return record.name == "thucydides" or record.name.startswith("thucydides.")


@main.command()
@click.argument("reports", nargs=-1, required=True)
@_with_options(_metadata_options)
@friendly
def extract(
    reports: tuple[str, ...], published: dt.datetime | None, source: str | None, url: str | None
) -> None:
    """Print event records of REPORTS as JSON Lines; stores nothing.

    REPORTS are .txt, .html or .htm files, directories, .jsonl corpora or URLs.
    A NAME.meta.json beside a report supplies its metadata; options override it.

    Example: thucydides extract ../shared/examples/seed-2016-12-08.txt > events.jsonl
    """
    from thucydides.record import event_to_record

    settings = settings_from_env()

    def build() -> Pipeline:
        from thucydides.build import Resources, build_pipeline

        return build_pipeline(settings, Resources.load(settings))

    _print_records(
        reports,
        settings,
        build,
        _metadata(published, source, url),
        lambda doc: [event_to_record(event, input=doc.input) for event in doc.events],
    )


@main.command()
@click.argument("reports", nargs=-1, required=True)
@_with_options(_metadata_options)
@click.option(
    "--explain",
    is_flag=True,
    help="Add to each record its best candidates, each with its score and the features behind it.",
)
@friendly
def places(
    reports: tuple[str, ...],
    published: dt.datetime | None,
    source: str | None,
    url: str | None,
    explain: bool,
) -> None:
    """Print every place name found in REPORTS and its gazetteer entry, as JSON Lines.

    Example: thucydides places ../shared/examples/seed-2016-12-08.txt
    Example: thucydides places --explain report.txt
    """
    from thucydides.geoparse.records import explained_records, place_records

    settings = settings_from_env()
    geoparsers: list[Geoparser] = []

    def build() -> Pipeline:
        from thucydides.build import Resources, build_places_pipeline

        pipeline, geoparser = build_places_pipeline(settings, Resources.load(settings))
        geoparsers.append(geoparser)
        return pipeline

    records_of = (lambda doc: explained_records(doc, geoparsers[0])) if explain else place_records
    _print_records(reports, settings, build, _metadata(published, source, url), records_of)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_with_options([*_metadata_options, _db_option])
@click.option("--no-fuse", is_flag=True, help="Store the events but do not fuse them into incidents.")
@friendly
def ingest(
    sources: tuple[str, ...],
    published: dt.datetime | None,
    source: str | None,
    url: str | None,
    db: Path | None,
    no_fuse: bool,
) -> None:
    """Extract events from SOURCES and store documents, events and problems in the database.

    SOURCES are .txt, .html or .htm files, directories, .jsonl corpora, and URLs: of a page, or
    of an RSS or Atom feed or a news sitemap, whose every article is fetched (politely) and read.
    A report already stored (same clean text) is skipped. The new events are then fused
    into incidents with those already stored (see `thucydides fuse`), unless --no-fuse.
    Exit code 1 if any input failed. To follow feeds on a schedule, see `thucydides watch`.

    Example: thucydides ingest reports/ --db events.db
    Example: thucydides ingest https://example.org/feeds/syria.xml --db events.db
    """
    from tqdm import tqdm

    from thucydides.jobs import ingest as run_ingest
    from thucydides.store import open_store
    from thucydides.versions import STAGE_VERSIONS

    def load() -> Resources:
        from thucydides.build import Resources

        return Resources.load(settings)

    settings = settings_from_env(db)
    with open_store(settings.db_path) as store, tqdm(unit=" reports", disable=None, file=sys.stderr) as bar:
        summary = run_ingest(
            sources,
            store=store,
            settings=settings,
            resources=load,
            overrides=_metadata(published, source, url),
            on_document=lambda _: bar.update(),
            fuse_after=not no_fuse,
            on_stage=LongReportProgress(
                len(STAGE_VERSIONS), echo=lambda line: bar.write(line, file=sys.stderr)
            ),
        )
    for problem in summary.problems:
        _report_problem(problem)
    for warning in summary.warnings:
        _report_problem(warning, "warning: ")
    if summary.finished is not None:
        click.echo(
            f"Finished the fusion an earlier run left pending: {summary.finished.new_records} records "
            f"in {summary.finished.incidents} incidents.",
            err=True,
        )
    click.echo(
        f"{summary.new} new, {summary.duplicate} duplicate, {summary.failed} failed documents"
        + (f" ({summary.undated} stored without a date)" if summary.undated else "")
        + f"; {summary.events} events stored in {settings.db_path} (run {summary.run_id})"
        + (
            f"; {summary.fused.incidents} incidents updated, "
            f"{summary.fused.multi_source} told by several sources"
            if summary.fused
            else ""
        )
    )
    if summary.failed:
        sys.exit(1)


@main.command()
@filter_options
@click.option("--actor", help="Part of an actor's name, e.g. 'Islamic State'.")
@click.option("--source", help="Part of the publisher's name.")
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "jsonl", "csv", "acled", "geojson", "parquet"]),
)
@output_option
@_db_option
@friendly
def events(
    date_from: dt.datetime | None,
    date_to: dt.datetime | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    actor: str | None,
    source: str | None,
    fmt: str,
    output: Path | None,
    db: Path | None,
) -> None:
    """List or export stored events, filtered.

    Example: thucydides events --country Syria --type Battles --format acled -o syria.csv
    """
    from thucydides.report.exports import write_events
    from thucydides.store import EventFilter, open_store
    from thucydides.store.values import check_filter

    settings = settings_from_env(db)
    wanted = EventFilter(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        country=country,
        admin1=admin1,
        type=event_type,
        actor=actor,
        source=source,
    )
    with open_store(settings.db_path, create=False) as store:
        check_filter(wanted, store.countries())
        found = store.events(wanted)
    count = write_events(found, fmt, output)
    if output is not None:
        click.echo(f"{count} events written to {output}", err=True)


@main.command(name="eval")
@click.option(
    "--gold", required=True, type=click.Path(exists=True, path_type=Path), help="Gold JSONL file or dir."
)
@click.option(
    "--pred", required=True, type=click.Path(exists=True, path_type=Path), help="Predicted JSONL file or dir."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@friendly
def evaluate_command(gold: Path, pred: Path, as_json: bool) -> None:
    """Score predicted event records against gold records: detection, types, actors, dates, places, figures.

    Records match as the shared scorer matches them: the same date and the same place (same GeoNames
    id, within 15 km, or the same name). A looser match is printed beside it, labelled.

    Example: thucydides eval --gold ../shared/examples/seed-2016-12-08.gold.jsonl --pred events.jsonl
    """
    from thucydides.evaluate import LOOSE, evaluate, format_report

    result = evaluate(gold, pred)
    loose = evaluate(gold, pred, rule=LOOSE)
    if as_json:
        click.echo(json.dumps({**result.as_dict(), "loose_metrics": loose.metrics()}, indent=2))
        return
    click.echo(format_report(result))
    m = loose.metrics()
    click.echo(
        f"\nBeside it, matched loosely ({LOOSE.description}): precision {_figure(m['precision'])}, "
        f"recall {_figure(m['recall'])}, F1 {_figure(m['f1'])}"
    )


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the exports and the demo database.",
)
@friendly
def demo(out: Path) -> None:
    """Run the whole job on the bundled sample report (and the shared example, when present).

    Prints the events, stores them in OUT/demo.db and writes every export format to OUT/.
    Reference data is found as by every command: $THUCYDIDES_DATA, else `data` in the
    configuration file, else ../shared/data when that folder exists.

    Example: thucydides demo --out out/
    """
    from thucydides.demo import run_demo

    settings = settings_from_env(out / "demo.db")
    run_demo(out, settings=settings, echo=click.echo)


@main.command()
@click.argument("text")
@click.option("--country", default="Syria", show_default=True, help="Country that generic words refer to.")
@friendly
def actors(text: str, country: str) -> None:
    """Show the actors TEXT names: canonical name, kind and the dictionary entry it came from.

    Entries come from Thucydides' own table and, where THUCYDIDES_DATA holds them,
    the PETRARCH2 and NGEC dictionaries.

    Example: thucydides actors "Ansar al-Islam gunmen attacked policemen" --country Iraq
    """
    from thucydides.extract.actors import ActorDictionary

    dictionary = ActorDictionary.default(data_dir=settings_from_env().data_dir)
    found = dictionary.find(text, country=country)
    if not found:
        click.echo("No actor named in the text.")
    for mention in found:
        click.echo(f"{mention.text!r:<28} {mention.name:<40} {mention.kind:<14} {mention.provenance}")


@main.command()
def pipeline() -> None:
    """Show the stages of the standard pipeline and what each requires and assigns.

    Example: thucydides pipeline
    """
    from thucydides.build import describe_pipeline

    click.echo(f"{'stage':<11} {'implementation':<30} {'requires':<38} assigns")
    for name, version, requires, assigns in describe_pipeline():
        click.echo(f"{name:<11} {version:<30} {', '.join(requires):<38} {', '.join(assigns)}")


main.add_command(gazetteer)
main.add_command(fuse_command)
main.add_command(incidents)
main.add_command(control)
main.add_command(report_command)
main.add_command(status)
main.add_command(watch)
main.add_command(feeds)
main.add_command(serve)
