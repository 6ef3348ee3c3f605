"""Fixtures of the hosting floor: a real bot server on 127.0.0.1 and a fake Bot Connector beside it.

The helpers they are built from (BotServer, the fixtures' accounts, settings_for …) live in tests/server.py;
import them from there, never from this file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.fake_connector import FakeConnector
from tests.fakes import FakeClock, RecordedSleep
from tests.server import LEILA, OMAR, SAMI, BotServer, serve, settings_for


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(roster=[LEILA, OMAR, SAMI]).start()
    yield fake
    await fake.close()


@pytest.fixture
def bot_settings(engine, database_url: str, tmp_path: Path) -> Settings:
    """Local-mode settings on the (migrated, empty) test database."""
    return settings_for(database_url, tmp_path)


@pytest.fixture
async def bot(bot_settings: Settings, connector: FakeConnector, clock: FakeClock) -> AsyncIterator[BotServer]:
    async with serve(bot_settings, connector, clock) as server:
        yield server


@pytest.fixture
def sleep() -> RecordedSleep:
    """The notifier's waits, recorded instead of slept."""
    return RecordedSleep()
