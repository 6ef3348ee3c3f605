"""`python -m bot faq import FILE` and `python -m bot faq export FILE`: FAQ entries in bulk from the server.

An import runs in one transaction: bad rows are reported by line number and skipped, good rows are imported, and
a crash imports nothing. The format follows the file name (.csv or .jsonl); export writes what import reads.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Catalogs, plain
from dialogs.common.errors import UserError
from dialogs.questions import faq_files
from storage.db import create_engine, session_factory
from storage.models import Community

HELP = "import or export FAQ entries (CSV or JSONL)"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `faq` sub-command and its own sub-commands."""
    parser = commands.add_parser("faq", help=HELP)
    actions = parser.add_subparsers(dest="faq_command", required=True)
    for name, help_text in (("import", "import a .csv or .jsonl file"), ("export", "write a .csv or .jsonl file")):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("file", type=Path)
        action.add_argument("--community", type=int, help="community id (needed when there are several)")


def run(args: argparse.Namespace, database_url: str) -> int:
    """Run `faq import|export`; prints what happened in English, returns the exit code."""
    catalogs = Catalogs()
    path: Path = args.file
    try:
        data = path.read_bytes() if args.faq_command == "import" else b""
    except OSError as error:
        print(f"cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        if args.faq_command == "import":
            return asyncio.run(_import(database_url, args.community, path.name, data, catalogs))
        kind = faq_files.file_format(path.name)
        rows = asyncio.run(_rows(database_url, args.community))
    except UserError as error:
        print(plain(catalogs.text("en", error.message_key, **error.args_)), file=sys.stderr)
        return 1
    if kind == "csv":
        path.write_text(faq_files.to_csv(rows), encoding=faq_files.CSV_ENCODING, newline="")
    else:
        path.write_text(faq_files.to_jsonl(rows), encoding="utf-8")
    print(f"{len(rows)} entries written to {path}")
    return 0


async def _community(session: AsyncSession, wanted: int | None) -> Community:
    communities = list(await session.scalars(select(Community).order_by(Community.id)))
    if wanted is not None:
        communities = [c for c in communities if c.id == wanted]
    if len(communities) != 1:
        known = ", ".join(f"{c.id} ({c.name})" for c in communities) or "none"
        raise SystemExit(f"choose a community with --community N; found: {known}")
    return communities[0]


async def _import(database_url: str, wanted: int | None, name: str, data: bytes, catalogs: Catalogs) -> int:
    rows = faq_files.read_rows(name, data)
    engine = create_engine(database_url)
    try:
        async with session_factory(engine).begin() as session:
            community = await _community(session, wanted)
            now = datetime.now(UTC)
            result = await faq_files.import_rows(session, community=community, actor=None, rows=rows, now=now)
    finally:
        await engine.dispose()
    for problem in result.problems:
        reason = plain(catalogs.text("en", problem.key, **problem.args))
        print(plain(catalogs.text("en", "faq-import-line", line=problem.line, problem=reason)), file=sys.stderr)
    print(f"{name}: {result.added} added, {result.updated} updated, {len(result.problems)} not imported")
    return 0


async def _rows(database_url: str, wanted: int | None) -> list[dict[str, Any]]:
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            community = await _community(session, wanted)
            return await faq_files.export_rows(session, community_id=community.id)
    finally:
        await engine.dispose()
