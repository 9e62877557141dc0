"""Evaluation gate: extract events from every gold-annotated report, print the figures, fail below the floors.

Gold sets: ``*.gold.jsonl`` beside their reports in ``tests/eval/`` (ours) and in the shared
examples folder (``$THUCYDIDES_DATA/../examples``, when present). The floors in
``bench/eval_floors.json`` are a regression gate set from measured figures, not targets.

    python bench/eval_gate.py [--floors bench/eval_floors.json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from thucydides.build import Resources, build_pipeline
from thucydides.config import Settings
from thucydides.evaluate import check_floors, evaluate, format_report
from thucydides.jobs import process
from thucydides.record import event_to_record

ROOT = Path(__file__).resolve().parent.parent


def gold_sets(settings: Settings) -> list[Path]:
    """Folders holding ``NAME.gold.jsonl`` beside ``NAME.txt``."""
    folders = [ROOT / "tests" / "eval"]
    shared = (settings.data_dir.parent if settings.data_dir else ROOT.parent / "shared") / "examples"
    if shared.is_dir():
        folders.append(shared)
    return [folder for folder in folders if any(folder.glob("*.gold.jsonl"))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--floors", type=Path, default=ROOT / "bench" / "eval_floors.json")
    parser.add_argument("--keep", type=Path, help="Write the predictions here instead of a temporary folder.")
    args = parser.parse_args()

    settings = Settings.from_env()
    resources = Resources.load(settings)
    pipeline = build_pipeline(settings, resources)
    floors = json.loads(args.floors.read_text(encoding="utf-8"))
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        for folder in gold_sets(settings):
            reports = sorted(str(path) for path in folder.glob("*.txt"))
            pred_dir = out / folder.name
            pred_dir.mkdir(parents=True, exist_ok=True)
            for outcome in process(reports, settings=settings, pipeline=pipeline):
                if outcome.problem is not None:
                    print(f"error: {outcome.problem.input}: {outcome.problem.message}", file=sys.stderr)
                    failures.append(f"{outcome.problem.input} could not be processed")
                    continue
                assert outcome.document is not None
                stem = Path(outcome.document.input).name.removesuffix(".txt")
                with (pred_dir / f"{stem}.jsonl").open("w", encoding="utf-8") as handle:
                    for event in outcome.document.events:
                        record = event_to_record(event, input=outcome.document.input)
                        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            result = evaluate(folder, pred_dir)
            print(f"== {folder} ({len(reports)} reports)")
            print(format_report(result))
            failures += [
                f"{folder.name}: {message}" for message in check_floors(result, floors.get(folder.name, {}))
            ]
    if failures:
        print("Evaluation gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("Evaluation gate passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
