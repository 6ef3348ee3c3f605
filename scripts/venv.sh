# Sourced by the other scripts: a project virtualenv on Python >= 3.12, installed from a lock file in requirements/
# (every version pinned and hashed; `bash scripts/lock.sh` refreshes them from pyproject.toml).
find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -rV); do
      echo "env PYENV_VERSION=$version python${version%.*}"; return 0
    done
  fi
  echo "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)" >&2
  return 1
}

ensure_venv() {  # $1: the lock file's name in requirements/: run (the bot) or test (the bot and its tests)
  local lock="requirements/$1.txt"
  local stamp=".venv/.installed-$1"
  if [ ! -x .venv/bin/python ]; then
    local python; python=$(find_python)
    $python -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
    touch "$stamp"
  fi
}
