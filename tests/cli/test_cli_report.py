"""``thucydides report`` over a small made-up store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief_store import build_store
from thucydides.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cli-report") / "events.db")


@pytest.fixture(autouse=True)
def no_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Reference data without outlines: the map is drawn from points alone, whatever the machine has."""
    (tmp_path / "no-outlines").mkdir()
    monkeypatch.setenv("THUCYDIDES_DATA", str(tmp_path / "no-outlines"))
    monkeypatch.setenv("THUCYDIDES_CONFIG", str(tmp_path / "no-config.toml"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_html_is_one_file_with_its_charts_inside(db: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "brief.html"
    code, _, err = run("--date", "2016-12-08", "--format", "html", "-o", str(out), "--db", str(db))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 3
    assert "<h2>Aleppo</h2>" in html and "Sources disagree on the number killed" in html
    assert sorted(p.name for p in out.parent.iterdir()) == ["brief.html"]  # nothing beside it
    assert "written to" in err and "3 charts" in err


def test_markdown_to_a_file_writes_the_charts_beside_it(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "daily.md"
    code, _, err = run(
        "--date", "2016-12-08", "--window", "7d", "--admin1", "Aleppo", "-o", str(out), "--db", str(db)
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "# Situation report: 2 December 2016 to 8 December 2016, Aleppo" in text
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "daily-map.png").exists()


def test_markdown_on_standard_output_leaves_the_charts_out(db: Path) -> None:
    code, out, _ = run("--date", "2016-12-08", "--country", "Iraq", "--db", str(db))
    assert code == 0
    assert "## Nineveh" in out and "## Aleppo" not in out
    assert "Charts are left out on standard output" in out


def test_an_empty_day_is_a_brief_not_an_error(db: Path) -> None:
    code, out, _ = run("--date", "2020-01-01", "--db", str(db))
    assert code == 0
    assert "No event is stored for 1 January 2020" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2016-12-32"], "e.g. --date 2016-12-08"),
        (["--date", "2016-12-08", "--window", "2w"], "--window 7d"),
        (["--date", "2016-12-08", "--country", "Syrai"], "Nearest: 'Syria'"),
    ],
)
def test_bad_options_name_the_fix(db: Path, args: list[str], message: str) -> None:
    code, _, err = run(*args, "--db", str(db))
    assert code == 1
    assert message in err


def test_a_missing_database_is_refused(tmp_path: Path) -> None:
    code, _, err = run("--date", "2016-12-08", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "There is no database" in err


def test_the_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["report", "--help"])
    assert "Example: thucydides report --date 2016-12-08" in result.output
