"""The annual plan as a conversation: facilitators set objectives and link actions to them; everyone reads each
objective's progress (done / open / overdue), which is also posted to the channel every quarter."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import plain
from dialogs.governance import plan
from storage.models import Notification, ObjectiveAction
from tests.chat import Chat, converse

# Tuesday 24 November 2026, 09:00 UTC; the community lives in Asia/Beirut.
CONVERSATION = [
    ("member", "خطة إضافة بروتوكولات العمل المبكر للجفاف", "not-facilitator", "للميسّرين فقط"),
    (
        "facilitator",
        "plan add Early action protocols for drought in two countries",
        "plan-objective-added",
        "Objective #1 is in the 2026 plan",
    ),
    (
        "admin",
        "خطة إضافة التمويل المرتب مسبقا في ثلاثة بلدان | ٢٠٢٧",
        "plan-objective-added",
        "Objective #2 is in the 2027 plan: التمويل المرتب مسبقا في ثلاثة بلدان",
    ),
    ("facilitator", "plan add Something | 1999", "plan-year-invalid", "is not a year of the plan"),
    ("facilitator", "plan add", "plan-text-missing", "Write the objective"),
    ("facilitator", "plan add Something | 2026 | 2027", "plan-add-usage", "`plan add OBJECTIVE`"),
    # linking actions, at creation or afterwards (facilitators)
    (
        "facilitator",
        "action add Draft the drought protocol | <at>عمر خليل</at> | 1 December | plan 1",
        "action-added",
        "Action #1 recorded.",
    ),
    ("facilitator", "action add Share the trigger data | me | 15 December", "action-added", "Action #2 recorded."),
    ("admin", "إجراء خطة ٢ ١", "plan-action-linked", "Action #2 now serves objective #1"),
    ("member", "إجراء خطة ٢ ١", "not-facilitator", "للميسّرين فقط"),
    ("member", "إجراء إضافة مراجعة العتبات | أنا | خطة ١", "plan-link-facilitators", "احذف «| خطة ١» لتسجّل الإجراء"),
    ("guest", "action add Review the thresholds | me | plan 1", "plan-link-facilitators", "Leave out “| plan 1”"),
    ("facilitator", "action plan 2", "plan-link-usage", "`action plan ACTION OBJECTIVE`"),
    ("facilitator", "action plan 9 1", "action-unknown", "no action #9"),
    ("facilitator", "action plan 2 9", "plan-objective-unknown", "no objective #9"),
    ("facilitator", "action done 2", "action-done", "Action #2 is done."),
    # reading the plan
    (
        "member",
        "الخطة",
        "plan",
        "الخطة السنوية ٢٠٢٦\nالهدف ١ · Early action protocols for drought in two countries\nأُنجز ١ من ٢ (٥٠",
    ),
    ("guest", "plan", "plan", "#1 · Draft the drought protocol — Open · Dec 1, 2026"),
    ("facilitator", "plan 2027", "plan", "Objective 2 · التمويل المرتب مسبقا في ثلاثة بلدان\nNo actions linked yet."),
    ("facilitator", "plan", "plan", "Other years: 2027"),
    ("facilitator", "plan 3000", "plan-year-invalid", "“3000” is not a year of the plan"),
    ("facilitator", "plan frobnicate", "plan-usage", "`plan 2027`"),
    # changing it
    (
        "facilitator",
        "plan edit 2 | Pre-arranged financing in four countries",
        "plan-objective-edited",
        "Objective #2 (2027) now reads: Pre-arranged financing in four countries",
    ),
    ("member", "خطة حذف ٢", "not-facilitator", "للميسّرين فقط"),
    ("facilitator", "plan remove 2", "plan-objective-removed", "its actions stay"),
    ("facilitator", "plan remove 2", "plan-objective-unknown", "no objective #2"),
    ("facilitator", "plan remove", "plan-number-missing", "Which objective?"),
    ("facilitator", "action plan 2 none", "plan-action-unlinked", "Action #2 no longer serves"),
    ("facilitator", "plan", "plan", "0 of 1 done (0%)"),
]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_plan_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_overdue_actions_show_against_their_objective(chat: Chat, clock) -> None:
    await chat.say("plan add Early action protocols for drought", as_="facilitator")
    await chat.say("action add Draft the protocol | me | 1 December | plan 1", as_="facilitator")
    await chat.say("action add Translate the protocol | me | 20 December | objective 1", as_="facilitator")
    await chat.say("action add Cancelled idea | me | plan 1", as_="facilitator")
    await chat.say("action cancel 3", as_="facilitator")
    clock.advance(days=10)  # 4 December: action 1 is late
    english = await chat.say("plan", as_="facilitator")
    assert "0 of 2 done (0%) · 1 overdue" in english.text
    assert "#1 · Draft the protocol — Overdue · Dec 1, 2026" in english.text and "Cancelled idea" not in english.text
    arabic = await chat.say("الخطة", as_="member")
    assert "· إجراء واحد متأخر" in arabic.text and "رقم ١ · Draft the protocol — متأخر" in arabic.text


async def test_linking_again_moves_the_action_to_the_other_objective(chat: Chat) -> None:
    await chat.say("plan add First objective", as_="facilitator")
    await chat.say("plan add Second objective", as_="facilitator")
    await chat.say("action add Shared step | me | plan 1", as_="facilitator")
    await chat.say("action plan 1 2", as_="facilitator")
    async with chat.sessions() as session:
        links = [(row.action_id, row.objective_id) for row in await session.scalars(select(ObjectiveAction))]
    assert len(links) == 1
    shown = (await chat.say("plan", as_="facilitator")).text
    assert shown.index("Objective 2 · Second objective") < shown.index("Shared step")


async def progress_posts(chat: Chat) -> list[tuple[str, datetime, str]]:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification).where(Notification.kind == "plan-progress").order_by(Notification.due_at)
        )
        return [(row.dedup_key.split(":", 2)[-1], row.due_at, row.status) for row in rows]


async def test_progress_is_posted_to_the_channel_every_quarter(chat: Chat, clock) -> None:
    await chat.say("plan add Early action protocols for drought", as_="facilitator")
    await chat.say("plan add Pre-arranged financing | 2027", as_="facilitator")
    nine_in_beirut = {"2027-01-01": 7, "2027-04-01": 6, "2027-07-01": 6, "2027-10-01": 6, "2028-01-01": 7}
    assert await progress_posts(chat) == [
        ("2026:Q4", datetime(2027, 1, 1, 7, 0, tzinfo=UTC), "pending"),  # the 2026 plan's year-end review
        ("2027:Q1", datetime(2027, 4, 1, 6, 0, tzinfo=UTC), "pending"),
        ("2027:Q2", datetime(2027, 7, 1, 6, 0, tzinfo=UTC), "pending"),
        ("2027:Q3", datetime(2027, 10, 1, 6, 0, tzinfo=UTC), "pending"),
        ("2027:Q4", datetime(2028, 1, 1, 7, 0, tzinfo=UTC), "pending"),
    ]
    assert len(nine_in_beirut) == 5  # 09:00 in Beirut: UTC+2 in winter, UTC+3 in summer

    async with chat.sessions() as session:
        row = await session.scalar(select(Notification).where(Notification.dedup_key.like("%2026:Q4")))
    assert row is not None and row.channel
    clock.advance(days=38)
    post = await chat.compose(row, clock())
    assert post is not None and post.key == "plan-progress"
    text = plain(chat.renderer.text(post, lang="ar", zone="Asia/Beirut"))
    assert "تقدّم خطة ٢٠٢٦ في نهاية الربع ٤" in text and "Early action protocols for drought" in text

    await chat.say("plan remove 2", as_="facilitator")
    assert [status for key, _, status in await progress_posts(chat) if key.startswith("2027")] == ["cancelled"] * 4
    async with chat.sessions() as session:
        assert await plan.compose_progress(session, row, clock()) is not None
