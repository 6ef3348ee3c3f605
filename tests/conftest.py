"""Shared fixtures: a migrated database on each backend, a fake clock, a small community."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from functools import cache

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage import migrate
from storage.db import create_engine, session_factory
from tests.databases import POSTGRES_URL, empty_tables, postgres_unavailable_reason, reset_schema, sqlite_url
from tests.fakes import FakeClock

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
        await migrate.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return session_factory(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
