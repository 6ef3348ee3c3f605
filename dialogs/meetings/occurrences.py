"""Occurrences of a meeting series: computed from its RRULE, with stored moves and cancellations applied.

A series is one `Meeting` row; an occurrence becomes a row (`MeetingOccurrence`) only once something hangs on
it. `Slot` is one occurrence as members meet it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.meetings.recurrence import occurrences
from storage.models import Meeting, MeetingOccurrence, OccurrenceStatus

LOOK_BACK = timedelta(days=800)  # the furthest back "the meeting that started last" is looked for


@dataclass(frozen=True)
class Slot:
    """One meeting as members meet it: an occurrence of a series (or the one meeting) at its actual time."""

    meeting: Meeting
    original_start: datetime
    starts_at: datetime
    row: MeetingOccurrence | None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.meeting.duration_minutes)

    @property
    def deadline(self) -> datetime:
        """Agenda items sent after this go to the following occurrence."""
        return self.starts_at - timedelta(hours=self.meeting.agenda_deadline_hours)

    @property
    def status(self) -> OccurrenceStatus:
        return self.row.status if self.row else OccurrenceStatus.SCHEDULED


def upcoming_slots(meeting: Meeting, *, after: datetime, count: int) -> list[Slot]:
    """The next `count` scheduled occurrences starting after `after` (moves applied, cancellations left out)."""
    if meeting.cancelled_at is not None:
        return []
    rows = {row.original_start: row for row in meeting.occurrences}
    found = [
        Slot(meeting, start, start, None)
        for start in rule_starts(meeting, after=after, count=count + len(rows))
        if start not in rows
    ]
    found += [
        Slot(meeting, row.original_start, row.starts_at, row)
        for row in rows.values()
        if row.status == OccurrenceStatus.SCHEDULED and row.starts_at > after
    ]
    return sorted(found, key=lambda slot: slot.starts_at)[:count]


def last_started(meeting: Meeting, *, now: datetime) -> Slot | None:
    """The occurrence that started last (held or being held, closed or not); None before the first one."""
    rows = {row.original_start: row for row in meeting.occurrences}
    starts = rule_starts(meeting, after=now - LOOK_BACK, count=10_000, until=now)
    found = [Slot(meeting, start, start, None) for start in starts if start not in rows]
    found += [
        Slot(meeting, row.original_start, row.starts_at, row)
        for row in rows.values()
        if row.status != OccurrenceStatus.CANCELLED and row.starts_at <= now
    ]
    return max(found, key=lambda slot: slot.starts_at, default=None)


def rule_starts(meeting: Meeting, *, after: datetime, count: int, until: datetime | None = None) -> list[datetime]:
    """The starts the series' rule gives after `after` (not after `until`), before moves and cancellations."""
    if meeting.rrule is None:
        start = meeting.starts_at
        return [start] if start > after and (until is None or start <= until) else []
    return occurrences(
        meeting.rrule, start=meeting.starts_at, zone=meeting.timezone, after=after, count=count, until=until
    )


async def occurrence_row(session: AsyncSession, slot: Slot) -> MeetingOccurrence:
    """The stored row of an occurrence, created the first time something hangs on it."""
    if slot.row is not None:
        return slot.row
    row = MeetingOccurrence(original_start=slot.original_start, starts_at=slot.starts_at)
    slot.meeting.occurrences.append(row)
    await session.flush()
    return row


def following(slot: Slot) -> Slot | None:
    """The occurrence after this one, if the series goes on."""
    later = upcoming_slots(slot.meeting, after=slot.starts_at, count=1)
    return later[0] if later else None
