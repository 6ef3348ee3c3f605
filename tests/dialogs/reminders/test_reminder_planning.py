"""Reminder rows appear and disappear with the meetings and actions they hang on (fake clock, both databases);
people's nudges wait for working hours in their own zone, meeting reminders never move."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from dialogs.reminders.plans import DEFAULTS, ReminderSettings, next_weekly, working_time
from storage.models import Community, Member, Notification, WorkingGroup, WorkingGroupMember
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def rows(chat: Chat, *, status: str = "pending", prefix: str = "") -> list[tuple[str, str, str]]:
    """(kind, due time in UTC, recipient) of the outbox rows with `status` whose subject starts with `prefix`."""
    async with chat.sessions() as session:
        found = await session.scalars(
            select(Notification)
            .where(Notification.status == status, Notification.subject.startswith(prefix))
            .order_by(Notification.due_at, Notification.id)
        )
        names = {m.id: m.name for m in await session.scalars(select(Member))}
        return [
            (row.kind, f"{row.due_at:%Y-%m-%d %H:%M}", "channel" if row.channel else names[row.member_id])
            for row in found
        ]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def test_a_meeting_plans_its_channel_reminders_and_the_agenda(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    assert await rows(chat, prefix="meeting:") == [
        ("meeting-reminder", "2026-11-26 08:00", "channel"),  # a week before (10:00 Beirut = 08:00 UTC)
        ("agenda-published", "2026-12-01 08:00", "channel"),  # the 48-hour deadline
        ("meeting-reminder", "2026-12-02 08:00", "channel"),
        ("meeting-reminder", "2026-12-03 07:00", "channel"),
        ("meeting-reminder", "2026-12-27 08:00", "channel"),  # January's, within the 45-day horizon
        ("agenda-published", "2027-01-01 08:00", "channel"),
        ("meeting-reminder", "2027-01-02 08:00", "channel"),
        ("meeting-reminder", "2027-01-03 07:00", "channel"),
    ]


async def test_moving_and_cancelling_replan_and_old_reminders_can_never_fire(chat: Chat) -> None:
    await chat.say("meeting add Briefing | 2026-11-26 10:00", as_="facilitator")  # in two days: no week reminder
    assert [due for _k, due, _to in await rows(chat)] == ["2026-11-25 08:00", "2026-11-26 07:00"]  # deadline passed
    await chat.say("meeting move 1 | 2026-11-27 12:00", as_="facilitator")
    assert await rows(chat) == [
        ("agenda-published", "2026-11-25 10:00", "channel"),
        ("meeting-reminder", "2026-11-26 10:00", "channel"),
        ("meeting-reminder", "2026-11-27 09:00", "channel"),
    ]
    cancelled = await rows(chat, status="cancelled")
    assert ("meeting-reminder", "2026-11-26 07:00", "channel") in cancelled
    async with chat.sessions() as session:
        keys = set(await session.scalars(select(Notification.dedup_key)))
    assert any("2026-11-26T08:00:00+00:00" in key for key in keys)  # old start, kept only as cancelled rows
    await chat.say("meeting cancel 1", as_="facilitator")
    assert await rows(chat) == []


async def test_cancelling_one_occurrence_drops_only_its_reminders(chat: Chat) -> None:
    await chat.say("meeting add Weekly | 2026-12-01 10:00 | every week", as_="facilitator")
    before = await rows(chat)
    await chat.say("meeting cancel 1 | 8 December", as_="facilitator")
    after = await rows(chat)
    of_8_december = {
        ("meeting-reminder", "2026-12-01 08:00", "channel"),
        ("agenda-published", "2026-12-06 08:00", "channel"),
        ("meeting-reminder", "2026-12-07 08:00", "channel"),
        ("meeting-reminder", "2026-12-08 07:00", "channel"),
    }
    assert of_8_december <= set(before)
    assert after == [row for row in before if row not in of_8_december]


async def test_working_group_meetings_reach_the_groups_members_never_the_channel(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        group = WorkingGroup(community_id=chat.community_id, name="Cash")
        session.add(group)
        await session.flush()
        session.add(WorkingGroupMember(group_id=group.id, member_id=chat.ids["member"]))
    await chat.say("meeting add Cash WG | 2026-11-27 10:00 | group Cash", as_="facilitator")
    planned = await rows(chat)
    assert ("meeting-reminder", "2026-11-26 08:00", "عمر خليل") in planned
    assert ("agenda-published", "2026-11-25 08:00", "عمر خليل") in planned
    assert [row for row in planned if row[2] == "channel"] == []


async def test_action_nudges_follow_the_action(chat: Chat, clock: FakeClock) -> None:
    await chat.say("tz America/New_York", as_="admin")
    said = await chat.say(
        "action add Share the 4W data | <at>عمر خليل</at> <at>Amal Zoubi</at> | 2026-12-03", as_="facilitator"
    )
    assert said.key == "action-added"
    planned = await rows(chat, prefix="action:")
    # Omar (Beirut): 1 December 08:00 Beirut = 06:00 UTC; Amal (New York): 08:00 there = 13:00 UTC.
    assert ("action-due-soon", "2026-12-01 06:00", "عمر خليل") in planned
    assert ("action-due-soon", "2026-12-01 13:00", "Amal Zoubi") in planned
    # The day after the due day is Friday 4 December: in Beirut the community's weekend (Friday, Saturday) -> Sunday;
    # in New York (Amal's own zone) Friday is a working day: her country's weekend is Saturday and Sunday.
    assert ("action-overdue", "2026-12-06 06:00", "عمر خليل") in planned
    assert ("action-overdue", "2026-12-04 13:00", "Amal Zoubi") in planned
    weekly = [due for kind, due, to in planned if kind == "action-overdue-weekly" and to == "عمر خليل"]
    assert weekly[:2] == ["2026-12-13 06:00", "2026-12-20 06:00"] and len(weekly) == 8

    await chat.say("action due 1 10 December", as_="facilitator")
    assert ("action-due-soon", "2026-12-08 06:00", "عمر خليل") in await rows(chat, prefix="action:")
    assert ("action-due-soon", "2026-12-01 06:00", "عمر خليل") in await rows(chat, status="cancelled")

    await chat.say("action done 1", as_="member")
    assert await rows(chat, prefix="action:") == []


async def test_quiet_hours_and_the_weekend_move_nudges_to_the_next_working_morning() -> None:
    settings = ReminderSettings(dict(DEFAULTS))
    # Thursday 21:30 in Beirut -> Sunday 08:00 (Friday and Saturday off)
    assert working_time(utc("2026-12-03 19:30"), zone="Asia/Beirut", settings=settings) == utc("2026-12-06 06:00")
    # Monday 03:00 in Cairo -> Monday 08:00 Cairo
    assert working_time(utc("2026-12-07 01:00"), zone="Africa/Cairo", settings=settings) == utc("2026-12-07 06:00")
    # Monday 10:00 in Amman stays
    assert working_time(utc("2026-12-07 07:00"), zone="Asia/Amman", settings=settings) == utc("2026-12-07 07:00")
    # A community with a Saturday-Sunday weekend: Friday evening in London -> Monday 08:00
    western = ReminderSettings({**DEFAULTS, "weekend": ["SA", "SU"]})
    assert working_time(utc("2026-12-04 21:00"), zone="Europe/London", settings=western) == utc("2026-12-07 08:00")


async def test_closing_a_meeting_posts_a_follow_up_and_nudges_facilitators_for_the_minutes(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.say("meeting add Briefing | 2026-11-24 12:00", as_="facilitator")
    clock.advance(hours=2)
    await chat.say("meeting close 1", as_="facilitator")
    planned = await rows(chat, prefix="meeting-closed:")
    assert planned[0] == ("meeting-follow-up", "2026-11-24 11:00", "channel")
    # Friday 27 November is the weekend in Beirut: the nudge waits for Sunday 08:00.
    assert sorted(planned[1:]) == [
        ("minutes-nudge", "2026-11-29 06:00", "Amal Zoubi"),
        ("minutes-nudge", "2026-11-29 06:00", "Leila Haddad"),
    ]


async def test_the_weekly_digest_and_the_reminders_command(chat: Chat, clock: FakeClock) -> None:
    assert next_weekly("MO", "09:00", zone="Asia/Beirut", now=clock()) == utc("2026-11-30 07:00")
    shown = await chat.say("reminders", as_="guest")
    assert shown.key == "reminders-settings"
    assert "7 days, 1 day, 1 hour before" in shown.text and "Monday at 09:00 (Asia/Beirut)" in shown.text
    arabic = await chat.say("التذكيرات", as_="member")
    assert "الاثنين الساعة ٠٩:٠٠" in arabic.text and "الجمعة، السبت" in arabic.text

    assert (await chat.say("reminders digest monday 09:00", as_="member")).key == "not-facilitator"
    for bad, key in (
        ("reminders digest someday", "reminders-digest-usage"),
        ("reminders quiet late", "reminders-quiet-usage"),
        ("reminders weekend funday", "reminders-weekend-usage"),
        ("reminders meeting soon", "reminders-meeting-usage"),
        ("reminders actions many", "reminders-actions-usage"),
        ("reminders frobnicate", "reminders-usage"),
    ):
        assert (await chat.say(bad, as_="facilitator")).key == key, bad

    changed = await chat.say("reminders digest sunday 08:30", as_="facilitator")
    assert changed.key == "reminders-settings" and "Sunday at 08:30" in changed.text
    assert await rows(chat, prefix="digest:") == [("weekly-digest", "2026-11-29 06:30", "channel")]
    await chat.say("التذكيرات الملخص إيقاف", as_="facilitator")
    assert await rows(chat, prefix="digest:") == []
    await chat.say("reminders weekend sat sun", as_="facilitator")
    await chat.say("reminders quiet 21:00-07:00", as_="facilitator")
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        settings = ReminderSettings.of(community)
    assert settings["weekend"] == ["SA", "SU"] and settings["quiet"] == ["21:00", "07:00"]


async def test_a_quiet_window_within_one_day_and_impossible_times(chat: Chat) -> None:
    early = ReminderSettings({**DEFAULTS, "quiet": ["00:00", "07:00"]})
    # 03:30 in Beirut (a Monday) -> 07:00 the same morning; 21:00 is not quiet in this window
    assert working_time(utc("2026-12-07 01:30"), zone="Asia/Beirut", settings=early) == utc("2026-12-07 05:00")
    assert working_time(utc("2026-12-07 19:00"), zone="Asia/Beirut", settings=early) == utc("2026-12-07 19:00")
    for bad in ("reminders quiet 20:00-08:75", "reminders quiet 25:00-08:00", "reminders quiet 08:00-08:00"):
        assert (await chat.say(bad, as_="facilitator")).key == "reminders-quiet-usage", bad


async def test_reminder_settings_are_read_exactly(chat: Chat) -> None:
    for bad in (
        "reminders meeting 2 months",
        "reminders meeting 90",
        "reminders meeting 1d soon",
        "reminders actions 2 1 often",
    ):
        said = await chat.say(bad, as_="facilitator")
        assert said.key in ("reminders-meeting-usage", "reminders-actions-usage"), bad
    await chat.say("reminders actions 3 2", as_="facilitator")  # weekly nudges keep their setting (on)
    await chat.say("التذكيرات الاجتماع ٣ أيام ١٢ ساعة", as_="facilitator")
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        settings = ReminderSettings.of(community)
    assert settings["action_weekly"] is True and settings["action_before_days"] == 3
    assert settings["meeting"] == [3 * 1440, 12 * 60]
