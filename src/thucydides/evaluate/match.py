"""Pairing predicted events with gold events, one to one, report by report.

1. Reports. Gold and predicted records are grouped by ``document_id`` (the
   content hash of the clean text). A predicted group whose id no gold record
   has is paired with the gold report that shares a ``source_url``, failing that
   with the gold report of the same file stem (``x.gold.jsonl`` ~ ``x.jsonl``,
   ``x.pred.jsonl``, or a record whose ``input`` is ``x.txt``/``x.html``). A
   gold file with no records still stands for a report (one without events).
   Predictions for a report without gold are not scored; they are counted
   apart. A gold report without predictions has all its events missed.
2. Compatibility, by one of two rules (``STRICT`` is the default and what every
   figure of the project quotes):
   ``STRICT``, the rule of the shared scorer ``shared/dev/score/score_events.py``:
   - date: P's date equals G's date or one of G's ``alternatives`` (a null gold
     date matches any);
   - place: the same GeoNames id; else, when both have coordinates, at most
     15 km apart; else the same name after the scorer's normalisation
     (``scorer_place_key``) of ``location``/``location_as_written`` and G's
     location alternatives.
   Pairs are then chosen as the scorer chooses them (best pair score first), and a
   prediction paired with an optional gold event counts neither as found nor as
   false.
   ``LOOSE``, for reading an extractor's near misses; all three must hold:
   - evidence: some evidence span of P overlaps some span of G (character
     offsets, same evidence document id). Skipped when either side has no
     evidence or they share no evidence document (reports paired by url or
     stem, whose offsets refer to different texts);
   - date: P's date is within 1 day of G's date or of a date in G's
     ``alternatives``, or either date is null;
   - place: a normalised name of P (``location``, ``location_as_written``)
     equals a normalised name of G (those two and their ``alternatives``),
     or both have coordinates less than 25 km apart.
3. Score of a compatible pair, weighted agreement (maximum 12.5): sub-event
   type 3, place name 3, evidence overlap 2 (Jaccard of the character spans),
   event type 1, date 1, actor1 1, proximity 1 (1 at 0 km, 0 at 25 km),
   actor2 0.5; alternatives count as agreement.
4. Assignment. Per report, the Hungarian algorithm picks the one-to-one pairing
   with the most pairs and, among those, the highest summed score.
5. Gold events excused when unmatched: ``optional`` ones, and ones whose
   ``merge_ok_with`` names a matched gold event whose prediction is also
   compatible with them (the prediction merged them). Excused events count
   neither as found nor as missed.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thucydides.evaluate.assign import max_weight_assignment
from thucydides.evaluate.compare import agrees, dates_within, distance_km, place_names, scorer_place_key
from thucydides.evaluate.records import EvalRecord

log = logging.getLogger(__name__)

NEAR_KM = 25.0
DATE_SLACK_DAYS = 1
MAX_SCORE = 12.5
SCORER_KM = 15.0  # shared/dev/score/score_events.py MATCH_KM


@dataclass(frozen=True, slots=True)
class MatchRule:
    """How a gold and a predicted record may be paired (see the module docstring, rule 2)."""

    name: str
    description: str
    strict: bool


STRICT = MatchRule(
    "strict",
    "as shared/dev/score/score_events.py: same date, and the same place "
    f"(same GeoNames id, within {SCORER_KM:g} km, or the same name)",
    strict=True,
)
LOOSE = MatchRule(
    "loose",
    f"date within {DATE_SLACK_DAYS} day, place within {NEAR_KM:g} km or same name, evidence overlapping",
    strict=False,
)


@dataclass(frozen=True, slots=True)
class Matching:
    """Outcome of pairing: the pairs and every record left over, by why it was left."""

    pairs: tuple[tuple[EvalRecord, EvalRecord], ...]  # (gold, pred)
    missed: tuple[EvalRecord, ...]  # gold, scored, not found
    optional_unmatched: tuple[EvalRecord, ...]  # gold marked optional, not found: not scored
    merged: tuple[EvalRecord, ...]  # gold folded into a matched neighbour: not scored
    false_alarms: tuple[EvalRecord, ...]  # pred in a report with gold, matching nothing
    unscored: tuple[EvalRecord, ...]  # pred in a report without gold
    reports: int  # gold reports


@dataclass(slots=True)
class _Report:
    gold: list[EvalRecord]
    pred: list[EvalRecord]
    urls: set[str]
    stems: set[str]


def match(
    gold: Sequence[EvalRecord],
    pred: Sequence[EvalRecord],
    *,
    empty_gold_stems: Iterable[str] = (),
    rule: MatchRule = STRICT,
) -> Matching:
    """Pair ``pred`` with ``gold`` (see the module docstring for the rule).

    ``empty_gold_stems`` names gold files that hold no records: reports in which
    every prediction is a false alarm.
    """
    reports = _group_gold(gold, empty_gold_stems)
    unscored: list[EvalRecord] = []
    for doc_id, records in _group_by_document(pred).items():
        report = _report_for(doc_id, records, reports)
        if report is None:
            unscored.extend(records)
        else:
            report.pred.extend(records)

    pairs: list[tuple[EvalRecord, EvalRecord]] = []
    missed: list[EvalRecord] = []
    optional: list[EvalRecord] = []
    merged: list[EvalRecord] = []
    false_alarms: list[EvalRecord] = []
    for report in reports.values():
        found = _assign(report.gold, report.pred, rule)
        if rule.strict:
            # The scorer counts a prediction paired with an optional gold event neither way.
            excused = [(g, p) for g, p in found if g.optional]
            report.pred = [p for p in report.pred if not any(p is q for _, q in excused)]
            found = [(g, p) for g, p in found if not g.optional]
        pairs.extend(found)
        matched_gold = {id(g) for g, _ in found}
        matched_pred = {id(p) for _, p in found}
        pred_of = {g.event.event_id: p for g, p in found}
        for g in report.gold:
            if id(g) in matched_gold:
                continue
            if g.optional:
                optional.append(g)
            elif any(ref in pred_of and compatible(g, pred_of[ref], rule) for ref in g.merge_ok_with):
                merged.append(g)
            else:
                missed.append(g)
        false_alarms.extend(p for p in report.pred if id(p) not in matched_pred)
    return Matching(
        pairs=tuple(pairs),
        missed=tuple(missed),
        optional_unmatched=tuple(optional),
        merged=tuple(merged),
        false_alarms=tuple(false_alarms),
        unscored=tuple(unscored),
        reports=len(reports),
    )


def compatible(gold: EvalRecord, pred: EvalRecord, rule: MatchRule = STRICT) -> bool:
    """Whether ``pred`` may be paired with ``gold`` under ``rule`` (rule 2)."""
    if rule.strict:
        return _same_date(gold, pred) and _same_place(gold, pred)
    overlap = _evidence_overlap(gold, pred)
    if overlap == 0:  # None: evidence not comparable, rule skipped
        return False
    if not dates_within(gold, pred, days=DATE_SLACK_DAYS):
        return False
    if place_names(gold) & place_names(pred):
        return True
    km = distance_km(gold, pred)
    return km is not None and km < NEAR_KM


def score(gold: EvalRecord, pred: EvalRecord) -> float:
    """Weighted agreement of a compatible pair, 0..``MAX_SCORE`` (rule 3)."""
    total = 3.0 * agrees(gold, pred, "sub_event_type")
    total += 3.0 * bool(place_names(gold) & place_names(pred))
    total += 2.0 * _jaccard(gold, pred)
    total += 1.0 * agrees(gold, pred, "event_type")
    total += 1.0 * agrees(gold, pred, "event_date")
    total += 1.0 * agrees(gold, pred, "actor1")
    km = distance_km(gold, pred)
    total += max(0.0, 1.0 - km / NEAR_KM) if km is not None else 0.0
    total += 0.5 * agrees(gold, pred, "actor2")
    return total


def _greedy(gold: list[EvalRecord], pred: list[EvalRecord]) -> list[tuple[EvalRecord, EvalRecord]]:
    """The shared scorer's pairing: best-scoring compatible pairs first, each record used once
    (score 1, +1 same sub-event type or +0.5 same event type, +0.25 same actor1)."""
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _same_date(g, p) and _same_place(g, p):
                points = 1.0 + (
                    1.0 if agrees(g, p, "sub_event_type") else 0.5 if agrees(g, p, "event_type") else 0.0
                )
                scored.append((points + 0.25 * agrees(g, p, "actor1"), i, j))
    scored.sort(key=lambda item: (-item[0], -item[1], -item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for _, i, j in scored:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((gold[i], pred[j]))
    return out


def _same_date(gold: EvalRecord, pred: EvalRecord) -> bool:
    if gold.event.event_date is None:
        return True
    accepted = {gold.event.event_date.isoformat(), *map(str, gold.alternatives.get("event_date", ()))}
    return pred.event.event_date is not None and pred.event.event_date.isoformat() in accepted


def _same_place(gold: EvalRecord, pred: EvalRecord) -> bool:
    if gold.event.geonames_id and gold.event.geonames_id == pred.event.geonames_id:
        return True
    km = distance_km(gold, pred)
    if km is not None:
        return km <= SCORER_KM
    gold_names = {scorer_place_key(gold.event.location), scorer_place_key(gold.event.location_as_written)}
    gold_names |= {scorer_place_key(str(n)) for n in gold.alternatives.get("location", ())}
    pred_names = {scorer_place_key(pred.event.location), scorer_place_key(pred.event.location_as_written)}
    return bool((gold_names & pred_names) - {""})


def _assign(
    gold: list[EvalRecord], pred: list[EvalRecord], rule: MatchRule
) -> list[tuple[EvalRecord, EvalRecord]]:
    if rule.strict:
        return _greedy(gold, pred)
    # Every compatible pair outweighs any sum of scores, so the most pairs win first.
    bonus = MAX_SCORE * min(len(gold), len(pred)) + 1.0
    weights = [[bonus + score(g, p) if compatible(g, p, rule) else 0.0 for p in pred] for g in gold]
    return [(gold[r], pred[c]) for r, c in max_weight_assignment(weights)]


def _group_by_document(records: Iterable[EvalRecord]) -> dict[str, list[EvalRecord]]:
    groups: dict[str, list[EvalRecord]] = defaultdict(list)
    for record in records:
        groups[record.event.document_id].append(record)
    return groups


def _group_gold(gold: Sequence[EvalRecord], empty_gold_stems: Iterable[str]) -> dict[str, _Report]:
    reports: dict[str, _Report] = {}
    for doc_id, records in _group_by_document(gold).items():
        reports[doc_id] = _Report(
            gold=records,
            pred=[],
            urls={r.event.source_url for r in records if r.event.source_url},
            stems=set().union(*(r.stems for r in records)),
        )
    for stem in empty_gold_stems:
        reports[f"empty-gold-file:{stem}"] = _Report(gold=[], pred=[], urls=set(), stems={stem})
    return reports


def _report_for(doc_id: str, records: list[EvalRecord], reports: dict[str, _Report]) -> _Report | None:
    if doc_id in reports:
        return reports[doc_id]
    urls = {r.event.source_url for r in records if r.event.source_url}
    stems: set[str] = set().union(*(r.stems for r in records))
    for gold_id, report in reports.items():
        if report.urls & urls:
            log.info("predictions for %s paired with gold report %s by source_url", doc_id, gold_id)
            return report
    for gold_id, report in reports.items():
        if report.stems & stems:
            log.info("predictions for %s paired with gold report %s by file stem", doc_id, gold_id)
            return report
    log.info("predictions for %s have no gold report: not scored", doc_id)
    return None


def _spans(record: EvalRecord) -> dict[str, list[tuple[int, int]]]:
    """Evidence spans per evidence document, merged so that no character counts twice."""
    raw: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ev in record.event.evidence:
        raw[ev.document_id].append((ev.start, ev.end))
    merged: dict[str, list[tuple[int, int]]] = {}
    for doc, spans in raw.items():
        out: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged[doc] = out
    return merged


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters covered by both lists of merged, sorted spans."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _evidence_overlap(gold: EvalRecord, pred: EvalRecord) -> int | None:
    """Characters of evidence the two share, or None when their evidence cannot be compared."""
    g, p = _spans(gold), _spans(pred)
    shared = g.keys() & p.keys()
    if not shared:
        return None
    return sum(_shared(g[doc], p[doc]) for doc in shared)


def _jaccard(gold: EvalRecord, pred: EvalRecord) -> float:
    g, p = _spans(gold), _spans(pred)
    both = sum(_shared(g[doc], p[doc]) for doc in g.keys() & p.keys())
    either = sum(_length(spans) for spans in g.values()) + sum(_length(spans) for spans in p.values()) - both
    return both / either if either else 0.0
