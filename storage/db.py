"""Async engine and session factory, for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

LOCK_WAIT = 3.0
"""Seconds a SQLite transaction waits for the write lock. A member's turn waits at most once in the gate and three
times in the router (dialogs/router.py, with about 1 s of pauses between), so it is answered — done, or "busy, try
again" — within about 13 s, inside the 15 s Teams waits for a bot, even with the lock held throughout."""


def create_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets its folder created, foreign keys on, WAL, and write-locking transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": LOCK_WAIT})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below), not the driver
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _write_lock_first(connection: Any) -> None:
            # The driver would only BEGIN at the first write, so two turns could both read "open" and
            # both write "done". Taking the write lock at the start serialises writers, as FOR UPDATE
            # does on PostgreSQL.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_async_engine(url, pool_pre_ping=True)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)
