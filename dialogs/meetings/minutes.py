"""Decisions, attendance and minutes: drafted from the meeting's data, edited, approved and published."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import plain_mentions, strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import leading_words, parse_number, word_table
from dialogs.community.members import require_facilitator
from dialogs.community.roster import Person
from dialogs.meetings import agenda, occurrences
from dialogs.meetings import schedule as meetings
from dialogs.meetings.minutes_view import MinutesAction, MinutesDecision, MinutesItem, MinutesView
from storage import repositories as repo
from storage.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaStatus,
    Community,
    Decision,
    Meeting,
    MeetingOccurrence,
    Member,
    OccurrenceStatus,
)

MAX_DECISION = 2000
WRITE_UP = timedelta(hours=12)
MAX_SUMMARY = 8000
VERBS = {
    "publish": ("publish", "send", "نشر", "انشر", "اعتماد ونشر"),
    "edit": ("edit", "summary", "تعديل", "عدل", "ملخص", "الملخص"),
    "approvals": ("approvals", "sign-off", "موافقات", "الموافقات", "اعتمادات"),
}
DECISION_FIELDS = {
    "item": ("item", "agenda item", "on item", "بند", "البند"),
    "meeting": ("meeting", "اجتماع", "الاجتماع"),
}
CONFIDENTIAL_WORDS = {"confidential": ("confidential", "private", "سري", "سرية", "خاص")}

minutes_verb = word_table(VERBS)
_decision_field = leading_words(DECISION_FIELDS)
_confidential = word_table(CONFIDENTIAL_WORDS)


async def add_decision(
    session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime
) -> Reply:
    """`decision add <text> [| item N] [| meeting N] [| confidential]` (facilitators): on the meeting that
    started last (or the item's meeting)."""
    require_facilitator(member)
    text, *fields = [field.strip() for field in args.split("|")]
    text = plain_mentions(text)
    if not strip_mentions(text):
        raise UserError("decision-text-missing")
    if len(text) > MAX_DECISION:
        raise UserError("decision-text-too-long", length=len(text), limit=MAX_DECISION)
    item, meeting, confidential = None, None, False
    for field in fields:
        named = _decision_field(field)
        if _confidential(field):
            confidential = True
        elif named and named[0] == "item":
            item = await agenda.find(session, community=community, number=named[1])
        elif named and named[0] == "meeting":
            meeting = await meetings.find(session, community=community, number=named[1])
        elif field:
            raise UserError("decision-usage")
    if item is not None:
        occurrence = await session.get(MeetingOccurrence, item.occurrence_id)
        assert occurrence is not None
    else:
        occurrence = await _held(session, community=community, meeting=meeting, now=now)
    _refuse_if_published(occurrence)
    number = await repo.next_number(session, community_id=community.id, column=Decision.number)
    decision = Decision(
        community_id=community.id,
        number=number,
        occurrence_id=occurrence.id,
        agenda_item_id=item.id if item else None,
        text=text,
        confidential=confidential or bool(item and item.confidential),
        created_by_id=member.id,
        created_at=now,
    )
    session.add(decision)
    await session.flush()
    repo.audit_row(
        session, actor=member, row=decision, action="decision.added", after={"text": text, "occurrence": occurrence.id}
    )
    parent = await session.get(Meeting, occurrence.meeting_id)
    assert parent is not None
    return Reply.of(
        "decision-added",
        number=number,
        meeting=parent.title,
        when=occurrence.starts_at,
        item=item.number if item else 0,
    )


async def record_attendance(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    args: str,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    """`attended [N] @a @b` (facilitators): who was at the meeting that started last (adds to the list)."""
    require_facilitator(member)
    if not mentions:
        raise UserError("attended-usage")
    number = strip_mentions(args).strip()
    meeting = await meetings.find(session, community=community, number=number) if number else None
    occurrence = await _held(session, community=community, meeting=meeting, now=now)
    _refuse_if_published(occurrence)
    ids = list(occurrence.attendee_ids or [])
    for person in mentions:
        found = await repo.member_in(session, community_id=community.id, teams_user_id=person.teams_user_id)
        if found is None:
            raise UserError("member-not-found", name=person.name or person.teams_user_id)
        if found.id not in ids:
            ids.append(found.id)
    occurrence.attendee_ids = ids
    return Reply.of("attendance-recorded", count=len(ids), when=occurrence.starts_at)


async def show(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`minutes N`: facilitators get the draft of the meeting held last (what would be published); members the
    latest published minutes of that meeting."""
    meeting = await meetings.find(session, community=community, number=args.strip())
    if member.role.facilitates:
        occurrence = await _last_held(session, meeting, now=now)
    else:
        published = [row for row in meeting.occurrences if row.published_at is not None]
        if not published:
            raise UserError("minutes-not-published", number=meeting.number)
        occurrence = max(published, key=lambda row: row.starts_at)
    return await _minutes_reply(
        session, member=member, community=community, meeting=meeting, occurrence=occurrence, now=now
    )


async def edit(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`minutes edit N | <summary>` (facilitators): the minutes' written part; published minutes stay as they are."""
    require_facilitator(member)
    number, _, text = args.partition("|")
    meeting = await meetings.find(session, community=community, number=number.strip())
    occurrence = await _last_held(session, meeting, now=now)
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published", number=meeting.number)
    text = plain_mentions(text.strip())
    if not text:
        raise UserError("minutes-summary-missing", number=meeting.number)
    if len(text) > MAX_SUMMARY:
        raise UserError("minutes-summary-too-long", length=len(text), limit=MAX_SUMMARY)
    before, occurrence.summary = occurrence.summary, text
    occurrence.approver_ids = []  # approvals were of the text before this edit
    repo.audit(
        session,
        community_id=community.id,
        actor=member,
        action="minutes.edited",
        object_type="meeting_occurrence",
        object_id=occurrence.id,
        before={"summary": before},
        after={"summary": text},
    )
    return await _minutes_reply(
        session, member=member, community=community, meeting=meeting, occurrence=occurrence, now=now
    )


async def publish(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`minutes publish N` (facilitators): after the meeting is closed; with two approvals required, the second
    facilitator's publish is the one that posts them."""
    require_facilitator(member)
    meeting = await meetings.find(session, community=community, number=args.strip())
    occurrence = await _last_held(session, meeting, now=now)
    await session.refresh(occurrence, with_for_update=True)
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published", number=meeting.number)
    if occurrence.status != OccurrenceStatus.CLOSED:
        raise UserError("minutes-close-first", number=meeting.number)
    approvers = list(occurrence.approver_ids or [])
    if member.id in approvers and len(approvers) < community.minutes_approvals:
        raise UserError("minutes-approved-already", number=meeting.number, needed=community.minutes_approvals)
    if member.id not in approvers:
        approvers.append(member.id)
    occurrence.approver_ids = approvers
    if len(approvers) < community.minutes_approvals:
        return Reply.of(
            "minutes-approval-recorded", number=meeting.number, have=len(approvers), needed=community.minutes_approvals
        )
    occurrence.published_at = now
    repo.audit(
        session,
        community_id=community.id,
        actor=member,
        action="minutes.published",
        object_type="meeting_occurrence",
        object_id=occurrence.id,
        after={"approvers": approvers},
    )
    post = outbox.Planned(
        "minutes-published", f"minutes:{occurrence.id}", now, {"occurrence": occurrence.id}, channel=True
    )
    await outbox.queue(session, community_id=community.id, subject=f"minutes:{occurrence.id}", message=post, now=now)
    reply = await _minutes_reply(
        session, member=member, community=community, meeting=meeting, occurrence=occurrence, now=now
    )
    return Reply.of("minutes-published", card="minutes", **reply.args, to_channel=True)


def set_approvals(session: AsyncSession, *, member: Member, community: Community, args: str) -> Reply:
    """`minutes approvals 1|2` (facilitators): how many facilitators must publish before minutes go out."""
    require_facilitator(member)
    wanted = parse_number(args.strip())
    if wanted not in (1, 2):
        raise UserError("minutes-approvals-usage")
    before, community.minutes_approvals = community.minutes_approvals, wanted
    repo.audit(
        session,
        community_id=community.id,
        actor=member,
        action="community.minutes_approvals",
        object_type="community",
        object_id=community.id,
        before={"minutes_approvals": before},
        after={"minutes_approvals": wanted},
    )
    return Reply.of("minutes-approvals-set", needed=wanted)


async def minutes_view(
    session: AsyncSession, *, community: Community, meeting: Meeting, occurrence: MeetingOccurrence, now: datetime
) -> tuple[MinutesView, int]:
    """The minutes as they would be shared (confidential items and decisions left out), and how many were."""
    items = list(
        await session.scalars(
            select(AgendaItem)
            .where(AgendaItem.occurrence_id == occurrence.id, AgendaItem.status != AgendaStatus.REMOVED)
            .order_by(AgendaItem.position, AgendaItem.number)
        )
    )
    decisions = list(
        await session.scalars(select(Decision).where(Decision.occurrence_id == occurrence.id).order_by(Decision.number))
    )
    # actions recorded while the meeting was on, or while it was being written up that day
    ends = occurrence.starts_at + timedelta(minutes=meeting.duration_minutes) + WRITE_UP
    until = min(occurrence.closed_at or now, ends)
    actions = list(
        await session.scalars(
            select(Action)
            .where(
                Action.community_id == community.id,
                Action.created_at >= occurrence.starts_at,
                Action.created_at <= until,
                Action.status != ActionStatus.CANCELLED,
            )
            .order_by(Action.number)
        )
    )
    names = await repo.member_names(session, community_id=community.id)
    numbers = {item.id: item.number for item in items}
    withheld = sum(item.confidential for item in items) + sum(d.confidential for d in decisions)
    view = MinutesView(
        community=community.name,
        meeting_number=meeting.number,
        title=meeting.title,
        kind=meeting.kind.value,
        starts_at=occurrence.starts_at,
        zone=meeting.timezone,
        place=meeting.place,
        link=meeting.link,
        attendees=tuple(names.get(member_id, "-") for member_id in occurrence.attendee_ids or []),
        summary=occurrence.summary,
        items=tuple(
            MinutesItem(
                number=item.number,
                title=item.title,
                details=item.details,
                outcome="discussed" if item.status == AgendaStatus.DISCUSSED else "carried",
                submitted_by=names.get(item.submitted_by_id or 0, "-"),
                presenter=names.get(item.presenter_id) if item.presenter_id else None,
            )
            for item in items
            if not item.confidential
        ),
        decisions=tuple(
            MinutesDecision(number=d.number, text=d.text, item_number=numbers.get(d.agenda_item_id or 0))
            for d in decisions
            if not d.confidential
        ),
        actions=tuple(
            MinutesAction(
                number=a.number,
                text=a.text,
                owners=tuple(sorted((o.member.name for o in a.owners), key=str.casefold)),
                due_on=a.due_on,
            )
            for a in actions
        ),
        published_at=occurrence.published_at,
        approved_by=tuple(names.get(member_id, "-") for member_id in occurrence.approver_ids or []),
    )
    return view, withheld


async def _minutes_reply(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    meeting: Meeting,
    occurrence: MeetingOccurrence,
    now: datetime,
) -> Reply:
    view, withheld = await minutes_view(session, community=community, meeting=meeting, occurrence=occurrence, now=now)
    return Reply.of(
        "minutes",
        card="minutes",
        minutes=view,
        withheld=withheld,
        occurrence_id=occurrence.id,
        community_id=community.id,
        member_id=member.id,
        draft=occurrence.published_at is None,
        closed=occurrence.status == OccurrenceStatus.CLOSED,
    )


def _refuse_if_published(occurrence: MeetingOccurrence) -> None:
    """Published minutes do not change: decisions and attendance belong to the meeting before they are published."""
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published-change")


async def _last_held(session: AsyncSession, meeting: Meeting, *, now: datetime) -> MeetingOccurrence:
    slot = occurrences.last_started(meeting, now=now)
    if slot is None:
        raise UserError("meeting-not-started", number=meeting.number)
    return await occurrences.occurrence_row(session, slot)


async def _held(
    session: AsyncSession, *, community: Community, meeting: Meeting | None, now: datetime
) -> MeetingOccurrence:
    """Meeting N's last started occurrence, or the community's meeting that started last."""
    if meeting is not None:
        return await _last_held(session, meeting, now=now)
    started = [
        slot
        for candidate in await meetings.community_meetings(session, community_id=community.id)
        if (slot := occurrences.last_started(candidate, now=now)) is not None
    ]
    if not started:
        raise UserError("no-meeting-held")
    return await occurrences.occurrence_row(session, max(started, key=lambda slot: slot.starts_at))
