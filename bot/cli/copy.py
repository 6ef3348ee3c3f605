"""`python -m bot copy --to DATABASE_URL`: copy every row of the bot's database into another one (SQLite to
PostgreSQL or back), then compare the row counts table by table.

The target is migrated to the newest revision first, then filled in one transaction with the primary keys kept, so
a copy that fails leaves it as it was. Only table names, counts and error kinds are printed, never a row's contents.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Select, Table, bindparam, delete, false, func, insert, make_url, select
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage import migrate
from storage.db import create_engine
from storage.models import Base

HELP = "copy every row of the database into another one (SQLite to PostgreSQL or back) and compare the counts"
BATCH = 1000
"""Rows read and written at a time."""

_IS_NULL = "__is_null"
_AS_JSON = "__json"
_MIGRATE = "python -m bot migrate"
_URL_FORMS = "postgresql+asyncpg://user:password@host/database or sqlite+aiosqlite:///path/to/file.db"


class CopyRefused(Exception):
    """The copy did not happen (or was undone); the message is the one line to print."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `copy` sub-command."""
    parser = commands.add_parser("copy", help=HELP)
    parser.add_argument("--to", required=True, dest="target", metavar="DATABASE_URL", help=f"the target: {_URL_FORMS}")
    parser.add_argument("--replace", action="store_true", help="empty a target that already holds rows first")


def run(args: argparse.Namespace, database_url: str) -> int:
    """Copy `database_url` into `--to`; prints one line per table and a total, returns the exit code."""
    try:
        counts = asyncio.run(copy_database(database_url, args.target, replace=args.replace))
    except CopyRefused as refusal:
        print(refusal, file=sys.stderr)
        return 2
    for table, (source, target) in counts.items():
        print(f"{table}: {source} → {target}")
    print(f"total: {sum(s for s, _ in counts.values())} → {sum(t for _, t in counts.values())}")
    differing = [table for table, (source, target) in counts.items() if source != target]
    if differing:
        print(f"row counts differ in {', '.join(differing)}", file=sys.stderr)
        return 1
    return 0


async def copy_database(source_url: str, target_url: str, *, replace: bool) -> dict[str, tuple[int, int]]:
    """Copy every table from `source_url` into `target_url`; each table's row count in the source and, after the
    commit, in the target. Raises `CopyRefused` when the copy cannot be made."""
    if _same_database(source_url, target_url):
        raise CopyRefused("the target is the bot's own database: give another DATABASE_URL with --to")
    source = _engine(source_url, "the bot's database (DATABASE_URL)")
    target = _engine(target_url, "--to")
    try:
        async with _reaching(f"cannot read the bot's database {_shown(source_url)}"):
            if await migrate.pending(source):
                raise CopyRefused(f"the bot's database is not at the newest migration: run `{_MIGRATE}` first")
        async with _reaching(f"cannot migrate the target database {_shown(target_url)}"):
            await migrate.upgrade(target)
        async with _reaching("copy failed, the target is left as it was"):
            async with _snapshot(source) as reading, target.begin() as writing:
                before = await _fill(reading, writing, replace=replace)
            async with target.connect() as connection:
                return {table.name: (before[table.name], await _count(connection, table)) for table in _tables()}
    finally:
        await source.dispose()
        await target.dispose()


def _tables() -> list[Table]:
    return Base.metadata.sorted_tables


async def _fill(reading: AsyncConnection, writing: AsyncConnection, *, replace: bool) -> dict[str, int]:
    """Copy every table, parents first (emptied first under `replace`); each table's row count in the source."""
    held = [table.name for table in _tables() if await _count(writing, table)]
    if held and not replace:
        raise CopyRefused(f"the target already holds rows (in {', '.join(held)}): add --replace to empty it first")
    for table in reversed(_tables()):
        await writing.execute(delete(table))
    counts = {}
    for table in _tables():
        try:
            await _copy_table(reading, writing, table)
        except DBAPIError as error:
            raise CopyRefused(f"copy failed at {table.name} ({_kind(error)}); the target is left as it was") from error
        counts[table.name] = await _count(reading, table)
    if writing.dialect.name == "postgresql":
        await _move_sequences(writing)
    return counts


async def _copy_table(reading: AsyncConnection, writing: AsyncConnection, table: Table) -> None:
    """Copy one table in batches of `BATCH` rows, in primary-key order (a row referring to its own table refers to
    an older one). A JSON column keeps SQL NULL and JSON null apart: the JSON type alone reads both as None."""
    json_columns = [column for column in table.columns if isinstance(column.type, JSON)]
    statement = insert(table).values(
        {column.name: bindparam(column.name + _AS_JSON, type_=JSON(none_as_null=True)) for column in json_columns}
    )
    result = await reading.stream(_rows_of(table, json_columns))
    async for batch in result.mappings().partitions(BATCH):
        await writing.execute(statement, [_values(row, table, json_columns) for row in batch])


def _rows_of(table: Table, json_columns: list[Any]) -> Select[Any]:
    flags = [column.is_(None).label(column.name + _IS_NULL) for column in json_columns]
    return select(*table.columns, *flags).order_by(*table.primary_key.columns)


def _values(row: Mapping[str, Any], table: Table, json_columns: list[Any]) -> dict[str, Any]:
    values = {column.name: row[column.name] for column in table.columns if column not in json_columns}
    for column in json_columns:
        value = row[column.name]
        json_null = value is None and not row[column.name + _IS_NULL]
        values[column.name + _AS_JSON] = JSON.NULL if json_null else value
    return values


async def _move_sequences(writing: AsyncConnection) -> None:
    """PostgreSQL: set each id sequence past the largest id copied, so new rows get new ids."""
    for table in _tables():
        column = table.autoincrement_column
        if column is not None:
            sequence = func.pg_get_serial_sequence(table.name, column.name)
            await writing.execute(select(func.setval(sequence, func.coalesce(func.max(column), 0) + 1, false())))


async def _count(connection: AsyncConnection, table: Table) -> int:
    return int(await connection.scalar(select(func.count()).select_from(table)) or 0)


@asynccontextmanager
async def _snapshot(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A transaction that reads one unchanging state of the database: on PostgreSQL repeatable read, on SQLite the
    write lock held throughout (no writer can come in between two tables)."""
    options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    async with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execution_options(**options)
        async with connection.begin():
            yield connection


@asynccontextmanager
async def _reaching(what: str) -> AsyncIterator[None]:
    """Turn a database that cannot be reached or migrated into one line saying so."""
    try:
        yield
    except (OSError, DBAPIError) as error:
        raise CopyRefused(f"{what}: {_reason(error)}") from error


def _engine(url: str, named: str) -> AsyncEngine:
    try:
        return create_engine(url)
    except (ArgumentError, InvalidRequestError, ImportError) as error:
        raise CopyRefused(f"{named} is not a database URL this bot can use ({_URL_FORMS})") from error


def _same_database(first: str, second: str) -> bool:
    try:
        urls = [make_url(first), make_url(second)]
    except ArgumentError:
        return False
    for index, url in enumerate(urls):
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            urls[index] = url.set(database=str(Path(url.database).resolve()))
    return urls[0] == urls[1]


def _shown(url: str) -> str:
    """The URL without its password."""
    return make_url(url).render_as_string(hide_password=True)


def _root(error: BaseException) -> BaseException:
    while error.__cause__ is not None:
        error = error.__cause__
    return error


def _kind(error: BaseException) -> str:
    """The kind of the underlying error, without its message (which may quote a row's values)."""
    return type(_root(error)).__name__


def _reason(error: BaseException) -> str:
    """The underlying error's kind and the first line of its message (for errors before any row is read)."""
    root = _root(getattr(error, "orig", None) or error)
    message = str(root).strip().splitlines()
    return f"{type(root).__name__}: {message[0]}" if message else type(root).__name__
