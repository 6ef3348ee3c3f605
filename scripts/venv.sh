# Sourced by the other scripts: a project virtualenv on Python >= 3.12, installed from pyproject.toml.
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

ensure_venv() {  # $1: extras, e.g. "[test]"
  local extras="$1"
  local stamp=".venv/.installed$extras"
  if [ ! -x .venv/bin/python ]; then
    local python; python=$(find_python)
    $python -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extras"
    touch "$stamp"
  fi
}
