"""Nudges follow each member's own calendar: their country's weekend (or the one they chose with `weekend`), their
working hours, their country's public holidays, and — when the community asked — not at iftar in Ramadan. Members
in the community's own country keep the weekend its facilitators chose (a community in Beirut: Friday–Saturday)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from dialogs.regional.calendar import WEEKDAYS, WorkingCalendar
from dialogs.reminders.plans import ReminderSettings, working_time
from storage.models import Community, Member, Notification
from tests.chat import Chat
from tests.fakes import FakeClock

OMAR = "عمر خليل"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def nudges(chat: Chat, name: str = OMAR) -> dict[str, list[str]]:
    """Pending action nudges to `name`: kind -> due times (UTC, 'Sun 2026-12-06 06:00'), in order."""
    async with chat.sessions() as session:
        member = await session.scalar(select(Member).where(Member.name == name))
        assert member is not None
        found = await session.scalars(
            select(Notification)
            .where(Notification.member_id == member.id, Notification.status == "pending")
            .where(Notification.subject.startswith("action:"))
            .order_by(Notification.due_at)
        )
        planned: dict[str, list[str]] = {}
        for row in found:
            planned.setdefault(row.kind, []).append(f"{row.due_at.astimezone(UTC):%a %Y-%m-%d %H:%M}")
        return planned


async def add_action(chat: Chat, due: str) -> None:
    said = await chat.say(f"action add Share the 4W data | <at>{OMAR}</at> | {due}", as_="facilitator")
    assert said.key == "action-added"


async def test_a_member_in_tunis_is_not_nudged_on_sunday(chat: Chat) -> None:
    await add_action(chat, "2026-12-05")  # Saturday: the day after is Sunday 6 December
    # in Beirut (the community's Friday–Saturday weekend), Sunday is a working day: 08:00 Beirut
    assert (await nudges(chat))["action-overdue"] == ["Sun 2026-12-06 06:00"]

    assert (await chat.say("tz Africa/Tunis", as_="member")).key == "tz-set"
    assert (await chat.say("عطلتي", as_="member")).text.count("السبت، الأحد (عطلة بلدك)") == 1
    await add_action(chat, "2026-12-12")  # planned with his own zone: Tunisia's Saturday–Sunday weekend
    assert (await nudges(chat))["action-overdue"][-1] == "Mon 2026-12-14 07:00"  # 08:00 in Tunis, not Sunday


async def test_a_member_in_riyadh_keeps_friday_and_saturday(chat: Chat) -> None:
    await chat.say("tz Asia/Riyadh", as_="member")
    await add_action(chat, "2026-12-03")  # Thursday: the day after is Friday
    assert (await nudges(chat))["action-overdue"] == ["Sun 2026-12-06 05:00"]  # 08:00 Riyadh, after the weekend


async def test_the_weekend_command_moves_nudges_already_planned(chat: Chat) -> None:
    await add_action(chat, "2026-12-05")
    assert (await nudges(chat))["action-overdue"] == ["Sun 2026-12-06 06:00"]
    assert (await chat.say("عطلتي السبت الأحد", as_="member")).key == "regional-weekend-set"
    assert (await nudges(chat))["action-overdue"] == ["Mon 2026-12-07 06:00"]
    assert (await chat.say("عطلتي افتراضي", as_="member")).key == "regional-weekend-set"
    assert (await nudges(chat))["action-overdue"] == ["Sun 2026-12-06 06:00"]


async def test_working_hours_set_when_a_nudge_arrives(chat: Chat) -> None:
    await chat.say("ساعات عملي ١٠:٠٠-١٨:٠٠", as_="member")
    await add_action(chat, "2026-12-08")
    assert (await nudges(chat))["action-due-soon"] == ["Sun 2026-12-06 08:00"]  # 10:00 Beirut


async def test_a_public_holiday_moves_a_nudge(chat: Chat) -> None:
    await add_action(chat, "2027-01-13")  # the day after: Thursday 14 January, Tunisia's Revolution and Youth Day
    assert (await nudges(chat))["action-overdue"] == ["Thu 2027-01-14 06:00"]  # a working day in Lebanon
    await chat.say("tz Africa/Tunis", as_="member")
    await add_action(chat, "2027-01-13")
    assert (await nudges(chat))["action-overdue"][-1] == "Fri 2027-01-15 07:00"  # 08:00 Tunis, the day after
    await add_action(chat, "2027-01-05")  # the day after: 6 January, a public holiday in Lebanon, not in Tunisia
    assert "Wed 2027-01-06 07:00" in (await nudges(chat))["action-overdue"]


async def test_a_public_holiday_of_the_communitys_country_moves_a_nudge(chat: Chat) -> None:
    await add_action(chat, "2027-01-05")  # the day after: Wednesday 6 January, Armenian Christmas in Lebanon
    assert (await nudges(chat))["action-overdue"] == ["Thu 2027-01-07 06:00"]


async def test_ramadan_moves_a_nudge_out_of_iftar(chat: Chat) -> None:
    await chat.say("ساعات عملي ١٨:٠٠-٢٣:٠٠", as_="member")  # an evening worker
    await add_action(chat, "2027-02-17")  # in Ramadan 1448 (8 February – 8 March 2027)
    assert (await nudges(chat))["action-due-soon"] == ["Mon 2027-02-15 16:00"]  # 18:00 Beirut: iftar time
    assert (await chat.say("ramadan on", as_="facilitator")).key == "regional-ramadan-set"
    assert (await nudges(chat))["action-due-soon"] == ["Mon 2027-02-15 18:30"]  # 20:30 Beirut, after iftar
    await add_action(chat, "2027-03-17")  # after Ramadan: not moved
    assert (await nudges(chat))["action-due-soon"][-1] == "Mon 2027-03-15 16:00"
    await chat.say("ramadan off", as_="facilitator")
    assert (await nudges(chat))["action-due-soon"][0] == "Mon 2027-02-15 16:00"


async def test_a_due_soon_nudge_is_not_pushed_past_the_due_day(chat: Chat) -> None:
    assert (await chat.say("عطلتي الجمعة السبت الأحد", as_="member")).key == "regional-weekend-set"
    await add_action(chat, "2026-12-13")  # Sunday: two days before is Friday, his weekend until Monday
    assert (await nudges(chat))["action-due-soon"] == ["Thu 2026-12-10 06:00"]  # his last working morning, 08:00
    chat.clock.advance(days=3)  # Friday 27 November: Thursday's morning has passed
    await add_action(chat, "2026-11-29")  # Sunday: no working morning left before it, so the due day's own
    assert "Sun 2026-11-29 06:00" in (await nudges(chat))["action-due-soon"]


def test_no_working_day_at_all_still_waits_for_the_end_of_quiet_hours() -> None:
    every_day = WorkingCalendar(WEEKDAYS, (time(20, 0), time(8, 0)))
    night = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)  # 03:00 in Beirut
    assert every_day.next_working(night, zone="Asia/Beirut") == datetime(2026, 12, 6, 6, 0, tzinfo=UTC)  # 08:00
    late = datetime(2026, 12, 6, 19, 0, tzinfo=UTC)  # 21:00 in Beirut: the next morning
    assert every_day.next_working(late, zone="Asia/Beirut") == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    noon = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    assert every_day.next_working(noon, zone="Asia/Beirut") == noon


def test_working_time_by_each_members_calendar() -> None:
    """The rule itself, for people who never set anything: their zone's country decides."""
    community = Community(name="x", tenant_id="t", timezone="Asia/Beirut", reminder_settings={}, ramadan_hours=True)
    settings = ReminderSettings.of(community)

    def person(zone: str | None) -> Member:
        return Member(name=zone or "-", timezone=zone, weekend=None, working_hours=None)

    sunday_9 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    tunis = settings.calendar_of(person("Africa/Tunis"), community)
    riyadh = settings.calendar_of(person("Asia/Riyadh"), community)
    at_home = settings.calendar_of(person(None), community)
    assert working_time(sunday_9, zone="Africa/Tunis", settings=settings, calendar=tunis) == datetime(
        2026, 12, 7, 7, 0, tzinfo=UTC
    )
    assert working_time(sunday_9, zone="Asia/Riyadh", settings=settings, calendar=riyadh) == sunday_9
    assert working_time(sunday_9, zone="Asia/Beirut", settings=settings, calendar=at_home) == sunday_9
    # without a member, the community's calendar as before: Friday–Saturday, no holidays, no Ramadan hours
    friday_9 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    assert working_time(friday_9, zone="Africa/Tunis", settings=settings) == datetime(2026, 12, 6, 7, 0, tzinfo=UTC)
    # Ramadan: 17:45 in Riyadh on Sunday 21 February 2027 is iftar; 20:30 is already quiet hours; Monday 22 is
    # Founding Day, a Saudi public holiday: Tuesday 08:00
    iftar = datetime(2027, 2, 21, 14, 45, tzinfo=UTC)
    assert working_time(iftar, zone="Asia/Riyadh", settings=settings, calendar=riyadh) == datetime(
        2027, 2, 23, 5, 0, tzinfo=UTC
    )
    # on a Riyadh member working until 22:00, the nudge waits for the end of iftar only
    evening = settings.calendar_of(Member(timezone="Asia/Riyadh", working_hours=["08:00", "22:00"]), community)
    assert working_time(iftar, zone="Asia/Riyadh", settings=settings, calendar=evening) == datetime(
        2027, 2, 21, 17, 30, tzinfo=UTC
    )
