"""Cold start with the question model (issue #14): how long until questions are answered, and memory.

    python bench/cold_start.py                   # the demo community grown to 10,000 members and FAQ entries
    python bench/cold_start.py --members 1000

Seeds a SQLite database with bench/seed.py, then starts `python -m bot run` on it twice, as a deployment does:
- first start: nothing is embedded yet, so every FAQ phrasing goes through the model once (the vectors are
  stored in `knowledge_vector`);
- restart: the vectors are read back, nothing is embedded again.
For each: seconds from start to `/healthz` (serving turns) and to a ready `/readyz` (the model and every
community's index loaded), the first question's answer time once ready, and the peak RSS. The load average is
printed before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import describe_machine, load  # noqa: E402
from bench.seed import seed  # noqa: E402
from bench.turns import WORKLOADS, Server, activity, start  # noqa: E402

PORT = 3990


def first_question_ms(server: Server) -> float:
    """One FAQ question through /api/messages (answered in the response: expectReplies), timed; fails unless
    the answer is the FAQ's."""
    question = next(w for w in WORKLOADS if w.name == "question")
    request = urllib.request.Request(
        server.url + "/api/messages",
        data=json.dumps(activity(question, service_url="http://127.0.0.1:9/", number=1)).encode(),
        headers={"Content-Type": "application/json"},
    )
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = response.read().decode()
    if question.expect not in answer:
        raise RuntimeError(f"the first question was not answered: {answer[:500]}")
    return (time.perf_counter() - began) * 1000


def one_start(env: dict[str, str], log: Path) -> str:
    """Start the bot, measure, stop it; one line of results."""
    server, ready = start("tansiq", [sys.executable, "-m", "bot", "run"], port=PORT, env=env, log=log)
    try:
        asked = first_question_ms(server)
        rss = server.peak_rss_mb()
    finally:
        server.stop()
    return f"ready (/readyz 200) {ready:.1f} s after start; first question {asked:.0f} ms; peak RSS {rss:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=10_000, help="members and FAQ entries added to the demo")
    arguments = parser.parse_args()
    print(describe_machine(), f"load average before {load()}", flush=True)
    with tempfile.TemporaryDirectory() as work:
        workdir = Path(work)
        url = f"sqlite+aiosqlite:///{workdir}/bench.db"
        asyncio.run(seed(url, members=arguments.members))
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("CONNECTIONS__")},
            "DATABASE_URL": url,
            "DATA_DIR": str(workdir),
            "PORT": str(PORT),
            "LOG_LEVEL": "WARNING",
            "REMINDERS_ENABLED": "false",
        }
        for name in ("first start (embeds every phrasing)", "restart (vectors read back)"):
            print(f"{arguments.members:,} FAQ entries, {name}: {one_start(env, workdir / 'bot.log')}", flush=True)
    print(f"load average after {load()}")


if __name__ == "__main__":
    main()
