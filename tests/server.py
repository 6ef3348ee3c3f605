"""The hosting floor as tests meet it: the bot's real aiohttp app on 127.0.0.1, the Teams accounts of the fixtures,
settings for local mode, and the outbox dispatcher wired to the real notifier.

Plain helpers only; the pytest fixtures built from them (`connector`, `bot`, `sleep` …) are in tests/bot/conftest.py.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import KNOWLEDGE, create_app
from bot.cards.render import Renderer
from bot.i18n import Catalogs
from bot.outbound.dispatcher import Dispatcher
from bot.outbound.notifier import Notifier
from bot.settings import Settings
from dialogs.common.clock import Clock
from dialogs.features import build_registry
from tests.fake_connector import TENANT, FakeConnector, account, activity_text
from tests.fakes import RecordedSleep

__all__ = [
    "FIXTURES",
    "HUDA",
    "LEILA",
    "OMAR",
    "SAMI",
    "TEAM",
    "TENANT",
    "BotServer",
    "card_texts",
    "connections",
    "make_dispatcher",
    "mention",
    "serve",
    "settings_for",
]

FIXTURES = Path(__file__).parent / "fixtures" / "teams"
TEAM = "19:team-general-3f2a@thread.tacv2"  # the team of the Teams fixtures (its General channel)
LEILA = account("29:1leila", "Leila Haddad", "a1a1a1a1-0000-4000-8000-000000000001", "leila@ifrc.example")
OMAR = account("29:1omar", "Omar Khalil", "a1a1a1a1-0000-4000-8000-000000000002", "omar@wfp.example")
SAMI = account("29:1sami", "Sami Nasser", "a1a1a1a1-0000-4000-8000-000000000003", "sami@ngo.example", guest=True)
HUDA = account("29:1huda", "Huda Abdallah", "a1a1a1a1-0000-4000-8000-000000000004", "huda@yrcs.example")

card_texts = activity_text  # what the member reads in a reply: its text and all its cards' TextBlocks


class BotServer:
    """The bot's aiohttp app served on a loopback socket; activities go in as Teams sends them."""

    def __init__(self, server: TestServer, connector: FakeConnector) -> None:
        self.server = server
        self.connector = connector

    def activity(self, name: str, **changes: Any) -> dict[str, Any]:
        """A fixture activity pointed at the fake connector, with top-level fields changed, and its own id (as each
        activity Teams sends has; pass `id=` to send one again, as a redelivery)."""
        activity = copy.deepcopy(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
        activity["serviceUrl"] = self.connector.url
        activity["id"] = uuid.uuid4().hex
        activity.update(changes)
        return activity

    async def post(self, activity: dict[str, Any], *, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        async with (
            aiohttp.ClientSession() as http,
            http.post(self.server.make_url("/api/messages"), json=activity, headers=headers or {}) as response,
        ):
            body = await response.text()
            return response.status, (json.loads(body) if body else None)

    async def replies(self, activity: dict[str, Any]) -> list[dict[str, Any]]:
        """Post with deliveryMode expectReplies and return the bot's replies from the response body."""
        status, body = await self.post({**activity, "deliveryMode": "expectReplies"})
        assert status == 200, body
        return body["activities"]

    async def get(self, path: str) -> tuple[int, Any]:
        async with aiohttp.ClientSession() as http, http.get(self.server.make_url(path)) as response:
            return response.status, await response.json()

    async def install(self) -> None:
        """Teams installs the app in the team (installationUpdate + conversationUpdate, as it does)."""
        for name in ("installation_update_add_team", "conversation_update_bot_added_team"):
            status, _ = await self.post(self.activity(name))
            assert status in (200, 202)


@asynccontextmanager
async def serve(settings: Settings, connector: FakeConnector, clock: Clock) -> AsyncIterator[BotServer]:
    """The app built from `settings`, served on 127.0.0.1 for the duration of the block (then stopped), once its
    knowledge has loaded (as a load balancer waits for /readyz)."""
    app = create_app(settings, clock=clock)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    await app[KNOWLEDGE].wait_ready()
    try:
        yield BotServer(server, connector)
    finally:
        await server.close()


def settings_for(database_url: str, tmp_path: Path, **extra: Any) -> Settings:
    """Local-mode settings; the reminder scheduler is off unless a test turns it on (tests drive the dispatcher)."""
    return Settings(
        _env_file=None, database_url=database_url, data_dir=tmp_path, **{"reminders_enabled": False, **extra}
    )


def mention(person: dict[str, Any]) -> dict[str, Any]:
    """The mention entity Teams sends with `<at>Name</at>` in a message's text."""
    return {
        "type": "mention",
        "mentioned": {"id": person["id"], "name": person["name"]},
        "text": f"<at>{person['name']}</at>",
    }


def connections(**credentials: str) -> MsalConnectionManager:
    """The SDK connection manager exactly as bot/agent.py builds it (local mode without credentials)."""
    settings = Settings(_env_file=None, **credentials)
    return MsalConnectionManager(**load_configuration_from_env(settings.sdk_configuration()))


def make_dispatcher(sessions: async_sessionmaker[AsyncSession], clock: Clock, sleep: RecordedSleep) -> Dispatcher:
    """One replica's outbox sender, as the app builds it, sending through the real notifier (local mode)."""
    return Dispatcher(
        sessions,
        registry=build_registry(),
        notifier=Notifier(connections(), sleep=sleep),
        renderer=Renderer(Catalogs(), clock=clock),
        clock=clock,
    )
