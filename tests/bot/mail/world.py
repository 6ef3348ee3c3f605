"""The mail tests' world: the cast with e-mail addresses (but the guest), a mailer to the loopback SMTP server, the
app's dispatcher with it, and a clock moved from one due row to the next."""

from __future__ import annotations

from datetime import datetime

from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from bot.outbound.dispatcher import Dispatcher
from bot.outbound.mail import Mailer, SmtpServer
from bot.outbound.notifier import Notifier
from tests.bot.mail.smtp import LoopbackSmtp
from tests.chat import Chat
from tests.fakes import FakeClock, RecordedSleep
from tests.server import connections

SECRET = b"s" * 32
EMAILS = {"admin": "amal@un.example", "facilitator": "leila@ifrc.example", "member": "omar@wfp.example"}
BASE = "http://127.0.0.1:9"  # where the mails' links point (the HTTP test passes its server's address)


def mailer(smtp: LoopbackSmtp, sleep: RecordedSleep, *, port: int | None = None, base: str = BASE) -> Mailer:
    server = SmtpServer(
        host="127.0.0.1", port=port or smtp.port, security="none", sender="Tansiq <tansiq@cop.example>", timeout=5
    )
    return Mailer(server, links=SignedLinks(base_url=base, secret=SECRET), sleep=sleep)


def dispatcher(chat: Chat, clock: FakeClock, sleep: RecordedSleep, mail: Mailer | None) -> Dispatcher:
    """The app's dispatcher: the chat's community has no Teams channel or chats, so its Teams rows are parked; the
    e-mail copies go out beside them."""
    return Dispatcher(
        chat.sessions,
        registry=chat.services.registry,
        notifier=Notifier(connections(), sleep=sleep),
        renderer=Renderer(Catalogs(), clock=clock),
        clock=clock,
        mailer=mail,
    )


async def run_until(sender: Dispatcher, clock: FakeClock, end: datetime) -> None:
    """Send everything due until `end`, the clock moved to each row's time."""
    for _ in range(500):
        due = await sender.next_due()
        if due is None or due > end:
            break
        clock.now = max(clock.now, due)
        await sender.run_once()
    clock.now = max(clock.now, end)


async def said(chat: Chat, who: str, text: str) -> str:
    answer = await chat.say(text, as_=who)
    assert not answer.key.endswith("usage"), answer.text
    return answer.text
