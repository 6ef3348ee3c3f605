"""The outbox: messages the bot sends on its own (reminders, notices, digests), planned as database rows.

Dialogs plan rows in the turn's transaction; the bot's dispatcher sends them when due. A row names its recipient
(a member's 1:1 chat, or the community's channel), a `kind`, a `payload` of ids, and a `dedup_key` that includes
what the message depends on (so a moved meeting's old reminder can never fire). At send time the composer its
feature declares for the row's kind (`Feature.outbox`) reads the current data and returns the Reply to send, or None
when the message is no longer true (the row is then cancelled, not sent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Action, Meeting, MeetingOccurrence, Notification, Proposal, WorkingGroup

PAYLOAD_ROWS: Mapping[str, type[Action | Meeting | MeetingOccurrence | Proposal | WorkingGroup]] = {
    "action": Action,
    "action_id": Action,
    "meeting": Meeting,
    "occurrence": MeetingOccurrence,
    "proposal": Proposal,
    "group": WorkingGroup,
}
"""The payload keys that name a row, and its table (what `preload` reads)."""
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
    """Make `subject`'s coming messages exactly `planned` (see `replan_many`)."""
    await replan_many(session, community_id=community_id, plans={subject: planned}, now=now)


async def replan_many(
    session: AsyncSession, *, community_id: int, plans: Mapping[str, Sequence[Planned]], now: datetime
) -> None:
    """Make each subject's coming messages exactly its planned ones: new ones added, cancelled ones brought back,
    those no longer planned cancelled. Messages already sent (or parked) stay as they are, and so do messages
    already due but not yet sent, or waiting to be tried again (their composer checks they are still true when
    sent). Two queries for all the subjects, however many."""
    stored: dict[str, dict[str, Notification]] = {subject: {} for subject in plans}
    for row in await session.scalars(
        select(Notification).where(Notification.community_id == community_id, Notification.subject.in_(list(plans)))
    ):
        stored[row.subject][row.dedup_key] = row
    wanted = {message.dedup_key: (subject, message) for subject, messages in plans.items() for message in messages}
    new_keys = [key for key, (subject, _) in wanted.items() if key not in stored[subject]]
    elsewhere = set(
        await session.scalars(select(Notification.dedup_key).where(Notification.dedup_key.in_(new_keys)))
        if new_keys
        else ()
    )
    for rows in stored.values():
        for key, row in rows.items():
            if key not in wanted and row.status == PENDING and row.due_at > now and not row.attempts:
                row.status = CANCELLED  # (a row being retried is one already due: its composer decides)
                session.info[_CHANGED] = True
    fresh: list[dict[str, Any]] = []
    for key, (subject, message) in wanted.items():
        known = stored[subject].get(key)
        if known is None:
            if message.due_at > now and key not in elsewhere:  # (not too late to plan; not planned by another)
                fresh.append(_fields(community_id, subject, message, now))
                session.info[_CHANGED] = True
        elif known.status in (PENDING, CANCELLED):
            planned = (PENDING, message.due_at, message.payload, 0)
            if (known.status, known.due_at, known.payload, known.attempts) != planned:
                known.status, known.due_at, known.payload, known.attempts = planned
                session.info[_CHANGED] = True
    await session.flush()
    if fresh:  # one INSERT for all the new rows (an object each would be a statement each: their ids are not needed)
        await session.execute(insert(Notification), fresh)


async def cancel(session: AsyncSession, *, community_id: int, subject: str) -> None:
    """Cancel every pending message about `subject`, due or not (e.g. a working group closed)."""
    await replan(session, community_id=community_id, subject=subject, planned=(), now=datetime.min.replace(tzinfo=UTC))


async def preload(session: AsyncSession, rows: Iterable[Notification]) -> None:
    """Read at once the rows that these messages' payloads name, one query per table, so that their composers find
    them in the session (under `storage.db.keeping_loaded`, which keeps them there)."""
    wanted: dict[type, set[int]] = {}
    for row in rows:
        for key, value in row.payload.items():
            model = PAYLOAD_ROWS.get(key)
            if model is not None and isinstance(value, int):
                wanted.setdefault(model, set()).add(value)
    for model, ids in wanted.items():
        (await session.scalars(select(model).where(model.id.in_(ids)))).all()


def _row(community_id: int, subject: str, message: Planned, now: datetime) -> Notification:
    return Notification(**_fields(community_id, subject, message, now))


def _fields(community_id: int, subject: str, message: Planned, now: datetime) -> dict[str, Any]:
    return {
        "community_id": community_id,
        "member_id": message.member_id,
        "channel": message.channel,
        "kind": message.kind,
        "subject": subject,
        "payload": message.payload,
        "dedup_key": message.dedup_key,
        "status": PENDING,
        "due_at": message.due_at,
        "attempts": 0,
        "created_at": now,
    }
