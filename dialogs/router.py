"""One member turn: text or card data in, replies out, in one transaction (all or nothing)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.actions import points as actions
from dialogs.actions import report as action_report
from dialogs.common.commands import Command, parse_command, strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import fold, parse_number
from dialogs.community import members as community_dialogs
from dialogs.community.roster import Person
from dialogs.governance import groups, plan, votes
from dialogs.meetings import agenda, minutes
from dialogs.meetings import schedule as meetings
from dialogs.questions import asking as questions
from dialogs.questions import faq, faq_files, tickets
from dialogs.reminders import messages as reminders
from storage import repositories as repo
from storage.models import Community, Member

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4000
ATTEMPTS = 3
REPORT_WORDS = {fold(word) for word in ("report", "تقرير", "التقرير")}
VOTE_VERBS = ("vote", "vote-refresh", "vote-close")
GROUP_CARD_VERBS = ("group-join", "group-leave")
QUESTION_SUBMIT_VERBS = ("faq-add", "faq-show")
QUESTION_PRESS_PREFIXES = ("question-", "answer-", "ticket-")
MISREAD_KEYS = {
    *("unknown-command", "unknown-command-suggest", "tz-unknown", "lang-unknown", "role-unknown-value"),
    *("group-unknown", "vote-unknown", "not-facilitator"),
}


@dataclass(frozen=True)
class TurnResult:
    """The replies of a turn and the member as they are after it (e.g. with a new language)."""

    replies: list[Reply]
    member: Member
    community: Community


async def run_text(
    sessions: async_sessionmaker[AsyncSession],
    *,
    member_id: int,
    text: str | None,
    mentions: Sequence[Person] = (),
    now: datetime,
) -> TurnResult:
    """Answer a message; a UserError rolls the whole turn back and becomes the reply."""
    return await _run(
        sessions,
        member_id=member_id,
        handler=lambda s, m, c: handle_text(s, member=m, community=c, text=text or "", mentions=mentions, now=now),
    )


async def run_card(
    sessions: async_sessionmaker[AsyncSession], *, member_id: int, data: Any, now: datetime
) -> TurnResult:
    """Answer an Adaptive Card submit (`Action.Submit` data)."""
    return await _run(
        sessions,
        member_id=member_id,
        handler=lambda s, m, c: handle_card(s, member=m, community=c, data=data, now=now),
    )


async def handle_text(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    text: str,
    mentions: Sequence[Person],
    now: datetime,
) -> list[Reply]:
    """Route a message to its command, or treat it as a question."""
    if len(text) > MAX_TEXT_LENGTH:
        raise UserError("text-too-long", length=len(text), limit=MAX_TEXT_LENGTH)
    if not strip_mentions(text):
        raise UserError("empty-message")
    command = parse_command(text)
    if command is None:
        return [await questions.ask(session, member=member, community=community, text=text, now=now)]
    try:
        async with session.begin_nested():  # a misread command leaves nothing behind when it becomes a question
            reply = await _dispatch(
                session, member=member, community=community, command=command, mentions=mentions, now=now
            )
    except UserError as error:
        if "|" in text or not (_misread(error) and questions.looks_like_question(strip_mentions(text))):
            raise  # fields separated by "|" are a command, whatever else they look like
        reply = await questions.ask(session, member=member, community=community, text=text, now=now)
    return [reply]


def _misread(error: UserError) -> bool:
    """A command word whose arguments made no sense ("meeting next week?"): the message may be a question."""
    key = error.message_key
    return key.endswith(("-usage", "-filter-unknown", "-number-missing")) or key in MISREAD_KEYS


async def handle_card(
    session: AsyncSession, *, member: Member, community: Community, data: Any, now: datetime
) -> list[Reply]:
    """Route a card submit by its `verb`; malformed data gets a clear answer."""
    if not isinstance(data, dict) or not isinstance(data.get("verb"), str):
        raise UserError("card-data-invalid")
    verb = data["verb"]
    if verb == "lang" and isinstance(data.get("lang"), str):
        return [community_dialogs.set_language(session, member=member, args=data["lang"])]
    if verb == "help":
        return [community_dialogs.help_for(member)]
    if verb == "action-add":
        return [await actions.add_from_form(session, member=member, community=community, data=data, now=now)]
    if verb == "meeting-add":
        return [await meetings.add_from_form(session, member=member, community=community, data=data, now=now)]
    if verb == "agenda-add":
        return [await agenda.add_from_form(session, member=member, community=community, data=data, now=now)]
    if verb == "agenda-form":
        return [await _agenda_form(session, member=member, community=community, now=now)]
    if verb in QUESTION_SUBMIT_VERBS:
        return [await _question_card(session, member=member, community=community, verb=verb, data=data, now=now)]
    if verb in GROUP_CARD_VERBS:
        return [await groups.join_from_card(session, member=member, community=community, data=data, now=now)]
    raise UserError("card-data-invalid")


async def _action_form(session: AsyncSession, *, member: Member, community: Community) -> Reply:
    members = await repo.active_members(session, community_id=community.id)
    groups = await repo.open_groups(session, community_id=community.id)
    return actions.form(members, groups, member=member)


async def run_card_action(
    sessions: async_sessionmaker[AsyncSession], *, member_id: int, verb: str, data: Any, now: datetime
) -> TurnResult:
    """Answer an `Action.Execute` button (the reply is the card to show in its place)."""
    return await _run(
        sessions,
        member_id=member_id,
        handler=lambda s, m, c: _pressed(s, member=m, community=c, verb=verb, data=data, now=now),
    )


async def _pressed(
    session: AsyncSession, *, member: Member, community: Community, verb: str, data: Any, now: datetime
) -> list[Reply]:
    if verb.startswith(QUESTION_PRESS_PREFIXES):
        return [await questions.press(session, member=member, community=community, verb=verb, data=data, now=now)]
    if verb in VOTE_VERBS:
        return [await votes.press(session, member=member, community=community, verb=verb, data=data, now=now)]
    return [await actions.press(session, member=member, community=community, verb=verb, data=data, now=now)]


CommandHandler = Callable[..., Awaitable[Reply]]


async def _dispatch(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    command: Command,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    match command.name:
        case "help":
            return community_dialogs.help_for(member)
        case "lang":
            return community_dialogs.set_language(session, member=member, args=command.args)
        case "tz":
            return community_dialogs.set_timezone(session, member=member, community=community, args=command.args)
        case "whoami":
            return await community_dialogs.whoami(session, member=member, community=community)
        case "members":
            return await community_dialogs.list_members(session, member=member, args=command.numbers_args)
        case "role":
            return await community_dialogs.change_role(session, member=member, args=command.args, mentions=mentions)
        case "actions" if fold(command.args.split(" ", 1)[0]) in REPORT_WORDS:
            return await action_report.report(
                session, member=member, community=community, args=command.args.partition(" ")[2], now=now
            )
        case "actions":
            return await actions.list_actions(
                session, member=member, community=community, args=command.args, mentions=mentions, now=now
            )
        case "action":
            return await _action(
                session, member=member, community=community, args=command.args, mentions=mentions, now=now
            )
        case "meetings":
            return await meetings.list_meetings(session, member=member, community=community, now=now)
        case "meeting":
            return await _meeting(session, member=member, community=community, args=command.args, now=now)
        case "agenda":
            return await _agenda(
                session, member=member, community=community, args=command.args, mentions=mentions, now=now
            )
        case "decision":
            verb, _, rest = command.args.partition(" ")
            if fold(verb) not in actions.ADD_WORDS:
                raise UserError("decision-usage")
            return await minutes.add_decision(session, member=member, community=community, args=rest, now=now)
        case "attended":
            return await minutes.record_attendance(
                session, member=member, community=community, args=command.args, mentions=mentions, now=now
            )
        case "group":
            return await groups.command(
                session, member=member, community=community, args=command.args, mentions=mentions, now=now
            )
        case "groups":
            return await groups.list_groups(session, member=member, community=community, args=command.args)
        case name if name in COMMAND_HANDLERS:
            return await COMMAND_HANDLERS[name](session, member=member, community=community, args=command.args, now=now)
        case _:
            if command.suggestion:
                raise UserError("unknown-command-suggest", given=command.args[:40], suggestion=command.suggestion)
            raise UserError("unknown-command", given=command.args[:40])


async def _action(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    args: str,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    """`action add …`, `action <verb> N …`, or `action N` (its card and history)."""
    first, _, rest = args.strip().partition(" ")
    if not first or (fold(first) in actions.ADD_WORDS and not rest.strip()):
        return await _action_form(session, member=member, community=community)
    if fold(first) in actions.ADD_WORDS:
        return await actions.add(session, member=member, community=community, args=rest, mentions=mentions, now=now)
    if fold(first) in plan.LINK_WORDS:
        return await plan.link_action(session, member=member, community=community, args=rest, now=now)
    verb = actions.update_verb(first)
    if verb is not None:
        return await actions.update(
            session, member=member, community=community, verb=verb, args=rest, mentions=mentions, now=now
        )
    if parse_number(first):
        return await actions.show(session, member=member, community=community, number=first, now=now)
    raise UserError("action-usage")


async def _meeting(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`meeting add|cancel|move|close …`; `meeting add` alone (or `meeting`) opens the form; `meeting N` its card."""
    first, _, rest = args.strip().partition(" ")
    if parse_number(first) and not rest.strip():
        return await meetings.show(session, community=community, number=first, now=now)
    verb = meetings.meeting_verb(first) if first else "add"
    if verb == "add" and not rest.strip():
        community_dialogs.require_facilitator(member)
        groups = await repo.open_groups(session, community_id=community.id)
        return meetings.form(groups, community=community)
    match verb:
        case "add":
            return await meetings.add(session, member=member, community=community, args=rest, now=now)
        case "cancel":
            return await meetings.cancel(session, member=member, community=community, args=rest, now=now)
        case "move":
            return await meetings.move(session, member=member, community=community, args=rest, now=now)
        case "close":
            return await meetings.close(session, member=member, community=community, args=rest, now=now)
    raise UserError("meeting-usage")


async def _agenda(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    args: str,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    """`agenda [N]`, `agenda add …` (alone: the form), `agenda accept|defer|remove N`, `agenda order …`."""
    first, _, rest = args.strip().partition(" ")
    verb = agenda.agenda_verb(first) if first else None
    match verb:
        case None if not first or parse_number(first):
            return await agenda.show(session, member=member, community=community, args=first, now=now)
        case "add" if not rest.strip():
            return await _agenda_form(session, member=member, community=community, now=now)
        case "add":
            return await agenda.add(session, member=member, community=community, args=rest, mentions=mentions, now=now)
        case "accept" | "defer" | "remove":
            return await agenda.decide(session, member=member, community=community, verb=verb, args=rest, now=now)
        case "order":
            return await agenda.order(session, member=member, community=community, args=rest, now=now)
    raise UserError("agenda-usage")


async def _agenda_form(session: AsyncSession, *, member: Member, community: Community, now: datetime) -> Reply:
    groups = await repo.open_groups(session, community_id=community.id)
    slots = await meetings.next_slots(session, community_id=community.id, now=now, count=5, member=member)
    return agenda.form(groups, slots)


async def _minutes(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`minutes N`, `minutes edit N | text`, `minutes publish N`, `minutes approvals 1|2`."""
    first, _, rest = args.strip().partition(" ")
    match minutes.minutes_verb(first) if first else None:
        case "publish":
            return await minutes.publish(session, member=member, community=community, args=rest, now=now)
        case "edit":
            return await minutes.edit(session, member=member, community=community, args=rest, now=now)
        case "approvals":
            return minutes.set_approvals(session, member=member, community=community, args=rest)
        case None if parse_number(first):
            return await minutes.show(session, member=member, community=community, args=first, now=now)
    raise UserError("minutes-usage")


async def _question_card(
    session: AsyncSession, *, member: Member, community: Community, verb: str, data: dict[str, Any], now: datetime
) -> Reply:
    """The FAQ form's submit, or a close entry's button."""
    if verb == "faq-add":
        return await faq.add_from_form(session, member=member, community=community, data=data, now=now)
    return await questions.show_ref(session, community=community, data=data)


async def run_file(
    sessions: async_sessionmaker[AsyncSession],
    *,
    member_id: int,
    name: str,
    data: bytes | None,
    now: datetime,
    problem: UserError | None = None,
) -> TurnResult:
    """A file a member sent in their 1:1 chat (an FAQ import), in one transaction: all good rows or nothing.
    `problem`: why the file could not be read (answered in the member's language)."""
    return await _run(
        sessions,
        member_id=member_id,
        handler=lambda s, m, c: _file(s, member=m, community=c, name=name, data=data, problem=problem, now=now),
    )


async def _file(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    name: str,
    data: bytes | None,
    problem: UserError | None,
    now: datetime,
) -> list[Reply]:
    if data is None:
        raise problem or UserError("file-unreadable", name=name)
    return [await faq_files.import_upload(session, member=member, community=community, name=name, data=data, now=now)]


# commands that take the session, the member, the community, the arguments and the time
COMMAND_HANDLERS: dict[str, CommandHandler] = {
    "minutes": _minutes,
    "reminders": reminders.command,
    "plan": plan.command,
    "endorse": votes.endorse_command,
    "poll": votes.poll_command,
    "votes": votes.list_proposals,
    "vote": votes.vote_command,
    "faq": faq.command,
    "ask": questions.ask_command,
    "tickets": tickets.list_tickets,
    "ticket": tickets.command,
    "answer": tickets.answer_command,
}

Handler = Callable[[AsyncSession, Member, Community], Awaitable[list[Reply]]]


async def _run(sessions: async_sessionmaker[AsyncSession], *, member_id: int, handler: Handler) -> TurnResult:
    """The turn in one transaction; a write race (two adds taking one number, SQLite's busy snapshot)
    re-runs it, and the second run sees what the first writer did."""
    try:
        attempt = 1
        while True:
            try:
                async with sessions.begin() as session:
                    member, community = await _load(session, member_id)
                    replies = await handler(session, member, community)
                    return TurnResult(replies, member, community)
            except (IntegrityError, OperationalError) as race:
                if attempt == ATTEMPTS or not _is_race(race):
                    raise
                attempt += 1
                logger.info(
                    "turn of member=%s raced another writer (%s); running it again", member_id, type(race.orig).__name__
                )
    except UserError as error:
        logger.info("user error key=%s member=%s", error.message_key, member_id)
        async with sessions() as session:
            member, community = await _load(session, member_id)
        return TurnResult([error.reply], member, community)


def _is_race(error: IntegrityError | OperationalError) -> bool:
    return isinstance(error, IntegrityError) or "locked" in str(error.orig).lower()


async def _load(session: AsyncSession, member_id: int) -> tuple[Member, Community]:
    member = await session.get(Member, member_id)
    if member is None:
        raise LookupError(f"member {member_id} vanished during the turn")
    community = await session.get(Community, member.community_id)
    if community is None:
        raise LookupError(f"community of member {member_id} vanished")
    return member, community
