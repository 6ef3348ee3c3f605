"""Reminders that fall due while the bot is down (or are sent again by hand much later) are composed from that
day's data: a message that is no longer true composes nothing, and the dispatcher cancels it instead of sending it.

The clock jumps forward as the bot's would after downtime; rows already due are left pending by the re-plan, so
their composers are what decides."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from dialogs.common import outbox
from storage.models import Notification
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def rows(chat: Chat, kind: str) -> list[Notification]:
    """The pending rows of `kind`, soonest first."""
    async with chat.sessions() as session:
        found = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.status == outbox.PENDING)
            .order_by(Notification.due_at, Notification.id)
        )
        return list(found)


async def keys(chat: Chat, kind: str) -> list[str | None]:
    """What each pending row of `kind` already due would say now (its reply key), or None where it composes
    nothing (the dispatcher only claims rows that are due)."""
    due = [row for row in await rows(chat, kind) if row.due_at <= chat.clock()]
    replies = [await chat.compose(row, chat.clock()) for row in due]
    return [reply.key if reply else None for reply in replies]


async def park(chat: Chat, row: Notification) -> None:
    """As the dispatcher leaves a row it could not deliver."""
    async with chat.sessions.begin() as session:
        stored = await session.get(Notification, row.id)
        assert stored is not None
        stored.status, stored.last_error = outbox.PARKED, "no-channel"


ACTION = "action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03"  # a Thursday; Omar reads Beirut time


async def test_a_due_soon_nudge_that_falls_due_after_the_due_day_is_not_sent(chat: Chat, clock: FakeClock) -> None:
    await chat.say(ACTION, as_="facilitator")
    [due_soon] = await rows(chat, "action-due-soon")
    assert due_soon.due_at == utc("2026-12-01 06:00")  # Tuesday 08:00 in Beirut
    clock.now = utc("2026-12-03 15:00")  # down until the afternoon of the due day: still true
    assert await keys(chat, "action-due-soon") == ["action-nudge-due-soon"]
    clock.now = utc("2026-12-03 22:30")  # past midnight in Beirut: the due day has passed
    assert await keys(chat, "action-due-soon") == [None]


async def test_after_weeks_down_only_the_latest_overdue_nudge_is_sent(chat: Chat, clock: FakeClock) -> None:
    await chat.say(ACTION, as_="facilitator")
    assert [row.due_at for row in await rows(chat, "action-overdue")] == [utc("2026-12-06 06:00")]  # after the weekend
    clock.now = utc("2026-12-06 09:00")
    assert await keys(chat, "action-overdue") == ["action-nudge-overdue"]
    assert await keys(chat, "action-overdue-weekly") == []  # none due yet

    clock.now = utc("2026-12-21 09:00")  # down for two more weeks: the day after, then two weekly nudges fell due
    assert await keys(chat, "action-overdue") == [None]  # 17 days after its day: a weekly one says it better
    assert [row.due_at for row in await rows(chat, "action-overdue-weekly") if row.due_at <= clock()] == [
        utc("2026-12-13 06:00"),
        utc("2026-12-20 06:00"),
    ]
    assert await keys(chat, "action-overdue-weekly") == [None, "action-nudge-overdue-weekly"]

    # rows planned before the payload named the nudge's day are judged by their due time
    async with chat.sessions.begin() as session:
        for row in await session.scalars(select(Notification).where(Notification.kind == "action-overdue-weekly")):
            row.payload = {key: value for key, value in row.payload.items() if key != "day"}
    assert await keys(chat, "action-overdue-weekly") == [None, "action-nudge-overdue-weekly"]

    await chat.say("action done 1", as_="member")
    assert await keys(chat, "action-overdue-weekly") == [None, None]  # done: nothing left to nudge about


async def test_a_nudge_is_not_sent_for_a_due_day_changed_while_it_waited(chat: Chat, clock: FakeClock) -> None:
    await chat.say(ACTION, as_="facilitator")
    clock.now = utc("2026-12-06 09:00")  # the day-after nudge is due (and, say, the bot is down) ...
    await chat.say("action due 1 2026-12-20", as_="facilitator")  # ... when the action gets a new due day
    assert [row.payload["due_on"] for row in await rows(chat, "action-overdue")] == ["2026-12-03", "2026-12-20"]
    assert await keys(chat, "action-overdue") == [None]  # the old one is untrue; the new one is not due yet
    new = [row for row in await rows(chat, "action-due-soon") if row.payload["due_on"] == "2026-12-20"]
    assert [row.due_at for row in new] == [utc("2026-12-20 06:00")]  # Friday 18th: after the weekend, on the day
    clock.now = new[0].due_at
    assert await keys(chat, "action-due-soon") == [None, "action-nudge-due-soon"]  # the old one, then the new one


async def test_a_meeting_reminder_retried_by_hand_long_after_its_time_is_not_sent(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    week, _day, hour = (await rows(chat, "meeting-reminder"))[:3]
    assert (week.due_at, hour.due_at) == (utc("2026-11-26 08:00"), utc("2026-12-03 07:00"))
    await park(chat, week)  # it could not be delivered at its time

    clock.now = utc("2026-11-26 20:00")  # a facilitator sends it again 12 hours later: still near enough
    await chat.say("reminders retry all", as_="facilitator")
    assert await keys(chat, "meeting-reminder") == ["meeting-reminder-week"]
    await park(chat, week)
    clock.now = utc("2026-11-30 09:00")  # three days before the meeting, "the meeting is in 7 days" is untrue
    assert (await chat.say("reminders retry all", as_="facilitator")).replies[0].args == {"count": 1}
    assert await keys(chat, "meeting-reminder") == [None]

    clock.now = utc("2026-12-03 07:01")
    await park(chat, hour)
    clock.now = utc("2026-12-03 07:30")  # half an hour before the meeting: "starts in 1 hour" is untrue
    await chat.say("reminders retry all", as_="facilitator")
    again = [row for row in await rows(chat, "meeting-reminder") if row.id == hour.id]
    assert [await chat.compose(row, clock()) for row in again] == [None]


async def test_reminders_turned_off_while_they_waited_are_not_sent(chat: Chat, clock: FakeClock) -> None:
    await chat.say(ACTION, as_="facilitator")
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("reminders digest monday 09:00", as_="facilitator")
    clock.now = utc("2026-12-02 08:30")  # Monday's digest, the day-before reminder, the due-soon nudge all waited
    [digest] = await rows(chat, "weekly-digest")
    [due_soon] = await rows(chat, "action-due-soon")
    [day] = [row for row in await rows(chat, "meeting-reminder") if row.due_at == utc("2026-12-02 08:00")]
    waiting = (digest, due_soon, day)
    assert all(row.due_at <= clock() for row in waiting)
    assert [(await chat.compose(row, clock())) is not None for row in waiting] == [True, True, True]

    await chat.say("reminders digest off", as_="facilitator")
    await chat.say("reminders actions off", as_="facilitator")
    await chat.say("reminders meeting 7d 1h", as_="facilitator")  # no reminder the day before any more
    assert [await chat.compose(row, clock()) for row in waiting] == [None, None, None]


async def test_the_minutes_nudge_waits_only_for_someone_who_can_publish(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Briefing | 2026-11-24 12:00", as_="facilitator")
    clock.advance(hours=2)
    await chat.say("meeting close 1", as_="facilitator")
    nudges = {row.member_id: row for row in await rows(chat, "minutes-nudge")}
    assert set(nudges) == {chat.ids["admin"], chat.ids["facilitator"]}
    await chat.say("role <at>Leila Haddad</at> member", as_="admin")
    leila, amal = nudges[chat.ids["facilitator"]], nudges[chat.ids["admin"]]
    assert await chat.compose(leila, leila.due_at) is None  # no longer a facilitator: she cannot publish them
    assert await chat.compose(amal, amal.due_at) is not None
