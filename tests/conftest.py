"""Shared fixtures: a migrated database on each backend, a fake clock, a small community, the bot's server."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.settings import Settings
from storage import migrate
from storage.db import create_engine, session_factory
from tests.databases import (
    POSTGRES_URL,
    empty_tables,
    migrated_sqlite,
    postgres_unavailable_reason,
    reset_schema,
    sqlite_url,
)
from tests.fake_connector import FakeConnector
from tests.fakes import FakeClock
from tests.server import LEILA, OMAR, SAMI, BotServer, serve, settings_for

_postgres_migrated = False


@cache
def _postgres_reason() -> str | None:
    return postgres_unavailable_reason()


def require_postgres() -> str:
    """The PostgreSQL URL, or skip (fail under REQUIRE_POSTGRES=1) with the reason it is missing."""
    reason = _postgres_reason()
    if reason:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Each database test runs once on SQLite and once on PostgreSQL."""
    if request.param == "postgresql":
        return require_postgres()
    return sqlite_url(tmp_path_factory.mktemp("db"))


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database."""
    global _postgres_migrated
    engine = create_engine(database_url)
    if engine.dialect.name == "postgresql":
        try:
            if not _postgres_migrated or await migrate.pending(engine):
                raise LookupError("schema to be (re)built")
            await empty_tables(engine)
        except Exception:
            await reset_schema(engine)
            _postgres_migrated = True
    else:
        await migrated_sqlite(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return session_factory(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# The hosting floor's bot: a real server on 127.0.0.1 with a fake Bot Connector beside it (tests/server.py).


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
