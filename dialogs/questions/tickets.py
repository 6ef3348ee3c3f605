"""Questions for the facilitators (tickets): open → assigned → answered → closed.

A ticket goes, as a card in their 1:1 chats, to the lead(s) of the working group the question belongs to, or else
to the facilitators; it carries the question, who asked and what the bot had offered. Its buttons are
`Action.Execute`, answered with the card as it now stands, and the card refreshes for everyone it went to, so it
updates in place. The asker is told in their 1:1 chat when someone takes it, answers it and closes it. Unanswered
after three days it is posted again, once. All messages are outbox rows (`dialogs.common.outbox`), composed at send time
from the ticket as it then is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import plain_mentions
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import parse_number, script_language, word_table
from dialogs.common.turn import Turn
from dialogs.questions import faq
from dialogs.questions.views import AskerTicketCard, TicketCard, TicketList
from storage import repositories as repo
from storage.models import (
    Community,
    FaqEntry,
    Member,
    Notification,
    Ticket,
    TicketStatus,
    WorkingGroup,
    WorkingGroupMember,
)

REPOST_AFTER = timedelta(days=3)
MAX_QUESTION = 2000
MAX_ANSWER = 4000
LIST_SIZE = 20
MAX_REFRESH_USERS = 60
VERBS = {
    "take": ("take", "assign", "mine", "claim", "استلام", "استلم", "تولى", "سأتولاها"),
    "close": ("close", "done", "إغلاق", "اغلاق", "أغلق", "اغلق"),
    "faq": ("faq", "save", "حفظ", "احفظ"),
    "reopen": ("reopen", "again", "افتح", "فتح"),
}
FILTERS = {
    "open": ("open", "waiting", "المفتوحة", "مفتوحة", "مفتوح"),
    "mine": ("mine", "my", "لي", "الخاصة بي", "خاصتي"),
    "all": ("all", "الكل", "كل", "جميع"),
}
LEAD = "lead"

ticket_verb = word_table(VERBS)
_filter = word_table(FILTERS)


@dataclass(frozen=True)
class TicketView:
    """A ticket as one reader sees it: what they may do with it, and who the card refreshes for."""

    id: int
    number: int
    question: str
    asker: str
    status: str
    group: str | None
    offered: tuple[str, ...]
    assignee: str | None
    answer: str
    answered_by: str | None
    faq_number: int | None
    created_at: datetime
    can_handle: bool
    is_asker: bool
    refresh_for: tuple[str, ...]


async def leads_of(session: AsyncSession, *, group_id: int | None) -> list[Member]:
    """The active lead(s) of a working group."""
    if group_id is None:
        return []
    return list(
        await session.scalars(
            select(Member)
            .join(WorkingGroupMember, WorkingGroupMember.member_id == Member.id)
            .where(WorkingGroupMember.group_id == group_id, WorkingGroupMember.role == LEAD, Member.active)
            .order_by(Member.id)
        )
    )


async def handlers(session: AsyncSession, *, community_id: int, group_id: int | None) -> list[Member]:
    """Who answers a ticket: the active lead(s) of its working group, or else the active facilitators."""
    leads = await leads_of(session, group_id=group_id)
    if leads:
        return leads
    return await repo.active_facilitators(session, community_id=community_id)


async def recipients(session: AsyncSession, ticket: Ticket, *, asker_id: int | None) -> tuple[list[Member], str]:
    """Who the ticket is sent to, and how the receipt names them ("group", "facilitators" or "you"): its group's
    leads but the asker, else the facilitators but the asker (the asker too when they are the only one)."""
    leads = [m for m in await leads_of(session, group_id=ticket.group_id) if m.id != asker_id]
    if leads:
        return leads, "group"
    facilitators = await repo.active_facilitators(session, community_id=ticket.community_id)
    others = [m for m in facilitators if m.id != asker_id]
    if others or not facilitators:
        return others, "facilitators"
    return facilitators, "you"


async def may_handle(session: AsyncSession, member: Member, ticket: Ticket) -> bool:
    """Facilitators, and the leads of the ticket's group."""
    if member.role.facilitates:
        return True
    people = await handlers(session, community_id=ticket.community_id, group_id=ticket.group_id)
    return ticket.group_id is not None and any(person.id == member.id for person in people)


async def view(session: AsyncSession, ticket: Ticket, *, reader: Member) -> TicketView:
    """What `reader` sees of the ticket."""
    people = await handlers(session, community_id=ticket.community_id, group_id=ticket.group_id)
    faq_number = None
    if ticket.faq_entry_id is not None:
        entry = await session.get(FaqEntry, ticket.faq_entry_id)
        faq_number = entry.number if entry else None
    return TicketView(
        id=ticket.id,
        number=ticket.number,
        question=ticket.question,
        asker=ticket.asker.name if ticket.asker else "-",
        status=ticket.status.value,
        group=ticket.group.name if ticket.group else None,
        offered=tuple(str(item.get("title", "")) for item in ticket.offered or ()),
        assignee=ticket.assignee.name if ticket.assignee else None,
        answer=ticket.answer,
        answered_by=ticket.answered_by.name if ticket.answered_by else None,
        faq_number=faq_number,
        created_at=ticket.created_at,
        can_handle=reader.role.facilitates or any(p.id == reader.id for p in people),
        is_asker=reader.id == ticket.asker_id,
        refresh_for=tuple(dict.fromkeys(p.teams_user_id for p in people))[:MAX_REFRESH_USERS],
    )


# ---- opening -----------------------------------------------------------------------------------------------


async def open_ticket(
    turn: Turn, *, question: str, lang: str, offered: Sequence[dict[str, Any]], group: WorkingGroup | None
) -> Ticket:
    """Record the question and plan its card for whoever answers it (and its one re-post after three days)."""
    question = " ".join(plain_mentions(question).split())[:MAX_QUESTION]
    if not question:
        raise UserError("ticket-question-missing")
    ticket = Ticket(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=Ticket.number),
        asker_id=turn.member.id,
        question=question,
        lang=lang,
        status=TicketStatus.OPEN,
        group_id=group.id if group else None,
        offered=list(offered),
        answer="",
        created_at=turn.now,
        updated_at=turn.now,
    )
    turn.session.add(ticket)
    await turn.session.flush()
    await turn.session.refresh(ticket, ["asker", "group", "assignee", "answered_by"])
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=ticket,
        action="ticket.opened",
        after={"question": question, "group": ticket.group_id},
    )
    await _post(turn, ticket, kind="ticket-posted", key=str(ticket.id))
    await _post(turn, ticket, kind="ticket-repost", key=str(ticket.id), after=REPOST_AFTER)
    return ticket


async def _post(turn: Turn, ticket: Ticket, *, kind: str, key: str, after: timedelta = timedelta(0)) -> None:
    """Plan the ticket's card for each person who answers it (not the speaker, unless nobody else would),
    `after` from now."""
    people, _ = await recipients(turn.session, ticket, asker_id=turn.member.id)
    for person in people:
        message = outbox.Planned(
            kind=kind,
            dedup_key=f"{kind}:{key}:{person.id}",
            due_at=turn.now + after,
            payload={"ticket_id": ticket.id, "number": ticket.number},
            member_id=person.id,
        )
        await outbox.queue(
            turn.session,
            community_id=ticket.community_id,
            subject=f"ticket:{ticket.id}",
            message=message,
            now=turn.now,
        )


async def _tell_asker(turn: Turn, ticket: Ticket, *, kind: str) -> None:
    """Plan a message to the asker's 1:1 chat about a step someone else (the speaker) took."""
    if ticket.asker_id is None or ticket.asker_id == turn.member.id:
        return
    message = outbox.Planned(
        kind=kind,
        dedup_key=f"{kind}:{ticket.id}:{turn.now.isoformat()}",
        due_at=turn.now,
        payload={"ticket_id": ticket.id, "number": ticket.number},
        member_id=ticket.asker_id,
    )
    await outbox.queue(
        turn.session,
        community_id=ticket.community_id,
        subject=f"ticket-asker:{ticket.id}",
        message=message,
        now=turn.now,
    )


# ---- steps -------------------------------------------------------------------------------------------------


async def find(session: AsyncSession, *, community: Community, number: object) -> Ticket:
    """The community's ticket by number, locked for the rest of the turn."""
    return await by_number(session, Ticket, community=community, number=number, kind="ticket")


async def _require_handler(turn: Turn, ticket: Ticket) -> None:
    if not await may_handle(turn.session, turn.member, ticket):
        raise UserError("ticket-not-handler", number=ticket.number)


async def take(turn: Turn, *, ticket: Ticket) -> Reply:
    """The speaker answers this one: the others see who took it, the asker is told."""
    await _require_handler(turn, ticket)
    if not ticket.status.waiting:
        raise UserError("ticket-not-waiting", number=ticket.number, status=ticket.status.value)
    member = turn.member
    if ticket.assignee_id == member.id:
        return await card(turn.session, ticket, reader=member, key="ticket-taken")
    before = ticket.status.value
    ticket.status, ticket.assignee_id, ticket.updated_at = TicketStatus.ASSIGNED, member.id, turn.now
    await _saved(turn.session, ticket)
    repo.audit_row(
        turn.session,
        actor=member,
        row=ticket,
        action="ticket.assigned",
        before={"status": before},
        after={"assignee": member.id},
    )
    await _tell_asker(turn, ticket, kind="ticket-assigned")
    return await card(turn.session, ticket, reader=member, key="ticket-taken")


async def answer(turn: Turn, *, ticket: Ticket, text: str) -> Reply:
    """The speaker's answer reaches the asker; answering again replaces it (and tells them again)."""
    await _require_handler(turn, ticket)
    text = plain_mentions(text).strip()
    if not text:
        raise UserError("ticket-answer-missing", number=ticket.number)
    if len(text) > MAX_ANSWER:
        raise UserError("ticket-answer-too-long", length=len(text), limit=MAX_ANSWER)
    if ticket.status == TicketStatus.CLOSED:
        raise UserError("ticket-closed", number=ticket.number)
    member, now = turn.member, turn.now
    before = {"status": ticket.status.value, "answer": ticket.answer}
    ticket.status, ticket.answer = TicketStatus.ANSWERED, text
    ticket.answered_by_id, ticket.answered_at, ticket.updated_at = member.id, now, now
    ticket.assignee_id = ticket.assignee_id or member.id
    await _saved(turn.session, ticket)
    repo.audit_row(
        turn.session, actor=member, row=ticket, action="ticket.answered", before=before, after={"answer": text}
    )
    await _tell_asker(turn, ticket, kind="ticket-answered")
    return await card(turn.session, ticket, reader=member, key="ticket-answer-sent")


async def close(turn: Turn, *, ticket: Ticket) -> Reply:
    """Closed by someone who handles it, or by the asker (the asker is told when it was not them)."""
    member, now = turn.member, turn.now
    if member.id != ticket.asker_id:
        await _require_handler(turn, ticket)
    if ticket.status == TicketStatus.CLOSED:
        raise UserError("ticket-closed", number=ticket.number)
    before = ticket.status.value
    ticket.status, ticket.closed_at, ticket.updated_at = TicketStatus.CLOSED, now, now
    await _saved(turn.session, ticket)
    repo.audit_row(
        turn.session,
        actor=member,
        row=ticket,
        action="ticket.closed",
        before={"status": before},
        after={"status": "closed"},
    )
    await _tell_asker(turn, ticket, kind="ticket-closed")
    if member.id == ticket.asker_id and not await may_handle(turn.session, member, ticket):
        return await card(turn.session, ticket, reader=member, key="ticket-closed-by-asker", as_asker=True)
    return await card(turn.session, ticket, reader=member, key="ticket-closed-now")


async def reopen(turn: Turn, *, ticket: Ticket) -> Reply:
    """The asker still needs help: back to whoever had it (or to everyone), with the card posted again."""
    member, now = turn.member, turn.now
    if member.id != ticket.asker_id:
        await _require_handler(turn, ticket)
    if ticket.status.waiting:
        raise UserError("ticket-not-answered", number=ticket.number)
    ticket.status = TicketStatus.ASSIGNED if ticket.assignee_id else TicketStatus.OPEN
    ticket.closed_at, ticket.updated_at = None, now
    await _saved(turn.session, ticket)
    repo.audit_row(
        turn.session, actor=member, row=ticket, action="ticket.reopened", after={"status": ticket.status.value}
    )
    await _post(turn, ticket, kind="ticket-posted", key=f"{ticket.id}:{now.isoformat()}")
    as_asker = member.id == ticket.asker_id
    return await card(turn.session, ticket, reader=member, key="ticket-reopened", as_asker=as_asker)


async def to_faq(turn: Turn, *, ticket: Ticket) -> Reply:
    """Question + answer become an FAQ entry (in the question's language, in the ticket's group)."""
    await _require_handler(turn, ticket)
    if not ticket.answer:
        raise UserError("ticket-not-answered", number=ticket.number)
    if ticket.faq_entry_id is not None:
        entry = await turn.session.get(FaqEntry, ticket.faq_entry_id)
        if entry is not None:
            raise UserError("ticket-faq-exists", number=ticket.number, faq=entry.number)
    lang = script_language(ticket.question) or ticket.lang
    plan = faq.EntryPlan(versions={lang: ([ticket.question], ticket.answer)}, group=ticket.group)
    entry = await faq.create_entry(turn.session, community=turn.community, actor=turn.member, plan=plan, now=turn.now)
    ticket.faq_entry_id, ticket.updated_at = entry.id, turn.now
    await _saved(turn.session, ticket)
    repo.audit_row(turn.session, actor=turn.member, row=ticket, action="ticket.faq", after={"faq": entry.number})
    return await card(turn.session, ticket, reader=turn.member, key="ticket-faq-made", faq_number=entry.number)


async def helped(turn: Turn, *, ticket: Ticket) -> Reply:
    """The asker says the answer helped: the ticket is closed."""
    member, now = turn.member, turn.now
    if member.id != ticket.asker_id:
        raise UserError("ticket-not-yours", number=ticket.number)
    if ticket.status != TicketStatus.CLOSED:
        ticket.status, ticket.closed_at, ticket.updated_at = TicketStatus.CLOSED, now, now
        await _saved(turn.session, ticket)
        repo.audit_row(
            turn.session, actor=member, row=ticket, action="ticket.closed", after={"status": "closed", "helped": True}
        )
    return await card(turn.session, ticket, reader=member, key="ticket-thanks", as_asker=True)


async def _saved(session: AsyncSession, ticket: Ticket) -> None:
    await session.flush()
    await session.refresh(ticket, ["asker", "assignee", "answered_by", "group"])


async def card(
    session: AsyncSession, ticket: Ticket, *, reader: Member, key: str, as_asker: bool = False, **args: Any
) -> Reply:
    """The ticket's card for `reader` (the facilitators' card, or the asker's answer card); `key` and `args` are
    its headline (the ticket's number is one of them)."""
    shown = await view(session, ticket, reader=reader)
    card_view = AskerTicketCard(shown) if as_asker else TicketCard(shown)
    return Reply.of(key, view=card_view, number=ticket.number, **args)


# ---- commands ----------------------------------------------------------------------------------------------


async def command(turn: Turn, args: str) -> Reply:
    """`ticket N` (its card), `ticket take|close|reopen|faq N`."""
    first, _, rest = args.strip().partition(" ")
    if parse_number(first):
        ticket = await find(turn.session, community=turn.community, number=first)
        if turn.member.id == ticket.asker_id and not await may_handle(turn.session, turn.member, ticket):
            return await card(turn.session, ticket, reader=turn.member, key="ticket-card", as_asker=True)
        await _require_handler(turn, ticket)
        return await card(turn.session, ticket, reader=turn.member, key="ticket-card")
    verb = ticket_verb(first) if first else None
    if verb is None:
        raise UserError("ticket-usage")
    ticket = await find(turn.session, community=turn.community, number=rest.strip())
    match verb:
        case "take":
            return await take(turn, ticket=ticket)
        case "close":
            return await close(turn, ticket=ticket)
        case "reopen":
            return await reopen(turn, ticket=ticket)
    return await to_faq(turn, ticket=ticket)


async def answer_command(turn: Turn, args: str) -> Reply:
    """`answer N <text>`."""
    number, _, text = args.strip().partition(" ")
    if not parse_number(number):
        raise UserError("answer-usage")
    ticket = await find(turn.session, community=turn.community, number=number)
    return await answer(turn, ticket=ticket, text=text)


async def list_tickets(turn: Turn, args: str) -> Reply:
    """`tickets [open|mine|all]` (facilitators): waiting ones by default, oldest first."""
    require_facilitator(turn.member)
    kind = _filter(args) if args.strip() else "open"
    if kind is None:
        raise UserError("tickets-filter-unknown", given=args.strip()[:40])
    query = select(Ticket).where(Ticket.community_id == turn.community.id)
    if kind == "open":
        query = query.where(Ticket.status.in_([s for s in TicketStatus if s.waiting])).order_by(Ticket.number)
    elif kind == "mine":
        query = query.where(Ticket.assignee_id == turn.member.id, Ticket.status != TicketStatus.CLOSED)
        query = query.order_by(Ticket.number)
    else:
        query = query.order_by(Ticket.number.desc())
    found = list(await turn.session.scalars(query))
    shown = tuple([await view(turn.session, ticket, reader=turn.member) for ticket in found[:LIST_SIZE]])
    return Reply.of("tickets-list", view=TicketList(shown), title=kind, count=len(found))


async def press(turn: Turn, verb: str, data: object) -> Reply:
    """A button on a ticket card (`Action.Execute`)."""
    ticket_id = parse_number(data.get("ticket")) if isinstance(data, dict) else None
    ticket = await turn.session.get(Ticket, ticket_id, with_for_update=True) if ticket_id else None
    if ticket is None or ticket.community_id != turn.community.id or not isinstance(data, dict):
        raise UserError("card-data-invalid")
    match verb:
        case "ticket-refresh":  # as `ticket N`: the asker their own view, handlers the card, others nothing
            handles = await may_handle(turn.session, turn.member, ticket)
            if not handles and turn.member.id != ticket.asker_id:
                raise UserError("ticket-not-handler", number=ticket.number)
            return await card(turn.session, ticket, reader=turn.member, key="ticket-card", as_asker=not handles)
        case "ticket-take":
            return await take(turn, ticket=ticket)
        case "ticket-answer":
            text = data.get("answer")
            return await answer(turn, ticket=ticket, text=text if isinstance(text, str) else "")
        case "ticket-close":
            return await close(turn, ticket=ticket)
        case "ticket-faq":
            return await to_faq(turn, ticket=ticket)
        case "ticket-helped":
            return await helped(turn, ticket=ticket)
        case "ticket-reopen":
            return await reopen(turn, ticket=ticket)
    raise UserError("card-data-invalid")


# ---- messages composed at send time ------------------------------------------------------------------------


async def _row_subjects(session: AsyncSession, row: Notification) -> tuple[Ticket, Member] | None:
    ticket = await session.get(Ticket, (row.payload or {}).get("ticket_id") or 0)
    reader = await session.get(Member, row.member_id or 0)
    if ticket is None or reader is None or not reader.active:
        return None
    return ticket, reader


async def compose_posted(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """A new (or reopened) ticket for someone who answers it; nothing once it is not theirs to answer."""
    found = await _row_subjects(session, row)
    if found is None or not await _still_owed(session, *found):
        return None
    ticket, reader = found
    key = "ticket-new" if not ticket.answer else "ticket-back"
    return await card(session, ticket, reader=reader, key=key)


async def compose_repost(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The one reminder, three days on, of a ticket nobody has answered (to whoever took it, or else to all who
    may)."""
    found = await _row_subjects(session, row)
    if found is None or not await _still_owed(session, *found):
        return None
    ticket, reader = found
    days = max(1, (now - ticket.created_at).days)
    return await card(session, ticket, reader=reader, key="ticket-still-waiting", days=days)


async def _still_owed(session: AsyncSession, ticket: Ticket, reader: Member) -> bool:
    """Whether `reader` still owes the ticket an answer: nobody has answered it, nobody else has taken it, and they
    may still answer it (a facilitator, or a lead of its group)."""
    if not ticket.status.waiting or ticket.assignee_id not in (None, reader.id):
        return False
    return await may_handle(session, reader, ticket)


async def compose_assigned(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The asker hears who took their question (if it is still with them)."""
    found = await _row_subjects(session, row)
    ticket = found[0] if found is not None else None
    if ticket is None or ticket.status != TicketStatus.ASSIGNED or ticket.assignee is None:
        return None
    return Reply.of("ticket-assigned-asker", number=ticket.number, name=ticket.assignee.name)


async def compose_answered(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The answer, on a card with "This answered me" / "I still need help"."""
    found = await _row_subjects(session, row)
    if found is None or not found[0].answer:
        return None
    ticket, reader = found
    return await card(session, ticket, reader=reader, key="ticket-answered-asker", as_asker=True)


async def compose_closed(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The asker hears their question was closed (with or without an answer)."""
    found = await _row_subjects(session, row)
    if found is None or found[0].status != TicketStatus.CLOSED:
        return None
    ticket = found[0]
    return Reply.of("ticket-closed-asker", number=ticket.number, answered="yes" if ticket.answer else "no")
