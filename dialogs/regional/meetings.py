"""Who has a meeting's day off: a warning for the facilitator who plans it on some members' weekend or public
holiday (each member's own day, in their own zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.language import member_timezone
from dialogs.common.replies import Reply
from dialogs.common.two_languages import Title
from dialogs.regional.calendar import public_holiday
from dialogs.reminders.plans import ReminderSettings
from storage.models import Community, Member, WorkingGroupMember

NAMES_SHOWN = 10
"""People named in the warning; past it, the count says how many more."""


@dataclass(frozen=True)
class DayOff:
    """A member for whom the meeting falls on their `day` off: 'weekend', or 'holiday' (`holiday` names it)."""

    member_id: int
    name: str
    day: date
    reason: str
    holiday: Title | None = None


async def days_off_at(
    session: AsyncSession, *, community: Community, starts_at: datetime, group_id: int | None = None
) -> list[DayOff]:
    """The active members (of the working group `group_id`, else of the community) for whom `starts_at` falls on
    their weekend or a public holiday of their country, by name."""
    query = select(Member).where(Member.community_id == community.id, Member.active.is_(True))
    if group_id is not None:
        query = query.join(WorkingGroupMember, WorkingGroupMember.member_id == Member.id).where(
            WorkingGroupMember.group_id == group_id
        )
    settings = ReminderSettings.of(community)
    found = []
    for member in await session.scalars(query.order_by(Member.name, Member.id)):
        calendar = settings.calendar_of(member, community)
        day = starts_at.astimezone(ZoneInfo(member_timezone(member, community))).date()
        reason = calendar.day_off(day)
        if reason == "holiday" and calendar.country:
            found.append(DayOff(member.id, member.name, day, reason, public_holiday(calendar.country, day)))
        elif reason is not None:
            found.append(DayOff(member.id, member.name, day, reason))
    return found


def days_off_warning(days_off: list[DayOff]) -> Reply | None:
    """The facilitator's warning (`regional-meeting-days-off`), or None when the day is a working day for all."""
    if not days_off:
        return None
    weekend = [d.name for d in days_off if d.reason == "weekend"]
    holiday = [d.name for d in days_off if d.reason == "holiday"]
    names = sorted({d.holiday for d in days_off if d.holiday is not None})
    arabic = "، ".join(name.partition(" · ")[0] for name in names)
    english = ", ".join(name.partition(" · ")[2] or name for name in names)
    return Reply.of(
        "regional-meeting-days-off",
        count=len(days_off),
        weekend=weekend[:NAMES_SHOWN],
        weekend_count=len(weekend),
        holiday=holiday[:NAMES_SHOWN],
        holiday_count=len(holiday),
        holidays=Title(f"{arabic} · {english}") if arabic and english != arabic else Title(english),
    )
