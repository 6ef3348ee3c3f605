"""Action points: record, own, update and list what the community agreed to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import mentioned_in, plain_mentions, strip_mentions
from dialogs.common.dates import parse_day
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.text import fold, parse_number, word_table
from dialogs.community.members import member_timezone
from dialogs.community.roster import Person, active_member
from dialogs.governance import plan
from dialogs.reminders import plans as reminder_plans
from storage import repositories as repo
from storage.models import (
    Action,
    ActionEvent,
    ActionOwner,
    ActionStatus,
    Community,
    Member,
    PlanObjective,
    WorkingGroup,
)

MAX_TEXT_LENGTH = 1000
PAGE_SIZE = 10
SELF_WORDS = {fold(word) for word in ("me", "myself", "أنا", "انا", "نفسي")}
GROUP_WORDS = {fold(word) for word in ("group", "مجموعة", "المجموعة")}
LIST_FILTERS = {
    "all": ("all", "الكل", "جميع", "كل"),
    "overdue": ("overdue", "late", "المتأخرة", "متأخرة", "متاخره"),
    "mine": ("mine", "my", "لي", "الخاصة", "خاصتي"),
}
UPDATE_VERBS = {
    "done": ("done", "complete", "finished", "تم", "منجز", "أنجز", "انتهى"),
    "progress": ("progress", "update", "note", "تقدم", "تحديث", "ملاحظة"),
    "blocked": ("blocked", "stuck", "متعثر", "متوقف", "عالق"),
    "due": ("due", "deadline", "موعد", "استحقاق"),
    "reassign": ("reassign", "assign", "إسناد", "اسناد", "تحويل"),
    "cancel": ("cancel", "drop", "إلغاء", "الغاء"),
}
ADD_WORDS = {fold(word) for word in ("add", "new", "أضف", "إضافة", "اضافة", "جديد")}
SNOOZE_DAYS = 7
MAX_REFRESH_USERS = 60  # Teams refreshes a card automatically for at most 60 listed users
MAX_FORM_CHOICES = 200


@dataclass(frozen=True)
class ActionView:
    """An action as one reader sees it: dates in their zone, and whether they may change it."""

    id: int
    number: int
    text: str
    status: str
    owners: tuple[str, ...]
    due_on: date | None
    overdue_days: int
    group: str | None
    can_update: bool
    refresh_for: tuple[str, ...]


def local_today(*, now: datetime, zone: str) -> date:
    """The reader's calendar day."""
    return now.astimezone(ZoneInfo(zone)).date()


def view(
    action: Action, *, reader: Member, community: Community, now: datetime, facilitators: Sequence[str] = ()
) -> ActionView:
    """What `reader` sees of `action`; `facilitators` (Teams ids) also get the card refreshed for them."""
    today = local_today(now=now, zone=member_timezone(reader, community))
    overdue = (today - action.due_on).days if action.due_on and not action.status.closed else 0
    owner_ids = {owner.member_id for owner in action.owners}
    return ActionView(
        id=action.id,
        number=action.number,
        text=action.text,
        status=action.status.value,
        owners=tuple(sorted((owner.member.name for owner in action.owners), key=str.casefold)),
        due_on=action.due_on,
        overdue_days=max(0, overdue),
        group=action.group.name if action.group else None,
        can_update=not action.status.closed and (reader.role.facilitates or reader.id in owner_ids),
        refresh_for=tuple(dict.fromkeys([owner.member.teams_user_id for owner in action.owners] + list(facilitators)))[
            :MAX_REFRESH_USERS
        ],
    )


async def card_view(
    session: AsyncSession, action: Action, *, reader: Member, community: Community, now: datetime
) -> ActionView:
    """`view` with the facilitators looked up (for cards that refresh per viewer)."""
    facilitators = [
        m.teams_user_id for m in await repo.active_members(session, community_id=community.id) if m.role.facilitates
    ]
    return view(action, reader=reader, community=community, now=now, facilitators=facilitators)


async def add(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    args: str,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    """`action add <text> | <owners> [| <due>] [| group <name>] [| plan <objective#>]`."""
    fields = [field.strip() for field in args.split("|")]
    text = plain_mentions(fields[0])
    _check_text(text)
    owner_mentions = mentioned_in(fields[1], mentions) if len(fields) > 1 else []
    if len(fields) < 2 or (not strip_mentions(fields[1]) and not owner_mentions):
        raise UserError("action-owners-missing")
    owners = await _owners(session, member=member, field=fields[1], mentions=owner_mentions)
    due_on, group, objective = None, None, None
    for extra in fields[2:]:
        words = extra.split(maxsplit=1)
        if words and fold(words[0]) in GROUP_WORDS:
            group = await _group(session, community=community, name=words[1] if len(words) > 1 else "")
        elif words and fold(words[0]) in plan.LINK_WORDS:
            number = words[1] if len(words) > 1 else ""
            objective = await plan.objective_for_new_action(session, member=member, community=community, number=number)
        elif extra:
            due_on = parse_day(extra, now=now, zone=member_timezone(member, community))
    return await _create(
        session,
        member=member,
        community=community,
        text=text,
        owners=owners,
        due_on=due_on,
        group=group,
        objective=objective,
        now=now,
    )


def form(members: Sequence[Member], groups: Sequence[WorkingGroup], *, member: Member) -> Reply:
    """The card form for a new action (members may only pick themselves as owner)."""
    people = members if member.role.facilitates else [member]
    return Reply.of(
        "action-form",
        card="action-form",
        people=[(m.id, m.name) for m in people[:MAX_FORM_CHOICES]],
        groups=[(g.id, g.name) for g in groups],
        me=member.id,
    )


async def add_from_form(
    session: AsyncSession, *, member: Member, community: Community, data: dict[str, object], now: datetime
) -> Reply:
    """The form's answer: the same rules as `action add`."""
    text = data.get("text") if isinstance(data.get("text"), str) else ""
    _check_text(text.strip())
    parts = [part for part in str(data.get("owners") or "").split(",") if part.strip()]
    owner_ids = dict.fromkeys(parse_number(part) for part in parts)  # each owner once
    owners = []
    for owner_id in owner_ids:
        owner = await session.get(Member, owner_id) if owner_id else None
        if owner is None or owner.community_id != community.id or not owner.active:
            raise UserError("card-data-invalid")
        owners.append(owner)
    if not owners:
        raise UserError("action-owners-missing")
    due_on = _form_day(data.get("due"), member=member, community=community, now=now)
    group = None
    if data.get("group") not in (None, ""):
        group_id = parse_number(data.get("group"))
        group = await session.get(WorkingGroup, group_id) if group_id else None
        if group is None or group.community_id != community.id or group.closed_at is not None:
            raise UserError("card-data-invalid")
    return await _create(
        session,
        member=member,
        community=community,
        text=text.strip(),
        owners=owners,
        due_on=due_on,
        group=group,
        now=now,
    )


async def _create(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    text: str,
    owners: Sequence[Member],
    due_on: date | None,
    group: WorkingGroup | None,
    now: datetime,
    objective: PlanObjective | None = None,
) -> Reply:
    """Record a new action (numbered per community), its history and the owners' notices."""
    if not member.role.facilitates and {owner.id for owner in owners} != {member.id}:
        raise UserError("action-owner-self-only")
    number = await repo.next_number(session, community_id=community.id, column=Action.number)
    action = Action(
        community_id=community.id,
        number=number,
        text=text,
        due_on=due_on,
        group_id=group.id if group else None,
        created_by_id=member.id,
        created_at=now,
        updated_at=now,
        owners=[ActionOwner(member_id=owner.id) for owner in owners],
    )
    session.add(action)
    await session.flush()
    _history(session, action, actor=member, kind="created", after=_state(action), now=now)
    if objective is not None:
        await plan.link(session, member=member, action=action, objective=objective, now=now)
    for owner in owners:
        if owner.id != member.id:
            await _tell(session, action, owner=owner, kind="action-assigned", now=now)
    await session.refresh(action, ["owners", "group"])
    await reminder_plans.plan_action(session, action=action, community=community, now=now)
    shown = await card_view(session, action, reader=member, community=community, now=now)
    return Reply.of("action-added", card="action", action=shown)


def _form_day(value: object, *, member: Member, community: Community, now: datetime) -> date | None:
    """Input.Date sends YYYY-MM-DD (or nothing); a past day is refused like a typed one."""
    if value in (None, ""):
        return None
    try:
        day = date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError("card-data-invalid") from exc
    if day < local_today(now=now, zone=member_timezone(member, community)):
        raise UserError("day-in-past", given=str(value))
    return day


async def list_actions(
    session: AsyncSession, *, member: Member, community: Community, args: str, mentions: Sequence[Person], now: datetime
) -> Reply:
    """`actions [all|overdue|@member|group <name>] [page]`: open actions, soonest due first."""
    words = strip_mentions(args).split()
    page = parse_number(words[-1]) if words else None
    if page:
        words.pop()
    query = select(Action).where(Action.community_id == community.id, Action.status.not_in(_CLOSED))
    title, subject = "mine", ""
    if mentions:
        target = await active_member(session, community_id=community.id, person=mentions[0])
        query = query.where(Action.owners.any(ActionOwner.member_id == target.id))
        title, subject = "member", target.name
    elif words and fold(words[0]) in GROUP_WORDS:
        group = await _group(session, community=community, name=" ".join(words[1:]))
        query = query.where(Action.group_id == group.id)
        title, subject = "group", group.name
    else:
        kind = _list_filter(words[0]) if words else "mine"
        if kind is None:
            raise UserError("actions-filter-unknown", given=" ".join(words)[:40])
        title = kind
        if kind == "mine":
            query = query.where(Action.owners.any(ActionOwner.member_id == member.id))
        elif kind == "overdue":
            query = query.where(Action.due_on < local_today(now=now, zone=member_timezone(member, community)))
    actions = list(await session.scalars(query.order_by(Action.due_on.is_(None), Action.due_on, Action.number)))
    pages = max(1, -(-len(actions) // PAGE_SIZE))
    page = page or 1
    if page > pages:
        raise UserError("actions-page-unknown", page=page, pages=pages)
    shown = actions[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return Reply.of(
        "actions-list",
        card="action-list",
        title=title,
        subject=subject,
        count=len(actions),
        page=page,
        pages=pages,
        actions=[view(action, reader=member, community=community, now=now) for action in shown],
    )


async def update(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    verb: str,
    args: str,
    mentions: Sequence[Person],
    now: datetime,
) -> Reply:
    """`action done|progress|blocked|due|reassign|cancel N …` by the action's owners or a facilitator."""
    number, _, rest = args.strip().partition(" ")
    action = await _find(session, community=community, number=number)
    note, due_on, owner = plain_mentions(rest), None, None
    if verb == "due":
        if not note:
            raise UserError("action-due-missing", number=action.number)
        due_on = parse_day(note, now=now, zone=member_timezone(member, community))
    if verb == "reassign":
        named = mentioned_in(rest, mentions)
        if not named:
            raise UserError("action-reassign-missing", number=action.number)
        owner = await active_member(session, community_id=community.id, person=named[0])
    return await change(
        session,
        member=member,
        community=community,
        action=action,
        verb=verb,
        note=note,
        due_on=due_on,
        owner=owner,
        now=now,
    )


async def change(
    session: AsyncSession,
    *,
    member: Member,
    community: Community,
    action: Action,
    verb: str,
    now: datetime,
    note: str = "",
    due_on: date | None = None,
    owner: Member | None = None,
) -> Reply:
    """Apply one update (checked: rights, open action, required note) and record it in the history."""
    if not _may_update(member, action):
        raise UserError("action-not-yours", number=action.number)
    if verb == "reassign" and not member.role.facilitates:
        raise UserError("action-reassign-facilitators", number=action.number)
    if action.status.closed:
        raise UserError("action-closed", number=action.number, status=action.status.value)
    before, note = _state(action), note.strip()[:MAX_TEXT_LENGTH]
    match verb:
        case "done" | "cancel":
            action.status = ActionStatus.DONE if verb == "done" else ActionStatus.CANCELLED
            action.closed_at = now
        case "progress" | "blocked":
            if not note:
                raise UserError("action-note-missing", verb=verb, number=action.number)
            action.status = ActionStatus.IN_PROGRESS if verb == "progress" else ActionStatus.BLOCKED
        case "due":
            action.due_on = due_on
        case "reassign":
            if owner is None:
                raise UserError("action-reassign-missing", number=action.number)
            action.owners.clear()
            await session.flush()
            action.owners.append(ActionOwner(member_id=owner.id))
            await _tell(session, action, owner=owner, kind="action-assigned", now=now)
    action.updated_at = now
    await session.flush()
    await session.refresh(action, ["owners", "group"])
    _history(session, action, actor=member, kind=verb, note=note, before=before, after=_state(action), now=now)
    await reminder_plans.plan_action(session, action=action, community=community, now=now)
    shown = await card_view(session, action, reader=member, community=community, now=now)
    said = note if verb in ("progress", "blocked") else ""  # the other verbs' words are in the card already
    return Reply.of(f"action-{verb}", card="action", action=shown, note=said)


async def press(
    session: AsyncSession, *, member: Member, community: Community, verb: str, data: object, now: datetime
) -> Reply:
    """A button on an action card (`Action.Execute`): refresh, done, progress (with its note), snooze."""
    action_id = parse_number(data.get("action")) if isinstance(data, dict) else None
    action = await session.get(Action, action_id, with_for_update=True) if action_id else None
    if action is None or action.community_id != community.id:
        raise UserError("card-data-invalid")
    match verb:
        case "action-refresh" if data.get("history"):
            return await _card_with_history(session, action, member=member, community=community, now=now)
        case "action-refresh":
            shown = await card_view(session, action, reader=member, community=community, now=now)
            return Reply.of("action-card", card="action", action=shown)
        case "action-done":
            return await change(session, member=member, community=community, action=action, verb="done", now=now)
        case "action-progress":
            note = data.get("note") if isinstance(data.get("note"), str) else ""
            return await change(
                session, member=member, community=community, action=action, verb="progress", note=note, now=now
            )
        case "action-snooze":
            today = local_today(now=now, zone=member_timezone(member, community))
            later = max(action.due_on or today, today) + timedelta(days=SNOOZE_DAYS)
            return await change(
                session, member=member, community=community, action=action, verb="due", due_on=later, now=now
            )
    raise UserError("card-data-invalid")


async def show(session: AsyncSession, *, member: Member, community: Community, number: str, now: datetime) -> Reply:
    """`action N`: the action's card and its history."""
    action = await _find(session, community=community, number=number)
    return await _card_with_history(session, action, member=member, community=community, now=now)


async def _card_with_history(
    session: AsyncSession, action: Action, *, member: Member, community: Community, now: datetime
) -> Reply:
    events = await session.scalars(
        select(ActionEvent).where(ActionEvent.action_id == action.id).order_by(ActionEvent.id)
    )
    names = await repo.member_names(session, community_id=community.id)
    lines = [{"kind": e.kind, "who": names.get(e.actor_id or 0, "-"), "at": e.at, "note": e.note} for e in events]
    shown = await card_view(session, action, reader=member, community=community, now=now)
    return Reply.of("action-card", card="action", action=shown, history=lines)


_CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)


update_verb = word_table(UPDATE_VERBS)  # "تم" -> "done"
_list_filter = word_table(LIST_FILTERS)


def _check_text(text: str) -> None:
    if not strip_mentions(text):
        raise UserError("action-text-missing")
    if len(text) > MAX_TEXT_LENGTH:
        raise UserError("action-text-too-long", length=len(text), limit=MAX_TEXT_LENGTH)


def _may_update(member: Member, action: Action) -> bool:
    return member.role.facilitates or any(owner.member_id == member.id for owner in action.owners)


async def _find(session: AsyncSession, *, community: Community, number: str) -> Action:
    """The community's action by its number, locked for the rest of the turn (no two updates at once)."""
    return await by_number(session, Action, community=community, number=number, kind="action")


async def _owners(session: AsyncSession, *, member: Member, field: str, mentions: Sequence[Person]) -> list[Member]:
    owners: dict[int, Member] = {}
    if fold(strip_mentions(field)) in SELF_WORDS or any(fold(w) in SELF_WORDS for w in strip_mentions(field).split()):
        owners[member.id] = member
    for person in mentions:
        owner = await active_member(session, community_id=member.community_id, person=person)
        owners[owner.id] = owner
    if not owners:
        raise UserError("action-owners-missing")
    return list(owners.values())


async def _group(session: AsyncSession, *, community: Community, name: str) -> WorkingGroup:
    wanted = fold(name)
    groups = await repo.open_groups(session, community_id=community.id)
    matches = [g for g in groups if wanted and (fold(g.name) == wanted or wanted in fold(g.name))]
    if len(matches) != 1:
        raise UserError("group-unknown", name=name[:60] or "-")
    return matches[0]


def _state(action: Action) -> dict[str, object]:
    return {
        "status": action.status.value,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "owners": sorted(owner.member_id for owner in action.owners),
    }


def _history(
    session: AsyncSession,
    action: Action,
    *,
    actor: Member,
    kind: str,
    now: datetime,
    note: str = "",
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
) -> None:
    session.add(
        ActionEvent(action_id=action.id, actor_id=actor.id, kind=kind, note=note, before=before, after=after, at=now)
    )
    repo.audit_row(session, actor=actor, row=action, action=f"action.{kind}", before=before, after=after)


async def _tell(session: AsyncSession, action: Action, *, owner: Member, kind: str, now: datetime) -> None:
    """Queue a 1:1 message to an owner (the reminders dispatcher delivers it)."""
    message = outbox.Planned(
        kind=kind,
        dedup_key=f"{kind}:{action.id}:{owner.id}:{now.isoformat()}",
        due_at=now,
        payload={"action_id": action.id, "number": action.number},
        member_id=owner.id,
    )
    await outbox.queue(
        session, community_id=action.community_id, subject=f"notice:action:{action.id}", message=message, now=now
    )
