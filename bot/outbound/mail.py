"""The e-mail sender: an outbox message as a mail (HTML and plain text, right-to-left in Arabic, in the reader's
language, with a signed unsubscribe link), sent through the SMTP server of the settings (`SMTP_*`) with aiosmtplib.

The mail's words are the Teams message's: the Renderer's text of the same Reply (`Renderer.text`), its Markdown
turned into simple HTML. What becomes of a send is a `bot.outbound.notifier.Delivery`, recorded by the dispatcher
as a Teams send's is: a server that cannot be reached, or answers 4xx (try later), is tried again here with backoff,
then the row is retried later (`mail-unreachable`, `mail-deferred`), parked after the dispatcher's attempts; a 5xx
refusal of the sender, a recipient or the message is parked at once (`mail-refused`, with the SMTP code), as is a
server refusing the login (`mail-login`) or without the TLS asked for (`mail-setup`). A connection lost once the
message was being handed over is a send of unknown outcome (`mail-no-answer`): tried once more, then parked.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from typing import Literal

import aiosmtplib
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, plain
from bot.outbound.notifier import Delivery, Outcome
from bot.settings import Settings
from dialogs.common.clock import Clock
from dialogs.common.replies import Reply
from dialogs.invitations.views import CalendarInvitation
from dialogs.mail import choices
from dialogs.mail.topics import TOPICS

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Security = Literal["none", "starttls", "tls"]
UNSUBSCRIBE = "unsubscribe"  # the signed links' kind, and the route's first path segment
UNSUBSCRIBE_LIFETIME = timedelta(days=400)  # an unsubscribe link works for over a year
SUBJECT_LIMIT = 140
HEADERS = policy.default.clone(max_line_length=998)
"""Headers folded only past RFC 5322's limit: a long unsubscribe URL stays one plain line (`List-Unsubscribe`)."""
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send: `security` none (plain, e.g. a relay on the same host), starttls (upgrade after
    connecting, usually port 587) or tls (TLS from the start, usually 465); the login when both are given."""

    host: str
    port: int
    security: Security
    sender: str
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    attempts: int = 3  # tries of one send here before the dispatcher's later retry
    first_wait: float = 2.0
    max_wait: float = 30.0


def server_of(settings: Settings) -> SmtpServer | None:
    """The SMTP server of the settings; None while SMTP_HOST is not set (then no mail is sent)."""
    if settings.smtp_host is None or settings.smtp_sender is None:
        return None
    return SmtpServer(
        host=settings.smtp_host,
        port=settings.smtp_port_or_default,
        security=settings.smtp_tls,
        sender=settings.smtp_sender,
        username=settings.smtp_username,
        password=settings.smtp_password,
        timeout=float(settings.smtp_timeout_seconds),
    )


@dataclass(frozen=True)
class Addressee:
    """Whom a mail is for, read while the row is composed: their address and name, language and zone, the topic the
    mail belongs to (for its footer and unsubscribe link), their community's name, and the outbox kind (in the
    `X-Tansiq-Kind` header, for mail filters)."""

    member_id: int
    address: str
    name: str
    lang: str
    zone: str
    topic: str
    community: str
    kind: str


class _Transient(Exception):
    def __init__(self, delivery: Delivery) -> None:
        super().__init__(delivery.reason)
        self.delivery = delivery


class Mailer:
    """Composes and sends mails; one per app (no connection is kept between sends)."""

    def __init__(self, server: SmtpServer, *, links: SignedLinks, sleep: Sleep = asyncio.sleep) -> None:
        self.server = server
        self.links = links
        self._sleep = sleep

    def compose(self, renderer: Renderer, reply: Reply, to: Addressee, *, now: datetime) -> EmailMessage:
        """The mail of a reply, as `to` reads it: a subject from its first line, the text and its HTML, the footer
        saying why it came and the unsubscribe link (also in `List-Unsubscribe`). A calendar invitation's reply
        (`CalendarInvitation`) is its words, with its .ics as the `text/calendar; method=…` part calendars read."""
        invitation = reply.view if isinstance(reply.view, CalendarInvitation) else None
        markdown = renderer.text(replace(reply, view=None) if invitation else reply, lang=to.lang, zone=to.zone)
        t = renderer.catalogs.text
        claims = {"m": to.member_id, "t": to.topic, "l": to.lang}
        unsubscribe = self.links.url(UNSUBSCRIBE, claims, now=now, lifetime=UNSUBSCRIBE_LIFETIME)
        why = t(to.lang, "mail-why", topic=t(to.lang, f"notify-topic-{to.topic}"), community=to.community)
        stop, change = t(to.lang, "mail-unsubscribe"), t(to.lang, "mail-change")
        subject = _one_line(f"{to.community}: {_headline(markdown)}")
        message = EmailMessage(policy=HEADERS)
        message["Subject"] = subject
        message["From"] = self.server.sender
        message["To"] = formataddr((_one_line(to.name), to.address))
        message["Date"] = format_datetime(now)
        message["Message-ID"] = make_msgid(domain=_domain(self.server.sender))
        message["Auto-Submitted"] = "auto-generated"
        message["X-Tansiq-Kind"] = to.kind
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058: a mail client's one-click POST
        text = f"{_plain(markdown)}\n\n-- \n{_plain(why)}\n{stop}: {unsubscribe}\n{_plain(change)}\n"
        message.set_content(text, charset="utf-8")
        footer = f'{_inline(why)}<br><a href="{html.escape(unsubscribe)}">{html.escape(stop)}</a> · {_inline(change)}'
        message.add_alternative(_page(subject, _html(markdown), footer, lang=to.lang), subtype="html", charset="utf-8")
        if invitation:  # the part calendar programs (Outlook) read: text/calendar; method=…; charset=utf-8
            params = {"method": invitation.method}
            message.add_alternative(invitation.ics, subtype="calendar", charset="utf-8", params=params)
        message["Content-Language"] = to.lang  # (after the content: setting it drops Content-* headers)
        return message

    async def send(self, message: EmailMessage) -> Delivery:
        """Send one mail (tried `attempts` times here on transient trouble); what became of it."""
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(_Transient),
            wait=wait_exponential_jitter(multiplier=self.server.first_wait, max=self.server.max_wait),
            stop=stop_after_attempt(self.server.attempts),
            reraise=True,
            sleep=self._sleep,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    sent = await self._send_once(message)
                    return replace(sent, attempts=attempt.retry_state.attempt_number)
            raise AssertionError("tenacity ends with a return or an exception")
        except _Transient as failure:
            logger.warning("mail: %s after %s tries: %s", failure.delivery.reason, self.server.attempts, failure)
            return failure.delivery

    async def _send_once(self, message: EmailMessage) -> Delivery:
        server = self.server
        client = aiosmtplib.SMTP(
            hostname=server.host,
            port=server.port,
            username=server.username,
            password=server.password,
            use_tls=server.security == "tls",
            start_tls=server.security == "starttls",
            timeout=server.timeout,
        )
        try:
            await client.connect()
        except aiosmtplib.SMTPAuthenticationError as error:
            return _refused("mail-login", error)
        except aiosmtplib.SMTPNotSupported as error:
            return Delivery(Outcome.PARKED, reason="mail-setup", error=str(error))
        except aiosmtplib.SMTPResponseException as error:
            if 400 <= error.code < 500:
                raise _Transient(_refused("mail-deferred", error, Outcome.RETRY_LATER)) from error
            return _refused("mail-refused", error)
        except OSError as error:  # (aiosmtplib's connect, disconnect and timeout errors are OSErrors too)
            raise _Transient(Delivery(Outcome.RETRY_LATER, reason="mail-unreachable", error=str(error))) from error
        except aiosmtplib.SMTPException as error:  # no STARTTLS or AUTH offered, no login method in common
            return Delivery(Outcome.PARKED, reason="mail-setup", error=str(error))
        try:
            await client.send_message(message)
        except aiosmtplib.SMTPRecipientsRefused as error:
            return _answered(error.recipients[0])
        except aiosmtplib.SMTPResponseException as error:
            return _answered(error)
        except (aiosmtplib.SMTPException, OSError) as error:  # lost while handing it over: it may have gone
            return Delivery(Outcome.UNKNOWN, reason="mail-no-answer", error=str(error))
        finally:
            await _close(client)
        return Delivery(Outcome.SENT)


def _answered(error: aiosmtplib.SMTPResponseException) -> Delivery:
    """A refusal of the sender, a recipient or the message: 4xx to try again, 5xx parked."""
    if 400 <= error.code < 500:
        raise _Transient(_refused("mail-deferred", error, Outcome.RETRY_LATER)) from error
    return _refused("mail-refused", error)


def _refused(reason: str, error: aiosmtplib.SMTPResponseException, outcome: Outcome = Outcome.PARKED) -> Delivery:
    """A server's answer as a Delivery: its code as the status, its enhanced status code (5.1.1) as the code."""
    enhanced = re.match(r"\d\.\d{1,3}\.\d{1,3}", error.message.strip())
    return Delivery(
        outcome, reason=reason, status=error.code, code=enhanced[0] if enhanced else None, error=error.message
    )


async def _close(client: aiosmtplib.SMTP) -> None:
    try:
        await client.quit()
    except (aiosmtplib.SMTPException, OSError):
        client.close()


def _domain(sender: str) -> str | None:
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or None


def _one_line(text: str) -> str:
    """`text` for a header: every run of whitespace (line and paragraph separators too) one space. Member and team
    names may hold them, and the `email` package refuses a header that does."""
    return " ".join(text.split())


def _headline(markdown: str) -> str:
    """The message's first line, as plain text, for the subject."""
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    line = " ".join(_plain(first).split())
    return line if len(line) <= SUBJECT_LIMIT else line[: SUBJECT_LIMIT - 1] + "…"


def _plain(markdown: str) -> str:
    """The Markdown of a message as plain text: bold and code marks dropped, links as `text (url)`."""
    text = _LINK.sub(lambda found: f"{found[1]} ({found[2]})", markdown)
    return _CODE.sub(r"\1", _BOLD.sub(r"\1", text))


def _html(markdown: str) -> str:
    """The Markdown of a message as simple HTML paragraphs (see `_inline`)."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", markdown) if part.strip()]
    return "\n".join(f"<p>{_inline(part)}</p>" for part in paragraphs)


def _inline(markdown: str) -> str:
    """Markdown as HTML inside a paragraph: escaped, then bold, code and links; line breaks kept."""
    escaped = html.escape(markdown, quote=False)
    escaped = _LINK.sub(lambda found: f'<a href="{found[2].replace(chr(34), "&quot;")}">{found[1]}</a>', escaped)
    escaped = _CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", escaped))
    return escaped.replace("\n", "<br>")


def _page(subject: str, body: str, footer: str, *, lang: str) -> str:
    """A whole HTML mail, right-to-left for Arabic."""
    direction, align = ("rtl", "right") if lang == "ar" else ("ltr", "left")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(subject)}</title></head>\n"
        f'<body dir="{direction}" style="font-family: Segoe UI, Tahoma, Arial, sans-serif; text-align: {align}">\n'
        f'{body}\n<hr>\n<p style="font-size: small; color: #555">{footer}</p>\n</body>\n</html>\n'
    )


def unsubscribe_routes(
    *, sessions: async_sessionmaker[AsyncSession], links: SignedLinks, clock: Clock, catalogs: Catalogs
) -> list[web.RouteDef]:
    """/unsubscribe/<token>: the signed link of a mail's footer, followed without signing in. GET shows what the link
    stops and a button (mail scanners and link previews open every link: a GET changes nothing); POST — the button,
    or a mail client's one-click unsubscribe (RFC 8058) — stops the member's topic by e-mail (recorded, audited), and
    a small page says so in both languages (theirs first)."""

    def claims_of(request: web.Request) -> tuple[int, str, tuple[str, ...]] | None:
        claims = links.read(UNSUBSCRIBE, request.match_info["token"], now=clock())
        if claims is None or not isinstance(claims.get("m"), int) or claims.get("t") not in TOPICS:
            return None
        return claims["m"], claims["t"], ("en", "ar") if claims.get("l") == "en" else ("ar", "en")

    def invalid() -> web.Response:
        logger.warning("refused unsubscribe link (bad signature, expired, or its member is gone)")
        texts = {each: (catalogs.text(each, "mail-link-invalid-title"), catalogs.text(each, "mail-link-invalid"))
                 for each in ("ar", "en")}  # fmt: skip
        return _answer(texts, ("ar", "en"), status=404)

    async def confirm(request: web.Request) -> web.Response:
        found = claims_of(request)
        if found is None:
            return invalid()
        _member, topic, langs = found
        texts = {
            each: (
                catalogs.text(each, "mail-unsubscribe-confirm-title"),
                catalogs.text(each, "mail-unsubscribe-confirm", topic=catalogs.text(each, f"notify-topic-{topic}")),
            )
            for each in langs
        }
        buttons = {each: catalogs.text(each, "mail-unsubscribe-button") for each in langs}
        return _answer(texts, langs, status=200, buttons=buttons)

    async def unsubscribe(request: web.Request) -> web.Response:
        found = claims_of(request)
        if found is None:
            return invalid()
        member_id, topic, langs = found
        async with sessions.begin() as session:
            member = await choices.unsubscribe(session, member_id=member_id, topic=topic, now=clock())
        if member is None:
            return invalid()
        texts = {
            each: (
                catalogs.text(each, "mail-unsubscribed-title"),
                catalogs.text(each, "mail-unsubscribed", topic=catalogs.text(each, f"notify-topic-{topic}"))
                + " "
                + catalogs.text(each, "mail-change"),
            )
            for each in langs
        }
        return _answer(texts, langs, status=200)

    path = f"/{UNSUBSCRIBE}/{{token}}"
    return [web.get(path, confirm), web.post(path, unsubscribe)]


def _answer(
    texts: Mapping[str, tuple[str, str]],
    langs: tuple[str, ...],
    *,
    status: int,
    buttons: Mapping[str, str] | None = None,
) -> web.Response:
    """A small page: each language's title and text in its own direction, the first language on top; with `buttons`,
    each language's button posting back to the page's own address."""

    def button(lang: str) -> str:
        if buttons is None:
            return ""
        return f'<form method="post"><button type="submit">{html.escape(plain(buttons[lang]))}</button></form>'

    sections = "\n".join(
        f'<section lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"><h1>{html.escape(plain(texts[lang][0]))}'
        f"</h1><p>{_html(plain(texts[lang][1]))}</p>{button(lang)}</section>"
        for lang in langs
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{langs[0]}" dir="{"rtl" if langs[0] == "ar" else "ltr"}">\n<head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{html.escape(plain(texts[langs[0]][0]))}</title></head>\n"
        f'<body style="font-family: Segoe UI, Tahoma, Arial, sans-serif">\n{sections}\n</body>\n</html>\n'
    )
    return web.Response(
        text=page, status=status, content_type="text/html", charset="utf-8", headers={"Cache-Control": "no-store"}
    )
