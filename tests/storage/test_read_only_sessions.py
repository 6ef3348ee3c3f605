"""Read-only sessions on SQLite take no write lock: a member's look-up is not held up by another writer, and sees only
what was committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from storage import db, migrate
from storage.db import create_engine, read_only, session_factory
from storage.models import Community
from tests.chat import new_community
from tests.databases import sqlite_url
from tests.fakes import FakeClock


async def test_a_read_goes_on_while_another_writer_holds_the_lock(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(db, "LOCK_WAIT", 0.2)
    engine = create_engine(sqlite_url(tmp_path))
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        community = await new_community(session, now=FakeClock()())
        community.name = "MENA CoP"
    writer = sqlite3.connect(tmp_path / "tansiq-test.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE community SET name = 'not yet committed'")
    try:
        async with read_only(sessions).begin() as session:
            names = list(await session.scalars(select(Community.name)))
        async with sessions.begin() as session:
            blocked = None
            try:
                await session.scalar(select(Community.name))
            except Exception as exc:  # the write session waits for the lock, then gives up
                blocked = exc
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        await engine.dispose()
    assert names == ["MENA CoP"]
    assert blocked is not None and "locked" in str(blocked)
