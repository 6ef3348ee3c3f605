"""A real bot server on 127.0.0.1 and a fake Bot Connector beside it."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.settings import Settings
from tests.fake_connector import FakeConnector, account, activity_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "teams"
TENANT = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01"
TEAM = "19:team-general-3f2a@thread.tacv2"
LEILA = account("29:1leila", "Leila Haddad", "a1a1a1a1-0000-4000-8000-000000000001", "leila@ifrc.example")
OMAR = account("29:1omar", "Omar Khalil", "a1a1a1a1-0000-4000-8000-000000000002", "omar@wfp.example")
SAMI = account("29:1sami", "Sami Nasser", "a1a1a1a1-0000-4000-8000-000000000003", "sami@ngo.example", guest=True)
HUDA = account("29:1huda", "Huda Abdallah", "a1a1a1a1-0000-4000-8000-000000000004", "huda@yrcs.example")


class BotServer:
    """The bot's aiohttp app served on a loopback socket; activities go in as Teams sends them."""

    def __init__(self, server: TestServer, connector: FakeConnector) -> None:
        self.server = server
        self.connector = connector

    def activity(self, name: str, **changes: Any) -> dict[str, Any]:
        """A fixture activity pointed at the fake connector, with top-level fields changed."""
        activity = copy.deepcopy(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
        activity["serviceUrl"] = self.connector.url
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


def settings_for(database_url: str, tmp_path: Path, **extra: Any) -> Settings:
    """Local-mode settings; the reminder scheduler is off unless a test turns it on (tests drive the dispatcher)."""
    return Settings(
        _env_file=None, database_url=database_url, data_dir=tmp_path, **{"reminders_enabled": False, **extra}
    )


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(roster=[LEILA, OMAR, SAMI]).start()
    yield fake
    await fake.close()


@pytest.fixture
def bot_settings(engine, database_url: str, tmp_path: Path) -> Settings:
    """Local-mode settings on the (migrated, empty) test database."""
    return settings_for(database_url, tmp_path)


@pytest.fixture
async def bot(bot_settings: Settings, connector: FakeConnector, clock) -> AsyncIterator[BotServer]:
    server = TestServer(create_app(bot_settings, clock=clock), host="127.0.0.1")
    await server.start_server()
    yield BotServer(server, connector)
    await server.close()


card_texts = activity_text  # what the member reads in a reply: its text and all its cards' TextBlocks
