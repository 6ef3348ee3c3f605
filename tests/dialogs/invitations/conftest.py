"""Fixtures of the invitation tests: the mail tests' real SMTP server on loopback and their cast with e-mail addresses
(tests/bot/mail/conftest.py), and the app's dispatcher sending through that server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.outbound.dispatcher import Dispatcher
from tests.bot.mail.conftest import chat, smtp
from tests.bot.mail.smtp import LoopbackSmtp
from tests.bot.mail.world import dispatcher, mailer
from tests.chat import Chat
from tests.fakes import FakeClock, RecordedSleep

__all__ = ["chat", "sender", "smtp"]


@pytest.fixture
async def sender(chat: Chat, clock: FakeClock, smtp: LoopbackSmtp) -> AsyncIterator[Dispatcher]:
    """The app's dispatcher with a mailer to the loopback server."""
    sleep = RecordedSleep()
    made = dispatcher(chat, clock, sleep, mailer(smtp, sleep))
    yield made
    await made.notifier.close()
