"""Files members send the bot in a 1:1 chat (FAQ imports): Teams attaches them as
`application/vnd.microsoft.teams.file.download.info` with a short-lived `downloadUrl`; the bot fetches the file
(size-limited, with a timeout) and hands its bytes to the dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import aiohttp
from microsoft_agents.activity import Activity
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.teams import data as teams_data
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.questions import faq_files
from dialogs.questions.faq_files import FORMATS, MAX_BYTES
from dialogs.router import Router, TurnResult
from storage.models import Member

logger = logging.getLogger(__name__)

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
TIMEOUT_SECONDS = 30
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Upload:
    """A file a member sent: its name and where Teams lets the bot download it."""

    name: str
    url: str


def upload_in(activity: Activity) -> Upload | None:
    """The first file attached to a 1:1 message, if any (files sent in channels are not read)."""
    if teams_data.conversation_type(activity) != "personal":
        return None
    for attachment in activity.attachments or []:
        content = attachment.content if isinstance(attachment.content, dict) else {}
        url = content.get("downloadUrl")
        if attachment.content_type == FILE_DOWNLOAD_INFO and isinstance(url, str):
            return Upload(name=attachment.name or "file", url=url)
    return None


async def importable(sessions: async_sessionmaker[AsyncSession], *, member_id: int, upload: Upload) -> bool:
    """Whether to download the file as an FAQ import: a .csv or .jsonl file from a facilitator (checked first)."""
    ending = upload.name.rsplit(".", 1)[-1].casefold() if "." in upload.name else ""
    if ending not in FORMATS:
        return False
    async with sessions() as session:
        member = await session.get(Member, member_id)
        return member is not None and member.role.facilitates


async def not_understood(
    router: Router, *, member_id: int, upload: Upload, now: datetime, locale: str | None
) -> TurnResult:
    """The answer to a file that is not an FAQ import and came with no text: which files the bot reads."""
    logger.info("file not read name=%s member=%s", upload.name, member_id)
    problem = UserError("file-not-understood", name=upload.name[:80])
    return await router.run(member_id=member_id, now=now, locale=locale, handler=_answer_with(problem))


async def download(upload: Upload, *, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; UserError when it is too big, unreachable or not served over HTTPS."""
    address = urlsplit(upload.url)
    if address.scheme != "https" and not (address.scheme == "http" and address.hostname in LOOPBACK):
        raise UserError("file-download-failed", name=upload.name)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as http, http.get(upload.url) as response:
            response.raise_for_status()
            if (response.content_length or 0) > limit:
                raise UserError("faq-file-too-big", limit=limit // 1024)
            data = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > limit:
                    raise UserError("faq-file-too-big", limit=limit // 1024)
    except (aiohttp.ClientError, TimeoutError) as exc:
        logger.warning("file download failed name=%s error=%s", upload.name, type(exc).__name__)
        raise UserError("file-download-failed", name=upload.name) from exc
    return bytes(data)


async def receive(
    router: Router,
    *,
    member_id: int,
    upload: Upload,
    now: datetime,
    locale: str | None,
    activity_key: str | None = None,
) -> TurnResult:
    """Download the file and import it in one turn, all good rows or none (a download problem is answered like
    any mistake); `activity_key`: see Router.run."""
    try:
        data = await download(upload)
    except UserError as problem:
        return await router.run(member_id=member_id, now=now, locale=locale, handler=_answer_with(problem))
    logger.info("file received name=%s bytes=%s member=%s", upload.name, len(data), member_id)
    return await router.run(
        member_id=member_id,
        now=now,
        locale=locale,
        activity_key=activity_key,
        handler=lambda turn: faq_files.import_upload(turn, name=upload.name, data=data),
    )


def _answer_with(problem: UserError) -> Callable[[Turn], Awaitable[Reply]]:
    """A turn whose answer is `problem`, in the member's language."""

    async def answer(_turn: Turn) -> Reply:
        raise problem

    return answer
