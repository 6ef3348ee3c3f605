"""`python -m bot copy --to URL`: a community moves from SQLite to PostgreSQL and back without losing a row."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, select, text

from bot.__main__ import main
from bot.cli import copy as copy_cli
from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from dialogs.demo import load_demo
from storage import migrate
from storage import repositories as repo
from storage.db import create_engine, session_factory
from storage.models import AuditLog, Base, Community, KnowledgeVector, Member, SendPace
from tests.conftest import require_postgres
from tests.databases import ensure_database

HANAN = Person(teams_user_id="29:hanan", aad_object_id="aad-hanan", name="حنان الشامي", is_guest=True)
SEEN = datetime(2026, 3, 14, 9, 26, 53, 589793, tzinfo=timezone(timedelta(hours=3)))
REFERENCE = {"conversation": {"id": "a:1x", "name": "محادثة"}, "serviceUrl": "https://smba.example/", "tries": [1, 2.5]}


async def _fill(url: str) -> None:
    """The demo community, plus a guest with an Arabic name, a conversation reference and a last visit at +03:00."""
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
        async with session_factory(engine).begin() as session:
            await load_demo(session, settings_admins=[])
            community = await session.scalar(select(Community))
            assert community is not None
            await sync_roster(session, community=community, people=[HANAN], complete=False, admin_ids=[], now=SEEN)
            hanan = await repo.member_in(session, community_id=community.id, teams_user_id=HANAN.teams_user_id)
            assert hanan is not None
            hanan.conversation_reference, hanan.last_seen_at, hanan.language = REFERENCE, SEEN, "ar"
            repo.audit_member_change(session, actor=None, target=hanan, field="language", before=None, after="ar")
            session.add(KnowledgeVector(key="k1", model="e5-small", vector=bytes(range(256))))
            session.add(SendPace(key="tenant:1", state=[1733389613.25, 0.0], updated_at=SEEN))
    finally:
        await engine.dispose()


async def _contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, all columns, in primary-key order; each JSON column also says whether it is SQL
    NULL (reading it alone cannot tell that from JSON null)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            contents = {}
            for table in Base.metadata.sorted_tables:
                nulls = [column.is_(None) for column in table.columns if isinstance(column.type, JSON)]
                rows = await connection.execute(select(table, *nulls).order_by(*table.primary_key.columns))
                contents[table.name] = [tuple(row) for row in rows]
            return contents
    finally:
        await engine.dispose()


async def _empty_postgres(url: str) -> None:
    """A PostgreSQL database with nothing in it, not even the migrations' table."""
    await ensure_database(url)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


def _sqlite(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def _copy(monkeypatch: pytest.MonkeyPatch, source: str, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", source)
    return main(["copy", *args])


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOG_LEVEL", "WARNING")


@pytest.fixture
def source(tmp_path: Path) -> str:
    """A SQLite file holding the demo community and more."""
    url = _sqlite(tmp_path / "source.db")
    asyncio.run(_fill(url))
    return url


@pytest.fixture
def postgres() -> str:
    """The suite's PostgreSQL database, emptied (skipped with the reason when PostgreSQL does not answer)."""
    url = require_postgres()
    asyncio.run(_empty_postgres(url))
    return url


def test_sqlite_to_postgresql_to_sqlite_keeps_every_row(monkeypatch, capsys, source, postgres, tmp_path) -> None:
    monkeypatch.setattr(copy_cli, "BATCH", 2)  # every table of more than two rows goes in several batches
    original = asyncio.run(_contents(source))
    assert _copy(monkeypatch, source, "--to", postgres) == 0
    printed = capsys.readouterr().out.splitlines()
    total = sum(len(rows) for rows in original.values())
    assert printed == [f"{name}: {len(rows)} → {len(rows)}" for name, rows in original.items()] + [
        f"total: {total} → {total}"
    ]
    assert "member: 7 → 7" in printed and "vote: 2 → 2" in printed

    back = _sqlite(tmp_path / "back.db")
    assert _copy(monkeypatch, postgres, "--to", back) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"total: {total} → {total}"
    assert asyncio.run(_contents(postgres)) == original
    assert asyncio.run(_contents(back)) == original

    async def hanan_in(url: str) -> Member:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session:
                member = await session.scalar(select(Member).where(Member.teams_user_id == HANAN.teams_user_id))
                assert member is not None
                return member
        finally:
            await engine.dispose()

    for url in (postgres, back):
        hanan = asyncio.run(hanan_in(url))
        assert (hanan.name, hanan.is_guest, hanan.conversation_reference) == ("حنان الشامي", True, REFERENCE)
        assert hanan.last_seen_at == SEEN and hanan.last_seen_at.utcoffset() == timedelta(0)


def test_new_rows_after_a_copy_into_postgresql_get_new_ids(monkeypatch, source, postgres) -> None:
    assert _copy(monkeypatch, source, "--to", postgres) == 0

    async def add_rows() -> tuple[int, int, int, int]:
        engine = create_engine(postgres)
        try:
            async with session_factory(engine).begin() as session:
                community = await session.scalar(select(Community))
                assert community is not None
                newest = await session.scalar(select(Member.id).order_by(Member.id.desc()))
                audited = await session.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()))
                sami = Person(teams_user_id="29:new", name="Sami Nasser")
                await sync_roster(session, community=community, people=[sami], complete=False, admin_ids=[], now=SEEN)
                entry = repo.audit(
                    session, community_id=community.id, actor=None, action="test", object_type="member", object_id=1
                )
                await session.flush()
                member = await repo.member_in(session, community_id=community.id, teams_user_id="29:new")
                assert member is not None and newest is not None and audited is not None
                return newest, member.id, audited, entry.id
        finally:
            await engine.dispose()

    newest, new, audited, new_entry = asyncio.run(add_rows())
    assert new == newest + 1 and new_entry > audited  # the roster change is audited too


def test_a_target_holding_rows_is_refused_unless_replace(monkeypatch, capsys, source, tmp_path) -> None:
    target = _sqlite(tmp_path / "target.db")
    assert _copy(monkeypatch, source, "--to", target) == 0
    capsys.readouterr()
    assert _copy(monkeypatch, source, "--to", target) == 2
    refused = capsys.readouterr()
    assert refused.out == ""
    [line] = refused.err.splitlines()
    assert line.startswith("the target already holds rows (in community, knowledge_vector, send_pace, member, ")
    assert line.endswith(", vote): add --replace to empty it first")

    async def change_target() -> None:
        engine = create_engine(target)
        try:
            async with session_factory(engine).begin() as session:
                member = await session.scalar(select(Member).where(Member.teams_user_id == HANAN.teams_user_id))
                assert member is not None
                member.name = "someone else"
                session.add(KnowledgeVector(key="k2", model="e5-small", vector=b"\x00"))
        finally:
            await engine.dispose()

    asyncio.run(change_target())
    assert _copy(monkeypatch, source, "--to", target, "--replace") == 0
    assert "knowledge_vector: 1 → 1" in capsys.readouterr().out
    assert asyncio.run(_contents(target)) == asyncio.run(_contents(source))


def test_a_database_not_migrated_yet_or_the_same_one_is_refused_in_one_line(monkeypatch, capsys, tmp_path) -> None:
    fresh = _sqlite(tmp_path / "fresh.db")
    assert _copy(monkeypatch, fresh, "--to", _sqlite(tmp_path / "target.db")) == 2
    assert capsys.readouterr().err.splitlines() == [
        "the bot's database is not at the newest migration: run `python -m bot migrate` first"
    ]
    assert _copy(monkeypatch, fresh, "--to", _sqlite(tmp_path / "other" / ".." / "fresh.db")) == 2
    assert capsys.readouterr().err.splitlines() == [
        "the target is the bot's own database: give another DATABASE_URL with --to"
    ]
