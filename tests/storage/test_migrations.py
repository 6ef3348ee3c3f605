"""Migrations: upgrade head -> downgrade base -> upgrade head, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

from sqlalchemy import inspect

from storage import migrate
from storage.models import Base


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
