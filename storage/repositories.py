"""Queries the dialogs use. Keyword-only arguments; no commits here (the caller owns the transaction)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, contains_eager

from storage.models import AuditLog, Community, Member, Role, WorkingGroup, WorkingGroupMember
from storage.models.base import utcnow


async def community_by_team(session: AsyncSession, *, tenant_id: str, team_id: str) -> Community | None:
    """The community installed in this tenant's team."""
    return await session.scalar(select(Community).where(Community.tenant_id == tenant_id, Community.team_id == team_id))


async def member_in(session: AsyncSession, *, community_id: int, teams_user_id: str) -> Member | None:
    """A roster entry (active or not) by Teams user id."""
    return await session.scalar(
        select(Member).where(Member.community_id == community_id, Member.teams_user_id == teams_user_id)
    )


async def memberships_in_tenant(
    session: AsyncSession,
    *,
    tenant_id: str,
    teams_user_id: str,
    aad_object_id: str | None,
    teams: Collection[str] = (),
) -> list[Member]:
    """Active roster entries of one person across this tenant's communities (only those of `teams`, when given): the
    one they last chose first (`community` in the 1:1 chat), then the oldest community first."""
    who = Member.teams_user_id == teams_user_id
    if aad_object_id:
        who = who | (Member.aad_object_id == aad_object_id)
    query = (
        select(Member)
        .join(Community)
        .options(contains_eager(Member.community))  # the gate reads the community next: no second query
        .where(Community.tenant_id == tenant_id, Member.active.is_(True), who)
    )
    if teams:
        query = query.where(Community.team_id.in_(teams))
    rows = await session.scalars(query.order_by(Member.chosen_at.desc().nulls_last(), Community.id))
    return list(rows)


async def active_members(session: AsyncSession, *, community_id: int) -> list[Member]:
    """The active roster: admins, then facilitators, then members, each by name."""
    rows = await session.scalars(select(Member).where(Member.community_id == community_id, Member.active.is_(True)))
    return sorted(rows, key=_by_rank_and_name)


async def active_facilitators(session: AsyncSession, *, community_id: int) -> list[Member]:
    """The active admins and facilitators, by name (read alone: a roster may be thousands long)."""
    rows = await session.scalars(select(Member).where(*_active_facilitators(community_id)))
    return sorted(rows, key=_by_rank_and_name)


async def active_facilitator_ids(session: AsyncSession, *, community_id: int) -> list[str]:
    """The Teams ids of `active_facilitators`, in the same order (three columns read, not whole members); read once
    per community in a session under `rosters_unchanged`."""
    memo: dict[int, list[str]] | None = session.info.get(_ROSTERS)
    if memo is not None and community_id in memo:
        return memo[community_id]
    rows = await session.execute(
        select(Member.teams_user_id, Member.role, Member.name).where(*_active_facilitators(community_id))
    )
    ids = [user for user, _, _ in sorted(rows, key=lambda row: (_RANK[row[1]], row[2].casefold()))]
    if memo is not None:
        memo[community_id] = ids
    return ids


@contextmanager
def rosters_unchanged(session: AsyncSession) -> Iterator[None]:
    """Within the block, `session` reads each community's facilitators once: for a session that composes many
    messages and changes no one's role."""
    session.info[_ROSTERS] = {}
    try:
        yield
    finally:
        del session.info[_ROSTERS]


_ROSTERS = "rosters-unchanged"


def _active_facilitators(community_id: int) -> tuple[ColumnElement[bool], ...]:
    return (
        Member.community_id == community_id,
        Member.active.is_(True),
        Member.role.in_([Role.ADMIN, Role.FACILITATOR]),
    )


def _by_rank_and_name(member: Member) -> tuple[int, str]:
    return _RANK[member.role], member.name.casefold()


_RANK = {Role.ADMIN: 0, Role.FACILITATOR: 1, Role.MEMBER: 2}


async def open_groups(session: AsyncSession, *, community_id: int) -> list[WorkingGroup]:
    """The community's working groups that are not closed, by name."""
    rows = await session.scalars(
        select(WorkingGroup)
        .where(WorkingGroup.community_id == community_id, WorkingGroup.closed_at.is_(None))
        .order_by(WorkingGroup.name)
    )
    return list(rows)


async def group_names_of(session: AsyncSession, *, member_id: int) -> list[str]:
    """Names of the open working groups a member belongs to."""
    rows = await session.scalars(
        select(WorkingGroup.name)
        .join(WorkingGroupMember)
        .where(WorkingGroupMember.member_id == member_id, WorkingGroup.closed_at.is_(None))
        .order_by(WorkingGroup.name)
    )
    return list(rows)


async def claim_welcome(session: AsyncSession, row: Community | Member, *, now: datetime) -> bool:
    """True for exactly one caller per row, however many install events race: they welcome, nobody else."""
    table = type(row)
    result = await session.execute(
        update(table).where(table.id == row.id, table.welcomed_at.is_(None)).values(welcomed_at=now)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]  # an UPDATE's CursorResult has rowcount


def audit(
    session: AsyncSession,
    *,
    community_id: int | None,
    actor: Member | None,
    action: str,
    object_type: str,
    object_id: str | int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLog:
    """Add an audit entry to the current transaction, at the turn's time (`session.info["now"]`, set by whoever
    runs the turn; else the clock's)."""
    entry = AuditLog(
        at=session.info.get("now") or utcnow(),
        community_id=community_id,
        actor_member_id=actor.id if actor else None,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


def audit_row(
    session: AsyncSession,
    *,
    actor: Member | None,
    row: Any,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLog:
    """Audit a change of a community's row (a meeting, an agenda item …): its table names the object type."""
    return audit(
        session,
        community_id=row.community_id,
        actor=actor,
        action=action,
        object_type=row.__tablename__,
        object_id=row.id,
        before=before,
        after=after,
    )


def audit_member_change(
    session: AsyncSession, *, actor: Member | None, target: Member, field: str, before: Any, after: Any
) -> AuditLog:
    """Audit one changed field of a member (`member.<field>`, with the values before and after)."""
    return audit(
        session,
        community_id=target.community_id,
        actor=actor,
        action=f"member.{field}",
        object_type="member",
        object_id=target.id,
        before={field: before},
        after={field: after},
    )


async def next_number(session: AsyncSession, *, community_id: int, column: InstrumentedAttribute[int]) -> int:
    """The next per-community number for `column` (e.g. `Action.number`), with the community row locked so two
    writers wait for each other on PostgreSQL (SQLite's `BEGIN IMMEDIATE` already serialises them)."""
    await session.execute(select(Community.id).where(Community.id == community_id).with_for_update())
    table = column.class_
    highest = await session.scalar(select(func.max(column)).where(table.community_id == community_id))
    return (highest or 0) + 1


async def member_names(session: AsyncSession, *, community_id: int) -> dict[int, str]:
    """Every roster entry's name by id (people who left keep their name in histories and minutes)."""
    rows = await session.execute(select(Member.id, Member.name).where(Member.community_id == community_id))
    return {member_id: name for member_id, name in rows}
