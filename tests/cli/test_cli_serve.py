"""``thucydides serve``: its help and example, and a missing database refused before it listens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from thucydides.cli import main


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example: thucydides serve --db out/demo.db" in result.output
    assert "--host" in result.output and "--port" in result.output


def test_a_missing_database_is_refused_before_serving(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "There is no database at" in result.output
