"""create_app(settings) -> the aiohttp application: /api/messages, /healthz, /readyz."""

from __future__ import annotations

import logging
import secrets
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web
from microsoft_agents.hosting.aiohttp import CloudAdapter, jwt_authorization_middleware, start_agent_process
from microsoft_agents.hosting.core import AgentApplication
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.agent import build_agent
from bot.files import downloads
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from bot.outbound.dispatcher import Dispatcher
from bot.outbound.notifier import Notifier
from bot.outbound.scheduler import ReminderScheduler
from bot.settings import Settings
from dialogs.common.clock import Clock, system_clock
from dialogs.features import build_services
from storage import migrate
from storage.db import create_engine, session_factory

logger = logging.getLogger(__name__)

ENGINE = web.AppKey("engine", AsyncEngine)
AGENT = web.AppKey("agent", AgentApplication)
ADAPTER = web.AppKey("adapter", CloudAdapter)
SETTINGS = web.AppKey("settings", Settings)
REMINDERS = web.AppKey("reminders", ReminderScheduler)
OPEN_PATHS = frozenset({"/healthz", "/readyz"})
SIGNED_PATHS = tuple(
    f"/{kind}/" for kind in (downloads.REPORTS, downloads.MINUTES, downloads.CALENDAR)
)  # own credential
MAX_BODY = 4 * 1024 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class MigrationsPending(RuntimeError):
    """The database is behind the code's migrations."""


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The SDK's JWT check on everything except the load balancer probes."""
    if request.path in OPEN_PATHS or request.path.startswith(SIGNED_PATHS):
        return await handler(request)
    response: web.StreamResponse = await jwt_authorization_middleware(request, handler)
    return response


def create_app(settings: Settings, *, clock: Clock = system_clock) -> web.Application:
    """The web application; the database is checked (and, in local mode, migrated) at start-up."""
    engine = create_engine(settings.effective_database_url)
    sessions = session_factory(engine)
    links = SignedLinks(
        base_url=settings.base_url(),
        secret=settings.link_secret.encode() if settings.link_secret else secrets.token_bytes(32),
    )
    wake = _Wake()
    services = build_services()
    agent = build_agent(settings, sessions=sessions, clock=clock, links=links, after_turn=wake, services=services)
    app = web.Application(middlewares=[auth_middleware], client_max_size=MAX_BODY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        app["agent_configuration"] = agent.auth_configuration  # the SDK's middleware reads this key
    app[ENGINE] = engine
    app[AGENT] = agent.app
    app[ADAPTER] = agent.adapter
    app[SETTINGS] = settings
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_routes(downloads.routes(sessions=sessions, links=links, clock=clock, catalogs=Catalogs()))
    app.cleanup_ctx.append(_database)
    if settings.reminders_enabled:
        dispatcher = Dispatcher(
            sessions,
            registry=services.registry,
            notifier=Notifier(agent.connections),
            renderer=agent.renderer,
            clock=clock,
        )
        app[REMINDERS] = wake.scheduler = ReminderScheduler(
            dispatcher, tick_seconds=settings.reminder_tick_seconds, retention=settings.outbox_retention
        )
        app.cleanup_ctx.append(_reminders)
    return app


class _Wake:
    """Called after every turn: wakes the reminder scheduler (once there is one) to send what is due now."""

    scheduler: ReminderScheduler | None = None

    def __call__(self) -> None:
        if self.scheduler is not None:
            self.scheduler.nudge()


async def _reminders(app: web.Application) -> AsyncIterator[None]:
    scheduler = app[REMINDERS]
    scheduler.start()
    yield
    scheduler.shutdown()


async def _database(app: web.Application) -> AsyncIterator[None]:
    engine = app[ENGINE]
    if await migrate.pending(engine):
        if not app[SETTINGS].local_mode:
            await engine.dispose()
            raise MigrationsPending("the database is not at the newest migration: run `python -m bot migrate`")
        logger.info("local mode: applying database migrations")
        await migrate.upgrade(engine)
    yield
    await engine.dispose()


async def messages(request: web.Request) -> web.StreamResponse:
    """POST /api/messages: one Bot Framework activity."""
    response = await start_agent_process(request, request.app[AGENT], request.app[ADAPTER])
    return response if response is not None else web.Response(status=202)


async def healthz(_request: web.Request) -> web.Response:
    """The process is up."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """The database answers and its schema is current."""
    engine = request.app[ENGINE]
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        if await migrate.pending(engine):
            return web.json_response({"status": "migrations pending"}, status=503)
    except Exception as exc:
        logger.warning("not ready: %s", type(exc).__name__)
        return web.json_response({"status": "database unreachable"}, status=503)
    return web.json_response({"status": "ready"})
