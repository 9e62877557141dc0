"""Throughput of the extractor against a bare spaCy pass over the same texts, in the same run.

    python bench/bench_extract.py [--repeat 5] [REPORT...]

Prints articles/s and words/s of (a) ``nlp(text)`` with the full spaCy pipeline and (b) the whole
Thucydides pipeline (annotate -> ... -> geocode) on the same documents, the ratio (b)/(a), and the
peak resident memory of the process. Default reports: the bundled sample and the shared examples.
"""

from __future__ import annotations

import argparse
import resource
import time

from thucydides.build import Resources, build_pipeline
from thucydides.config import Settings
from thucydides.demo import sample_reports
from thucydides.ingest import read_inputs
from thucydides.model import Document


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("reports", nargs="*")
    parser.add_argument("--repeat", type=int, default=5, help="Passes over the reports (default 5).")
    args = parser.parse_args()
    settings = Settings.from_env()
    started = time.perf_counter()
    resources = Resources.load(settings)
    print(f"resources loaded in {time.perf_counter() - started:.1f} s")
    pipeline = build_pipeline(settings, resources)
    docs = [
        d
        for d in read_inputs(args.reports or sample_reports(settings), settings=settings)
        if isinstance(d, Document)
    ]
    docs = docs * args.repeat
    words = sum(len(d.text.split()) for d in docs)

    started = time.perf_counter()
    for doc in docs:
        resources.nlp(doc.text)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    events = 0
    for doc in docs:
        outcome = pipeline.run_one(doc)
        events += len(outcome.document.events) if outcome.document else 0
    ours = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} articles, {words} words, {events} events")
    print(f"bare spaCy pass : {len(docs) / bare:8.1f} articles/s {words / bare:10.0f} words/s")
    print(f"thucydides      : {len(docs) / ours:8.1f} articles/s {words / ours:10.0f} words/s")
    print(f"ratio (thucydides / bare spaCy): {bare / ours:.2f}")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
