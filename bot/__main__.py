"""python -m bot [run|migrate|demo|manifest|faq|copy]: serve the bot, migrate the database, load the demo community,
write the Teams app package, import or export FAQ entries, copy the database into another one."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from aiohttp import web
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from bot.cli import copy as copy_cli
from bot.cli import faq as faq_cli
from bot.cli.manifest import DEFAULT_OUT
from bot.cli.manifest import main as write_app_package
from bot.logs import configure as configure_logs
from bot.settings import Settings, SettingsError, problems
from storage import migrate
from storage.db import create_engine

logger = logging.getLogger("bot")

PLAYGROUND_HINT = """\
Tansiq is running in local mode (no Azure credentials): anonymous requests are accepted on {url} only.
Talk to it from the Microsoft 365 Agents Playground (Teams personal chat, group chat and channel):
    bash scripts/playground.sh
or point any Bot Framework client at {url}/api/messages
"""


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the sub-command (default: run)."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="{run,migrate,demo,manifest,faq,copy}")
    run = commands.add_parser("run", help="serve POST /api/messages, /healthz and /readyz (default)")
    run.add_argument("--host", help="address to bind (default: HOST or 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default: PORT or 3978)")
    commands.add_parser("migrate", help="apply database migrations (DATABASE_URL, default a SQLite file)")
    commands.add_parser("demo", help="migrate and load a small demo community (Arabic and English)")
    faq_cli.add_parser(commands)
    copy_cli.add_parser(commands)
    package = commands.add_parser("manifest", help="write the Teams app package: manifest, Arabic localisation, icons")
    package.add_argument("--out", type=Path, default=DEFAULT_OUT, help="zip file to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "manifest":
        return write_app_package(args.out)

    try:
        settings = Settings()
    except ValidationError as exc:  # one line per setting refused, no traceback
        for problem in problems(exc):
            print(f"settings error: {problem}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a .env file or a value the settings library cannot read at all
        print(f"settings error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    configure_logs(settings.log_level, settings.log_format)
    match args.command:
        case "migrate":
            asyncio.run(_migrate(settings))
            print(f"database is at the newest migration: {shown(settings.effective_database_url)}")
            return 0
        case "faq":
            return faq_cli.run(args, settings.effective_database_url)
        case "copy":
            return copy_cli.run(args, settings.effective_database_url)
        case "demo":
            return asyncio.run(_demo(settings))
        case _:
            overrides = {
                k: v
                for k, v in (("host", getattr(args, "host", None)), ("port", getattr(args, "port", None)))
                if v is not None
            }
            return serve(settings.model_copy(update=overrides))


def serve(settings: Settings) -> int:
    """Run the web server until interrupted."""
    from bot.app import AccessLog, DatabaseUnavailable, MigrationsPending, create_app, settle_memory

    try:
        settings.check_can_serve()
        app = create_app(settings)
    except SettingsError as exc:
        print(f"not starting: {exc}", file=sys.stderr)
        return 2
    settle_memory()
    if settings.local_mode:
        print(PLAYGROUND_HINT.format(url=f"http://{settings.host}:{settings.port}"), flush=True)
    database = shown(settings.effective_database_url)

    def serving(_banner: str) -> None:  # once the database is checked and the port bound
        logger.info("serving on %s:%s (database %s)", settings.host, settings.port, database)

    try:
        web.run_app(app, host=settings.host, port=settings.port, print=serving, access_log_class=AccessLog)
    except (MigrationsPending, DatabaseUnavailable) as exc:  # raised at start-up, before serving
        print(f"not starting: {exc}", file=sys.stderr)
        return 3
    return 0


async def _migrate(settings: Settings) -> None:
    engine = create_engine(settings.effective_database_url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def _demo(settings: Settings) -> int:
    from dialogs.demo import load_demo
    from storage.db import session_factory

    await _migrate(settings)
    engine = create_engine(settings.effective_database_url)
    try:
        async with session_factory(engine).begin() as session:
            summary = await load_demo(session, settings_admins=settings.admin_ids)
    finally:
        await engine.dispose()
    print(summary)
    return 0


def shown(database_url: str) -> str:
    """The database URL as printed and logged: its password masked."""
    return make_url(database_url).render_as_string(hide_password=True)


if __name__ == "__main__":
    sys.exit(main())
