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
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import CursorResult, delete, literal_column, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.sql.elements import ColumnClause

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


type Keyed = Sequence[tuple[str, Sequence[Cell]]]
"""Keys (a conversation, its tenant) with their cells, in the order a request must pass them."""

AHEAD = 0.1
"""Seconds: a key's slot at most this far ahead lets the next key be reserved in the same step, from that slot on.
Later than that, the next key waits for the next step, so that a conversation waiting its turn never holds a slot of
its tenant (every other conversation would wait behind it)."""


def take(states: Sequence[Sequence[float] | None], keyed: Keyed, now: float) -> tuple[float, int, list[list[float]]]:
    """Reserve `keyed`'s keys in order, each from the previous one's slot on, stopping after a key whose slot is more
    than AHEAD away: (the last slot taken, how many keys were taken, their new states)."""
    slot, taken, new = now, 0, []
    for state, (_, cells) in zip(states, keyed, strict=True):
        if taken and slot - now > AHEAD:
            break
        slot, after = reserve(state, cells, slot)
        new.append(after)
        taken += 1
    return slot, taken, new


class Pace(Protocol):
    """Where the slots are reserved."""

    async def take(self, keyed: Keyed) -> tuple[float, int]:
        """Reserve the keys' next slots (see `take`): (the seconds to wait for the last one taken, how many were taken;
        the caller waits, then asks for the rest)."""
        ...

    async def forget(self, older_than: float) -> int:
        """Drop the state of keys untouched for `older_than` seconds; return how many."""
        ...


async def wait_for_all(pace: Pace, keyed: Keyed, pause: Callable[[float], Awaitable[None]]) -> None:
    """Reserve a slot of every key, in order, pausing for each step's."""
    while keyed:
        seconds, taken = await pace.take(keyed)
        await pause(seconds)
        keyed = keyed[taken:]


class LocalPace:
    """The pace in this process's memory; only the `remembered` most recently used keys are kept (a key not used
    for an hour has no state worth keeping: every window is free again)."""

    def __init__(self, *, remembered: int = 4096) -> None:
        self._states: OrderedDict[str, list[float]] = OrderedDict()
        self._remembered = remembered

    async def take(self, keyed: Keyed) -> tuple[float, int]:
        """See `Pace.take`."""
        now = time.monotonic()
        slot, taken, states = take([self._states.pop(key, None) for key, _ in keyed], keyed, now)
        for (key, _), state in zip(keyed[:taken], states, strict=True):
            self._states[key] = state
        while len(self._states) > self._remembered:
            self._states.popitem(last=False)
        return slot - now, taken

    async def forget(self, older_than: float) -> int:
        """Nothing to do: the memory is bounded by `remembered`."""
        return 0


_DATABASE_NOW: ColumnClause[float] = literal_column("extract(epoch from clock_timestamp())")
_DATABASE_STAMP: ColumnClause[datetime] = literal_column("clock_timestamp()")


class SharedPace:
    """The pace in PostgreSQL, shared by every replica: one short transaction of two statements per step, the keys'
    rows locked (an upsert, in key order: two replicas never wait on each other crosswise), on the database's clock."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def take(self, keyed: Keyed) -> tuple[float, int]:
        """See `Pace.take`."""
        new = [{"key": key, "state": [], "updated_at": _DATABASE_STAMP} for key in sorted(dict(keyed))]
        upsert = insert(SendPace).values(new)
        lock = upsert.on_conflict_do_update(index_elements=[SendPace.key], set_={"key": upsert.excluded.key})
        async with self._sessions.begin() as session:
            locked = await session.execute(lock.returning(SendPace.key, SendPace.state, _DATABASE_NOW, _DATABASE_STAMP))
            rows = {key: (state, float(seconds), stamp) for key, state, seconds, stamp in locked}
            _, now, stamp = max(rows.values(), key=lambda row: row[1])
            slot, taken, states = take([rows[key][0] or None for key, _ in keyed], keyed, now)
            changes = [{"key": key, "state": state} for (key, _), state in zip(keyed[:taken], states, strict=True)]
            await session.execute(update(SendPace), [change | {"updated_at": stamp} for change in changes])
        return slot - now, taken

    async def forget(self, older_than: float) -> int:
        """See `Pace.forget`."""
        async with self._sessions.begin() as session:
            cutoff = text("clock_timestamp() - make_interval(secs => :seconds)").bindparams(seconds=older_than)
            result = await session.execute(delete(SendPace).where(SendPace.updated_at < cutoff))
        return cast(CursorResult[Any], result).rowcount


def pace_for(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> Pace:
    """Shared through PostgreSQL, where replicas may run; in memory on SQLite (one process)."""
    return SharedPace(sessions) if engine.dialect.name == "postgresql" else LocalPace()
