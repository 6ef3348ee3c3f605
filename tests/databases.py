"""The databases the suite runs on: a SQLite file always, PostgreSQL when it answers."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.db import create_engine
from storage.models import Base

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def postgres_unavailable_reason() -> str | None:
    """None when PostgreSQL answers at POSTGRES_URL, else why not."""

    async def probe() -> None:
        engine = create_engine(POSTGRES_URL)
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        finally:
            await engine.dispose()

    try:
        asyncio.run(asyncio.wait_for(probe(), timeout=5))
    except Exception as exc:
        return f"PostgreSQL not reachable at {POSTGRES_URL.split('@')[-1]}: {type(exc).__name__}"
    return None


def sqlite_url(folder: Path) -> str:
    return f"sqlite+aiosqlite:///{folder / 'tansiq-test.db'}"


async def reset_schema(engine: AsyncEngine) -> None:
    """Drop everything (tables and Alembic's version) and migrate to head."""
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        else:
            await connection.run_sync(Base.metadata.drop_all)
            await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await migrate.upgrade(engine)


async def empty_tables(engine: AsyncEngine) -> None:
    """Delete all rows (much faster than re-migrating between tests)."""
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))
