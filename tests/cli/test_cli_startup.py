"""Start-up: the commands that read the store load no model, no gazetteer and none of the
libraries that read or extract reports; refused input is refused before any model loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.build import Resources
from thucydides.cli import main

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("trafilatura", "spacy", "datasketch", "scipy", "sklearn", "numpy", "pyarrow", "httpx", "py3langid")

PROBE = """
import json, sys
from click.testing import CliRunner
from thucydides.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.stdin.read())))
print(json.dumps({"exit": result.exit_code, "output": result.output, "heavy": heavy}))
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from test_cli_status import make_store

    path = tmp_path / "small.db"
    make_store(path)
    return path


@pytest.mark.parametrize(
    "command",
    [["events"], ["incidents"], ["control", "--date", "2017-01-01"], ["status"], ["fuse"], ["feeds"]],
)
def test_store_commands_import_nothing_that_reads_reports(db: Path, command: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO / 'tests'}"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command, "--db", str(db)],
        input=json.dumps(HEAVY),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["exit"] == 0, found["output"]
    # fuse computes document signatures (datasketch, numpy) only when several documents meet
    allowed = {"numpy", "datasketch", "scipy"} if command == ["fuse"] else set()
    assert set(found["heavy"]) <= allowed


@pytest.mark.parametrize("command", ["extract", "places", "ingest"])
def test_input_refused_without_the_model_never_loads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    def refuse(settings: object) -> Resources:
        raise AssertionError("the model and gazetteer were loaded for input refused without them")

    monkeypatch.setattr(Resources, "load", classmethod(lambda cls, settings: refuse(settings)))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Too short.", encoding="utf-8")
    args = [command, str(tmp_path / "empty.txt"), str(tmp_path / "short.txt")]
    if command == "ingest":
        args += ["--db", str(tmp_path / "t.db")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "the input is empty" in result.stderr and "only 10 characters of text" in result.stderr
