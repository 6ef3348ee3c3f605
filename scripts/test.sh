#!/usr/bin/env bash
# Install (first time) and run the linter (ruff), the type checker (mypy, strict on dialogs/) and the whole test
# suite (pytest; the floors and the feature registry are tests too).
# PostgreSQL tests run against TEST_DATABASE_URL (default: the local server's `test` database) when
# it answers, and are skipped with the reason otherwise; REQUIRE_POSTGRES=1 turns that skip into a failure.
# The tests run on every core (pytest-xdist; each worker has its own PostgreSQL database, test_gw1, …, created on
# first use); TEST_WORKERS=0 runs them in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" "$@"
