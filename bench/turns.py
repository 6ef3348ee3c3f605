"""Turn benchmark (issue #20): Tansiq against the Agents SDK's own echo bot, side by side, through the full HTTP stack.

    python bench/turns.py                                   # demo community, SQLite, c = 1, 8, 32, 3 rounds
    python bench/turns.py --db postgresql --members 10000   # a regional network's size (bench/seed.py)
    python bench/turns.py --turns 50 --rounds 1 --concurrency 1     # a smoke check (a minute)
    python bench/turns.py --no-model                        # without the question model (QUESTION_MODEL=none)

Both bots run as their own processes on loopback in local mode (anonymous, as `scripts/run.sh` starts Tansiq):
`python -m bot run` on a database seeded by bench/seed.py, and bench/echo_bot.py. Every request is a real Teams
activity (a 1:1 message, or a card's Action.Execute) sent with `deliveryMode: expectReplies`, so the answer is in
the HTTP response and a turn's latency is the request's. Tansiq's reminder sender is off unless `--reminders` (its
sends are bench/reminders.py's subject; on, the notices a write plans go to an address nobody answers, and the
start-up re-plan of a large community runs first: the header says for how long). Workloads: `help`, `actions`, a FAQ
question, a live fact ("when is the next meeting?"), an Arabic read, a write (`action add … | me | next Thursday`)
and a card press (an action card's refresh). For each workload and concurrency, each round sends `--turns` requests
to the echo bot and then the same number to Tansiq (interleaved, so both see the same machine); a cell is the median
of the rounds.

Columns: p50/p99 latency (ms) of each bot, their ratio (Tansiq / echo), Tansiq's turns/s, CPU ms per turn of each
server process (/proc utime+stime over the requests) and its ratio, and failures (non-200 answers or replies that
are not what the workload expects). The header gives the machine, the load average before and after, Tansiq's time
from start to a ready `/readyz`, how long its start-up work went on after that (measured turns start once it is
idle) and its peak RSS. `--out FILE` writes the table as Markdown too.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import describe_machine, load  # noqa: E402
from bench.seed import seed  # noqa: E402
from dialogs.demo import DEMO_TENANT  # noqa: E402

POSTGRES_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/tansiq_bench")
TICKS = os.sysconf("SC_CLK_TCK")
SAMI = ("29:tansiq-demo-sami", "Sami Nasser")  # a member writing English
AMAL = ("29:tansiq-demo-amal", "أمل الزعبي")  # a member writing Arabic
LEILA = ("29:tansiq-demo-leila", "Leila Haddad")  # a facilitator


@dataclass(frozen=True)
class Workload:
    """One kind of turn: who sends what, and a word the answer must contain (in any reply's text or card)."""

    name: str
    kind: str  # read | write | press
    speaker: tuple[str, str]
    text: str | None
    expect: str
    card: dict[str, Any] | None = None


WORKLOADS = (
    Workload("help", "read", SAMI, "help", "actions"),
    Workload("actions", "read", SAMI, "actions", "#"),
    Workload("question", "read", SAMI, "What is anticipatory action?", "forecast"),
    Workload("next meeting", "read", SAMI, "when is the next meeting?", "20"),
    Workload("arabic read", "read", AMAL, "مهامي", "#"),
    Workload("action add", "write", LEILA, "action add Share the 4W template {n} | me | next Thursday", "#"),
    Workload("card press", "press", SAMI, None, "#", card={"verb": "action-refresh", "data": {"action": 1}}),
)


def activity(workload: Workload, *, service_url: str, number: int) -> dict[str, Any]:
    """The activity Teams would send for this workload in the speaker's 1:1 chat."""
    user, name = workload.speaker
    base: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-12-04T09:00:00.000Z",
        "from": {"id": user, "name": name},
        "recipient": {"id": "28:tansiq-bench", "name": "Tansiq"},
        "conversation": {"conversationType": "personal", "tenantId": DEMO_TENANT, "id": f"a:bench-{user}"},
        "channelData": {"tenant": {"id": DEMO_TENANT}},
        "locale": "ar-SA" if workload.speaker == AMAL else "en-US",
        "deliveryMode": "expectReplies",
    }
    if workload.card is None:
        return {**base, "type": "message", "text": (workload.text or "").format(n=number), "textFormat": "plain"}
    action = {"type": "Action.Execute", "verb": workload.card["verb"], "data": workload.card["data"]}
    return {**base, "type": "invoke", "name": "adaptiveCard/action", "value": {"action": action, "trigger": "manual"}}


@dataclass
class Server:
    """A bot process on loopback."""

    name: str
    process: subprocess.Popen[bytes]
    url: str

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(name: str, args: Sequence[str], *, port: int, env: dict[str, str], log: Path) -> tuple[Server, float]:
    """Start a server process and wait for its probe; returns it and the seconds it took to be ready."""
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(args, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
    server = Server(name, process, f"http://127.0.0.1:{port}")
    probe = "/readyz" if name == "tansiq" else "/healthz"
    while time.monotonic() - started < 900:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(server.url + probe, timeout=5) as response:
                if response.status == 200:
                    return server, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"{name} was not ready after 900 s")


def settle(server: Server, *, window: float = 2.0, idle: float = 0.05, limit: float = 1800) -> float:
    """Wait until the server is idle (under `idle` of a core over `window` seconds: its start-up re-plan done), so
    the turns measured do not share the process with it; returns the seconds waited."""
    began = time.monotonic()
    while time.monotonic() - began < limit:
        before = server.cpu_seconds()
        time.sleep(window)
        if server.cpu_seconds() - before < idle * window:
            break
    return time.monotonic() - began


@dataclass(frozen=True)
class Run:
    """One bot, one workload, one concurrency, one round."""

    latencies: list[float]
    seconds: float
    cpu: float
    failures: int

    @property
    def turns(self) -> int:
        return len(self.latencies)


async def drive(
    server: Server, workload: Workload, *, turns: int, concurrency: int, echo: bool, first_number: int
) -> Run:
    """Send `turns` activities with `concurrency` clients at once; measure each request and the server's CPU."""
    numbers = iter(range(first_number, first_number + turns))
    latencies: list[float] = []
    failures = 0
    expect = "You said" if echo else workload.expect
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def client() -> None:
            nonlocal failures
            for number in numbers:
                sent = replace(workload, card=None, text="press") if echo and workload.card else workload
                body = activity(sent, service_url="http://127.0.0.1:9/", number=number)
                began = time.perf_counter()
                async with http.post(server.url + "/api/messages", json=body) as response:
                    answer = await response.text()
                latencies.append(time.perf_counter() - began)
                if response.status != 200 or expect not in answer:
                    failures += 1

        cpu_before = server.cpu_seconds()
        began = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        seconds = time.perf_counter() - began
        cpu = server.cpu_seconds() - cpu_before
    return Run(latencies, seconds, cpu, failures)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Cell:
    """A workload at one concurrency: medians over the rounds."""

    workload: str
    kind: str
    concurrency: int
    echo_p50: float
    echo_p99: float
    p50: float
    p99: float
    turns_per_second: float
    echo_cpu_ms: float
    cpu_ms: float
    failures: int

    def line(self) -> str:
        return (
            f"| {self.workload} ({self.kind}) | {self.concurrency} | {self.echo_p50:.1f} / {self.echo_p99:.1f} | "
            f"{self.p50:.1f} / {self.p99:.1f} | {self.p50 / self.echo_p50:.1f}× / {self.p99 / self.echo_p99:.1f}× | "
            f"{self.turns_per_second:.0f} | {self.echo_cpu_ms:.1f} / {self.cpu_ms:.1f} "
            f"({self.cpu_ms / self.echo_cpu_ms:.1f}×) | {self.failures} |"
        )


HEADER = (
    "| workload | c | echo p50 / p99 ms | Tansiq p50 / p99 ms | ratio p50 / p99 | Tansiq turns/s | "
    "CPU ms per turn echo / Tansiq | failures |\n|---|---|---|---|---|---|---|---|"
)


def cell(workload: Workload, concurrency: int, echo_runs: list[Run], runs: list[Run]) -> Cell:
    def median(measure: Callable[[Run], float], of: list[Run]) -> float:
        return statistics.median(measure(run) for run in of)

    return Cell(
        workload=workload.name,
        kind=workload.kind,
        concurrency=concurrency,
        echo_p50=median(lambda r: percentile(r.latencies, 0.5) * 1000, echo_runs),
        echo_p99=median(lambda r: percentile(r.latencies, 0.99) * 1000, echo_runs),
        p50=median(lambda r: percentile(r.latencies, 0.5) * 1000, runs),
        p99=median(lambda r: percentile(r.latencies, 0.99) * 1000, runs),
        turns_per_second=median(lambda r: r.turns / r.seconds, runs),
        echo_cpu_ms=median(lambda r: r.cpu / r.turns * 1000, echo_runs),
        cpu_ms=median(lambda r: r.cpu / r.turns * 1000, runs),
        failures=sum(r.failures for r in runs) + sum(r.failures for r in echo_runs),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--members", type=int, default=0, help="grow the demo community by this many (bench/seed.py)")
    parser.add_argument("--turns", type=int, default=200, help="requests per bot, workload, concurrency and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--workloads", default=",".join(w.name for w in WORKLOADS))
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (database, logs)")
    parser.add_argument(
        "--reminders", action="store_true", help="keep Tansiq's reminder sender on (its start-up re-plan, its sends)"
    )
    parser.add_argument(
        "--no-model", action="store_true", help="QUESTION_MODEL=none: questions scored lexically, no model loaded"
    )
    arguments = parser.parse_args(argv)
    concurrencies = [int(c) for c in arguments.concurrency.split(",")]
    chosen = [w for w in WORKLOADS if w.name in arguments.workloads.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="tansiq-turns-"))
    url = POSTGRES_URL if arguments.db == "postgresql" else f"sqlite+aiosqlite:///{workdir / 'tansiq.db'}"
    print(f"seeding {arguments.db}: {asyncio.run(seed(url, members=arguments.members))}", flush=True)
    load_before, machine = load(), describe_machine()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CONNECTIONS__")},
        "DATABASE_URL": url,
        "DATA_DIR": str(workdir),
        "PORT": "3988",
        "LOG_LEVEL": "WARNING",
        "REMINDERS_ENABLED": "true" if arguments.reminders else "false",
        "QUESTION_MODEL": "none" if arguments.no_model else "e5",
    }
    python = sys.executable
    tansiq, ready = start("tansiq", [python, "-m", "bot", "run"], port=3988, env=env, log=workdir / "tansiq.log")
    settled = settle(tansiq)
    echo, _ = start(
        "echo", [python, "bench/echo_bot.py", "--port", "3989"], port=3989, env=env, log=workdir / "echo.log"
    )
    cells = []
    try:
        number = 1
        for workload in chosen:
            for concurrency in concurrencies:
                echo_runs, runs = [], []
                for _ in range(arguments.rounds):
                    for server, into in ((echo, echo_runs), (tansiq, runs)):
                        run = asyncio.run(
                            drive(
                                server,
                                workload,
                                turns=arguments.turns,
                                concurrency=concurrency,
                                echo=server is echo,
                                first_number=number,
                            )
                        )
                        number += arguments.turns
                        into.append(run)
                cells.append(cell(workload, concurrency, echo_runs, runs))
                print(cells[-1].line(), flush=True)
        rss = tansiq.peak_rss_mb()
    finally:
        tansiq.stop()
        echo.stop()
    size = f"demo community + {arguments.members:,} members" if arguments.members else "demo community"
    size += ", questions scored lexically (no model)" if arguments.no_model else ", the e5 model loaded"
    report = "\n".join(
        [
            f"{machine}; {arguments.db}, {size}; {arguments.turns} turns × {arguments.rounds} rounds per "
            f"cell (medians); load average before {load_before}, after {load()}",
            f"Tansiq: ready {ready:.1f} s after start, its start-up work (the re-plan) done {settled:.0f} s after "
            f"that; peak RSS {rss:.0f} MB",
            "",
            HEADER,
            *(c.line() for c in cells),
        ]
    )
    print("\n" + report)
    if arguments.out:
        arguments.out.write_text(report + "\n", encoding="utf-8")
    if arguments.keep:
        print(f"kept {workdir}")
    else:
        subprocess.run(["rm", "-rf", str(workdir)], check=False)


if __name__ == "__main__":
    main()
