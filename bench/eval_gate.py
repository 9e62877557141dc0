"""Evaluation gate: extract events from every gold set, print the figures, fail below the floors.

Every figure is the one users judge the project by: records match gold as the shared scorer
``shared/dev/score/score_events.py`` matches them (the same date, and the same place: the same
GeoNames id, within 15 km, or the same name). The sets:

- ``eval``: our own hand-written reports (``tests/eval/``), written in the genre the rules expect;
- ``examples``: the shared example (``$THUCYDIDES_DATA/../examples``);
- ``fakes-dev``: 55 real articles of 15 outlets from ``shared/dev/fakes`` coded blind by helpers who
  never ran the extractor (``tests/gold/fakes/dev``; 20 more in ``tests/gold/fakes/aside`` are kept
  untouched and are not measured here);
- ``case2021``: the ACLED-labelled descriptions, scored by ``score_sets.py case``. The shipped
  sub-event model is trained on them, so the gate trains five cross-validation models and runs the
  whole pipeline with each on the descriptions it did not see (``bench/eval_case_heldout.py``);
- ``event-location``: the 1,500 located wire sentences, scored by ``score_sets.py evloc``.

The floors in ``bench/eval_floors.json`` are a regression gate set from measured figures, not targets.
A set whose folder is absent is skipped with a message (``shared/dev`` is third-party text that the
repository does not hold).

    python bench/eval_gate.py [--floors bench/eval_floors.json] [--keep DIR] [--only SET ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from thucydides.build import Resources, build_pipeline
from thucydides.config import Settings
from thucydides.evaluate import check_floors, evaluate, format_report
from thucydides.jobs import process
from thucydides.learn.subevent import SubEventModel
from thucydides.learn.train_subevent import case_examples, coded_examples, cross_validate
from thucydides.pipeline import Pipeline
from thucydides.record import event_to_record

ROOT = Path(__file__).resolve().parent.parent
SETS = ("eval", "examples", "fakes-dev", "case2021", "event-location")


def shared_dir(settings: Settings) -> Path:
    return settings.data_dir.parent if settings.data_dir else ROOT.parent / "shared"


def extract_to(pipeline: Pipeline, settings: Settings, reports: Iterable[str], out: Path) -> list[str]:
    """Write every report's records to ``out`` (JSON Lines); the problems, one line each."""
    problems = []
    with out.open("w", encoding="utf-8") as handle:
        for outcome in process(list(reports), settings=settings, pipeline=pipeline):
            if outcome.problem is not None:
                problems.append(f"{outcome.problem.input}: {outcome.problem.message}")
                continue
            assert outcome.document is not None
            for event in outcome.document.events:
                record = event_to_record(event, input=outcome.document.input)
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return problems


def shared_scorer(shared: Path, *args: str) -> dict[str, float]:
    """Run one of the shared scorers and return the figures it prints as JSON."""
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, cwd=shared / "dev" / "score"
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def floors_failed(name: str, figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    out = []
    for metric, floor in floors.items():
        value = figures.get(metric)
        if not isinstance(value, int | float):
            out.append(f"{name}: {metric} was not measured")
        elif value < floor:
            out.append(f"{name}: {metric} {value:.3f} is below its floor {floor:.3f}")
    return out


def gold_folder_sets(
    pipeline: Pipeline, settings: Settings, floors: dict[str, dict[str, float]], out: Path, wanted: set[str]
) -> list[str]:
    """Our own reports and the shared example: the project's own ``eval``, strict matching."""
    failures: list[str] = []
    shared_examples = shared_dir(settings) / "examples"
    for name, folder in (("eval", ROOT / "tests" / "eval"), ("examples", shared_examples)):
        if name not in wanted:
            continue
        if not any(folder.glob("*.gold.jsonl")):
            print(f"== {name}: skipped, no gold in {folder}")
            continue
        reports = sorted(str(path) for path in folder.glob("*.txt"))
        pred_dir = out / name
        pred_dir.mkdir(parents=True, exist_ok=True)
        for outcome in process(reports, settings=settings, pipeline=pipeline):
            if outcome.problem is not None:
                failures.append(f"{outcome.problem.input} could not be processed: {outcome.problem.message}")
                continue
            assert outcome.document is not None
            stem = Path(outcome.document.input).name.removesuffix(".txt")
            with (pred_dir / f"{stem}.jsonl").open("w", encoding="utf-8") as handle:
                for event in outcome.document.events:
                    handle.write(json.dumps(event_to_record(event, input=outcome.document.input)) + "\n")
        result = evaluate(folder, pred_dir)
        print(f"== {name}: {folder} ({len(reports)} reports)")
        print(format_report(result))
        failures += [f"{name}: {message}" for message in check_floors(result, floors.get(name, {}))]
    return failures


def fakes_dev(
    pipeline: Pipeline, settings: Settings, floors: dict[str, float], out: Path, shared: Path
) -> list[str]:
    gold = ROOT / "tests" / "gold" / "fakes" / "dev"
    articles = shared / "dev" / "fakes"
    if not articles.is_dir():
        print(f"== fakes-dev: skipped, {articles} is absent (third-party articles, not in the repository)")
        return []
    reports = [
        str(articles / path.name.replace(".gold.jsonl", ".txt")) for path in sorted(gold.glob("*.gold.jsonl"))
    ]
    pred = out / "fakes-dev.jsonl"
    problems = extract_to(pipeline, settings, reports, pred)
    figures = shared_scorer(shared, "score_events.py", "--dir", str(gold), str(pred), "--json")
    print(f"== fakes-dev: {len(reports)} FA-KES articles coded blind, shared scorer score_events.py")
    print(json.dumps(figures))
    return [f"fakes-dev: {p}" for p in problems] + floors_failed("fakes-dev", figures, floors)


def case_heldout(
    resources: Resources, settings: Settings, floors: dict[str, float], out: Path, shared: Path
) -> list[str]:
    folder = shared / "dev" / "case2021"
    if not folder.is_dir():
        print(f"== case2021: skipped, {folder} is absent")
        return []
    ids, texts, labels = case_examples(folder)
    extra = coded_examples(shared / "dev")
    fold_dir = out / "case-folds"
    cross_validate(texts, labels, extra, save_to=fold_dir, ids=ids)
    pred = out / "case2021.jsonl"
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        parts = []
        for ids_path in sorted(fold_dir.glob("fold-*.ids")):
            fold = dataclasses.replace(resources, subevents=SubEventModel.load(ids_path.with_suffix(".npz")))
            part = Path(scratch) / f"{ids_path.stem}.jsonl"
            reports = [str(folder / f"{i}.txt") for i in ids_path.read_text(encoding="utf-8").split()]
            problems += extract_to(build_pipeline(settings, fold), settings, reports, part)
            parts.append(part)
        pred.write_text("".join(p.read_text(encoding="utf-8") for p in parts), encoding="utf-8")
    figures = shared_scorer(shared, "score_sets.py", "case", str(folder), str(pred))
    print(
        "== case2021: 400 descriptions, each run with the fold model that did not see it, score_sets.py case"
    )
    print(json.dumps(figures))
    return [f"case2021: {p}" for p in problems] + floors_failed("case2021", figures, floors)


def event_location(
    pipeline: Pipeline, settings: Settings, floors: dict[str, float], out: Path, shared: Path
) -> list[str]:
    folder = shared / "dev" / "event-location" / "located"
    if not folder.is_dir():
        print(f"== event-location: skipped, {folder} is absent")
        return []
    pred = out / "event-location.jsonl"
    extract_to(pipeline, settings, sorted(str(p) for p in folder.glob("*.txt")), pred)
    figures = shared_scorer(shared, "score_sets.py", "evloc", str(folder), str(pred))
    print("== event-location: 1,500 located wire sentences, score_sets.py evloc")
    print(json.dumps(figures))
    # Fragments too short to be reports are refused by ingest on purpose; they are not failures.
    return floors_failed("event-location", figures, floors)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--floors", type=Path, default=ROOT / "bench" / "eval_floors.json")
    parser.add_argument("--keep", type=Path, help="Write the predictions here instead of a temporary folder.")
    parser.add_argument("--only", nargs="+", choices=SETS, help="Measure only these sets.")
    args = parser.parse_args()

    settings = Settings.from_env()
    resources = Resources.load(settings)
    pipeline = build_pipeline(settings, resources)
    floors = json.loads(args.floors.read_text(encoding="utf-8"))
    wanted = set(args.only or SETS)
    shared = shared_dir(settings)
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        failures = gold_folder_sets(pipeline, settings, floors, out, wanted)
        if "fakes-dev" in wanted:
            failures += fakes_dev(pipeline, settings, floors.get("fakes-dev", {}), out, shared)
        if "case2021" in wanted:
            failures += case_heldout(resources, settings, floors.get("case2021", {}), out, shared)
        if "event-location" in wanted:
            failures += event_location(pipeline, settings, floors.get("event-location", {}), out, shared)
    if failures:
        print("Evaluation gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("Evaluation gate passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
