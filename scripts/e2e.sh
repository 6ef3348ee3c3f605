#!/usr/bin/env bash
# End-to-end tests (tests/e2e/): the bot (local mode, a fresh SQLite file in a temp folder, the demo community)
# talked to through the Microsoft 365 Agents Playground's real UI in headless Chromium, and every Adaptive Card
# the bot sends rendered by the official `adaptivecards` renderer. Screenshots: tests/e2e/screenshots/.
# Installs what it needs first: Chromium and Arabic fonts (Debian), the npm packages of tests/e2e/ and
# playground/, the project's .venv. Needs Node.js >= 20 with npm.
# Usage: bash scripts/e2e.sh     E2E_ONLY=cards|ui runs one half (bidi: the bidi check alone); E2E_KEEP=1 keeps the temp folder (logs, db);
#        E2E_TIMEOUT (seconds, default 300) bounds the run itself.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}
# Debian's Chromium: Playwright may not download a browser of its own here
command -v chromium >/dev/null 2>&1 || apt_install chromium
# glyphs for Arabic (Noto Sans Arabic), else the screenshots show boxes
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=ar family | grep -q .; } || apt_install fonts-noto-core

if ! command -v node >/dev/null 2>&1 || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)'; then
  echo "Node.js 20 or newer (with npm) is needed for the end-to-end tests" >&2
  exit 1
fi
npm_quiet=(--no-audit --no-fund --loglevel=error)
stamp=tests/e2e/node_modules/.installed
if [ ! -f "$stamp" ] || [ tests/e2e/package-lock.json -nt "$stamp" ] || [ tests/e2e/package.json -nt "$stamp" ]; then
  (cd tests/e2e && npm ci "${npm_quiet[@]}")
  touch "$stamp"
fi
# the Playground, installed as scripts/playground.sh does
[ -x playground/node_modules/.bin/agentsplayground ] || (cd playground && npm install "${npm_quiet[@]}")

source scripts/venv.sh
if [ ! -f .venv/.installed-test ] || [ requirements/test.txt -nt .venv/.installed-test ]; then
  ensure_venv run  # (the test install, when fresh, has everything the bot needs)
fi

limit="${E2E_TIMEOUT:-300}"
export E2E_TIMEOUT_S=$((limit - 15)) CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
exec timeout --kill-after=10 "$limit" node tests/e2e/run.mjs
