"""Reminders: what each planned message says when it is sent, and the `reminders` command.

Composers read today's data at send time, which can be long after the time planned (the bot was down, or a
facilitator sent a parked message again): a reminder for a meeting that moved or is too near for what it says, an
action that is done or re-dated, a nudge whose stage has passed ("due soon" after the due day, "overdue" a week after
its day), a reminder the community has since turned off, or minutes already published (or a nudge to someone who
no longer facilitates or has already approved them), or a group member's own reminder once they left the group (or,
for the call for items, proposed one), or — for a meeting that asks members to register — a reminder to anyone not
registered (the channel included) returns None and is cancelled instead of sent. A digest with nothing in it is
skipped. Channel posts name the people they concern (`dialogs.reminders.concerned`), whom the bot @mentions.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.actions import points as actions
from dialogs.actions.views import ActionCard
from dialogs.common import outbox
from dialogs.common.errors import UserError
from dialogs.common.language import CHANNEL_SETTING, member_timezone
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import ascii_digits, fold, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import CHANNEL, Reader, action_listable, may_see, of_meeting, reader_of
from dialogs.community.members import LANGUAGE_WORDS
from dialogs.meetings import agenda, minutes, occurrences
from dialogs.meetings.occurrences import Slot
from dialogs.meetings.schedule import next_slots, view
from dialogs.meetings.views import AgendaCard, MinutesCard
from dialogs.registration import roll
from dialogs.reminders import concerned
from dialogs.reminders import plans as reminder_plans
from dialogs.reminders.views import (
    Digest,
    DigestAction,
    DigestOwner,
    DigestTime,
    FailedMessage,
    FailedMessages,
    FollowUp,
    MeetingReminder,
    ReminderSettingsCard,
    Stage,
)
from storage import repositories as repo
from storage.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaStatus,
    Community,
    Meeting,
    MeetingOccurrence,
    Member,
    Notification,
    OccurrenceStatus,
)

FAILED_SHOWN = 20
VERBS = {
    "failed": ("failed", "parked", "errors", "الفاشلة", "فشل", "المتعثرة"),
    "retry": ("retry", "resend", "أعد", "إعادة", "اعادة"),
    "quiet": ("quiet", "quiet hours", "الهدوء", "ساعات الهدوء"),
    "weekend": ("weekend", "days off", "العطلة", "عطلة"),
    "digest": ("digest", "weekly", "الملخص", "ملخص"),
    "meeting": ("meeting", "meetings", "الاجتماع", "الاجتماعات"),
    "actions": ("actions", "action", "الإجراءات", "الاجراءات"),
    "languages": ("languages", "language", "lang", "اللغة", "اللغات", "لغة"),
}
CHANNEL_WORDS = {  # the languages of channel posts (the CHANNEL_SETTING)
    **LANGUAGE_WORDS,
    "auto": ("auto", "automatic", "تلقائي", "تلقائيا", "تلقائية"),
    "both": ("both", "bilingual", "ar en", "arabic english", "كلاهما", "كلتاهما", "اللغتين", "اللغتان", "ثنائي"),
}
DAY_WORDS = {
    "MO": ("monday", "mon", "الاثنين", "الإثنين", "اثنين"),
    "TU": ("tuesday", "tue", "الثلاثاء", "ثلاثاء"),
    "WE": ("wednesday", "wed", "الأربعاء", "الاربعاء", "أربعاء"),
    "TH": ("thursday", "thu", "الخميس", "خميس"),
    "FR": ("friday", "fri", "الجمعة", "جمعة"),
    "SA": ("saturday", "sat", "السبت", "سبت"),
    "SU": ("sunday", "sun", "الأحد", "الاحد", "أحد"),
}
OFF_WORDS = {fold(word) for word in ("off", "none", "no", "إيقاف", "ايقاف", "لا", "بدون")}
_verb = word_table(VERBS)
_day = word_table(DAY_WORDS)
_channel_choice = word_table(CHANNEL_WORDS)
_OFFSET = re.compile(
    r"(?<!\w)(\d+)\s*(d|h|m|day|days|hour|hours|min|minutes|يوم|أيام|ايام|ساعة|ساعات|دقيقة|دقائق)(?!\w)"
)
WEEKLY_WORDS = {fold(word) for word in ("weekly", "أسبوعي", "اسبوعي", "أسبوعيا", "اسبوعيا")}
_UNIT_MINUTES = {"d": 1440, "day": 1440, "days": 1440, "يوم": 1440, "أيام": 1440, "ايام": 1440}
_UNIT_MINUTES |= {"h": 60, "hour": 60, "hours": 60, "ساعة": 60, "ساعات": 60}
_UNIT_MINUTES |= {"m": 1, "min": 1, "minutes": 1, "دقيقة": 1, "دقائق": 1}
OVERDUE_NUDGE_LIFE = timedelta(days=7)  # an overdue nudge a week after its day is not sent: the next one is due
NUDGE_MESSAGES = {  # outbox kind (stored in rows, never renamed) -> the nudge's headline in the catalogs
    "action-due-soon": "action-nudge-due-soon",
    "action-overdue": "action-nudge-overdue",
    "action-overdue-weekly": "action-nudge-overdue-weekly",
}


# ---- composers (called by the dispatcher at send time) -----------------------------------------------------


async def _slot_of(session: AsyncSession, row: Notification) -> Slot | None:
    """The occurrence a meeting message was planned for, if it still starts then."""
    meeting = await session.get(Meeting, row.payload.get("meeting"))
    if meeting is None or meeting.cancelled_at is not None:
        return None
    start = datetime.fromisoformat(row.payload["start"])
    for slot in occurrences.upcoming_slots(meeting, after=start - timedelta(seconds=1), count=1):
        if slot.starts_at == start:
            return slot
    return None


async def meeting_reminder(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """7 days before: the call for agenda items; 1 day before: the agenda; 1 hour before: how to join."""
    slot = await _slot_of(session, row)
    before = int(row.payload.get("before", 60))
    if slot is None or now >= slot.starts_at:
        return None  # moved, cancelled, or already started
    # so late (the bot was down, or a facilitator sent it again days later) that "in 7 days" is untrue and a later
    # reminder says it better: measured from the time it was meant for, which retries do not move
    if now - (slot.starts_at - timedelta(minutes=before)) > timedelta(minutes=before) / 4:
        return None
    if before not in _settings(await session.get(Community, row.community_id))["meeting"]:
        return None  # the community no longer wants a reminder this long before
    stage: Stage = "week" if before >= 3 * 24 * 60 else "day" if before >= 6 * 60 else "hour"
    items_open = now < slot.deadline
    if slot.meeting.registration:
        if not await roll.still_registered(session, slot, member_id=row.member_id):
            return None  # registration on: reminders go to those registered only, never the channel
    elif not row.channel and not await concerned.still_theirs(
        session, slot, member_id=row.member_id, call_for_items=stage == "week"
    ):
        return None  # left the group, or already proposed an item: the call is not for them any more
    reader = await _reader(session, row)
    if not may_see(reader, of_meeting(slot.meeting)):
        return None  # a working group's meeting is never posted where others read
    items, withheld = await _agenda_items(session, slot, reader) if stage != "week" else ([], 0)
    shown = MeetingReminder(
        meeting=view(slot),
        stage=stage,
        lead=before,
        items=tuple(agenda.item_view(item) for item in items) if stage == "day" else (),
        items_open=items_open,
        withheld=withheld if stage == "day" else 0,
    )
    mentions = None
    if row.channel and stage != "week":
        mentions = concerned.presenting(items)
    elif row.channel and items_open:
        mentions = await concerned.call_for_items(session, slot)
    number = slot.meeting.number
    if stage == "week":
        return Reply.of("meeting-reminder-week", view=shown, mentions=mentions, number=number, deadline=slot.deadline)
    return Reply.of(f"meeting-reminder-{stage}", view=shown, mentions=mentions, number=number)


async def agenda_published(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """At the submission deadline: the agenda as it stands (not once the meeting has started)."""
    slot = await _slot_of(session, row)
    if slot is None or now >= slot.starts_at:
        return None
    reader = await _reader(session, row)
    if not may_see(reader, of_meeting(slot.meeting)):
        return None
    items, withheld = await _agenda_items(session, slot, reader)
    shown = AgendaCard(
        meeting=view(slot),
        items=tuple(agenda.item_view(item) for item in items),
        deadline_passed=now > slot.deadline,
        withheld=withheld,
    )
    mentions = concerned.presenting(items)
    return Reply.of("agenda-published", view=shown, mentions=mentions, number=slot.meeting.number)


async def _reader(session: AsyncSession, row: Notification) -> Reader:
    """Who reads an outbox row: everyone in the channel, or the member of a 1:1 row."""
    member = await session.get(Member, row.member_id) if row.member_id is not None else None
    return CHANNEL if row.channel or member is None else await reader_of(session, member)


async def _agenda_items(session: AsyncSession, slot: Slot, reader: Reader) -> tuple[list[AgendaItem], int]:
    """The accepted, then proposed, items of `slot` that `reader` may see, and how many confidential ones not."""
    if slot.row is None:
        return [], 0
    rows = await session.scalars(
        select(AgendaItem)
        .where(
            AgendaItem.occurrence_id == slot.row.id,
            AgendaItem.status.in_([AgendaStatus.ACCEPTED, AgendaStatus.PROPOSED]),
        )
        .order_by(AgendaItem.position, AgendaItem.number)
    )
    shown, withheld = agenda.visible_items(reader, list(rows), meeting=slot.meeting)
    return sorted(shown, key=lambda item: item.status != AgendaStatus.ACCEPTED), withheld


async def _held_occurrence(session: AsyncSession, row: Notification) -> tuple[Meeting, MeetingOccurrence] | None:
    meeting = await session.get(Meeting, row.payload.get("meeting"))
    if meeting is None:
        return None
    start = datetime.fromisoformat(row.payload["start"])
    found = [o for o in meeting.occurrences if o.starts_at == start and o.status == OccurrenceStatus.CLOSED]
    return (meeting, found[0]) if found else None


async def follow_up(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """After a meeting closes: its decisions and new action points (confidential ones left out)."""
    held = await _held_occurrence(session, row)
    if held is None:
        return None
    meeting, occurrence = held
    community = await session.get(Community, meeting.community_id)
    assert community is not None
    if not may_see(await _reader(session, row), of_meeting(meeting)):
        return None  # left the working group since
    shown, _ = await minutes.minutes_view(session, community=community, meeting=meeting, occurrence=occurrence, now=now)
    return Reply.of("meeting-follow-up", view=FollowUp(minutes=shown), number=meeting.number)


async def minutes_nudge(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """To facilitators, days after a meeting, while its minutes are unpublished and they can still publish them."""
    held = await _held_occurrence(session, row)
    if held is None or held[1].published_at is not None:
        return None
    person = await session.get(Member, row.member_id)
    if person is None or not person.role.facilitates:
        return None  # no longer a facilitator: they cannot publish them (one who left is parked by the dispatcher)
    if person.id in (held[1].approver_ids or []):
        return None  # already approved: the minutes wait for another facilitator, not for them
    meeting, occurrence = held
    return Reply.of("minutes-nudge", number=meeting.number, title=Title(meeting.title), when=occurrence.starts_at)


async def action_nudge(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """To an owner: the action's card with its buttons, while it is open, theirs, still due that day, and the
    nudge's stage is still today's (see `_nudge_is_due`)."""
    action = await session.get(Action, row.payload.get("action"))
    if action is None or action.status.closed or action.due_on is None:
        return None
    if action.due_on.isoformat() != row.payload.get("due_on"):
        return None
    if row.member_id not in {owner.member_id for owner in action.owners}:
        return None
    owner, community = await _member_and_community(session, row)
    zone = ZoneInfo(member_timezone(owner, community))
    planned = row.payload.get("day")  # rows planned before it was in the payload: the day they fell due
    day = date.fromisoformat(planned) if planned else row.due_at.astimezone(zone).date()
    today = now.astimezone(zone).date()
    if not _nudge_is_due(row.kind, due_on=action.due_on, day=day, today=today, settings=_settings(community)):
        return None
    shown = await actions.card_view(session, action, reader=owner, community=community, now=now)
    return Reply.of(NUDGE_MESSAGES[row.kind], view=ActionCard(action=shown), number=action.number, day=action.due_on)


def _nudge_is_due(
    kind: str, *, due_on: date, day: date, today: date, settings: reminder_plans.ReminderSettings
) -> bool:
    """Whether an action nudge planned for `day` still says something true and wanted `today` (the owner's day):
    "due soon" until the due day has passed; "overdue" once it has, and for a week after the day the nudge was
    meant for (by then the next weekly nudge is due and says it better); none the community has turned off."""
    match kind:
        case "action-due-soon":
            return bool(settings["action_before_days"]) and today <= due_on
        case "action-overdue":
            wanted = bool(settings["action_after_days"])
        case _:
            wanted = bool(settings["action_weekly"])
    return wanted and due_on < today and today - day < OVERDUE_NUDGE_LIFE


async def action_assigned(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """To a new owner: who gave them the action, and its card."""
    action = await session.get(Action, row.payload.get("action_id"))
    if action is None or action.status.closed or row.member_id not in {o.member_id for o in action.owners}:
        return None
    owner, community = await _member_and_community(session, row)
    giver = await session.get(Member, action.created_by_id) if action.created_by_id else None
    shown = await actions.card_view(session, action, reader=owner, community=community, now=now)
    by = giver.name if giver else "-"
    return Reply.of(
        "action-assigned",
        view=ActionCard(action=shown),
        number=action.number,
        by=by,
        text=action.text,
        gender=owner.grammatical_gender,
    )


async def minutes_published(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The published minutes: in the channel, or to a working group's members."""
    occurrence = await session.get(MeetingOccurrence, row.payload.get("occurrence"))
    if occurrence is None or occurrence.published_at is None:
        return None
    meeting = await session.get(Meeting, occurrence.meeting_id)
    community = await session.get(Community, row.community_id)
    assert meeting is not None and community is not None
    if not may_see(await _reader(session, row), of_meeting(meeting)):
        return None
    shown, _ = await minutes.minutes_view(session, community=community, meeting=meeting, occurrence=occurrence, now=now)
    return Reply.of("minutes-published", view=MinutesCard(minutes=shown, draft=False))  # no links in the channel


async def weekly_digest(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """Monday's digest in the channel: the week's meetings and agenda deadlines, overdue and due-this-week actions
    by owner — what everyone may see (no working group's meetings or actions). Nothing to say: skipped (None)."""
    community = await session.get(Community, row.community_id)
    assert community is not None
    if not _settings(community)["digest"]:
        return None  # turned off while this one waited
    week_end = now + timedelta(days=7)
    slots = [
        s
        for s in await next_slots(session, community_id=community.id, now=now, count=20, reader=CHANNEL)
        if s.starts_at <= week_end
    ]
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    due = list(
        await session.scalars(
            select(Action)
            .where(
                Action.community_id == community.id,
                Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]),
                Action.due_on <= today + timedelta(days=7),
                action_listable(CHANNEL),
            )
            .order_by(Action.due_on, Action.number)
        )
    )
    if not slots and not due:
        return None
    by_owner: dict[str, list[DigestAction]] = {}
    for action in due:
        assert action.due_on is not None
        for owner in action.owners:
            entry = DigestAction(action.number, action.text, action.due_on, overdue=action.due_on < today)
            by_owner.setdefault(owner.member.name, []).append(entry)
    owners = tuple(
        DigestOwner(name, tuple(entries)) for name, entries in sorted(by_owner.items(), key=lambda p: p[0].casefold())
    )
    shown = Digest(meetings=tuple(view(slot) for slot in slots), owners=owners, now=now)
    late = concerned.overdue_owners(action for action in due if action.due_on is not None and action.due_on < today)
    return Reply.of("weekly-digest", view=shown, mentions=late)


def _settings(community: Community | None) -> reminder_plans.ReminderSettings:
    assert community is not None
    return reminder_plans.ReminderSettings.of(community)


async def _member_and_community(session: AsyncSession, row: Notification) -> tuple[Member, Community]:
    member = await session.get(Member, row.member_id)
    community = await session.get(Community, row.community_id)
    assert member is not None and community is not None
    return member, community


# ---- the `reminders` command -------------------------------------------------------------------------------


async def command(turn: Turn, args: str) -> Reply:
    """`reminders` shows the settings; facilitators change them and see and retry failed messages."""
    first, _, rest = args.strip().partition(" ")
    verb = _verb(first) if first else None
    if verb is None and first:
        raise UserError("reminders-usage")
    if verb is None:
        return show(turn)
    require_facilitator(turn.member)
    if verb == "failed":
        return await failed(turn)
    if verb == "retry":
        return await retry(turn, args=rest)
    settings = dict(turn.community.reminder_settings or {})
    settings.update(_changed(verb, rest.strip()))
    before, turn.community.reminder_settings = turn.community.reminder_settings, settings
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action="community.reminder_settings",
        object_type="community",
        object_id=turn.community.id,
        before=before,
        after=settings,
    )
    await reminder_plans.replan_community(turn.session, community=turn.community, now=turn.now)
    return show(turn, changed=True)


def show(turn: Turn, *, changed: bool = False) -> Reply:
    """The community's reminder settings."""
    settings = reminder_plans.ReminderSettings.of(turn.community)
    digest = settings["digest"]
    shown = ReminderSettingsCard(
        meeting=tuple(settings["meeting"]),
        agenda=bool(settings["agenda"]),
        follow_up=bool(settings["follow_up"]),
        minutes_nudge_days=int(settings["minutes_nudge_days"]),
        action_before_days=int(settings["action_before_days"]),
        action_after_days=int(settings["action_after_days"]),
        action_weekly=bool(settings["action_weekly"]),
        digest=DigestTime(day=digest["day"], time=digest["time"]) if digest else None,
        weekend=tuple(settings["weekend"]),
        quiet=(settings["quiet"][0], settings["quiet"][1]),
        zone=turn.community.timezone,
        channel_languages=str(settings[CHANNEL_SETTING]),
    )
    return Reply.of("reminders-settings", view=shown, changed=str(changed).lower())  # Fluent selects on true/false


def _changed(verb: str, text: str) -> dict[str, object]:
    """The settings a change command sets; UserError with an example for anything unreadable."""
    words = ascii_digits(text).replace(",", " ").split()
    off = bool(words) and fold(words[0]) in OFF_WORDS
    match verb:
        case "languages":
            choice = _channel_choice(" ".join(words))
            if choice is None:
                raise UserError("reminders-languages-usage")
            return {CHANNEL_SETTING: choice}
        case "quiet":
            found = re.fullmatch(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", ascii_digits(text).strip())
            if found is None or max(int(found[1]), int(found[3])) > 23 or max(int(found[2]), int(found[4])) > 59:
                raise UserError("reminders-quiet-usage")
            if (int(found[1]), int(found[2])) == (int(found[3]), int(found[4])):
                raise UserError("reminders-quiet-usage")
            return {"quiet": [f"{int(found[1]):02d}:{found[2]}", f"{int(found[3]):02d}:{found[4]}"]}
        case "weekend":
            days = [_day(word) for word in words]
            if off:
                return {"weekend": []}
            if not days or None in days:
                raise UserError("reminders-weekend-usage")
            return {"weekend": reminder_plans.weekday_codes(day for day in days if day)}
        case "digest":
            if off:
                return {"digest": None}
            if len(words) != 2 or _day(words[0]) is None or not re.fullmatch(r"\d{1,2}:\d{2}", words[1]):
                raise UserError("reminders-digest-usage")
            hour, minute = words[1].split(":")
            if int(hour) > 23 or int(minute) > 59:
                raise UserError("reminders-digest-usage")
            return {"digest": {"day": _day(words[0]), "time": f"{int(hour):02d}:{minute}"}}
        case "meeting":
            typed = ascii_digits(text)
            offsets = [int(n) * _UNIT_MINUTES[unit] for n, unit in _OFFSET.findall(typed)]
            if off:
                return {"meeting": []}
            leftover = _OFFSET.sub(" ", typed).replace(",", " ").replace("،", " ").strip()
            if leftover or not offsets or any(minutes <= 0 or minutes > 60 * 24 * 60 for minutes in offsets):
                raise UserError("reminders-meeting-usage")
            return {"meeting": sorted(set(offsets), reverse=True)}
        case _:  # actions: <days before> <days after> [weekly|off]
            if off:
                return {"action_before_days": 0, "action_after_days": 0, "action_weekly": False}
            numbers = [parse_number(word) if word != "0" else 0 for word in words[:2]]
            if len(numbers) != 2 or None in numbers or any(n > 30 for n in numbers if n is not None):
                raise UserError("reminders-actions-usage")
            around: dict[str, object] = {"action_before_days": numbers[0], "action_after_days": numbers[1]}
            if len(words) == 2:
                return around  # the weekly nudges stay as they were
            if len(words) > 3 or fold(words[2]) not in WEEKLY_WORDS | OFF_WORDS:
                raise UserError("reminders-actions-usage")
            return {**around, "action_weekly": fold(words[2]) in WEEKLY_WORDS}


async def failed(turn: Turn) -> Reply:
    """Messages that could not be delivered (parked), newest first, with why."""
    community_id = turn.community.id
    rows = list(
        await turn.session.scalars(
            select(Notification)
            .where(Notification.community_id == community_id, Notification.status == outbox.PARKED)
            .order_by(Notification.id.desc())
            .limit(FAILED_SHOWN)
        )
    )
    names = dict(
        (await turn.session.execute(select(Member.id, Member.name).where(Member.community_id == community_id))).all()
    )
    messages = tuple(
        FailedMessage(
            id=row.id,
            kind=row.kind,
            to=names.get(row.member_id or 0, "") if not row.channel else "",
            due=row.due_at,
            error=row.last_error or "-",
        )
        for row in rows
    )
    return Reply.of("reminders-failed", view=FailedMessages(messages=messages), count=len(messages))


async def retry_button(turn: Turn, data: dict[str, object]) -> Reply:
    """A Retry button of `reminders failed` (`Action.Submit` data `{"verb": RETRY, "message": id or "all"}`)."""
    require_facilitator(turn.member)
    wanted = data.get("message")
    if not (wanted == "all" or (isinstance(wanted, int) and not isinstance(wanted, bool))):
        raise UserError("card-data-invalid")
    return await retry(turn, str(wanted))


async def retry(turn: Turn, args: str) -> Reply:
    """`reminders retry N` or `reminders retry all`: parked messages go out again at the next tick."""
    query = select(Notification).where(
        Notification.community_id == turn.community.id, Notification.status == outbox.PARKED
    )
    wanted = parse_number(args.strip())
    if wanted is not None:
        query = query.where(Notification.id == wanted)
    elif fold(args.strip()) not in {fold(word) for word in ("all", "الكل", "كل")}:
        raise UserError("reminders-retry-usage")
    rows = list(await turn.session.scalars(query))
    if wanted is not None and not rows:
        raise UserError("reminders-retry-unknown", number=wanted)
    for row in rows:
        row.status, row.attempts, row.due_at, row.last_error, row.claimed_until = (
            outbox.PENDING,
            0,
            turn.now,
            None,
            None,
        )
    return Reply.of("reminders-retried", count=len(rows))
