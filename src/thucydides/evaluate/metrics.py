"""Scores of a prediction run against gold: detection, field agreement, location error, floors.

Detection counts a matched pair as a true positive, a scored gold event left
unmatched as a false negative and a prediction in a gold report left unmatched
as a false positive. Field metrics are shares of the matched pairs. A metric
whose denominator is 0 is ``None`` ("not measured"), never a division error.
"""

from __future__ import annotations

import os
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from thucydides.errors import EvaluationError
from thucydides.evaluate.compare import agrees, distance_km, fatalities_in_range
from thucydides.evaluate.match import STRICT, Matching, MatchRule, match
from thucydides.evaluate.records import EvalRecord, file_stem, gold_files, load_gold, load_pred

WITHIN_KM = 161.0  # 100 miles

Judge = Callable[[EvalRecord, EvalRecord], bool]


def _field(name: str) -> Judge:
    return lambda gold, pred: agrees(gold, pred, name)


def _claim_presence(gold: EvalRecord, pred: EvalRecord) -> bool:
    return (gold.event.claimed_by is None) == (pred.event.claimed_by is None)


# Metric name -> how one matched pair is judged; the order is the report's.
AGREEMENTS: dict[str, Judge] = {
    "event_type_accuracy": _field("event_type"),
    "sub_event_type_accuracy": _field("sub_event_type"),
    "actor1_accuracy": _field("actor1"),
    "actor2_accuracy": _field("actor2"),
    "date_agreement": _field("event_date"),
    "time_precision_agreement": _field("time_precision"),
    "location_agreement": _field("location"),
    "location_as_written_agreement": _field("location_as_written"),
    "geonames_id_agreement": _field("geonames_id"),
    "fatalities_agreement": _field("fatalities"),
    "fatalities_in_range": fatalities_in_range,
    "claimed_by_presence_agreement": _claim_presence,
    "claimed_by_agreement": _field("claimed_by"),
}
# Metrics where lower is better: reported, but a floor makes no sense for them.
ERROR_METRICS = ("median_km", "mean_km")


@dataclass(frozen=True, slots=True)
class Rate:
    """``hits`` out of ``total``; ``value`` is None when nothing was measured."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class SubTypeRecall:
    """Recall for one gold sub-event type."""

    sub_event_type: str
    gold: int
    matched: int

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Everything ``evaluate`` measured; ``as_dict`` gives it as JSON-ready data."""

    rule: MatchRule
    matching: Matching
    gold: int
    pred: int
    agreements: Mapping[str, Rate]
    distances_km: tuple[float, ...]
    within_km: Rate
    by_sub_event_type: tuple[SubTypeRecall, ...]

    @property
    def matched(self) -> int:
        return len(self.matching.pairs)

    @property
    def precision(self) -> float | None:
        return Rate(self.matched, self.matched + len(self.matching.false_alarms)).value

    @property
    def recall(self) -> float | None:
        return Rate(self.matched, self.matched + len(self.matching.missed)).value

    @property
    def f1(self) -> float | None:
        errors = len(self.matching.false_alarms) + len(self.matching.missed)
        return Rate(2 * self.matched, 2 * self.matched + errors).value

    def metrics(self) -> dict[str, float | None]:
        """Every metric by name (the names ``check_floors`` accepts, plus the km errors)."""
        values: dict[str, float | None] = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        values.update((name, rate.value) for name, rate in self.agreements.items())
        values["within_161km"] = self.within_km.value
        values["median_km"] = statistics.median(self.distances_km) if self.distances_km else None
        values["mean_km"] = statistics.fmean(self.distances_km) if self.distances_km else None
        return values

    def counts(self) -> dict[str, int]:
        """Record counts: read, scored, matched and left over."""
        m = self.matching
        return {
            "gold": self.gold,
            "gold_scored": self.matched + len(m.missed),
            "gold_optional_unmatched": len(m.optional_unmatched),
            "gold_merged": len(m.merged),
            "pred": self.pred,
            "pred_scored": self.matched + len(m.false_alarms),
            "pred_without_gold_report": len(m.unscored),
            "matched": self.matched,
            "missed": len(m.missed),
            "false_alarms": len(m.false_alarms),
            "gold_reports": m.reports,
        }

    def as_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data."""
        rates = {name: [rate.hits, rate.total] for name, rate in self.agreements.items()}
        rates["within_161km"] = [self.within_km.hits, self.within_km.total]
        return {
            "counts": self.counts(),
            "metrics": self.metrics(),
            "rates": rates,
            "by_sub_event_type": [
                {"sub_event_type": r.sub_event_type, "gold": r.gold, "matched": r.matched, "recall": r.recall}
                for r in self.by_sub_event_type
            ],
            "missed": [_describe(r) for r in self.matching.missed],
            "false_alarms": [_describe(r) for r in self.matching.false_alarms],
        }


def evaluate(
    gold: str | os.PathLike[str], pred: str | os.PathLike[str], *, rule: MatchRule = STRICT
) -> EvalResult:
    """Score the predictions at path ``pred`` against the gold at path ``gold`` (file or directory)."""
    gold_records: list[EvalRecord] = []
    empty: list[str] = []
    for path in gold_files(gold):
        records = load_gold(path)
        gold_records.extend(records)
        if not records:
            empty.append(file_stem(path))
    return evaluate_records(gold_records, load_pred(pred), empty_gold_stems=empty, rule=rule)


def evaluate_records(
    gold: Sequence[EvalRecord],
    pred: Sequence[EvalRecord],
    *,
    empty_gold_stems: Sequence[str] = (),
    rule: MatchRule = STRICT,
) -> EvalResult:
    """Score ``pred`` against ``gold`` records already loaded."""
    matching = match(gold, pred, empty_gold_stems=empty_gold_stems, rule=rule)
    pairs = matching.pairs
    agreements = {
        name: Rate(sum(judge(g, p) for g, p in pairs), len(pairs)) for name, judge in AGREEMENTS.items()
    }
    distances = tuple(km for g, p in pairs if (km := distance_km(g, p)) is not None)
    found = Counter(g.event.sub_event_type for g, _ in pairs)
    scored = found + Counter(g.event.sub_event_type for g in matching.missed)
    return EvalResult(
        rule=rule,
        matching=matching,
        gold=len(gold),
        pred=len(pred),
        agreements=agreements,
        distances_km=distances,
        within_km=Rate(sum(km <= WITHIN_KM for km in distances), len(distances)),
        by_sub_event_type=tuple(
            SubTypeRecall(sub, gold=n, matched=found[sub]) for sub, n in sorted(scored.items())
        ),
    )


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor (an unmeasured metric fails too); empty when all pass.

    Raises ``EvaluationError`` for a name that is not a floorable metric, so a
    typo in the floors cannot pass silently.
    """
    values = result.metrics()
    failures: list[str] = []
    for name, floor in floors.items():
        if name not in values or name in ERROR_METRICS:
            known = ", ".join(n for n in values if n not in ERROR_METRICS)
            raise EvaluationError(f"Unknown metric '{name}' in the floors. Use one of: {known}.")
        value = values[name]
        if value is None:
            failures.append(f"{name}: not measured (nothing to compute it on), floor {floor:.3f}")
        elif value < floor:
            failures.append(f"{name}: {value:.3f} is below the floor {floor:.3f}")
    return failures


def _describe(record: EvalRecord) -> dict[str, Any]:
    e = record.event
    return {
        "origin": record.origin,
        "event_id": e.event_id,
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "sub_event_type": e.sub_event_type,
        "location_as_written": e.location_as_written,
    }
