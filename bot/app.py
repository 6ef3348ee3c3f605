"""create_app(settings) -> the aiohttp application: /api/messages, /healthz, /readyz, /metrics."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import secrets
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from aiohttp import web
from aiohttp.web_log import AccessLogger
from microsoft_agents.hosting.aiohttp import CloudAdapter, jwt_authorization_middleware
from microsoft_agents.hosting.core import AgentApplication
from sqlalchemy import text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot import logs, metrics
from bot.agent import build_agent
from bot.files import downloads
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from bot.outbound import mail
from bot.outbound.dispatcher import Dispatcher
from bot.outbound.notifier import Notifier
from bot.outbound.pace import pace_for
from bot.outbound.scheduler import ReminderScheduler
from bot.settings import Settings, is_loopback
from bot.teams import edge
from dialogs.common.clock import Clock, system_clock
from dialogs.features import build_services
from dialogs.questions.engine import Embedder, default_embedder
from dialogs.questions.knowledge_base import KnowledgeBase
from storage import db, migrate
from storage.db import create_engine, session_factory

logger = logging.getLogger(__name__)

ENGINE = web.AppKey("engine", AsyncEngine)
AGENT = web.AppKey("agent", AgentApplication)
ADAPTER = web.AppKey("adapter", CloudAdapter)
SETTINGS = web.AppKey("settings", Settings)
REMINDERS = web.AppKey("reminders", ReminderScheduler)
KNOWLEDGE = web.AppKey("knowledge", KnowledgeBase)
SESSIONS = web.AppKey("sessions", async_sessionmaker[AsyncSession])
HEADS = web.AppKey("heads", frozenset)
OPEN_PATHS = frozenset({"/healthz", "/readyz"})
METRICS_PATH = "/metrics"  # no JWT: its own check (`metrics_page`)
SIGNED_PATHS = tuple(
    f"/{kind}/" for kind in (downloads.REPORTS, downloads.MINUTES, downloads.CALENDAR, mail.UNSUBSCRIBE)
)  # own credential
MAX_BODY = edge.MAX_BODY
PROBE_SECONDS = 10  # the longest /readyz waits for the database
PROBE_LOCK_WAIT_MS = 2000  # how long it waits for the write lock (SQLite) or a row lock (PostgreSQL)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class MigrationsPending(RuntimeError):
    """The database is behind the code's migrations."""


class DatabaseUnavailable(RuntimeError):
    """The database does not answer at start-up."""


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The SDK's JWT check on everything except the load balancer probes and the metrics (their own check); a token
    the SDK would crash on is refused first, and any crash inside the check itself is a 401, never a 500."""
    if request.path in OPEN_PATHS or request.path == METRICS_PATH or request.path.startswith(SIGNED_PATHS):
        return await handler(request)
    refusal = edge.token_refusal(request.headers.get("Authorization"))
    if refusal is not None:
        logger.warning("refused token: %s", refusal)
        return web.json_response(edge.UNAUTHORIZED, status=401)
    checked = False

    async def after_check(checked_request: web.Request) -> web.StreamResponse:
        nonlocal checked
        checked = True
        return await handler(checked_request)

    try:
        response: web.StreamResponse = await jwt_authorization_middleware(request, after_check)
    except Exception as exc:
        if checked:
            raise
        logger.warning("refused token: the SDK's check failed with %s", type(exc).__name__)
        return web.json_response(edge.UNAUTHORIZED, status=401)
    return response


def create_app(
    settings: Settings, *, clock: Clock = system_clock, load_embedder: Callable[[], Embedder | None] = default_embedder
) -> web.Application:
    """The web application; the database is checked (and, in local mode, migrated) at start-up. `load_embedder`
    loads the question engine's model (the bundled e5 by default; a hosted embedding service can be plugged; none
    with `QUESTION_MODEL=none`)."""
    if settings.question_model == "none":
        load_embedder = _no_model
    engine = create_engine(settings.effective_database_url)
    metrics.watch_pool(engine)
    sessions = session_factory(engine)
    links = SignedLinks(
        base_url=settings.base_url(),
        secret=settings.link_secret.encode() if settings.link_secret else secrets.token_bytes(32),
    )
    wake = _Wake()
    services = build_services(
        privacy=settings.privacy_policy, served_teams=settings.allowed_team_ids, load_embedder=load_embedder
    )
    agent = build_agent(settings, sessions=sessions, clock=clock, links=links, after_turn=wake, services=services)
    app = web.Application(middlewares=[logs.request_ids, auth_middleware], client_max_size=MAX_BODY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        app["agent_configuration"] = agent.auth_configuration  # the SDK's middleware reads this key
    app[ENGINE] = engine
    app[AGENT] = agent.app
    app[ADAPTER] = agent.adapter
    app[SETTINGS] = settings
    app[HEADS] = migrate.heads()
    app[KNOWLEDGE] = services.knowledge
    app[SESSIONS] = sessions
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get(METRICS_PATH, metrics_page)
    app.router.add_routes(downloads.routes(sessions=sessions, links=links, clock=clock, catalogs=Catalogs()))
    app.router.add_routes(mail.unsubscribe_routes(sessions=sessions, links=links, clock=clock, catalogs=Catalogs()))
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_knowledge)
    if settings.reminders_enabled:
        dispatcher = Dispatcher(
            sessions,
            registry=services.registry,
            notifier=Notifier(agent.connections, pace=pace_for(engine, sessions)),
            renderer=agent.renderer,
            clock=clock,
            lease=timedelta(seconds=settings.reminder_lease_seconds),
            policy=settings.privacy_policy,
            mailer=_mailer(settings, links),
        )
        app[REMINDERS] = wake.scheduler = ReminderScheduler(dispatcher, tick_seconds=settings.reminder_tick_seconds)
        app.cleanup_ctx.append(_reminders)
    return app


def _mailer(settings: Settings, links: SignedLinks) -> mail.Mailer | None:
    """The e-mail sender, once SMTP_HOST is set (see bot/outbound/mail.py)."""
    server = mail.server_of(settings)
    return mail.Mailer(server, links=links) if server is not None else None


def settle_memory() -> None:
    """Once the application is built, before serving: what start-up made (modules, catalogs, the SDK's and
    SQLAlchemy's tables) moves out of the garbage collector's sight. A full collection otherwise walks all of it
    again and again (160 ms in the delivery benchmark), and nothing runs meanwhile: not a turn, not a paced send
    (the sends due meanwhile then go out in a burst that Teams' per-second limit counts against us)."""
    gc.collect()
    gc.freeze()


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
    await scheduler.stop()
    await scheduler.dispatcher.notifier.close()


async def _database(app: web.Application) -> AsyncIterator[None]:
    engine = app[ENGINE]
    if not app[SETTINGS].local_mode and _missing_sqlite_file(engine.url):  # not made here: no empty file left behind
        await engine.dispose()
        raise MigrationsPending("the database is not at the newest migration: run `python -m bot migrate`")
    try:
        behind = await migrate.pending(engine)
    except (OSError, DBAPIError) as exc:
        await engine.dispose()
        raise DatabaseUnavailable(f"the database does not answer ({_reason(exc)})") from exc
    if behind:
        if not app[SETTINGS].local_mode:
            await engine.dispose()
            raise MigrationsPending("the database is not at the newest migration: run `python -m bot migrate`")
        logger.info("local mode: applying database migrations")
        await migrate.upgrade(engine)
    yield
    await engine.dispose()


def _no_model() -> None:
    """`QUESTION_MODEL=none`: questions are scored lexically."""
    return None


async def _knowledge(app: web.Application) -> AsyncIterator[None]:
    """The model and every community's index load in the background while turns are served (`/readyz` waits)."""
    warming = app[KNOWLEDGE].warm(app[SESSIONS])
    yield
    warming.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await warming


def _missing_sqlite_file(url: URL) -> bool:
    """The URL names a SQLite file that does not exist (connecting would create it, empty)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return False
    path = url.database.removeprefix("file:") if url.query.get("uri") == "true" else url.database
    return not Path(path).exists()


async def messages(request: web.Request) -> web.StreamResponse:
    """POST /api/messages: one Bot Framework activity, checked and cleaned at the edge (400/413 otherwise), then
    its turn, which writes one log line (`logs.turn`)."""
    try:
        activity = await edge.read_activity(request)
    except edge.Refused as refusal:
        return refusal.response()
    with logs.turn(request, activity) as turn:
        response = await edge.process(request, activity, agent=request.app[AGENT], adapter=request.app[ADAPTER])
        if response.status >= 500:
            turn.outcome = "error"
    return response


async def healthz(_request: web.Request) -> web.Response:
    """The process is up."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """The database takes a write (rolled back), its schema is current and questions can be answered (the model and
    the indexes have loaded). Nothing is logged while ready, one line per probe while not (the access log leaves the
    probes out, `AccessLog`)."""
    status, problem = await _readiness(request.app[ENGINE], request.app[HEADS])
    if problem is None and not request.app[KNOWLEDGE].ready:
        status, problem = "loading", "the model and the knowledge indexes are still loading"
    if problem is None:
        return web.json_response({"status": status})
    logger.warning("not ready: %s (%s)", status, problem)
    return web.json_response({"status": status}, status=503)


async def metrics_page(request: web.Request) -> web.Response:
    """The bot's metrics in Prometheus' text format, to a scraper on the same host (loopback) or one sending
    `METRICS_TOKEN` as a bearer token; anyone else gets 401."""
    token = request.app[SETTINGS].metrics_token
    sent = request.headers.get("Authorization", "")
    allowed = is_loopback(request.remote or "") or (
        bool(token) and secrets.compare_digest(sent.encode(), f"Bearer {token}".encode())
    )
    if not allowed:
        return web.json_response(edge.UNAUTHORIZED, status=401)
    return web.Response(body=metrics.exposition(), headers={"Content-Type": metrics.CONTENT_TYPE})


async def _readiness(engine: AsyncEngine, heads: frozenset[str]) -> tuple[str, str | None]:
    """('ready', None), or the status to answer and why.

    The write: `UPDATE alembic_version SET version_num = version_num`, rolled back. It needs the write lock
    (SQLite: `BEGIN IMMEDIATE`, waiting at most PROBE_LOCK_WAIT_MS for another writer) or a row lock and a
    writable transaction (PostgreSQL: refused on a read-only server or standby, or with the privilege revoked),
    so a read-only or locked SQLite file, a read-only PostgreSQL and a running migration all answer 503; the
    rows it returns are the schema's version, compared with the code's migrations.
    """
    try:
        async with asyncio.timeout(PROBE_SECONDS):
            async with engine.connect() as connection:
                if connection.dialect.name == "sqlite":
                    versions = await connection.run_sync(_sqlite_write_check)
                else:
                    versions = await _postgres_write_check(connection)
    except TimeoutError:
        return "database unavailable", f"no answer within {PROBE_SECONDS} s"
    except Exception as exc:  # whatever the driver raises (the SQLite check runs below SQLAlchemy)
        reason = _reason(exc)
        if "alembic_version" in reason:  # no such table: never migrated
            return "migrations pending", reason
        return "database unavailable", reason
    if versions != heads:
        return "migrations pending", f"schema {sorted(versions)}, code {sorted(heads)}"
    return "ready", None


def _sqlite_write_check(connection: Connection) -> frozenset[str]:
    """On the driver's connection (the engine's `begin` hook would wait LOCK_WAIT for the lock): BEGIN IMMEDIATE with
    a short busy timeout, the write, ROLLBACK, the timeout as it was."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("PRAGMA busy_timeout")
        (waited,) = cursor.fetchone() or (int(db.LOCK_WAIT * 1000),)
        cursor.execute(f"PRAGMA busy_timeout = {PROBE_LOCK_WAIT_MS}")
        try:
            cursor.execute("BEGIN IMMEDIATE")
            try:
                cursor.execute(_WRITE_PROBE)
                return frozenset(row[0] for row in cursor.fetchall())
            finally:
                with contextlib.suppress(Exception):
                    cursor.execute("ROLLBACK")
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(waited)}")
    finally:
        cursor.close()


async def _postgres_write_check(connection: AsyncConnection) -> frozenset[str]:
    transaction = await connection.begin()
    try:
        await connection.execute(text(f"SET LOCAL lock_timeout = {PROBE_LOCK_WAIT_MS}"))
        await connection.execute(text(f"SET LOCAL statement_timeout = {PROBE_SECONDS * 1000}"))
        rows = await connection.execute(text(_WRITE_PROBE))
        return frozenset(row[0] for row in rows)
    finally:
        await transaction.rollback()


_WRITE_PROBE = "UPDATE alembic_version SET version_num = version_num RETURNING version_num"


def _reason(exc: BaseException) -> str:
    """A short, single-line reason: the driver's error without SQLAlchemy's statement and link."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    words = " ".join(str(cause).split())[:200]
    return f"{type(cause).__name__}: {words}" if words else type(cause).__name__


class AccessLog(AccessLogger):
    """aiohttp's access log without the probes and the scrapes of /metrics (a load balancer or Prometheus asks every
    few seconds, and a line per ask says nothing; a probe that finds the bot not ready logs its own line) nor the
    activities whose turn wrote its own line (`logs.turn`), which says more."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        if request.path not in OPEN_PATHS and request.path != METRICS_PATH and not request.get(logs.TURN_LOGGED):
            super().log(request, response, time)
