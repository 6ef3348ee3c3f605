"""Fixtures of the mail tests: a real SMTP server on loopback, and the conversation harness's community whose members
(but the guest) have e-mail addresses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from storage.models import Member
from tests.bot.mail.smtp import LoopbackSmtp
from tests.bot.mail.world import EMAILS
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
def smtp() -> Iterator[LoopbackSmtp]:
    server = LoopbackSmtp().start()
    yield server
    server.stop()


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> AsyncIterator[Chat]:
    """The cast, with e-mail addresses for all but the guest."""
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        for who, address in EMAILS.items():
            member = await session.get(Member, chat.ids[who])
            assert member is not None
            member.email = address
    yield chat
