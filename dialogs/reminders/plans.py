"""Which reminders a meeting, an action or a community's week needs, as outbox rows (see dialogs/common/outbox.py).

Called in the same transaction as the change they hang on: a meeting scheduled, moved, cancelled or closed; an
action created, re-dated, reassigned or finished. Dedup keys name what a reminder depends on (the occurrence's
start, the action's due day and owner), so a row planned for an old state can never be sent for a new one.

Defaults (the region's): meetings 7 days, 1 day and 1 hour before (never moved); the agenda published at its
deadline; a follow-up after the meeting is closed; facilitators nudged 3 days after a meeting whose minutes are
unpublished; action owners 2 days before the due day, the day after it, then weekly while overdue; a weekly
digest on Monday 09:00. Nudges to people move out of quiet hours (20:00-08:00), the weekend (Friday,
Saturday) and public holidays to the next working morning in each person's own zone — each person's own weekend,
working hours and country's holidays when they have them, and out of iftar hours in Ramadan when the community
asked (`dialogs/regional/calendar.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.language import CHANNEL_SETTING, member_timezone
from dialogs.common.outbox import Planned
from dialogs.meetings.occurrences import Slot, upcoming_slots
from dialogs.regional.calendar import WorkingCalendar, member_calendar
from dialogs.registration import roll as registration_roll
from storage import repositories as repo
from storage.models import (
    Action,
    ActionStatus,
    Community,
    Meeting,
    Member,
    WorkingGroupMember,
)

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MEETING_HORIZON = timedelta(days=45)  # reminders exist for occurrences this close; the hourly re-plan extends it
OVERDUE_WEEKS = 8  # weekly overdue nudges planned ahead (the re-plan keeps extending them)
DEFAULTS: dict[str, Any] = {
    "meeting": [7 * 24 * 60, 24 * 60, 60],  # minutes before the start
    "agenda": True,  # publish the agenda at its deadline
    "follow_up": True,  # post decisions and new actions when a meeting closes
    "minutes_nudge_days": 3,  # 0: off
    "action_before_days": 2,  # 0: off
    "action_after_days": 1,  # 0: off
    "action_weekly": True,
    "digest": {"day": "MO", "time": "09:00"},  # None: off
    "weekend": ["FR", "SA"],
    "quiet": ["20:00", "08:00"],  # from, until (people's nudges only)
    CHANNEL_SETTING: "auto",  # the languages of channel posts: auto (those members read), ar, en or both
}


@dataclass(frozen=True)
class ReminderSettings:
    """A community's reminder settings, defaults filled in."""

    values: dict[str, Any]

    @classmethod
    def of(cls, community: Community) -> ReminderSettings:
        return cls({**DEFAULTS, **(community.reminder_settings or {})})

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def quiet(self) -> tuple[time, time]:
        start, end = self.values["quiet"]
        return time.fromisoformat(start), time.fromisoformat(end)

    def calendar(self) -> WorkingCalendar:
        """The community's own working calendar: its weekend and quiet hours (no holidays, no Ramadan hours)."""
        return WorkingCalendar(tuple(self.values["weekend"]), self.quiet)

    def calendar_of(self, member: Member, community: Community) -> WorkingCalendar:
        """A member's working calendar: their own weekend, hours, country's holidays, the community's Ramadan
        setting; the community's weekend and quiet hours where they have none of their own."""
        return member_calendar(member, community, weekend=list(self.values["weekend"]), quiet=self.quiet)


def working_time(
    moment: datetime, *, zone: str, settings: ReminderSettings, calendar: WorkingCalendar | None = None
) -> datetime:
    """`moment`, or the next working time in `zone` when it falls in quiet hours, on a day off or (in Ramadan) at
    iftar, by `calendar` (default: the community's weekend and quiet hours)."""
    return (calendar or settings.calendar()).next_working(moment, zone=zone)


def morning_of(
    day: date, *, zone: str, settings: ReminderSettings, calendar: WorkingCalendar | None = None
) -> datetime:
    """The start of the working day `day` in `zone` (moved on if it is a day off), by `calendar` (default: the
    community's)."""
    calendar = calendar or settings.calendar()
    start = datetime.combine(day, calendar.quiet[1], tzinfo=ZoneInfo(zone))
    return working_time(start, zone=zone, settings=settings, calendar=calendar)


_BACK_DAYS = 14
"""How far before the due day a due-soon nudge its owner's days off pushed too late looks for a working morning."""


# ---- meetings ----------------------------------------------------------------------------------------------


async def plan_meeting(session: AsyncSession, *, meeting: Meeting, community: Community, now: datetime) -> None:
    """(Re)plan the reminders of a meeting's coming occurrences: in the channel, or for a working group's
    meeting in its members' 1:1 chats (the channel is read by people outside the group). A cancelled meeting has
    none."""
    planned = await _meeting_plan(session, meeting=meeting, community=community, now=now)
    await outbox.replan(session, community_id=community.id, subject=f"meeting:{meeting.id}", planned=planned, now=now)


async def _meeting_plan(
    session: AsyncSession, *, meeting: Meeting, community: Community, now: datetime
) -> list[Planned]:
    settings = ReminderSettings.of(community)
    planned: list[Planned] = []
    slots = [s for s in upcoming_slots(meeting, after=now, count=12) if s.starts_at - now <= MEETING_HORIZON]
    group_members = await group_member_ids(session, meeting) if slots else []
    for slot in slots:
        registered = await registration_roll.registered_ids(session, slot) if meeting.registration else None
        planned += _meeting_rows(slot, settings=settings, group_members=group_members, registered=registered, now=now)
    return planned


def _meeting_rows(
    slot: Slot, *, settings: ReminderSettings, group_members: list[int], registered: list[int] | None, now: datetime
) -> list[Planned]:
    """The occurrence's reminders (to those `registered` only, in their 1:1 chats, when the meeting asks members to
    register) and its agenda at the deadline (to everyone it is for)."""
    meeting, start = slot.meeting, slot.starts_at
    payload = {"meeting": meeting.id, "start": start.isoformat()}
    rows = []
    for minutes in settings["meeting"]:
        due = start - timedelta(minutes=minutes)
        if due <= now:
            continue
        key = f"meeting:{meeting.id}:{start.isoformat()}:{minutes}m"
        data = {**payload, "before": minutes}
        if registered is not None:
            rows += [Planned("meeting-reminder", f"{key}:{m}", due, data, member_id=m) for m in registered]
        else:
            rows += to_audience(meeting, "meeting-reminder", f"{key}:channel", due, data, group_members=group_members)
    if settings["agenda"] and slot.deadline > now:
        key = f"agenda:{meeting.id}:{start.isoformat()}:{slot.deadline.isoformat()}"
        rows += to_audience(meeting, "agenda-published", key, slot.deadline, payload, group_members=group_members)
    return rows


def to_audience(
    meeting: Meeting, kind: str, key: str, due: datetime, payload: dict[str, Any], *, group_members: list[int]
) -> list[Planned]:
    """A meeting's post for everyone it concerns: the channel for a community meeting; for a working group's
    meeting, each of its members' 1:1 chats (`group_members`), since everyone on the team reads the channel."""
    if meeting.group_id is None:
        return [Planned(kind, key, due, payload, channel=True)]
    stem = key.removesuffix(":channel")
    return [Planned(kind, f"{stem}:{member_id}", due, payload, member_id=member_id) for member_id in group_members]


async def group_member_ids(session: AsyncSession, meeting: Meeting) -> list[int]:
    """The active members of `meeting`'s working group, by id (none for a community meeting)."""
    if meeting.group_id is None:
        return []
    rows = await session.scalars(
        select(WorkingGroupMember.member_id)
        .join(Member, Member.id == WorkingGroupMember.member_id)
        .where(WorkingGroupMember.group_id == meeting.group_id, Member.active.is_(True))
    )
    return sorted(rows)


async def plan_after_close(
    session: AsyncSession, *, meeting: Meeting, community: Community, slot: Slot, now: datetime
) -> None:
    """When a meeting closes: the follow-up post now, and the facilitators' minutes nudge later."""
    settings = ReminderSettings.of(community)
    payload = {"meeting": meeting.id, "start": slot.starts_at.isoformat()}
    subject = f"meeting-closed:{meeting.id}:{slot.starts_at.isoformat()}"
    if settings["follow_up"]:
        key = f"follow-up:{meeting.id}:{slot.starts_at.isoformat()}"
        group_members = await group_member_ids(session, meeting)
        for message in to_audience(meeting, "meeting-follow-up", key, now, payload, group_members=group_members):
            await outbox.queue(session, community_id=community.id, subject=subject, message=message, now=now)
    days = settings["minutes_nudge_days"]
    if not days:
        return
    for facilitator in await repo.active_facilitators(session, community_id=community.id):
        zone = member_timezone(facilitator, community)
        calendar = settings.calendar_of(facilitator, community)
        due = working_time(now + timedelta(days=days), zone=zone, settings=settings, calendar=calendar)
        key = f"minutes-nudge:{meeting.id}:{slot.starts_at.isoformat()}:{facilitator.id}"
        message = Planned("minutes-nudge", key, due, payload, member_id=facilitator.id)
        await outbox.queue(session, community_id=community.id, subject=subject, message=message, now=now)


# ---- actions -----------------------------------------------------------------------------------------------


async def plan_action(session: AsyncSession, *, action: Action, community: Community, now: datetime) -> None:
    """(Re)plan an action's nudges to each owner: before the due day, the day after, then weekly while overdue.
    Done, cancelled or undated actions have none."""
    owners = await _members_by_id(session, {o.member_id for o in action.owners})
    planned = _action_plan(action, owners=owners, community=community, now=now)
    await outbox.replan(session, community_id=community.id, subject=f"action:{action.id}", planned=planned, now=now)


def _action_plan(action: Action, *, owners: dict[int, Member], community: Community, now: datetime) -> list[Planned]:
    planned: list[Planned] = []
    if action.due_on is not None and action.status not in (ActionStatus.DONE, ActionStatus.CANCELLED):
        settings = ReminderSettings.of(community)
        for owner in (owners[o.member_id] for o in action.owners if o.member_id in owners):
            if owner.active:
                planned += _action_rows(action, owner=owner, community=community, settings=settings, now=now)
    return planned


async def _members_by_id(session: AsyncSession, ids: set[int]) -> dict[int, Member]:
    if not ids:
        return {}
    return {member.id: member for member in await session.scalars(select(Member).where(Member.id.in_(ids)))}


def _action_rows(
    action: Action, *, owner: Member, community: Community, settings: ReminderSettings, now: datetime
) -> list[Planned]:
    assert action.due_on is not None
    zone = member_timezone(owner, community)
    days: list[tuple[str, date]] = []
    if settings["action_before_days"]:
        days.append(("action-due-soon", action.due_on - timedelta(days=settings["action_before_days"])))
    if settings["action_after_days"]:
        days.append(("action-overdue", action.due_on + timedelta(days=settings["action_after_days"])))
    if settings["action_weekly"]:
        first = action.due_on + timedelta(days=max(1, settings["action_after_days"]))
        days += [("action-overdue-weekly", first + timedelta(weeks=week)) for week in range(1, OVERDUE_WEEKS + 1)]
    rows = []
    calendar = settings.calendar_of(owner, community)
    for kind, day in days:
        due = morning_of(day, zone=zone, settings=settings, calendar=calendar)
        if kind == "action-due-soon":
            due = _by_due_day(due, due_on=action.due_on, zone=zone, settings=settings, calendar=calendar, now=now)
        if due > now:
            key = f"{kind}:{action.id}:{owner.id}:{action.due_on.isoformat()}:{day.isoformat()}"
            payload = {"action": action.id, "due_on": action.due_on.isoformat(), "day": day.isoformat()}
            rows.append(Planned(kind, key, due, payload, member_id=owner.id))
    return rows


def _by_due_day(
    due: datetime, *, due_on: date, zone: str, settings: ReminderSettings, calendar: WorkingCalendar, now: datetime
) -> datetime:
    """A due-soon nudge its owner's days off pushed past the due day (when it would no longer be sent): the last
    working morning before the due day still ahead, else the due day's morning."""
    tz = ZoneInfo(zone)
    if due.astimezone(tz).date() <= due_on:
        return due
    for back in range(1, _BACK_DAYS + 1):
        day = due_on - timedelta(days=back)
        morning = morning_of(day, zone=zone, settings=settings, calendar=calendar)
        if morning <= now:
            break
        if morning.astimezone(tz).date() == day:
            return morning
    return datetime.combine(due_on, calendar.quiet[1], tzinfo=tz)


# ---- the week ----------------------------------------------------------------------------------------------


async def plan_digest(session: AsyncSession, *, community: Community, now: datetime) -> None:
    """The next weekly digest in the channel (the re-plan after it plans the one after)."""
    settings = ReminderSettings.of(community)
    planned = []
    if settings["digest"]:
        due = next_weekly(settings["digest"]["day"], settings["digest"]["time"], zone=community.timezone, now=now)
        key = f"digest:{community.id}:{due.date().isoformat()}"
        planned.append(Planned("weekly-digest", key, due, {"week_of": due.date().isoformat()}, channel=True))
    await outbox.replan(session, community_id=community.id, subject=f"digest:{community.id}", planned=planned, now=now)


def next_weekly(day: str, at: str, *, zone: str, now: datetime) -> datetime:
    """The next `day` (MO…SU) at `at` (HH:MM) in `zone`, strictly after `now`."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    ahead = (WEEKDAYS.index(day) - local.weekday()) % 7
    candidate = datetime.combine(local.date() + timedelta(days=ahead), time.fromisoformat(at), tzinfo=tz)
    if candidate <= local:
        candidate += timedelta(days=7)
    return candidate.astimezone(now.tzinfo)


REPLAN_BATCH = 200
"""Meetings or actions re-planned in one short transaction by the hourly re-plan (a few hundred milliseconds at most
on SQLite, whose write lock every member's turn waits for)."""


@dataclass(frozen=True)
class ReplanBatch:
    """A part of a community's re-plan: some meetings, some actions, or its next digest."""

    meetings: tuple[int, ...] = ()
    actions: tuple[int, ...] = ()
    digest: bool = False


async def replan_batches(session: AsyncSession, *, community_id: int, size: int | None = None) -> list[ReplanBatch]:
    """The community's re-plan cut into batches of `size` (REPLAN_BATCH) meetings or actions (those that can have
    reminders)."""
    size = size or REPLAN_BATCH
    meetings = list(
        await session.scalars(
            select(Meeting.id)
            .where(Meeting.community_id == community_id, Meeting.cancelled_at.is_(None))
            .order_by(Meeting.id)
        )
    )
    actions = list(
        await session.scalars(
            select(Action.id)
            .where(
                Action.community_id == community_id,
                Action.due_on.is_not(None),
                Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]),
            )
            .order_by(Action.id)
        )
    )
    return [
        *(ReplanBatch(meetings=tuple(meetings[i : i + size])) for i in range(0, len(meetings), size)),
        *(ReplanBatch(actions=tuple(actions[i : i + size])) for i in range(0, len(actions), size)),
        ReplanBatch(digest=True),
    ]


async def replan_batch(session: AsyncSession, *, community: Community, batch: ReplanBatch, now: datetime) -> None:
    """Re-plan one batch: its meetings' and actions' reminders (an action closed since is left with none), or the
    digest. A handful of queries for the whole batch."""
    plans: dict[str, list[Planned]] = {}
    if batch.meetings:
        meetings = await session.scalars(
            select(Meeting).where(Meeting.id.in_(batch.meetings), Meeting.cancelled_at.is_(None))
        )
        for meeting in meetings:
            plans[f"meeting:{meeting.id}"] = await _meeting_plan(session, meeting=meeting, community=community, now=now)
    if batch.actions:
        actions = list(await session.scalars(select(Action).where(Action.id.in_(batch.actions))))
        owners = await _members_by_id(session, {o.member_id for action in actions for o in action.owners})
        for action in actions:
            plans[f"action:{action.id}"] = _action_plan(action, owners=owners, community=community, now=now)
    if plans:
        await outbox.replan_many(session, community_id=community.id, plans=plans, now=now)
    if batch.digest:
        await plan_digest(session, community=community, now=now)


async def replan_community(session: AsyncSession, *, community: Community, now: datetime) -> None:
    """Re-plan everything in this transaction (when the reminder settings change): horizons move on, settings
    apply."""
    for batch in await replan_batches(session, community_id=community.id):
        await replan_batch(session, community=community, batch=batch, now=now)


def weekday_codes(days: Iterable[str]) -> list[str]:
    """Weekday codes in week order, each once."""
    wanted = set(days)
    return [code for code in WEEKDAYS if code in wanted]
