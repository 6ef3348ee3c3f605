"""Retention: `privacy` says how long each kind of record is kept; admins change it (`privacy retention <kind>
<days>`); the hourly purge (the scheduler's very job) forgets who asked a closed question, then deletes the closed
question, old audit entries and old sent messages, on the fake clock — and audits what it removed, counts only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dialogs.common.privacy_policy import PrivacyPolicy
from storage.models import AuditLog, Ticket
from tests.chat import Chat, converse
from tests.fakes import FakeClock, RecordedSleep
from tests.server import make_dispatcher

CONVERSATION = [
    ("member", "الخصوصية", "privacy", "سجل التغييرات: ٧٣٠ يومًا", "الأسئلة المغلقة: ٣٦٥ يومًا", "لا تُحفظ"),
    ("facilitator", "privacy", "privacy", "Messages I sent you: 90 days", "History of changes: 730 days"),
    ("admin", "privacy retention audit 365", "privacy-retention-set", "History entries are now kept for 365 days."),
    ("admin", "privacy retention tickets forever", "privacy-retention-set", "Closed questions are now kept for ever."),
    ("admin", "الخصوصية الاحتفاظ التذكيرات ٣٠ يوما", "privacy-retention-set", "Messages sent are now kept for 30 days"),
    ("admin", "privacy retention questions 1 day", "privacy-retention-set", "kept for one day"),
    ("member", "الخصوصية", "privacy", "سجل التغييرات: ٣٦٥ يومًا", "الأسئلة المغلقة: تُحفظ دائمًا", "٣٠ يومًا"),
    ("member", "الخصوصية الاحتفاظ السجل ٣٠", "privacy-admins-only", "لا يغيّر إعدادات الخصوصية إلا مشرفو المجتمع"),
    ("facilitator", "privacy retention audit 30", "privacy-admins-only", "Only the community's admins"),
    ("admin", "privacy retention photos 30", "privacy-retention-usage", "`privacy retention audit 365`"),
    ("admin", "privacy retention audit -5", "privacy-retention-usage", "reminders, questions, tickets or audit"),
    ("admin", "privacy retention audit 99999999", "privacy-retention-usage"),
    ("admin", "privacy retention audit", "privacy-retention-usage"),
    ("admin", "lang ar", "lang-set"),  # an admin who reads Arabic
    ("admin", "الخصوصية الاحتفاظ التذاكر ٩٠", "privacy-retention-set", "الأسئلة المغلقة تُحفظ الآن ٩٠ يومًا."),
    ("admin", "الخصوصية الاحتفاظ الأسئلة دائما", "privacy-retention-set", "أسماء من طرحوا أسئلة تُحفظ الآن دائمًا."),
    ("admin", "الخصوصية الاحتفاظ الصور ٣٠", "privacy-retention-usage", "`الخصوصية الاحتفاظ السجل ٣٦٥`"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_retention_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_the_purge_forgets_askers_then_questions_then_history(chat: Chat, sessions, clock) -> None:
    await chat.say("privacy retention audit 365", as_="admin")
    await chat.say("اسأل هل يمكن للمراقبين حضور الاجتماع العام؟", as_="member")
    await chat.say("ticket close 1", as_="facilitator")
    dispatcher = make_dispatcher(sessions, clock, RecordedSleep())
    dispatcher.policy = PrivacyPolicy(questions=180, tickets=365, audit=730)

    clock.advance(days=179)
    assert not any((await dispatcher.purge()).values())
    clock.advance(days=2)  # 181 days after it closed: who asked is forgotten, the question stays
    assert (await dispatcher.purge())["questions"] == 1
    async with sessions() as session:
        ticket = await session.scalar(select(Ticket))
        assert ticket is not None and ticket.asker_id is None and ticket.question.startswith("هل يمكن")
    mine = await chat.say("بياناتي", as_="member")
    assert ("questions", 0) in mine.replies[0].view.counts

    clock.advance(days=185)  # a year and a day: the closed question and the year-old history go (audit: 365 here)
    removed = await dispatcher.purge()
    assert removed["tickets"] == 1 and removed["audit"] >= 3
    async with sessions() as session:
        assert await session.scalar(select(Ticket)) is None
        entries = list(await session.scalars(select(AuditLog).order_by(AuditLog.id)))
    assert [entry.action for entry in entries] == ["retention.purged", "retention.purged"]
    assert entries[-1].after == removed and entries[-1].actor_member_id is None and entries[-1].before is None
    history = await chat.say("audit", as_="facilitator")
    assert "removed records past their retention" in history.text and "Tansiq" in history.text


async def test_a_community_that_keeps_everything_loses_nothing(chat: Chat, sessions, clock) -> None:
    for kind in ("reminders", "questions", "tickets", "audit"):
        assert (await chat.say(f"privacy retention {kind} forever", as_="admin")).key == "privacy-retention-set"
    await chat.say("ask Can observers attend?", as_="guest")
    await chat.say("ticket close 1", as_="facilitator")
    clock.advance(days=36500)
    assert not any((await make_dispatcher(sessions, clock, RecordedSleep()).purge()).values())
    async with sessions() as session:
        ticket = await session.scalar(select(Ticket))
        assert ticket is not None and ticket.asker_id == chat.ids["guest"]
