"""Hostile input (issue #16): named regression tests of each defect found, and the generated suite.

`test_generated.py` (hypothesis, ≥ 10,000 cases) runs only from `scripts/hostile.sh` (HOSTILE=1); the named
regression tests run with the rest of the suite too. The bot's server is tests/conftest.py's.
"""

from __future__ import annotations

import os

import pytest

collect_ignore = [] if os.environ.get("HOSTILE") == "1" else ["test_generated.py"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The table of the hostile run (scripts/hostile.sh): each generated case group and the named regression tests."""
    if os.environ.get("HOSTILE") != "1":
        return
    from tests.hostile.world import STATS

    regressions = {"passed": 0, "failed": 0}
    for outcome in regressions:
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") == "call" and "/hostile/test_" in report.nodeid.replace("\\", "/"):
                if "regressions" in report.nodeid:
                    regressions[outcome] += 1
    if not STATS.groups and not any(regressions.values()):
        return
    write = terminalreporter.write_line
    terminalreporter.section("hostile input (issue #16)")
    for line in STATS.table():
        write(line)
    if any(regressions.values()):
        tried = regressions["passed"] + regressions["failed"]
        write(f"named regression tests: {tried} run, {regressions['failed']} failed")
    if STATS.groups:
        write(f"seed: {STATS.seed} (HOSTILE_SEED={STATS.seed} bash scripts/hostile.sh replays this run)")
        size, what = STATS.largest_reply
        write(f"largest answer: {size:,} bytes of JSON ({what}); answers over 80 KB: {STATS.over_limit}")
        keys = [key for key in STATS.answers if not key.startswith("HTTP")]
        statuses = ", ".join(f"{key} ×{n:,}" for key, n in sorted(STATS.answers.items()) if key.startswith("HTTP"))
        write(f"answers reached: {len(keys)} different reply keys; {statuses}")
        for name, group in STATS.groups.items():
            for example in group.examples:
                write(f"  failure in {name}: {example}")
