"""SQLite under load: when another writer keeps the database locked past every attempt of a turn, the member is
told, in their language, that Tansiq is busy and nothing changed — a message for a message, an answer for a card
button — and the same request works once the lock is gone."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage import db
from storage.db import create_engine, session_factory
from storage.models import Action
from tests.databases import sqlite_url
from tests.server import BotServer, serve, settings_for


@pytest.fixture
async def busy_bot(tmp_path: Path, connector, clock, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[BotServer]:
    """A bot on SQLite whose transactions wait 0.2 s for the write lock (4 s in production)."""
    monkeypatch.setattr(db, "LOCK_WAIT", 0.2)
    async with serve(settings_for(sqlite_url(tmp_path), tmp_path), connector, clock) as bot:
        await bot.install()
        yield bot


@contextmanager
def another_writer(path: Path) -> Iterator[None]:
    """Another process's transaction holding SQLite's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


async def actions(sessions) -> int:
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Action)) or 0)


async def test_a_message_gets_a_busy_answer_in_the_members_language_and_nothing_changes(
    busy_bot: BotServer, tmp_path: Path
) -> None:
    engine = create_engine(sqlite_url(tmp_path))
    sessions = session_factory(engine)
    with another_writer(tmp_path / "tansiq-test.db"):
        english = await busy_bot.replies(busy_bot.activity("personal_message_en", text="action add Call Omar | me"))
        arabic = await busy_bot.replies(busy_bot.activity("personal_message_ar", text="إجراء جديد اتصل بليلى | أنا"))
    assert [reply["text"] for reply in english] == [
        "Tansiq is busy with many requests right now, and nothing was changed. Please try again in a moment."
    ]
    assert [reply["text"] for reply in arabic] == [
        "تنسيق مشغول بطلبات كثيرة الآن، ولم يتغيّر شيء. حاول مرة أخرى بعد لحظات."
    ]
    assert await actions(sessions) == 0
    await busy_bot.replies(busy_bot.activity("personal_message_en", text="action add Call Omar | me"))
    assert await actions(sessions) == 1
    await engine.dispose()


async def test_a_card_button_gets_an_answer_while_the_database_is_busy(busy_bot: BotServer, tmp_path: Path) -> None:
    press = busy_bot.activity("invoke_adaptive_card_action")
    press["value"] = {"action": {"type": "Action.Execute", "verb": "action-done", "data": {"action": 1}}}
    with another_writer(tmp_path / "tansiq-test.db"):
        status, body = await busy_bot.post({**press, "deliveryMode": "expectReplies"})
    assert status == 200, body
    assert "Tansiq is busy" in str(body) or "تنسيق مشغول" in str(body)


async def test_members_writing_at_once_while_locked_are_each_told(busy_bot: BotServer, tmp_path: Path) -> None:
    """Members' writes queue for SQLite's lock (storage.db.writers_queue): with the lock held throughout, every one
    of five at once is answered "busy" in the end, none fails otherwise, and nothing changed."""
    engine = create_engine(sqlite_url(tmp_path))
    sessions = session_factory(engine)
    adds = [busy_bot.activity("personal_message_en", text=f"action add Call partner {n} | me") for n in range(5)]
    with another_writer(tmp_path / "tansiq-test.db"):
        answers = await asyncio.gather(*(busy_bot.replies(add) for add in adds))
    assert [[reply["text"] for reply in replies] for replies in answers] == [
        ["Tansiq is busy with many requests right now, and nothing was changed. Please try again in a moment."]
    ] * 5
    assert await actions(sessions) == 0
    await engine.dispose()
