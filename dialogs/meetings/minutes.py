"""Decisions, attendance and minutes: drafted from the meeting's data, edited, approved and published."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import ADD_WORDS, plain_mentions, strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, script_language, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import may_see, of_action, of_agenda_item, of_decision, shared_with
from dialogs.governance import votes
from dialogs.meetings import agenda, occurrences, schedule
from dialogs.meetings.minutes_view import MinutesAction, MinutesDecision, MinutesItem, MinutesView
from dialogs.meetings.views import MinutesCard, MinutesDownload
from dialogs.registration import roll
from dialogs.reminders import plans as reminder_plans
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
    Proposal,
    ProposalKind,
    WorkingGroupMember,
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
    "poll": ("poll", "from poll", "استطلاع", "الاستطلاع", "من الاستطلاع", "استفتاء", "من الاستفتاء"),
}
CONFIDENTIAL_WORDS = {"confidential": ("confidential", "private", "سري", "سرية", "خاص")}
NO_MEETING_WORDS = {
    "none": (
        *("no meeting", "without meeting", "without a meeting", "outside a meeting", "outside meeting"),
        *("بدون اجتماع", "دون اجتماع", "بلا اجتماع", "خارج الاجتماع", "خارج اجتماع"),
    )
}
SUMMARY_LANGUAGE_WORDS = {
    "ar": ("ar", "arabic", "عربي", "العربية", "بالعربية"),
    "en": ("en", "english", "إنجليزي", "الإنجليزية", "بالإنجليزية"),
}

minutes_verb = word_table(VERBS)
_decision_field = leading_words(DECISION_FIELDS)
_confidential = word_table(CONFIDENTIAL_WORDS)
_no_meeting = word_table(NO_MEETING_WORDS)
_summary_language = word_table(SUMMARY_LANGUAGE_WORDS)


async def add_decision(turn: Turn, args: str) -> Reply:
    """`decision add <text> [| item N] [| meeting N] [| confidential]` (facilitators): on the meeting that
    started last (or the item's meeting); `| no meeting`: a decision taken outside a meeting; `| poll N`, or
    `decision add from poll N` alone (its winning option), records a closed poll's result."""
    require_facilitator(turn.member)
    text, *fields = [field.strip() for field in args.split("|")]
    poll = await _poll_alone(turn, text)
    text = "" if poll is not None else plain_mentions(text)
    item, meeting, confidential, outside = None, None, False, poll is not None
    for field in fields:
        named = _decision_field(field)
        if _confidential(field):
            confidential = True
        elif _no_meeting(field):
            outside = True
        elif named and named[0] == "item":
            item = await agenda.find(turn.session, community=turn.community, number=named[1])
        elif named and named[0] == "meeting":
            meeting = await schedule.find(turn.session, community=turn.community, number=named[1])
        elif named and named[0] == "poll":
            poll = await votes.find(turn.session, community=turn.community, number=named[1])
        elif field:
            raise UserError("decision-usage")
    if poll is not None:
        await _check_poll(turn, poll)
        text = text or _poll_result(poll)
    if not strip_mentions(text):
        raise UserError("decision-text-missing")
    if len(text) > MAX_DECISION:
        raise UserError("decision-text-too-long", length=len(text), limit=MAX_DECISION)
    if outside or poll is not None:
        if item is not None or meeting is not None:
            raise UserError("decision-outside-and-meeting")
        return await _record_outside(turn, text=text, confidential=confidential, poll=poll)
    if item is not None:
        occurrence = await turn.session.get(MeetingOccurrence, item.occurrence_id)
        assert occurrence is not None
    else:
        occurrence = await _held(turn, meeting)
    if meeting is None and item is None and occurrence.published_at is not None:
        parent = await turn.session.get(Meeting, occurrence.meeting_id)
        raise UserError("decision-last-minutes-published", meeting=Title(parent.title) if parent else "-")
    _refuse_if_published(occurrence)
    decision = await _record(
        turn, text=text, occurrence=occurrence, item=item, confidential=confidential or bool(item and item.confidential)
    )
    parent = await turn.session.get(Meeting, occurrence.meeting_id)
    assert parent is not None
    return Reply.of(
        "decision-added",
        number=decision.number,
        meeting=parent.title,
        when=occurrence.starts_at,
        item=item.number if item else 0,
    )


async def _record(
    turn: Turn,
    *,
    text: str,
    occurrence: MeetingOccurrence | None,
    item: AgendaItem | None = None,
    confidential: bool,
    poll: Proposal | None = None,
) -> Decision:
    """A new decision, numbered like every other and audited (`occurrence` None: taken outside a meeting)."""
    decision = Decision(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=Decision.number),
        occurrence_id=occurrence.id if occurrence else None,
        agenda_item_id=item.id if item else None,
        text=text,
        confidential=confidential,
        created_by_id=turn.member.id,
        created_at=turn.now,
    )
    turn.session.add(decision)
    await turn.session.flush()
    after: dict[str, object] = {"text": text, "occurrence": occurrence.id if occurrence else None}
    if poll is not None:
        after["poll"] = poll.number
    repo.audit_row(turn.session, actor=turn.member, row=decision, action="decision.added", after=after)
    return decision


async def _record_outside(turn: Turn, *, text: str, confidential: bool, poll: Proposal | None) -> Reply:
    """A decision taken outside a meeting, or a poll's result (then linked from the poll)."""
    decision = await _record(turn, text=text, occurrence=None, confidential=confidential, poll=poll)
    if poll is None:
        return Reply.of("decision-added-outside", number=decision.number)
    poll.decision_id = decision.id
    return Reply.of("decision-added-from-poll", number=decision.number, poll=poll.number)


async def _poll_alone(turn: Turn, text: str) -> Proposal | None:
    """The poll of `decision add from poll N` (nothing but the poll and its number); None for any other text."""
    named = _decision_field(text)
    if named is None or named[0] != "poll" or parse_number(named[1]) is None:
        return None
    return await votes.find(turn.session, community=turn.community, number=named[1])


async def _check_poll(turn: Turn, poll: Proposal) -> None:
    """A poll's result becomes a decision once: a closed poll, not yet recorded (endorsements record their own)."""
    await turn.session.refresh(poll, with_for_update=True)
    await votes.settle(turn.session, poll, now=turn.now)
    if poll.kind == ProposalKind.ENDORSEMENT:
        raise UserError("decision-poll-is-endorsement", number=poll.number)
    if poll.closed_at is None:
        raise UserError("decision-poll-open", number=poll.number)
    if poll.decision_id is not None:
        recorded = await turn.session.get(Decision, poll.decision_id)
        raise UserError("decision-poll-recorded", number=poll.number, decision=recorded.number if recorded else 0)


def _poll_result(poll: Proposal) -> str:
    """The decision a closed poll's single winning option makes: its question and that option."""
    result = poll.result or {}
    winners = [votes.choice_labels(poll).get(choice, "") for choice in result.get("winners", [])]
    if result.get("outcome") != "chosen" or len(winners) != 1:
        raise UserError("decision-poll-no-winner", number=poll.number)
    return f"{poll.text} — {winners[0]}"


async def record_attendance(turn: Turn, args: str) -> Reply:
    """`attended [N] @a @b` (facilitators): who was at the meeting that started last (adds to the list)."""
    require_facilitator(turn.member)
    if not turn.mentions:
        raise UserError("attended-usage")
    number = strip_mentions(args).strip()
    meeting = await schedule.find(turn.session, community=turn.community, number=number) if number else None
    occurrence = await _held(turn, meeting)
    _refuse_if_published(occurrence)
    ids = list(occurrence.attendee_ids or [])
    for person in turn.mentions:
        found = await repo.member_in(turn.session, community_id=turn.community.id, teams_user_id=person.teams_user_id)
        if found is None:
            raise UserError("member-not-found", name=person.name or person.teams_user_id)
        if found.id not in ids:
            ids.append(found.id)
    occurrence.attendee_ids = ids
    return Reply.of("attendance-recorded", count=len(ids), when=occurrence.starts_at)


async def show(turn: Turn, args: str) -> Reply:
    """`minutes N`: facilitators get the draft of the meeting held last (what would be published); members the
    latest published minutes of that meeting."""
    meeting = await schedule.find_visible(turn, args.strip())
    if turn.member.role.facilitates:
        occurrence = await _last_held(turn, meeting)
    else:
        published = [row for row in meeting.occurrences if row.published_at is not None]
        if not published:
            raise UserError("minutes-not-published", number=meeting.number)
        occurrence = max(published, key=lambda row: row.starts_at)
    return Reply.of("minutes", view=await _minutes_card(turn, meeting=meeting, occurrence=occurrence))


async def edit(turn: Turn, args: str) -> Reply:
    """`minutes edit N [ar|en] | <summary>` (facilitators): the minutes' written part in one language — the one it
    is written in, unless named — leaving the other language's as it is; published minutes stay as they are."""
    require_facilitator(turn.member)
    head, _, text = args.partition("|")
    number, _, named = head.strip().partition(" ")
    named = named.strip()
    meeting = await schedule.find(turn.session, community=turn.community, number=number)
    forced = _summary_language(named) if named else None
    if named and forced is None:
        raise UserError("minutes-summary-language-unknown", given=named[:20], number=meeting.number)
    occurrence = await _last_held(turn, meeting)
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published", number=meeting.number)
    text = plain_mentions(text.strip())
    if not text:
        raise UserError("minutes-summary-missing", number=meeting.number)
    if len(text) > MAX_SUMMARY:
        raise UserError("minutes-summary-too-long", length=len(text), limit=MAX_SUMMARY)
    lang = forced or script_language(text) or turn.language
    column = "summary_ar" if lang == "ar" else "summary_en"
    before = getattr(occurrence, column)
    setattr(occurrence, column, text)
    occurrence.approver_ids = []  # approvals were of the text before this edit
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action="minutes.edited",
        object_type="meeting_occurrence",
        object_id=occurrence.id,
        before={"summary": before},
        after={"language": lang, "summary": text},
    )
    return Reply.of("minutes", view=await _minutes_card(turn, meeting=meeting, occurrence=occurrence, edited=lang))


async def publish(turn: Turn, args: str) -> Reply:
    """`minutes publish N` (facilitators): after the meeting is closed; with two approvals required, the second
    facilitator's publish is the one that posts them."""
    require_facilitator(turn.member)
    meeting = await schedule.find(turn.session, community=turn.community, number=args.strip())
    occurrence = await _last_held(turn, meeting)
    await turn.session.refresh(occurrence, with_for_update=True)
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published", number=meeting.number)
    if occurrence.status != OccurrenceStatus.CLOSED:
        raise UserError("minutes-close-first", number=meeting.number)
    approvers = list(occurrence.approver_ids or [])
    if turn.member.id in approvers and len(approvers) < turn.community.minutes_approvals:
        raise UserError("minutes-approved-already", number=meeting.number, needed=turn.community.minutes_approvals)
    if turn.member.id not in approvers:
        approvers.append(turn.member.id)
    occurrence.approver_ids = approvers
    if len(approvers) < turn.community.minutes_approvals:
        return Reply.of(
            "minutes-approval-recorded",
            number=meeting.number,
            have=len(approvers),
            needed=turn.community.minutes_approvals,
        )
    occurrence.published_at = turn.now
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action="minutes.published",
        object_type="meeting_occurrence",
        object_id=occurrence.id,
        after={"approvers": approvers},
    )
    group_members = await reminder_plans.group_member_ids(turn.session, meeting)
    subject, payload = f"minutes:{occurrence.id}", {"occurrence": occurrence.id}
    for post in reminder_plans.to_audience(
        meeting, "minutes-published", subject, turn.now, payload, group_members=group_members
    ):
        await outbox.queue(turn.session, community_id=turn.community.id, subject=subject, message=post, now=turn.now)
    shown = await _minutes_card(turn, meeting=meeting, occurrence=occurrence)
    return Reply.of("minutes-published", view=shown, to_channel=True)


def set_approvals(turn: Turn, args: str) -> Reply:
    """`minutes approvals 1|2` (facilitators): how many facilitators must publish before minutes go out."""
    require_facilitator(turn.member)
    wanted = parse_number(args.strip())
    if wanted not in (1, 2):
        raise UserError("minutes-approvals-usage")
    before, turn.community.minutes_approvals = turn.community.minutes_approvals, wanted
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action="community.minutes_approvals",
        object_type="community",
        object_id=turn.community.id,
        before={"minutes_approvals": before},
        after={"minutes_approvals": wanted},
    )
    return Reply.of("minutes-approvals-set", needed=wanted)


async def minutes_view(
    session: AsyncSession, *, community: Community, meeting: Meeting, occurrence: MeetingOccurrence, now: datetime
) -> tuple[MinutesView, int]:
    """The minutes as they are shared with the meeting's audience (the community, or a working group's members):
    what that audience may not see is left out — confidential items and decisions are counted, another group's
    action points are not."""
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
    by_id = {item.id: item for item in items}
    everyone = shared_with(meeting)
    stored = len(items) + len(decisions)
    items = [item for item in items if may_see(everyone, of_agenda_item(item, meeting=meeting))]
    decisions = [
        d
        for d in decisions
        if may_see(everyone, of_decision(d, meeting=meeting, item=by_id.get(d.agenda_item_id or 0)))
    ]
    withheld = stored - len(items) - len(decisions)
    registrations = await roll.counts(session, occurrence, meeting=meeting)
    view = MinutesView(
        community=community.name,
        meeting_number=meeting.number,
        title=Title(meeting.title),
        kind=meeting.kind.value,
        starts_at=occurrence.starts_at,
        zone=meeting.timezone,
        place=meeting.place,
        link=meeting.link,
        attendees=tuple(names.get(member_id, "-") for member_id in occurrence.attendee_ids or []),
        expected=await _expected(session, community=community, meeting=meeting),
        summary_ar=occurrence.summary_ar,
        summary_en=occurrence.summary_en,
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
        ),
        decisions=tuple(
            MinutesDecision(number=d.number, text=d.text, item_number=numbers.get(d.agenda_item_id or 0))
            for d in decisions
        ),
        actions=tuple(
            MinutesAction(
                number=a.number,
                text=a.text,
                owners=tuple(sorted((o.member.name for o in a.owners), key=str.casefold)),
                due_on=a.due_on,
            )
            for a in actions
            if may_see(everyone, of_action(a))
        ),
        published_at=occurrence.published_at,
        approved_by=tuple(names.get(member_id, "-") for member_id in occurrence.approver_ids or []),
        registered=registrations.registered if registrations else None,
        registered_attended=registrations.attended if registrations else 0,
    )
    return view, withheld


async def _expected(session: AsyncSession, *, community: Community, meeting: Meeting) -> int:
    """How many people a meeting is for: the community's active members, or its working group's."""
    count = select(func.count(Member.id)).where(Member.community_id == community.id, Member.active)
    if meeting.group_id is not None:
        count = count.join(WorkingGroupMember, WorkingGroupMember.member_id == Member.id).where(
            WorkingGroupMember.group_id == meeting.group_id
        )
    return await session.scalar(count) or 0


async def _minutes_card(
    turn: Turn, *, meeting: Meeting, occurrence: MeetingOccurrence, edited: str | None = None
) -> MinutesCard:
    """The minutes as the speaker may share them, with their download links made for the speaker (`edited`: the
    language whose summary the speaker just changed)."""
    view, withheld = await minutes_view(
        turn.session, community=turn.community, meeting=meeting, occurrence=occurrence, now=turn.now
    )
    download = MinutesDownload(community_id=turn.community.id, member_id=turn.member.id, occurrence_id=occurrence.id)
    return MinutesCard(
        minutes=view, draft=occurrence.published_at is None, withheld=withheld, download=download, edited=edited
    )


def _refuse_if_published(occurrence: MeetingOccurrence) -> None:
    """Published minutes do not change: decisions and attendance belong to the meeting before they are published."""
    if occurrence.published_at is not None:
        raise UserError("minutes-already-published-change")


async def _last_held(turn: Turn, meeting: Meeting) -> MeetingOccurrence:
    """The meeting's occurrence that started last (stored from now on)."""
    slot = occurrences.last_started(meeting, now=turn.now)
    if slot is None:
        raise UserError("meeting-not-started", number=meeting.number)
    return await occurrences.occurrence_row(turn.session, slot)


async def _held(turn: Turn, meeting: Meeting | None) -> MeetingOccurrence:
    """Meeting N's last started occurrence, or the community's meeting that started last."""
    if meeting is not None:
        return await _last_held(turn, meeting)
    started = [
        slot
        for candidate in await schedule.community_meetings(turn.session, community_id=turn.community.id)
        if (slot := occurrences.last_started(candidate, now=turn.now)) is not None
    ]
    if not started:
        raise UserError("no-meeting-held")
    return await occurrences.occurrence_row(turn.session, max(started, key=lambda slot: slot.starts_at))


async def command(turn: Turn, args: str) -> Reply:
    """`minutes N`, `minutes edit N [ar|en] | text`, `minutes publish N`, `minutes approvals 1|2`."""
    first, _, rest = args.strip().partition(" ")
    match minutes_verb(first) if first else None:
        case "publish":
            return await publish(turn, rest)
        case "edit":
            return await edit(turn, rest)
        case "approvals":
            return set_approvals(turn, rest)
        case None if parse_number(first):
            return await show(turn, first)
    raise UserError("minutes-usage")


async def decision_command(turn: Turn, args: str) -> Reply:
    """`decision add …`: a decision of the meeting being written up."""
    verb, _, rest = args.partition(" ")
    if fold(verb) not in ADD_WORDS:
        raise UserError("decision-usage")
    return await add_decision(turn, rest)
