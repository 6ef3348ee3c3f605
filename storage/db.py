"""Async engine and session factory, for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from tenacity import AsyncRetrying, before_sleep_log, retry_if_exception, stop_after_attempt, wait_random

logger = logging.getLogger(__name__)

LOCK_WAIT = 3.0
"""Seconds a SQLite transaction waits for the write lock. A member's turn waits at most once in the gate and three
times in the router (dialogs/router.py, with about 1 s of pauses between), so it is answered — done, or "busy, try
again" — within about 13 s, inside the 15 s Teams waits for a bot, even with the lock held throughout."""

POOL_SIZE = 20
"""PostgreSQL connections kept open per process (and as many more in a burst, closed once returned). The sender's 16
rows in flight each reserve their pace on a connection, besides members' turns; with the driver's default of 5, the
rest opened a connection each time (TCP, authentication, an empty statement cache) and closed it again: 1,000 sends
without Teams' limits took 10 s and 7.9 ms of CPU each with 5, 7.7 s and 7.1 ms with 20 (bench/reminders.py)."""


def create_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets its folder created (at the first connection), foreign keys on, WAL, and
    write-locking transactions. A database error's message leaves out the statement's parameters: they are members'
    words and names, and the error is logged."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_async_engine(url, connect_args={"timeout": LOCK_WAIT}, hide_parameters=True)

        @event.listens_for(engine.sync_engine, "do_connect")
        def _make_folder(*_args: Any) -> None:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)

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
            # does on PostgreSQL. A read-only session's transaction takes no lock (WAL: it never waits).
            read_only = connection.get_execution_options().get(_READ_ONLY)
            connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")

        return engine
    return create_async_engine(
        url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_SIZE, hide_parameters=True
    )


_READ_ONLY = "tansiq_read_only"


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


@contextmanager
def keeping_loaded(session: AsyncSession) -> Iterator[None]:
    """Within the block, every row `session` loads stays in its identity map, so a later `get` of it reads nothing
    (the map otherwise forgets a row as soon as nothing refers to it). For a session that reads the data of many
    messages in turn, most of it shared."""
    held: list[object] = []

    def keep(_session: Any, instance: object) -> None:
        held.append(instance)

    event.listen(session.sync_session, "loaded_as_persistent", keep)
    try:
        yield
    finally:
        event.remove(session.sync_session, "loaded_as_persistent", keep)


def engine_of(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine:
    """The engine a session factory is bound to."""
    engine: AsyncEngine = sessions.kw["bind"]
    return engine


def read_only(sessions: async_sessionmaker[AsyncSession]) -> async_sessionmaker[AsyncSession]:
    """Sessions on the same engine for transactions that only read: on SQLite they begin DEFERRED and take no write
    lock, so they neither wait for a writer nor make one wait (PostgreSQL: the same as `sessions`). Nothing may be
    written through them."""
    return async_sessionmaker(engine_of(sessions).execution_options(**{_READ_ONLY: True}), expire_on_commit=False)


class WritersBusy(Exception):
    """A writer waited its whole turn in the writers' queue (`LOCK_WAIT`) and got no further."""


class _WritersQueue:
    """An asyncio lock, waited on for at most LOCK_WAIT, as SQLite's own lock would be."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> None:
        try:
            async with asyncio.timeout(LOCK_WAIT):
                await self._lock.acquire()
        except TimeoutError as waited:
            raise WritersBusy from waited

    async def __aexit__(self, *_exc: object) -> None:
        self._lock.release()


def writers_queue(sessions: async_sessionmaker[AsyncSession]) -> AbstractAsyncContextManager[Any]:
    """What a writer holds around its transaction so writers take turns in arrival order: on SQLite a queue (its own
    busy handler polls, up to 100 ms apart, so a waiter could lose to newcomers again and again: at 8 members at once,
    p99 grew to hundreds of milliseconds), waited on no longer than SQLite's lock (then `WritersBusy`, a write race);
    on PostgreSQL nothing (rows lock, writers run side by side)."""
    return _WritersQueue() if engine_of(sessions).dialect.name == "sqlite" else contextlib.nullcontext()


def is_write_race(error: BaseException) -> bool:
    """A write that lost a race it may win when run again: a unique key another writer took first, or SQLite's
    write lock (or the writers' queue before it) still held by another writer after its wait."""
    if isinstance(error, IntegrityError | WritersBusy):
        return True
    return isinstance(error, OperationalError) and "locked" in str(error.orig).lower()


def write_attempts(attempts: int = 3) -> AsyncRetrying:
    """Attempts at a short write transaction that may lose a race (`is_write_race`): run again after a short random
    pause (writers racing again at once), the last failure raised. Use as `async for attempt in write_attempts():
    with attempt: async with sessions.begin() as session: …`."""
    return AsyncRetrying(
        retry=retry_if_exception(is_write_race),
        stop=stop_after_attempt(attempts),
        wait=wait_random(0.05, 0.5),
        before_sleep=before_sleep_log(logger, logging.INFO),
        reraise=True,
    )
