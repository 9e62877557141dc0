#!/usr/bin/env bash
# The whole test suite, from a clean clone: environment, dependencies, lint, types, tests, evaluation gate.
# Reference data is read from THUCYDIDES_DATA, defaulting to ../shared/data beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
# The browser tests drive Debian's Chromium through Playwright (never a browser Playwright downloads).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_="sudo"
  $sudo_ apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { $sudo_ apt-get update >/dev/null && $sudo_ apt-get install -y --no-install-recommends chromium >/dev/null; } \
    || echo "warning: could not install Debian's chromium; the browser tests will be skipped" >&2
fi

if [ -z "${THUCYDIDES_DATA:-}" ] && [ -d ../shared/data ]; then
  THUCYDIDES_DATA="$(cd ../shared/data && pwd)"
  export THUCYDIDES_DATA
fi
# Tests and the gate never touch the user's own database or gazetteer.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export THUCYDIDES_DB="$scratch/test.db"
export THUCYDIDES_GAZETTEER="$scratch/gazetteer.sqlite"

echo "== ruff"; .venv/bin/ruff check src tests bench
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest -q
echo "== evaluation gate"; .venv/bin/python bench/eval_gate.py
