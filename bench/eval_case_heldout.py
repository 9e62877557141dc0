"""Rules and model together on CASE descriptions the model never saw: the honest CASE figure.

The shipped sub-event model is trained on all of ``shared/dev/case2021``, so extracting that folder
with it measures memory, not skill. This runs the whole pipeline five times, each time with the model
of one cross-validation fold (``learn/train_subevent.py --fold-models DIR``) on the descriptions that
fold held out, and scores the joined predictions with the shared scorer. ``--rules-only`` runs the
same pipeline with the model switched off, for comparison on the same descriptions.

    python -m thucydides.learn.train_subevent --fold-models /tmp/folds
    python bench/eval_case_heldout.py --folds /tmp/folds [--dev ../shared/dev] [--rules-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from thucydides.build import Resources, build_pipeline
from thucydides.config import Settings
from thucydides.jobs import process
from thucydides.learn.subevent import SubEventModel
from thucydides.pipeline import Pipeline
from thucydides.record import event_to_record


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=Path, required=True)
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev"))
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--out", type=Path, help="keep the predictions here")
    args = parser.parse_args()
    settings = Settings.from_env()
    resources = Resources.load(settings)
    case = args.dev / "case2021"
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch) / "case.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for ids_path in sorted(args.folds.glob("fold-*.ids")):
                model = SubEventModel.load(ids_path.with_suffix(".npz"))
                fold_resources = dataclasses.replace(resources, subevents=model)
                pipeline = build_pipeline(settings, fold_resources)
                if args.rules_only:
                    pipeline = Pipeline([s for s in pipeline.stages if s.name != "subevents"])
                reports = [str(case / f"{i}.txt") for i in ids_path.read_text().split()]
                for outcome in process(reports, settings=settings, pipeline=pipeline):
                    if outcome.document is None:
                        continue
                    for event in outcome.document.events:
                        record = event_to_record(event, input=outcome.document.input)
                        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        scorer = args.dev / "score" / "score_sets.py"
        result = subprocess.run(
            [sys.executable, str(scorer), "case", str(case), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
    label = (
        "rules only"
        if args.rules_only
        else "rules + model, each fold's model on the descriptions it did not see"
    )
    print(f"CASE dev, {label}: {result.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
