"""The yearly review of the sharing settings: `privacy review` shows the facilitators who can see what; the hourly
re-plan reminds each facilitator a year (or the admins' interval) after installation or the last review, on a
working morning; "reviewed" records it (audited) and moves the next reminder; admins change or stop the interval."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from storage.models import AuditLog, Member, Notification, Role
from tests.chat import Chat, converse
from tests.fakes import FakeClock, RecordedSleep
from tests.server import make_dispatcher

BEIRUT = ZoneInfo("Asia/Beirut")
CONVERSATION = [
    ("facilitator", "privacy review", "sharing-review", "Sharing settings of MENA AA CoP", "Admins: Amal Zoubi"),
    ("facilitator", "privacy review", "sharing-review", "Facilitators: Leila Haddad", "Last reviewed: never"),
    ("facilitator", "privacy review", "sharing-review", "History of changes: 730 days", "Reviewed every 12 months"),
    ("member", "الخصوصية المراجعة", "not-facilitator"),
    ("admin", "privacy review every 6", "privacy-review-set", "every 6 months"),
    ("admin", "الخصوصية المراجعة كل ٢٤", "privacy-review-set", "every 24 months"),
    ("facilitator", "privacy review every 3", "privacy-admins-only"),
    ("admin", "privacy review every sometimes", "privacy-review-usage", "`privacy review every 12`"),
    ("admin", "privacy review every 500", "privacy-review-usage"),
    ("admin", "privacy review", "sharing-review", "Reviewed every 24 months"),
    ("facilitator", "group add Cash | Cash transfers", "group-added"),
    ("facilitator", "privacy review", "sharing-review", "One working group", "Cash: no members"),
    ("facilitator", "lang ar", "lang-set"),
    ("facilitator", "الخصوصية المراجعة", "sharing-review", "إعدادات المشاركة في MENA AA CoP", "مجموعة عمل واحدة"),
    ("facilitator", "الخصوصية المراجعة", "sharing-review", "تُراجع كل ٢٤ شهرًا", "آخر مراجعة: لم تحدث بعد"),
    ("facilitator", "الخصوصية المراجعة كل ٣", "privacy-admins-only", "لا يغيّر إعدادات الخصوصية إلا مشرفو المجتمع"),
    ("admin", "lang ar", "lang-set"),
    ("admin", "الخصوصية المراجعة كل ١٢", "privacy-review-set", "كل ١٢ شهرًا"),
    ("admin", "الخصوصية المراجعة كل أبدا", "privacy-review-set", "لن يُذكَّر الميسّرون بعد الآن"),
    ("admin", "الخصوصية المراجعة كل أحيانا", "privacy-review-usage", "`الخصوصية المراجعة كل ١٢`"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_sharing_review_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def reviews(chat: Chat) -> list[Notification]:
    async with chat.sessions() as session:
        query = select(Notification).where(Notification.kind == "sharing-review", Notification.status == "pending")
        return list(await session.scalars(query.order_by(Notification.member_id)))


async def test_each_facilitator_is_reminded_a_year_on_and_reviewing_moves_the_next(chat: Chat, sessions, clock) -> None:
    dispatcher = make_dispatcher(sessions, clock, RecordedSleep())
    await dispatcher.replan_all()  # the hourly job
    planned = await reviews(chat)
    assert [row.member_id for row in planned] == [chat.ids["admin"], chat.ids["facilitator"]]
    due = planned[0].due_at.astimezone(BEIRUT)
    assert (due.date(), due.hour) == (date(2027, 11, 24), 8)  # installed 24 November 2026; a Wednesday morning
    await dispatcher.replan_all()
    assert len(await reviews(chat)) == 2  # the next hour's re-plan adds nothing

    card = await chat.compose(planned[1], planned[1].due_at)
    assert card is not None and card.key == "sharing-review-due"
    shown = chat.renderer.text(card, lang="en", zone="Asia/Beirut")
    assert "It is time for the periodic review" in shown and "Amal Zoubi" in shown
    async with sessions.begin() as session:  # she no longer facilitates: nothing is sent to her
        await session.execute(update(Member).where(Member.id == chat.ids["facilitator"]).values(role=Role.MEMBER))
    assert await chat.compose(planned[1], planned[1].due_at) is None
    async with sessions.begin() as session:
        await session.execute(update(Member).where(Member.id == chat.ids["facilitator"]).values(role=Role.FACILITATOR))

    clock.advance(days=30)
    refused = await chat.submit({"verb": "sharing-reviewed"}, as_="member")
    assert refused.key == "not-facilitator"
    done = await chat.submit({"verb": "sharing-reviewed"}, as_="facilitator")
    # a year on is Friday 24 December 2027, the community's weekend: the next working morning
    assert done.key == "sharing-reviewed" and "Dec 26, 2027" in done.text
    assert {row.due_at.astimezone(BEIRUT).date() for row in await reviews(chat)} == {date(2027, 12, 26)}
    async with sessions() as session:
        entry = await session.scalar(select(AuditLog).where(AuditLog.action == "community.sharing_reviewed"))
    assert entry is not None and entry.actor_member_id == chat.ids["facilitator"]

    stopped = await chat.say("privacy review every never", as_="admin")
    assert "will no longer be reminded" in stopped.text
    assert await reviews(chat) == []
