"""Migrations: upgrade head -> downgrade base -> upgrade head, on SQLite and PostgreSQL."""

from __future__ import annotations

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
