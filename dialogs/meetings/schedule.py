"""Meetings and meeting series: schedule, list, cancel, move and close them.

A series is one `Meeting` row with an RRULE; its occurrences are computed, and stored as rows only once
something hangs on one (agenda items, a move, a cancellation, minutes). Members refer to a meeting by its
number: planning commands act on its next occurrence, closing and minutes on the one that started last.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.dates import parse_day, parse_duration, parse_when
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import Reader, may_see, of_meeting, reader_for, require_visible
from dialogs.community.members import resolve_timezone
from dialogs.invitations import plans as invitations
from dialogs.meetings.calendar_file import CalendarEvent
from dialogs.meetings.occurrences import Slot, following, last_started, occurrence_row, rule_starts, upcoming_slots
from dialogs.meetings.recurrence import parse_recurrence
from dialogs.meetings.views import GroupChoice, MeetingCard, MeetingForm, MeetingList
from dialogs.regional.meetings import days_off_at, days_off_warning
from dialogs.registration import switch as registration_switch
from dialogs.reminders import plans as reminder_plans
from storage import repositories as repo
from storage.models import (
    AgendaItem,
    AgendaStatus,
    Community,
    Meeting,
    MeetingKind,
    MeetingOccurrence,
    OccurrenceStatus,
    WorkingGroup,
)

MAX_TITLE = 300
MAX_PLACE = 300
DEFAULT_DURATION = timedelta(hours=1)
MAX_DURATION = timedelta(hours=12)
MAX_DEADLINE_HOURS = 24 * 30
LIST_SIZE = 8
KIND_WORDS = {
    MeetingKind.PLENARY: ("plenary", "plenary meeting", "general assembly", "عامة", "اجتماع عام", "الهيئة العامة"),
    MeetingKind.FOLLOW_UP: ("follow-up", "follow up", "followup", "متابعة", "اجتماع متابعة"),
    MeetingKind.FACE_TO_FACE: (
        *("face-to-face", "face to face", "in person", "in-person"),
        *("حضوري", "وجاهي", "اجتماع حضوري", "اجتماع وجاهي"),
    ),
    MeetingKind.WORKING_GROUP: ("working group", "working-group", "wg", "مجموعة عمل", "فريق عمل"),
    MeetingKind.OTHER: ("other", "أخرى", "اخرى", "آخر"),
}
VERBS = {
    "add": ("add", "new", "schedule", "أضف", "إضافة", "اضافة", "جديد", "جدولة"),
    "cancel": ("cancel", "call off", "إلغاء", "الغاء", "ألغ", "الغ"),
    "move": ("move", "reschedule", "نقل", "انقل", "تغيير موعد", "إعادة جدولة"),
    "close": ("close", "end", "finish", "إغلاق", "اغلاق", "أغلق", "اغلق", "إنهاء", "انهاء"),
    "registration": ("registration", "registrations", "التسجيل", "تسجيل"),
}
SERIES_WORDS = ("all", "series", "whole series", "every one", "الكل", "السلسلة", "كل السلسلة", "كلها", "جميعها")
REPEAT_STARTS = {
    fold(word)
    for word in (
        *("every", "each", "once", "daily", "weekly", "fortnightly", "monthly", "quarterly", "yearly", "annually"),
        *("كل", "يوميا", "أسبوعيا", "شهريا", "فصليا", "سنويا", "مرة"),
    )
}
FIELD_WORDS = {
    "group": ("group", "working group", "مجموعة", "المجموعة"),
    "duration": ("for", "lasting", "duration", "لمدة", "مدة", "المدة"),
    "deadline": ("deadline", "agenda deadline", "مهلة", "آخر موعد"),
    "zone": ("tz", "timezone", "time zone", "zone", "توقيت", "بتوقيت", "المنطقة الزمنية"),
    "place": ("at", "place", "in", "venue", "في", "المكان", "مكان"),
    "skip": ("skip", "not discussed", "لم يناقش", "لم تناقش", "تخطي"),
}
REGISTRATION_WORDS = frozenset(
    fold(word) for word in ("registration", "register", "with registration", "التسجيل", "تسجيل", "مع التسجيل")
)
_LINK = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)

meeting_verb = word_table(VERBS)
_kind_named = word_table(KIND_WORDS)
_series_word = word_table({"series": SERIES_WORDS})
_field_named = leading_words(FIELD_WORDS)


@dataclass(frozen=True)
class MeetingView:
    """A meeting occurrence as one reader sees it (times stay UTC; the renderer shows them in a zone)."""

    number: int
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    zone: str
    rrule: str | None
    link: str | None
    place: str | None
    group: str | None
    deadline: datetime
    calendar_token: str
    status: str
    agenda_count: int = 0
    registration: bool = False


def view(slot: Slot, *, agenda_count: int = 0) -> MeetingView:
    """What a reader is shown of one occurrence."""
    meeting = slot.meeting
    return MeetingView(
        number=meeting.number,
        title=Title(meeting.title),
        kind=meeting.kind.value,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        zone=meeting.timezone,
        rrule=meeting.rrule,
        link=meeting.link,
        place=meeting.place,
        group=meeting.group.name if meeting.group else None,
        deadline=slot.deadline,
        calendar_token=meeting.calendar_token,
        status=slot.status.value,
        agenda_count=agenda_count,
        registration=meeting.registration,
    )


async def community_meetings(session: AsyncSession, *, community_id: int) -> list[Meeting]:
    """Every meeting and series of the community that is not cancelled."""
    rows = await session.scalars(
        select(Meeting).where(Meeting.community_id == community_id, Meeting.cancelled_at.is_(None))
    )
    return list(rows)


async def next_slots(
    session: AsyncSession, *, community_id: int, now: datetime, count: int, reader: Reader | None = None
) -> list[Slot]:
    """The community's next occurrences, soonest first; with `reader`, only the meetings they may see
    (community-wide ones and their working groups')."""
    # one-off meetings that are over are left to the database (a regional network has hundreds of them)
    may_come = or_(
        Meeting.rrule.is_not(None),
        Meeting.starts_at > now,
        Meeting.occurrences.any(MeetingOccurrence.starts_at > now),
    )
    meetings = await session.scalars(
        select(Meeting).where(Meeting.community_id == community_id, Meeting.cancelled_at.is_(None), may_come)
    )
    slots = [
        slot
        for meeting in meetings
        if reader is None or may_see(reader, of_meeting(meeting))
        for slot in upcoming_slots(meeting, after=now, count=count)
    ]
    return sorted(slots, key=lambda slot: slot.starts_at)[:count]


async def next_for(turn: Turn, *, count: int) -> list[Slot]:
    """The next occurrences of the meetings the turn's readers may see, soonest first."""
    reader = await reader_for(turn)
    return await next_slots(turn.session, community_id=turn.community.id, now=turn.now, count=count, reader=reader)


async def find(session: AsyncSession, *, community: Community, number: str) -> Meeting:
    """The community's meeting by number (locked for the rest of the turn)."""
    return await by_number(session, Meeting, community=community, number=number, kind="meeting")


async def find_visible(turn: Turn, number: str) -> Meeting:
    """The community's meeting by number, when the turn's readers may see it (a working group's meeting is its
    members'); see `require_visible`."""
    meeting = await find(turn.session, community=turn.community, number=number)
    await require_visible(turn, of_meeting(meeting), unknown=UserError("meeting-unknown", number=meeting.number))
    return meeting


async def agenda_counts(session: AsyncSession, slots: Sequence[Slot]) -> dict[int, int]:
    """Open agenda items per stored occurrence id."""
    ids = [slot.row.id for slot in slots if slot.row is not None]
    if not ids:
        return {}
    rows = await session.scalars(
        select(AgendaItem.occurrence_id).where(
            AgendaItem.occurrence_id.in_(ids), AgendaItem.status.in_([s for s in AgendaStatus if s.open])
        )
    )
    counts: dict[int, int] = {}
    for occurrence_id in rows:
        counts[occurrence_id] = counts.get(occurrence_id, 0) + 1
    return counts


# ---- commands ----------------------------------------------------------------------------------------------


@dataclass
class MeetingPlan:
    """What `meeting add` (typed or by form) asks for, before it is checked and stored."""

    title: str
    when: str
    kind: MeetingKind = MeetingKind.OTHER
    rrule: str | None = None
    duration: timedelta = DEFAULT_DURATION
    zone: str | None = None
    link: str | None = None
    place: str | None = None
    group: WorkingGroup | None = None
    deadline_hours: int | None = None
    registration: bool = False


async def add(turn: Turn, args: str) -> Reply:
    """`meeting add <title> | <when> [| every …] [| <link or place>] [| kind] [| for 2 hours] [| group X]
    [| tz Area/City] [| deadline 24 hours] [| registration]`."""
    require_facilitator(turn.member)
    fields = [field.strip() for field in args.split("|")]
    if not fields[0]:
        raise UserError("meeting-title-missing")
    if len(fields) < 2 or not fields[1]:
        raise UserError("meeting-when-missing")
    plan = MeetingPlan(title=fields[0], when=fields[1])
    for extra in fields[2:]:
        if extra:
            await _read_field(turn, plan, extra)
    return await create(turn, plan=plan)


async def _read_field(turn: Turn, plan: MeetingPlan, field: str) -> None:
    """One optional `meeting add` field, recognised by its first word or its shape."""
    first = field.split(maxsplit=1)[0]
    named = _field_named(field)
    if _LINK.fullmatch(field):
        plan.link = field
    elif "://" in field:
        raise UserError("meeting-link-invalid", given=field[:80])
    elif fold(first) in REPEAT_STARTS:
        plan.rrule = parse_recurrence(field)
    elif (rule := _recurrence_or_none(field)) is not None:
        plan.rrule = rule
    elif (kind := _kind_named(field)) is not None:
        plan.kind = kind
    elif fold(field) in REGISTRATION_WORDS:
        plan.registration = True
    elif named is not None:
        key, value = named
        if key == "group":
            plan.group = await group_named(turn.session, community=turn.community, name=value)
        elif key == "duration":
            plan.duration = parse_duration(value)
        elif key == "deadline":
            plan.deadline_hours = round(parse_duration(value).total_seconds() / 3600)
        elif key == "zone":
            plan.zone = resolve_timezone(value)
            if plan.zone is None:
                raise UserError("tz-unknown", given=value[:60])
        else:
            plan.place = value
    else:
        plan.place = field


def _recurrence_or_none(field: str) -> str | None:
    """The rule of a repeat written without a leading 'every' ('the last Thursday of every quarter')."""
    try:
        return parse_recurrence(field)
    except UserError:
        return None


async def group_named(session: AsyncSession, *, community: Community, name: str) -> WorkingGroup:
    """An open working group by (part of) its name."""
    wanted = fold(name)
    groups = await repo.open_groups(session, community_id=community.id)
    matches = [g for g in groups if wanted and (fold(g.name) == wanted or wanted in fold(g.name))]
    exact = [g for g in matches if fold(g.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(matches) != 1:
        raise UserError("group-unknown", name=name[:60] or "-")
    return matches[0]


async def _days_off(turn: Turn, meeting: Meeting, slot: Slot) -> Reply | None:
    """The facilitator's warning when the meeting's (next) day is a weekend or public holiday for some of the members
    it is for; not where others read it (it names members and hints at where they live)."""
    if turn.shared:
        return None
    days_off = await days_off_at(
        turn.session, community=turn.community, starts_at=slot.starts_at, group_id=meeting.group_id
    )
    return days_off_warning(days_off)


async def create(turn: Turn, *, plan: MeetingPlan) -> Reply:
    """Check a plan and store the meeting (numbered per community); the same rules for command and form."""
    require_facilitator(turn.member)
    title = " ".join(plan.title.split())
    if not title:
        raise UserError("meeting-title-missing")
    if len(title) > MAX_TITLE:
        raise UserError("meeting-title-too-long", length=len(title), limit=MAX_TITLE)
    if plan.place and len(plan.place) > MAX_PLACE:
        raise UserError("meeting-place-too-long", limit=MAX_PLACE)
    if not timedelta(minutes=5) <= plan.duration <= MAX_DURATION:
        raise UserError("meeting-duration-invalid", hours=int(MAX_DURATION.total_seconds() // 3600))
    deadline = turn.community.agenda_deadline_hours if plan.deadline_hours is None else plan.deadline_hours
    if not 0 <= deadline <= MAX_DEADLINE_HOURS:
        raise UserError("meeting-deadline-invalid", days=MAX_DEADLINE_HOURS // 24)
    zone = plan.zone or turn.community.timezone
    starts_at = parse_when(plan.when, now=turn.now, zone=zone, lang=turn.member.language)
    if plan.group is not None and plan.kind == MeetingKind.OTHER:
        plan.kind = MeetingKind.WORKING_GROUP
    meeting = Meeting(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=Meeting.number),
        title=title,
        kind=plan.kind,
        starts_at=starts_at,
        duration_minutes=int(plan.duration.total_seconds() // 60),
        timezone=zone,
        rrule=plan.rrule,
        link=plan.link,
        place=plan.place or None,
        group_id=plan.group.id if plan.group else None,
        agenda_deadline_hours=deadline,
        registration=plan.registration,
        calendar_token=secrets.token_urlsafe(24),
        created_by_id=turn.member.id,
        created_at=turn.now,
        updated_at=turn.now,
        occurrences=[],
    )
    meeting.starts_at = _first_real_start(meeting, starts_at)
    turn.session.add(meeting)
    await turn.session.flush()
    await turn.session.refresh(meeting, ["group"])
    repo.audit_row(turn.session, actor=turn.member, row=meeting, action="meeting.created", after=_state(meeting))
    await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
    await invitations.plan(turn.session, meeting, method="REQUEST", now=turn.now)
    slot = upcoming_slots(meeting, after=turn.now, count=1)[0]
    warning = await _days_off(turn, meeting, slot)
    return Reply.of("meeting-added", view=MeetingCard(meeting=view(slot), warning=warning), number=meeting.number)


def form(groups: Sequence[WorkingGroup], *, community: Community) -> Reply:
    """The card form for a new meeting (facilitators)."""
    choices = tuple(GroupChoice(id=g.id, name=g.name) for g in groups)
    return Reply.of("meeting-form", view=MeetingForm(zone=community.timezone, groups=choices))


async def add_from_form(turn: Turn, data: dict[str, object]) -> Reply:
    """The meeting form's answer: Input.Date + Input.Time, choices for kind, repeat and group."""
    require_facilitator(turn.member)
    day, time = str(data.get("day") or "").strip(), str(data.get("time") or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or not re.fullmatch(r"\d{2}:\d{2}", time):
        raise UserError("meeting-when-missing")
    plan = MeetingPlan(title=str(data.get("title") or ""), when=f"{day} {time}")
    kind = str(data.get("kind") or "other")
    if kind not in {k.value for k in MeetingKind}:
        raise UserError("card-data-invalid")
    plan.kind = MeetingKind(kind)
    repeat = str(data.get("repeat") or "").strip()
    plan.rrule = parse_recurrence(repeat) if repeat and repeat != "once" else None
    minutes = parse_number(data.get("duration") or 60)
    if minutes is None:
        raise UserError("card-data-invalid")
    plan.duration = timedelta(minutes=minutes)
    for key in ("link", "place", "zone"):
        value = str(data.get(key) or "").strip()
        if key == "link" and value:
            if not _LINK.fullmatch(value):
                raise UserError("meeting-link-invalid", given=value[:80])
            plan.link = value
        elif key == "place" and value:
            plan.place = value
        elif key == "zone" and value:
            plan.zone = resolve_timezone(value)
            if plan.zone is None:
                raise UserError("tz-unknown", given=value[:60])
    if data.get("group") not in (None, ""):
        group_id = parse_number(data.get("group"))
        group = await turn.session.get(WorkingGroup, group_id) if group_id else None
        if group is None or group.community_id != turn.community.id or group.closed_at is not None:
            raise UserError("card-data-invalid")
        plan.group = group
    plan.registration = str(data.get("registration") or "").strip().lower() == "true"
    return await create(turn, plan=plan)


async def list_meetings(turn: Turn) -> Reply:
    """`meetings`: the next occurrences, series included, in the reader's zone."""
    slots = await next_for(turn, count=LIST_SIZE)
    counts = await agenda_counts(turn.session, slots)
    views = [view(slot, agenda_count=counts.get(slot.row.id, 0) if slot.row else 0) for slot in slots]
    return Reply.of("meetings-list", view=MeetingList(meetings=tuple(views)), count=len(views))


async def show(turn: Turn, number: str) -> Reply:
    """`meeting N`: its next occurrence's card (with the calendar link)."""
    meeting = await find_visible(turn, number)
    coming = upcoming_slots(meeting, after=turn.now, count=1)
    if not coming:
        raise UserError("meeting-nothing-ahead", number=meeting.number)
    counts = await agenda_counts(turn.session, coming)
    slot = coming[0]
    shown = view(slot, agenda_count=counts.get(slot.row.id, 0) if slot.row else 0)
    return Reply.of("meeting-card", view=MeetingCard(meeting=shown), number=meeting.number)


async def cancel(turn: Turn, args: str) -> Reply:
    """`meeting cancel N [| all | <day>]`: the next occurrence (or the one on that day), or the whole series.

    Open agenda items of a cancelled occurrence move to the next one."""
    require_facilitator(turn.member)
    number, fields = _number_and_fields(args)
    meeting = await find(turn.session, community=turn.community, number=number)
    if meeting.cancelled_at is not None:
        raise UserError("meeting-already-cancelled", number=meeting.number)
    whole = any(_series_word(field) for field in fields) or meeting.rrule is None
    if whole:
        meeting.cancelled_at, meeting.updated_at = turn.now, turn.now
        meeting.sequence += 1
        repo.audit_row(turn.session, actor=turn.member, row=meeting, action="meeting.cancelled", after={"series": True})
        await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
        await invitations.plan(turn.session, meeting, method="CANCEL", now=turn.now)
        waiting = await _open_items_after(turn.session, meeting, now=turn.now)
        key = "meeting-cancelled-series" if meeting.rrule else "meeting-cancelled-single"
        return Reply.of(key, number=meeting.number, title=Title(meeting.title), items=waiting)
    slot = _pick_slot(meeting, fields, now=turn.now)
    row = await occurrence_row(turn.session, slot)
    row.status = OccurrenceStatus.CANCELLED
    meeting.sequence += 1
    meeting.updated_at = turn.now
    moved_items, next_slot = await _carry_items(turn.session, row, slot=slot, now=turn.now)
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=meeting,
        action="meeting.occurrence-cancelled",
        after={"start": slot.starts_at.isoformat()},
    )
    await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
    await invitations.plan(turn.session, meeting, method="CANCEL", now=turn.now, occurrence=row)
    return Reply.of(
        "meeting-cancelled-one",
        number=meeting.number,
        title=Title(meeting.title),
        when=slot.starts_at,
        items=moved_items,
        next=next_slot.starts_at if next_slot else "-",
    )


async def move(turn: Turn, args: str) -> Reply:
    """`meeting move N | <when> [| all]`: the next occurrence, or the whole series (its rule follows the new day)."""
    require_facilitator(turn.member)
    number, fields = _number_and_fields(args)
    meeting = await find(turn.session, community=turn.community, number=number)
    if meeting.cancelled_at is not None:
        raise UserError("meeting-already-cancelled", number=meeting.number)
    when_fields = [field for field in fields if not _series_word(field)]
    if not when_fields:
        raise UserError("meeting-move-when-missing", number=meeting.number)
    starts_at = parse_when(when_fields[0], now=turn.now, zone=meeting.timezone, lang=turn.member.language)
    whole = meeting.rrule is not None and len(when_fields) < len(fields)
    slots = upcoming_slots(meeting, after=turn.now, count=1)
    if not slots:
        raise UserError("meeting-nothing-ahead", number=meeting.number)
    before = slots[0].starts_at
    if whole:
        await _rebase_series(turn.session, meeting, starts_at=starts_at, now=turn.now)
    else:
        row = await occurrence_row(turn.session, slots[0])
        row.starts_at = starts_at
    meeting.sequence += 1
    meeting.updated_at = turn.now
    await turn.session.flush()
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=meeting,
        action="meeting.moved",
        before={"start": before.isoformat()},
        after={"start": starts_at.isoformat(), "series": whole},
    )
    await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
    await invitations.plan(turn.session, meeting, method="REQUEST", now=turn.now)
    slot = upcoming_slots(meeting, after=turn.now, count=1)[0]
    return Reply.of(
        "meeting-moved-series" if whole else "meeting-moved",
        view=MeetingCard(meeting=view(slot), warning=await _days_off(turn, meeting, slot)),
        number=meeting.number,
        before=before,
    )


async def _rebase_series(session: AsyncSession, meeting: Meeting, *, starts_at: datetime, now: datetime) -> None:
    """Start the series' coming occurrences at `starts_at`. The meeting held last is kept (its minutes and
    decisions stay reachable); each stored coming occurrence (agenda, cancellation) keeps its place in the series:
    the n-th coming meeting of the old rule becomes the n-th of the new one; earlier one-off moves give way."""
    held = last_started(meeting, now=now)
    if held is not None:
        await occurrence_row(session, held)
    rows = [r for r in meeting.occurrences if r.original_start > now]
    last = max((r.original_start for r in rows), default=None)
    old_starts = rule_starts(meeting, after=now, count=10_000, until=last) if last else []
    place = {start: index for index, start in enumerate(old_starts)}
    shift_weekday = starts_at.astimezone(ZoneInfo(meeting.timezone)).strftime("%a")[:2].upper()
    assert meeting.rrule is not None
    meeting.rrule = re.sub(r"BYDAY=(-?\d?)[A-Z]{2}", lambda m: f"BYDAY={m[1]}{shift_weekday}", meeting.rrule)
    meeting.starts_at = _first_real_start(meeting, starts_at)
    new_starts = rule_starts(meeting, after=now, count=len(old_starts)) if old_starts else []
    for row in rows:
        index = place.get(row.original_start)
        if index is not None and index < len(new_starts):
            row.original_start = row.starts_at = new_starts[index]


def _first_real_start(meeting: Meeting, wanted: datetime) -> datetime:
    """The first occurrence the rule gives from `wanted` on: a calendar counts a series' start as a meeting, so
    it must be one (an "every Tuesday" series asked to start on a Thursday starts the Tuesday after)."""
    if meeting.rrule is None:
        return wanted
    meeting.starts_at = wanted
    first = rule_starts(meeting, after=wanted - timedelta(seconds=1), count=1)
    return first[0] if first else wanted


def _pick_slot(meeting: Meeting, fields: Sequence[str], *, now: datetime) -> Slot:
    """The next occurrence, or the one on the day named in `fields`."""
    coming = upcoming_slots(meeting, after=now, count=60)
    if not coming:
        raise UserError("meeting-nothing-ahead", number=meeting.number)
    if not fields:
        return coming[0]
    zone = ZoneInfo(meeting.timezone)
    day = parse_day(fields[0], now=now, zone=meeting.timezone)
    for slot in coming:
        if slot.starts_at.astimezone(zone).date() == day:
            return slot
    raise UserError("meeting-no-occurrence-on", number=meeting.number, day=day)


async def close(turn: Turn, args: str) -> Reply:
    """`meeting close N [| skip 4 5]`: accepted items become discussed (except those skipped); the rest carry
    forward to the next occurrence. Closing twice changes nothing the second time."""
    require_facilitator(turn.member)
    number, fields = _number_and_fields(args)
    meeting = await find(turn.session, community=turn.community, number=number)
    slot = last_started(meeting, now=turn.now)
    if slot is None:
        raise UserError("meeting-not-started", number=meeting.number)
    row = await occurrence_row(turn.session, slot)
    await turn.session.refresh(row, with_for_update=True)
    if row.status == OccurrenceStatus.CLOSED:
        return Reply.of("meeting-already-closed", number=meeting.number, when=slot.starts_at, at=row.closed_at)
    skipped = _skipped_numbers(fields)
    items = list(
        await turn.session.scalars(
            select(AgendaItem).where(AgendaItem.occurrence_id == row.id).order_by(AgendaItem.position)
        )
    )
    unknown = skipped - {item.number for item in items}
    if unknown:
        raise UserError("agenda-not-on-meeting", number=min(unknown), meeting=meeting.number)
    discussed = 0
    for item in items:
        if item.status == AgendaStatus.ACCEPTED and item.number not in skipped:
            item.status, item.updated_at = AgendaStatus.DISCUSSED, turn.now
            discussed += 1
    carried, next_slot = await _carry_items(turn.session, row, slot=slot, now=turn.now)
    row.status, row.closed_at = OccurrenceStatus.CLOSED, turn.now
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=meeting,
        action="meeting.closed",
        after={"start": slot.starts_at.isoformat()},
    )
    await reminder_plans.plan_after_close(
        turn.session, meeting=meeting, community=turn.community, slot=slot, now=turn.now
    )
    return Reply.of(
        "meeting-closed",
        number=meeting.number,
        when=slot.starts_at,
        discussed=discussed,
        carried=carried,
        next=next_slot.starts_at if next_slot else "-",
    )


def _skipped_numbers(fields: Sequence[str]) -> set[int]:
    numbers: set[int] = set()
    for field in fields:
        named = _field_named(field)
        if named is None or named[0] != "skip":
            raise UserError("meeting-close-usage")
        for word in named[1].replace(",", " ").split():
            number = parse_number(word)
            if number is None:
                raise UserError("meeting-close-usage")
            numbers.add(number)
    return numbers


async def _carry_items(
    session: AsyncSession, row: MeetingOccurrence, *, slot: Slot, now: datetime
) -> tuple[int, Slot | None]:
    """Copy the occurrence's items still open to the next occurrence (each at most once: `carried_from_id` is
    unique) and mark them carried. Without a next occurrence they stay where they are."""
    next_slot = following(slot)
    open_items = list(
        await session.scalars(
            select(AgendaItem)
            .where(AgendaItem.occurrence_id == row.id, AgendaItem.status.in_([s for s in AgendaStatus if s.open]))
            .order_by(AgendaItem.position, AgendaItem.number)
        )
    )
    if next_slot is None or not open_items:
        return 0, next_slot
    target = await occurrence_row(session, next_slot)
    position = await last_position(session, target.id)
    for item in open_items:
        position += 1
        session.add(
            AgendaItem(
                community_id=item.community_id,
                number=await repo.next_number(session, community_id=item.community_id, column=AgendaItem.number),
                occurrence_id=target.id,
                title=item.title,
                details=item.details,
                status=AgendaStatus.ACCEPTED if item.status == AgendaStatus.ACCEPTED else AgendaStatus.PROPOSED,
                position=position,
                submitted_by_id=item.submitted_by_id,
                presenter_id=item.presenter_id,
                group_id=item.group_id,
                minutes_requested=item.minutes_requested,
                confidential=item.confidential,
                carried_from_id=item.id,
                created_at=now,
                updated_at=now,
            )
        )
        item.status, item.updated_at = AgendaStatus.CARRIED, now
        await session.flush()
    return len(open_items), next_slot


async def last_position(session: AsyncSession, occurrence_id: int) -> int:
    """The highest agenda position on an occurrence (0 when it has no items)."""
    positions = await session.scalars(select(AgendaItem.position).where(AgendaItem.occurrence_id == occurrence_id))
    return max(positions, default=0)


async def _open_items_after(session: AsyncSession, meeting: Meeting, *, now: datetime) -> int:
    ids = [row.id for row in meeting.occurrences if row.starts_at > now]
    if not ids:
        return 0
    items = await session.scalars(
        select(AgendaItem.id).where(
            AgendaItem.occurrence_id.in_(ids), AgendaItem.status.in_([s for s in AgendaStatus if s.open])
        )
    )
    return len(list(items))


def _number_and_fields(args: str) -> tuple[str, list[str]]:
    """'3 | tomorrow 10:00 | all' -> ('3', ['tomorrow 10:00', 'all']); '3 all' works too."""
    head, *fields = [field.strip() for field in args.split("|")]
    number, _, rest = head.partition(" ")
    if rest.strip():
        fields.insert(0, rest.strip())
    return number, [field for field in fields if field]


def _state(meeting: Meeting) -> dict[str, object]:
    return {
        "title": meeting.title,
        "kind": meeting.kind.value,
        "starts_at": meeting.starts_at.isoformat(),
        "rrule": meeting.rrule,
        "zone": meeting.timezone,
    }


def calendar_event(meeting: Meeting, *, description: str = "") -> CalendarEvent:
    """The meeting or series as one calendar entry: cancelled occurrences excluded, moved ones overridden."""
    rows = meeting.occurrences
    if meeting.rrule is None:
        moved_to = [row.starts_at for row in rows if row.original_start == meeting.starts_at]
        start = moved_to[0] if moved_to else meeting.starts_at
        cancelled_alone = any(row.status == OccurrenceStatus.CANCELLED for row in rows)
        return CalendarEvent(
            uid=f"meeting-{meeting.id}@tansiq",
            title=meeting.title,
            start=start,
            duration=timedelta(minutes=meeting.duration_minutes),
            zone=meeting.timezone,
            rrule=None,
            link=meeting.link,
            place=meeting.place,
            description=description,
            sequence=meeting.sequence,
            status_cancelled=meeting.cancelled_at is not None or cancelled_alone,
        )
    return CalendarEvent(
        uid=f"meeting-{meeting.id}@tansiq",
        title=meeting.title,
        start=meeting.starts_at,
        duration=timedelta(minutes=meeting.duration_minutes),
        zone=meeting.timezone,
        rrule=meeting.rrule,
        link=meeting.link,
        place=meeting.place,
        description=description,
        cancelled=tuple(row.original_start for row in rows if row.status == OccurrenceStatus.CANCELLED),
        moved=tuple(
            (row.original_start, row.starts_at)
            for row in rows
            if row.status != OccurrenceStatus.CANCELLED and row.starts_at != row.original_start
        ),
        sequence=meeting.sequence,
        status_cancelled=meeting.cancelled_at is not None,
    )


async def command(turn: Turn, args: str) -> Reply:
    """`meeting add|cancel|move|close …`; `meeting add` alone (or `meeting`) opens the form; `meeting N` its card."""
    first, _, rest = args.strip().partition(" ")
    if parse_number(first) and not rest.strip():
        return await show(turn, first)
    verb = meeting_verb(first) if first else "add"
    if verb == "add" and not rest.strip():
        require_facilitator(turn.member)
        groups = await repo.open_groups(turn.session, community_id=turn.community.id)
        return form(groups, community=turn.community)
    match verb:
        case "add":
            return await add(turn, rest)
        case "cancel":
            return await cancel(turn, rest)
        case "move":
            return await move(turn, rest)
        case "close":
            return await close(turn, rest)
        case "registration":
            return await registration_switch.switch(turn, rest)
    raise UserError("meeting-usage")


async def list_command(turn: Turn, args: str) -> Reply:
    """`meetings`: the next occurrences (whatever follows the word)."""
    return await list_meetings(turn)
