#!/usr/bin/env bash
# Hostile input (issue #16): the named regression tests of tests/hostile/ and the generated suite — at least 10,000
# hypothesis cases in batches, through the router in-process and the bot's real HTTP edge, on SQLite and on
# PostgreSQL at TEST_DATABASE_URL when it answers (REQUIRE_POSTGRES=1 makes its absence a failure). Prints a table:
# case group, cases tried, failures. Offline once scripts/test.sh has installed the venv.
#   HOSTILE_SEED=N    replay a run (the table prints the seed it used)
#   HOSTILE_SCALE=0.1 a tenth of the cases, for a quick look
# Extra arguments go to pytest (bash scripts/hostile.sh -k router).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv test
HOSTILE=1 exec .venv/bin/python -m pytest -p no:xdist tests/hostile -q -p no:cacheprovider "$@"
