"""Every command finds the reference data by one rule (``Settings.resolve``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import main

CLI = Path(__file__).resolve().parents[2] / "src" / "thucydides" / "cli"


def test_no_command_reads_settings_its_own_way() -> None:
    for module in CLI.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "Settings.from_env(" not in source, module.name
        assert 'shared/data")' not in source, module.name  # no command-specific default


def test_the_config_file_s_data_reaches_the_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'data = "{data}"\n', encoding="utf-8")
    monkeypatch.delenv("THUCYDIDES_DATA", raising=False)
    monkeypatch.setenv("THUCYDIDES_CONFIG", str(config))
    said: list[str] = []

    def fake_ensure(cls: object, settings: object, **_: object) -> None:
        said.append(f"{settings.data_dir} {settings.data_origin}")  # type: ignore[attr-defined]
        raise SystemExit(3)

    from thucydides.gazetteer.index import Gazetteer

    monkeypatch.setattr(Gazetteer, "ensure", classmethod(fake_ensure))
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Aleppo"])
    assert result.exit_code == 3
    assert said == [f"{data} {config}"]


def test_gazetteer_build_from_other_data_writes_that_data_s_own_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thucydides.config import gazetteer_file
    from thucydides.gazetteer import build

    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv("THUCYDIDES_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("THUCYDIDES_GAZETTEER", raising=False)
    monkeypatch.delenv("THUCYDIDES_DATA", raising=False)
    written: list[Path] = []

    class Report:
        def summary(self) -> str:
            return "built"

    def fake_build(target: Path, **_: object) -> Report:
        written.append(target)
        return Report()

    monkeypatch.setattr(build, "build_gazetteer", fake_build)
    result = CliRunner().invoke(main, ["gazetteer", "build", "--from", str(other)])
    assert result.exit_code == 0, result.output
    assert written == [gazetteer_file(other)]
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert CliRunner().invoke(main, ["gazetteer", "build", "--from", str(other)]).exit_code == 0
    assert written[-1] == tmp_path / "mine.sqlite"  # a path the user chose is kept
