"""Questions for the facilitators: open → assigned → answered → closed, the card updating in place for everyone it
went to, the asker told at each step (outbox rows and their composers), one re-post after three days, a working
group's lead answering its questions, and an answer turned into an FAQ entry."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from dialogs.common import outbox
from dialogs.common.replies import Reply
from dialogs.questions.views import AnswerCard, AskerTicketCard, TicketCard, TicketReceipt
from storage.models import Notification, Ticket, TicketStatus, WorkingGroup, WorkingGroupMember
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def rows(chat: Chat, kind: str | None = None) -> list[Notification]:
    async with chat.sessions() as session:
        query = select(Notification).order_by(Notification.id)
        if kind:
            query = query.where(Notification.kind == kind)
        return list(await session.scalars(query))


async def compose(chat: Chat, row: Notification, *, days: float = 0) -> Reply | None:
    """What the dispatcher would send for a row (at its due time, or later)."""
    return await chat.compose(row, row.due_at + timedelta(days=days))


async def press(chat: Chat, who: str, verb: str, data: Any) -> Reply:
    return (await chat.press(verb, data, as_=who)).replies[0]


def text(chat: Chat, reply: Reply, lang: str) -> str:
    return chat.renderer.text(reply, lang=lang, zone="Asia/Beirut").replace("\u2068", "").replace("\u2069", "")


async def status(chat: Chat) -> str:
    async with chat.sessions() as session:
        return (await session.scalar(select(Ticket))).status.value


async def test_the_whole_lifecycle(chat: Chat, clock: FakeClock) -> None:
    opened = await chat.say("اسأل هل يمكن للمراقبين حضور الاجتماع العام؟", as_="member")
    assert opened.key == "ticket-opened"
    assert "أُرسل سؤالك إلى الميسّرين بوصفه السؤال رقم ١" in opened.text

    posted = await rows(chat, "ticket-posted")
    assert {row.member_id for row in posted} == {chat.ids["admin"], chat.ids["facilitator"]}
    reposts = await rows(chat, "ticket-repost")
    assert {row.due_at - row.created_at for row in reposts} == {timedelta(days=3)}
    card_reply = await compose(chat, next(r for r in posted if r.member_id == chat.ids["facilitator"]))
    assert card_reply is not None and card_reply.key == "ticket-new"
    card = chat.renderer.card(card_reply, lang="en", zone="Asia/Beirut")
    assert "Question #1 for you" in text(chat, card_reply, "en")
    assert "Asked by: عمر خليل" in text(chat, card_reply, "en")
    assert "Tansiq had nothing close to offer." in text(chat, card_reply, "en")
    assert set(card["refresh"]["userIds"]) == {"29:1amal", "29:1leila"}
    assert [a.get("verb") or a["type"] for a in card["actions"]] == [
        "ticket-take",
        "Action.ShowCard",
        "ticket-close",
    ]

    taken = await press(chat, "facilitator", "ticket-take", {"ticket": 1})
    assert taken.key == "ticket-taken" and await status(chat) == "assigned"
    [assigned] = await rows(chat, "ticket-assigned")
    assert assigned.member_id == chat.ids["member"]
    told = await compose(chat, assigned)
    assert told is not None and "يتابع Leila Haddad سؤالك رقم ١." in text(chat, told, "ar")

    refreshed = await press(chat, "admin", "ticket-refresh", {"ticket": 1})  # Amal's copy updates in place
    shown = text(chat, refreshed, "en")
    assert "Taken by: Leila Haddad" in shown and "Status: Taken" in shown
    assert "ticket-take" not in str(chat.renderer.card(refreshed, lang="en", zone="UTC")["actions"])

    answered = await chat.say(
        "answer 1 Yes, observers are welcome with the facilitators' agreement.", as_="facilitator"
    )
    assert answered.key == "ticket-answer-sent" and await status(chat) == "answered"
    [answer_row] = await rows(chat, "ticket-answered")
    answer_card = await compose(chat, answer_row)
    assert answer_card is not None and isinstance(answer_card.view, AskerTicketCard)
    asker_sees = text(chat, answer_card, "ar")
    assert "وصل جواب سؤالك رقم ١" in asker_sees and "Yes, observers are welcome" in asker_sees
    buttons = chat.renderer.card(answer_card, lang="ar", zone="UTC")["actions"]
    assert [b["verb"] for b in buttons] == ["ticket-helped", "ticket-reopen"]

    reopened = await press(chat, "member", "ticket-reopen", {"ticket": 1})
    assert reopened.key == "ticket-reopened" and await status(chat) == "assigned"
    back = {r.member_id: r for r in await rows(chat, "ticket-posted") if r.dedup_key.count(":") > 2}
    assert (await compose(chat, back[chat.ids["facilitator"]])).key == "ticket-back"  # back to Leila, who had it
    assert await compose(chat, back[chat.ids["admin"]]) is None  # not Amal's to answer: nothing sent to her

    clock.advance(hours=2)
    again = await press(chat, "facilitator", "ticket-answer", {"ticket": 1, "answer": "Yes: register them by e-mail."})
    assert again.key == "ticket-answer-sent"
    assert len(await rows(chat, "ticket-answered")) == 2
    thanked = await press(chat, "member", "ticket-helped", {"ticket": 1})
    assert thanked.key == "ticket-thanks" and await status(chat) == "closed"
    assert (await chat.say("answer 1 too late", as_="facilitator")).key == "ticket-closed"

    made = await chat.say("ticket faq 1", as_="facilitator")
    assert made.key == "ticket-faq-made" and "Question #1 is now FAQ #1." in made.text
    assert (await chat.say("ticket faq 1", as_="facilitator")).key == "ticket-faq-exists"
    asked_again = await chat.say("هل يمكن للمراقبين حضور الاجتماع العام؟", as_="guest")
    assert asked_again.key == "question-answer" and "register them by e-mail" in asked_again.text

    for row in await rows(chat, "ticket-repost"):  # answered long before the third day: nothing is re-posted
        assert await compose(chat, row, days=0) is None


async def test_an_unanswered_question_is_posted_again_once_after_three_days(chat: Chat, clock: FakeClock) -> None:
    await chat.say("ask Who pays for the interpretation at the plenary?", as_="guest")
    reposts = await rows(chat, "ticket-repost")
    assert len(reposts) == 2 and all(r.due_at == clock() + timedelta(days=3) for r in reposts)
    reminder = await compose(chat, reposts[0])
    assert reminder is not None and reminder.key == "ticket-still-waiting"
    assert "Question #1 has waited 3 days for an answer" in text(chat, reminder, "en")
    async with chat.sessions.begin() as session:
        again = await outbox.queue(
            session,
            community_id=chat.community_id,
            subject="ticket:1",
            message=outbox.Planned(kind="ticket-repost", dedup_key=reposts[0].dedup_key, due_at=clock()),
            now=clock(),
        )
    assert again is False  # one re-post per person, however often it is planned


async def test_lists_and_rights(chat: Chat) -> None:
    await chat.say("ask Can we translate the minutes into French?", as_="guest")
    await chat.say("اسأل متى تصدر النشرة الشهرية؟", as_="member")
    assert (await chat.say("tickets", as_="member")).key == "not-facilitator"
    assert (await chat.say("answer 1 no", as_="member")).key == "ticket-not-handler"
    assert (await chat.say("ticket 1", as_="member")).key == "ticket-not-handler"  # not his question
    mine = await chat.say("ticket 2", as_="member")
    assert mine.key == "ticket-card" and isinstance(mine.replies[0].view, AskerTicketCard)
    listed = await chat.say("tickets", as_="facilitator")
    assert "Questions waiting for an answer (2)" in listed.text and "#2 · متى تصدر النشرة الشهرية؟" in listed.text
    await chat.say("ticket take 2", as_="facilitator")
    assert "Questions you took (1)" in (await chat.say("tickets mine", as_="facilitator")).text
    assert (await chat.say("tickets someday", as_="facilitator")).key == "tickets-filter-unknown"
    assert (await chat.say("answer 9 yes", as_="facilitator")).key == "ticket-unknown"
    assert (await chat.say("answer 1", as_="facilitator")).key == "ticket-answer-missing"
    assert (await chat.say("ticket faq 1", as_="facilitator")).key == "ticket-not-answered"
    closed = await chat.say("ticket close 1", as_="facilitator")
    assert closed.key == "ticket-closed-now"
    [told] = await rows(chat, "ticket-closed")
    notice = await compose(chat, told)
    assert notice is not None and "was closed without an answer" in text(chat, notice, "en")
    own = await chat.say("تذكرة إغلاق ٢", as_="member")  # the asker closes their own question
    assert own.key == "ticket-closed-by-asker"
    assert not [r for r in await rows(chat, "ticket-closed") if r.member_id == chat.ids["member"]]


async def test_a_working_groups_question_goes_to_its_lead(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        group = WorkingGroup(community_id=chat.community_id, name="WASH · المياه والصرف الصحي", scope="")
        session.add(group)
        await session.flush()
        session.add(WorkingGroupMember(group_id=group.id, member_id=chat.ids["member"], role="lead"))
    said = await chat.say("What chlorine dose does the WASH group recommend?", as_="guest")
    assert said.key == "question-sent" and "the lead of WASH · المياه والصرف الصحي" in said.text
    [posted] = await rows(chat, "ticket-posted")
    assert posted.member_id == chat.ids["member"]  # Omar leads the group; the facilitators are not disturbed
    answered = await chat.say("أجب ١ نصف ملغ لكل لتر.", as_="member")  # a lead answers without being a facilitator
    assert answered.key == "ticket-answer-sent"
    assert (await chat.say("answer 1 0.5 mg per litre", as_="facilitator")).key == "ticket-answer-sent"


async def test_ask_a_facilitator_from_an_answer_card_records_what_was_offered(chat: Chat) -> None:
    await chat.say("faq add How do I register for the workshop? | Use the form before Friday.", as_="facilitator")
    said = await chat.say("how do I register for the workshop?", as_="guest")
    answered = said.replies[0].view
    assert isinstance(answered, AnswerCard)
    card = chat.renderer.card(said.replies[0], lang="en", zone="UTC")
    escalate = card["actions"][1]
    assert escalate["verb"] == "question-escalate"
    receipt = await press(chat, "guest", escalate["verb"], escalate["data"])
    assert receipt.key == "ticket-opened" and isinstance(receipt.view, TicketReceipt)
    async with chat.sessions() as session:
        ticket = await session.scalar(select(Ticket))
    assert ticket.status is TicketStatus.OPEN
    assert ticket.offered == [
        {
            "ref": answered.answer.ref,
            "kind": "faq",
            "number": 1,
            "title": "How do I register for the workshop?",
        }
    ]
    [row] = [r for r in await rows(chat, "ticket-posted") if r.member_id == chat.ids["facilitator"]]
    assert "How do I register for the workshop?" in text(chat, await compose(chat, row), "en")


@pytest.mark.parametrize(
    "verb, data",
    [
        ("ticket-take", None),
        ("ticket-take", {"ticket": "x"}),
        ("ticket-take", {"ticket": 99}),
        ("ticket-fly", {"ticket": 1}),
        ("question-escalate", {"question": ""}),
        ("answer-helped", {"ref": "faq:abc"}),
        ("question-escalate", "text"),
    ],
)
async def test_malformed_buttons_are_refused_politely(chat: Chat, verb: str, data: Any) -> None:
    await chat.say("ask Is there a template for the 4W?", as_="guest")
    reply = await press(chat, "facilitator", verb, data)
    assert reply.key == "card-data-invalid"


async def test_a_leads_question_about_their_own_group_goes_to_the_facilitators(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        group = WorkingGroup(community_id=chat.community_id, name="WASH · المياه والصرف الصحي", scope="")
        session.add(group)
        await session.flush()
        session.add(WorkingGroupMember(group_id=group.id, member_id=chat.ids["member"], role="lead"))
    said = await chat.say("ask What chlorine dose does the WASH group recommend?", as_="member")
    assert said.key == "ticket-opened" and "الميسّرين" in said.text and "قائد" not in said.text
    posted = {row.member_id for row in await rows(chat, "ticket-posted")}
    assert posted == {chat.ids["facilitator"], chat.ids["admin"]}


async def test_the_only_facilitators_question_is_sent_to_them_and_the_receipt_says_so(chat: Chat) -> None:
    from storage.models import Member, Role

    async with chat.sessions.begin() as session:
        (await session.get(Member, chat.ids["admin"])).role = Role.MEMBER
    said = await chat.say("ask Where do we keep the signed minutes?", as_="facilitator")
    assert said.key == "ticket-opened" and "Sent to you (you are the only facilitator)" in said.text
    assert [row.member_id for row in await rows(chat, "ticket-posted")] == [chat.ids["facilitator"]]


async def test_a_refresh_button_shows_a_ticket_only_to_its_asker_and_handlers(chat: Chat) -> None:
    await chat.say("ask Can we translate the minutes into French?", as_="guest")
    async with chat.sessions() as session:
        ticket_id = await session.scalar(select(Ticket.id))
    assert (await press(chat, "member", "ticket-refresh", {"ticket": ticket_id})).key == "ticket-not-handler"
    own = await press(chat, "guest", "ticket-refresh", {"ticket": ticket_id})
    assert own.key == "ticket-card" and isinstance(own.view, AskerTicketCard)
    full = await press(chat, "facilitator", "ticket-refresh", {"ticket": ticket_id})
    assert full.key == "ticket-card" and isinstance(full.view, TicketCard)
