"""One member turn: text, card data, a button or a file in; replies out; in one transaction (all or nothing).

The router knows no feature by name but questions (free text is a question): commands, card submits and buttons
are looked up in the registry the features declare into (`dialogs.features`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import joinedload

from dialogs.common import outbox
from dialogs.common.commands import Command, strip_mentions
from dialogs.common.errors import Busy, UserError
from dialogs.common.language import member_language, member_timezone
from dialogs.common.people import Person
from dialogs.common.replies import Reply
from dialogs.common.turn import Services, Turn
from dialogs.community import privacy
from dialogs.questions import asking
from storage import handled
from storage.db import WritersBusy, is_write_race, write_attempts, writers_queue
from storage.models import Community, Member

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4000
ATTEMPTS = 3
MISREAD_KEYS = {
    *("unknown-command", "unknown-command-suggest", "tz-unknown", "lang-unknown", "role-unknown-value"),
    *("group-unknown", "vote-unknown", "not-facilitator"),
}

TurnHandler = Callable[[Turn], Awaitable[Reply]]


@dataclass(frozen=True)
class TurnResult:
    """The replies of a turn, the member as they are after it, and the language and zone to show the replies in
    (after the turn: `lang ar` is answered in Arabic)."""

    replies: list[Reply]
    member: Member
    community: Community
    language: str
    zone: str
    repeated: bool = False  # a redelivered activity, handled before: nothing ran, nothing to answer
    planned: bool = False  # the turn planned, moved or cancelled an outbox message: the sender should look now


class Router:
    """Runs members' turns against one database with the app's services (registry, question engine)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], services: Services) -> None:
        self.sessions = sessions
        self.services = services
        self._writers = writers_queue(sessions)

    async def text(
        self,
        *,
        member_id: int,
        text: str | None,
        now: datetime,
        mentions: Sequence[Person] = (),
        locale: str | None = None,
        activity_key: str | None = None,
        shared: bool = False,
    ) -> TurnResult:
        """Answer a message: a command, else a question; a UserError rolls the turn back and becomes the reply.
        `shared`: said where others read the answer (a channel, a group chat)."""
        said = text or ""
        return await self.run(
            member_id=member_id,
            now=now,
            mentions=mentions,
            locale=locale,
            text=said,
            activity_key=activity_key,
            shared=shared,
            handler=lambda turn: self._text(turn, said),
        )

    async def card(
        self,
        *,
        member_id: int,
        data: Any,
        now: datetime,
        locale: str | None = None,
        activity_key: str | None = None,
        shared: bool = False,
    ) -> TurnResult:
        """Answer an Adaptive Card submit (`Action.Submit` data) by its `verb`."""
        return await self.run(
            member_id=member_id,
            now=now,
            locale=locale,
            activity_key=activity_key,
            shared=shared,
            handler=lambda turn: self._card(turn, data),
        )

    async def press(
        self,
        *,
        member_id: int,
        verb: str,
        data: Any,
        now: datetime,
        locale: str | None = None,
        activity_key: str | None = None,
        shared: bool = False,
    ) -> TurnResult:
        """Answer an `Action.Execute` button (the reply is the card to show in its place)."""
        return await self.run(
            member_id=member_id,
            now=now,
            locale=locale,
            activity_key=activity_key,
            shared=shared,
            notice=False,  # the answer replaces the card: a line added to it would never be read
            handler=lambda turn: self._press(turn, verb, data),
        )

    async def run(
        self,
        *,
        member_id: int,
        now: datetime,
        handler: TurnHandler,
        mentions: Sequence[Person] = (),
        locale: str | None = None,
        text: str | None = None,
        activity_key: str | None = None,
        shared: bool = False,
        notice: bool = True,
    ) -> TurnResult:
        """Run `handler` as the member's turn in one transaction; a write race (two adds taking one number, SQLite's
        write lock still taken after its timeout) runs it again after a short pause, and the second run sees what the
        first writer did; a lock still taken after the last attempt is `Busy`. `activity_key`: the
        incoming activity's, remembered in the same transaction; an activity handled before is not run again.
        `notice`: on the member's first turn, add the privacy line to the answer."""
        try:
            try:
                async for attempt in write_attempts(ATTEMPTS):
                    with attempt:
                        result = await self._once(
                            member_id, now, handler, mentions, locale, text, activity_key, shared, notice
                        )
            except (OperationalError, WritersBusy) as race:
                if is_write_race(race):
                    raise Busy from race
                raise
            return result
        except UserError as error:
            logger.info("user error key=%s member=%s", error.message_key, member_id)
            async with self.sessions() as session:
                member, community = await _load(session, member_id)
            return _result(error.reply, member, community, locale=locale, text=text)

    async def _once(
        self,
        member_id: int,
        now: datetime,
        handler: TurnHandler,
        mentions: Sequence[Person],
        locale: str | None,
        text: str | None,
        activity_key: str | None,
        shared: bool,
        notice: bool,
    ) -> TurnResult:
        """One attempt at the turn: its own transaction, after the writers before it."""
        async with self._writers, self.sessions.begin() as session:
            session.info["now"] = now  # what the turn records (audit entries) is dated with the turn's time
            member, community = await _load(session, member_id)
            if activity_key is not None and not await handled.first_time(session, activity_key, now=now):
                logger.info("a redelivered activity of member=%s, handled before: not run again", member_id)
                return replace(_result(None, member, community, locale=locale, text=text), repeated=True)
            turn = Turn(
                session=session,
                member=member,
                community=community,
                now=now,
                services=self.services,
                mentions=tuple(mentions),
                language=member_language(member, community, teams_locale=locale, text=text),
                zone=member_timezone(member, community),
                shared=shared,
            )
            reply = await handler(turn)
            # said once, to the member alone: never where others read (it waits for a 1:1 turn)
            line = privacy.first_turn_notice(member, community, now=now) if notice and not shared else None
            planned = outbox.changed(session)
        result = _result(reply, member, community, locale=locale, text=text)
        return replace(result, replies=[*result.replies, line] if line else result.replies, planned=planned)

    async def _text(self, turn: Turn, text: str) -> Reply:
        """Route a message to its command, or treat it as a question."""
        if len(text) > MAX_TEXT_LENGTH:
            raise UserError("text-too-long", length=len(text), limit=MAX_TEXT_LENGTH)
        if not strip_mentions(text):
            raise UserError("empty-message")
        command = self.services.registry.parse(text)
        if command is None:
            return await asking.ask(turn, text=text)
        try:
            async with turn.session.begin_nested():  # a misread command leaves nothing when it becomes a question
                return await self._command(turn, command)
        except UserError as error:
            if "|" in text or not (_misread(error) and asking.looks_like_question(strip_mentions(text))):
                raise  # fields separated by "|" are a command, whatever else they look like
            return await asking.ask(turn, text=text)

    async def _command(self, turn: Turn, command: Command) -> Reply:
        spec = self.services.registry.commands.get(command.name)
        if spec is not None:
            return await spec.handler(turn, command.args)
        if command.suggestion:
            raise UserError("unknown-command-suggest", given=command.args[:40], suggestion=command.suggestion)
        raise UserError("unknown-command", given=command.args[:40])

    async def _card(self, turn: Turn, data: Any) -> Reply:
        """A card submit by its `verb`; malformed data gets a clear answer."""
        if not isinstance(data, dict) or not isinstance(data.get("verb"), str):
            raise UserError("card-data-invalid")
        submit = self.services.registry.submits.get(data["verb"])
        if submit is None:
            raise UserError("card-data-invalid")
        return await submit(turn, data)

    async def _press(self, turn: Turn, verb: str, data: Any) -> Reply:
        """A card button by its verb; an unknown verb gets a clear answer."""
        press = self.services.registry.presses.get(verb)
        if press is None:
            raise UserError("card-data-invalid")
        return await press(turn, verb, data)


def _result(
    reply: Reply | None, member: Member, community: Community, *, locale: str | None, text: str | None
) -> TurnResult:
    language = member_language(member, community, teams_locale=locale, text=text)
    replies = [reply] if reply is not None else []
    return TurnResult(replies, member, community, language, member_timezone(member, community))


def _misread(error: UserError) -> bool:
    """A command word whose arguments made no sense ("meeting next week?"): the message may be a question."""
    key = error.message_key
    return key.endswith(("-usage", "-filter-unknown", "-number-missing")) or key in MISREAD_KEYS


async def _load(session: AsyncSession, member_id: int) -> tuple[Member, Community]:
    member = await session.get(Member, member_id, options=[joinedload(Member.community)])  # one query for both
    if member is None:
        raise LookupError(f"member {member_id} vanished during the turn")
    return member, member.community
