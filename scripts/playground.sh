#!/usr/bin/env bash
# Start the Microsoft 365 Agents Playground (a local, offline Teams emulator) against the running bot.
# First run installs it from npm into playground/node_modules. Open http://127.0.0.1:56150 in a browser.
# PORT: the bot's port (default 3978); PLAYGROUND_PORT: the Playground's (default 56150).
set -euo pipefail
cd "$(dirname "$0")/../playground"
[ -x node_modules/.bin/agentsplayground ] || npm install --no-audit --no-fund --loglevel=error
# No browser of its own, no telemetry, and no network probe at start (it would wait for it).
export TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=1
echo "Agents Playground: http://127.0.0.1:${PLAYGROUND_PORT:-56150}  (bot: http://127.0.0.1:${PORT:-3978}/api/messages)"
exec npm run --silent playground
