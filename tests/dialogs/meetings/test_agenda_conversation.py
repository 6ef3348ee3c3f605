"""The agenda cycle: members propose items, facilitators accept, defer, remove and order them; the deadline
sends late items to the following meeting; closing carries the undiscussed ones forward exactly once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from storage.models import AgendaItem, AgendaStatus, MeetingOccurrence
from tests.chat import Chat, converse
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    said = await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    assert said.key == "meeting-added"
    return chat


async def items(chat: Chat) -> list[tuple[int, str, str, str]]:
    """(number, title, status, meeting day) of every agenda item."""
    async with chat.sessions() as session:
        rows = await session.execute(
            select(AgendaItem.number, AgendaItem.title, AgendaItem.status, MeetingOccurrence.starts_at)
            .join(MeetingOccurrence)
            .order_by(AgendaItem.number)
        )
        return [(n, t, s.value, f"{at:%m-%d}") for n, t, s, at in rows]


CONVERSATION = [
    ("member", "agenda add Flood early-warning triggers | review the thresholds", "agenda-item-added"),
    ("member", "agenda add", "agenda-form"),
    ("member", "agenda add | only details", "agenda-title-missing"),
    ("member", "agenda add Flood early warning triggers", "agenda-duplicate"),
    ("guest", "جدول إضافة تحديث مجموعة النقد | عرض مختصر", "agenda-item-added"),
    ("member", "agenda accept 1", "not-facilitator"),
    ("facilitator", "agenda accept 1", "agenda-item-accepted"),
    ("facilitator", "agenda accept 1", "agenda-item-accepted"),
    ("facilitator", "agenda accept", "agenda-number-missing"),
    ("facilitator", "agenda accept 99", "agenda-unknown"),
    ("facilitator", "جدول تأجيل ٢", "agenda-item-deferred"),
    ("facilitator", "agenda remove 2", "agenda-item-removed"),
    ("facilitator", "agenda remove 2", "agenda-item-closed"),
    ("facilitator", "agenda order 1 1", "agenda-order-repeated"),
    ("facilitator", "agenda order one two", "agenda-order-usage"),
    ("member", "agenda add Shelter kits pipeline | | presenter", "agenda-presenter-missing"),
    ("member", "agenda add Shelter kits pipeline | for 7", "meeting-unknown"),
    ("member", "agenda frobnicate", "agenda-usage"),
    ("member", "agenda", "agenda"),
]


async def test_agenda_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)
    assert await items(chat) == [
        (1, "Flood early-warning triggers", "accepted", "12-03"),
        (2, "تحديث مجموعة النقد", "removed", "12-03"),
    ]


async def test_the_agenda_card_shows_accepted_items_first_with_who_proposed_them(chat: Chat) -> None:
    await chat.say("agenda add Cash transfer values | harmonise across partners", as_="member")
    await chat.say("agenda add Protection referral pathways | | presenter <at>Leila Haddad</at> | minutes", as_="guest")
    await chat.say("agenda accept 2", as_="facilitator")
    english = await chat.say("agenda", as_="facilitator")
    assert english.text.index("Protection referral pathways") < english.text.index("Cash transfer values")
    assert "Proposed by عمر خليل" in english.text and "presented by Leila Haddad" in english.text
    assert "minutes requested" in english.text and "Items until Dec 1, 2026, 10:00 AM" in english.text
    assert "agenda accept|defer|remove" in english.text
    arabic = await chat.say("جدول الأعمال", as_="member")
    assert "جدول الأعمال — Monthly follow-up" in arabic.text
    assert "رقم ٢ · Protection referral pathways" in arabic.text and "مقبول" in arabic.text
    assert "للميسّرين" not in arabic.text


async def test_order_puts_the_named_items_first(chat: Chat) -> None:
    for title in ("Alpha", "Bravo", "Charlie", "Delta"):
        await chat.say(f"agenda add {title} item", as_="member")
    said = await chat.say("agenda order 3 1", as_="facilitator")
    assert said.key == "agenda-ordered" and "The agenda now starts with 3, 1." in said.text
    await chat.say("lang ar", as_="facilitator")
    arabic = await chat.say("جدول ترتيب ٤ ٢", as_="facilitator")  # the numbers answered in the digits they were typed
    assert "يبدأ جدول الأعمال الآن بالبنود ٤، ٢." in arabic.text
    await chat.say("agenda order 3 1 2", as_="facilitator")
    shown = (await chat.say("agenda", as_="member")).text
    positions = [shown.index(f"{title} item") for title in ("Charlie", "Alpha", "Bravo", "Delta")]
    assert positions == sorted(positions)


async def test_after_the_deadline_a_members_item_goes_to_the_following_meeting(chat: Chat, clock: FakeClock) -> None:
    clock.advance(days=7)  # 1 December 09:00 UTC: an hour past the 48-hour deadline of 3 December 10:00 Beirut
    said = await chat.say("agenda add Late point", as_="member")
    assert said.key == "agenda-item-added-next"
    assert "للاجتماع التالي (٠٣‏/٠١‏/٢٠٢٧" in said.text  # told in Arabic, dates with Arabic-Indic digits
    facilitator = await chat.say("agenda add Urgent facilitator point", as_="facilitator")
    assert facilitator.key == "agenda-item-added"
    assert [(n, day) for n, _t, _s, day in await items(chat)] == [(1, "01-03"), (2, "12-03")]


async def test_a_one_off_meeting_past_its_deadline_refuses_with_the_deadline(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting cancel 1 | all", as_="facilitator")
    await chat.say("meeting add Donor briefing | 2026-11-25 15:00", as_="facilitator")
    said = await chat.say("agenda add Funding gaps", as_="member")
    assert said.key == "agenda-deadline-passed"
    assert await items(chat) == []


async def test_closing_carries_undiscussed_items_forward_once(chat: Chat, clock: FakeClock) -> None:
    for title in ("Discussed point", "Skipped point", "Proposed point", "Deferred point"):
        await chat.say(f"agenda add {title}", as_="member")
    for command in ("agenda accept 1", "agenda accept 2", "agenda defer 4"):
        await chat.say(command, as_="facilitator")
    early = await chat.say("meeting close 1", as_="facilitator")
    assert early.key == "meeting-not-started"

    clock.advance(days=9)  # 3 December, after the meeting started
    bad = await chat.say("meeting close 1 | skip 42", as_="facilitator")
    assert bad.key == "agenda-not-on-meeting"
    closed = await chat.say("meeting close 1 | skip 2", as_="facilitator")
    assert closed.key == "meeting-closed", closed.text
    assert "1 item discussed, 3 carried forward to Jan 3, 2027" in closed.text
    again = await chat.say("meeting close 1", as_="facilitator")
    assert again.key == "meeting-already-closed"

    assert await items(chat) == [
        (1, "Discussed point", "discussed", "12-03"),
        (2, "Skipped point", "carried", "12-03"),
        (3, "Proposed point", "carried", "12-03"),
        (4, "Deferred point", "carried", "12-03"),
        (5, "Skipped point", "accepted", "01-03"),
        (6, "Proposed point", "proposed", "01-03"),
        (7, "Deferred point", "proposed", "01-03"),
    ]
    next_agenda = await chat.say("agenda", as_="member")
    assert "Skipped point" in next_agenda.text and "Discussed point" not in next_agenda.text


async def test_two_facilitators_closing_at_once_carry_forward_once(chat: Chat, clock: FakeClock) -> None:
    await chat.say("agenda add Only point", as_="member")
    clock.advance(days=9)
    results = await asyncio.gather(
        *(
            chat.router.text(member_id=chat.ids[who], text="meeting close 1", now=clock())
            for who in ("facilitator", "admin")
        )
    )
    keys = sorted(result.replies[0].key for result in results)
    assert keys == ["meeting-already-closed", "meeting-closed"]
    async with chat.sessions() as session:
        carried = await session.scalar(
            select(func.count()).select_from(AgendaItem).where(AgendaItem.carried_from_id.is_not(None))
        )
    assert carried == 1


async def test_cancelling_an_occurrence_moves_its_open_items_to_the_next(chat: Chat) -> None:
    await chat.say("agenda add Moving point", as_="member")
    said = await chat.say("meeting cancel 1", as_="facilitator")
    assert said.key == "meeting-cancelled-one"
    assert "Its open agenda item moved to the next meeting (Jan 3, 2027" in said.text
    assert [(t, s, day) for _n, t, s, day in await items(chat)] == [
        ("Moving point", "carried", "12-03"),
        ("Moving point", "proposed", "01-03"),
    ]


async def test_the_form_proposes_with_the_same_rules(chat: Chat) -> None:
    said = await chat.submit(
        {"verb": "agenda-add", "title": "Winterisation", "details": "", "meeting": "1", "minutes": "true"},
        as_="member",
    )
    assert said.key == "agenda-item-added"
    duplicate = await chat.submit({"verb": "agenda-add", "title": "winterisation"}, as_="member")
    assert duplicate.key == "agenda-duplicate"
    async with chat.sessions() as session:
        item = await session.scalar(select(AgendaItem))
    assert item is not None and item.minutes_requested and item.status == AgendaStatus.PROPOSED


@pytest.mark.parametrize(
    "details",
    [
        "meeting notes from Aleppo",
        "by end of June, with the cash group",
        "for discussion with donors",
        "اجتماع الشركاء في حلب",
    ],
)
async def test_details_may_start_with_words_that_name_fields(chat: Chat, details: str) -> None:
    said = await chat.say(f"agenda add Flood triggers | {details}", as_="member")
    assert said.key == "agenda-item-added", said.text
    async with chat.sessions() as session:
        item = await session.scalar(select(AgendaItem))
    assert item is not None and item.details == details
