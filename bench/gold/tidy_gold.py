"""Check and tidy hand-coded gold files so that the shared scorer can read them.

- an alternative written as JSON null means "no value is acceptable": the scorer compares lower-cased
  strings and reads a missing value as "", so null becomes "";
- evidence keeps offsets only (no text of the report), and offsets must fall inside the report;
- notes and gold notes must not quote the report: any run of 8 words shared with it is reported;
- ``document_id`` is the content hash of the report as Thucydides ingests it, so that
  ``thucydides eval`` can pair the gold with predictions (the shared scorer pairs by file name).

    python bench/gold/tidy_gold.py tests/gold/fakes ../shared/dev/fakes [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.model import Problem

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def ingested_id(report: Path) -> str:
    """The document id Thucydides gives the report (the hash of its clean text)."""
    (item,) = read_inputs([str(report)], settings=Settings())
    if isinstance(item, Problem):
        raise SystemExit(f"{report}: {item.message}")
    return item.id


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path)
    parser.add_argument("reports", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    problems = 0
    for path in sorted(args.gold.rglob("*.gold.jsonl")):
        report = args.reports / path.name.replace(".gold.jsonl", ".txt")
        text = report.read_text(encoding="utf-8")
        document_id = ingested_id(report)
        quoted = shingles(text)
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for record in records:
            record["document_id"] = document_id
            for evidence in record.get("evidence") or []:
                evidence["document_id"] = document_id
            for field, values in (record.get("alternatives") or {}).items():
                record["alternatives"][field] = ["" if value is None else value for value in values]
            for evidence in record.get("evidence") or []:
                evidence.pop("text", None)
                if not 0 <= evidence["start"] < evidence["end"] <= len(text):
                    print(f"{path}: evidence {evidence} outside the report", file=sys.stderr)
                    problems += 1
            for field in ("notes", "gold_note"):
                if shingles(record.get(field) or "") & quoted:
                    print(f"{path}: {field} of {record.get('event_id')} quotes the report", file=sys.stderr)
                    problems += 1
        if args.write:
            path.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
            )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
