"""Where an announcement goes and what it says when sent: a channel post for the whole community, or, for one working
group, a 1:1 message to each active member who may see the group's items (its members and the facilitators: the
channel is read by everyone on the team, so a group's announcement never goes there). E-mail copies are made by the
dispatcher (`dialogs.mail.copies`) only when the announcement asked for them (`topics.EMAIL_ASKED` in its payload).

A community announcement also goes 1:1 to each active member who chose announcements in their 1:1 chat
(`Member.announcements_in_chat`), but its author; those rows never ask for e-mail copies (the channel post's copies
already reach everyone who chose announcements by e-mail, so no one is mailed twice)."""

from __future__ import annotations

from datetime import datetime
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.announcements.views import Announcement
from dialogs.common import outbox, visibility
from dialogs.common.language import LANGUAGES, channel_languages, versions_showing
from dialogs.common.replies import Reply
from dialogs.common.visibility import CHANNEL, Reader, may_see, reader_of
from dialogs.mail.topics import EMAIL_ASKED
from storage import repositories as repo
from storage.models import Community, MailChoice, Member, Notification, WorkingGroup, WorkingGroupMember

KIND = "announcement"
IN_CHAT = "in_chat"
"""The payload key of a community announcement's 1:1 copy to a member who chose it (sent only while they still do)."""


async def audience(session: AsyncSession, *, community: Community, group: WorkingGroup | None) -> list[Member]:
    """The active members an announcement is for: everyone (it goes to the channel), or those who may see `group`'s
    items by the visibility rule."""
    members = await repo.active_members(session, community_id=community.id)
    if group is None:
        return members
    seen = visibility.scope(group_id=group.id)
    in_group = set(
        await session.scalars(select(WorkingGroupMember.member_id).where(WorkingGroupMember.group_id == group.id))
    )
    readers = {
        m.id: Reader(m.id, m.role.facilitates, frozenset({group.id} if m.id in in_group else ())) for m in members
    }
    return [m for m in members if may_see(readers[m.id], seen)]


def in_chat(readers: list[Member], *, by: Member) -> list[Member]:
    """Those of a community announcement's readers who also get it in their 1:1 chat: who chose it, but its author."""
    return [m for m in readers if m.announcements_in_chat and m.id != by.id]


async def mailed_count(session: AsyncSession, members: list[Member]) -> int:
    """How many of `members` would get the e-mail now: those with an address who chose announcements by e-mail."""
    addressed = {m.id for m in members if m.email}
    if not addressed:
        return 0
    chosen = await session.scalars(select(MailChoice.topics).where(MailChoice.member_id.in_(addressed)))
    return sum(1 for topics in chosen if "announcements" in (topics or ()))


async def plan(
    session: AsyncSession,
    *,
    community: Community,
    by: Member,
    text: str,
    lang: str,
    group: WorkingGroup | None,
    email: bool,
    readers: list[Member],
    chats: list[Member],
    now: datetime,
) -> None:
    """Queue the announcement, due now: one channel post and one 1:1 message to each of `chats` (who chose it), or
    one 1:1 message to each of `readers` (a group's)."""
    key = f"{KIND}:{uuid4().hex}"
    payload = {"text": text, "lang": lang, "by": by.id, EMAIL_ASKED: email}
    if group is None:
        messages = [outbox.Planned(KIND, key, now, payload, channel=True)]
        in_chat_payload = {**payload, EMAIL_ASKED: False, IN_CHAT: True}
        messages += [outbox.Planned(KIND, f"{key}:chat:{m.id}", now, in_chat_payload, member_id=m.id) for m in chats]
    else:
        payload["group"] = group.id
        messages = [outbox.Planned(KIND, f"{key}:{m.id}", now, payload, member_id=m.id) for m in readers]
    for message in messages:
        await outbox.queue(session, community_id=community.id, subject=key, message=message, now=now)


async def compose(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The outbox composer of `announcement` rows: the card as its reader may see it (a group's announcement only to
    those who still may see the group's items, never in the channel; a 1:1 copy only to those who still choose it);
    None (the row cancelled) otherwise."""
    payload = row.payload
    group_id = payload.get("group")
    text_in: tuple[str, ...] = LANGUAGES
    if row.channel:
        reader = CHANNEL
        community = await session.get(Community, row.community_id)
        assert community is not None
        langs = await channel_languages(session, community)
        text_in = versions_showing(payload["lang"], langs)
    else:
        member = await session.get(Member, row.member_id)
        if member is None or not member.active or (payload.get(IN_CHAT) and not member.announcements_in_chat):
            return None
        reader = await reader_of(session, member)
    if not may_see(reader, visibility.scope(group_id=group_id)):
        return None
    group = await session.get(WorkingGroup, group_id) if group_id is not None else None
    author = await session.get(Member, payload["by"])
    shown = Announcement(
        text=payload["text"],
        lang=payload["lang"],
        by=author.name if author is not None else "-",
        group=group.name if group is not None else None,
        text_in=text_in,
    )
    return Reply.of(KIND, view=shown)
