"""Who registered for a meeting: the queries registration, reminders and minutes share.

A registration is for one occurrence (the stored `MeetingOccurrence` row); a meeting that takes registrations has
`Meeting.registration` set. This module reads only: it imports no dialog, so reminders and minutes may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.meetings.occurrences import Slot
from storage.models import Meeting, MeetingOccurrence, Member
from storage.models.meetings import Registration


@dataclass(frozen=True)
class Counts:
    """How many registered for a held meeting, and how many of them the minutes record as present."""

    registered: int
    attended: int


async def registration_of(session: AsyncSession, *, occurrence_id: int, member_id: int) -> Registration | None:
    """A member's registration for one occurrence, if any."""
    return await session.scalar(
        select(Registration).where(Registration.occurrence_id == occurrence_id, Registration.member_id == member_id)
    )


async def registered(session: AsyncSession, *, occurrence_id: int) -> list[tuple[Registration, Member]]:
    """The active members registered for one occurrence, by name."""
    rows = await session.execute(
        select(Registration, Member)
        .join(Member, Member.id == Registration.member_id)
        .where(Registration.occurrence_id == occurrence_id, Member.active.is_(True))
    )
    return sorted(((r, m) for r, m in rows), key=lambda pair: (pair[1].name.casefold(), pair[1].id))


async def registered_ids(session: AsyncSession, slot: Slot) -> list[int]:
    """Whom a registration meeting's reminders of this occurrence go to: its active registered members, by id."""
    if slot.row is None:
        return []
    return sorted(member.id for _, member in await registered(session, occurrence_id=slot.row.id))


async def still_registered(session: AsyncSession, slot: Slot, *, member_id: int | None) -> bool:
    """Whether a reminder to `member_id` for this occurrence is still wanted: they are registered for it."""
    if slot.row is None or member_id is None:
        return False
    return await registration_of(session, occurrence_id=slot.row.id, member_id=member_id) is not None


async def counts(session: AsyncSession, occurrence: MeetingOccurrence, *, meeting: Meeting) -> Counts | None:
    """Registered and registered-and-present for a held occurrence; None when nobody registered and the meeting
    does not take registrations (the minutes then say nothing of it)."""
    ids = set(await session.scalars(select(Registration.member_id).where(Registration.occurrence_id == occurrence.id)))
    if not ids and not meeting.registration:
        return None
    return Counts(registered=len(ids), attended=len(ids & set(occurrence.attendee_ids or [])))
