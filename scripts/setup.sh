#!/usr/bin/env bash
# Create .venv in the repo root and install newsgraph with pinned, hash-checked dependencies.
# Usage: bash scripts/setup.sh [--dev]   (--dev adds the test and lint tools)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
lock=requirements.lock
[ "${1:-}" = "--dev" ] && lock=requirements-dev.lock
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
