"""Third-party log records stay out of the terminal unless -v (a real process: logging as a user sees it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "thucydides", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_trafilatura_noise_shows_only_with_verbose(tmp_path: Path) -> None:
    (tmp_path / "blank.html").write_text("<html><body></body></html>", encoding="utf-8")
    quiet = run("ingest", "blank.html", "--db", "t.db", cwd=tmp_path)
    assert quiet.returncode == 1
    assert quiet.stderr.count("blank.html") == 1  # one line, naming the input once
    assert "no article text found" in quiet.stderr
    assert "discarding data" not in quiet.stderr and "WARNING" not in quiet.stderr
    loud = run("-v", "ingest", "blank.html", "--db", "t.db", cwd=tmp_path)
    assert "discarding data: None" in loud.stderr
