"""A real SMTP server on 127.0.0.1 (aiosmtpd, in its own thread), keeping what arrives, parsed with `email`; it can
be told to answer the next recipients with a refusal ("451 …" to try later, "550 …" refused)."""

from __future__ import annotations

import socket
from collections import deque
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, cast

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


class LoopbackSmtp:
    """`start()` then `stop()`; `mails` is every message accepted, in order; `refuse(*answers)` answers the next
    RCPT commands with them, one each."""

    def __init__(self) -> None:
        self.mails: list[EmailMessage] = []
        self.answers: deque[str] = deque()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def start(self) -> LoopbackSmtp:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def refuse(self, *answers: str) -> None:
        self.answers.extend(answers)

    def to(self, address: str) -> list[EmailMessage]:
        """The mails that arrived for `address`."""
        return [mail for mail in self.mails if address in str(mail["To"])]

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[Any]
    ) -> str:
        if self.answers:
            return self.answers.popleft()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.mails.append(cast(EmailMessage, message_from_bytes(content, policy=policy.default)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def parts(mail: EmailMessage) -> tuple[str, str]:
    """The plain text and HTML of a mail."""
    text = mail.get_body(preferencelist=("plain",))
    page = mail.get_body(preferencelist=("html",))
    assert text is not None and page is not None
    return str(text.get_content()), str(page.get_content())
