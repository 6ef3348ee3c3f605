"""The community's record, asked in members' own words: what the last meeting decided, what was decided about a
topic (in a meeting, by the members' endorsement or poll, or outside a meeting), and what the published minutes say
about it — in Arabic (standard and dialects) and English, never a confidential decision nor a working group's to
someone outside it, and saying so when there is nothing. Facilitators record decisions taken outside a meeting and
polls' results, numbered and audited like every decision."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dialogs.questions.views import Suggestions
from storage.models import AuditLog, Decision, Member, Proposal, Role
from tests.chat import Chat, converse
from tests.fakes import FakeClock


async def setup(chat: Chat, lines: list[tuple[str, str]]) -> None:
    for who, says in lines:
        said = await chat.say(says, as_=who)
        assert not said.key.endswith(("-usage", "invalid", "unknown", "missing")), (says, said.key, said.text)


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    """Two meetings held and their minutes published — the community's follow-up on Thursday 3 December (10:00 in
    Beirut) and the Cash working group's on Friday 4 December, which Sami belongs to and Omar does not — then
    decisions taken outside a meeting: one recorded by a facilitator, an endorsement the members passed and a poll's
    result; it is now Saturday 5 December."""
    chat = await Chat(sessions, clock).start()
    await setup(
        chat,
        [
            ("facilitator", "group add Cash | Cash transfers"),
            ("guest", "group join Cash"),
            ("facilitator", "meeting add Monthly follow-up | 2026-12-03 10:00 | every month"),
            ("facilitator", "meeting add Cash WG | 2026-12-04 10:00 | group Cash"),
        ],
    )
    clock.advance(days=9, hours=-0.5)  # 3 December, 08:30 UTC: the follow-up is on
    await setup(
        chat,
        [
            ("facilitator", "decision add Adopt the revised terms of reference of the coordination cell | meeting 1"),
            ("facilitator", "decision add Relocate the Aleppo warehouse staff | meeting 1 | confidential"),
            ("facilitator", "قرار إضافة توحيد قيم السلال الغذائية بين الشركاء | اجتماع ١"),
            (
                "facilitator",
                "minutes edit 1 | The partners agreed to pilot cash pre-positioning in Hama before spring.",
            ),
            ("facilitator", "minutes edit 1 ar | اتفق الشركاء على تجربة التخزين المسبق للنقد في حماة قبل الربيع."),
            ("facilitator", "meeting close 1"),
            ("facilitator", "minutes publish 1"),
        ],
    )
    clock.advance(days=1)  # 4 December, 08:30 UTC: the Cash group meets
    await setup(
        chat,
        [
            ("facilitator", "decision add Raise the transfer value for Idlib households to 120 dollars | meeting 2"),
            ("facilitator", "minutes edit 2 | The group reviewed the results of the market price survey in Idlib."),
            ("facilitator", "meeting close 2"),
            ("facilitator", "minutes publish 2"),
            ("facilitator", "decision add Extend the 4W mapping to Hama governorate | no meeting"),
            ("facilitator", "قرار إضافة تعليق التقييم المشترك في دير الزور | بدون اجتماع | سري"),
            ("facilitator", "endorse اعتماد بروتوكول السلامة المعدل للزيارات الميدانية"),
            ("member", "vote 1 endorse"),
            ("guest", "vote 1 endorse"),
            ("facilitator", "endorse close 1"),
            ("facilitator", "poll Where should the face-to-face meeting be? | Amman | Beirut | Cairo"),
            ("member", "vote 2 1"),
            ("guest", "vote 2 1"),
            ("facilitator", "poll close 2"),
            ("facilitator", "decision add from poll 2"),
        ],
    )
    clock.advance(days=1)
    return chat


# ---- recording decisions outside a meeting --------------------------------------------------------------------


async def test_decisions_outside_a_meeting_are_numbered_and_audited_like_the_others(chat: Chat) -> None:
    async with chat.sessions() as session:
        decisions = {d.number: d for d in await session.scalars(select(Decision))}
        audited = list(await session.scalars(select(AuditLog).where(AuditLog.action == "decision.added")))
        poll = await session.scalar(select(Proposal).where(Proposal.number == 2))
    assert sorted(decisions) == [1, 2, 3, 4, 5, 6, 7, 8]
    # 1-3 of the follow-up, 4 of the Cash group; 5 and 6 outside a meeting, 7 the endorsement, 8 the poll's result
    assert [decisions[n].occurrence_id is None for n in range(1, 9)] == [False] * 4 + [True] * 4
    assert decisions[6].confidential and not decisions[5].confidential
    assert decisions[8].text == "Where should the face-to-face meeting be? — Amman"
    assert poll is not None and poll.decision_id == decisions[8].id
    assert len(audited) == 7  # every decision a facilitator recorded (the endorsement recorded itself)


RECORDING = [
    ("member", "decision add Extend the mapping | no meeting", "not-facilitator"),
    ("member", "قرار إضافة من الاستطلاع ٢", "not-facilitator"),
    ("facilitator", "decision add Too late for the minutes", "decision-last-minutes-published", "| no meeting`"),
    ("facilitator", "decision add Share the ToR | no meeting | meeting 1", "decision-outside-and-meeting"),
    ("facilitator", "decision add | no meeting", "decision-text-missing"),
    ("facilitator", "decision add from poll 2", "decision-poll-recorded", "already recorded as decision #8"),
    ("facilitator", "decision add from poll 1", "decision-poll-is-endorsement", "#1 is an endorsement"),
    ("facilitator", "decision add from poll 9", "vote-unknown"),
    ("facilitator", "poll Which day suits? | Monday | Tuesday", "poll-opened"),
    ("facilitator", "decision add from poll 3", "decision-poll-open", "`poll close 3`"),
    ("member", "vote 3 1", "vote-recorded"),
    ("guest", "vote 3 2", "vote-recorded"),
    ("facilitator", "poll close 3", "vote-result"),
    ("facilitator", "decision add from poll 3", "decision-poll-no-winner", "`decision add TEXT | poll 3`"),
    (
        "facilitator",
        "decision add Meet on Mondays after the tie | poll 3",
        "decision-added-from-poll",
        "The result of poll #3 is recorded as decision #9.",
    ),
    (
        "facilitator",
        "قرار إضافة تمديد العمل بالخرائط إلى حمص | خارج الاجتماع",
        "decision-added-outside",
        "Decision #10 is recorded as taken outside a meeting.",
    ),
]


async def test_facilitators_record_decisions_outside_a_meeting_and_polls_results(chat: Chat) -> None:
    await converse(chat, RECORDING)


async def test_recorded_outside_a_meeting_in_arabic(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        omar = await session.get(Member, chat.ids["member"])
        omar.role = Role.FACILITATOR
    said = await chat.say("قرار إضافة من الاستطلاع ٢", as_="member")
    assert said.key == "decision-poll-recorded" and "مسجّلة من قبل بوصفها القرار رقم ٨" in said.text
    said = await chat.say("قرار إضافة توسيع الخرائط لتشمل حمص | بدون اجتماع", as_="member")
    assert said.key == "decision-added-outside" and "سُجّل القرار رقم ٩ على أنه اتُّخذ خارج الاجتماعات." in said.text


async def test_meetings_keep_their_decisions_as_before(chat: Chat, clock: FakeClock) -> None:
    clock.advance(days=29)  # 3 January, 08:30 UTC: the follow-up meets again
    said = await chat.say("decision add Renew the cell's terms of reference", as_="facilitator")
    assert said.key == "decision-added" and "Decision #9 is recorded for Monthly follow-up" in said.text


# ---- what the last meeting decided ---------------------------------------------------------------------------

LAST = [
    # Omar is not in the Cash group: his last meeting is the follow-up of 3 December
    ("member", "ايش القرارات اللي طلعت من آخر اجتماع؟", "fact-last-decisions", "Monthly follow-up", "٠٣‏/١٢‏/٢٠٢٦"),
    ("member", "ماذا قرر الاجتماع الأخير؟", "fact-last-decisions", "توحيد قيم السلال الغذائية"),
    ("member", "شو القرارات يلي اتخذناها بالاجتماع الأخير؟", "fact-last-decisions", "Adopt the revised terms"),
    ("member", "الاجتماع اللي فات قرر إيه؟", "fact-last-decisions", "Adopt the revised terms"),
    # Sami is: his is the Cash group's of 4 December
    ("guest", "What did we agree at the last meeting?", "fact-last-decisions", "Cash WG on Dec 4, 2026"),
    ("guest", "outcomes of the previous meeting?", "fact-last-decisions", "Raise the transfer value"),
    ("facilitator", "Which decisions came out of our last meeting?", "fact-last-decisions", "Raise the transfer"),
]


async def test_the_last_meetings_decisions_for_whoever_may_see_them(chat: Chat) -> None:
    await converse(chat, LAST)
    omar = await chat.say("وش قررنا في الاجتماع الأخير؟", as_="member")
    assert omar.key == "fact-last-decisions", omar.text
    assert "Relocate the Aleppo" not in omar.text and "Raise the transfer value" not in omar.text
    assert "Extend the 4W mapping" not in omar.text  # taken outside the meeting
    shown = omar.replies[0].view
    assert isinstance(shown, Suggestions) and [view.number for view in shown.close] == [1, 3]
    leila = await chat.say("What was decided at our most recent meeting?", as_="facilitator")
    assert "Relocate the Aleppo" not in leila.text  # confidential: never in an answer, facilitators included


async def test_the_last_meeting_honestly_when_there_is_nothing(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    nothing = await chat.say("What was decided at the last meeting?", as_="guest")
    assert nothing.key == "fact-no-meeting-held" and "No meeting has been held yet" in nothing.text
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    clock.advance(days=9, hours=-0.5)
    await chat.say("decision add Adopt the revised terms of reference | meeting 1", as_="facilitator")
    clock.advance(hours=2)
    unpublished = await chat.say("شو قررنا بآخر اجتماع؟", as_="member")
    assert unpublished.key == "fact-last-minutes-unpublished", unpublished.text
    assert "محضر آخر اجتماع، Monthly follow-up يوم ٠٣‏/١٢‏/٢٠٢٦، لم يُنشر بعد." in unpublished.text
    assert "Adopt the revised terms" not in unpublished.text
    await chat.say("meeting close 1", as_="facilitator")
    await chat.say("minutes publish 1", as_="facilitator")
    clock.advance(days=31)  # January's meeting is held, nothing decided there, its minutes published
    await chat.say("meeting close 1", as_="facilitator")
    await chat.say("minutes publish 1", as_="facilitator")
    none = await chat.say("what did the last meeting decide?", as_="facilitator")
    assert none.key == "fact-no-decisions-recorded", none.text
    assert "No decision was recorded at the last meeting, Monthly follow-up on Jan 3, 2027." in none.text


async def test_a_newer_meeting_without_minutes_is_said_before_the_last_published_decisions(
    chat: Chat, clock: FakeClock
) -> None:
    clock.advance(days=29, hours=1)  # 3 January, 09:30 UTC: the follow-up met again; no minutes yet
    said = await chat.say("What was decided at the last meeting?", as_="member")
    assert said.key == "fact-last-decisions-earlier", said.text
    assert "محضر آخر اجتماع، Monthly follow-up يوم ٠٣‏/٠١‏/٢٠٢٧، لم يُنشر بعد." in said.text
    assert "Adopt the revised terms of reference" in said.text


# ---- what was decided about a topic --------------------------------------------------------------------------

ABOUT = [
    (
        "facilitator",
        "What did we decide regarding the 4W mapping?",
        "fact-decisions-about",
        "Extend the 4W mapping to Hama governorate — Decision #5 — recorded outside a meeting on Dec 4, 2026",
    ),
    ("facilitator", "Is there a decision about the mapping plan?", "fact-decisions-about", "Extend the 4W mapping"),
    ("member", "هل صدر قرار بخصوص خطة السلامة؟", "fact-decisions-about", "اعتماد بروتوكول السلامة", "أيّده الأعضاء في"),
    ("member", "شو قررنا بخصوص خطة السلامة؟", "fact-decisions-about", "القرار رقم ٧ — أيّده الأعضاء في ٠٤‏/١٢‏/٢٠٢٦"),
    ("member", "قررنا إيه بخصوص السلال الغذائية؟", "fact-decisions-about", "توحيد قيم السلال", "Monthly follow-up"),
    ("guest", "What did we decide regarding the transfer value?", "fact-decisions-about", "Raise the transfer value"),
]


async def test_what_was_decided_about_a_topic_with_its_source(chat: Chat) -> None:
    await converse(chat, ABOUT)


async def test_decisions_without_a_meeting_are_found_by_any_question_with_their_source(chat: Chat) -> None:
    poll = await chat.say("Where will the face-to-face meeting be?", as_="facilitator")
    assert poll.key in ("question-answer", "question-unsure"), poll.text
    assert "Where should the face-to-face meeting be? — Amman" in poll.text
    assert "Decision #8 — the result of a members’ poll, Dec 4, 2026" in poll.text
    outside = await chat.say("Will the 4W mapping be extended to Hama governorate?", as_="member")
    assert "القرار رقم ٥ — سُجّل خارج الاجتماعات في ٠٤‏/١٢‏/٢٠٢٦" in outside.text, outside.text


async def test_confidential_and_other_groups_decisions_never_reach_a_member(chat: Chat) -> None:
    transfer = await chat.say("What did we decide regarding the transfer value?", as_="member")
    assert transfer.key == "fact-no-decision-about", transfer.text
    assert "لم أجد قرارًا مسجّلًا بشأن «transfer value»" in transfer.text
    confidential = await chat.say("ماذا قررنا بشأن التقييم المشترك في دير الزور؟", as_="member")
    assert confidential.key == "fact-no-decision-about", confidential.text
    assert "تعليق التقييم" not in confidential.text
    for question in ("Was the joint assessment in Deir ez-Zor suspended?", "Was the Aleppo warehouse staff relocated?"):
        said = await chat.say(question, as_="member")
        assert "تعليق التقييم" not in said.text and "Relocate the Aleppo" not in said.text, said.text
    facilitator = await chat.say("ماذا قررنا بشأن التقييم المشترك في دير الزور؟", as_="facilitator")
    assert "تعليق التقييم" not in facilitator.text  # confidential: never searched, facilitators included


async def test_nothing_decided_about_a_topic_is_said_honestly(chat: Chat) -> None:
    said = await chat.say("What did we decide about the winter shelter kits?", as_="facilitator")
    assert said.key == "fact-no-decision-about", said.text
    assert "I found no recorded decision about “winter shelter kits”." in said.text


async def test_a_question_without_a_topic_is_asked_for_one(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("facilitator", "Is there a decision?", "fact-decisions-about-what", "Which topic do you mean?"),
            ("member", "ماذا يقول المحضر؟", "fact-minutes-about-what", "عن أي موضوع تسأل؟"),
        ],
    )


# ---- what the minutes say about a topic ----------------------------------------------------------------------

MINUTES = [
    ("facilitator", "Was Hama mentioned in the minutes?", "fact-minutes-about", "pilot cash pre-positioning in Hama"),
    ("facilitator", "did the minutes mention the price survey?", "fact-minutes-about", "Minutes of Cash WG, Dec 4"),
    ("member", "هل ذكر المحضر شيئًا عن حماة؟", "fact-minutes-about", "محضر Monthly follow-up، ٠٣‏/١٢‏/٢٠٢٦"),
    ("member", "وش مكتوب في المحضر عن حماة؟", "fact-minutes-about", "تجربة التخزين المسبق للنقد في حماة"),
    ("guest", "What is written in the minutes about the shelter kits?", "fact-no-minutes-about", "“shelter kits”"),
]


async def test_what_the_minutes_say_about_a_topic(chat: Chat) -> None:
    await converse(chat, MINUTES)
    omar = await chat.say("ماذا يقول المحضر عن مسح الأسعار؟", as_="member")
    assert omar.key == "fact-no-minutes-about", omar.text  # the Cash group's minutes are not his to read
    assert "market price survey" not in omar.text
    sami = await chat.say("did the minutes mention the price survey?", as_="guest")
    assert "The group reviewed the results of the market price survey in Idlib." in sami.text


# ---- not these facts -----------------------------------------------------------------------------------------

OTHERS = [
    ("member", "what are my open actions?", "actions-list"),
    ("member", "متى الاجتماع القادم؟", "fact-next-meeting"),
    ("facilitator", "What's on the agenda for the next meeting?", "agenda"),
    ("facilitator", "Who are the facilitators?", "fact-facilitators"),
]


async def test_questions_of_other_facts_stay_theirs(chat: Chat) -> None:
    await converse(chat, OTHERS)
