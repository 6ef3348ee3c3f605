"""The outbox: messages the bot sends on its own (reminders, notices, digests), planned as database rows.

Dialogs plan rows in the turn's transaction; the bot's dispatcher sends them when due. A row names its recipient
(a member's 1:1 chat, or the community's channel), a `kind`, a `payload` of ids, and a `dedup_key` that includes
what the message depends on (so a moved meeting's old reminder can never fire). At send time the composer its
feature declares for the row's kind (`Feature.outbox`) reads the current data and returns the Reply to send, or None
when the message is no longer true (the row is then cancelled, not sent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Notification

PENDING, SENT, CANCELLED, PARKED, SKIPPED = "pending", "sent", "cancelled", "parked", "skipped"
_CHANGED = "outbox-changed"  # a key of the session's `info`: this transaction planned, moved or cancelled a message


@dataclass(frozen=True)
class Planned:
    """One message to plan: to `member_id`'s 1:1 chat, or to the channel when `channel` is true."""

    kind: str
    dedup_key: str
    due_at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    member_id: int | None = None
    channel: bool = False


async def queue(session: AsyncSession, *, community_id: int, subject: str, message: Planned, now: datetime) -> bool:
    """Plan one message unless its dedup key was planned before (then nothing changes). True when queued."""
    exists = await session.scalar(select(Notification.id).where(Notification.dedup_key == message.dedup_key))
    if exists is not None:
        return False
    session.add(_row(community_id, subject, message, now))
    await session.flush()
    session.info[_CHANGED] = True
    return True


def changed(session: AsyncSession) -> bool:
    """Whether this session's transaction planned, moved or cancelled a message (then the sender is woken: one may be
    due now, or sooner than its next wake-up)."""
    return bool(session.info.get(_CHANGED))


async def replan(
    session: AsyncSession, *, community_id: int, subject: str, planned: Sequence[Planned], now: datetime
) -> None:
    """Make `subject`'s coming messages exactly `planned`: new ones added, cancelled ones brought back, those no
    longer planned cancelled. Messages already sent (or parked) stay as they are, and so do messages already due
    but not yet sent, or waiting to be tried again (their composer checks they are still true when sent)."""
    wanted = {message.dedup_key: message for message in planned}
    rows = {
        row.dedup_key: row
        for row in await session.scalars(
            select(Notification).where(Notification.community_id == community_id, Notification.subject == subject)
        )
    }
    for key, stored in rows.items():
        if key not in wanted and stored.status == PENDING and stored.due_at > now and not stored.attempts:
            stored.status = CANCELLED  # (a row being retried is one already due: its composer decides)
            session.info[_CHANGED] = True
    for key, message in wanted.items():
        row = rows.get(key)
        if row is None and message.due_at <= now:
            continue  # too late to plan
        if row is None:
            if await session.scalar(select(Notification.id).where(Notification.dedup_key == key)) is None:
                session.add(_row(community_id, subject, message, now))
                session.info[_CHANGED] = True
        elif row.status in (PENDING, CANCELLED):
            row.status, row.due_at, row.payload, row.attempts = PENDING, message.due_at, message.payload, 0
            session.info[_CHANGED] = True
    await session.flush()


async def cancel(session: AsyncSession, *, community_id: int, subject: str) -> None:
    """Cancel every pending message about `subject`, due or not (e.g. a working group closed)."""
    await replan(session, community_id=community_id, subject=subject, planned=(), now=datetime.min.replace(tzinfo=UTC))


def _row(community_id: int, subject: str, message: Planned, now: datetime) -> Notification:
    return Notification(
        community_id=community_id,
        member_id=message.member_id,
        channel=message.channel,
        kind=message.kind,
        subject=subject,
        payload=message.payload,
        dedup_key=message.dedup_key,
        status=PENDING,
        due_at=message.due_at,
        attempts=0,
        created_at=now,
    )
