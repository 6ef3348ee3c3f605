"""The closed community gate: runs before every turn, refuses strangers, remembers who is speaking."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from microsoft_agents.activity import ActivityTypes
from microsoft_agents.hosting.core import TurnContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import logs
from bot.cards.render import Renderer, invoke_message, search_response
from bot.settings import Settings
from bot.teams import card_community, roster_sync
from bot.teams import data as teams_data
from dialogs.common.clock import Clock
from dialogs.community.roster import find_member, memberships
from storage import repositories as repo
from storage.db import read_only
from storage.models import Community, Member

logger = logging.getLogger(__name__)

SPEAKER = "tansiq.speaker"
MEMBERSHIP_EVENTS = (ActivityTypes.conversation_update, ActivityTypes.installation_update)
LAST_SEEN_STEP = timedelta(minutes=10)
"""A member's `last_seen_at` is kept to within this much: a turn that changes nothing else writes nothing."""


@dataclass(frozen=True)
class Speaker:
    """The member behind the current turn (`chat`: in a 1:1 or group chat, where the community is not the team's)."""

    member_id: int
    community_id: int
    chat: bool = False


@dataclass(frozen=True)
class Seen:
    """What Teams told of the speaker on this turn that the database does not hold yet."""

    member: dict[str, Any] = field(default_factory=dict)
    channel_reference: dict[str, Any] | None = None

    def __bool__(self) -> bool:
        return bool(self.member) or self.channel_reference is not None

    def apply(self, member: Member, community: Community | None) -> None:
        """Write it onto the member (and the community's channel reference, if it has none yet)."""
        for name, value in self.member.items():
            setattr(member, name, value)
        if self.channel_reference is not None and community is not None and community.conversation_reference is None:
            community.conversation_reference = self.channel_reference


class Gate:
    """`before_turn` hook: tenant and team allow-list, roster membership, per-member Teams facts."""

    def __init__(
        self, *, sessions: async_sessionmaker[AsyncSession], settings: Settings, renderer: Renderer, clock: Clock
    ) -> None:
        self.sessions = sessions
        self.reading = read_only(sessions)
        self.settings = settings
        self.renderer = renderer
        self.clock = clock

    async def before_turn(self, context: TurnContext, _state: object) -> bool:
        """True lets the turn go on to the routes; False ends it (after a refusal where one is due). The turn's log
        line learns who spoke, what became of the turn, and how many replies it sent."""
        context.on_send_activities(logs.count_replies)
        admitted = await self._let_in(context)
        if admitted:
            logs.current_turn().outcome = "answered"
        return admitted

    async def _let_in(self, context: TurnContext) -> bool:
        activity = context.activity
        tenant = teams_data.tenant_id(activity)
        if not self.tenant_allowed(tenant):
            logger.warning("refused foreign tenant=%s type=%s", tenant, activity.type)
            await self._refuse(context, "foreign-tenant")
            return False
        team = teams_data.team_id(activity)
        served = self.settings.allowed_team_ids
        if team and served and team not in served:
            logger.warning("refused team=%s (not in ALLOWED_TEAM_IDS)", team)
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
        return teams_data.is_targeted(activity) or teams_data.mentions_bot(activity)

    async def _identify(self, context: TurnContext, *, tenant: str, team: str | None) -> bool:
        """Find the member speaking and remember what Teams says of them. Teams is asked (a newcomer the roster
        missed, a group chat's participants) with no transaction open: on SQLite every transaction holds the write
        lock, and every other member's turn would wait for Teams.

        A 1:1 or group chat carries no team: it speaks to the community of the card pressed, else the one the person
        chose (`community`), else their oldest; a group chat to the first of those that every participant is in."""
        activity = context.activity
        person = teams_data.sender(activity)
        in_group_chat = teams_data.conversation_type(activity) == "groupChat"
        pressed = card_community.taken_from(activity)
        served = self.settings.allowed_team_ids
        seen = Seen()
        async with self.reading.begin() as session:  # most turns only read here (no write lock on SQLite)
            if team:
                member = await find_member(session, tenant_id=tenant, team_id=team, person=person)
                candidates = [member.id] if member is not None else []
            else:
                found = await memberships(session, tenant_id=tenant, person=person, teams=served, prefer=pressed)
                member, candidates = (found[0] if found else None), [each.id for each in found]
            if member is not None and not in_group_chat:
                seen = self._seen(member, await session.get(Community, member.community_id), context)
                self._speaking(context, member, chat=not team)
            installed = not team or await repo.community_by_team(session, tenant_id=tenant, team_id=team) is not None
        if member is not None and not in_group_chat:
            if seen:
                async with self.sessions.begin() as session:
                    if (speaking := await session.get(Member, member.id)) is not None:
                        seen.apply(speaking, await session.get(Community, speaking.community_id))
            return True
        newcomer = None
        if not candidates and team and installed:
            newcomer = await roster_sync.confirm_newcomer(context, team=team, person=person)
        participants = None
        if in_group_chat and (candidates or newcomer is not None):
            participants = await roster_sync.chat_participants(context)
        refusal: str | None = None
        async with self.sessions.begin() as session:
            member = None
            for candidate in candidates:
                member = await session.get(Member, candidate)
                if member is None or not in_group_chat:
                    break
                if not await roster_sync.outsiders_among(session, participants, community_id=member.community_id):
                    break
                logger.warning(
                    "group chat=%s has participants outside community=%s", activity.conversation.id, member.community_id
                )
                member, refusal = None, "group-chat-outsiders"
            if member is None and newcomer is not None and team:
                member = await roster_sync.add_newcomer(
                    session, tenant=tenant, team=team, person=newcomer, settings=self.settings, now=self.clock()
                )
            if member is None and refusal is None:
                refusal = "stranger" if installed else "not-installed"
                logger.warning("refused %s user=%s tenant=%s team=%s", refusal, person.teams_user_id, tenant, team)
            elif member is not None:
                refusal = None
                self._admit(member, await session.get(Community, member.community_id), context, chat=not team)
        if refusal:
            await self._refuse(context, refusal)
            return False
        return True

    def _admit(self, member: Member, community: Community | None, context: TurnContext, *, chat: bool) -> None:
        """The turn is this member's: remember what Teams tells of them, and who is speaking."""
        self._seen(member, community, context).apply(member, community)
        self._speaking(context, member, chat=chat)

    @staticmethod
    def _speaking(context: TurnContext, member: Member, *, chat: bool) -> None:
        """Remember who is speaking, for the routes and the turn's log line."""
        context.turn_state[SPEAKER] = Speaker(member.id, member.community_id, chat=chat)
        turn = logs.current_turn()
        turn.member_id, turn.community_id = member.id, member.community_id

    def _seen(self, member: Member, community: Community | None, context: TurnContext) -> Seen:
        """What Teams tells about the member that is new: last seen, locale, time zone, name, 1:1 reference,
        channel reference."""
        activity = context.activity
        now = self.clock()
        new: dict[str, Any] = {}
        if member.last_seen_at is None or now - member.last_seen_at >= LAST_SEEN_STEP:
            new["last_seen_at"] = now
        if activity.locale and member.teams_locale != activity.locale[:35]:
            new["teams_locale"] = activity.locale[:35]
        zone = activity.local_timezone
        if zone and not member.timezone_chosen and member.timezone != zone and _is_zone(zone):
            new["timezone"] = zone
        if activity.from_property.name and activity.from_property.name != member.name:
            new["name"] = activity.from_property.name
        kind = teams_data.conversation_type(activity)
        if kind == "personal" and member.conversation_reference != (personal := teams_data.reference(activity)):
            new["conversation_reference"] = personal
        channel = None
        if kind == "channel" and community is not None and community.conversation_reference is None:
            channel = teams_data.reference(activity, thread_root=True)
        return Seen(new, channel)

    async def _refuse(self, context: TurnContext, key: str) -> None:
        logs.current_turn().outcome = "refused"
        if context.activity.type == ActivityTypes.message:
            refusal = self.renderer.bilingual(key)
            await context.send_activity(teams_data.privately_if_targeted(refusal, to=context.activity))
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
