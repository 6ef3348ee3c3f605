"""APScheduler (AsyncIOScheduler, UTC) wakes the dispatcher; the database stays the truth.

Three jobs, each a module-level function found by id with a plain-string argument (nothing pickled): a periodic
tick, an exact-time wake-up for the next due row (re-set after every run and after every turn), and an hourly
re-plan that moves the planning horizon on. A restart loses nothing: the rows are still there, and the first
tick sends what fell due while the bot was down.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.outbound.dispatcher import Dispatcher

logger = logging.getLogger(__name__)

TICK, WAKE, REPLAN = "reminders-tick", "reminders-wake", "reminders-replan"
_RUNNING: dict[str, ReminderScheduler] = {}


async def dispatch_due(name: str) -> None:
    """Job: send what is due, then set the wake-up for the next row."""
    scheduler = _RUNNING.get(name)
    if scheduler is None:
        return
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
        await scheduler.dispatcher.replan_all()
        await scheduler.wake_at_next_due()


class ReminderScheduler:
    """Owns the AsyncIOScheduler of one app."""

    def __init__(self, dispatcher: Dispatcher, *, tick_seconds: int, name: str = "default") -> None:
        self.dispatcher, self.tick_seconds, self.name = dispatcher, tick_seconds, name
        self.scheduler = AsyncIOScheduler(timezone=UTC)

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

    def shutdown(self) -> None:
        """Stop the jobs (rows stay pending in the database)."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        _RUNNING.pop(self.name, None)

    def _wake(self, when: datetime) -> None:
        self.scheduler.add_job(
            dispatch_due, "date", run_date=when, id=WAKE, args=[self.name], replace_existing=True,
            misfire_grace_time=None,
        )  # fmt: skip
