"""Time per megabyte of one long report, at several sizes: the pipeline must stay linear.

    python bench/bench_long_reports.py [REPORT...] [--sizes 100000 1000000 5000000] [--stages]

Builds each synthetic report at run time (nothing is written into the repository) by repeating the
given reports (default: the bundled sample and the shared examples) as paragraphs until the size is
reached, reads it as ``thucydides extract`` reads a file, runs the whole pipeline on it once, and
prints the seconds, the seconds per MB and the events. The goal is seconds per MB flat within 1.5x
from the smallest size to the largest. ``--stages`` adds each stage's seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from thucydides.build import Resources, build_pipeline
from thucydides.config import Settings
from thucydides.demo import sample_reports
from thucydides.ingest import read_inputs
from thucydides.model import Document
from thucydides.pipeline import Pipeline, Stage


class _Timed:
    """A stage that adds its own running time to ``seconds``."""

    def __init__(self, stage: Stage, seconds: dict[str, float]) -> None:
        self.stage = stage
        self.name = stage.name
        self.requires = stage.requires
        self.assigns = stage.assigns
        self.seconds = seconds

    def __call__(self, doc: Document) -> Document:
        started = time.perf_counter()
        try:
            return self.stage(doc)
        finally:
            self.seconds[self.name] = self.seconds.get(self.name, 0.0) + time.perf_counter() - started


def long_text(parts: Sequence[str], size: int) -> str:
    """``parts`` repeated in turn, separated by blank lines, until ``size`` bytes (UTF-8) are reached."""
    pieces: list[str] = []
    total = 0
    index = 0
    while total < size:
        piece = parts[index % len(parts)].strip()
        pieces.append(piece)
        total += len(piece.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(pieces) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("reports", nargs="*")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--stages", action="store_true", help="Print each stage's seconds too.")
    args = parser.parse_args()
    settings = Settings.from_env()
    settings = dataclasses.replace(settings, max_input_bytes=max(settings.max_input_bytes, *args.sizes) + 1)
    started = time.perf_counter()
    resources = Resources.load(settings)
    print(f"resources loaded in {time.perf_counter() - started:.1f} s")
    seconds: dict[str, float] = {}
    pipeline = Pipeline([_Timed(stage, seconds) for stage in build_pipeline(settings, resources).stages])
    parts = [Path(report).read_text(encoding="utf-8") for report in args.reports or sample_reports(settings)]
    per_mb: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            path = Path(scratch) / f"long-{size}.txt"
            path.write_text(long_text(parts, size), encoding="utf-8")
            docs = [d for d in read_inputs([str(path)], settings=settings) if isinstance(d, Document)]
            seconds.clear()
            started = time.perf_counter()
            outcome = pipeline.run_one(docs[0])
            elapsed = time.perf_counter() - started
            if outcome.problem is not None:
                raise SystemExit(f"{size:,} bytes: {outcome.problem.message}")
            assert outcome.document is not None
            megabytes = path.stat().st_size / 1_000_000
            per_mb.append(elapsed / megabytes)
            print(
                f"{megabytes:7.2f} MB: {elapsed:8.1f} s, {elapsed / megabytes:6.1f} s/MB, "
                f"{len(outcome.document.events)} events"
            )
            if args.stages:
                print("          " + ", ".join(f"{name} {s:.1f} s" for name, s in seconds.items()))
    print(f"seconds per MB, largest / smallest: {per_mb[-1] / per_mb[0]:.2f} (goal: within 1.5)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
