"""The hourly re-plan of a large community runs in short batches: it plans what one long transaction planned, once,
and a member's turn is answered while it runs instead of waiting for it (SQLite's write lock)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from dialogs.bulletin import timing as bulletin_timing
from dialogs.common.privacy_policy import DEFAULT_POLICY
from dialogs.community import sharing_review
from dialogs.reminders import plans
from storage.models import Community, Notification
from tests.server import make_dispatcher


async def planned_keys(sessions) -> list[str]:
    async with sessions() as session:
        return sorted(await session.scalars(select(Notification.dedup_key).where(Notification.status == "pending")))


async def add_actions(bot, count: int) -> None:
    for number in range(count):
        await bot.replies(
            bot.activity("personal_message_en", text=f"action add Report {number} | me | 2026-12-1{number % 10}")
        )


async def test_a_replan_in_batches_plans_each_reminder_once(bot, sessions, clock, sleep, monkeypatch) -> None:
    await bot.install()
    await add_actions(bot, 5)
    for day in (20, 27):
        await bot.replies(
            bot.activity("personal_message_en", text=f"meeting add Follow-up {day} | 2026-12-{day} 10:00")
        )
    async with sessions.begin() as session:
        await session.execute(Notification.__table__.delete())
        community = await session.scalar(select(Community))
        await plans.replan_community(session, community=community, now=clock())  # one transaction, as before
        await sharing_review.plan(session, community=community, policy=DEFAULT_POLICY, now=clock())
        await bulletin_timing.plan(session, community=community, now=clock())
    expected = await planned_keys(sessions)
    assert any(key.startswith("action-due-soon") for key in expected) and any("meeting:2" in k for k in expected)
    async with sessions.begin() as session:
        await session.execute(Notification.__table__.delete())
    monkeypatch.setattr(plans, "REPLAN_BATCH", 2)
    dispatcher = make_dispatcher(sessions, clock, sleep)
    await dispatcher.replan_all()
    assert await planned_keys(sessions) == expected
    await dispatcher.replan_all()
    assert await planned_keys(sessions) == expected


async def test_a_member_is_answered_while_the_replan_runs(bot, engine, sessions, clock, sleep, monkeypatch) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's one write lock is what a long re-plan held against every turn")
    await bot.install()
    await add_actions(bot, 30)
    monkeypatch.setattr(plans, "REPLAN_BATCH", 1)
    replanning = asyncio.create_task(make_dispatcher(sessions, clock, sleep).replan_all())
    await asyncio.sleep(0.1)
    replies = await bot.replies(bot.activity("personal_message_en", text="help"))
    assert replies and not replanning.done()
    await replanning
    assert len([key for key in await planned_keys(sessions) if key.startswith("action-due-soon")]) == 30
