"""APScheduler (AsyncIOScheduler, UTC) wakes the dispatcher; the database stays the truth.

Four jobs, each a module-level function found by id with a plain-string argument (nothing pickled): a periodic tick,
an exact-time wake-up for the next due row (re-set after every run and after every turn that planned a message), an
hourly re-plan that moves the planning horizon on, and an hourly upkeep: each community's retention periods applied
(sent reminders, closed tickets, audit entries; `dialogs.community.retention`) in short batches, and the bookkeeping
of handled activities and of the send pace that is no longer needed.

A restart loses nothing: the rows are still there, and the
first tick sends what fell due while the bot was down. `stop` (the app's shutdown, on SIGTERM) stops claiming and
lets the rows in flight finish before the jobs end.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.outbound.dispatcher import DRAIN, Dispatcher

logger = logging.getLogger(__name__)

TICK, WAKE, REPLAN, UPKEEP = "reminders-tick", "reminders-wake", "reminders-replan", "outbox-upkeep"
_RUNNING: dict[str, ReminderScheduler] = {}


async def dispatch_due(name: str) -> None:
    """Job: send what is due, then set the wake-up for the next row."""
    scheduler = _RUNNING.get(name)
    if scheduler is None:
        return
    with scheduler.job():
        await _dispatch(scheduler)


async def _dispatch(scheduler: ReminderScheduler) -> None:
    tally = await scheduler.dispatcher.run_once()
    if tally.ids:
        logger.info(
            "reminders: %s sent, %s cancelled, %s skipped, %s to retry, %s parked",
            tally.sent,
            tally.cancelled,
            tally.skipped,
            tally.retried,
            tally.parked,
        )
    await scheduler.wake_at_next_due()


async def replan(name: str) -> None:
    """Job: extend every community's reminders (meetings ahead, weekly nudges, the next digest)."""
    scheduler = _RUNNING.get(name)
    if scheduler is not None:
        with scheduler.job():
            await scheduler.dispatcher.replan_all()
            await scheduler.wake_at_next_due()


async def upkeep(name: str) -> None:
    """Job: apply the retention periods (a batch of rows at a time), forget handled activities older than a day and
    the send pace of conversations idle for an hour."""
    scheduler = _RUNNING.get(name)
    if scheduler is None:
        return
    with scheduler.job():
        await scheduler.dispatcher.purge()
        await scheduler.dispatcher.forget_traffic()


class ReminderScheduler:
    """Owns the AsyncIOScheduler of one app."""

    def __init__(self, dispatcher: Dispatcher, *, tick_seconds: int, name: str = "default") -> None:
        self.dispatcher, self.tick_seconds, self.name = dispatcher, tick_seconds, name
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._jobs: set[asyncio.Task[Any]] = set()

    @contextmanager
    def job(self) -> Iterator[None]:
        """Around a job's run: `stop` lets it end before the scheduler goes."""
        task = asyncio.current_task()
        assert task is not None
        self._jobs.add(task)
        try:
            yield
        finally:
            self._jobs.discard(task)

    def start(self) -> None:
        """Start the jobs (call inside the running event loop)."""
        _RUNNING[self.name] = self
        now = datetime.now(UTC)
        self.scheduler.add_job(
            dispatch_due, "interval", seconds=self.tick_seconds, id=TICK, args=[self.name], coalesce=True,
            max_instances=1, next_run_time=now + timedelta(seconds=1),
        )  # fmt: skip
        self.scheduler.add_job(
            replan, "interval", hours=1, id=REPLAN, args=[self.name], coalesce=True, max_instances=1,
            next_run_time=now,
        )  # fmt: skip
        self.scheduler.add_job(
            upkeep, "interval", hours=1, id=UPKEEP, args=[self.name], coalesce=True, max_instances=1,
            next_run_time=now + timedelta(minutes=5),
        )  # fmt: skip
        self.scheduler.start()
        logger.info("reminders: scheduler started (tick every %s s)", self.tick_seconds)

    def nudge(self) -> None:
        """Something may have been planned for now: run the dispatcher at once."""
        if self.scheduler.running:
            self._wake(datetime.now(UTC))

    async def wake_at_next_due(self) -> None:
        """Set the exact-time wake-up for the earliest pending row."""
        due = await self.dispatcher.next_due()
        if due is not None and self.scheduler.running:
            self._wake(max(due, datetime.now(UTC)))

    async def stop(self, *, drain: float = DRAIN) -> None:
        """Stop claiming, let the rows in flight finish (up to `drain` seconds), release the rest, end the jobs.
        Rows not sent stay pending in the database, unleased: another replica (or the next start) sends them."""
        if self.scheduler.running:
            self.scheduler.pause()
        started = time.monotonic()
        await self.dispatcher.stop(drain=drain)
        if self._jobs:  # (a tick setting its wake-up, a re-plan: short once nothing is claimed)
            await asyncio.wait(set(self._jobs), timeout=max(1.0, drain - (time.monotonic() - started)))
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        _RUNNING.pop(self.name, None)

    def _wake(self, when: datetime) -> None:
        self.scheduler.add_job(
            dispatch_due, "date", run_date=when, id=WAKE, args=[self.name], replace_existing=True,
            misfire_grace_time=None,
        )  # fmt: skip
