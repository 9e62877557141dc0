"""The standard pipeline described without loading anything, in the order it is wired."""

from __future__ import annotations

from types import SimpleNamespace

from click.testing import CliRunner

from thucydides.build import STAGE_VERSIONS, describe_pipeline
from thucydides.cli import main
from thucydides.pipeline import Pipeline


def test_the_standard_stages_are_described_in_order_and_their_wiring_checks() -> None:
    described = describe_pipeline()
    assert [name for name, *_ in described] == list(STAGE_VERSIONS)
    stand_ins = [SimpleNamespace(name=n, requires=r, assigns=a) for n, _, r, a in described]
    assert Pipeline(stand_ins).describe() == [(n, r, a) for n, _, r, a in described]  # type: ignore[arg-type]


def test_the_pipeline_command_prints_what_each_stage_requires_and_assigns() -> None:
    result = CliRunner().invoke(main, ["pipeline"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["stage", "implementation", "requires", "assigns"]
    extract = next(row for row in rows if row.startswith("extract "))
    assert "extract.frames-and-model.v3" in extract
    assert extract.endswith("sentences, places, quantities, times   events")
