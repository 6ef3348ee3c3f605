"""Planning calendar invitations: when a meeting is planned, moved or cancelled, one e-mail (an outbox row, mail
only: it has no Teams message) to each member the meeting is for (dialogs.common.visibility) who chose
"invitations" by e-mail and has an address. Planned in the meeting change's transaction, once per meeting, SEQUENCE
and member (the dedup key)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.visibility import may_see, of_meeting, reader_of
from dialogs.mail.copies import MAIL
from dialogs.meetings.calendar_file import Method
from storage.models import MailChoice, Meeting, MeetingOccurrence, Member

KIND = "meeting-invitation"
TOPIC = "invitations"


async def plan(
    session: AsyncSession,
    meeting: Meeting,
    *,
    method: Method,
    now: datetime,
    occurrence: MeetingOccurrence | None = None,
) -> int:
    """Plan, due now, the invitation of the meeting's current SEQUENCE (`occurrence`: one cancelled occurrence of a
    series) for each member who should receive it; how many were new."""
    await session.flush()  # (the occurrence row's id, the meeting's new state)
    payload: dict[str, object] = {MAIL: True, "meeting": meeting.id, "method": method, "sequence": meeting.sequence}
    if occurrence is not None:
        payload["occurrence"] = occurrence.id
    planned = 0
    for member in await recipients(session, meeting):
        key = f"{KIND}:{meeting.id}:{meeting.sequence}:{member.id}"
        message = outbox.Planned(KIND, key, now, payload, member_id=member.id)
        subject = f"invitation:{meeting.id}"
        planned += await outbox.queue(
            session, community_id=meeting.community_id, subject=subject, message=message, now=now
        )
    return planned


async def recipients(session: AsyncSession, meeting: Meeting) -> list[Member]:
    """The active members with an e-mail address who chose invitations and may see the meeting."""
    rows = await session.execute(
        select(Member, MailChoice.topics)
        .join(MailChoice, MailChoice.member_id == Member.id)
        .where(
            Member.community_id == meeting.community_id, Member.active, Member.email.is_not(None), Member.email != ""
        )
        .order_by(Member.id)
    )
    chosen = [member for member, topics in rows.all() if TOPIC in (topics or ())]
    return [member for member in chosen if await wanted_by(session, meeting, member)]


async def wanted_by(session: AsyncSession, meeting: Meeting, member: Member) -> bool:
    """Whether `member` may see the meeting (a working group's meeting: its members and the facilitators)."""
    return may_see(await reader_of(session, member), of_meeting(meeting))
