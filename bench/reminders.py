"""Delivery benchmark (issue #19): drains N due reminder rows through the real dispatcher and notifier to a fake Bot
Connector on loopback, on SQLite and PostgreSQL, with and without Teams' limits, with injected faults.

    python bench/reminders.py                            # 10,000 rows; sqlite and postgresql; limits off and on
    python bench/reminders.py --rows 500 --db sqlite     # a smoke check (under a minute)
    python bench/reminders.py --faults none,429,slow,kill9 --rounds 3     # the issue's table (hours: see README)
    python bench/reminders.py --members 1000             # 10 rows per 1:1 chat (conversation limits count)

Each configuration (database × limits × fault × round) gets a fresh database (migrated with storage.migrate) holding
one community, its members with stored 1:1 conversation references pointing at the fake connector, and N due
`action-assigned` rows (bench/reminders_workload.py: workload, minimum time, accounting). The fake connector
(bench/reminders_connector.py) runs in its own process; the sender runs in another (`python bench/reminders.py
worker …`), built by `build_dispatcher` as bot/app.py builds it and driven through its public methods only:
`run_once()` until no row waits, sleeping until the next due row (at most `--tick`) between runs, as the scheduler's
tick and exact-time wake-up would. So kill -9 is real, and the sender's CPU is its own (os.wait4 of the worker,
minus what it had spent before its first claim: imports and start-up are not counted, a restart's are).

Faults: `none`; `429` (10 % of posts answered 429 with Retry-After 1–2 s); `slow` (2 % answered 2–5 s late, 0.5 %
accepted but answered only after the notifier's timeout + 5 s: the outcome is unknown to the sender); `kill9` (the
worker gets SIGKILL once 40 % of the rows + 17 have arrived — the 17 put it inside one of today's 50-row batches —
and another starts at once, as after a crash or a forced deploy); `term` (SIGTERM at the same point: the worker
calls `dispatcher.stop()`: it stops claiming and finishes its sends; then exits and another starts).

Columns: wall s from the first worker's first claim to the last worker's finding nothing left (restarts included);
sends/s = rows delivered / wall; CPU s/1000 = the workers' CPU per 1,000 rows delivered, and the same as % of one
core at 100 sends/s (the issue's target is < 5 %); dup = deliveries beyond a row's first; unknown-outcome resends =
those that followed a send whose outcome the sender could not know (answered after its timeout, or arrived within
that timeout before a kill); lost = rows never delivered and not parked (pending at the end, cancelled, or marked
sent); over limits = accepted sends a strict Teams would have refused (one of its sliding windows already full,
tenant or chat, by the connector's clock); peak = most sends in any 1 s; min s = the minimum time Teams' limits
allow this workload (formula in bench/reminders_workload.py); ratio = wall / min s. With --rounds R each cell is
the median of the R rounds. Not counted: the PostgreSQL server's CPU, the connector's. Each round's line also gives
SQL statements per send (the workers' engine; unknown when a worker was killed) and TCP connections opened.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import queue
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import reminders_workload as workload  # noqa: E402
from machine import describe_machine, load  # noqa: E402

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
POSTGRES_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/tansiq_bench")
FAULTS = ("none", "429", "slow", "kill9", "term")
INTERRUPT_AT = 0.4  # kill9 / term once this share of the rows has arrived, plus INTERRUPT_OFFSET rows:
INTERRUPT_OFFSET = 17  # so that it falls inside one of today's 50-row batches, not between two


# --- the sender (worker process) -----------------------------------------------------------------------------


def build_dispatcher(database_url: str, *, limits: bool) -> tuple[Any, Any]:
    """The dispatcher and its engine, built as bot/app.py's create_app builds them (local mode: no credentials, so
    the notifier asks for no token; the fake connector's URL is in each stored conversation reference). `limits`
    false: the notifier gets limits too large to bind (it has no switch to turn them off)."""
    from microsoft_agents.activity import load_configuration_from_env
    from microsoft_agents.authentication.msal import MsalConnectionManager

    from bot.cards.render import Renderer
    from bot.files.links import SignedLinks
    from bot.i18n import Catalogs
    from bot.outbound.dispatcher import Dispatcher
    from bot.outbound.notifier import Notifier, RateLimits
    from bot.outbound.pace import Window, pace_for
    from bot.settings import Settings
    from dialogs.common.clock import system_clock
    from dialogs.features import build_registry
    from storage.db import create_engine, session_factory

    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]  # pydantic-settings
    if not settings.local_mode:
        raise SystemExit("the benchmark runs in local mode: unset the CONNECTIONS__… credentials")
    engine = create_engine(settings.effective_database_url)
    sessions = session_factory(engine)
    clock = system_clock
    links = SignedLinks(base_url=settings.base_url(), secret=secrets.token_bytes(32))
    connections = MsalConnectionManager(**load_configuration_from_env(settings.sdk_configuration()))
    renderer = Renderer(Catalogs(), links=links, clock=clock)
    notifier_options: dict[str, Any] = {"pace": pace_for(engine, sessions)}
    if not limits:
        huge = (Window(10**9, 1),)
        notifier_options["limits"] = RateLimits(thread=huge, tenant=huge)
    # bot/app.py passes build_services().registry: the same registry, without loading the question engine.
    dispatcher = Dispatcher(
        sessions,
        registry=build_registry(),
        notifier=Notifier(connections, **notifier_options),
        renderer=renderer,
        clock=clock,
        lease=timedelta(seconds=settings.reminder_lease_seconds),
    )
    return dispatcher, engine


def notifier_timeout() -> float:
    """The notifier's request timeout (a hung answer must outlast it)."""
    from bot.outbound import notifier

    return float(notifier.DEFAULT_RETRY.timeout)


def emit(event: str, **data: Any) -> None:
    print(json.dumps({"event": event, "t": time.monotonic(), "cpu": time.process_time(), **data}), flush=True)


async def drain(database_url: str, *, limits: bool, tick: float) -> None:
    """Run the dispatcher until no row waits; SIGTERM stops it gracefully (dispatcher.stop())."""
    from sqlalchemy import event

    from bot.app import settle_memory

    dispatcher, engine = build_dispatcher(database_url, limits=limits)
    settle_memory()  # (as `python -m bot run` does before serving)
    stopping = asyncio.Event()
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine.sync_engine, "before_cursor_execute", count)

    async def loop() -> int:
        runs = 0
        while not stopping.is_set():
            await dispatcher.run_once()
            runs += 1
            if not await workload.unfinished(engine):
                return runs
            due = await dispatcher.next_due()
            wait = (due - dispatcher.clock()).total_seconds() if due else tick
            try:
                await asyncio.wait_for(stopping.wait(), timeout=min(wait, tick) if wait > 0 else tick)
            except TimeoutError:
                pass
        return runs

    emit("ready")
    task = asyncio.create_task(loop())

    stops: list[asyncio.Task[Any]] = []

    def terminate() -> None:
        stopping.set()
        stops.append(asyncio.get_running_loop().create_task(dispatcher.stop()))

    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, terminate)
    try:
        runs = await task
    except asyncio.CancelledError:
        emit("stopped", sql=statements)
    else:
        emit("stopped" if stopping.is_set() else "done", runs=runs, sql=statements)
    finally:
        await asyncio.gather(*stops)
        await dispatcher.notifier.close()
        await engine.dispose()


def worker_main(argv: Sequence[str]) -> None:
    import logging

    parser = argparse.ArgumentParser(prog="reminders.py worker")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--limits", choices=("on", "off"), required=True)
    parser.add_argument("--tick", type=float, default=1.0)
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    # As bot/__main__.py logs (INFO by default), to stderr, which the orchestrator sends to a file.
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(drain(args.database_url, limits=args.limits == "on", tick=args.tick))


# --- the orchestrator --------------------------------------------------------------------------------------------


class Process:
    """A child whose stdout lines are JSON events, reaped with os.wait4 for its exact CPU time."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        with log.open("ab") as stderr:
            self.popen = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=stderr, text=True, cwd=ROOT)
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.cpu: float | None = None
        self.exit_status: int | None = None
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._reap, daemon=True).start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            try:
                self.events.put(json.loads(line))
            except ValueError:
                pass

    def _reap(self) -> None:
        _, status, usage = os.wait4(self.popen.pid, 0)
        self.cpu = usage.ru_utime + usage.ru_stime
        self.exit_status = status
        self.popen.returncode = os.waitstatus_to_exitcode(status)
        self.events.put({"event": "exit", "t": time.monotonic()})

    def next_event(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None

    def signal(self, sig: int) -> None:
        if self.popen.returncode is None:
            os.kill(self.popen.pid, sig)

    def tail(self, lines: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class Connector:
    def __init__(self, fault: str, *, seed: int, hang: float, log: Path) -> None:
        faults = fault if fault in ("429", "slow") else "none"
        script = str(Path(__file__).resolve().parent / "reminders_connector.py")
        args = [sys.executable, script, "--faults", faults, "--seed", str(seed), "--hang", str(hang)]
        self.process = Process(args, log)
        started = self.process.next_event(30)
        if not started or "url" not in started:
            raise SystemExit(f"the fake connector did not start:\n{self.process.tail()}")
        self.url: str = started["url"]

    def get(self, what: str) -> Any:
        with urllib.request.urlopen(f"{self.url}bench/{what}", timeout=30) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.signal(signal.SIGTERM)
        self.process.next_event(10)


@dataclass
class Result:
    db: str
    limits: str
    fault: str
    rows: int
    wall: float
    sends_per_s: float
    cpu_per_1000: float
    core_pct_per_100: float
    duplicates: int
    unknown_outcome: int
    lost: int
    parked: int
    over_limits: int
    peak: int
    minimum: float
    ratio: float | None
    restarts: int
    misrouted: int
    marked_sent_not_delivered: int
    throttled: int
    slow: int
    late: int
    timed_out: bool
    sql_per_send: float | None  # SQL statements the workers ran per row delivered (None: a worker was killed)
    connections: int  # TCP connections the connector accepted


@dataclass
class Drove:
    """How the workers went: wall time, CPU after their first claim, restarts, interruptions."""

    wall: float
    cpu: float
    restarts: int
    interruptions: list[float]
    timed_out: bool
    statements: int


def drive(config: Config, connector: Connector, worker_args: list[str], tag: str, started: float) -> Drove:
    """Run workers until one finds no row waiting: kill -9 (or SIGTERM) the first once INTERRUPT_AT of the rows
    (+ INTERRUPT_OFFSET) have arrived, when that is the fault, and start another at once; all stops at --timeout."""
    interrupt = {"kill9": signal.SIGKILL, "term": signal.SIGTERM}.get(config.fault)
    interrupt_at = min(config.rows, max(1, int(config.rows * INTERRUPT_AT) + INTERRUPT_OFFSET))
    interruptions: list[float] = []
    first_ready = end = None
    cpu, statements, restarts, timed_out, killed = 0.0, 0, -1, False, False
    while end is None and not timed_out:
        restarts += 1
        worker = Process(worker_args, config.workdir / f"{tag}.worker.log")
        ready = None
        while True:
            if interrupt is not None and ready is not None and not interruptions:
                if connector.get("count") >= interrupt_at:
                    interruptions.append(time.monotonic())
                    worker.signal(interrupt)
                    killed = killed or interrupt == signal.SIGKILL
            if time.monotonic() - started > config.timeout and not timed_out:
                worker.signal(signal.SIGKILL)
                timed_out = killed = True
            event = worker.next_event(0.05 if interrupt is not None and not interruptions else 0.5)
            if event is None:
                continue
            if event["event"] == "ready":
                ready = event
                first_ready = first_ready if first_ready is not None else event["t"]
            elif event["event"] in ("done", "stopped"):
                statements += event.get("sql", 0)
                end = event["t"] if event["event"] == "done" else None
            elif event["event"] == "exit":
                break
        if ready is None:
            raise SystemExit(f"the worker failed before its first claim:\n{worker.tail()}")
        assert worker.cpu is not None
        cpu += worker.cpu - ready["cpu"]
        if end is None and not interruptions and not timed_out:
            raise SystemExit(f"the worker stopped unexpectedly (status {worker.exit_status}):\n{worker.tail()}")
    wall = (end if end is not None else time.monotonic()) - (first_ready or started)
    return Drove(wall, cpu, max(restarts, 0), interruptions, timed_out, 0 if killed else statements)


@dataclass(frozen=True)
class Config:
    db: str
    limits: str
    fault: str
    rows: int
    members: int
    seed: int
    tick: float
    timeout: float
    log_level: str
    workdir: Path


def database_url(config: Config, tag: str) -> str:
    if config.db == SQLITE:
        return f"sqlite+aiosqlite:///{config.workdir / f'{tag}.db'}"
    return POSTGRES_URL


def run_configuration(config: Config, round_number: int) -> Result:
    tag = f"{config.db}-{config.limits}-{config.fault}-{round_number}"
    unknown_after = notifier_timeout()
    connector = Connector(
        config.fault,
        seed=config.seed + round_number,
        hang=unknown_after + 5,
        log=config.workdir / f"{tag}.connector.log",
    )
    try:
        url = database_url(config, tag)
        asyncio.run(workload.seed(url, connector_url=connector.url, rows=config.rows, members=config.members))
        started = time.monotonic()
        worker_args = [
            sys.executable,
            str(Path(__file__).resolve()),
            "worker",
            "--database-url",
            url,
            "--limits",
            config.limits,
            "--tick",
            str(config.tick),
            "--log-level",
            config.log_level,
        ]
        drove = drive(config, connector, worker_args, tag, started)
        records = connector.get("records")
        stats = connector.get("stats")
    finally:
        connector.stop()
    status = asyncio.run(workload.statuses(url))
    counted = workload.account(
        records,
        status,
        rows=config.rows,
        members=config.members,
        unknown_after=unknown_after,
        interruptions=drove.interruptions,
    )
    minimum = workload.minimum_seconds(config.rows, config.members)
    per_1000 = drove.cpu / max(counted.delivered, 1) * 1000
    wall = drove.wall
    return Result(
        db=config.db,
        limits=config.limits,
        fault=config.fault,
        rows=config.rows,
        wall=wall,
        sends_per_s=counted.delivered / wall if wall > 0 else 0.0,
        cpu_per_1000=per_1000,
        core_pct_per_100=per_1000 * 10,  # (s per send) * 100 sends/s * 100 %
        duplicates=counted.duplicates,
        unknown_outcome=counted.unknown_outcome,
        lost=counted.lost,
        parked=counted.parked,
        over_limits=counted.over_limits,
        peak=counted.peak_per_second,
        minimum=minimum,
        ratio=wall / minimum if config.limits == "on" and minimum > 0 else None,
        restarts=drove.restarts,
        timed_out=drove.timed_out,
        sql_per_send=drove.statements / max(counted.delivered, 1) if drove.statements else None,
        connections=stats.get("connections", 0),
        misrouted=counted.misrouted,
        marked_sent_not_delivered=counted.marked_sent_not_delivered,
        throttled=stats.get("throttled", 0),
        slow=stats.get("slow", 0),
        late=stats.get("late", 0),
    )


def median(results: list[Result]) -> Result:
    """Each numeric field's median over the rounds."""
    first = results[0]
    values: dict[str, Any] = {}
    for f in fields(Result):
        column = [getattr(r, f.name) for r in results]
        if isinstance(getattr(first, f.name), str):
            values[f.name] = getattr(first, f.name)
        elif any(v is None for v in column):
            values[f.name] = None
        else:
            values[f.name] = statistics.median(column)
    return Result(**values)


HEADER = (
    "| db | limits | fault | rows | wall s | sends/s | CPU s/1000 | core % per 100/s | dup | unknown-outcome"
    " resends | lost | parked | over limits | peak/1 s | min s | ratio to min |"
)


def row_line(r: Result) -> str:
    ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
    wall = f"> {r.wall:.0f} (timeout)" if r.timed_out else f"{r.wall:.1f}"
    return (
        f"| {r.db} | {r.limits} | {r.fault} | {r.rows:,.0f} | {wall} | {r.sends_per_s:.1f} | "
        f"{r.cpu_per_1000:.2f} | {r.core_pct_per_100:.1f} | {r.duplicates:g} | {r.unknown_outcome:g} | {r.lost:g} | "
        f"{r.parked:g} | {r.over_limits:g} | {r.peak:g} | {r.minimum:.0f} | {ratio} |"
    )


def details(r: Result) -> str:
    sql = f"{r.sql_per_send:.1f}" if r.sql_per_send is not None else "?"
    return (
        f"restarts={r.restarts:g} timed-out={bool(r.timed_out)} throttled={r.throttled:g} slow={r.slow:g} "
        f"late={r.late:g} misrouted={r.misrouted:g} sent-not-delivered={r.marked_sent_not_delivered:g} "
        f"sql/send={sql} tcp-connections={r.connections:g} load={load()}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["worker"]:
        worker_main(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=0, help="1:1 chats the rows are spread over (0: one per row)")
    parser.add_argument("--db", choices=(SQLITE, POSTGRESQL, "both"), default="both")
    parser.add_argument("--limits", choices=("on", "off", "both"), default="both")
    parser.add_argument("--faults", default="none", help=f"comma-separated, of {', '.join(FAULTS)}")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tick", type=float, default=1.0, help="most seconds between two runs of the dispatcher")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds after which a configuration stops")
    parser.add_argument("--log-level", default="INFO", help="the worker's (the bot logs at INFO)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (databases, logs)")
    args = parser.parse_args(argv)
    faults = [f.strip() for f in args.faults.split(",") if f.strip()]
    if unknown := set(faults) - set(FAULTS):
        parser.error(f"unknown faults: {', '.join(sorted(unknown))}")
    databases = [SQLITE, POSTGRESQL] if args.db == "both" else [args.db]
    limit_modes = ["off", "on"] if args.limits == "both" else [args.limits]
    members = args.members or args.rows
    workdir = Path(tempfile.mkdtemp(prefix="tansiq-bench-reminders-"))
    print(f"# {describe_machine()}")
    print(
        f"# {args.rows:,} rows to {members:,} 1:1 chats, {args.rounds} round(s), medians; Teams' minimum "
        f"{workload.minimum_seconds(args.rows, members):.0f} s; load average at start {load()}; work folder {workdir}"
    )
    results: list[Result] = []
    for db in databases:
        for limits in limit_modes:
            for fault in faults:
                rounds = []
                for round_number in range(args.rounds):
                    config = Config(
                        db,
                        limits,
                        fault,
                        args.rows,
                        members,
                        args.seed,
                        args.tick,
                        args.timeout,
                        args.log_level,
                        workdir,
                    )
                    result = run_configuration(config, round_number)
                    rounds.append(result)
                    print(f"#   round {round_number + 1}: {row_line(result)} {details(result)}", flush=True)
                results.append(median(rounds))
    print()
    print(HEADER)
    print("|" + "---|" * HEADER.count(" |"))
    for result in results:
        print(row_line(result))
    print(f"\n# load average at end {load()}")
    if not args.keep:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
