"""The evaluation result as a text block for people (``thucydides eval`` without ``--json``)."""

from __future__ import annotations

from thucydides.evaluate.compare import agrees, value_of
from thucydides.evaluate.metrics import WITHIN_KM, EvalResult, Rate
from thucydides.evaluate.records import EvalRecord

LISTED = 30  # missed events, false alarms and disagreements shown by name; the rest are counted


def format_report(result: EvalResult) -> str:
    """A readable report: counts, detection, field agreement, location error, recall per sub-type."""
    c = result.counts()
    m = result.metrics()
    lines = [
        f"Matching: {result.rule.name}, {result.rule.description}",
        "",
        "Counts",
        f"  gold events      {c['gold']:>6}  (scored {c['gold_scored']}; not found but excused: "
        f"{c['gold_optional_unmatched']} optional, {c['gold_merged']} merged)",
        f"  predicted events {c['pred']:>6}  (scored {c['pred_scored']}; "
        f"{c['pred_without_gold_report']} in reports without gold, not scored)",
        f"  matched          {c['matched']:>6}  in {c['gold_reports']} gold report(s)",
        "",
        "Detection",
        f"  precision  {_num(m['precision'])}",
        f"  recall     {_num(m['recall'])}",
        f"  F1         {_num(m['f1'])}",
        "",
        "Agreement over matched pairs (gold alternatives count as right)",
    ]
    width = max(len(name) for name in result.agreements)
    lines.extend(f"  {name:<{width}}  {_rate(rate)}" for name, rate in result.agreements.items())
    lines += [
        "",
        f"Location error over {len(result.distances_km)} matched pair(s) with coordinates on both sides",
        f"  median km  {_num(m['median_km'], digits=1)}",
        f"  mean km    {_num(m['mean_km'], digits=1)}",
        f"  within {WITHIN_KM:g} km  {_rate(result.within_km)}",
        "",
        "Recall per gold sub-event type",
    ]
    if result.by_sub_event_type:
        width = max(len(row.sub_event_type) for row in result.by_sub_event_type)
        lines.extend(
            f"  {row.sub_event_type:<{width}}  {_num(row.recall)}  ({row.matched}/{row.gold})"
            for row in result.by_sub_event_type
        )
    else:
        lines.append("  (no scored gold events)")
    lines += _listing("Missed gold events", result.matching.missed)
    lines += _listing("False alarms", result.matching.false_alarms)
    lines += _disagreements(result)
    return "\n".join(lines) + "\n"


def _num(value: float | None, *, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _rate(rate: Rate) -> str:
    return f"{_num(rate.value)}  ({rate.hits}/{rate.total})"


def _listing(title: str, records: tuple[EvalRecord, ...]) -> list[str]:
    if not records:
        return []
    lines = ["", f"{title} ({len(records)})"]
    for record in records[:LISTED]:
        e = record.event
        date = e.event_date.isoformat() if e.event_date else "no date"
        place = e.location_as_written or e.location or "?"
        lines.append(f"  {record.origin}  {e.event_id or '-'}  {date}  {e.sub_event_type} at {place}")
    if len(records) > LISTED:
        lines.append(f"  ... and {len(records) - LISTED} more (the JSON output lists them all)")
    return lines


# The fields a coder checks first; the listing shows gold -> predicted for each that disagrees.
COMPARED = ("sub_event_type", "actor1", "actor2", "event_date", "fatalities", "claimed_by")


def _disagreements(result: EvalResult) -> list[str]:
    rows = []
    for gold, pred in result.matching.pairs:
        wrong = [
            f"{name}: {value_of(gold, name)!r} -> {value_of(pred, name)!r}"
            for name in COMPARED
            if not agrees(gold, pred, name)
        ]
        if wrong:
            rows.append(f"  {gold.origin}  {gold.event.event_id or '-'}  " + "; ".join(wrong))
    if not rows:
        return []
    shown = rows[:LISTED]
    more = [f"  ... and {len(rows) - LISTED} more"] if len(rows) > LISTED else []
    return ["", f"Matched pairs that disagree ({len(rows)}; gold -> predicted)", *shown, *more]
