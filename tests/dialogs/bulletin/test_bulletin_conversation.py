"""The monthly bulletin as members meet it: the draft (`bulletin` / `النشرة`) with a month of real meetings, decisions,
action points, FAQ entries and coming meetings, all made through the bot's own commands; the facilitators' editorial
note; what the channel may not see left out and counted; the day it goes out; and the post the outbox composes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.cards.parts import card_text
from bot.i18n import plain
from dialogs.bulletin.views import Bulletin
from dialogs.common import outbox
from dialogs.common.text import markdown_literal
from storage.models import Notification
from tests.chat import Chat, converse
from tests.fakes import FakeClock

OMAR = "<at>عمر خليل</at>"
LEILA = "<at>Leila Haddad</at>"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def a_month(chat: Chat, clock: FakeClock) -> None:
    """November 2026 in the community (the clock starts on Tuesday 24 November, 11:00 in Beirut): a community meeting
    and a WASH group meeting held, three decisions (one confidential, one the group's), action points done and
    overdue in both, two FAQ entries (one the group's), and a plenary coming in December."""
    for says in (
        "group add WASH Aleppo | Water trucking",
        f"group join WASH Aleppo {OMAR}",
        "meeting add Monthly follow-up | 2026-11-24 14:00",
        "meeting add WASH sync | 2026-11-24 15:00 | group WASH Aleppo",
        "meeting add Plenary · الاجتماع العام | 2026-12-10 10:00",
        f"action add Share the 4W data | {OMAR} | 2026-11-26",
        f"action add Draft the protocol | {LEILA} | 2026-11-30",
        f"action add Map the water points | {OMAR} | 2026-11-26 | group WASH Aleppo",
        "faq add Is lunch provided? | Yes, at the venue.",
        "faq add Where is the depot? | At the east gate. | group WASH Aleppo",
    ):
        await chat.say(says, as_="facilitator")
    clock.advance(hours=4, minutes=30)  # both meetings have started (14:00 and 15:00 in Beirut)
    for says in (
        "decision add Adopt the shared thresholds | meeting 1",
        "decision add Relocate the team | meeting 1 | confidential",
        "decision add Chlorinate the tanks | meeting 2",
        "meeting close 1",
        "action done 2",
    ):
        await chat.say(says, as_="facilitator")
    clock.advance(days=4)  # Saturday 28 November: actions 1 and 3 are overdue


DRAFT_EN = (
    "Draft of the monthly bulletin for November 2026. It goes out in the channel on Dec 1, 2026, 9:00 AM.",
    "1 meeting held",
    "#1 Monthly follow-up · Nov 24, 2026, 2:00 PM",
    "#1 Adopt the shared thresholds",
    "The whole community",
    "1 done this month · 1 overdue",
    "✓ #2 Draft the protocol — Leila Haddad",
    "⚠ #1 Share the 4W data — عمر خليل · due Nov 26, 2026",
    "WASH Aleppo",
    "0 done this month · 1 overdue",
    "#1 Is lunch provided?",
    "#3 · Plenary · Dec 10, 2026, 10:00 AM",
    "5 items for a working group or the facilitators only are not shown here.",
)
DRAFT_AR = (
    "مسودة النشرة الشهرية لشهر نوفمبر ٢٠٢٦. تُنشر في القناة في ٠١‏/١٢‏/٢٠٢٦، ٩:٠٠ ص.",
    "عُقد اجتماع واحد",
    "رقم ١ Monthly follow-up · ٢٤‏/١١‏/٢٠٢٦، ٢:٠٠ م",
    "رقم ١ Adopt the shared thresholds",
    "المجتمع كله",
    "أُنجز هذا الشهر: ١ · متأخرة: ١",
    "✓ رقم ٢ Draft the protocol — Leila Haddad",
    "⚠ رقم ١ Share the 4W data — عمر خليل · موعدها ٢٦‏/١١‏/٢٠٢٦",
    "أُنجز هذا الشهر: ٠ · متأخرة: ١",
    "رقم ١ Is lunch provided?",
    "الاجتماع العام",
    "٥ بنود لمجموعة عمل أو للميسّرين فقط لا تظهر هنا.",
)


async def test_the_draft_tells_the_month_in_both_languages(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    await converse(
        chat,
        [
            ("facilitator", "bulletin", "bulletin-draft", *DRAFT_EN),
            ("member", "النشرة", "bulletin-draft", *DRAFT_AR),
            ("guest", "newsletter", "bulletin-draft", "1 meeting held", "#1 Adopt the shared thresholds"),
        ],
    )


async def test_only_what_the_whole_community_may_see_is_shown(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    hidden = ("WASH sync", "Relocate the team", "Chlorinate the tanks", "Map the water points", "Where is the depot?")
    for who, shared in (("facilitator", False), ("member", False), ("member", True), ("guest", True)):
        said = await chat.say("bulletin", as_=who, shared=shared)  # Omar is in the WASH group: still not shown
        assert said.key == "bulletin-draft"
        assert [word for word in hidden if word in said.text] == [], (who, shared)
    said = await chat.say("bulletin", as_="facilitator")
    assert "WASH Aleppo" in said.text and "0 done this month · 1 overdue" in said.text  # the group's items: counted


async def test_facilitators_write_the_editorial_note_members_are_refused(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    long_note = "x" * 1501
    await converse(
        chat,
        [
            ("member", "النشرة ملاحظة أهلًا بالجميع", "not-facilitator", "هذا الأمر للميسّرين فقط"),
            ("guest", "bulletin note Hello", "not-facilitator", "Sorry, only facilitators can do that."),
            ("facilitator", "bulletin note", "bulletin-note-usage", "bulletin note Welcome to our new members!"),
            ("facilitator", f"bulletin note {long_note}", "bulletin-note-too-long", "1,501 characters: 1,500 at most"),
            (
                "facilitator",
                "bulletin note Welcome to our new members: *three* NGOs joined!",
                "bulletin-note-set",
                "Your note will open the bulletin that goes out on Dec 1, 2026, 9:00 AM.",
            ),
            ("member", "النشرة", "bulletin-draft", "كلمة الميسّرين", "Welcome to our new members"),
            ("facilitator", "bulletin note clear", "bulletin-note-cleared", "removed from the next bulletin"),
            ("admin", "النشرة ملاحظة نرحب بأعضائنا الجدد", "bulletin-note-set", "Your note will open the bulletin"),
        ],
    )
    said = await chat.say("bulletin", as_="facilitator")
    lines = said.text.splitlines()
    assert lines[1:3] == ["From the facilitators", "نرحب بأعضائنا الجدد"]  # on top, in the language written
    assert "Welcome to our new members" not in said.text
    card = chat.renderer.card(said.replies[0], lang="en", zone="Asia/Beirut")
    note = card["body"][1]["items"][1]
    assert note["rtl"] is True and note["items"][0]["text"] == "نرحب بأعضائنا الجدد"
    typed = "Welcome to our new members: *three* NGOs joined!"
    await chat.say(f"bulletin note {typed}", as_="facilitator")
    card = chat.renderer.card((await chat.say("bulletin", as_="member")).replies[0], lang="ar", zone="Asia/Beirut")
    assert card["body"][1]["items"][1]["items"][0]["text"] == markdown_literal(typed)  # member text, not bold


async def test_the_day_is_chosen_and_bad_days_say_how_to_fix_them(chat: Chat) -> None:
    usage_en = "Give a day of the month from 1 to 28, and a time if you like: `bulletin day 3`"
    usage_ar = "اذكر يومًا من الشهر من ١ إلى ٢٨"
    await converse(
        chat,
        [
            ("member", "bulletin day 3", "not-facilitator"),
            ("facilitator", "bulletin day 0", "bulletin-day-usage", usage_en),
            ("facilitator", "bulletin day 29", "bulletin-day-usage", usage_en),
            ("facilitator", "bulletin day third", "bulletin-day-usage", usage_en),
            ("facilitator", "bulletin day 3 25:00", "bulletin-day-usage", usage_en),
            ("facilitator", "bulletin day ²", "bulletin-day-usage", usage_en),  # a digit to Python, not a day
            ("facilitator", "bulletin day 3 ¹0:00", "bulletin-day-usage", usage_en),
            ("facilitator", "bulletin day", "bulletin-day-usage", "`bulletin day off` stops the bulletin."),
            ("admin", "لغة عربية", "lang-set"),
            ("admin", "النشرة يوم ٣١", "bulletin-day-usage", usage_ar),
            ("facilitator", "bulletin sometimes", "bulletin-usage", "Write `bulletin` to read the draft"),
            (
                "facilitator",
                "bulletin day 3",
                "bulletin-day-set",
                "The bulletin now goes out on day 3 of each month at 09:00. The next one: Dec 3, 2026, 9:00 AM.",
            ),
            ("member", "النشرة يوم ٣ ١٠:٠٠", "not-facilitator"),
            ("admin", "النشرة يوم ٣ ١٠:٠٠", "bulletin-day-set", "النشرة القادمة: ٠٣‏/١٢‏/٢٠٢٦، ١٠:٠٠ ص"),
            ("facilitator", "bulletin day off", "bulletin-day-off", "`bulletin day 1` turns it back on."),
            ("member", "النشرة", "bulletin-off", "النشرة الشهرية متوقفة"),
            ("facilitator", "bulletin note Hello", "bulletin-off", "A facilitator turns it on with `bulletin day 1`."),
            ("facilitator", "bulletin day 1", "bulletin-day-set", "The next one: Dec 1, 2026, 9:00 AM."),
        ],
    )


async def test_a_series_counts_each_meeting_held_in_the_month_but_not_those_called_off(
    chat: Chat, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    await chat.say("meeting add Kick-off | 2026-10-27 10:00", as_="facilitator")  # October: not November's
    await chat.say("meeting add Coordination call | 2026-11-03 10:00 | every week", as_="facilitator")
    await chat.say("meeting cancel 2 | 10 November", as_="facilitator")
    clock.now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    said = await chat.say("bulletin", as_="facilitator")
    assert "3 meetings held" in said.text and "Kick-off" not in said.text
    held = [line for line in said.text.splitlines() if line.startswith("#2 Coordination call")]
    assert held == [
        "#2 Coordination call · Nov 3, 2026, 10:00 AM",
        "#2 Coordination call · Nov 17, 2026, 10:00 AM",
        "#2 Coordination call · Nov 24, 2026, 10:00 AM",
    ]
    assert "#2 · Coordination call · Dec 1, 2026, 10:00 AM" in said.text  # and the coming ones


async def pending_bulletins(chat: Chat) -> list[Notification]:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification).where(Notification.kind == "monthly-bulletin").order_by(Notification.id)
        )
        return list(rows)


async def test_the_outbox_posts_it_in_the_channel_in_both_languages(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    await chat.say("bulletin day 3 10:00", as_="facilitator")
    await chat.say("النشرة ملاحظة نرحب بأعضائنا الجدد", as_="facilitator")
    [row] = await pending_bulletins(chat)
    assert (row.channel, row.status, row.payload) == (True, outbox.PENDING, {"period": "2026-11-01"})
    assert row.due_at.isoformat() == "2026-12-03T08:00:00+00:00"  # 10:00 in Beirut

    reply = await chat.compose(row, row.due_at)
    assert reply is not None and reply.key == "bulletin-posted" and isinstance(reply.view, Bulletin)
    for lang, words in (
        ("en", ("The community's monthly bulletin: November 2026", "1 meeting held", "Adopt the shared thresholds")),
        ("ar", ("النشرة الشهرية للمجتمع: نوفمبر ٢٠٢٦", "عُقد اجتماع واحد", "Adopt the shared thresholds")),
    ):
        text = plain(chat.renderer.text(reply, lang=lang, zone="Asia/Beirut"))
        assert all(word in text for word in words), (lang, text)
        assert "Relocate the team" not in text and "Chlorinate the tanks" not in text

    post = chat.renderer.channel_activity(reply, langs=("ar", "en"), zone="Asia/Beirut").attachments[0].content
    arabic, english = post["body"][:2]
    assert (arabic["rtl"], english["rtl"]) == (True, False)
    ar_text, en_text = plain(card_text(arabic)), plain(card_text(english))
    assert "النشرة الشهرية للمجتمع" in ar_text and "The community's monthly bulletin" in en_text
    assert "نرحب بأعضائنا الجدد" in ar_text and "نرحب بأعضائنا الجدد" not in en_text  # the note once, as written
    assert "(Beirut time)" in en_text  # a channel post names its times' zone

    await chat.say("reminders languages en", as_="facilitator")  # the channel is read in English only
    reply = await chat.compose(row, row.due_at)
    assert reply is not None
    english_only = chat.renderer.channel_activity(reply, langs=("en",), zone="Asia/Beirut").attachments[0].content
    assert "نرحب بأعضائنا الجدد" in plain(card_text(english_only))  # not lost where its language is not posted


async def test_a_sent_month_is_not_sent_again_and_turning_it_off_cancels_it(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    await chat.say("bulletin day 1", as_="facilitator")
    [row] = await pending_bulletins(chat)
    async with chat.sessions.begin() as session:  # the dispatcher sent it on 1 December
        (await session.get(Notification, row.id)).status = outbox.SENT
    clock.now = row.due_at
    clock.advance(hours=1)
    said = await chat.say("bulletin day 2", as_="facilitator")  # 2 December: November went out already
    assert "The next one: Jan 2, 2027, 9:00 AM." in said.text
    said = await chat.say("bulletin", as_="facilitator")
    assert said.text.startswith("Draft of the monthly bulletin for December 2026.")
    assert "Monthly follow-up" not in said.text  # held in November
    assert "⚠ #1 Share the 4W data" in said.text  # still overdue

    [_, planned] = await pending_bulletins(chat)
    assert planned.payload == {"period": "2026-12-01"} and planned.status == outbox.PENDING
    await chat.say("bulletin day off", as_="facilitator")
    [_, cancelled] = await pending_bulletins(chat)
    assert cancelled.status == outbox.CANCELLED
    assert await chat.compose(cancelled, cancelled.due_at) is None  # turned off: nothing posted


@pytest.mark.parametrize(
    "state",
    [
        {"attempts": 1, "retry_in": 2},  # Teams failed at 09:00: tried again at 11:00
        {"send_started": True},  # being sent right now
        {},  # due, not yet taken by the dispatcher
    ],
    ids=["waiting-for-retry", "in-flight", "due"],
)
async def test_a_month_being_sent_is_not_planned_again_when_the_day_changes(
    chat: Chat, clock: FakeClock, state: dict[str, object]
) -> None:
    await a_month(chat, clock)
    await chat.say("bulletin day 1", as_="facilitator")
    [first] = await pending_bulletins(chat)
    clock.now = first.due_at
    clock.advance(hours=1)  # 1 December, 10:00 in Beirut
    async with chat.sessions.begin() as session:
        row = await session.get(Notification, first.id)
        row.attempts = int(state.get("attempts", 0))
        row.due_at = first.due_at + timedelta(hours=int(state.get("retry_in", 0)))
        row.send_started_at = clock.now if state.get("send_started") else None
    said = await chat.say("bulletin day 2", as_="facilitator")
    assert "The next one: Jan 2, 2027, 9:00 AM." in said.text  # December's: November's is on its way
    november, december = await pending_bulletins(chat)
    assert (november.id, november.status, november.payload) == (first.id, outbox.PENDING, {"period": "2026-11-01"})
    assert (december.status, december.payload) == (outbox.PENDING, {"period": "2026-12-01"})
    assert await chat.compose(november, november.due_at) is not None  # still goes out, once


async def test_a_month_planned_twice_before_is_posted_once(chat: Chat, clock: FakeClock) -> None:
    await a_month(chat, clock)
    await chat.say("bulletin day 1", as_="facilitator")
    [first] = await pending_bulletins(chat)
    async with chat.sessions.begin() as session:  # the row an older version planned for day 2 while it was retried
        day_2 = first.due_at + timedelta(days=1)
        stem = first.dedup_key.removesuffix(first.due_at.isoformat())
        twice = outbox.Planned("monthly-bulletin", f"{stem}{day_2.isoformat()}", day_2, first.payload, channel=True)
        await outbox.queue(session, community_id=first.community_id, subject=first.subject, message=twice, now=clock())
        (await session.get(Notification, first.id)).status = outbox.SENT
    [_, second] = await pending_bulletins(chat)
    assert await chat.compose(second, second.due_at) is None  # the month went out: cancelled, not posted again
    async with chat.sessions.begin() as session:  # an e-mail copy of the sent one is still sent
        copy = outbox.Planned(
            "monthly-bulletin", f"{first.dedup_key}:mail:{chat.ids['member']}", first.due_at,
            {**first.payload, "mail": True}, member_id=chat.ids["member"],
        )  # fmt: skip
        await outbox.queue(session, community_id=first.community_id, subject=first.subject, message=copy, now=clock())
    [*_, mailed] = await pending_bulletins(chat)
    assert mailed.channel is False and await chat.compose(mailed, mailed.due_at) is not None


async def test_a_quiet_month_posts_nothing(chat: Chat) -> None:
    await chat.say("bulletin day 1", as_="facilitator")
    [row] = await pending_bulletins(chat)
    assert await chat.compose(row, row.due_at) is None
