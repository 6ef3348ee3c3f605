"""The running app's scheduler: a turn that plans a notice wakes the sender at once, and reminders that fell due
while the bot was stopped go out when it starts again (the database is the truth, not the scheduler)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import select

from storage.models import Notification
from tests.server import OMAR, mention, serve, settings_for


async def eventually(check: Callable[[], bool], *, seconds: float = 10) -> bool:
    """Poll until `check()` holds (the scheduler runs on the real event loop's clock)."""
    for _ in range(int(seconds / 0.05)):
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


async def test_a_turn_wakes_the_sender_and_a_restart_loses_nothing(
    database_url, tmp_path, connector, clock, sessions
) -> None:
    settings = settings_for(database_url, tmp_path, reminders_enabled=True, reminder_tick_seconds=3600)
    async with serve(settings, connector, clock) as bot:
        await bot.install()
        activity = bot.activity(
            "personal_message_en", text=f"action add Share the 4W data | <at>{OMAR['name']}</at> | 2026-12-03"
        )
        activity["entities"] = [mention(OMAR)]
        await bot.replies(activity)
        omar_chat = connector.personal_chat_id(OMAR["id"])
        assert await eventually(lambda: any(p.conversation_id == omar_chat for p in connector.posted))

    clock.advance(days=7)  # while the bot is down, 1 December's "due in two days" falls due
    connector.posted.clear()
    async with serve(settings, connector, clock):
        assert await eventually(lambda: any("موعد استحقاق الإجراء رقم ١" in p.text for p in connector.posted))
    async with sessions() as session:
        sent = list(await session.scalars(select(Notification.kind).where(Notification.status == "sent")))
    # (the weekly digest of 30 November is sent too when the first start's re-plan got to plan it before the stop)
    assert sorted(kind for kind in sent if kind.startswith("action-")) == ["action-assigned", "action-due-soon"]
