"""The databases the suite runs on: a SQLite file always, PostgreSQL when it answers."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.db import create_engine
from storage.models import Base


def _per_worker(url: str) -> str:
    """Under pytest-xdist each worker after the first gets its own database (`test_gw1`, …): the suite resets and
    empties its schema, which two workers must never do to each other."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    if worker == "gw0":
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


POSTGRES_URL = _per_worker(os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"))


async def ensure_database(database_url: str) -> None:
    """Create the PostgreSQL database named in the URL when it does not exist yet (through the `postgres` one)."""
    url = make_url(database_url)
    server = create_engine(url.set(database="postgres").render_as_string(hide_password=False))
    try:
        async with server.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            exists = await connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database})
            if not exists:
                await connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    finally:
        await server.dispose()


async def fresh_database(database_url: str) -> AsyncEngine:
    """An engine on an emptied database migrated to the newest revision (PostgreSQL: the database created if absent,
    its public schema dropped) — what the benchmarks start from."""
    if make_url(database_url).get_backend_name() == "postgresql":
        await ensure_database(database_url)
    engine = create_engine(database_url)
    await reset_schema(engine)
    return engine


def postgres_unavailable_reason() -> str | None:
    """None when PostgreSQL answers at POSTGRES_URL (its database created if absent), else why not."""

    async def probe() -> None:
        await ensure_database(POSTGRES_URL)
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


_sqlite_template: Path | None = None


async def migrated_sqlite(database_url: str) -> None:
    """Put a migrated, empty SQLite database at the URL's path: a copy of one file migrated once per test process.
    Running every migration into a new file for each test cost more than most tests themselves."""
    global _sqlite_template
    if _sqlite_template is None:
        folder = Path(tempfile.mkdtemp(prefix="tansiq-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        engine = create_engine(sqlite_url(folder))
        try:
            await migrate.upgrade(engine)
        finally:
            await engine.dispose()
        _sqlite_template = folder / "tansiq-test.db"
        with contextlib.closing(sqlite3.connect(_sqlite_template)) as database:  # all in the main file: it is copied
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = make_url(database_url).database
    assert target, database_url
    shutil.copyfile(_sqlite_template, target)


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
