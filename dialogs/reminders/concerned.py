"""Whom the reminders feature's channel posts concern (the bot @mentions them), and whether a member's own meeting
reminder still asks something of them.

- The call for agenda items (a week ahead, while items are taken): the meeting's members — its working group's, else
  the community's — who have not proposed an item to it yet. The reminders from the day before, and the agenda at
  its deadline: those presenting an item on it (its presenter, else who proposed it).
- The weekly digest: the owners of overdue action points (not those merely due this week: nothing is late yet).
- A working group member's own reminder: only while they are still in the group, and the call for items only to
  those who have not proposed one yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.people import Mentions, concerning
from dialogs.meetings.occurrences import Slot
from storage import repositories as repo
from storage.models import Action, AgendaItem, Meeting, Member, WorkingGroupMember


async def call_for_items(session: AsyncSession, slot: Slot) -> Mentions | None:
    """The meeting's members who have not proposed an item to this occurrence yet."""
    proposed = await proposers(session, slot)
    members = await _participants(session, slot.meeting)
    return concerning("mentions-call-for-items", _by_name(m for m in members if m.id not in proposed))


def presenting(items: Sequence[AgendaItem]) -> Mentions | None:
    """Those presenting the agenda's items: each item's presenter, else who proposed it."""
    people = (item.presenter or item.submitted_by for item in items)
    return concerning("mentions-presenting", _by_name(person for person in people if person is not None))


def overdue_owners(overdue: Iterable[Action]) -> Mentions | None:
    """The owners of these overdue actions."""
    return concerning("mentions-overdue", _by_name(owner.member for action in overdue for owner in action.owners))


async def still_theirs(session: AsyncSession, slot: Slot, *, member_id: int | None, call_for_items: bool) -> bool:
    """Whether a group member's own reminder still asks something of them: they are still in the meeting's group
    and, for the call for items, have not proposed one yet."""
    group_id = slot.meeting.group_id
    if group_id is None or member_id is None:
        return False
    in_group = await session.scalar(
        select(WorkingGroupMember.member_id).where(
            WorkingGroupMember.group_id == group_id, WorkingGroupMember.member_id == member_id
        )
    )
    if in_group is None:
        return False
    return not call_for_items or member_id not in await proposers(session, slot)


async def proposers(session: AsyncSession, slot: Slot) -> set[int]:
    """Who has proposed an item to this occurrence (an item removed since included: they did propose)."""
    if slot.row is None:
        return set()
    rows = await session.scalars(
        select(AgendaItem.submitted_by_id).where(
            AgendaItem.occurrence_id == slot.row.id, AgendaItem.submitted_by_id.is_not(None)
        )
    )
    return {member_id for member_id in rows if member_id is not None}


async def _participants(session: AsyncSession, meeting: Meeting) -> list[Member]:
    """Who may bring items to the meeting: its working group's members, else the community's active members."""
    if meeting.group_id is None:
        return await repo.active_members(session, community_id=meeting.community_id)
    rows = await session.scalars(
        select(Member)
        .join(WorkingGroupMember, WorkingGroupMember.member_id == Member.id)
        .where(WorkingGroupMember.group_id == meeting.group_id, Member.active.is_(True))
    )
    return list(rows)


def _by_name(members: Iterable[Member]) -> list[Member]:
    return sorted(members, key=lambda member: (member.name.casefold(), member.id))
