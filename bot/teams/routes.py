"""Thin handlers: activity -> dialogs -> rendered replies."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, DeliveryModes
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState
from microsoft_agents.hosting.core.app.typing_indicator import TypingIndicator, TypingOptions
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import logs, metrics
from bot.cards.actions import MEMBERS_DATASET
from bot.cards.render import Renderer, invoke_card, invoke_message, search_response
from bot.files import uploads as file_uploads
from bot.i18n import plain
from bot.settings import Settings
from bot.teams import card_community, roster_sync
from bot.teams import data as teams_data
from bot.teams.gate import SPEAKER, Speaker
from dialogs.common.clock import Clock
from dialogs.common.errors import Busy
from dialogs.common.language import member_language, member_timezone, pick_language
from dialogs.common.people import Person
from dialogs.common.replies import Reply
from dialogs.community import members
from dialogs.community.roster import install, memberships, remove_people, sync_roster
from dialogs.router import Router, TurnResult
from storage import repositories as repo
from storage.db import write_attempts
from storage.models import Community, Member

logger = logging.getLogger(__name__)


def reader(member: Member, community: Community, activity: Activity) -> tuple[str, str]:
    """The language and the time zone a member reads this turn's answers in."""
    lang = member_language(member, community, teams_locale=activity.locale, text=activity.text)
    return lang, member_timezone(member, community)


@dataclass
class Routes:
    """The bot's handlers, bound to its storage, settings and renderer."""

    sessions: async_sessionmaker[AsyncSession]
    router: Router
    settings: Settings
    renderer: Renderer
    clock: Clock
    after_turn: Callable[[], None] = lambda: None  # a turn planned a message (due now, or sooner): wake the sender

    def register(self, app: AgentApplication[TurnState]) -> None:
        """Attach every handler to the application."""
        app.activity(ActivityTypes.message)(self.on_message)
        app.invoke("adaptiveCard/action")(self.on_card_action)
        app.invoke("application/search")(self.on_search)
        app.installation_update()(self.on_installation_update)
        app.conversation_update("membersAdded")(self.on_members_added)
        app.conversation_update("membersRemoved")(self.on_members_removed)
        app.error(self.on_error)

    async def on_message(self, context: TurnContext, _state: TurnState) -> None:
        """A member's message or card submit. A targeted message (a command from Teams' `/` menu) is answered
        privately, as Teams expects: only the member who sent it sees the answers."""
        speaker: Speaker = context.turn_state[SPEAKER]  # type: ignore[assignment]  # the gate put a Speaker there
        activity = context.activity
        async with self._typing(context):
            result = await self._answer(activity, member_id=speaker.member_id)
        metrics.questions(result.replies)
        lang, zone = result.language, result.zone
        in_channel = teams_data.conversation_type(activity) == "channel"
        for reply in result.replies:
            if in_channel and reply.to_channel:
                # its card is posted to the channel by the outbox: not twice here, a line naming it instead
                reply = Reply(reply.key, reply.args)
            answer = self.renderer.activity(reply, lang=lang, zone=zone)
            if speaker.chat:
                card_community.stamp(answer, speaker.community_id)
            await context.send_activity(teams_data.privately_if_targeted(answer, to=activity))
        if result.planned:
            self.after_turn()

    def _typing(self, context: TurnContext) -> AbstractAsyncContextManager[object]:
        """'Typing…' for the member while a turn takes longer than `typing_after_ms`, in a 1:1 or group chat, until
        the first answer goes. Not when the answers travel back in the HTTP response (nothing can be shown before
        them), nor in a channel (typing there is for everyone to see), nor for a private (targeted) question."""
        activity = context.activity
        if (
            activity.delivery_mode == DeliveryModes.expect_replies
            or teams_data.conversation_type(activity) == "channel"
            or teams_data.is_targeted(activity)
        ):
            return nullcontext()
        return TypingIndicator(context, typing_options=TypingOptions(initial_delay_ms=self.settings.typing_after_ms))

    async def _answer(self, activity: Activity, *, member_id: int) -> TurnResult:
        """A facilitator's FAQ file is imported; any other file is read for its text; then a card submit, or text."""
        upload = file_uploads.upload_in(activity)
        text = (activity.text or "").strip()
        now, locale, key = self.clock(), activity.locale, teams_data.activity_key(activity)
        shared = teams_data.read_by_others(activity)
        if upload is not None and await file_uploads.importable(self.sessions, member_id=member_id, upload=upload):
            return await file_uploads.receive(
                self.router, member_id=member_id, upload=upload, now=now, locale=locale, activity_key=key
            )
        if upload is not None and not text and activity.value is None:
            return await file_uploads.not_understood(
                self.router, member_id=member_id, upload=upload, now=now, locale=locale
            )
        if activity.value is not None and not text:
            return await self.router.card(
                member_id=member_id, data=activity.value, now=now, locale=locale, activity_key=key, shared=shared
            )
        return await self.router.text(
            member_id=member_id,
            text=activity.text,
            mentions=teams_data.mentioned_people(activity),
            now=now,
            locale=locale,
            activity_key=key,
            shared=shared,
        )

    async def on_card_action(self, context: TurnContext, _state: TurnState) -> None:
        """A card button (`Action.Execute`): answered with the card to show in its place, or a short message."""
        speaker: Speaker = context.turn_state[SPEAKER]  # type: ignore[assignment]  # the gate put a Speaker there
        value: dict[str, Any] = context.activity.value if isinstance(context.activity.value, dict) else {}
        action: dict[str, Any] = value["action"] if isinstance(value.get("action"), dict) else {}
        verb = action.get("verb")
        result = await self.router.press(
            member_id=speaker.member_id,
            verb=verb if isinstance(verb, str) else "",
            data=action.get("data"),
            now=self.clock(),
            locale=context.activity.locale,
            activity_key=teams_data.activity_key(context.activity),
            # a card's automatic refresh is shown to the one viewer who asked for it; a press updates it for everyone
            shared=teams_data.conversation_type(context.activity) != "personal" and value.get("trigger") != "automatic",
        )
        lang, zone = result.language, result.zone
        if result.planned:
            self.after_turn()
        reply = Reply("already-handled") if result.repeated else result.replies[0]
        metrics.questions([reply])
        if reply.view is not None and reply.view.in_place:
            card = self.renderer.card(reply, lang=lang, zone=zone)
            if speaker.chat:
                card_community.stamp_card(card, speaker.community_id)
            await context.send_activity(invoke_card(card))
        else:
            await context.send_activity(invoke_message(plain(self.renderer.text(reply, lang=lang, zone=zone))))

    async def on_search(self, context: TurnContext, _state: TurnState) -> None:
        """A card's typeahead (`Input.ChoiceSet` with `choices.data`, an `application/search` invoke): the active
        members of the speaker's own community whose names match what they typed, at most 15; nothing for a dataset
        the bot does not serve."""
        speaker: Speaker = context.turn_state[SPEAKER]  # type: ignore[assignment]  # the gate put a Speaker there
        value: dict[str, Any] = context.activity.value if isinstance(context.activity.value, dict) else {}
        options: dict[str, Any] = value["queryOptions"] if isinstance(value.get("queryOptions"), dict) else {}
        query = value.get("queryText")
        found: list[tuple[str, str]] = []
        if value.get("dataset") == MEMBERS_DATASET and isinstance(query, str):
            async with self.sessions() as session:
                matches = await members.search(
                    session,
                    community_id=speaker.community_id,
                    query=query[: members.MAX_QUERY],
                    skip=_count(options.get("skip"), default=0),
                    top=_count(options.get("top"), default=members.SEARCH_LIMIT),
                )
            found = [(match.name, str(match.id)) for match in matches]
        await context.send_activity(search_response(found))

    async def on_installation_update(self, context: TurnContext, _state: TurnState) -> None:
        """The app was installed (team or personal) or removed."""
        action = (context.activity.action or "").casefold()
        if action.startswith("add"):
            await self._installed(context)
        else:
            logger.info("installation %s in conversation=%s", action, context.activity.conversation.id)

    async def on_members_added(self, context: TurnContext, _state: TurnState) -> None:
        """People joined the team, or the bot itself was added."""
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        added = activity.members_added or []
        if any(account.id == bot_id for account in added):
            await self._installed(context)
        people = [a for a in added if a.id != bot_id]
        team = teams_data.team_id(activity)
        if not people or not team:
            return
        persons = await roster_sync.fetch_added(context, team, people)
        async with self.sessions.begin() as session:
            community = await repo.community_by_team(
                session, tenant_id=teams_data.tenant_id(activity) or "", team_id=team
            )
            if community is None:
                logger.warning("members added to team=%s with no community", team)
                return
            change = await sync_roster(
                session,
                community=community,
                people=persons,
                complete=False,
                admin_ids=self.settings.admin_ids,
                now=self.clock(),
            )
        logger.info(
            "members added community=%s added=%s reactivated=%s",
            community.id,
            len(change.added),
            len(change.reactivated),
        )

    async def on_members_removed(self, context: TurnContext, _state: TurnState) -> None:
        """People left the team (deactivated, never deleted), or the bot was removed."""
        activity = context.activity
        team = teams_data.team_id(activity)
        bot_id = activity.recipient.id if activity.recipient else None
        removed = [a.id for a in activity.members_removed or [] if a.id != bot_id]
        if len(removed) != len(activity.members_removed or []):
            logger.info("bot removed from conversation=%s team=%s", activity.conversation.id, team)
        if not removed or not team:
            return
        async with self.sessions.begin() as session:
            community = await repo.community_by_team(
                session, tenant_id=teams_data.tenant_id(activity) or "", team_id=team
            )
            if community is not None:
                gone = await remove_people(session, community=community, teams_user_ids=removed, now=self.clock())
                logger.info("members removed community=%s count=%s", community.id, len(gone))

    async def on_error(self, context: TurnContext, error: Exception) -> None:
        """Log the traceback with an id; tell the member (a message, or a card button's answer), in their language,
        without any detail: a busy database asks them to try again, anything else apologises with the id."""
        error_id = uuid.uuid4().hex[:8]
        activity = context.activity
        logs.current_turn().outcome = "error"
        busy = isinstance(error, Busy) or (isinstance(error, OperationalError) and "locked" in str(error.orig))
        if busy:
            logger.warning("turn refused id=%s: the database stayed busy", error_id)
            reply = Reply.of("busy-try-again")
        else:
            logger.error(
                "turn failed id=%s type=%s", error_id, activity.type, exc_info=(type(error), error, error.__traceback__)
            )
            reply = Reply.of("turn-error", error_id=error_id)
        pressed = activity.type == ActivityTypes.invoke and activity.name == "adaptiveCard/action"
        if activity.type != ActivityTypes.message and not pressed:
            return
        try:
            lang = await self._language_of_turn(context, ask_database=not busy)
            text = self.renderer.text(reply, lang=lang, zone="UTC")
            if pressed:
                await context.send_activity(invoke_message(plain(text)))
            else:
                apology = Activity(type=ActivityTypes.message, text=plain(text))
                await context.send_activity(teams_data.privately_if_targeted(apology, to=activity))
        except Exception:
            logger.exception("could not send the apology for error id=%s", error_id)

    async def _language_of_turn(self, context: TurnContext, *, ask_database: bool) -> str:
        """The speaker's language; when the database cannot say (busy, or a stranger), what the activity says. A busy
        database is not asked (its lock wait would come on top of the turn's own, past the 15 s Teams waits)."""
        speaker = context.turn_state.get(SPEAKER)
        if ask_database and isinstance(speaker, Speaker):
            try:
                async with self.sessions() as session:
                    member = await session.get(Member, speaker.member_id)
                    community = await session.get(Community, speaker.community_id)
                if member is not None and community is not None:
                    return reader(member, community, context.activity)[0]
            except OperationalError:
                pass
        activity = context.activity
        return pick_language(
            preference=None,
            teams_locale=activity.locale,
            text=activity.text,
            community_default=self.settings.default_language,
        )

    async def _installed(self, context: TurnContext) -> None:
        activity = context.activity
        tenant = teams_data.tenant_id(activity) or ""
        team = teams_data.team_id(activity)
        installer = teams_data.sender(activity)
        kind = teams_data.conversation_type(activity)
        if team:
            await self._installed_in_team(context, tenant=tenant, team=team, installer=installer)
        elif kind == "personal":
            await self._installed_personally(context, tenant=tenant, person=installer)
        else:  # a group chat: nobody's 1:1 reference changes; the gate checks its members on every message
            logger.info(
                "added to a %s conversation=%s by user=%s", kind, activity.conversation.id, installer.teams_user_id
            )

    async def _installed_in_team(self, context: TurnContext, *, tenant: str, team: str, installer: Person) -> None:
        activity = context.activity
        data = teams_data.channel_data(activity)
        people, complete = await roster_sync.fetch_team_roster(context, team)
        # Teams sends two install events at once: the one that loses the race (or waits out the lock) runs again
        async for attempt in write_attempts():
            with attempt:
                async with self.sessions.begin() as session:
                    community = await install(
                        session,
                        tenant_id=tenant,
                        team_id=team,
                        team_name=(data.team.name if data and data.team and data.team.name else ""),
                        channel_id=(data.channel.id if data and data.channel else None) or team,
                        conversation_reference=teams_data.reference(activity, thread_root=True),
                        installer=installer,
                        default_language=self.settings.default_language,
                        timezone=self.settings.default_timezone,
                        admin_ids=self.settings.admin_ids,
                        now=self.clock(),
                    )
                    if data and data.team and data.team.aad_group_id:
                        community.team_aad_group_id = data.team.aad_group_id
                    change = await sync_roster(
                        session,
                        community=community,
                        people=people,
                        complete=complete,
                        admin_ids=self.settings.admin_ids,
                        now=self.clock(),
                    )
                    welcome = await repo.claim_welcome(session, community, now=self.clock())
                    name, lang = community.name, community.default_language
        logger.info(
            "installed in team=%s community=%s roster=%s complete=%s added=%s",
            team,
            community.id,
            len(people),
            complete,
            len(change.added),
        )
        if welcome:
            await context.send_activity(
                self.renderer.activity(Reply.of("welcome-team", community=name), lang=lang, zone="UTC")
            )

    async def _installed_personally(self, context: TurnContext, *, tenant: str, person: Person) -> None:
        activity = context.activity
        welcome: tuple[str, str, str | None] | None = None
        async for attempt in write_attempts():
            with attempt:
                async with self.sessions.begin() as session:
                    found = await memberships(
                        session, tenant_id=tenant, person=person, teams=self.settings.allowed_team_ids
                    )
                    for each in found:  # one 1:1 chat, whichever community speaks in it
                        each.conversation_reference = teams_data.reference(activity)
                    member = found[0] if found else None
                    if member is not None:
                        if await repo.claim_welcome(session, member, now=self.clock()):
                            community = await session.get(Community, member.community_id)
                            if community is not None:
                                lang = reader(member, community, activity)[0]
                                welcome = (member.name, lang, member.grammatical_gender)
        if member is None:
            logger.warning("personal install by non-member user=%s tenant=%s", person.teams_user_id, tenant)
            await context.send_activity(self.renderer.bilingual("stranger"))
        elif welcome:
            name, lang, gender = welcome
            await context.send_activity(
                self.renderer.activity(Reply.of("welcome-personal", name=name, gender=gender), lang=lang, zone="UTC")
            )


def _count(value: object, *, default: int) -> int:
    """A count a client sent (`skip`, `top`): a whole number from 0 to 10,000, else `default`."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000:
        return value
    return default
