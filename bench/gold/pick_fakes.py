"""Pick the FA-KES articles to code as gold: a seeded sample stratified by outlet, spread over years.

Run once before coding; the choice is recorded in `tests/gold/fakes/SELECTION.json` so that it can be
checked and never silently redrawn.  Only the metadata is read (outlet, date), never the extractor.

    python bench/gold/pick_fakes.py ../shared/dev/fakes --per-outlet 5 --seed 20261207
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def pick(folder: Path, per_outlet: int, seed: int) -> list[dict[str, str]]:
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    for meta_path in sorted(folder.glob("*.meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        doc = meta_path.name[: -len(".meta.json")]
        by_outlet[meta["source"]].append(
            {"id": doc, "source": meta["source"], "published": meta["published"]}
        )
    rng = random.Random(seed)
    chosen: list[dict[str, str]] = []
    for outlet in sorted(by_outlet):
        items = by_outlet[outlet]
        # spread over years: round-robin over the outlet's years, random within each year
        by_year: dict[str, list[dict[str, str]]] = defaultdict(list)
        for item in items:
            by_year[item["published"][:4]].append(item)
        for year_items in by_year.values():
            rng.shuffle(year_items)
        years = sorted(by_year)
        taken: list[dict[str, str]] = []
        while len(taken) < min(per_outlet, len(items)):
            for year in years:
                if by_year[year] and len(taken) < per_outlet:
                    taken.append(by_year[year].pop())
        chosen += taken
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--per-outlet", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--aside", type=int, default=20, help="articles kept aside, untouched, to the end")
    args = parser.parse_args()
    chosen = pick(args.folder, args.per_outlet, args.seed)
    rng = random.Random(args.seed + 1)
    aside = {item["id"] for item in rng.sample(chosen, args.aside)}
    for item in chosen:
        item["split"] = "aside" if item["id"] in aside else "dev"
    print(json.dumps({"seed": args.seed, "per_outlet": args.per_outlet, "articles": chosen}, indent=1))


if __name__ == "__main__":
    main()
