"""Roster sync and time storage, on both databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from dialogs.common.people import Person
from dialogs.community.roster import find_member, install, remove_people, sync_roster
from dialogs.demo import DEMO_PEOPLE, load_demo
from storage.models import Action, AuditLog, Community, Member, Role, WorkingGroup

TENANT, TEAM = "tenant-1", "19:team@thread.tacv2"


async def _community(session, clock, **extra) -> Community:
    return await install(
        session,
        tenant_id=TENANT,
        team_id=TEAM,
        team_name="CoP",
        channel_id=TEAM,
        conversation_reference={"serviceUrl": "https://smba.example/"},
        installer=extra.get("installer"),
        default_language="ar",
        timezone="Asia/Beirut",
        admin_ids=extra.get("admin_ids", ()),
        now=clock(),
    )


async def test_install_makes_the_installer_admin_and_is_idempotent(sessions, clock) -> None:
    installer = Person("29:installer", "aad-1", "Rana")
    async with sessions.begin() as session:
        first = await _community(session, clock, installer=installer)
    async with sessions.begin() as session:
        again = await _community(session, clock, installer=installer)
        assert again.id == first.id
        assert await session.scalar(select(func.count()).select_from(Community)) == 1
        member = await find_member(session, tenant_id=TENANT, team_id=TEAM, person=installer)
        assert member is not None and member.role is Role.ADMIN


async def test_full_sync_deactivates_the_missing_and_reactivates_returners(sessions, clock) -> None:
    a, b = Person("29:a", "aad-a", "A"), Person("29:b", "aad-b", "B", email="b@org.example")
    async with sessions.begin() as session:
        community = await _community(session, clock)
        await sync_roster(session, community=community, people=[a, b], complete=True, admin_ids=(), now=clock())
    clock.advance(days=1)
    async with sessions.begin() as session:
        community = await session.get(Community, community.id)
        change = await sync_roster(session, community=community, people=[a], complete=True, admin_ids=(), now=clock())
        assert change.deactivated == ["29:b"]
    async with sessions() as session:
        gone = await session.scalar(select(Member).where(Member.teams_user_id == "29:b"))
        assert (gone.active, gone.left_at, gone.email) == (False, clock(), "b@org.example")
        assert await find_member(session, tenant_id=TENANT, team_id=None, person=b) is None
    async with sessions.begin() as session:
        community = await session.get(Community, community.id)
        change = await sync_roster(session, community=community, people=[b], complete=False, admin_ids=(), now=clock())
        assert change.reactivated == ["29:b"]
        assert await session.scalar(select(func.count()).select_from(Member)) == 2


async def test_removed_members_are_kept_inactive(sessions, clock) -> None:
    async with sessions.begin() as session:
        community = await _community(session, clock)
        await sync_roster(
            session, community=community, people=[Person("29:x", None, "X")], complete=False, admin_ids=(), now=clock()
        )
        assert await remove_people(session, community=community, teams_user_ids=["29:x", "29:never"], now=clock()) == [
            "29:x"
        ]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Member).where(Member.active.is_(False))) == 1
        assert (
            await session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "roster.remove"))
            == 1
        )


async def test_admins_named_in_settings_by_email_or_aad_id(sessions, clock) -> None:
    people = [Person("29:e", None, "E", email="Chief@Org.example"), Person("29:f", "AAD-F", "F")]
    async with sessions.begin() as session:
        community = await _community(session, clock, admin_ids=("chief@org.example", "aad-f"))
        await sync_roster(
            session,
            community=community,
            people=people,
            complete=False,
            admin_ids=("chief@org.example", "aad-f"),
            now=clock(),
        )
    async with sessions() as session:
        roles = set(await session.scalars(select(Member.role)))
    assert roles == {Role.ADMIN}


async def test_times_are_stored_in_utc_and_naive_times_refused(sessions, clock) -> None:
    async with sessions.begin() as session:
        community = await _community(session, clock)
        created = community.id
    async with sessions() as session:
        stored = await session.get(Community, created)
        assert stored.created_at == clock() and stored.created_at.utcoffset().total_seconds() == 0
    with pytest.raises(StatementError, match="naive datetime"):
        async with sessions.begin() as session:
            session.add(Community(name="x", tenant_id="t", team_id="naive", created_at=datetime(2026, 1, 1)))


async def test_demo_loads_twice_without_duplicates(sessions) -> None:
    for _ in range(2):
        async with sessions.begin() as session:
            summary = await load_demo(session, settings_admins=())
    assert "6 members" in summary
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Member)) == len(DEMO_PEOPLE)
        assert await session.scalar(select(func.count()).select_from(WorkingGroup)) == 2
        roles = {m.name: m.role for m in await session.scalars(select(Member))}
    assert sum(role is Role.FACILITATOR for role in roles.values()) == 2
    async with sessions() as session:
        statuses = sorted(a.status.value for a in await session.scalars(select(Action)))
        overdue = [a for a in await session.scalars(select(Action)) if a.due_on and a.due_on < date.today()]
    assert statuses == ["done", "in_progress", "open", "open", "open"]
    assert len([a for a in overdue if not a.status.closed]) == 2
