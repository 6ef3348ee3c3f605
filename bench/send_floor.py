"""The floor under the delivery benchmark (bench/reminders.py): what one proactive send costs in CPU before any of
Tansiq's own work, on this machine.

    python bench/send_floor.py                     # 3,000 posts each way; transactions on SQLite and PostgreSQL
    python bench/send_floor.py --posts 5000 --transactions 5000

Three numbers, each the CPU of this process per operation, after a warm-up:
- a post of a 2.4 kB Adaptive Card activity to the benchmark's fake connector (bench/reminders_connector.py, its own
  process) through the Agents SDK's `ConnectorClient.conversations.send_to_conversation`, 16 in flight, with the
  activity copied first as the notifier does; and the same post with plain aiohttp (no SDK model, no copy);
- one short transaction with one statement through SQLAlchemy's async session, as the sender's transactions are
  opened (`storage.db.create_engine`, so PostgreSQL's pool pings each connection it hands out), on SQLite and on
  PostgreSQL (`BENCH_DATABASE_URL`, default the `test` database; nothing is written).

A send through the SDK needs at least one post; on PostgreSQL, where replicas share Teams' limits, at least one
transaction more (the pace). Their sum is a floor no sender built on the SDK and SQLAlchemy goes below.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core.connector.client import ConnectorClient
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.db import create_engine, session_factory  # noqa: E402  (after the path)

IN_FLIGHT = 16
CARD = {
    "type": "AdaptiveCard",
    "version": "1.5",
    "rtl": True,
    "body": [{"type": "TextBlock", "text": f"bench-row-1 {'نص البطاقة ' * 18}", "wrap": True} for _ in range(8)],
}


async def cpu_per_call(call: Callable[[int], Awaitable[object]], count: int, *, in_flight: int) -> float:
    """Milliseconds of this process's CPU per call, `in_flight` at a time, after a warm-up of 100."""
    gate = asyncio.Semaphore(in_flight)

    async def one(number: int) -> None:
        async with gate:
            await call(number)

    await asyncio.gather(*(one(n) for n in range(100)))
    started = time.process_time()
    await asyncio.gather(*(one(n) for n in range(count)))
    return (time.process_time() - started) / count * 1000


async def posts(count: int) -> dict[str, float]:
    connector = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bench" / "reminders_connector.py"), stdout=asyncio.subprocess.PIPE
    )
    try:
        assert connector.stdout is not None
        url = json.loads(await connector.stdout.readline())["url"]
        activity = Activity(
            type="message", attachments=[{"contentType": "application/vnd.microsoft.card.adaptive", "content": CARD}]
        )
        async with aiohttp.ClientSession(base_url=url) as session:
            client = ConnectorClient(url, "", session=session)

            async def through_sdk(number: int) -> object:
                outgoing = activity.model_copy(deep=True)
                return await client.conversations.send_to_conversation(f"a:{number}", outgoing)

            body = activity.model_dump(mode="json", by_alias=True, exclude_none=True)

            async def plain(number: int) -> object:
                async with session.post(f"v3/conversations/a:{number}/activities", json=body) as answer:
                    return await answer.read()

            return {
                "post through the SDK": await cpu_per_call(through_sdk, count, in_flight=IN_FLIGHT),
                "post with plain aiohttp": await cpu_per_call(plain, count, in_flight=IN_FLIGHT),
            }
    finally:
        connector.terminate()
        await connector.wait()


async def transactions(database_url: str, count: int) -> float:
    engine = create_engine(database_url)
    sessions = session_factory(engine)

    async def one(_number: int) -> object:
        async with sessions.begin() as session:
            return await session.execute(text("SELECT 1"))

    try:
        return await cpu_per_call(one, count, in_flight=1)
    finally:
        await engine.dispose()


async def run(arguments: argparse.Namespace) -> None:
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"# {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average at start {load}")
    print("| operation | CPU ms each |\n|---|---|")
    for name, value in (await posts(arguments.posts)).items():
        print(f"| {name} ({IN_FLIGHT} in flight) | {value:.3f} |")
    with tempfile.TemporaryDirectory() as folder:
        for name, url in (("SQLite", f"sqlite+aiosqlite:///{folder}/floor.db"), ("PostgreSQL", arguments.postgres)):
            try:
                value = await transactions(url, arguments.transactions)
            except OSError as error:
                print(f"| a transaction of one statement, {name} | not measured: {error} |")
                continue
            print(f"| a transaction of one statement, {name} | {value:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--transactions", type=int, default=3000)
    parser.add_argument(
        "--postgres", default=os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
