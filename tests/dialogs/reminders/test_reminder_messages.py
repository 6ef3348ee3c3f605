"""What the planned reminders say when they fall due, composed by the outbox's own composers from that day's data:
meeting reminders by stage, the agenda at its deadline, the follow-up, the minutes, the digest; a reminder whose
meeting moved, or minutes already published, composes nothing. And the undelivered messages facilitators see."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.cards.parts import card_text
from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, plain
from dialogs.actions.views import ActionCard
from dialogs.common import outbox
from dialogs.common.replies import Reply
from dialogs.meetings.views import AgendaCard, MinutesCard
from dialogs.reminders.views import Digest, FailedMessages, FollowUp, MeetingReminder
from storage.models import Notification
from tests.cards import buttons
from tests.chat import Chat
from tests.fakes import FakeClock

NARROW_SPACE = "\u202f"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def pending(chat: Chat, kind: str) -> list[Notification]:
    """The pending outbox rows of one kind, soonest first."""
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.status == outbox.PENDING)
            .order_by(Notification.due_at, Notification.id)
        )
        return list(rows)


def read(chat: Chat, reply: Reply, *, lang: str = "en") -> str:
    """The reply as a reader in Beirut reads it."""
    return plain(chat.renderer.text(reply, lang=lang, zone="Asia/Beirut")).replace(NARROW_SPACE, " ")


def verbs(chat: Chat, reply: Reply) -> list[str]:
    """The `verb` of each card button that posts data."""
    card = chat.renderer.card(reply, lang="en", zone="Asia/Beirut")
    return [action["data"]["verb"] for action in card["actions"] if action["type"] == "Action.Submit"]


async def composed(chat: Chat, row: Notification, at: datetime | None = None) -> Reply:
    reply = await chat.compose(row, at or row.due_at)
    assert reply is not None, row.kind
    return reply


async def test_meeting_reminders_call_for_items_then_give_the_agenda_then_the_time(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("agenda add Flood early-warning triggers", as_="member")
    await chat.say("agenda accept 1", as_="facilitator")
    week, day, hour = (await pending(chat, "meeting-reminder"))[:3]

    reply = await composed(chat, week)
    assert isinstance(reply.view, MeetingReminder) and reply.view.stage == "week" and reply.view.items_open
    assert reply.args == {"number": 1, "deadline": reply.view.meeting.deadline}
    text = read(chat, reply)
    assert "Meeting #1 is in 7 days. Propose agenda items until Dec 1, 2026, 10:00 AM." in text
    assert "Monthly follow-up" in text and "Flood early-warning triggers" not in text
    assert verbs(chat, reply) == ["agenda-form"]
    assert "يُعقد الاجتماع رقم ١ بعد ٧ أيام" in read(chat, reply, lang="ar")

    reply = await composed(chat, day)
    assert isinstance(reply.view, MeetingReminder) and reply.view.stage == "day"
    text = read(chat, reply)
    assert "Meeting #1 is in 1 day. Here is its agenda." in text and "#1 · Flood early-warning triggers" in text
    assert verbs(chat, reply) == []  # the deadline has passed: no call for items

    reply = await composed(chat, hour)
    assert read(chat, reply).startswith("Meeting #1 starts in 1 hour.")

    [agenda] = (await pending(chat, "agenda-published"))[:1]
    reply = await composed(chat, agenda)
    assert isinstance(reply.view, AgendaCard) and reply.args == {"number": 1}
    text = read(chat, reply)
    assert text.startswith("The agenda of meeting #1 is ready.") and "Flood early-warning triggers" in text
    assert "Facilitators:" not in text  # posted in the channel: no facilitator hint

    await chat.say("meeting move 1 | 2026-12-04 10:00", as_="facilitator")
    assert await chat.compose(week, week.due_at) is None  # its meeting moved: cancelled, not sent


async def test_after_a_meeting_the_follow_up_the_minutes_nudge_and_the_minutes(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Briefing | 2026-11-24 12:00", as_="facilitator")
    clock.advance(hours=2)
    await chat.say("decision add Adopt the shared thresholds", as_="facilitator")
    await chat.say("decision add Relocate the team | confidential", as_="facilitator")
    await chat.say("action add Share the thresholds table | <at>عمر خليل</at> | 10 December", as_="facilitator")
    await chat.say("meeting close 1", as_="facilitator")

    [follow_up] = await pending(chat, "meeting-follow-up")
    reply = await composed(chat, follow_up)
    assert isinstance(reply.view, FollowUp) and reply.args == {"number": 1}
    text = read(chat, reply)
    assert text.startswith("Meeting #1 is closed: what it decided")
    assert "Adopt the shared thresholds" in text and "Relocate the team" not in text
    assert "Share the thresholds table — عمر خليل · Dec 10, 2026" in text

    nudge = (await pending(chat, "minutes-nudge"))[0]
    reply = await composed(chat, nudge)
    assert reply.view is None and "The minutes of meeting #1 “Briefing”" in read(chat, reply)

    await chat.say("minutes publish 1", as_="facilitator")
    assert await chat.compose(nudge, nudge.due_at) is None  # published meanwhile
    [posted] = await pending(chat, "minutes-published")
    reply = await composed(chat, posted, clock())
    assert isinstance(reply.view, MinutesCard) and not reply.view.draft and reply.view.download is None
    linked = Renderer(Catalogs(), links=SignedLinks(base_url="https://tansiq.example", secret=b"s" * 32))
    card = linked.card(reply, lang="en", zone="Asia/Beirut")
    assert card["actions"] == []  # the channel's copy: no download links made for anyone
    text = plain(card_text(card))
    assert text.startswith("The minutes are published.") and "Adopt the shared thresholds" in text


async def test_the_weekly_digest_lists_the_weeks_meetings_and_actions_by_owner(chat: Chat, clock: FakeClock) -> None:
    await chat.say("reminders digest monday 09:00", as_="facilitator")  # plans it (the bot plans it at start)
    [digest] = await pending(chat, "weekly-digest")
    assert await chat.compose(digest, digest.due_at) is None  # nothing to say: skipped

    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("action add Share the 4W data | <at>عمر خليل</at> | 2026-11-25", as_="facilitator")
    await chat.say("action add Draft the protocol | <at>Leila Haddad</at> | 2026-12-02", as_="facilitator")
    reply = await composed(chat, digest)  # Monday 30 November, 09:00 in Beirut
    assert isinstance(reply.view, Digest) and reply.args == {}
    assert [owner.name for owner in reply.view.owners] == ["Leila Haddad", "عمر خليل"]
    text = read(chat, reply)
    assert "This week in the community" in text
    assert "#1 · Monthly follow-up · Dec 3, 2026, 10:00 AM · agenda items until Dec 1, 2026, 10:00 AM" in text
    assert "#1 Share the 4W data — Nov 25, 2026 · overdue" in text
    assert "#2 Draft the protocol — Dec 2, 2026" in text and "Dec 2, 2026 · overdue" not in text


async def test_action_nudges_carry_the_actions_card(chat: Chat) -> None:
    await chat.say("action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03", as_="facilitator")
    [assigned] = await pending(chat, "action-assigned")
    reply = await composed(chat, assigned)
    assert isinstance(reply.view, ActionCard) and reply.view.action.number == 1
    assert reply.args == {"number": 1, "by": "Leila Haddad", "text": "Share the 4W data", "gender": None}
    [due_soon] = await pending(chat, "action-due-soon")
    reply = await composed(chat, due_soon)
    assert isinstance(reply.view, ActionCard) and reply.args == {"number": 1, "day": date(2026, 12, 3)}
    await chat.say("action done 1", as_="member")
    assert await chat.compose(due_soon, due_soon.due_at) is None


async def test_facilitators_see_undelivered_messages_and_send_them_again(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    empty = await chat.say("reminders failed", as_="facilitator")
    assert isinstance(empty.replies[0].view, FailedMessages) and empty.text == "Every message was delivered."
    async with chat.sessions.begin() as session:
        row = await session.scalar(select(Notification).where(Notification.kind == "meeting-reminder").limit(1))
        assert row is not None
        row.status, row.last_error = outbox.PARKED, "bot-removed 403"
        parked = row.id

    said = await chat.say("reminders failed", as_="facilitator")
    assert said.key == "reminders-failed" and said.replies[0].args == {"count": 1}
    assert said.text.startswith("One message could not be delivered")
    assert f"#{parked} · Meeting reminder · — · Nov 26, 2026, 10:00 AM — the bot was removed" in said.text
    assert "(403)" in said.text and "reminders retry" in said.text
    assert (await chat.say("reminders failed", as_="member")).key == "not-facilitator"
    card = chat.renderer.card(said.replies[0], lang="en", zone="UTC")
    again = [button for button in buttons(card) if button["data"] == {"verb": "reminders-retry", "message": parked}]
    assert [plain(button["title"]) for button in again] == [f"Send #{parked} again"]  # a Retry button on its row
    assert (await chat.submit(again[0]["data"], as_="member")).key == "not-facilitator"
    assert (
        await chat.submit({"verb": "reminders-retry", "message": "#1"}, as_="facilitator")
    ).key == "card-data-invalid"
    assert (await chat.submit(again[0]["data"], as_="facilitator")).key == "reminders-retried"
    assert (await chat.say("reminders failed", as_="facilitator")).text == "Every message was delivered."
    assert (await chat.say("reminders retry all", as_="facilitator")).text == "There was nothing to send again."


async def test_our_own_errors_are_not_blamed_on_teams(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    async with chat.sessions.begin() as session:
        rows = list(await session.scalars(select(Notification).where(Notification.kind == "meeting-reminder")))
        rows[0].status, rows[0].last_error = outbox.PARKED, "bot-error compose KeyError"
        rows[1].status, rows[1].last_error = outbox.PARKED, "no-token"
    said = await chat.say("reminders failed", as_="facilitator")
    assert "Tansiq could not prepare it (our error" in said.text and "(compose KeyError)" in said.text
    assert "could not sign in to Teams" in said.text
    assert "Teams refused" not in said.text
    await chat.say("lang ar", as_="facilitator")
    arabic = await chat.say("reminders failed", as_="facilitator")
    assert "خطأ من جهتنا" in arabic.text and "رفضتها" not in arabic.text
