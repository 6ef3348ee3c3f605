"""No database transaction is held while Teams is called: when opening a member's 1:1 chat or listing a group
chat hangs, the dispatcher or the gate waits with no transaction open, and every other member's turn (a
write-locking transaction on SQLite) is answered meanwhile."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from storage.models import Member, Notification
from tests.server import OMAR, SAMI, make_dispatcher, mention


async def assign(bot, person: dict, title: str) -> list[dict]:
    """Leila gives `person` an action point (a notice to their 1:1 chat is planned, due at once)."""
    activity = bot.activity("personal_message_en", text=f"action add {title} | <at>{person['name']}</at> | 2026-12-03")
    activity["entities"] = [*activity.get("entities", []), mention(person)]
    return await bot.replies(activity)


async def test_a_turn_is_answered_while_teams_is_slow_to_open_a_chat(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await assign(bot, OMAR, "Share the 4W data")  # Omar never wrote to the bot: his chat must be opened
    bot.connector.posted.clear()
    held = bot.connector.hold(OMAR["id"])  # Teams does not answer "create conversation" for Omar yet

    sending = asyncio.create_task(make_dispatcher(sessions, clock, sleep).run_once())
    arrived = asyncio.create_task(held.arrived.wait())
    try:
        await asyncio.wait({sending, arrived}, return_when=asyncio.FIRST_COMPLETED)
        assert arrived.done() and not sending.done()  # the dispatcher is waiting for Teams

        replies = await assign(bot, SAMI, "Update the contact list")  # a turn that writes, while Teams hangs
        assert "Update the contact list" in str(replies)
        assert not sending.done() and bot.connector.created == []  # answered while the dispatcher still waits
    finally:
        held.release()
        arrived.cancel()
    tally = await sending
    assert tally.sent == 1
    [notice] = bot.connector.posted
    assert notice.conversation_id == bot.connector.personal_chat_id(OMAR["id"])
    async with sessions() as session:
        omar = await session.scalar(select(Member).where(Member.teams_user_id == OMAR["id"]))
        assert omar is not None and omar.conversation_reference is not None  # remembered for next time
        assert omar.conversation_reference["conversation"]["id"] == notice.conversation_id
        notice_status = await session.scalar(
            select(Notification.status).where(Notification.member_id == omar.id, Notification.kind == "action-assigned")
        )
    assert notice_status == "sent"


async def test_a_turn_is_answered_while_teams_is_slow_to_list_a_group_chat(bot) -> None:
    """The gate asks Teams who is in a group chat with no transaction open."""
    await bot.install()
    group = bot.activity("group_chat_message_mention")
    held = bot.connector.hold(group["conversation"]["id"])
    in_group = asyncio.create_task(bot.replies(group))
    arrived = asyncio.create_task(held.arrived.wait())
    try:
        await asyncio.wait({in_group, arrived}, return_when=asyncio.FIRST_COMPLETED)
        assert arrived.done() and not in_group.done()  # the gate is waiting for Teams

        replies = await assign(bot, SAMI, "Update the contact list")  # a turn that writes, meanwhile
        assert "Update the contact list" in str(replies) and not in_group.done()
    finally:
        held.release()
        arrived.cancel()
    assert await in_group  # and the group chat is answered once Teams is
