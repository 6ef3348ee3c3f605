"""Fixtures of the hosting floor (the bot's server and its fake Bot Connector are tests/conftest.py's).

The helpers they are built from (BotServer, the fixtures' accounts, settings_for …) live in tests/server.py;
import them from there, never from this file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.outbound.notifier import Notifier
from tests.fakes import RecordedSleep


@pytest.fixture
def sleep() -> RecordedSleep:
    """The notifier's waits, recorded instead of slept."""
    return RecordedSleep()


@pytest.fixture(autouse=True)
async def notifiers_closed(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Every notifier a test makes is closed after it, as the app closes its own at shutdown (a notifier keeps its
    HTTP sessions open for its life)."""
    made: list[Notifier] = []
    make = Notifier.__init__

    def remembered(self: Notifier, *args: Any, **kwargs: Any) -> None:
        make(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Notifier, "__init__", remembered)
    yield
    for notifier in made:
        await notifier.close()
