"""When a meeting asks members to register, its reminders go to those registered only: a working group's members
who did not register get none, the channel gets none, and turning registration off brings the usual reminders
back. The agenda at its deadline still goes to everyone the meeting is for, with a Register button."""

from __future__ import annotations

from sqlalchemy import select

from dialogs.common import outbox
from storage.models import Notification
from tests.cards import buttons
from tests.chat import Chat, converse


async def pending(chat: Chat, kind: str) -> list[Notification]:
    """The pending outbox rows of one kind, soonest first."""
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.status == outbox.PENDING)
            .order_by(Notification.due_at, Notification.id)
        )
        return list(rows)


async def sent_to(chat: Chat, kind: str) -> dict[str, int]:
    """Who each pending row of `kind` would reach if sent when due (composers return None for those it is not
    for): the member's cast name or "channel", with how many messages."""
    names = {member_id: who for who, member_id in chat.ids.items()}
    reached: dict[str, int] = {}
    for row in await pending(chat, kind):
        if await chat.compose(row, row.due_at) is not None:
            who = "channel" if row.channel else names[row.member_id or 0]
            reached[who] = reached.get(who, 0) + 1
    return reached


async def test_a_working_groups_registration_meeting_reminds_only_those_registered(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("facilitator", "group add WASH Aleppo | Water trucking", "group-added"),
            ("facilitator", "group join WASH <at>عمر خليل</at> <at>Sami Nasser</at>", "group-members-added"),
            (
                "facilitator",
                "meeting add WASH check-in | 2026-12-10 11:00 | group WASH | registration",
                "meeting-added",
            ),
        ],
    )
    assert await sent_to(chat, "meeting-reminder") == {}  # nobody registered yet: no reminder at all
    await converse(chat, [("member", "سجلني ١ | ترجمة عربي", "registration-added")])
    assert await sent_to(chat, "meeting-reminder") == {"member": 3}  # a week, a day and an hour before
    # the agenda is for every member of the group, and invites them to register
    agenda_rows = await pending(chat, "agenda-published")
    assert {chat.ids["member"], chat.ids["guest"]} == {row.member_id for row in agenda_rows}
    agenda = await chat.compose(agenda_rows[0], agenda_rows[0].due_at)
    assert agenda is not None
    card = chat.renderer.card(agenda, lang="en", zone="Asia/Beirut")
    assert "Register" in [button["title"] for button in buttons(card)]
    # withdrawing stops them; with registration off, every member of the group is reminded again
    await converse(chat, [("member", "ألغ تسجيلي ١", "registration-removed")])
    assert await sent_to(chat, "meeting-reminder") == {}
    await converse(chat, [("facilitator", "meeting registration 1 off", "registration-switched-off")])
    assert await sent_to(chat, "meeting-reminder") == {"member": 3, "guest": 3}


async def test_a_community_registration_meeting_reminds_those_registered_in_their_chats(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("facilitator", "meeting add Learning exchange | 2026-12-10 14:00 | registration", "meeting-added"),
            ("guest", "register 1 | interpretation en", "registration-added"),
            ("member", "سجلني ١", "registration-added"),
        ],
    )
    assert await sent_to(chat, "meeting-reminder") == {"guest": 3, "member": 3}  # never the channel
    reminders = [row for row in await pending(chat, "meeting-reminder") if row.member_id == chat.ids["member"]]
    reply = await chat.compose(reminders[-1], reminders[-1].due_at)
    assert reply is not None and reply.key == "meeting-reminder-hour"
    await converse(chat, [("admin", "meeting registration 1 off", "registration-switched-off")])
    assert await sent_to(chat, "meeting-reminder") == {"channel": 3}
