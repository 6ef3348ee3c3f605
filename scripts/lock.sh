#!/usr/bin/env bash
# Refresh the lock files in requirements/ from pyproject.toml (every version pinned, every file hashed).
# Run after changing a dependency range; commit the result. Needs network access to PyPI.
#   requirements/run.txt    what `scripts/run.sh` installs (the bot)
#   requirements/test.txt   what CI and `scripts/test.sh` install (the bot and its tests)
#   requirements/image.txt  what the container image installs (the bot, as run.txt, built for the image)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
tools="${TMPDIR:-/tmp}/tansiq-lock-tools"
[ -x "$tools/bin/uv" ] || { $(find_python) -m venv "$tools" && "$tools/bin/pip" install --quiet "uv>=0.5,<1"; }
lock() {  # $1: output file, then uv's extra options
  local output="$1"; shift
  "$tools/bin/uv" pip compile --quiet --universal --python-version 3.12 --generate-hashes --no-header \
    --custom-compile-command "bash scripts/lock.sh" "$@" pyproject.toml requirements/build.in -o "$output"
}
lock requirements/run.txt
# the others agree with it on every package they share (the same venv may hold run and then test)
lock requirements/test.txt --extra test --constraint requirements/run.txt
lock requirements/image.txt --constraint requirements/run.txt
