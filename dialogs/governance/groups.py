"""Working groups: facilitators create them with a scope, an end date, an area and a sector, name their lead and
close them; members list, read, join and leave them.

A group's meetings, agenda items and actions carry its id (see meetings, agenda, actions); closing a group keeps
all of it. Before a group's end date its lead and the facilitators are asked to close or extend it (an outbox
row per person, `group-ending`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.actions import points as actions
from dialogs.common import outbox
from dialogs.common.commands import strip_mentions
from dialogs.common.dates import parse_day
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.visibility import may_see, of_action, reader_for, scope
from dialogs.community.roster import active_member
from dialogs.governance.views import GroupCard, GroupList, GroupView
from dialogs.meetings import schedule
from dialogs.meetings.occurrences import upcoming_slots
from dialogs.meetings.schedule import MeetingView
from dialogs.reminders import plans as reminder_plans
from storage import repositories as repo
from storage.models import (
    Action,
    ActionStatus,
    Community,
    Meeting,
    Member,
    Notification,
    Ticket,
    TicketStatus,
    WorkingGroup,
    WorkingGroupMember,
)

MAX_NAME = 200
MAX_SCOPE = 2000
MAX_LABEL = 120
LEAD, MEMBER = "lead", "member"
ENDING_NOTICE = timedelta(days=14)  # how long before its end date a group's lead and facilitators are asked
NOTICE_TIME = time(9, 0)
SHOWN_ACTIONS = 8
SHOWN_MEMBERS = 40
VERBS = {
    "add": ("add", "new", "create", "أضف", "إضافة", "اضافة", "جديد", "جديدة", "إنشاء", "انشاء", "أنشئ"),
    "edit": ("edit", "change", "update", "تعديل", "عدل", "عدّل", "تحديث"),
    "extend": ("extend", "تمديد", "مدد", "مدّد"),
    "lead": ("lead", "leader", "قائد", "قائدة", "قيادة", "رئيس", "رئيسة"),
    "close": ("close", "end", "إغلاق", "اغلاق", "أغلق", "اغلق", "إنهاء", "انهاء"),
    "join": ("join", "انضمام", "انضم", "اشتراك", "اشترك"),
    "leave": ("leave", "quit", "مغادرة", "غادر", "انسحاب", "انسحب"),
}
FIELD_WORDS = {
    "until": ("until", "till", "ends", "ends on", "end date", "حتى", "لغاية", "ينتهي", "تنتهي", "تاريخ الانتهاء"),
    "area": ("area", "region", "governorate", "منطقة", "المنطقة", "محافظة", "المحافظة"),
    "sector": ("sector", "cluster", "قطاع", "القطاع"),
    "scope": ("scope", "نطاق", "النطاق", "مهمة", "المهمة"),
    "name": ("name", "rename", "اسم", "الاسم"),
}
ALL_WORDS = {"all": ("all", "closed", "الكل", "كل", "جميع", "المغلقة")}
CLEAR = {"-", "—", fold("none"), fold("لا شيء"), fold("بلا")}

group_verb = word_table(VERBS)
_field = leading_words(FIELD_WORDS)
_all_word = word_table(ALL_WORDS)


async def command(turn: Turn, args: str) -> Reply:
    """`group add|edit|extend|lead|close|join|leave …`, or `group <name>` to read one."""
    first, _, rest = args.strip().partition(" ")
    verb = group_verb(first) if first else None
    match verb:
        case None if not args.strip():
            raise UserError("group-usage")
        case None:
            return await show(turn, name=args)
        case "add":
            return await add(turn, args=rest)
        case "edit" | "extend":
            return await edit(turn, args=rest, extend=verb == "extend")
        case "lead":
            return await set_lead(turn, args=rest)
        case "close":
            return await close(turn, name=rest)
        case "join":
            return await join(turn, args=rest)
        case _:  # "leave"
            return await leave(turn, name=rest)


# ---- reading -----------------------------------------------------------------------------------------------


async def list_groups(turn: Turn, args: str) -> Reply:
    """`groups [all | area <area> | sector <sector>]`: open groups (with `all`, closed ones too), by area, sector
    and name, each with its scope, lead, members and end date."""
    words = args.strip()
    named = _field(words) if words else None
    everything = bool(words) and _all_word(words) is not None
    if words and not everything and (named is None or named[0] not in ("area", "sector") or not named[1]):
        raise UserError("groups-filter-unknown", given=words[:60])
    query = select(WorkingGroup).where(WorkingGroup.community_id == turn.community.id)
    if not everything:
        query = query.where(WorkingGroup.closed_at.is_(None))
    groups = list(await turn.session.scalars(query))
    title, subject = ("all" if everything else "open"), ""
    if named is not None:
        title, subject = named
        groups = [g for g in groups if fold(subject) in fold(getattr(g, title) or "")]
    groups.sort(key=lambda g: (g.closed_at is not None, fold(g.area or ""), fold(g.sector or ""), fold(g.name)))
    views = tuple([await group_view(turn, group) for group in groups])
    return Reply.of("groups-list", view=GroupList(views), title=title, subject=subject, count=len(views))


async def show(turn: Turn, *, name: str) -> Reply:
    """`group <name>`: scope, lead and members, the next meeting, open actions and open questions."""
    group = await find(turn.session, community=turn.community, name=name, closed=True)
    return Reply.of("group-card", view=await card(turn, group))


async def card(turn: Turn, group: WorkingGroup) -> GroupCard:
    """The group's card as the speaker sees it: its meeting and actions only for those who may see them (its
    members, the actions' owners, the facilitators)."""
    people = await _people(turn.session, group)
    reader = await reader_for(turn)
    open_actions = [
        action
        for action in await turn.session.scalars(
            select(Action)
            .where(Action.group_id == group.id, Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]))
            .order_by(Action.due_on.is_(None), Action.due_on, Action.number)
        )
        if may_see(reader, of_action(action))
    ]
    in_group = may_see(reader, scope(group_id=group.id))
    return GroupCard(
        group=await group_view(turn, group),
        members=tuple(person.name for _role, person in people[:SHOWN_MEMBERS]),
        meeting=await _next_meeting(turn.session, group, now=turn.now) if in_group else None,
        actions=tuple(
            actions.view(action, reader=turn.member, community=turn.community, now=turn.now)
            for action in open_actions[:SHOWN_ACTIONS]
        ),
        open_actions=len(open_actions),
        open_questions=await _open_questions(turn.session, group),
    )


async def group_view(turn: Turn, group: WorkingGroup) -> GroupView:
    """What the speaker sees of a group in a list."""
    people = await _people(turn.session, group)
    lead = next((person.name for role, person in people if role == LEAD), None)
    return GroupView(
        id=group.id,
        name=group.name,
        scope=group.scope,
        area=group.area,
        sector=group.sector,
        lead=lead,
        member_count=len(people),
        ends_on=group.ends_on,
        closed_on=group.closed_at.date() if group.closed_at else None,
        is_member=any(person.id == turn.member.id for _role, person in people),
    )


async def _people(session: AsyncSession, group: WorkingGroup) -> list[tuple[str, Member]]:
    """The group's active members, lead first, then by name."""
    rows = await session.execute(
        select(WorkingGroupMember.role, Member)
        .join(Member, Member.id == WorkingGroupMember.member_id)
        .where(WorkingGroupMember.group_id == group.id, Member.active.is_(True))
    )
    people = [(role, person) for role, person in rows]
    return sorted(people, key=lambda entry: (entry[0] != LEAD, entry[1].name.casefold()))


async def _next_meeting(session: AsyncSession, group: WorkingGroup, *, now: datetime) -> MeetingView | None:
    rows = await session.scalars(select(Meeting).where(Meeting.group_id == group.id, Meeting.cancelled_at.is_(None)))
    slots = [slot for meeting in rows for slot in upcoming_slots(meeting, after=now, count=1)]
    return schedule.view(min(slots, key=lambda slot: slot.starts_at)) if slots else None


async def _open_questions(session: AsyncSession, group: WorkingGroup) -> int:
    """Questions sent to the group that nobody has answered yet."""
    waiting = [status for status in TicketStatus if status.waiting]
    count = await session.scalar(
        select(func.count()).select_from(Ticket).where(Ticket.group_id == group.id, Ticket.status.in_(waiting))
    )
    return count or 0


async def find(session: AsyncSession, *, community: Community, name: str, closed: bool = False) -> WorkingGroup:
    """A group by its name or part of it (an exact name wins); `closed` also finds closed groups."""
    wanted = fold(" ".join(strip_mentions(name).split()))
    if not wanted:
        raise UserError("group-name-missing")
    query = select(WorkingGroup).where(WorkingGroup.community_id == community.id)
    if not closed:
        query = query.where(WorkingGroup.closed_at.is_(None))
    groups = list(await session.scalars(query))
    exact = [g for g in groups if fold(g.name) == wanted]
    found = exact or [g for g in groups if wanted in fold(g.name)]
    if len(found) > 1 and len({g.closed_at is None for g in found}) > 1:
        found = [g for g in found if g.closed_at is None]  # an open group before a closed one of the same name
    if not found:
        raise UserError("group-unknown", name=name.strip()[:60] or "-")
    if len(found) > 1:
        raise UserError("group-ambiguous", name=name.strip()[:60], names=sorted(g.name for g in found))
    return found[0]


# ---- facilitators: add, edit, lead, close -----------------------------------------------------------------


@dataclass
class _Changes:
    """The fields `group add` or `group edit` sets (None: unchanged; "" for area/sector/until: cleared)."""

    name: str | None = None
    scope: str | None = None
    area: str | None = None
    sector: str | None = None
    until: str | None = None


async def add(turn: Turn, args: str) -> Reply:
    """`group add <name> | <scope> [| until <date>] [| area <area>] [| sector <sector>]` (facilitators)."""
    require_facilitator(turn.member)
    name, *fields = [field.strip() for field in args.split("|")]
    changes = _changes(fields, scope_first=True, usage="group-add-usage")
    name = _checked_name(name)
    if not changes.scope:
        raise UserError("group-scope-missing", name=name)
    await _refuse_taken_name(turn.session, community=turn.community, name=name)
    group = WorkingGroup(community_id=turn.community.id, name=name, scope="", created_at=turn.now)
    _apply(turn, group, changes)
    turn.session.add(group)
    await turn.session.flush()
    repo.audit_row(turn.session, actor=turn.member, row=group, action="group.created", after=_state(group))
    await _plan_ending(turn.session, group, community=turn.community, now=turn.now)
    return Reply.of("group-added", view=await card(turn, group), name=group.name)


async def edit(turn: Turn, *, args: str, extend: bool) -> Reply:
    """`group edit <name> | scope … | until … | area … | sector … | name …`, or `group extend <name> | <date>`
    (facilitators and the group's lead; `-` clears an area, a sector or an end date)."""
    name, *fields = [field.strip() for field in args.split("|")]
    group = await find(turn.session, community=turn.community, name=name)
    await _require_lead_or_facilitator(turn, group)
    if extend:
        if len(fields) != 1 or not fields[0]:
            raise UserError("group-extend-usage", name=group.name)
        changes = _Changes(until=fields[0])
    else:
        changes = _changes(fields, scope_first=False, usage="group-edit-usage")
    if changes == _Changes():
        raise UserError("group-edit-usage")
    if changes.name is not None:
        changes.name = _checked_name(changes.name)
        if fold(changes.name) != fold(group.name):
            await _refuse_taken_name(turn.session, community=turn.community, name=changes.name)
    before = _state(group)
    _apply(turn, group, changes)
    repo.audit_row(
        turn.session, actor=turn.member, row=group, action="group.edited", before=before, after=_state(group)
    )
    await _plan_ending(turn.session, group, community=turn.community, now=turn.now)
    key = "group-extended" if extend else "group-edited"
    return Reply.of(key, view=await card(turn, group), name=group.name)


async def set_lead(turn: Turn, args: str) -> Reply:
    """`group lead <name> @member` (facilitators): the member leads the group (joining it if need be); the lead
    before them stays on as a member."""
    require_facilitator(turn.member)
    group = await find(turn.session, community=turn.community, name=strip_mentions(args).strip(" |"))
    if not turn.mentions:
        raise UserError("group-lead-missing", name=group.name)
    lead = await active_member(turn.session, community_id=turn.community.id, person=turn.mentions[0])
    rows = {
        row.member_id: row
        for row in await turn.session.scalars(
            select(WorkingGroupMember).where(WorkingGroupMember.group_id == group.id).with_for_update()
        )
    }
    before = [member_id for member_id, row in rows.items() if row.role == LEAD]
    for row in rows.values():
        row.role = MEMBER
    if lead.id in rows:
        rows[lead.id].role = LEAD
    else:
        turn.session.add(WorkingGroupMember(group_id=group.id, member_id=lead.id, role=LEAD, joined_at=turn.now))
        await _replan_group_meetings(turn.session, group, community=turn.community, now=turn.now)
    await turn.session.flush()
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=group,
        action="group.lead",
        before={"lead": before},
        after={"lead": [lead.id]},
    )
    await _plan_ending(turn.session, group, community=turn.community, now=turn.now)
    return Reply.of("group-lead-set", name=group.name, lead=lead.name)


async def close(turn: Turn, *, name: str) -> Reply:
    """`group close <name>` (facilitators and the group's lead): the group leaves the lists; its meetings,
    actions and agenda items stay linked to it."""
    group = await find(turn.session, community=turn.community, name=name, closed=True)
    await _require_lead_or_facilitator(turn, group)
    if group.closed_at is not None:
        raise UserError("group-already-closed", name=group.name, day=group.closed_at.date())
    group.closed_at = turn.now
    repo.audit_row(
        turn.session, actor=turn.member, row=group, action="group.closed", after={"closed_at": turn.now.isoformat()}
    )
    await outbox.replan(turn.session, community_id=turn.community.id, subject=_subject(group), planned=(), now=turn.now)
    still_open = await turn.session.scalar(
        select(func.count())
        .select_from(Action)
        .where(Action.group_id == group.id, Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]))
    )
    return Reply.of("group-closed", name=group.name, actions=still_open or 0)


# ---- members: join and leave -------------------------------------------------------------------------------


async def join(turn: Turn, args: str) -> Reply:
    """`group join <name>`; facilitators may add others: `group join <name> @a @b`."""
    group = await find(turn.session, community=turn.community, name=strip_mentions(args).strip(" |"))
    people = [turn.member]
    if not turn.mentions and turn.member.is_guest and not turn.member.role.facilitates:
        raise UserError("group-join-guest", name=group.name)  # guests act only in the groups they are given
    if turn.mentions:
        require_facilitator(turn.member)
        people = [
            await active_member(turn.session, community_id=turn.community.id, person=person) for person in turn.mentions
        ]
    current = set(
        await turn.session.scalars(
            select(WorkingGroupMember.member_id).where(WorkingGroupMember.group_id == group.id).with_for_update()
        )
    )
    joining = [person for person in dict.fromkeys(people) if person.id not in current]
    if not joining:
        key = "group-already-member" if not turn.mentions else "group-already-members"
        raise UserError(key, name=group.name)
    for person in joining:
        turn.session.add(WorkingGroupMember(group_id=group.id, member_id=person.id, role=MEMBER, joined_at=turn.now))
    await turn.session.flush()
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=group,
        action="group.joined",
        after={"members": [person.id for person in joining]},
    )
    await _replan_group_meetings(turn.session, group, community=turn.community, now=turn.now)
    if turn.mentions:
        return Reply.of("group-members-added", name=group.name, names=[p.name for p in joining], count=len(joining))
    return Reply.of("group-joined", view=await card(turn, group), name=group.name)


async def leave(turn: Turn, *, name: str) -> Reply:
    """`group leave <name>`: the member's place in the group ends (a lead who leaves leaves it without one)."""
    group = await find(turn.session, community=turn.community, name=name)
    row = await turn.session.get(WorkingGroupMember, (group.id, turn.member.id), with_for_update=True)
    if row is None:
        raise UserError("group-not-member", name=group.name)
    was_lead = row.role == LEAD
    await turn.session.delete(row)
    await turn.session.flush()
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=group,
        action="group.left",
        after={"member": turn.member.id, "was_lead": was_lead},
    )
    await _replan_group_meetings(turn.session, group, community=turn.community, now=turn.now)
    if was_lead:
        await _plan_ending(turn.session, group, community=turn.community, now=turn.now)
    return Reply.of("group-left-lead" if was_lead else "group-left", name=group.name)


async def join_from_card(turn: Turn, data: dict[str, object]) -> Reply:
    """The group card's Join / Leave buttons (`Action.Submit` with the group's id)."""
    group_id = parse_number(data.get("group"))
    group = await turn.session.get(WorkingGroup, group_id) if group_id else None
    if group is None or group.community_id != turn.community.id or group.closed_at is not None:
        raise UserError("card-data-invalid")
    if data.get("verb") == "group-leave":
        return await leave(turn, name=group.name)
    return await join(turn, args=group.name)


# ---- the question before the end date ----------------------------------------------------------------------


async def compose_ending(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """Ask the lead or a facilitator to close or extend a group whose end date is near; nothing when the group
    is closed, its end date changed, or the person is neither its lead nor a facilitator any more."""
    group = await session.get(WorkingGroup, row.payload.get("group"))
    person = await session.get(Member, row.member_id) if row.member_id else None
    if group is None or person is None or not person.active or group.closed_at is not None:
        return None
    if group.ends_on is None or group.ends_on.isoformat() != row.payload.get("ends_on"):
        return None
    if not person.role.facilitates and not await _leads(session, person, group):
        return None
    community = await session.get(Community, group.community_id)
    if community is None:
        return None
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    return Reply.of("group-ending", name=group.name, day=group.ends_on, days=max(0, (group.ends_on - today).days))


async def _plan_ending(session: AsyncSession, group: WorkingGroup, *, community: Community, now: datetime) -> None:
    """(Re)plan the close-or-extend question for the group's lead and the facilitators."""
    planned: list[outbox.Planned] = []
    if group.ends_on is not None and group.closed_at is None:
        zone = ZoneInfo(community.timezone)
        today = now.astimezone(zone).date()
        day = min(group.ends_on, max(group.ends_on - ENDING_NOTICE, today + timedelta(days=1)))
        due = datetime.combine(day, NOTICE_TIME, tzinfo=zone)
        people = await _lead_and_facilitators(session, group)
        payload = {"group": group.id, "ends_on": group.ends_on.isoformat()}
        planned = [
            outbox.Planned(
                kind="group-ending",
                dedup_key=f"group-ending:{group.id}:{group.ends_on.isoformat()}:{person.id}",
                due_at=due,
                payload=payload,
                member_id=person.id,
            )
            for person in people
        ]
    await outbox.replan(session, community_id=community.id, subject=_subject(group), planned=planned, now=now)


async def _lead_and_facilitators(session: AsyncSession, group: WorkingGroup) -> list[Member]:
    roster = await repo.active_members(session, community_id=group.community_id)
    lead_ids = set(
        await session.scalars(
            select(WorkingGroupMember.member_id).where(
                WorkingGroupMember.group_id == group.id, WorkingGroupMember.role == LEAD
            )
        )
    )
    return [person for person in roster if person.role.facilitates or person.id in lead_ids]


def _subject(group: WorkingGroup) -> str:
    return f"group:{group.id}"


async def _replan_group_meetings(
    session: AsyncSession, group: WorkingGroup, *, community: Community, now: datetime
) -> None:
    """The group's meeting reminders go to its members: re-plan them when the members change."""
    await session.flush()
    rows = await session.scalars(select(Meeting).where(Meeting.group_id == group.id, Meeting.cancelled_at.is_(None)))
    for meeting in rows:
        await reminder_plans.plan_meeting(session, meeting=meeting, community=community, now=now)


# ---- helpers -----------------------------------------------------------------------------------------------


def _changes(fields: Sequence[str], *, scope_first: bool, usage: str) -> _Changes:
    """The `| key value` fields; with `scope_first`, the first field without a key word is the scope."""
    changes = _Changes()
    for field in fields:
        if not field:
            continue
        named = _field(field)
        if named is None and scope_first and changes.scope is None:
            changes.scope = field
        elif named is None or (scope_first and named[0] == "name"):
            raise UserError(usage)
        else:
            key, value = named
            setattr(changes, key, value)
    return changes


def _apply(turn: Turn, group: WorkingGroup, changes: _Changes) -> None:
    """Check and set the changed fields (an end date read in the speaker's zone)."""
    if changes.name is not None:
        group.name = changes.name
    if changes.scope is not None:
        scope = " ".join(changes.scope.split())
        if not scope:
            raise UserError("group-scope-missing", name=group.name)
        if len(scope) > MAX_SCOPE:
            raise UserError("group-scope-too-long", length=len(scope), limit=MAX_SCOPE)
        group.scope = scope
    for key in ("area", "sector"):
        value = getattr(changes, key)
        if value is not None:
            setattr(group, key, _label(value, key=key))
    if changes.until is not None:
        cleared = fold(changes.until.strip()) in CLEAR
        zone = turn.zone
        group.ends_on = None if cleared else parse_day(changes.until, now=turn.now, zone=zone)


def _label(value: str, *, key: str) -> str | None:
    label = " ".join(value.split())
    if fold(label) in CLEAR:
        return None
    if not label:
        raise UserError("group-field-empty", field=key)
    if len(label) > MAX_LABEL:
        raise UserError("group-field-too-long", field=key, limit=MAX_LABEL)
    return label


def _checked_name(name: str) -> str:
    name = " ".join(strip_mentions(name).split())
    if not name:
        raise UserError("group-name-missing")
    if len(name) > MAX_NAME:
        raise UserError("group-name-too-long", length=len(name), limit=MAX_NAME)
    return name


async def _refuse_taken_name(session: AsyncSession, *, community: Community, name: str) -> None:
    """Group names are unique in a community, closed groups included (however the name is spelt)."""
    names = await session.scalars(select(WorkingGroup.name).where(WorkingGroup.community_id == community.id))
    taken = next((existing for existing in names if fold(existing) == fold(name)), None)
    if taken is not None:
        raise UserError("group-exists", name=taken)


async def _leads(session: AsyncSession, person: Member, group: WorkingGroup) -> bool:
    row = await session.get(WorkingGroupMember, (group.id, person.id))
    return row is not None and row.role == LEAD


async def _require_lead_or_facilitator(turn: Turn, group: WorkingGroup) -> None:
    if not turn.member.role.facilitates and not await _leads(turn.session, turn.member, group):
        raise UserError("group-lead-or-facilitator", name=group.name)


def _state(group: WorkingGroup) -> dict[str, object]:
    return {
        "name": group.name,
        "scope": group.scope,
        "area": group.area,
        "sector": group.sector,
        "ends_on": group.ends_on.isoformat() if group.ends_on else None,
    }
