"""What a month's bulletin says, from the data: meetings held, decisions taken, action points done in the month and
overdue now per working group, FAQ entries added, and the meetings of the coming weeks, each item asked of the
visibility rule for its readers (the channel: only what the whole community may see; the rest counted)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.bulletin.timing import month_bounds
from dialogs.bulletin.views import (
    Bulletin,
    BulletinAction,
    BulletinDecision,
    BulletinFaq,
    GroupActions,
    HeldMeeting,
)
from dialogs.common.two_languages import Title
from dialogs.common.visibility import Reader, may_see, of_action, of_decision, of_faq, of_meeting
from dialogs.meetings.occurrences import rule_starts
from dialogs.meetings.schedule import MeetingView, next_slots, view
from dialogs.questions.faq import versions_of
from storage.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Community,
    Decision,
    FaqEntry,
    Meeting,
    MeetingOccurrence,
    OccurrenceStatus,
    WorkingGroup,
)
from storage.models.bulletin import BulletinEdition

UPCOMING_DAYS = 31
UPCOMING_COUNT = 10
_TICK = timedelta(microseconds=1)


async def edition_row(session: AsyncSession, *, community_id: int, period: date) -> BulletinEdition | None:
    """The stored edition of `period` (its editorial note), if a facilitator wrote one."""
    return await session.scalar(
        select(BulletinEdition).where(BulletinEdition.community_id == community_id, BulletinEdition.period == period)
    )


async def bulletin(
    session: AsyncSession,
    *,
    community: Community,
    period: date,
    reader: Reader,
    now: datetime,
) -> Bulletin:
    """The bulletin of the month starting `period`, as of `now`, showing `reader` only what the rule lets them see."""
    start, end = month_bounds(period, community.timezone)
    withheld = 0
    meetings, hidden = await _held(session, community_id=community.id, start=start, end=min(end, now), reader=reader)
    withheld += hidden
    decisions, hidden = await _decisions(session, community_id=community.id, start=start, end=end, reader=reader)
    withheld += hidden
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    groups, hidden = await _actions(
        session, community_id=community.id, start=start, end=end, today=today, reader=reader
    )
    withheld += hidden
    faq, hidden = await _faq(session, community_id=community.id, start=start, end=end, reader=reader)
    withheld += hidden
    upcoming, hidden = await _upcoming(session, community_id=community.id, now=now, reader=reader)
    withheld += hidden
    edition = await edition_row(session, community_id=community.id, period=period)
    return Bulletin(
        period=period,
        note=edition.note if edition else "",
        note_lang=edition.note_lang if edition else None,
        meetings=meetings,
        decisions=decisions,
        groups=groups,
        faq=faq,
        upcoming=upcoming,
        withheld=withheld,
    )


async def _held(
    session: AsyncSession, *, community_id: int, start: datetime, end: datetime, reader: Reader
) -> tuple[tuple[HeldMeeting, ...], int]:
    """The occurrences that started in [start, end) and were not called off (a series cancelled later included)."""
    # one-off meetings over before the month are left to the database (a regional network has hundreds of them)
    may_have_met = or_(
        Meeting.rrule.is_not(None),
        Meeting.starts_at >= start,
        Meeting.occurrences.any(MeetingOccurrence.starts_at >= start),
    )
    meetings = await session.scalars(
        select(Meeting).where(Meeting.community_id == community_id, Meeting.starts_at < end, may_have_met)
    )
    held: list[tuple[datetime, Meeting]] = []
    for meeting in meetings:
        until = min(end, meeting.cancelled_at or end) - _TICK
        rows = {row.original_start: row for row in meeting.occurrences}
        starts = [s for s in rule_starts(meeting, after=start - _TICK, count=100, until=until) if s not in rows]
        starts += [
            row.starts_at
            for row in rows.values()
            if row.status != OccurrenceStatus.CANCELLED and start <= row.starts_at <= until
        ]
        held += [(when, meeting) for when in starts]
    shown = [
        HeldMeeting(meeting.number, Title(meeting.title), when)
        for when, meeting in sorted(held, key=lambda pair: pair[0])
        if may_see(reader, of_meeting(meeting))
    ]
    return tuple(shown), len(held) - len(shown)


async def _decisions(
    session: AsyncSession, *, community_id: int, start: datetime, end: datetime, reader: Reader
) -> tuple[tuple[BulletinDecision, ...], int]:
    """The decisions recorded in the month (a confidential one, or a working group meeting's, counted only)."""
    rows = (
        await session.execute(
            select(Decision, Meeting, AgendaItem)
            .outerjoin(MeetingOccurrence, MeetingOccurrence.id == Decision.occurrence_id)
            .outerjoin(Meeting, Meeting.id == MeetingOccurrence.meeting_id)
            .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(Decision.community_id == community_id, Decision.created_at >= start, Decision.created_at < end)
            .order_by(Decision.number)
        )
    ).all()
    shown = tuple(
        BulletinDecision(decision.number, decision.text)
        for decision, meeting, item in rows
        if may_see(reader, of_decision(decision, meeting=meeting, item=item))
    )
    return shown, len(rows) - len(shown)


async def _actions(
    session: AsyncSession, *, community_id: int, start: datetime, end: datetime, today: date, reader: Reader
) -> tuple[tuple[GroupActions, ...], int]:
    """Per working group (community-wide first, then by name): the action points done in the month and those overdue
    today, all counted, those the reader may see listed."""
    done = await session.scalars(
        select(Action)
        .where(
            Action.community_id == community_id,
            Action.status == ActionStatus.DONE,
            Action.closed_at >= start,
            Action.closed_at < end,
        )
        .order_by(Action.number)
    )
    overdue = await session.scalars(
        select(Action)
        .where(
            Action.community_id == community_id,
            Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]),
            Action.due_on < today,
        )
        .order_by(Action.due_on, Action.number)
    )
    by_group: dict[int | None, tuple[list[Action], list[Action]]] = {}
    for index, actions in enumerate((done, overdue)):
        for action in actions:
            by_group.setdefault(action.group_id, ([], []))[index].append(action)
    names = await _group_names(session, (group for group in by_group if group is not None))
    groups: list[GroupActions] = []
    withheld = 0
    for group_id in sorted(by_group, key=lambda g: (g is not None, names.get(g, "").casefold() if g else "")):
        done_here, overdue_here = by_group[group_id]
        seen_done = tuple(_line(a) for a in done_here if may_see(reader, of_action(a)))
        seen_overdue = tuple(_line(a) for a in overdue_here if may_see(reader, of_action(a)))
        withheld += len(done_here) + len(overdue_here) - len(seen_done) - len(seen_overdue)
        name = names.get(group_id) if group_id is not None else None
        groups.append(GroupActions(name, len(done_here), len(overdue_here), seen_done, seen_overdue))
    return tuple(groups), withheld


def _line(action: Action) -> BulletinAction:
    owners = tuple(sorted((owner.member.name for owner in action.owners), key=str.casefold))
    return BulletinAction(action.number, action.text, owners, action.due_on)


async def _group_names(session: AsyncSession, ids: Iterable[int]) -> dict[int | None, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await session.execute(select(WorkingGroup.id, WorkingGroup.name).where(WorkingGroup.id.in_(wanted)))
    return {group_id: Title(name) for group_id, name in rows.all()}


async def _faq(
    session: AsyncSession, *, community_id: int, start: datetime, end: datetime, reader: Reader
) -> tuple[tuple[BulletinFaq, ...], int]:
    """The FAQ entries added in the month (a working group's counted only)."""
    entries = list(
        await session.scalars(
            select(FaqEntry)
            .where(FaqEntry.community_id == community_id, FaqEntry.created_at >= start, FaqEntry.created_at < end)
            .order_by(FaqEntry.number)
        )
    )
    shown = tuple(
        BulletinFaq(entry.number, versions_of(entry))
        for entry in entries
        if entry.versions and may_see(reader, of_faq(entry))
    )
    return shown, len(entries) - len(shown)


async def _upcoming(
    session: AsyncSession, *, community_id: int, now: datetime, reader: Reader
) -> tuple[tuple[MeetingView, ...], int]:
    """The meetings of the coming weeks (a working group's counted only)."""
    horizon = now + timedelta(days=UPCOMING_DAYS)
    slots = [
        slot
        for slot in await next_slots(session, community_id=community_id, now=now, count=UPCOMING_COUNT)
        if slot.starts_at <= horizon
    ]
    shown = tuple(view(slot) for slot in slots if may_see(reader, of_meeting(slot.meeting)))
    return shown, len(slots) - len(shown)
