"""Reading the team roster from Teams (paged members, with fallbacks) into the community."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from microsoft_agents.activity import ChannelAccount
from microsoft_agents.hosting.core import TurnContext
from microsoft_teams.api import ApiClient
from microsoft_teams.api.models import TeamsChannelAccount
from sqlalchemy.ext.asyncio import AsyncSession

from bot.settings import Settings
from dialogs.common.people import Person
from dialogs.community.roster import upsert_member
from storage import repositories as repo
from storage.models import Member

logger = logging.getLogger(__name__)

PAGE_SIZE = 500
MAX_PAGES = 200
FEW_PEOPLE = 10  # more newcomers than this at once: read the paged roster instead of one GET each


def _person(account: TeamsChannelAccount) -> Person:
    """A roster entry as the Teams API returns it (guests have userRole "guest")."""
    return Person(
        teams_user_id=account.id,
        aad_object_id=account.aad_object_id,
        name=account.name or "",
        email=account.email or account.user_principal_name,
        is_guest=(account.user_role or "").casefold() == "guest",
    )


def _client(context: TurnContext) -> ApiClient | None:
    client = context.services.get(ApiClient)
    return client if isinstance(client, ApiClient) else None


async def fetch_team_roster(context: TurnContext, team: str) -> tuple[list[Person], bool]:
    """Everyone in the team, and whether the list is known to be complete.

    Pages through `pagedMembers`; where that is refused (the Agents Playground answers 403) it falls
    back to the conversation's member list, and logs why.
    """
    client = _client(context)
    if client is None:
        logger.warning("no Teams API client on this turn; roster not read")
        return [], False
    people: list[Person] = []
    token: str | None = None
    try:
        for _ in range(MAX_PAGES):
            page = await client.conversations.get_paged_members(team, PAGE_SIZE, token)
            people += [_person(account) for account in page.members]
            token = page.continuation_token
            if not token:
                return people, True
        logger.warning("roster of team=%s has more than %s pages; stopped", team, MAX_PAGES)
        return people, False
    except Exception as exc:
        logger.warning(
            "paged members of team=%s failed (%s: %s); falling back to the member list", team, type(exc).__name__, exc
        )
    conversation = context.activity.conversation.id if context.activity.conversation else team
    for conversation_id in dict.fromkeys((team, conversation)):
        try:
            accounts = await client.conversations.get_members(conversation_id)
            return [_person(account) for account in accounts], True
        except Exception as exc:
            logger.warning("member list of %s failed (%s: %s)", conversation_id, type(exc).__name__, exc)
    return [], False


async def fetch_people(context: TurnContext, team: str, user_ids: Sequence[str]) -> list[Person]:
    """Details of particular team members (name, e-mail), as far as Teams gives them."""
    client = _client(context)
    found = []
    for user_id in user_ids:
        try:
            if client is None:
                raise LookupError("no Teams API client")
            found.append(_person(await client.conversations.get_member_by_id(team, user_id)))
        except Exception as exc:
            logger.warning(
                "member %s of team %s not readable (%s); using the activity's data", user_id, team, type(exc).__name__
            )
    return found


async def fetch_added(context: TurnContext, team: str, accounts: Sequence[ChannelAccount]) -> list[Person]:
    """The people of a membersAdded event with the details Teams has on them (name, e-mail, guest)."""
    ids = [account.id for account in accounts]
    if len(ids) > FEW_PEOPLE:
        roster, _complete = await fetch_team_roster(context, team)
        found = {person.teams_user_id: person for person in roster if person.teams_user_id in set(ids)}
    else:
        found = {person.teams_user_id: person for person in await fetch_people(context, team, ids)}
    return [found.get(a.id) or Person(a.id, a.aad_object_id, a.name or "") for a in accounts]


async def confirm_newcomer(context: TurnContext, *, team: str, person: Person) -> Person | None:
    """A team member the roster missed (e.g. a lost membersAdded event), as Teams confirms them; None when it
    does not (call with no transaction open: this asks Teams)."""
    confirmed = await fetch_people(context, team, [person.teams_user_id])
    return confirmed[0] if confirmed else None


async def add_newcomer(
    session: AsyncSession, *, tenant: str, team: str, person: Person, settings: Settings, now: datetime
) -> Member | None:
    """Add a confirmed newcomer to their team's community (None when the team has none)."""
    community = await repo.community_by_team(session, tenant_id=tenant, team_id=team)
    if community is None:
        return None
    logger.info("added newcomer user=%s to community=%s", person.teams_user_id, community.id)
    return await upsert_member(session, community=community, person=person, admin_ids=settings.admin_ids, now=now)


async def chat_participants(context: TurnContext) -> list[str] | None:
    """The Teams ids of the people in this group chat; None when Teams does not say (call with no transaction
    open: this asks Teams)."""
    client = _client(context)
    conversation = context.activity.conversation.id if context.activity.conversation else ""
    try:
        if client is None:
            raise LookupError("no Teams API client")
        accounts = await client.conversations.get_members(conversation)
    except Exception as exc:
        logger.warning("members of chat %s not readable (%s); treating it as open", conversation, type(exc).__name__)
        return None
    bot_id = context.activity.recipient.id if context.activity.recipient else None
    return [account.id for account in accounts if account.id != bot_id]


async def outsiders_among(session: AsyncSession, participants: Sequence[str] | None, *, community_id: int) -> int:
    """How many of a group chat's participants are not active members. A chat whose member list could not be read
    (None) counts as having outsiders: the community stays closed."""
    if participants is None:
        return 1
    outsiders = 0
    for user_id in participants:
        member = await repo.member_in(session, community_id=community_id, teams_user_id=user_id)
        outsiders += member is None or not member.active
    return outsiders
