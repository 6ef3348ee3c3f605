#!/usr/bin/env bash
# Install (first time) and start Tansiq in local mode with the demo community.
# Usage: bash scripts/run.sh [--port N]      (extra arguments go to `python -m bot run`)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv run
.venv/bin/python -m bot demo
exec .venv/bin/python -m bot run "$@"
