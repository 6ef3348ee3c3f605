"""Apply and check Alembic migrations from inside the application (async engines)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    """An Alembic config pointing at this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


async def upgrade(engine: AsyncEngine, revision: str = "heads") -> None:
    """Upgrade the database to `revision`."""
    await _run(engine, lambda cfg: command.upgrade(cfg, revision))


async def downgrade(engine: AsyncEngine, revision: str = "base") -> None:
    """Downgrade the database to `revision`."""
    await _run(engine, lambda cfg: command.downgrade(cfg, revision))


@cache
def heads() -> frozenset[str]:
    """The newest revisions, read once per process: Alembic imports every migration file to find them."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


async def pending(engine: AsyncEngine) -> bool:
    """True when the database is not at the newest migration."""

    def current(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    async with engine.connect() as connection:
        return await connection.run_sync(current) != heads()


async def _run(engine: AsyncEngine, step: Callable[[Config], None]) -> None:
    config = alembic_config()

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        step(config)

    async with engine.begin() as connection:
        await connection.run_sync(run)
