"""Two bot processes on one PostgreSQL database send 40 members their notices through a slow Teams: one is stopped
with SIGTERM mid-batch (it exits 0 and leaves nothing leased), the other is killed with SIGKILL mid-batch, a third
starts in its place. Nothing is lost; a member gets a message twice only when its send's outcome was unknown (the
killed process may have been answered after it died), and such sends are counted."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.outbound.dispatcher import UNKNOWN_PAUSE
from storage.models import Notification
from tests.fake_connector import FakeConnector
from tests.fakes import FakeClock, RecordedSleep
from tests.server import LEILA, make_dispatcher, mention, serve, settings_for

ROOT = Path(__file__).resolve().parents[3]
PEOPLE = [
    {"id": f"29:1person{i:02d}", "name": f"Person {i:02d}", "aadObjectId": f"c0c0c0c0-0000-4000-8000-0000000000{i:02d}"}
    for i in range(40)
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Replica:
    """`python -m bot run` in its own process, sending reminders (tick 1 s, 4 s leases)."""

    def __init__(self, database_url: str, data_dir: Path, name: str) -> None:
        self.log = data_dir / f"{name}.log"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DATA_DIR": str(data_dir),
            "PORT": str(free_port()),
            "REMINDERS_ENABLED": "true",
            "REMINDER_TICK_SECONDS": "1",
            "REMINDER_LEASE_SECONDS": "4",
        }
        self.env = env

    async def __aenter__(self) -> Replica:
        self.output = self.log.open("w")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=asyncio.subprocess.STDOUT,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        self.output.close()

    async def stop(self, sig: signal.Signals) -> int:
        self.process.send_signal(sig)
        return await asyncio.wait_for(self.process.wait(), 30)


async def until(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not await condition():
        assert time.monotonic() < deadline, "not in time"
        await asyncio.sleep(0.1)


async def test_sigterm_and_sigkill_mid_batch_lose_nothing_and_duplicate_only_unknown_outcomes(
    engine, sessions, tmp_path
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("replicas share a PostgreSQL database")
    database_url = engine.url.render_as_string(hide_password=False)
    connector = await FakeConnector(roster=[LEILA, *PEOPLE], page_size=50).start()
    clock = FakeClock()
    try:
        async with serve(settings_for(database_url, tmp_path), connector, clock) as bot:  # scheduler off here
            await bot.install()
            for person in PEOPLE:
                activity = bot.activity(
                    "personal_message_en", text=f"action add Brief {person['name']} | <at>{person['name']}</at>"
                )
                activity["entities"] = [mention(person)]
                await bot.replies(activity)
        connector.posted.clear()
        connector.answer_after = 1.0  # Teams takes each request at once and answers a second later

        async def notices() -> list[str]:
            return [p.conversation_id for p in connector.posted if "Brief" in p.text]

        async def rows() -> list[Notification]:
            async with sessions() as session:
                query = select(Notification).where(Notification.kind == "action-assigned")
                return list(await session.scalars(query))

        async with (
            Replica(database_url, tmp_path, "first") as first,
            Replica(database_url, tmp_path, "second") as second,
        ):
            await until(lambda: _at_least(notices, 4))
            assert await first.stop(signal.SIGTERM) == 0  # finishes what it has in hand, releases the rest
            await until(lambda: _at_least(notices, 12))
            assert any(row.status == "pending" for row in await rows()), "the batch should still be under way"
            assert await second.stop(signal.SIGKILL) == -signal.SIGKILL
        async with Replica(database_url, tmp_path, "third") as third:

            async def settled() -> bool:
                return all(row.status != "pending" or row.unknown_sends for row in await rows())

            await until(settled)
            assert await third.stop(signal.SIGTERM) == 0
        # a later tick (after the pause) tries the sends of unknown outcome once more
        later = FakeClock(datetime.now(UTC) + UNKNOWN_PAUSE + UNKNOWN_PAUSE)
        await make_dispatcher(sessions, later, RecordedSleep()).run_once()
    finally:
        await connector.close()

    final = await rows()
    assert [row.status for row in final] == ["sent"] * len(PEOPLE)  # nothing lost
    received = Counter(await notices())
    chats = {connector.personal_chat_id(person["id"]) for person in PEOPLE}
    assert set(received) == chats  # every member has theirs
    duplicates = sum(count - 1 for count in received.values())
    unknown = sum(row.unknown_sends for row in final)
    assert duplicates <= unknown  # a second copy only where the first send's outcome was unknown


async def _at_least(notices, count: int) -> bool:
    return len(await notices()) >= count
