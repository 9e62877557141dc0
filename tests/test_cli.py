"""The commands end to end, on the bundled sample and (when present) the shared example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import main
from thucydides.config import Settings
from thucydides.demo import sample_reports
from thucydides.record import RECORD_FIELDS, check_record


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("THUCYDIDES_DB", str(tmp_path / "test.db"))
    return CliRunner()


def sample() -> str:
    return sample_reports(Settings())[0]


def records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_valid_records_whose_evidence_matches_the_file(
    runner: CliRunner, shared_examples: Path
) -> None:
    report = shared_examples / "seed-2016-12-08.txt"
    result = runner.invoke(main, ["extract", str(report)])
    assert result.exit_code == 0, result.output
    found = records(result.stdout)
    assert len(found) >= 10
    text = report.read_text(encoding="utf-8")
    for record in found:
        assert check_record(record, text=text) == []
        assert set(record) == {*RECORD_FIELDS, "input"}
        assert record["input"] == str(report)
        assert record["source"] == "Fars News Agency"


def test_extract_on_the_bundled_sample_is_stable(runner: CliRunner) -> None:
    first = runner.invoke(main, ["extract", sample()])
    second = runner.invoke(main, ["extract", sample()])
    assert first.exit_code == 0, first.output
    assert [r["event_id"] for r in records(first.stdout)] == [r["event_id"] for r in records(second.stdout)]
    text = Path(sample()).read_text(encoding="utf-8")
    assert all(check_record(r, text=text) == [] for r in records(first.stdout))


def test_options_override_the_sidecar_metadata(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["extract", sample(), "--source", "Other Outlet", "--published", "2017-03-20"]
    )
    found = records(result.stdout)
    assert found and all(r["source"] == "Other Outlet" for r in found)
    assert "2017-03-20" in {r["event_date"] for r in found}


def test_reingesting_adds_nothing_and_a_bad_input_does_not_stop_the_batch(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(Path(sample()).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    first = runner.invoke(main, ["ingest", str(folder)])
    assert first.exit_code == 1
    assert "empty.txt" in first.stderr
    assert "1 new, 0 duplicate, 1 failed" in first.stdout
    stored = records(runner.invoke(main, ["events", "--format", "jsonl"]).stdout)
    assert stored
    second = runner.invoke(main, ["ingest", str(folder / "a.txt")])
    assert second.exit_code == 0
    assert "0 new, 1 duplicate, 0 failed" in second.stdout
    assert records(runner.invoke(main, ["events", "--format", "jsonl"]).stdout) == stored


@pytest.mark.parametrize("fmt", ["csv", "acled", "geojson", "parquet", "table"])
def test_events_export_formats(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    assert runner.invoke(main, ["ingest", sample()]).exit_code == 0
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(main, ["events", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_events_filters(runner: CliRunner) -> None:
    assert runner.invoke(main, ["ingest", sample()]).exit_code == 0
    everything = records(runner.invoke(main, ["events", "--format", "jsonl"]).stdout)
    strikes = records(
        runner.invoke(main, ["events", "--format", "jsonl", "--type", "Air/drone strike"]).stdout
    )
    assert strikes and len(strikes) < len(everything)
    assert {r["sub_event_type"] for r in strikes} == {"Air/drone strike"}
    nothing = runner.invoke(main, ["events", "--format", "jsonl", "--date-from", "2030-01-01"]).stdout
    assert records(nothing) == []


def test_every_command_shows_an_example_in_its_help(runner: CliRunner) -> None:
    for command in (
        ["extract"],
        ["places"],
        ["ingest"],
        ["events"],
        ["eval"],
        ["demo"],
        ["pipeline"],
        ["gazetteer", "build"],
        ["gazetteer", "fetch"],
        ["gazetteer", "lookup"],
        ["gazetteer", "stats"],
        ["watch"],
        ["feeds"],
    ):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output, command


def test_demo_writes_every_export(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["demo", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {
        "events.jsonl",
        "events.csv",
        "events.acled.csv",
        "events.geojson",
        "events.parquet",
        "demo.db",
    } <= names


def test_bad_inputs_each_get_one_line_and_leave_the_store_as_it_was(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert runner.invoke(main, ["ingest", sample()]).exit_code == 0
    before = runner.invoke(main, ["events", "--format", "jsonl"]).stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "latin1.txt").write_bytes(
        "Les forces syriennes ont repris la ville de Alep, selon l'armée.".encode("latin-1")
    )
    (bad / "french.txt").write_text(
        "Les forces du gouvernement ont repris le contrôle de la ville après des combats avec les rebelles, "
        "selon une source militaire qui a parlé à la presse dans la soirée.",
        encoding="utf-8",
    )
    (bad / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(bad), "http://127.0.0.1:9/report"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 5
    for name in ("binary.txt", "latin1.txt", "french.txt", "empty.html", "127.0.0.1:9"):
        assert any(name in line for line in lines), name
    assert "0 new, 0 duplicate, 5 failed" in result.stdout
    assert runner.invoke(main, ["events", "--format", "jsonl"]).stdout == before


def test_an_html_page_is_read_with_its_metadata(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Strikes near Saraqib</title><meta property='og:site_name' content='Test Outlet'>"
        "<meta property='article:published_time' content='2017-03-16'></head><body><nav>Home | World</nav>"
        "<article><h1>Strikes near Saraqib</h1>"
        "<p>Syrian warplanes bombed rebel positions in Saraqib and "
        "Khan Shaykhun on Thursday, killing seven militants, activists said.</p><p>The opposition said the "
        "strikes also hit a market in the town of Saraqib.</p></article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    found = records(result.stdout)
    assert {r["location_as_written"] for r in found} >= {"Saraqib", "Khan Shaykhun"}
    assert all(r["source"] == "Test Outlet" and r["event_date"] == "2017-03-16" for r in found)


def test_the_readme_shows_every_command() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    names = [name for name in main.commands if name != "gazetteer"]
    names += [f"gazetteer {name}" for name in main.commands["gazetteer"].commands]  # type: ignore[attr-defined]
    for name in names:
        assert f"thucydides {name}" in readme, name


def test_actors_shows_canonical_names_and_provenance(runner: CliRunner) -> None:
    result = runner.invoke(main, ["actors", "Syrian warplanes struck Daesh positions"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Military Forces of Syria" in lines[0] and "spec actor table" in lines[0]
    assert "Islamic State (Syria)" in lines[1]


def test_ingest_fuses_and_incidents_and_control_read_the_result(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["ingest", sample()])
    assert result.exit_code == 0, result.output
    assert "incidents updated" in result.stdout
    again = runner.invoke(main, ["fuse"])
    assert again.exit_code == 0 and again.stdout.startswith("0 new records")
    incidents = records(runner.invoke(main, ["incidents", "--format", "jsonl"]).stdout)
    stored = records(runner.invoke(main, ["events", "--format", "jsonl"]).stdout)
    assert {e["incident_id"] for e in stored} == {i["incident_id"] for i in incidents}
    assert sum(len(i["reports"]) for i in incidents) == len(stored)  # type: ignore[arg-type]
    out = tmp_path / "incidents.geojson"
    assert runner.invoke(main, ["incidents", "--format", "geojson", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    control = runner.invoke(main, ["control", "--date", "2030-01-01", "--format", "jsonl"])
    assert control.exit_code == 0, control.output
    for change in records(control.stdout):
        assert change["counted"] and change["incident_id"] in {i["incident_id"] for i in incidents}


def test_control_without_place_or_date_says_what_to_give(runner: CliRunner) -> None:
    result = runner.invoke(main, ["control"])
    assert result.exit_code == 1
    assert "Give --place NAME, --date YYYY-MM-DD" in result.output


def test_lookup_explain_shows_the_resolver_s_score_and_features(runner: CliRunner) -> None:
    result = runner.invoke(main, ["gazetteer", "lookup", "Aleppo", "--explain", "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    scores = [line for line in lines if line.strip().startswith("resolver ")]
    assert len(scores) == 3
    assert "population" in result.stdout and "kind_city" in result.stdout


def test_gazetteer_stats_counts_a_country_s_entries_by_kind_and_source(runner: CliRunner) -> None:
    result = runner.invoke(main, ["gazetteer", "stats", "--country", "sy"])
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()[0:2]
    assert "admin1" in header and "village" in header
    assert row.split()[0] == "SY"
    assert "by source:" in result.stdout
    missing = runner.invoke(main, ["gazetteer", "stats", "--country", "ZZ"])
    assert missing.exit_code != 0 and "no entry" in missing.output


def test_places_explain_adds_each_mention_s_candidates(runner: CliRunner) -> None:
    result = runner.invoke(main, ["places", "--explain", sample()])
    assert result.exit_code == 0, result.output
    found = [r for r in records(result.stdout) if r["place_id"]]
    assert found
    for record in found:
        candidates = record["candidates"]
        assert isinstance(candidates, list) and candidates
        best = candidates[0]
        assert best["place_id"] == record["place_id"]
        assert 0.0 <= best["score"] <= 1.0
        assert best["features"] and set(best["contributions"]) <= set(best["features"])
