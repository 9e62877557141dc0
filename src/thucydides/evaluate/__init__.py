"""Scoring predicted event records against gold records (``thucydides eval``).

    records   read and check gold / prediction JSON Lines files or directories
    compare   how one field of a prediction is judged against gold (alternatives, place names, km)
    assign    optimal one-to-one assignment (Hungarian algorithm)
    match     pairing predicted events with gold events, report by report (the matching rule)
    metrics   detection, agreement and location-error metrics; regression floors
    report    the result as readable text

Typical use::

    result = evaluate("gold/", "pred/")
    print(format_report(result))
    failures = check_floors(result, {"f1": 0.6, "sub_event_type_accuracy": 0.7})
"""

from thucydides.evaluate.compare import haversine_km, normalise_place
from thucydides.evaluate.match import LOOSE, STRICT, Matching, MatchRule, compatible, match, score
from thucydides.evaluate.metrics import (
    EvalResult,
    Rate,
    SubTypeRecall,
    check_floors,
    evaluate,
    evaluate_records,
)
from thucydides.evaluate.records import EvalRecord, load_gold, load_pred
from thucydides.evaluate.report import format_report

__all__ = [
    "LOOSE",
    "STRICT",
    "EvalRecord",
    "EvalResult",
    "MatchRule",
    "Matching",
    "Rate",
    "SubTypeRecall",
    "check_floors",
    "compatible",
    "evaluate",
    "evaluate_records",
    "format_report",
    "haversine_km",
    "load_gold",
    "load_pred",
    "match",
    "normalise_place",
    "score",
]
