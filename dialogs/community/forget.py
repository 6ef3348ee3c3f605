"""`forget me` / `احذف بياناتي`: a member's personal data erased, after they confirm; admins do it for someone who
left. Shared records (minutes, decisions, actions, votes, counts) stay whole: the person in them becomes a neutral
"former member", their anonymous votes stay anonymous, and the erasure is audited without the erased data."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, String, Table, Text, cast, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import fold, parse_number
from dialogs.common.turn import Turn
from dialogs.community.roster import active_member
from dialogs.community.views import ForgetConfirm
from storage import repositories as repo
from storage.models import Member, Notification, Role, WorkingGroupMember
from storage.models.base import Base
from storage.models.mail import MailChoice
from storage.models.meetings import Registration

FORMER_MEMBER = "عضو سابق · Former member"
"""The name an erased person keeps in shared records: neutral, and read in either language."""
SELF_WORDS = {"", "me", "my data", "بياناتي", "انا", "أنا"}
SHORTEST = 3  # identifiers shorter than this are not searched for in others' texts (they would match words)


async def command(turn: Turn, args: str) -> Reply:
    """`forget me`: the confirmation card for the speaker; `forget NAME` or `forget @someone` (admins): for a
    member who has left."""
    wanted = " ".join(strip_mentions(args).split())
    if not turn.mentions and fold(wanted) in SELF_WORDS:
        return Reply.of("forget-confirm", view=ForgetConfirm(member_id=turn.member.id, name=turn.member.name))
    if turn.member.role is not Role.ADMIN:
        raise UserError("forget-admins-only")
    target = await _named(turn, wanted)
    if target.active:
        raise UserError("forget-still-member", name=target.name)
    return Reply.of("forget-confirm", view=ForgetConfirm(member_id=target.id, name=target.name))


async def ask(turn: Turn, data: dict[str, object]) -> Reply:
    """The privacy card's "erase my data" button: the same confirmation card as `forget me`."""
    return await command(turn, "")


async def _named(turn: Turn, name: str) -> Member:
    """The community's member mentioned, or the one (who left) called `name`."""
    if turn.mentions:
        return await active_member(turn.session, community_id=turn.community.id, person=turn.mentions[0], past=True)
    rows = await turn.session.scalars(select(Member).where(Member.community_id == turn.community.id))
    matches = [member for member in rows if fold(member.name) == fold(name)]
    if len(matches) != 1:
        raise UserError("forget-who", name=name[:60] or "-")
    return matches[0]


async def confirm(turn: Turn, data: dict[str, object]) -> Reply:
    """The confirmation card's button (`{"verb": "forget-confirm", "member": N}`): the erasure, in the turn's one
    transaction (the speaker's own data, or an admin's for someone who left)."""
    member_id = parse_number(data.get("member"))
    target = await turn.session.get(Member, member_id, with_for_update=True) if member_id else None
    if target is None or target.community_id != turn.community.id:
        raise UserError("card-data-invalid")
    if target.id != turn.member.id:
        if turn.member.role is not Role.ADMIN:
            raise UserError("forget-admins-only")
        if target.active:
            raise UserError("forget-still-member", name=target.name)
    if target.name == FORMER_MEMBER and target.email is None:
        raise UserError("forget-already-done")
    await erase(turn.session, target, actor=None if target.id == turn.member.id else turn.member, now=turn.now)
    return Reply.of("forget-done")


async def erase(session: AsyncSession, member: Member, *, actor: Member | None, now: datetime) -> None:
    """Remove `member`'s personal data everywhere: their profile, group places, e-mail choices, registration notes
    and waiting messages, and every mention of their name, e-mail or ids in others' records; the row stays so that
    shared records keep their counts and links."""
    needles = _identifiers(member)
    member.name, member.email, member.aad_object_id = FORMER_MEMBER, None, None
    member.teams_user_id = f"erased:{member.id}"
    member.teams_locale = member.language = member.timezone = member.grammatical_gender = member.chosen_at = None
    member.conversation_reference = None
    member.active, member.left_at = False, member.left_at or now
    member.last_seen_at = member.welcomed_at = None
    member.weekend = member.working_hours = None
    member.announcements_in_chat = False
    await session.flush()
    await session.execute(delete(WorkingGroupMember).where(WorkingGroupMember.member_id == member.id))
    await session.execute(delete(MailChoice).where(MailChoice.member_id == member.id))
    # a registration stays counted (the minutes' figures); its accessibility note (possibly health data) goes
    await session.execute(update(Registration).where(Registration.member_id == member.id).values(note=""))
    await session.execute(
        delete(Notification).where(Notification.member_id == member.id, Notification.status == outbox.PENDING)
    )
    await _scrub(session, needles)
    # after the scrub, so that nothing of the erased data is in the entry that records it
    repo.audit(
        session,
        community_id=member.community_id,
        actor=actor,
        action="member.erased",
        object_type="member",
        object_id=member.id,
    )


def _identifiers(member: Member) -> list[str]:
    """What identifies the person in text: name, e-mail, AAD object id, Teams id (longest first)."""
    found = {member.name, member.email or "", member.aad_object_id or "", member.teams_user_id}
    return sorted((text for text in found if len(text.strip()) >= SHORTEST), key=len, reverse=True)


async def _scrub(session: AsyncSession, needles: Sequence[str]) -> None:
    """Replace the identifiers in every text and JSON column of every table by the former-member label."""
    if not needles:
        return
    pattern = re.compile("|".join(re.escape(needle) for needle in needles))
    for table in Base.metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        for column in _text_columns(table):
            as_text = cast(column, Text) if isinstance(column.type, JSON) else column
            stored = [json.dumps(needle)[1:-1] for needle in needles] if isinstance(column.type, JSON) else []
            found = or_(*(as_text.contains(needle, autoescape=True) for needle in [*needles, *stored]))
            for *key, value in await session.execute(select(*keys, column).where(found)):
                where = [part == value_of_key for part, value_of_key in zip(keys, key, strict=True)]
                await session.execute(update(table).where(*where).values({column.name: _replaced(value, pattern)}))


def _text_columns(table: Table) -> list[Any]:
    """The columns that hold free text or JSON (not enums, which hold codes)."""
    return [c for c in table.columns if isinstance(c.type, String | Text | JSON) and not isinstance(c.type, Enum)]


def _replaced(value: Any, pattern: re.Pattern[str]) -> Any:
    """`value` (a string, or JSON made of dicts, lists and strings) with every identifier replaced."""
    if isinstance(value, str):
        return pattern.sub(FORMER_MEMBER, value)
    if isinstance(value, list):
        return [_replaced(item, pattern) for item in value]
    if isinstance(value, dict):
        return {_replaced(key, pattern): _replaced(item, pattern) for key, item in value.items()}
    return value
