"""When a community's bulletin goes out, which month it covers, and its outbox row (planned like the weekly digest:
the next one only; the hourly re-plan plans the one after).

The bulletin of month M goes out on the community's day of M (the 1st by default, 1-28 so every month has it) at its
time (09:00) in the community's zone, and covers the calendar month before M. A month whose bulletin was sent is not
covered again when the day changes: the next one is planned instead. Nor is one being tried (due, in flight, or
waiting to be tried again): its row is the month's edition, which the dispatcher still sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.outbox import Planned
from storage.models import Community, Notification
from storage.models.bulletin import BulletinSetting

KIND = "monthly-bulletin"
DEFAULT_DAY, DEFAULT_TIME = 1, "09:00"
LAST_DAY = 28  # every month has it


@dataclass(frozen=True)
class Schedule:
    """A community's bulletin day (None: off) and local time."""

    day: int | None
    time: str


@dataclass(frozen=True)
class Edition:
    """The next bulletin: the month it covers (its first day) and when it goes out (UTC)."""

    period: date
    due: datetime


async def schedule_of(session: AsyncSession, community_id: int) -> Schedule:
    """The community's bulletin schedule (the defaults until a facilitator changes it)."""
    row = await session.get(BulletinSetting, community_id)
    if row is None:
        return Schedule(DEFAULT_DAY, DEFAULT_TIME)
    return Schedule(row.day, row.time)


def month_start(day: date) -> date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def previous_month(day: date) -> date:
    """The first day of the month before `day`'s."""
    return month_start(month_start(day) - timedelta(days=1))


def next_month(day: date) -> date:
    """The first day of the month after `day`'s."""
    return month_start(month_start(day) + timedelta(days=32))


def month_bounds(period: date, zone: str) -> tuple[datetime, datetime]:
    """The month starting `period`, from its first midnight to the next month's, in `zone` (as aware datetimes)."""
    tz = ZoneInfo(zone)
    return datetime.combine(period, time(), tzinfo=tz), datetime.combine(next_month(period), time(), tzinfo=tz)


def issue_time(month: date, schedule: Schedule, zone: str) -> datetime:
    """When the bulletin of `month` (its first day) goes out, in UTC."""
    assert schedule.day is not None
    local = datetime.combine(month.replace(day=schedule.day), time.fromisoformat(schedule.time), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


async def next_edition(session: AsyncSession, *, community: Community, now: datetime) -> Edition | None:
    """The next bulletin to go out after `now` (None: the bulletin is off), skipping a month already sent."""
    schedule = await schedule_of(session, community.id)
    if schedule.day is None:
        return None
    month = month_start(now.astimezone(ZoneInfo(community.timezone)).date())
    while True:
        due = issue_time(month, schedule, community.timezone)
        period = previous_month(month)
        if due > now and not await _taken(session, community_id=community.id, period=period, now=now):
            return Edition(period, due)
        month = next_month(month)


async def plan(session: AsyncSession, *, community: Community, now: datetime) -> None:
    """Plan the community's next bulletin in the channel (none when it is off): called when its day changes, by the
    hourly re-plan, and after one was sent."""
    edition = await next_edition(session, community=community, now=now)
    planned = []
    if edition is not None:
        key = f"{_stem(community.id, edition.period)}{edition.due.isoformat()}"
        planned.append(Planned(KIND, key, edition.due, {"period": edition.period.isoformat()}, channel=True))
    subject = f"bulletin:{community.id}"
    await outbox.replan(session, community_id=community.id, subject=subject, planned=planned, now=now)


async def _taken(session: AsyncSession, *, community_id: int, period: date, now: datetime) -> bool:
    """Whether the bulletin of `period` went out already (or parked), or is being tried: due, in flight, or waiting to
    be tried again (a row the re-plan keeps, so a second one for the month would post it twice)."""
    tried = or_(Notification.attempts > 0, Notification.due_at <= now, Notification.send_started_at.is_not(None))
    found = await session.scalar(
        select(Notification.id)
        .where(
            Notification.community_id == community_id,
            Notification.kind == KIND,
            Notification.channel.is_(True),  # (not its e-mail copies)
            Notification.dedup_key.startswith(_stem(community_id, period), autoescape=True),
            or_(
                Notification.status.in_([outbox.SENT, outbox.PARKED]),
                and_(Notification.status == outbox.PENDING, tried),
            ),
        )
        .limit(1)
    )
    return found is not None


async def sent_elsewhere(session: AsyncSession, row: Notification) -> bool:
    """Whether another channel row of `row`'s month was sent, or is being sent (a month planned twice before
    `_taken` counted the rows being tried)."""
    found = await session.scalar(
        select(Notification.id)
        .where(
            Notification.community_id == row.community_id,
            Notification.kind == KIND,
            Notification.channel.is_(True),
            Notification.id != row.id,
            Notification.dedup_key.startswith(
                _stem(row.community_id, date.fromisoformat(row.payload["period"])), autoescape=True
            ),
            or_(
                Notification.status == outbox.SENT,
                and_(Notification.status == outbox.PENDING, Notification.send_started_at.is_not(None)),
            ),
        )
        .limit(1)
    )
    return found is not None


def _stem(community_id: int, period: date) -> str:
    return f"bulletin:{community_id}:{period.isoformat()}:"
