"""Reading and changing what members chose to receive by e-mail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.mail.topics import TOPICS
from storage import repositories as repo
from storage.models import MailChoice, Member


async def topics_of(session: AsyncSession, member_id: int) -> frozenset[str]:
    """The topics a member chose to receive by e-mail (none until they choose)."""
    chosen = await session.scalar(select(MailChoice.topics).where(MailChoice.member_id == member_id))
    return frozenset(chosen or ())


async def choose(
    session: AsyncSession, *, member: Member, topics: Iterable[str], via: str, now: datetime, actor: Member | None
) -> frozenset[str]:
    """Set the member's e-mail topics (audited; `via`: how, `command`, `card` or `link`), and return them."""
    wanted = [topic for topic in TOPICS if topic in set(topics)]
    row = await session.scalar(select(MailChoice).where(MailChoice.member_id == member.id))
    before = list(row.topics) if row is not None else []
    if row is None:
        row = MailChoice(community_id=member.community_id, member_id=member.id, topics=wanted)
        session.add(row)
    row.topics, row.changed_at, row.changed_via = wanted, now, via
    if before != wanted:
        session.info.setdefault("now", now)
        repo.audit(
            session,
            community_id=member.community_id,
            actor=actor,
            action="member.mail_choices",
            object_type="member",
            object_id=member.id,
            before={"topics": before},
            after={"topics": wanted, "via": via},
        )
    await session.flush()
    return frozenset(wanted)


async def unsubscribe(session: AsyncSession, *, member_id: int, topic: str, now: datetime) -> Member | None:
    """An unsubscribe link followed: `topic` no longer by e-mail. The member, or None when they are gone."""
    member = await session.get(Member, member_id)
    if member is None:
        return None
    kept = set(await topics_of(session, member_id)) - {topic}
    await choose(session, member=member, topics=kept, via="link", now=now, actor=None)
    return member
