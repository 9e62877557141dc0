"""Gazetteer and geoparser figures: ``python bench/bench_geoparse.py [--build] [REPORT.txt ...]``.

Prints:

- with ``--build``: the gazetteer build (places, names, keys, file size, seconds,
  peak memory of this process), into ``$THUCYDIDES_GAZETTEER`` or the default path;
- the time to open the gazetteer, and lookups per second by key and by close spelling;
- for each report with a ``NAME.gold.jsonl`` beside it (default: ``tests/eval/`` and the
  shared examples): place mentions, geoparse time, and the gold locations found and
  placed within 161 km (``thucydides.geoparse.evaluate``).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from thucydides.config import Settings
from thucydides.gazetteer import Gazetteer, build_gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.evaluate import location_score
from thucydides.model import Document
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.model import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def default_reports(settings: Settings) -> list[Path]:
    shared = (settings.data_dir.parent if settings.data_dir else ROOT.parent / "shared") / "examples"
    folders = [ROOT / "tests" / "eval", shared]
    return [path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.txt"))]


def lookups_per_second(gazetteer: Gazetteer, names: list[str]) -> float:
    started = time.perf_counter()
    for _ in range(20):
        for name in names:
            gazetteer.lookup(name, country="SY")
    return 20 * len(names) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--build", action="store_true", help="build the gazetteer first")
    args = parser.parse_args()
    settings = Settings.from_env()
    if args.build:
        report = build_gazetteer(settings.gazetteer_path, data_dir=settings.data_dir)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"build: {report.summary()}; peak memory {peak_mb:.0f} MB")
    started = time.perf_counter()
    gazetteer = Gazetteer.ensure(settings)
    print(f"open: {time.perf_counter() - started:.1f} s, {len(gazetteer):,} places")
    gazetteer.lookup("Qwertyuiop", country="SY")  # lists the country's keys once
    by_key = lookups_per_second(gazetteer, ["Aleppo", "Sheikh Saeed", "Deir Ezzur", "Palmyra", "Douma"])
    close = lookups_per_second(gazetteer, ["Kherba Al-Janinah", "Bustan al-Qasr", "Qwertyuiop"])
    print(f"lookup: {by_key:,.0f}/s by key, {close:,.0f}/s by close spelling (country SY)")

    annotator = Annotator(load_nlp(settings.spacy_model), entities=False)
    geoparser = Geoparser(gazetteer, countries_in_focus=settings.countries_in_focus)
    placed = total = 0
    for path in args.reports or default_reports(settings):
        gold_path = path.with_name(path.stem + ".gold.jsonl")
        doc = annotator(Document.from_text(path.read_text("utf-8"), input=str(path)))
        started = time.perf_counter()
        doc = geoparser(doc)
        seconds = time.perf_counter() - started
        line = f"{path.name}: {len(doc.places)} place mentions in {seconds * 1000:.0f} ms"
        if gold_path.is_file():
            gold = [json.loads(row) for row in gold_path.read_text("utf-8").splitlines() if row.strip()]
            score = location_score(doc, gold)
            placed, total = placed + score.placed, total + score.total
            line += (
                f"; gold locations placed within 161 km: {score.placed}/{score.total} ({score.fraction:.2f})"
            )
        print(line)
    if total:
        print(f"all gold locations: {placed}/{total} ({placed / total:.2f})")


if __name__ == "__main__":
    main()
