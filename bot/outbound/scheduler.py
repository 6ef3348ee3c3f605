"""APScheduler (AsyncIOScheduler, UTC) wakes the dispatcher; the database stays the truth.

Four jobs, each a module-level function found by id with a plain-string argument (nothing pickled): a periodic
tick, an exact-time wake-up for the next due row (re-set after every run and after every turn), an hourly
re-plan that moves the planning horizon on, and an hourly purge of sent, cancelled and skipped rows older than the
retention (`OUTBOX_RETENTION_DAYS`; none when it is 0), in short batches. A restart loses nothing: the rows are
still there, and the first tick sends what fell due while the bot was down.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.outbound.dispatcher import Dispatcher

logger = logging.getLogger(__name__)

TICK, WAKE, REPLAN, PURGE = "reminders-tick", "reminders-wake", "reminders-replan", "outbox-purge"
DEFAULT_RETENTION = timedelta(days=90)
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


async def purge(name: str) -> None:
    """Job: delete sent, cancelled and skipped rows older than the retention (a batch of them at a time)."""
    scheduler = _RUNNING.get(name)
    if scheduler is not None and scheduler.retention is not None:
        await scheduler.dispatcher.purge(older_than=scheduler.retention)


class ReminderScheduler:
    """Owns the AsyncIOScheduler of one app."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        *,
        tick_seconds: int,
        retention: timedelta | None = DEFAULT_RETENTION,
        name: str = "default",
    ) -> None:
        """`retention`: how long sent, cancelled and skipped rows are kept (None: for ever)."""
        self.dispatcher, self.tick_seconds, self.retention, self.name = dispatcher, tick_seconds, retention, name
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
        if self.retention is not None:
            self.scheduler.add_job(
                purge, "interval", hours=1, id=PURGE, args=[self.name], coalesce=True, max_instances=1,
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
