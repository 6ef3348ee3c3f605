"""Who may see what: one rule for every item a member can read, on every path that shows it.

Each item has an audience (`Scope`): the whole community, one working group, or the facilitators only (a
confidential item). A reader (`Reader`) is a member with their role and their groups, or the team's channel, which
everyone on the team reads — guests and members of no group included. `may_see` decides for one item; `listable`
is the same rule as a SQL condition, for lists that page in the database. The people an item is about (its author,
presenter or owners) always see it. A turn's answer is read by the speaker alone in their 1:1 chat, by everyone
there in a channel or group chat (`reader_for`, `require_visible`).

Facilitators and admins see everything. Working-group items (an item of a group, a group's meeting and what was
said and decided there) are for that group's members; confidential items are for the facilitators. Guests are
readers like any other member: they see community-wide items and the groups they belong to.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from dialogs.common.errors import UserError
from dialogs.common.turn import Turn
from storage.models import (
    Action,
    ActionOwner,
    AgendaItem,
    Decision,
    FaqEntry,
    Meeting,
    Member,
    WorkingGroup,
    WorkingGroupMember,
)


class Audience(enum.StrEnum):
    """Who an item is for."""

    COMMUNITY = "community"
    GROUP = "group"
    FACILITATORS = "facilitators"


@dataclass(frozen=True)
class Scope:
    """An item's audience: its kind, the group when it is a group's, and the people it is about."""

    audience: Audience
    group_id: int | None = None
    people: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Reader:
    """Who reads: a member (`member_id`), whether they facilitate, and the groups they belong to. The channel is a
    reader with no id, no role and no group."""

    member_id: int | None
    facilitates: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)


CHANNEL = Reader(member_id=None)
"""The team's channel: everyone on the team reads it, so it sees community-wide items only."""


def shared_with(meeting: Meeting) -> Reader:
    """Everyone a meeting's papers (agenda, minutes) go to: the community, or its working group's members."""
    return Reader(member_id=None, group_ids=frozenset({meeting.group_id} if meeting.group_id is not None else ()))


def may_see(reader: Reader, scope: Scope) -> bool:
    """The rule: facilitators see all; the people an item is about see it; a group's items are for its members;
    confidential items for facilitators; everything else for the whole community."""
    if reader.facilitates or (reader.member_id is not None and reader.member_id in scope.people):
        return True
    if scope.audience is Audience.FACILITATORS:
        return False
    if scope.audience is Audience.GROUP:
        return scope.group_id in reader.group_ids
    return True


def scope(*, group_id: int | None, confidential: bool = False, people: Iterable[int | None] = ()) -> Scope:
    """The audience of an item that belongs to `group_id` (or to no group) and may be confidential."""
    about = frozenset(person for person in people if person is not None)
    if confidential:
        return Scope(Audience.FACILITATORS, group_id, about)
    if group_id is not None:
        return Scope(Audience.GROUP, group_id, about)
    return Scope(Audience.COMMUNITY, None, about)


def of_meeting(meeting: Meeting) -> Scope:
    """A meeting is its group's (a working group's meeting) or the community's."""
    return scope(group_id=meeting.group_id)


def of_agenda_item(item: AgendaItem, *, meeting: Meeting) -> Scope:
    """An agenda item is its group's, else its meeting's group's; confidential ones are the facilitators'; its
    author and presenter see it."""
    return scope(
        group_id=item.group_id if item.group_id is not None else meeting.group_id,
        confidential=item.confidential,
        people=(item.submitted_by_id, item.presenter_id),
    )


def of_decision(decision: Decision, *, meeting: Meeting | None, item: AgendaItem | None = None) -> Scope:
    """A decision is confidential when it or its agenda item is; otherwise its meeting's group's or everyone's."""
    return scope(
        group_id=meeting.group_id if meeting is not None else None,
        confidential=decision.confidential or bool(item is not None and item.confidential),
    )


def of_action(action: Action) -> Scope:
    """An action point is its group's (or everyone's); its owners always see it."""
    return scope(group_id=action.group_id, people=(owner.member_id for owner in action.owners))


def of_faq(entry: FaqEntry) -> Scope:
    """A FAQ entry is its group's (or everyone's)."""
    return scope(group_id=entry.group_id)


def listable(
    reader: Reader, *, group: InstrumentedAttribute[int | None], about: ColumnElement[bool] | None = None
) -> ColumnElement[bool]:
    """`may_see` as a SQL condition on a table with a `group` column (lists that page in the database: actions,
    FAQ entries); `about` is true for rows the reader is one of the people of (an action's owners)."""
    if reader.facilitates:
        return true()
    member_of = group.in_(reader.group_ids) if reader.group_ids else false()
    allowed: ColumnElement[bool] = or_(group.is_(None), member_of)
    if about is not None and reader.member_id is not None:
        allowed = or_(allowed, about)
    return allowed


def action_listable(reader: Reader) -> ColumnElement[bool]:
    """The actions `reader` may see, as a SQL condition (their own, their groups', everyone's)."""
    owned = Action.id.in_(select(ActionOwner.action_id).where(ActionOwner.member_id == reader.member_id))
    return listable(reader, group=Action.group_id, about=owned)


async def reader_of(session: AsyncSession, member: Member) -> Reader:
    """`member` as a reader: their role and every group they belong to (a closed group's past items included)."""
    groups = await session.scalars(select(WorkingGroupMember.group_id).where(WorkingGroupMember.member_id == member.id))
    return Reader(member_id=member.id, facilitates=member.role.facilitates, group_ids=frozenset(groups))


async def reader_for(turn: Turn) -> Reader:
    """Who reads this turn's answer: the speaker, in their 1:1 chat; where others read it too (the team's
    channel, a group chat), only what everyone there may see."""
    return CHANNEL if turn.shared else await reader_of(turn.session, turn.member)


async def require_visible(turn: Turn, seen: Scope, *, unknown: UserError) -> None:
    """Refuse to show an item the speaker may not see (`unknown`: the answer for a number that does not exist), or
    one they may see but not where others read (they are asked to ask in their 1:1 chat)."""
    if not may_see(await reader_of(turn.session, turn.member), seen):
        raise unknown
    if turn.shared and not may_see(CHANNEL, seen):
        raise UserError("visible-in-private-chat")


async def require_in_group(turn: Turn, group: WorkingGroup) -> None:
    """Only a working group's members (and the facilitators) act in it: propose its items, record its actions."""
    reader = await reader_of(turn.session, turn.member)
    if not reader.facilitates and group.id not in reader.group_ids:
        raise UserError("group-members-only", group=group.name)
