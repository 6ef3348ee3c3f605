"""Meetings as the community schedules them: by command in English and Arabic, listed in each reader's zone,
cancelled and moved (one occurrence or the series), with every mistake answered and nothing half-made."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.cards.parts import card_text
from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from dialogs.meetings.occurrences import upcoming_slots
from dialogs.meetings.views import MeetingCard
from storage.models import AuditLog, Meeting, MeetingOccurrence
from tests.chat import Chat
from tests.fakes import FakeClock

LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def meeting_count(chat: Chat) -> int:
    async with chat.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Meeting)) or 0


SCHEDULING = [
    # (who, says, reply key, words the member reads)
    (
        "facilitator",
        f"meeting add Monthly follow-up | 2026-12-03 10:00 | every month | {LINK}",
        "meeting-added",
        ["Meeting #1 is scheduled", "Monthly follow-up", "Dec 3, 2026, 10:00 AM", "every month"],
    ),
    (
        "facilitator",
        "meeting add Quarterly plenary | 15 December 14:00 | every quarter | UN House, Beirut | plenary | for 2 hours",
        "meeting-added",
        ["Plenary", "Dec 15, 2026, 2:00 PM", "every quarter", "UN House, Beirut"],
    ),
    (
        "facilitator",
        "/meeting add Shelter WG | tomorrow 3pm | tz Europe/Istanbul",
        "meeting-added",
        ["Nov 25, 2026, 2:00 PM", "3:00 PM (Europe/Istanbul)"],
    ),
    (
        "member",
        "اجتماع إضافة اجتماع المتابعة | الخميس القادم الساعة 10 | كل أسبوعين",
        "not-facilitator",
        ["للميسّرين"],
    ),
    (
        "facilitator",
        "اجتماع إضافة اجتماع التنسيق | ١٥/١٢/٢٠٢٦ ١٤:٠٠ | كل شهر | اجتماع حضوري",
        "meeting-added",
        ["Dec 15, 2026, 2:00 PM", "Face to face"],
    ),
]


@pytest.mark.parametrize(("who", "says", "key", "words"), SCHEDULING)
async def test_scheduling_a_meeting(chat: Chat, who: str, says: str, key: str, words: list[str]) -> None:
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text
    for word in words:
        assert word in said.text
    if LINK in says:  # the join link is the card's button
        card = said.replies[0].view
        assert isinstance(card, MeetingCard) and card.meeting.link == LINK


MISTAKES = [
    ("meeting add | tomorrow 10:00", "meeting-title-missing"),
    ("meeting add Coordination", "meeting-when-missing"),
    ("meeting add Coordination | yesterday 10:00", "date-in-past"),
    ("meeting add Coordination | when pigs fly", "date-unreadable"),
    ("meeting add Coordination | tomorrow 10:00 | every blue moon", "recurrence-unreadable"),
    ("meeting add Coordination | tomorrow 10:00 | ftp://files.example/x", "meeting-link-invalid"),
    ("meeting add Coordination | tomorrow 10:00 | for 20 hours", "meeting-duration-invalid"),
    ("meeting add Coordination | tomorrow 10:00 | group Nowhere", "group-unknown"),
    ("meeting add Coordination | tomorrow 10:00 | tz Mars/Olympus", "tz-unknown"),
    ("اجتماع إضافة التنسيق | أمس", "date-in-past"),
    ("meeting cancel", "meeting-number-missing"),
    ("meeting cancel 9", "meeting-unknown"),
    ("meeting move 9 | tomorrow 10:00", "meeting-unknown"),
    ("meeting close 9", "meeting-unknown"),
    ("meeting frobnicate 1", "meeting-usage"),
]


@pytest.mark.parametrize(("says", "key"), MISTAKES)
async def test_mistakes_get_a_clear_answer_and_create_nothing(chat: Chat, says: str, key: str) -> None:
    said = await chat.say(says, as_="facilitator")
    assert said.key == key, said.text
    assert await meeting_count(chat) == 0


async def test_an_unreadable_date_is_answered_with_two_examples_in_the_members_language(chat: Chat) -> None:
    await chat.say("role <at>عمر خليل</at> facilitator", as_="admin")
    said = await chat.say("اجتماع إضافة التنسيق | في يوم ما", as_="member")
    assert said.key == "date-unreadable"
    assert "«في يوم ما»" in said.text and "مثلًا `غدًا الساعة ٣ مساءً` أو `١٥ ديسمبر ١٤:٠٠`" in said.text


async def test_meetings_lists_series_occurrences_in_each_readers_zone(chat: Chat) -> None:
    await chat.say("meeting add Follow-up | 2026-12-01 10:00 | every week", as_="facilitator")
    await chat.say("meeting add Plenary | 2026-12-15 14:00", as_="facilitator")
    await chat.say("tz Europe/London", as_="admin")

    beirut = await chat.say("meetings", as_="facilitator")
    london = await chat.say("meetings", as_="admin")
    assert beirut.key == "meetings-list"
    assert beirut.text.count("Follow-up") == 7  # eight slots: seven weekly ones and the plenary
    assert "Dec 1, 2026, 10:00 AM" in beirut.text and "Dec 8, 2026, 10:00 AM" in beirut.text
    assert "Dec 1, 2026, 8:00 AM · Dec 1, 2026, 10:00 AM (Asia/Beirut)" in london.text
    order = [beirut.text.index(day) for day in ("Dec 8, 2026", "Dec 15, 2026, 10:00 AM", "Dec 15, 2026, 2:00 PM")]
    assert order == sorted(order)

    arabic = await chat.say("الاجتماعات", as_="member")
    assert "الاجتماعات الـ٨ القادمة" in arabic.text
    assert "١٠:٠٠" in arabic.text and "كل أسبوع" in arabic.text


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_each_listed_meeting_links_to_its_calendar_file(chat: Chat, lang: str) -> None:
    await chat.say("meeting add Plenary | 2026-12-15 14:00", as_="facilitator")
    said = await chat.say("meetings", as_="facilitator")
    linked = Renderer(Catalogs(), links=SignedLinks(base_url="https://tansiq.example", secret=b"s" * 32))
    card = linked.card(said.replies[0], lang=lang, zone="Asia/Beirut")
    title = Catalogs().text(lang, "meeting-calendar")
    links = re.findall(r"\[([^\]]+)\]\((https://tansiq\.example/calendar/[^)]+\.ics)\)", card_text(card))
    assert [shown for shown, _url in links] == [title]  # a link named as the button is, not its address shown


async def test_recurrence_keeps_local_time_across_daylight_saving(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Beirut weekly | 2027-03-18 10:00 | every week", as_="facilitator")
    await chat.say(
        "meeting add Istanbul weekly | 2027-03-18 11:00 | every week | tz Europe/Istanbul", as_="facilitator"
    )
    async with chat.sessions() as session:
        meetings = list(await session.scalars(select(Meeting).order_by(Meeting.number)))
        beirut = [s.starts_at for s in upcoming_slots(meetings[0], after=clock(), count=3)]
        istanbul = [s.starts_at for s in upcoming_slots(meetings[1], after=clock(), count=3)]
    # Beirut moves its clocks on 28 March 2027: same 10:00 wall clock, one hour earlier in UTC.
    assert [t.hour for t in beirut] == [8, 8, 7]
    assert [t.hour for t in istanbul] == [8, 8, 8]
    assert beirut[2] == datetime(2027, 4, 1, 7, 0, tzinfo=UTC)


async def test_last_thursday_of_the_quarter(chat: Chat) -> None:
    said = await chat.say(
        "meeting add Quarterly review | 2026-12-31 10:00 | the last Thursday of every quarter", as_="facilitator"
    )
    assert said.key == "meeting-added", said.text
    listed = await chat.say("meetings", as_="facilitator")
    assert "Dec 31, 2026" in listed.text and "Mar 25, 2027" in listed.text and "Jun 24, 2027" in listed.text


async def test_cancelling_a_one_off_meeting_says_meeting_not_series(chat: Chat) -> None:
    await chat.say("meeting add Briefing | 2026-12-01 10:00", as_="facilitator")
    await chat.say("meeting add Donor call | 2026-12-02 10:00", as_="facilitator")
    english = await chat.say("meeting cancel 1", as_="facilitator")
    assert english.key == "meeting-cancelled-single" and english.text.startswith("Meeting #1 “Briefing” is cancelled.")
    await chat.say("lang ar", as_="facilitator")
    arabic = await chat.say("اجتماع إلغاء ٢", as_="facilitator")
    assert arabic.text.startswith("أُلغي الاجتماع رقم ٢ «Donor call».") and "سلسلة" not in arabic.text


async def test_cancel_one_occurrence_then_the_series(chat: Chat) -> None:
    await chat.say("meeting add Follow-up | 2026-12-01 10:00 | every week", as_="facilitator")
    member = await chat.say("meeting cancel 1", as_="member")
    assert member.key == "not-facilitator"

    one = await chat.say("meeting cancel 1 | 8 December", as_="facilitator")
    assert one.key == "meeting-cancelled-one", one.text
    listed = await chat.say("meetings", as_="facilitator")
    assert "Dec 8, 2026" not in listed.text and "Dec 1, 2026" in listed.text and "Dec 15, 2026" in listed.text

    wrong_day = await chat.say("meeting cancel 1 | 9 December", as_="facilitator")
    assert wrong_day.key == "meeting-no-occurrence-on"

    series = await chat.say("meeting cancel 1 | all", as_="facilitator")
    assert series.key == "meeting-cancelled-series"
    assert (await chat.say("meetings", as_="facilitator")).text.startswith("No meetings are coming up")
    again = await chat.say("meeting cancel 1", as_="facilitator")
    assert again.key == "meeting-already-cancelled"
    async with chat.sessions() as session:
        audited = list(await session.scalars(select(AuditLog.action).where(AuditLog.object_type == "meeting")))
    assert audited == ["meeting.created", "meeting.occurrence-cancelled", "meeting.cancelled"]


async def test_move_one_occurrence_or_the_whole_series(chat: Chat) -> None:
    await chat.say("meeting add Follow-up | 2026-12-01 10:00 | every Tuesday", as_="facilitator")
    one = await chat.say("meeting move 1 | 2026-12-02 12:00", as_="facilitator")
    assert one.key == "meeting-moved", one.text
    assert "Dec 2, 2026, 12:00 PM" in one.text and "Dec 1, 2026, 10:00 AM" in one.text
    listed = await chat.say("meetings", as_="facilitator")
    assert "Dec 1, 2026" not in listed.text and "Dec 8, 2026, 10:00 AM" in listed.text

    series = await chat.say("meeting move 1 | 2026-12-10 09:00 | all", as_="facilitator")
    assert series.key == "meeting-moved-series", series.text
    assert "every Thursday" in series.text
    listed = await chat.say("meetings", as_="facilitator")
    assert "Dec 10, 2026, 9:00 AM" in listed.text and "Dec 17, 2026, 9:00 AM" in listed.text
    assert "Dec 8, 2026" not in listed.text

    past = await chat.say("meeting move 1 | yesterday 10:00", as_="facilitator")
    assert past.key == "date-in-past"
    missing = await chat.say("meeting move 1", as_="facilitator")
    assert missing.key == "meeting-move-when-missing"


async def test_the_form_schedules_with_the_same_rules(chat: Chat) -> None:
    form = await chat.say("meeting add", as_="facilitator")
    assert form.key == "meeting-form"
    refused = await chat.say("meeting add", as_="member")
    assert refused.key == "not-facilitator"
    data = {
        "verb": "meeting-add",
        "title": "Annual face-to-face",
        "kind": "face-to-face",
        "day": "2027-05-04",
        "time": "09:30",
        "duration": "480",
        "repeat": "every year",
        "link": "",
        "place": "Amman",
    }
    said = await chat.submit(data, as_="facilitator")
    assert said.key == "meeting-added", said.text
    assert "May 4, 2027, 9:30 AM" in said.text and "Face to face" in said.text and "every year" in said.text
    past = await chat.submit({**data, "day": "2020-01-01"}, as_="facilitator")
    assert past.key == "date-in-past"
    bad = await chat.submit({**data, "kind": "party"}, as_="facilitator")
    assert bad.key == "card-data-invalid"
    assert await meeting_count(chat) == 1


async def test_state_survives_a_restart(chat: Chat, engine, clock: FakeClock) -> None:
    """A new engine and session factory (as after a restart) sees every change."""
    from storage.db import create_engine, session_factory

    await chat.say("meeting add Follow-up | 2026-12-01 10:00 | every week", as_="facilitator")
    await chat.say("meeting cancel 1 | 8 December", as_="facilitator")
    await chat.say("agenda add Cash working group update", as_="member")
    fresh = create_engine(engine.url.render_as_string(hide_password=False))
    try:
        restarted = Chat(session_factory(fresh), clock)
        restarted.ids, restarted.community_id = chat.ids, chat.community_id
        listed = await restarted.say("meetings", as_="facilitator")
        agenda = await restarted.say("agenda", as_="facilitator")
    finally:
        await fresh.dispose()
    assert "Dec 8, 2026" not in listed.text and "Dec 15, 2026" in listed.text
    assert "Cash working group update" in agenda.text
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(MeetingOccurrence)) == 2


async def test_a_meetings_own_card_by_its_number(chat: Chat) -> None:
    await chat.say(f"meeting add Monthly follow-up | 2026-12-03 10:00 | every month | {LINK}", as_="facilitator")
    said = await chat.say("اجتماع ١", as_="member")
    assert said.key == "meeting-card" and "الاجتماع رقم ١" in said.text and "كل شهر" in said.text
    assert (await chat.say("meeting 4", as_="member")).key == "meeting-unknown"


async def test_moving_a_series_keeps_each_occurrence_in_its_place_and_the_meeting_held(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.say("meeting add Weekly | 2026-11-30 10:00 | every Monday", as_="facilitator")
    await chat.say("meeting cancel 1 | 14 December", as_="facilitator")  # after 7 December: the second to come
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # noon in Beirut: Monday's meeting has been held
    moved = await chat.say("meeting move 1 | 2026-12-01 10:00 | all", as_="facilitator")
    assert moved.key == "meeting-moved-series", moved.text
    listed = (await chat.say("meetings", as_="facilitator")).text
    assert "Dec 1, 2026" in listed and "Dec 15, 2026" in listed and "Dec 22, 2026" in listed
    assert "Dec 8, 2026" not in listed  # the second meeting to come is still the one cancelled
    closed = await chat.say("meeting close 1", as_="facilitator")
    assert closed.key == "meeting-closed" and "Nov 30, 2026" in closed.text  # the meeting held is still there


async def test_a_series_starts_on_its_first_real_meeting(chat: Chat) -> None:
    said = await chat.say("meeting add Tuesdays | 2026-11-26 10:00 | every Tuesday", as_="facilitator")
    assert "Dec 1, 2026, 10:00 AM" in said.text
    async with chat.sessions() as session:
        meeting = await session.scalar(select(Meeting))
    assert meeting is not None and meeting.starts_at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # DTSTART in .ics
