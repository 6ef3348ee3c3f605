"""E-mail copies of outbox messages: planned by the dispatcher once a message is composed (so only a message still
true is copied), one outbox row per member who chose its topic, sent through the same claims and leases as Teams
rows and composed again at send time by the same composer, as that member reads it (the visibility rule holds:
a 1:1 message's composer checks its reader; a channel message shows what everyone may see).

A copy is an ordinary row of the same kind, to the member, with `payload["mail"]` set and the original's dedup key
followed by `:mail:<member id>` (planned once, however often the original is composed again)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.mail.choices import topics_of
from dialogs.mail.topics import ASKED_KINDS, CHANNEL_KINDS, EMAIL_ASKED, KIND_TOPICS
from storage.models import MailChoice, Member, Notification

MAIL = "mail"  # the payload key marking an e-mail copy


def is_copy(row: Notification) -> bool:
    """Whether the row is an e-mail copy (sent by e-mail, not to Teams)."""
    return bool(row.payload.get(MAIL))


def topic_of_kind(kind: str) -> str:
    """The e-mail topic of an e-mail copy's kind (only kinds of KIND_TOPICS are copied)."""
    return KIND_TOPICS[kind]


def topic_of(row: Notification) -> str | None:
    """The e-mail topic of a row's kind, if it is sent by e-mail from where it goes (for ASKED_KINDS: if it asks)."""
    topic = KIND_TOPICS.get(row.kind)
    if topic is None or (row.channel and row.kind not in CHANNEL_KINDS):
        return None
    if row.kind in ASKED_KINDS and not row.payload.get(EMAIL_ASKED):
        return None
    return topic


async def plan(session: AsyncSession, row: Notification, *, now: datetime) -> int:
    """Plan, due now, the e-mail copies of a composed row for the members who chose its topic and have an address:
    its own member for a 1:1 row, everyone who chose it for a channel row of CHANNEL_KINDS. How many were new."""
    topic = topic_of(row)
    if topic is None or is_copy(row):
        return 0
    readers = (
        select(Member.id, MailChoice.topics)
        .join(MailChoice, MailChoice.member_id == Member.id)
        .where(Member.community_id == row.community_id, Member.active, Member.email.is_not(None), Member.email != "")
    )
    if not row.channel:
        readers = readers.where(Member.id == row.member_id)
    chosen = [member_id for member_id, topics in (await session.execute(readers)).all() if topic in (topics or ())]
    keys = {f"{row.dedup_key}:{MAIL}:{member_id}": member_id for member_id in chosen}
    if not keys:
        return 0
    known = set(await session.scalars(select(Notification.dedup_key).where(Notification.dedup_key.in_(list(keys)))))
    for key, member_id in keys.items():
        if key not in known:
            copy = outbox.Planned(row.kind, key, now, {**row.payload, MAIL: True}, member_id=member_id)
            await outbox.queue(session, community_id=row.community_id, subject=row.subject, message=copy, now=now)
    return len(keys) - len(known)


async def still_wanted(session: AsyncSession, row: Notification, member: Member | None) -> bool:
    """Whether an e-mail copy is still to be sent: its member is active, has an address, and still wants its topic."""
    topic = KIND_TOPICS.get(row.kind)
    if member is None or not member.active or not member.email or topic is None:
        return False
    return topic in await topics_of(session, member.id)
