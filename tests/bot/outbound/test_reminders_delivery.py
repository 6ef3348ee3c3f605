"""Reminders end to end: planned by real turns over HTTP, sent by the dispatcher through the notifier to a fake Bot
Connector speaking Teams' REST shapes; each member reads them in their own language, with working buttons."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from storage.models import Notification
from tests.cards import buttons
from tests.fake_connector import Failure
from tests.server import OMAR, SAMI, TEAM, make_dispatcher, mention

CHANNEL = TEAM  # the team's General channel has the team's id


@pytest.fixture
async def planned(bot, sessions, clock) -> None:
    """Installed in the team (community language: Arabic); Sami chose English; Leila (admin) schedules a meeting and
    gives Omar and Sami action points."""
    await bot.install()
    sami = bot.activity("personal_message_en", text="lang en", locale="en-GB")
    sami["from"] = {"id": SAMI["id"], "name": SAMI["name"], "aadObjectId": SAMI["aadObjectId"]}
    sami["conversation"] = {**sami["conversation"], "id": bot.connector.personal_chat_id(SAMI["id"])}
    await bot.replies(sami)  # Sami chose English in his own 1:1 chat; Omar never wrote to the bot
    say = bot.activity("personal_message_en", text="meeting add Monthly follow-up | 2026-12-03 10:00 | every month")
    assert (await bot.replies(say))[0]
    for person, due in ((OMAR, "2026-12-03"), (SAMI, "2026-12-03")):
        activity = bot.activity(
            "personal_message_en", text=f"action add Share the 4W data | <at>{person['name']}</at> | {due}"
        )
        activity["entities"] = [*activity.get("entities", []), mention(person)]
        await bot.replies(activity)
    bot.connector.posted.clear()


async def statuses(sessions) -> dict[str, list[str]]:
    async with sessions() as session:
        rows = await session.scalars(select(Notification).order_by(Notification.id))
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row.status, []).append(row.kind)
        return found


async def test_notices_and_reminders_arrive_in_each_members_language(bot, planned, sessions, clock, sleep) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    first = await dispatcher.run_once()  # the two "you have a new action" notices, due at once
    assert first.sent == 2
    opened = [body["members"][0]["id"] for body in bot.connector.created]
    assert opened == [OMAR["id"]]  # Omar had no 1:1 chat with the bot: Tansiq opened one
    by_conversation = {p.conversation_id: p for p in bot.connector.posted}
    omar = by_conversation[bot.connector.personal_chat_id(OMAR["id"])]
    sami = by_conversation[bot.connector.personal_chat_id(SAMI["id"])]
    assert "أُسند إليك الإجراء رقم ١ من Leila Haddad" in omar.text and omar.activity["attachments"][0]["content"]["rtl"]
    assert "Leila Haddad gave you action #2" in sami.text
    buttons = [a.get("verb") for a in sami.activity["attachments"][0]["content"]["actions"]]
    assert "action-done" in buttons and "action-snooze" in buttons
    assert (await dispatcher.run_once()).sent == 0  # nothing twice

    bot.connector.posted.clear()
    clock.advance(days=2)  # 26 November 09:00 UTC: a week before the meeting
    await dispatcher.run_once()
    [week] = bot.connector.posted
    assert week.conversation_id.startswith(CHANNEL)
    assert "يُعقد الاجتماع رقم ١ بعد ٧ أيام" in week.text and "Monthly follow-up" in week.text

    bot.connector.posted.clear()
    clock.advance(days=5)  # 1 December 09:00 UTC = 11:00 Beirut: Omar's and Sami's "due in two days"
    await dispatcher.run_once()
    texts = {p.conversation_id: p.text for p in bot.connector.posted}
    assert "موعد استحقاق الإجراء رقم ١ هو" in texts[bot.connector.personal_chat_id(OMAR["id"])]
    assert "Action #2 is due on Dec 3, 2026" in texts[bot.connector.personal_chat_id(SAMI["id"])]
    assert any("جدول أعمال الاجتماع رقم ١ جاهز" in text for text in texts.values())  # the agenda, at the deadline


async def test_done_actions_are_never_nudged_and_moved_meetings_never_use_old_reminders(
    bot, planned, sessions, clock, sleep
) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    await dispatcher.run_once()
    done = bot.activity("personal_message_ar", text="إجراء تم ١")
    await bot.replies(done)
    await bot.replies(bot.activity("personal_message_en", text="meeting move 1 | 2026-12-04 12:00"))
    bot.connector.posted.clear()
    clock.advance(days=2)  # the old "a week before" time: 26 November 08:00 UTC has passed
    await dispatcher.run_once()
    assert bot.connector.posted == []
    clock.advance(days=5, hours=1)
    await dispatcher.run_once()
    texts = [p.text for p in bot.connector.posted]
    assert not any("الإجراء رقم ١" in text for text in texts)  # Omar's action is done
    assert any("Action #2" in text for text in texts)


async def test_throttling_waits_and_a_removed_bot_is_parked_then_retried(bot, planned, sessions, clock, sleep) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    connector = bot.connector
    connector.fail_next(OMAR["id"], [(429, {"Retry-After": "3"})])  # opening Omar's chat is throttled once
    connector.remove_bot(connector.personal_chat_id(SAMI["id"]))  # Sami removed the bot
    tally = await dispatcher.run_once()
    assert tally.sent == 1 and tally.parked == 1
    assert 3 in sleep.waits
    assert connector.requests[connector.personal_chat_id(SAMI["id"])] == 1  # no retry storm

    failed = await bot.replies(bot.activity("personal_message_en", text="reminders failed"))
    shown = failed[0]["attachments"][0]["content"]
    text = " ".join(block.get("text", "") for block in shown["body"])
    assert "One message could not be delivered" in text
    assert "the bot was removed from that chat (403 BotNotInConversationRoster)" in text

    connector.restore_bot(connector.personal_chat_id(SAMI["id"]))
    (again,) = (button for button in buttons(failed[0]) if button["title"].startswith("Send #"))  # one row, one button
    retried = await bot.replies(bot.activity("card_submit", value=again["data"]))
    assert "One message will be sent again" in retried[0]["text"]
    assert (await dispatcher.run_once()).sent == 1
    assert (await statuses(sessions)).get("parked") is None


async def test_two_replicas_never_send_one_reminder_twice(bot, planned, sessions, clock, sleep) -> None:
    first, second = make_dispatcher(sessions, clock, sleep), make_dispatcher(sessions, clock, sleep)
    clock.advance(days=8)  # a week of notices, reminders and nudges is due at once
    tallies = await asyncio.gather(first.run_once(), second.run_once())
    sent = sum(tally.sent for tally in tallies)
    assert sent == len(bot.connector.posted) == len((await statuses(sessions))["sent"])
    ids = [row_id for tally in tallies for row_id in tally.ids]
    assert len(ids) == len(set(ids))


async def test_failures_from_connector_time_outs_are_retried_later_with_backoff(
    bot, planned, sessions, clock, sleep
) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    bot.connector.fail_next(OMAR["id"], [Failure(503, {})] * 4)
    tally = await dispatcher.run_once()
    assert tally.retried == 1 and tally.sent == 1
    async with sessions() as session:
        row = await session.scalar(select(Notification).where(Notification.last_error.is_not(None)))
    assert row is not None and row.status == "pending" and row.due_at > clock()
    clock.advance(minutes=3)
    assert (await dispatcher.run_once()).sent == 1


async def test_a_member_who_left_the_team_is_parked_with_the_reason(bot, planned, sessions, clock, sleep) -> None:
    status, _ = await bot.post(bot.activity("conversation_update_members_removed"))
    assert status in (200, 202)
    tally = await make_dispatcher(sessions, clock, sleep).run_once()
    assert tally.parked == 1 and tally.sent == 1
    assert bot.connector.created == []  # no chat is opened for someone who left
    async with sessions() as session:
        parked = await session.scalar(select(Notification).where(Notification.status == "parked"))
    assert parked is not None and parked.last_error.startswith("member-left")


async def test_a_reminder_waiting_for_a_retry_survives_the_hourly_replan(bot, planned, sessions, clock, sleep) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    await dispatcher.run_once()  # the notices
    clock.advance(days=2)  # the week reminder is due; Teams answers 503 to every try of this run
    bot.connector.fail_next(CHANNEL, [Failure(503, {})] * 4)
    assert (await dispatcher.run_once()).retried == 1
    await dispatcher.replan_all()  # the hourly job: the reminder's planned time has passed
    clock.advance(minutes=3)
    bot.connector.posted.clear()
    assert (await dispatcher.run_once()).sent == 1
    assert "يُعقد الاجتماع رقم ١ بعد ٧ أيام" in bot.connector.posted[0].text


async def test_after_downtime_stale_meeting_reminders_are_not_sent(bot, planned, sessions, clock, sleep) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    await dispatcher.run_once()
    bot.connector.posted.clear()
    clock.advance(days=8, hours=23)  # the bot was down until after the meeting (3 December 08:00 UTC)
    await dispatcher.run_once()
    assert not [p for p in bot.connector.posted if p.conversation_id.startswith(CHANNEL)]
    async with sessions() as session:
        cancelled = list(
            await session.scalars(
                select(Notification.kind).where(Notification.status == "cancelled", Notification.channel.is_(True))
            )
        )
    assert cancelled.count("meeting-reminder") == 3 and "agenda-published" in cancelled
