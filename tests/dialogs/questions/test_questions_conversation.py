"""Members ask questions in Arabic and English, phrased many ways: the FAQ answers with its source, live facts come
from the database, published minutes and decisions are found (confidential ones never), and the bot is honest when
it is not sure."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dialogs.meetings.views import MeetingCard
from dialogs.questions.views import AnswerCard, Suggestions
from storage.models import FaqEntry, Member, Ticket
from tests.chat import Chat
from tests.fakes import FakeClock

FAQ = [
    "faq add How do I register for the training workshop?; How can I sign up for the workshop? "
    "| Fill in the registration form before Friday. | tags training | source https://forms.example/register",
    "faq edit 1 كيف أسجل في ورشة التدريب؟; كيف أشارك في الورشة التدريبية؟ | املأ استمارة التسجيل قبل يوم الجمعة.",
    "faq add Who is eligible for cash assistance?; cash transfer eligibility "
    "| Households registered with a partner and assessed as vulnerable. | tags cash",
    "الأسئلة الشائعة إضافة كيف أحصل على شهادة الحضور؟ "
    "| تُرسل الشهادات بالبريد الإلكتروني بعد أسبوع من الورشة. | وسوم تدريب",
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    said = await chat.say(
        "meeting add Monthly follow-up | 2026-12-03 10:00 | every month | https://teams.example/j/1", as_="facilitator"
    )
    assert said.key == "meeting-added"
    for command in FAQ:
        said = await chat.say(command, as_="facilitator")
        assert said.key in ("faq-added", "faq-edited"), said.text
    return chat


ANSWERED = [
    ("member", "كَيْفَ أُسَجِّلُ في ورشة التدريب؟", 1),  # diacritics
    ("member", "كيف اسجل في ورشه التدريب", 1),  # no hamza, ha for ta marbuta
    ("guest", "كيف أشارك في الورشات التدريبية؟", 1),  # plural, another phrasing
    ("facilitator", "How do I sign up for the training workshop?", 1),
    ("facilitator", "registering for the training workshop", 1),  # English inflections
    ("admin", "who is eligible for cash assistance", 2),
    ("admin", "Cash transfer eligibility?", 2),
    ("member", "كيف احصل على شهادة الحضور", 3),
    ("member", "كيف أحصل على شهادات الحضور؟", 3),
]


@pytest.mark.parametrize("who, says, number", ANSWERED)
async def test_questions_phrased_many_ways_get_their_answer_with_its_source(chat: Chat, who, says, number) -> None:
    said = await chat.say(says, as_=who)
    assert said.key == "question-answer", said.text
    card = said.replies[0].view
    assert isinstance(card, AnswerCard)
    assert (card.answer.kind, card.answer.number) == ("faq", number)
    assert ("FAQ #" in said.text) or ("السؤال الشائع رقم" in said.text)


async def test_the_answer_is_in_the_readers_language_with_its_buttons(chat: Chat) -> None:
    arabic = await chat.say("How can I sign up for the workshop?", as_="member")  # Omar reads Arabic
    assert "املأ استمارة التسجيل قبل يوم الجمعة." in arabic.text
    assert "السؤال الشائع رقم ١ · training · [المصدر](https://forms.example/register)" in arabic.text
    card = chat.renderer.card(arabic.replies[0], lang="ar", zone="Asia/Beirut")
    assert card["rtl"] is True
    assert [(a["verb"], a["title"]) for a in card["actions"]] == [
        ("answer-helped", "أفادني هذا الجواب"),
        ("question-escalate", "اسأل أحد الميسّرين"),
    ]
    english = await chat.say("كيف أسجل في ورشة التدريب؟", as_="facilitator")  # Leila reads English
    assert "Fill in the registration form before Friday." in english.text


async def test_an_entry_only_in_the_other_language_is_given_saying_so(chat: Chat) -> None:
    english_reader = await chat.say("كيف أحصل على شهادة الحضور؟", as_="facilitator")
    assert english_reader.key == "question-answer"
    assert "This answer is only written in Arabic so far:" in english_reader.text
    assert "تُرسل الشهادات بالبريد الإلكتروني" in english_reader.text
    arabic_reader = await chat.say("Who is eligible for cash assistance?", as_="member")
    assert "هذا الجواب مكتوب بالإنجليزية فقط حتى الآن:" in arabic_reader.text


async def test_a_vague_question_gets_up_to_three_close_entries_and_the_offer(chat: Chat) -> None:
    said = await chat.say("training certificate", as_="facilitator")
    assert said.key == "question-unsure", said.text
    suggestions = said.replies[0].view
    assert isinstance(suggestions, Suggestions)
    close = suggestions.close
    assert 1 <= len(close) <= 3
    assert "I am not sure I have the answer." in said.text
    card = chat.renderer.card(said.replies[0], lang="en", zone="UTC")
    [escalate] = card["actions"]  # the one button; the close entries are tappable lines
    assert escalate["verb"] == "question-escalate" and escalate["data"]["offered"] == [view.ref for view in close]
    lines = [item["selectAction"] for item in card["body"] if "selectAction" in item]
    assert len(lines) == len(close)
    shown = await chat.submit(lines[0]["data"], as_="facilitator")  # tapping a close entry
    assert shown.key == "question-answer"


async def test_nothing_close_and_a_real_question_goes_to_the_facilitators(chat: Chat, sessions) -> None:
    said = await chat.say("What is the budget for shelter kits in Idlib this winter?", as_="guest")
    assert said.key == "question-sent"
    assert "sent it to the facilitators as question #1" in said.text  # Sami has no locale: the question's language
    async with sessions() as session:
        ticket = await session.scalar(select(Ticket))
    assert ticket.question == "What is the budget for shelter kits in Idlib this winter?" and ticket.offered == []
    not_a_question = await chat.say("zebra giraffe", as_="facilitator")
    assert not_a_question.key == "question-no-answer"


@pytest.mark.parametrize(
    "says, key",
    [("hello", "question-greeting"), ("السلام عليكم", "question-greeting"), ("شكرا جزيلا", "question-thanks")],
)
async def test_greetings_and_thanks(chat: Chat, says: str, key: str) -> None:
    assert (await chat.say(says, as_="member")).key == key


async def test_the_index_follows_edits_and_removals(chat: Chat) -> None:
    await chat.say("faq edit 2 Who is eligible for cash assistance? | Any household on the partner lists.", as_="admin")
    said = await chat.say("who is eligible for cash assistance?", as_="admin")
    assert "Any household on the partner lists." in said.text
    await chat.say("faq remove 2", as_="admin")
    gone = await chat.say("who is eligible for cash assistance?", as_="admin")
    assert gone.key != "question-answer"


async def test_helped_counts_and_the_card_loses_its_buttons(chat: Chat, sessions, clock: FakeClock) -> None:
    said = await chat.say("How do I sign up for the training workshop?", as_="facilitator")
    answered = said.replies[0].view
    assert isinstance(answered, AnswerCard)
    reply = (await chat.press("answer-helped", {"ref": answered.answer.ref}, as_="member")).replies[0]
    assert reply.key == "answer-thanks"
    card = chat.renderer.card(reply, lang="ar", zone="UTC")
    assert card["actions"] == [] and "يسعدني أنه أفادك" in str(card)
    async with sessions() as session:
        assert (await session.scalar(select(FaqEntry).where(FaqEntry.number == 1))).helpful == 1


# ---- live facts -------------------------------------------------------------------------------------------

LIVE = [
    ("member", "متى الاجتماع القادم؟", "fact-next-meeting"),
    ("member", "امتى الاجتماع الجاي؟", "fact-next-meeting"),
    ("member", "الاجتماع القادم متى؟", "fact-next-meeting"),  # starts with a command word
    ("guest", "When do we meet next?", "fact-next-meeting"),
    ("facilitator", "link for the next meeting?", "fact-next-meeting"),
    ("member", "ما جدول أعمال الاجتماع القادم؟", "agenda"),
    ("facilitator", "What's on the agenda for the next meeting?", "agenda"),
    ("member", "ما هي مهامي؟", "actions-list"),
    ("facilitator", "what are my open action points?", "actions-list"),
    ("member", "مين الميسرين؟", "fact-facilitators"),
    ("facilitator", "Who runs this community?", "fact-facilitators"),
    ("member", "كيف أنضم إلى مجموعة عمل؟", "groups-list"),
    ("facilitator", "Which working groups are there?", "groups-list"),
    ("member", "كيف أضيف بندًا إلى جدول الأعمال؟", "fact-agenda-how"),
    ("facilitator", "How can I propose a topic for the meeting?", "fact-agenda-how"),
]


@pytest.mark.parametrize("who, says, key", LIVE)
async def test_live_facts_in_both_languages_and_several_phrasings(chat: Chat, who: str, says: str, key: str) -> None:
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text


async def test_the_next_meeting_is_in_the_members_zone_with_its_link(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        omar = await session.get(Member, chat.ids["member"])
        omar.timezone = "Asia/Riyadh"
    said = await chat.say("متى الاجتماع القادم؟", as_="member")
    # 11:00 in Riyadh (UTC+3), and the meeting's own 10:00 in Beirut (UTC+2)
    assert "٠٣‏/١٢‏/٢٠٢٦، ١١:٠٠ ص · ٠٣‏/١٢‏/٢٠٢٦، ١٠:٠٠ ص (Asia/Beirut)" in said.text
    meeting = said.replies[0].view
    assert isinstance(meeting, MeetingCard)
    assert meeting.meeting.link == "https://teams.example/j/1"  # the card's Join button
    english = await chat.say("when is the next meeting?", as_="facilitator")
    assert "Dec 3, 2026, 10:00 AM" in english.text


async def test_live_answers_come_from_the_database(chat: Chat) -> None:
    await chat.say("action add Share the flood data | me | 2026-12-20", as_="member")
    mine = await chat.say("ما هي مهامي؟", as_="member")
    assert "Share the flood data" in mine.text
    facilitators = await chat.say("who are the facilitators?", as_="facilitator")
    assert "Amal Zoubi, Leila Haddad" in facilitators.text
    how = await chat.say("how do I add an agenda item?", as_="facilitator")
    assert "agenda add TITLE | DETAILS" in how.text and "Dec 1, 2026, 10:00 AM" in how.text


async def test_without_a_meeting_the_bot_says_so(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    assert (await chat.say("When is the next meeting?", as_="guest")).key == "fact-no-meeting"
    assert (await chat.say("ما جدول أعمال الاجتماع القادم؟", as_="member")).key == "fact-no-meeting"


# ---- minutes and decisions ----------------------------------------------------------------------------------


async def test_published_decisions_and_minutes_answer_with_meeting_and_date(chat: Chat, clock: FakeClock) -> None:
    await chat.say("agenda add Flood early-warning thresholds", as_="member")
    await chat.say("agenda add Staff security incident | | confidential", as_="member")
    await chat.say("agenda accept 1", as_="facilitator")
    await chat.say("agenda accept 2", as_="facilitator")
    clock.advance(days=9, hours=-1)  # during the meeting of 3 December
    await chat.say("decision add Adopt the river gauge thresholds for the Orontes basin | item 1", as_="facilitator")
    await chat.say("decision add Relocate the Aleppo warehouse staff | item 2", as_="facilitator")
    await chat.say(
        "minutes edit 1 | The partners agreed to pilot cash pre-positioning in Hama before spring.", as_="facilitator"
    )
    before = await chat.say("Which river gauge thresholds were adopted for the Orontes basin?", as_="facilitator")
    assert before.key != "question-answer"  # not published yet: not searchable
    await chat.say("meeting close 1", as_="facilitator")
    assert (await chat.say("minutes publish 1", as_="facilitator")).key == "minutes-published"

    decision = await chat.say("Which river gauge thresholds were adopted for the Orontes basin?", as_="facilitator")
    assert decision.key == "question-answer", decision.text
    assert "Adopt the river gauge thresholds for the Orontes basin" in decision.text
    assert "Decision #1 — Monthly follow-up, Dec 3, 2026" in decision.text
    minutes = await chat.say("where will cash pre-positioning be piloted?", as_="facilitator")
    assert minutes.key in ("question-answer", "question-unsure"), minutes.text
    assert "Minutes of Monthly follow-up, Dec 3, 2026" in minutes.text
    confidential = await chat.say("Was the Aleppo warehouse staff relocated?", as_="facilitator")
    assert "Relocate the Aleppo warehouse staff" not in confidential.text
