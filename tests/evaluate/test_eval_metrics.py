"""End-to-end scoring of small hand-made gold and prediction files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import EvaluationError
from thucydides.evaluate import LOOSE, STRICT, EvalResult, MatchRule, check_floors, evaluate, format_report

Record = dict[str, Any]
Write = Callable[[str, Iterable[Record]], Path]


@pytest.fixture
def run(write: Write, gold: list[Record]) -> Callable[..., EvalResult]:
    """Scores ``pred`` records against ``gold`` records (the fixture's gold by default)."""

    def _run(
        pred: list[Record], gold_records: list[Record] | None = None, rule: MatchRule = STRICT
    ) -> EvalResult:
        gold_path = write("r1.gold.jsonl", gold if gold_records is None else gold_records)
        return evaluate(gold_path, write("r1.pred.jsonl", pred), rule=rule)

    return _run


def test_perfect_prediction_scores_one_everywhere(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    result = run(gold)
    metrics = result.metrics()
    assert metrics.pop("median_km") == 0.0
    assert metrics.pop("mean_km") == 0.0
    assert metrics == {name: 1.0 for name in metrics}
    assert result.counts()["matched"] == 3
    assert [(row.sub_event_type, row.recall) for row in result.by_sub_event_type] == [
        ("Air/drone strike", 1.0),
        ("Armed clash", 1.0),
    ]


def test_empty_prediction_gives_zero_recall(run: Callable[..., EvalResult]) -> None:
    result = run([])
    assert result.recall == 0.0
    assert result.f1 == 0.0
    assert result.precision is None  # nothing predicted: not measured
    assert result.agreements["actor1_accuracy"].value is None
    assert result.metrics()["median_km"] is None
    assert "precision  n/a" in format_report(result)
    json.dumps(result.as_dict())


def test_extra_prediction_lowers_precision_only(
    run: Callable[..., EvalResult], gold: list[Record], record: Callable[..., Record]
) -> None:
    extra = record(
        "idlib",
        location="Saraqib",
        location_as_written="Saraqib",
        latitude=35.86,
        longitude=36.8,
        geonames_id=None,
    )
    result = run([*gold, extra])
    assert result.precision == pytest.approx(3 / 4)
    assert result.recall == 1.0
    assert all(rate.value == 1.0 for rate in result.agreements.values())
    assert [r.event.location for r in result.matching.false_alarms] == ["Saraqib"]


def test_alternatives_are_accepted(run: Callable[..., EvalResult], record: Callable[..., Record]) -> None:
    gold = [record(alternatives={"actor2": ["Opposition Rebels (Syria)"], "sub_event_type": ["Armed clash"]})]
    pred = [record(actor2="Opposition Rebels (Syria)", sub_event_type="Armed clash", event_type="Battles")]
    result = run(pred, gold)
    for name in ("actor2_accuracy", "sub_event_type_accuracy", "event_type_accuracy"):
        assert result.agreements[name].value == 1.0


def test_date_off_by_one_day_matches_but_disagrees(
    run: Callable[..., EvalResult], record: Callable[..., Record]
) -> None:
    result = run([record(event_date="2020-03-03")], [record()], rule=LOOSE)
    assert result.matched == 1
    assert result.agreements["date_agreement"].value == 0.0
    assert run([record(event_date="2020-03-03")], [record()]).matched == 0  # strict: the same day
    assert result.agreements["time_precision_agreement"].value == 1.0


def test_date_off_by_two_days_does_not_match(
    run: Callable[..., EvalResult], record: Callable[..., Record]
) -> None:
    result = run([record(event_date="2020-03-04")], [record()])
    assert (result.matched, result.precision, result.recall) == (0, 0.0, 0.0)


def test_location_error_in_km(run: Callable[..., EvalResult], record: Callable[..., Record]) -> None:
    # Same name, coordinates one degree of latitude (111.19 km) north: matched by name, 111 km off.
    near = record(latitude=36.9306)
    # Homs coded to the coordinates of Damascus (33.5138 N, 36.2765 E): matched by name, 141 km off.
    far = record("homs", latitude=33.5138, longitude=36.2765)
    result = run([near, far], [record(), record("homs")])
    errors = sorted(result.distances_km)
    assert errors[0] == pytest.approx(111.19, abs=0.01)
    assert errors[1] == pytest.approx(141.0, abs=0.5)
    assert result.metrics()["median_km"] == pytest.approx(sum(errors) / 2)
    assert result.within_km.value == 1.0
    far_away = run([record(latitude=30.0, longitude=31.0)], [record()])
    assert far_away.within_km.value == 0.0


def test_place_far_away_with_another_name_does_not_match(
    run: Callable[..., EvalResult], record: Callable[..., Record]
) -> None:
    pred = record(
        location="Daraa", location_as_written="Daraa", latitude=32.6189, longitude=36.1021, geonames_id=None
    )
    assert run([pred], [record()]).matched == 0
    assert run([pred], [record()], rule=LOOSE).matched == 0


def test_nearby_place_with_another_name_matches(
    run: Callable[..., EvalResult], record: Callable[..., Record]
) -> None:
    pred = record(location="Binnish", location_as_written="Binnish", latitude=35.9567, longitude=36.7136)
    result = run([pred], [record()])
    assert result.matched == 1
    assert result.agreements["location_agreement"].value == 0.0


def test_evidence_must_overlap(run: Callable[..., EvalResult], record: Callable[..., Record]) -> None:
    elsewhere = [{"document_id": "sha256:test-report-1", "start": 300, "end": 350, "text": "..."}]
    assert run([record(evidence=elsewhere)], [record()], rule=LOOSE).matched == 0
    assert run([record(evidence=[])], [record()], rule=LOOSE).matched == 1  # no evidence: rule skipped
    assert run([record(evidence=elsewhere)], [record()]).matched == 1  # the scorer reads no evidence


def test_one_to_one(run: Callable[..., EvalResult], record: Callable[..., Record]) -> None:
    duplicate = record(actor2=None)
    result = run([duplicate, record()], [record()])
    assert (result.matched, len(result.matching.false_alarms)) == (1, 1)
    assert result.agreements["actor2_accuracy"].value == 1.0  # the better of the two was kept


def test_field_agreements(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    pred = [dict(r) for r in gold]
    pred[0].update(fatalities=5, geonames_id=None, claimed_by="military source")
    pred[1].update(fatalities=30, time_precision=2)
    pred[2].update(fatalities=4, claimed_by="sohr ")
    a = run(pred).agreements
    assert a["fatalities_agreement"].hits == 0
    assert a["fatalities_in_range"].hits == 1  # 5 in 3..9
    assert a["geonames_id_agreement"].hits == 2
    assert a["time_precision_agreement"].hits == 2
    assert a["claimed_by_presence_agreement"].hits == 2
    assert a["claimed_by_agreement"].hits == 2  # casefolded, spaces trimmed


def test_optional_gold_is_not_missed_unless_found(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    gold[2]["optional"] = True
    missing = run(gold[:2], gold)
    assert missing.recall == 1.0
    assert missing.counts()["gold_optional_unmatched"] == 1
    found = run(gold, gold, rule=LOOSE)
    assert found.counts()["gold_scored"] == 3
    # As the shared scorer counts: a prediction of an optional event is neither found nor false.
    strict = run(gold, gold)
    assert (strict.counts()["gold_scored"], strict.counts()["false_alarms"], strict.precision) == (2, 0, 1.0)


def test_merged_gold_is_excused(run: Callable[..., EvalResult], record: Callable[..., Record]) -> None:
    # Two gold records in one sentence at places 6 km apart; the prediction codes only one.
    first = record(event_id="g1", merge_ok_with=["g2"])
    second = record(
        event_id="g2",
        location="Binnish",
        location_as_written="Binnish",
        latitude=35.9567,
        longitude=36.7136,
        merge_ok_with=["g1"],
    )
    result = run([record()], [first, second], rule=LOOSE)
    assert (result.recall, result.counts()["gold_merged"]) == (1.0, 1)
    without = run([record()], [first, {**second, "merge_ok_with": []}], rule=LOOSE)
    assert without.recall == 0.5


def test_reports_paired_by_source_url_then_stem(
    write: Write, gold: list[Record], record: Callable[..., Record]
) -> None:
    # The same report cleaned differently: another document id, offsets that mean nothing for gold.
    other = "sha256:other-cleaning"
    other_text = [
        {**r, "document_id": other, "evidence": [{"document_id": other, "start": 5, "end": 9, "text": ""}]}
        for r in gold
    ]
    gold_path = write("gold/r1.gold.jsonl", gold)
    by_url = evaluate(gold_path, write("p1/x.jsonl", other_text))
    assert by_url.metrics()["f1"] == 1.0  # evidence offsets of another text are not compared
    no_url = [{**r, "source_url": None} for r in other_text]
    assert evaluate(gold_path, write("p2/r1.jsonl", no_url)).metrics()["f1"] == 1.0
    stray = evaluate(gold_path, write("p3/r9.jsonl", no_url))
    assert stray.counts()["pred_without_gold_report"] == 3
    assert (stray.recall, stray.precision) == (0.0, None)


def test_empty_gold_file_turns_its_predictions_into_false_alarms(
    write: Write, gold: list[Record], record: Callable[..., Record]
) -> None:
    write("gold/r1.gold.jsonl", gold)
    write("gold/r2.gold.jsonl", [])
    write("pred/r1.jsonl", gold)
    write("pred/r2.jsonl", [record(document_id="sha256:r2", source_url=None)])
    result = evaluate(write("gold/r1.gold.jsonl", gold).parent, write("pred/r1.jsonl", gold).parent)
    assert result.counts()["false_alarms"] == 1
    assert result.precision == pytest.approx(3 / 4)


def test_check_floors(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    result = run(gold[:2])
    assert check_floors(result, {"precision": 1.0, "actor1_accuracy": 0.9}) == []
    assert check_floors(result, {"recall": 0.9}) == ["recall: 0.667 is below the floor 0.900"]
    empty = run([])
    assert check_floors(empty, {"sub_event_type_accuracy": 0.5}) == [
        "sub_event_type_accuracy: not measured (nothing to compute it on), floor 0.500"
    ]
    with pytest.raises(EvaluationError, match="Unknown metric 'recal'"):
        check_floors(result, {"recal": 0.5})
    with pytest.raises(EvaluationError, match="Unknown metric 'median_km'"):
        check_floors(result, {"median_km": 10.0})


def test_as_dict_is_json(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    data = json.loads(json.dumps(run(gold[1:]).as_dict()))
    assert data["counts"]["missed"] == 1
    assert data["missed"][0]["event_id"] == "test#idlib"
    assert data["rates"]["actor1_accuracy"] == [2, 2]
    assert data["by_sub_event_type"][0] == {
        "sub_event_type": "Air/drone strike",
        "gold": 2,
        "matched": 1,
        "recall": 0.5,
    }


def test_format_report(run: Callable[..., EvalResult], gold: list[Record]) -> None:
    text = format_report(run(gold[1:]))
    assert "recall     0.667" in text
    assert "sub_event_type_accuracy        1.000  (2/2)" in text
    assert "Missed gold events (1)" in text
    assert "test#idlib  2020-03-02  Air/drone strike at Idlib" in text


def test_strict_matching_is_the_shared_scorers(
    run: Callable[..., EvalResult], record: Callable[..., Record]
) -> None:
    # Same name but coordinates 111 km apart: the scorer decides by distance when both have them.
    moved = record(latitude=36.9306, geonames_id=None)
    assert run([moved], [record()]).matched == 0
    assert run([moved], [record()], rule=LOOSE).matched == 1
    assert run([record(latitude=36.9306)], [record()]).matched == 1  # the same GeoNames entry
    # No coordinates on one side: the same name after the scorer's normalisation is enough.
    assert run([record(latitude=None, longitude=None, location="Al-Idlib")], [record()]).matched == 1
    report = format_report(run([record()], [record()]))
    assert report.startswith("Matching: strict, as shared/dev/score/score_events.py")
