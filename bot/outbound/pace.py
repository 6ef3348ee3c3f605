"""The pace of proactive sends: Teams' rate limits as reservations, in one process or shared by every replica.

Each limit "at most L requests in any P seconds" is kept with the generic cell rate algorithm (GCRA): a request
reserves the earliest slot that every window of its key allows, and waits until then. For one window, a burst of B
slots is allowed and then one every T = P / (L - B + 1) seconds; any n slots satisfy
s_n - s_1 >= (n - 1)·T - (B - 1)·T, so a half-open window of P seconds holds fewer than B + P / T = L + 1 of them:
never more than L. Bursts cost sustained rate, so a conversation's windows allow half their count as a burst (a
member's few reminders go at once), while the tenant's allows none (its whole rate goes to draining many
conversations).

The state of a key is a list of floats, one per window: its theoretical arrival time, in seconds on one clock.
`LocalPace` keeps it in memory on the monotonic clock (one process: SQLite deployments); `SharedPace` keeps it in
PostgreSQL's `send_pace` table, read and written under a row lock in one short transaction, on the database's clock,
so every replica spends one budget. A 429's Retry-After is waited by the request that got it; the next requests to
that conversation in this process queue behind it, and another replica's get their own 429.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import CursorResult, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.models import SendPace


class Window(NamedTuple):
    """At most `count` requests in any `seconds`."""

    count: int  # type: ignore[assignment]  # the field shadows tuple.count, which nothing here calls
    seconds: float


@dataclass(frozen=True)
class Cell:
    """One window as GCRA sees it: a slot every `interval` seconds after a burst that `tolerance` allows."""

    interval: float
    tolerance: float

    @classmethod
    def of(cls, window: Window, *, burst: int) -> Cell:
        """The cell that keeps `window`, allowing `burst` requests at once (1 ≤ burst ≤ count)."""
        burst = max(1, min(burst, window.count))
        interval = window.seconds / (window.count - burst + 1)
        return cls(interval, (burst - 1) * interval)


def reserve(state: Sequence[float] | None, cells: Sequence[Cell], now: float) -> tuple[float, list[float]]:
    """The earliest slot (≥ now) every cell allows, and the state after taking it."""
    nexts = state if state and len(state) == len(cells) else [now] * len(cells)
    slot = max(now, *(tat - cell.tolerance for tat, cell in zip(nexts, cells, strict=True)))
    return slot, [max(tat, slot) + cell.interval for tat, cell in zip(nexts, cells, strict=True)]


class Pace(Protocol):
    """Where the slots are reserved."""

    async def wait(self, key: str, cells: Sequence[Cell]) -> float:
        """Reserve the next slot of `key`; return the seconds to wait for it (0 when it is now)."""
        ...

    async def forget(self, older_than: float) -> int:
        """Drop the state of keys untouched for `older_than` seconds; return how many."""
        ...


class LocalPace:
    """The pace in this process's memory; only the `remembered` most recently used keys are kept (a key not used
    for an hour has no state worth keeping: every window is free again)."""

    def __init__(self, *, remembered: int = 4096) -> None:
        self._states: OrderedDict[str, list[float]] = OrderedDict()
        self._remembered = remembered

    async def wait(self, key: str, cells: Sequence[Cell]) -> float:
        """See `Pace.wait`."""
        now = time.monotonic()
        slot, self._states[key] = reserve(self._states.pop(key, None), cells, now)
        self._trim()
        return slot - now

    async def forget(self, older_than: float) -> int:
        """Nothing to do: the memory is bounded by `remembered`."""
        return 0

    def _trim(self) -> None:
        while len(self._states) > self._remembered:
            self._states.popitem(last=False)


_DATABASE_NOW = text("extract(epoch from clock_timestamp())")


class SharedPace:
    """The pace in PostgreSQL, shared by every replica: one short transaction per reservation, the key's row locked
    (`SELECT … FOR UPDATE`), on the database's clock."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def wait(self, key: str, cells: Sequence[Cell]) -> float:
        """See `Pace.wait`."""
        async with self._sessions.begin() as session:
            state, now, stamp = await self._locked(session, key)
            slot, state = reserve(state, cells, now)
            await self._store(session, key, state, stamp)
        return slot - now

    async def forget(self, older_than: float) -> int:
        """See `Pace.forget`."""
        async with self._sessions.begin() as session:
            cutoff = text("clock_timestamp() - make_interval(secs => :seconds)").bindparams(seconds=older_than)
            result = await session.execute(delete(SendPace).where(SendPace.updated_at < cutoff))
        return cast(CursorResult[Any], result).rowcount

    @staticmethod
    async def _locked(session: AsyncSession, key: str) -> tuple[list[float] | None, float, datetime]:
        """The key's state (its row locked until the transaction ends), the database's clock in seconds, and as a
        timestamp."""
        query = select(SendPace.state, _DATABASE_NOW, text("clock_timestamp()")).where(SendPace.key == key)
        row = (await session.execute(query.with_for_update())).first()
        if row is None:  # a new key: its row first, so that two replicas' first requests queue on its lock too
            await session.execute(
                insert(SendPace)
                .values(key=key, state=[], updated_at=text("clock_timestamp()"))
                .on_conflict_do_nothing()
            )
            row = (await session.execute(query.with_for_update())).one()
        return list(row[0]) or None, float(row[1]), row[2]

    @staticmethod
    async def _store(session: AsyncSession, key: str, state: list[float], stamp: datetime) -> None:
        await session.execute(update(SendPace).where(SendPace.key == key).values(state=state, updated_at=stamp))


def pace_for(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> Pace:
    """Shared through PostgreSQL, where replicas may run; in memory on SQLite (one process)."""
    return SharedPace(sessions) if engine.dialect.name == "postgresql" else LocalPace()
