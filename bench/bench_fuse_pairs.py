"""How well the fusion rule tells "same event, another outlet" from "another event nearby".

Pairs come from the hand-coded gold records (``tests/eval`` and, when present, the
shared example):

- same event: each gold record against a retelling of it as another outlet would
  write it — another spelling (the point moved up to 3 km, no gazetteer id), the
  generic side for a named group, a sibling sub-event type (strike/shelling,
  capture/clash), a date a day off, other figures — each with the chances below;
- different events: every two gold records of one report that differ in place or
  type, as if two outlets had told them (the hardest negatives: same day, often
  the same city).

For each threshold it prints precision, recall and F1 of "fuse" decisions
(``compatible`` and ``similarity >= threshold``); ``FUSE_THRESHOLD`` was chosen here.

    python bench/bench_fuse_pairs.py [--seed 7] [--retellings 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import math
import random
from pathlib import Path

from thucydides.fuse.compare import FUSE_THRESHOLD, compatible, similarity
from thucydides.model import Event
from thucydides.record import event_from_record

ROOT = Path(__file__).resolve().parent.parent
SIBLING = {
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Government regains territory": "Armed clash",
    "Non-state actor overtakes territory": "Armed clash",
    "Armed clash": "Government regains territory",
    "Remote explosive/landmine/IED": "Suicide bomb",
    "Suicide bomb": "Remote explosive/landmine/IED",
}


def gold_records() -> list[Event]:
    files = sorted((ROOT / "tests" / "eval").glob("*.gold.jsonl"))
    files += sorted((ROOT.parent / "shared" / "examples").glob("*.gold.jsonl"))
    events = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("latitude") is None or not record.get("event_date"):
                continue
            record.setdefault("confidence", 1.0)
            record["confidence"] = record["confidence"] or 1.0
            record["notes"] = record.get("notes") or ""
            events.append(event_from_record(record))
    return events


def retelling(event: Event, rng: random.Random, index: int) -> Event:
    """The same event as another outlet might code it."""
    changes: dict[str, object] = {"event_id": f"{event.event_id}~{index}", "document_id": f"other-{index}"}
    if rng.random() < 0.5 and event.latitude is not None and event.longitude is not None:
        km, bearing = rng.uniform(0, 3), rng.uniform(0, 2 * math.pi)
        changes["latitude"] = event.latitude + km / 111 * math.cos(bearing)
        changes["longitude"] = event.longitude + km / 91 * math.sin(bearing)
        changes["geonames_id"] = None
        changes["location"] = None
    if (
        rng.random() < 0.4
        and event.actor2
        and not event.actor2.startswith(("Military", "Police", "Civilians"))
    ):
        changes["actor2"] = f"Opposition Rebels ({event.country})"
    if rng.random() < 0.2 and event.sub_event_type in SIBLING:
        changes["sub_event_type"] = SIBLING[event.sub_event_type]
    if rng.random() < 0.25 and event.event_date is not None:
        changes["event_date"] = event.event_date + dt.timedelta(days=rng.choice([-1, 1]))
    if rng.random() < 0.5:
        changes["fatalities"] = rng.randint(0, 40)
    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--retellings", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    gold = gold_records()
    positives = [(e, retelling(e, rng, i)) for e in gold for i in range(args.retellings)]
    negatives = [
        (a, dataclasses.replace(b, document_id="other-outlet"))
        for a, b in itertools.combinations(gold, 2)
        if a.document_id == b.document_id
        and ((a.latitude, a.longitude) != (b.latitude, b.longitude) or a.sub_event_type != b.sub_event_type)
    ]
    print(
        f"{len(gold)} gold records; {len(positives)} same-event pairs, {len(negatives)} different-event pairs"
    )
    scored = [(compatible(a, b) and similarity(a, b), True) for a, b in positives]
    scored += [(compatible(a, b) and similarity(a, b), False) for a, b in negatives]
    print(f"{'threshold':>9}  {'precision':>9}  {'recall':>6}  {'F1':>5}")
    for step in range(3, 10):
        threshold = step / 10
        tp = sum(1 for score, same in scored if same and score and score >= threshold)
        fp = sum(1 for score, same in scored if not same and score and score >= threshold)
        fn = sum(1 for score, same in scored if same and not (score and score >= threshold))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        mark = "  <- FUSE_THRESHOLD" if math.isclose(threshold, FUSE_THRESHOLD) else ""
        print(f"{threshold:>9.1f}  {precision:>9.3f}  {recall:>6.3f}  {f1:>5.3f}{mark}")


if __name__ == "__main__":
    main()
