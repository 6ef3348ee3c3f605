"""The closed community gate: runs before every turn, refuses strangers, remembers who is speaking."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from microsoft_agents.activity import ActivityTypes
from microsoft_agents.hosting.core import TurnContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cards.render import Renderer, invoke_message, search_response
from bot.settings import Settings
from bot.teams import data as teams_data
from bot.teams import roster_sync
from dialogs.common.clock import Clock
from dialogs.community.roster import find_member
from storage import repositories as repo
from storage.models import Community, Member

logger = logging.getLogger(__name__)

SPEAKER = "tansiq.speaker"
MEMBERSHIP_EVENTS = (ActivityTypes.conversation_update, ActivityTypes.installation_update)


@dataclass(frozen=True)
class Speaker:
    """The member behind the current turn."""

    member_id: int
    community_id: int


class Gate:
    """`before_turn` hook: tenant and team allow-list, roster membership, per-member Teams facts."""

    def __init__(
        self, *, sessions: async_sessionmaker[AsyncSession], settings: Settings, renderer: Renderer, clock: Clock
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.renderer = renderer
        self.clock = clock

    async def before_turn(self, context: TurnContext, _state: object) -> bool:
        """True lets the turn go on to the routes; False ends it (after a refusal where one is due)."""
        activity = context.activity
        tenant = teams_data.tenant_id(activity)
        if not self.tenant_allowed(tenant):
            logger.warning("refused foreign tenant=%s type=%s", tenant, activity.type)
            await self._refuse(context, "foreign-tenant")
            return False
        team = teams_data.team_id(activity)
        if team and self.settings.allowed_team_id and team != self.settings.allowed_team_id:
            logger.warning("refused team=%s (allowed %s)", team, self.settings.allowed_team_id)
            await self._refuse(context, "foreign-tenant")
            return False
        if activity.type in MEMBERSHIP_EVENTS:
            return True
        if activity.type not in (ActivityTypes.message, ActivityTypes.invoke):
            return False
        if activity.type == ActivityTypes.message and not self._addressed_to_bot(context):
            return False
        return await self._identify(context, tenant=tenant or "", team=team)

    def tenant_allowed(self, tenant: str | None) -> bool:
        """A tenant is served when it is given and (if a list is set) on the allow-list."""
        if not tenant:
            return False
        allowed = self.settings.allowed_tenant_ids
        return not allowed or tenant in allowed

    @staticmethod
    def _addressed_to_bot(context: TurnContext) -> bool:
        activity = context.activity
        if teams_data.conversation_type(activity) == "personal" or activity.value is not None:
            return True
        return teams_data.mentions_bot(activity)

    async def _identify(self, context: TurnContext, *, tenant: str, team: str | None) -> bool:
        """Find the member speaking and remember what Teams says of them. Teams is asked (a newcomer the roster
        missed, a group chat's participants) with no transaction open: on SQLite every transaction holds the write
        lock, and every other member's turn would wait for Teams."""
        activity = context.activity
        person = teams_data.sender(activity)
        in_group_chat = teams_data.conversation_type(activity) == "groupChat"
        # 1:1 and group chats carry no team: with ALLOWED_TEAM_ID they belong to that team's community
        home_team = team or self.settings.allowed_team_id
        async with self.sessions.begin() as session:
            member = await find_member(session, tenant_id=tenant, team_id=home_team, person=person)
            if member is not None and not in_group_chat:
                self._admit(member, await session.get(Community, member.community_id), context)
                return True
            known = member.id if member is not None else None
            installed = not team or await repo.community_by_team(session, tenant_id=tenant, team_id=team) is not None
        newcomer = None
        if known is None and team and installed:
            newcomer = await roster_sync.confirm_newcomer(context, team=team, person=person)
        participants = None
        if in_group_chat and (known is not None or newcomer is not None):
            participants = await roster_sync.chat_participants(context)
        refusal: str | None = None
        async with self.sessions.begin() as session:
            member = await session.get(Member, known) if known is not None else None
            if member is None and newcomer is not None and team:
                member = await roster_sync.add_newcomer(
                    session, tenant=tenant, team=team, person=newcomer, settings=self.settings, now=self.clock()
                )
            if member is not None and in_group_chat:
                outsiders = await roster_sync.outsiders_among(session, participants, community_id=member.community_id)
                if outsiders:
                    logger.warning(
                        "refused group chat=%s: %s participant(s) outside the community",
                        activity.conversation.id,
                        outsiders,
                    )
                    member, refusal = None, "group-chat-outsiders"
            if member is None and refusal is None:
                refusal = "stranger" if installed else "not-installed"
                logger.warning("refused %s user=%s tenant=%s team=%s", refusal, person.teams_user_id, tenant, team)
            elif member is not None:
                self._admit(member, await session.get(Community, member.community_id), context)
        if refusal:
            await self._refuse(context, refusal)
            return False
        return True

    def _admit(self, member: Member, community: Community | None, context: TurnContext) -> None:
        """The turn is this member's: remember what Teams tells of them, and who is speaking."""
        self._remember(member, community, context)
        context.turn_state[SPEAKER] = Speaker(member.id, member.community_id)

    def _remember(self, member: Member, community: Community | None, context: TurnContext) -> None:
        """Keep what Teams tells about the member: locale, time zone, 1:1 reference, channel reference."""
        activity = context.activity
        member.last_seen_at = self.clock()
        if activity.locale:
            member.teams_locale = activity.locale[:35]
        zone = activity.local_timezone
        if zone and not member.timezone_chosen and _is_zone(zone):
            member.timezone = zone
        if activity.from_property.name and activity.from_property.name != member.name:
            member.name = activity.from_property.name
        kind = teams_data.conversation_type(activity)
        if kind == "personal":
            member.conversation_reference = teams_data.reference(activity)
        elif kind == "channel" and community is not None and community.conversation_reference is None:
            community.conversation_reference = teams_data.reference(activity, thread_root=True)

    async def _refuse(self, context: TurnContext, key: str) -> None:
        if context.activity.type == ActivityTypes.message:
            await context.send_activity(self.renderer.bilingual(key))
        elif context.activity.type == ActivityTypes.invoke and context.activity.name == "adaptiveCard/action":
            await context.send_activity(invoke_message(self.renderer.catalogs.bilingual(key)))
        elif context.activity.type == ActivityTypes.invoke and context.activity.name == "application/search":
            await context.send_activity(search_response([]))  # a typeahead shows no names to a stranger


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
