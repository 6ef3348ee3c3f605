"""Build the Agents SDK application: connections, adapter, Teams extension, gate and routes."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import httpx
from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentApplication,
    AgentAuthConfiguration,
    MemoryStorage,
    OutboundHostValidator,
    TurnContext,
    TurnState,
)
from microsoft_agents.hosting.core.connector.client import user_token_client
from microsoft_agents.hosting.msteams import TeamsAgentExtension
from microsoft_teams.api import ApiClient
from microsoft_teams.common import Client, ClientOptions
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from bot.settings import Settings
from bot.teams.gate import Gate
from bot.teams.routes import Routes
from dialogs.common.clock import Clock
from dialogs.common.turn import Services
from dialogs.router import Router


class Agent(NamedTuple):
    """What the web app needs of the agent."""

    app: AgentApplication[TurnState]
    adapter: CloudAdapter
    auth_configuration: AgentAuthConfiguration
    connections: MsalConnectionManager
    renderer: Renderer


def build_agent(
    settings: Settings,
    *,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    links: SignedLinks,
    after_turn: Callable[[], None],
    services: Services,
) -> Agent:
    """The AgentApplication, its adapter, the auth configuration the JWT middleware checks against, the
    connections (for proactive sends) and the renderer.

    Local mode allows anonymous requests; with credentials, issuer validation and outbound host
    validation are on. Our own data lives in SQL, so the SDK's turn state stays in memory.
    """
    config = load_configuration_from_env(settings.sdk_configuration())
    connections = MsalConnectionManager(**config)
    adapter = CloudAdapter(
        connection_manager=connections,
        host_validator=OutboundHostValidator(enabled=not settings.local_mode),
    )
    app = AgentApplication[TurnState](
        storage=MemoryStorage(), connection_manager=connections, start_typing_timer=False, **config
    )
    if settings.local_mode:
        app.before_turn(_tokenless_teams_client)  # must run before the Teams extension's own hook
        # The SDK warns on every anonymous turn that its token client has no App ID: local mode has none by design.
        logging.getLogger(user_token_client.__name__).setLevel(logging.ERROR)
    TeamsAgentExtension(app)
    renderer = Renderer(Catalogs(), links=links, clock=clock)
    app.before_turn(Gate(sessions=sessions, settings=settings, renderer=renderer, clock=clock).before_turn)
    router = Router(sessions, services)
    Routes(
        sessions=sessions, router=router, settings=settings, renderer=renderer, clock=clock, after_turn=after_turn
    ).register(app)
    return Agent(app, adapter, connections.get_default_connection_configuration(), connections, renderer)


async def _tokenless_teams_client(context: TurnContext, _state: TurnState) -> bool:
    """Local mode: a Teams API client that sends no token.

    The Teams extension (1.9.0) asks MSAL for a token even on anonymous turns, which fails without a
    TENANTID; a local client (Agents Playground) needs none.
    """
    identity = context.identity
    anonymous = identity is None or identity.allow_anonymous
    url = context.activity.service_url
    if anonymous and url and not context.services.has(ApiClient):
        # The extension closes the client after the turn, so it is one per turn; what made it cost ~16 ms of CPU
        # (httpx building a TLS context from the CA file for every client) is built once, as the SDK's own does.
        # (No base URL on the HTTP client, as the default one has none: a host that does not parse — a zero-width
        # space in "127.0.0.1" — must not fail the turn here; the API client puts the service URL on each request.)
        options = ClientOptions()
        http = httpx.AsyncClient(headers=options.headers, timeout=options.timeout, verify=_tls())
        context.services.set(ApiClient, ApiClient(url, options=Client(options, _http=http)))
    return True


@cache
def _tls() -> ssl.SSLContext:
    return httpx.create_ssl_context()
