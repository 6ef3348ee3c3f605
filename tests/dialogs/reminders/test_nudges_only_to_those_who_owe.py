"""A 1:1 nudge goes only to someone who still owes what it asks for: when it falls due its composer reads today's data
and composes nothing (the row is cancelled) for a facilitator who has already approved the minutes, a working group
member who has already proposed an item (the call for items) or has left the group, or a facilitator whose ticket
a colleague has taken."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Notification
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def rows_to(chat: Chat, kind: str) -> dict[str, list[Notification]]:
    """The rows of `kind` by recipient (CAST name), soonest first."""
    who = {member_id: name for name, member_id in chat.ids.items()}
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.member_id.is_not(None))
            .order_by(Notification.due_at, Notification.id)
        )
        found: dict[str, list[Notification]] = {}
        for row in rows:
            found.setdefault(who[row.member_id or 0], []).append(row)
        return found


async def composes(chat: Chat, row: Notification) -> bool:
    """Whether the row would be sent when it falls due."""
    return await chat.compose(row, row.due_at) is not None


async def test_the_minutes_nudge_skips_a_facilitator_who_has_approved_them(chat: Chat, clock: FakeClock) -> None:
    await chat.say("minutes approvals 2", as_="facilitator")
    await chat.say("meeting add Briefing | 2026-11-24 12:00", as_="facilitator")
    clock.advance(hours=2)
    await chat.say("meeting close 1", as_="facilitator")
    assert (await chat.say("minutes publish 1", as_="facilitator")).key == "minutes-approval-recorded"
    nudges = await rows_to(chat, "minutes-nudge")
    assert not await composes(chat, nudges["facilitator"][0])  # Leila approved: it waits for someone else
    assert await composes(chat, nudges["admin"][0])  # Amal's approval is still owed
    await chat.say("minutes publish 1", as_="admin")
    assert not await composes(chat, nudges["admin"][0])  # published: nobody owes anything


async def test_a_group_members_call_for_items_skips_who_proposed_and_who_left(chat: Chat) -> None:
    await chat.say("group add WASH | Water trucking", as_="facilitator")
    await chat.say("group join WASH <at>عمر خليل</at> <at>Sami Nasser</at>", as_="facilitator")
    await chat.say("meeting add WASH follow-up | 2026-12-03 10:00 | group WASH", as_="facilitator")
    reminders = await rows_to(chat, "meeting-reminder")
    omar_week, omar_day = reminders["member"][:2]
    sami_week, sami_day = reminders["guest"][:2]
    assert all([await composes(chat, row) for row in (omar_week, omar_day, sami_week, sami_day)])

    assert (await chat.say("agenda add Water trucking costs", as_="member")).key == "agenda-item-added"
    assert not await composes(chat, omar_week)  # he has proposed an item: the call is not for him
    assert await composes(chat, omar_day)  # the agenda the day before still is
    assert await composes(chat, sami_week)

    assert (await chat.say("group leave WASH", as_="guest")).key == "group-left"
    assert not await composes(chat, sami_week) and not await composes(chat, sami_day)  # no longer in the group


async def test_a_ticket_is_posted_again_only_to_whoever_took_it(chat: Chat) -> None:
    await chat.say("ask Who pays for the interpretation at the plenary?", as_="guest")
    reposts = await rows_to(chat, "ticket-repost")
    assert await composes(chat, reposts["admin"][0]) and await composes(chat, reposts["facilitator"][0])
    await chat.say("ticket take 1", as_="facilitator")
    assert await composes(chat, reposts["facilitator"][0])  # Leila took it: she still owes the answer
    assert not await composes(chat, reposts["admin"][0])  # Amal does not
    await chat.say("role <at>Leila Haddad</at> member", as_="admin")
    assert not await composes(chat, reposts["facilitator"][0])  # no longer a facilitator: not hers to answer
