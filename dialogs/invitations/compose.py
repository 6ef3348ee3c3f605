"""The invitation mail of an outbox row, composed at send time from the meeting as it is then: its words in the
reader's language and the .ics (`CalendarInvitation`), with the meeting's SEQUENCE of that time. None when it is no
longer true: the meeting is gone, the reader may no longer see it, or a later invitation to them carries the whole
meeting (a REQUEST, or the series' CANCEL: only the latest one goes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.replies import Reply
from dialogs.common.two_languages import Title
from dialogs.invitations.plans import wanted_by
from dialogs.invitations.views import CalendarInvitation
from dialogs.meetings.calendar_file import Method, Person, invitation_bytes
from dialogs.meetings.occurrences import upcoming_slots
from dialogs.meetings.schedule import calendar_event
from storage.models import Meeting, MeetingOccurrence, Member, Notification

NO_ADDRESS = "noreply@tansiq.invalid"  # the organizer's address when the facilitator who planned it has none


async def compose(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """`meeting-invitation`: REQUEST (a new meeting, or its update) or CANCEL, to the row's member."""
    meeting = await session.get(Meeting, row.payload["meeting"])
    member = await session.get(Member, row.member_id) if row.member_id is not None else None
    if meeting is None or member is None or not member.email or await _superseded(session, row):
        return None
    if not await wanted_by(session, meeting, member):
        return None
    await session.refresh(meeting, ["occurrences"])
    method: Method = row.payload["method"]
    occurrence = (
        await session.get(MeetingOccurrence, row.payload["occurrence"]) if "occurrence" in row.payload else None
    )
    creator = await session.get(Member, meeting.created_by_id) if meeting.created_by_id else None
    organizer = Person(creator.name if creator else "", creator.email if creator and creator.email else NO_ADDRESS)
    event = calendar_event(meeting)
    ics = invitation_bytes(
        event,
        method=method,
        organizer=organizer,
        attendee=Person(member.name, member.email),
        now=now,
        occurrence=(occurrence.original_start, occurrence.starts_at) if occurrence else None,
    )
    key = _key(method, sequence=row.payload["sequence"])
    when = occurrence.starts_at if occurrence else _next_start(meeting, now=now, start=event.start)
    view = CalendarInvitation(ics=ics.decode("utf-8"), method=method)
    return Reply.of(
        key,
        view=view,
        number=meeting.number,
        title=Title(meeting.title),
        when=when,
        where=meeting.place or meeting.link or "-",
        series=str(meeting.rrule is not None and occurrence is None).lower(),
    )


def _key(method: Method, *, sequence: int) -> str:
    if method == "CANCEL":
        return "invitation-cancel"
    return "invitation-request" if sequence == 0 else "invitation-update"


def _next_start(meeting: Meeting, *, now: datetime, start: datetime) -> datetime:
    """The next occurrence's start; for a cancelled meeting, the calendar entry's `start`."""
    slots = upcoming_slots(meeting, after=now, count=1) if meeting.cancelled_at is None else []
    return slots[0].starts_at if slots else start


async def _superseded(session: AsyncSession, row: Notification) -> bool:
    """Whether a later invitation about the same meeting to the same member carries the whole meeting."""
    later = await session.scalars(
        select(Notification.payload).where(
            Notification.subject == row.subject, Notification.member_id == row.member_id, Notification.id > row.id
        )
    )
    return any(payload.get("method") == "REQUEST" or "occurrence" not in payload for payload in later)
