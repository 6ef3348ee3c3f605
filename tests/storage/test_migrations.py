"""Migrations: upgrade head -> downgrade base -> upgrade head, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect, text

from storage import migrate
from storage.db import session_factory
from storage.models import Base, Meeting, MeetingOccurrence
from tests.chat import new_community


async def _tables(engine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def test_upgrade_downgrade_upgrade(engine) -> None:
    expected = {table.name for table in Base.metadata.sorted_tables}
    assert expected <= await _tables(engine)
    assert not await migrate.pending(engine)

    await migrate.downgrade(engine, "base")
    assert not (expected & await _tables(engine))
    assert await migrate.pending(engine)

    await migrate.upgrade(engine)
    assert expected <= await _tables(engine)
    assert not await migrate.pending(engine)


async def test_models_match_the_migrations(engine) -> None:
    """Autogenerate finds nothing to add: the ORM and the migration history agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def diff(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    async with engine.connect() as connection:
        assert await connection.run_sync(diff) == []


def _predicate(where) -> str:
    """An index predicate without what each database adds when it reads it back: casts, brackets, spaces, case."""
    return re.sub(r"::\w+|[()\s]", "", str(where)).lower()


async def test_partial_indexes_have_the_models_predicates(engine) -> None:
    """Autogenerate compares index names and columns, not their WHERE: the migrated database's partial indexes
    must hold the rows the models' declarations (and the queries that share them) say."""
    dialect = engine.dialect.name
    as_ddl = {"literal_binds": True, "include_table": False}
    declared = {
        index.name: _predicate(
            index.dialect_options[dialect]["where"].compile(dialect=engine.dialect, compile_kwargs=as_ddl)
        )
        for table in Base.metadata.sorted_tables
        for index in table.indexes
        if index.dialect_options[dialect]["where"] is not None
    }
    assert declared["ix_notification_pending_due"] == "status='pending'"

    def reflected(connection) -> dict[str, str]:
        found = {}
        for table in Base.metadata.sorted_tables:
            for index in inspect(connection).get_indexes(table.name):
                where = (index.get("dialect_options") or {}).get(f"{dialect}_where")
                if where is not None:
                    found[index["name"]] = _predicate(where)
        return found

    async with engine.connect() as connection:
        assert await connection.run_sync(reflected) == declared


async def test_minutes_summaries_split_by_language_and_join_back(engine) -> None:
    """0014: the one summary goes to the language its letters say; going back joins the two, Arabic first."""
    start = datetime(2026, 12, 3, 8, tzinfo=UTC)
    async with session_factory(engine).begin() as session:
        community = await new_community(session, now=start)
        meeting = Meeting(
            community_id=community.id, number=1, title="Follow-up", starts_at=start, timezone="UTC", calendar_token="m1"
        )
        session.add(meeting)
        await session.flush()
        written = [("اتفقنا على العتبات.", "We agreed the thresholds."), ("", "Cash values."), ("", "")]
        for month, (arabic, english) in enumerate(written):
            held = start + timedelta(days=31 * month)
            session.add(
                MeetingOccurrence(
                    meeting_id=meeting.id, original_start=held, starts_at=held, summary_ar=arabic, summary_en=english
                )
            )
    order = " FROM meeting_occurrence ORDER BY starts_at"

    await migrate.downgrade(engine, "0013")
    async with engine.begin() as connection:
        joined = (await connection.execute(text("SELECT summary" + order))).scalars().all()
        assert joined == ["اتفقنا على العتبات.\n\nWe agreed the thresholds.", "Cash values.", ""]
        mixed = "ناقشنا Cash values مع الشركاء."  # more Arabic letters than Latin ones
        await connection.execute(
            text("UPDATE meeting_occurrence SET summary = :mixed WHERE summary LIKE 'ا%'"), {"mixed": mixed}
        )

    await migrate.upgrade(engine)
    async with engine.connect() as connection:
        split = (await connection.execute(text("SELECT summary_ar, summary_en" + order))).all()
    assert [tuple(row) for row in split] == [(mixed, ""), ("", "Cash values."), ("", "")]
