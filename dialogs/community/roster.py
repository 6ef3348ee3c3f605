"""The closed community's roster: installing into a team, syncing members, finding who is speaking."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.errors import UserError
from dialogs.common.people import Person
from storage import repositories as repo
from storage.models import Community, Member, Role


@dataclass
class RosterChange:
    """What a sync did, for the log and the audit trail."""

    added: list[str] = field(default_factory=list)
    reactivated: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)


def is_admin_by_settings(person: Person, admin_ids: Iterable[str]) -> bool:
    """True when settings name this person (AAD object id or e-mail) an admin."""
    wanted = {value.casefold() for value in admin_ids}
    return bool(wanted) and any(value and value.casefold() in wanted for value in (person.aad_object_id, person.email))


async def install(
    session: AsyncSession,
    *,
    tenant_id: str,
    team_id: str,
    team_name: str,
    channel_id: str | None,
    conversation_reference: dict[str, Any] | None,
    installer: Person | None,
    default_language: str,
    timezone: str,
    admin_ids: Sequence[str],
    now: datetime,
) -> Community:
    """Bind a community to the team the bot was added to (again: keeps the existing one).

    Whoever installs it first becomes its admin; later install events (upgrades, re-adds) change no role.
    """
    community = await repo.community_by_team(session, tenant_id=tenant_id, team_id=team_id)
    created = community is None
    if community is None:
        community = Community(
            name=team_name or team_id,
            tenant_id=tenant_id,
            team_id=team_id,
            default_language=default_language,
            timezone=timezone,
            created_at=now,
        )
        session.add(community)
        await session.flush()
        repo.audit(
            session,
            community_id=community.id,
            actor=None,
            action="community.install",
            object_type="community",
            object_id=community.id,
            after={"tenant_id": tenant_id, "team_id": team_id, "installer": installer and installer.name},
        )
    if channel_id:
        community.channel_id = channel_id
    if conversation_reference:
        community.conversation_reference = conversation_reference
        community.service_url = conversation_reference.get("serviceUrl")
    if installer is not None and created:
        community.installed_by = installer.teams_user_id
        member = await upsert_member(session, community=community, person=installer, admin_ids=admin_ids, now=now)
        if member.role is not Role.ADMIN:
            before = member.role.value
            member.role = Role.ADMIN
            repo.audit_member_change(session, actor=None, target=member, field="role", before=before, after="admin")
    return community


async def upsert_member(
    session: AsyncSession, *, community: Community, person: Person, admin_ids: Sequence[str], now: datetime
) -> Member:
    """Add a person to the roster, or refresh and reactivate their entry."""
    member = await repo.member_in(session, community_id=community.id, teams_user_id=person.teams_user_id)
    if member is None:
        member = Member(
            community_id=community.id,
            teams_user_id=person.teams_user_id,
            joined_at=now,
            role=Role.ADMIN if is_admin_by_settings(person, admin_ids) else Role.MEMBER,
        )
        session.add(member)
    member.aad_object_id = person.aad_object_id or member.aad_object_id
    member.name = person.name or member.name or person.teams_user_id
    member.email = person.email or member.email
    member.is_guest = person.is_guest
    if not member.active:
        member.active = True
        member.left_at = None
    await session.flush()
    return member


async def sync_roster(
    session: AsyncSession,
    *,
    community: Community,
    people: Sequence[Person],
    complete: bool,
    admin_ids: Sequence[str],
    now: datetime,
) -> RosterChange:
    """Make the roster match what Teams listed; with `complete`, deactivate everyone not listed."""
    change = RosterChange()
    existing = {m.teams_user_id: m for m in await repo.active_members(session, community_id=community.id)}
    for person in people:
        known = await repo.member_in(session, community_id=community.id, teams_user_id=person.teams_user_id)
        was_active = known.active if known else None
        await upsert_member(session, community=community, person=person, admin_ids=admin_ids, now=now)
        if known is None:
            change.added.append(person.teams_user_id)
        elif not was_active:
            change.reactivated.append(person.teams_user_id)
    if complete:
        listed = {p.teams_user_id for p in people}
        for user_id, member in existing.items():
            if user_id not in listed:
                deactivate(member, now=now)
                change.deactivated.append(user_id)
    if change.added or change.reactivated or change.deactivated:
        repo.audit(
            session,
            community_id=community.id,
            actor=None,
            action="roster.sync",
            object_type="community",
            object_id=community.id,
            after={"added": change.added, "reactivated": change.reactivated, "deactivated": change.deactivated},
        )
    return change


async def remove_people(
    session: AsyncSession, *, community: Community, teams_user_ids: Sequence[str], now: datetime
) -> list[str]:
    """Deactivate the members who left the team (their history stays)."""
    removed = []
    for user_id in teams_user_ids:
        member = await repo.member_in(session, community_id=community.id, teams_user_id=user_id)
        if member is not None and member.active:
            deactivate(member, now=now)
            removed.append(user_id)
    if removed:
        repo.audit(
            session,
            community_id=community.id,
            actor=None,
            action="roster.remove",
            object_type="community",
            object_id=community.id,
            after={"deactivated": removed},
        )
    return removed


def deactivate(member: Member, *, now: datetime) -> None:
    """Mark a member as gone without deleting them."""
    member.active = False
    member.left_at = now


async def find_member(session: AsyncSession, *, tenant_id: str, team_id: str | None, person: Person) -> Member | None:
    """The active member speaking: in their team's community, or (1:1, group chat) the first of `memberships`."""
    if team_id:
        community = await repo.community_by_team(session, tenant_id=tenant_id, team_id=team_id)
        if community is None:
            return None
        member = await repo.member_in(session, community_id=community.id, teams_user_id=person.teams_user_id)
        return member if member is not None and member.active else None
    found = await memberships(session, tenant_id=tenant_id, person=person)
    return found[0] if found else None


async def memberships(
    session: AsyncSession, *, tenant_id: str, person: Person, teams: Collection[str] = (), prefer: int | None = None
) -> list[Member]:
    """A person's active roster entries in this tenant's communities (of `teams` only, when given), in the order a
    chat with no team picks one: the community `prefer` (where the card they pressed came from), the one they last
    chose (`community`), then the oldest."""
    found = await repo.memberships_in_tenant(
        session,
        tenant_id=tenant_id,
        teams_user_id=person.teams_user_id,
        aad_object_id=person.aad_object_id,
        teams=teams,
    )
    return sorted(found, key=lambda member: member.community_id != prefer)


async def active_member(session: AsyncSession, *, community_id: int, person: Person, past: bool = False) -> Member:
    """The active roster entry of a mentioned person (`past`: or one who left), or a UserError naming them."""
    found = await repo.member_in(session, community_id=community_id, teams_user_id=person.teams_user_id)
    if found is None or not (found.active or past):
        raise UserError("member-not-found", name=person.name or person.teams_user_id)
    return found
