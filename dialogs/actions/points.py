"""Action points: record, own, update and list what the community agreed to do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.actions import report
from dialogs.actions.views import ActionCard, ActionForm, ActionList, ActionView, Choice, HistoryLine
from dialogs.common import outbox
from dialogs.common.commands import ADD_WORDS, mentioned_in, plain_mentions, strip_mentions
from dialogs.common.dates import parse_day
from dialogs.common.errors import UserError
from dialogs.common.language import member_timezone
from dialogs.common.numbered import by_number
from dialogs.common.people import Person
from dialogs.common.replies import Reply
from dialogs.common.text import ascii_digits, fold, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.visibility import action_listable, of_action, reader_for, require_in_group, require_visible
from dialogs.community.members import page_asked
from dialogs.community.roster import active_member
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
REPORT_WORDS = {fold(word) for word in ("report", "تقرير", "التقرير")}
SNOOZE_DAYS = 7
MAX_REFRESH_USERS = 60  # Teams refreshes a card automatically for at most 60 listed users
MAX_FORM_CHOICES = 100
"""Up to this many people, the owner picker lists everyone; past it, it finds them as the facilitator types (the
`members` search, `bot.teams.routes`) instead of listing an arbitrary first part of the roster."""
_PAGE_LIKE = re.compile(r"[+-]?#?[0-9]+")


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
    facilitators = await repo.active_facilitator_ids(session, community_id=community.id)
    return view(action, reader=reader, community=community, now=now, facilitators=facilitators)


async def add(turn: Turn, args: str) -> Reply:
    """`action add <text> | <owners> [| <due>] [| group <name>] [| plan <objective#>]`."""
    fields = [field.strip() for field in args.split("|")]
    text = plain_mentions(fields[0])
    _check_text(text)
    owner_mentions = mentioned_in(fields[1], turn.mentions) if len(fields) > 1 else []
    if len(fields) < 2 or (not strip_mentions(fields[1]) and not owner_mentions):
        raise UserError("action-owners-missing")
    owners = await _owners(turn, field=fields[1], mentions=owner_mentions)
    due_on, group, objective = None, None, None
    for extra in fields[2:]:
        words = extra.split(maxsplit=1)
        if words and fold(words[0]) in GROUP_WORDS:
            group = await _group(turn, name=words[1] if len(words) > 1 else "")
        elif words and fold(words[0]) in plan.LINK_WORDS:
            number = words[1] if len(words) > 1 else ""
            objective = await plan.objective_for_new_action(turn, number=number)
        elif extra:
            due_on = parse_day(extra, now=turn.now, zone=turn.zone)
    return await _create(turn, text=text, owners=owners, due_on=due_on, group=group, objective=objective)


def form(turn: Turn, members: Sequence[Member], groups: Sequence[WorkingGroup]) -> Reply:
    """The card form for a new action (members may only pick themselves as owner). A roster too long to list is
    searched as the facilitator types (the reader chosen to start with)."""
    people = list(members) if turn.member.role.facilitates else [turn.member]
    search = len(people) > MAX_FORM_CHOICES
    if search:
        people = [turn.member]
    return Reply.of(
        "action-form",
        view=ActionForm(
            people=tuple(Choice(m.id, m.name) for m in people),
            groups=tuple(Choice(g.id, g.name) for g in groups),
            me=turn.member.id,
            search=search,
        ),
    )


async def add_from_form(turn: Turn, data: dict[str, object]) -> Reply:
    """The form's answer: the same rules as `action add`."""
    given = data.get("text")
    text = given if isinstance(given, str) else ""
    _check_text(text.strip())
    parts = [part for part in str(data.get("owners") or "").split(",") if part.strip()]
    owner_ids = dict.fromkeys(parse_number(part) for part in parts)  # each owner once
    owners = []
    for owner_id in owner_ids:
        owner = await turn.session.get(Member, owner_id) if owner_id else None
        if owner is None or owner.community_id != turn.community.id or not owner.active:
            raise UserError("card-data-invalid")
        owners.append(owner)
    if not owners:
        raise UserError("action-owners-missing")
    due_on = _form_day(turn, data.get("due"))
    group = None
    if data.get("group") not in (None, ""):
        group_id = parse_number(data.get("group"))
        group = await turn.session.get(WorkingGroup, group_id) if group_id else None
        if group is None or group.community_id != turn.community.id or group.closed_at is not None:
            raise UserError("card-data-invalid")
    return await _create(turn, text=text.strip(), owners=owners, due_on=due_on, group=group)


async def _create(
    turn: Turn,
    *,
    text: str,
    owners: Sequence[Member],
    due_on: date | None,
    group: WorkingGroup | None,
    objective: PlanObjective | None = None,
) -> Reply:
    """Record a new action (numbered per community), its history and the owners' notices."""
    if not turn.member.role.facilitates and {owner.id for owner in owners} != {turn.member.id}:
        raise UserError("action-owner-self-only")
    if group is not None:
        await require_in_group(turn, group)
    number = await repo.next_number(turn.session, community_id=turn.community.id, column=Action.number)
    action = Action(
        community_id=turn.community.id,
        number=number,
        text=text,
        due_on=due_on,
        group_id=group.id if group else None,
        created_by_id=turn.member.id,
        created_at=turn.now,
        updated_at=turn.now,
        owners=[ActionOwner(member_id=owner.id) for owner in owners],
    )
    turn.session.add(action)
    await turn.session.flush()
    _history(turn, action, kind="created", after=_state(action))
    if objective is not None:
        await plan.link(turn, action=action, objective=objective)
    for owner in owners:
        if owner.id != turn.member.id:
            await _tell(turn, action, owner=owner, kind="action-assigned")
    await turn.session.refresh(action, ["owners", "group"])
    await reminder_plans.plan_action(turn.session, action=action, community=turn.community, now=turn.now)
    shown = await _seen(turn, action)
    return Reply.of("action-added", view=ActionCard(action=shown), number=action.number)


def _form_day(turn: Turn, value: object) -> date | None:
    """Input.Date sends YYYY-MM-DD (or nothing); a past day is refused like a typed one."""
    if value in (None, ""):
        return None
    try:
        day = date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError("card-data-invalid") from exc
    if day < local_today(now=turn.now, zone=turn.zone):
        raise UserError("day-in-past", given=str(value))
    return day


async def list_actions(turn: Turn, args: str) -> Reply:
    """`actions [all|overdue|@member|group <name>] [page]`: open actions, soonest due first. A last word that looks
    like a number is the page: one the list does not have is answered with the pages it has."""
    words = strip_mentions(args).split()
    page = words.pop() if words and _PAGE_LIKE.fullmatch(ascii_digits(words[-1])) else ""
    if turn.mentions:
        target = await active_member(turn.session, community_id=turn.community.id, person=turn.mentions[0])
        listing = f"member:{target.id}"
    elif words and fold(words[0]) in GROUP_WORDS:
        listing = f"group:{(await _group(turn, name=' '.join(words[1:]))).id}"
    else:
        kind = _list_filter(words[0]) if words else "mine"
        if kind is None or len(words) > 1:
            raise UserError("actions-filter-unknown", given=" ".join(words)[:40])
        listing = kind
    return await _listed(turn, listing=listing, page=page)


async def overdue(turn: Turn, *, mine: bool) -> Reply:
    """The first page of the open actions past their due day: every one the reader may see, or the speaker's own
    (`mine`)."""
    return await _listed(turn, listing="overdue:mine" if mine else "overdue", page="")


async def page_button(turn: Turn, data: dict[str, object]) -> Reply:
    """A list's next-page button (`{"verb": "actions-page", "list": "all", "page": 2}`; a member's or group's list
    by id: `member:12`, `group:3`)."""
    listing, page = data.get("list"), parse_number(data.get("page"))
    if not isinstance(listing, str) or page is None:
        raise UserError("card-data-invalid")
    return await _listed(turn, listing=listing, page=str(page))


async def _listed(turn: Turn, *, listing: str, page: str) -> Reply:
    """One page of a list of open actions (`listing`: mine, all, overdue, overdue:mine, member:<id> or group:<id>)."""
    reader = await reader_for(turn)
    where = [Action.community_id == turn.community.id, Action.status.not_in(_CLOSED), action_listable(reader)]
    kind, _, ref = listing.partition(":")
    title, subject = kind, ""
    if kind == "member":
        target = await turn.session.get(Member, parse_number(ref)) if parse_number(ref) else None
        if target is None or target.community_id != turn.community.id or not target.active:
            raise UserError("card-data-invalid")
        where.append(Action.id.in_(_owned_by(target.id)))
        subject = target.name
    elif kind == "group":
        group = await turn.session.get(WorkingGroup, parse_number(ref)) if parse_number(ref) else None
        if group is None or group.community_id != turn.community.id:
            raise UserError("card-data-invalid")
        where.append(Action.group_id == group.id)
        subject = group.name
    elif kind == "mine":
        where.append(Action.id.in_(_owned_by(turn.member.id)))
    elif kind == "overdue":
        where.append(Action.due_on < local_today(now=turn.now, zone=turn.zone))
        if ref == "mine":  # the speaker's own
            where.append(Action.id.in_(_owned_by(turn.member.id)))
    elif kind != "all":
        raise UserError("card-data-invalid")
    count = await turn.session.scalar(select(func.count()).select_from(Action).where(*where)) or 0
    pages = max(1, -(-count // PAGE_SIZE))
    number = page_asked(page, pages=pages, unknown="actions-page-unknown", invalid="actions-page-usage")
    in_order = select(Action).where(*where).order_by(Action.due_on.is_(None), Action.due_on, Action.number)
    shown = list(await turn.session.scalars(in_order.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)))
    listed = tuple(view(action, reader=turn.member, community=turn.community, now=turn.now) for action in shown)
    return Reply.of(
        "actions-list",
        view=ActionList(page=number, pages=pages, actions=listed, listing=listing),
        title=title,
        subject=subject,
        count=count,
    )


def _owned_by(member_id: int) -> Select[int]:
    """The ids of the actions a member owns (found through the owner index, not by probing every action)."""
    return select(ActionOwner.action_id).where(ActionOwner.member_id == member_id)


async def update(turn: Turn, *, verb: str, args: str) -> Reply:
    """`action done|progress|blocked|due|reassign|cancel N …` by the action's owners or a facilitator."""
    number, _, rest = args.strip().partition(" ")
    action = await _find(turn, number=number)
    note, due_on, owner = plain_mentions(rest), None, None
    if verb == "due":
        if not note:
            raise UserError("action-due-missing", number=action.number)
        due_on = parse_day(note, now=turn.now, zone=turn.zone)
    if verb == "reassign":
        named = mentioned_in(rest, turn.mentions)
        if not named:
            raise UserError("action-reassign-missing", number=action.number)
        owner = await active_member(turn.session, community_id=turn.community.id, person=named[0])
    return await change(turn, action=action, verb=verb, note=note, due_on=due_on, owner=owner)


async def change(
    turn: Turn, *, action: Action, verb: str, note: str = "", due_on: date | None = None, owner: Member | None = None
) -> Reply:
    """Apply one update (checked: rights, open action, required note) and record it in the history."""
    if not _may_update(turn.member, action):
        raise UserError("action-not-yours", number=action.number)
    if verb == "reassign" and not turn.member.role.facilitates:
        raise UserError("action-reassign-facilitators", number=action.number)
    if action.status.closed:
        raise UserError("action-closed", number=action.number, status=action.status.value)
    before, note = _state(action), note.strip()[:MAX_TEXT_LENGTH]
    match verb:
        case "done" | "cancel":
            action.status = ActionStatus.DONE if verb == "done" else ActionStatus.CANCELLED
            action.closed_at = turn.now
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
            await turn.session.flush()
            action.owners.append(ActionOwner(member_id=owner.id))
            await _tell(turn, action, owner=owner, kind="action-assigned")
    action.updated_at = turn.now
    await turn.session.flush()
    await turn.session.refresh(action, ["owners", "group"])
    _history(turn, action, kind=verb, note=note, before=before, after=_state(action))
    await reminder_plans.plan_action(turn.session, action=action, community=turn.community, now=turn.now)
    shown = await _seen(turn, action)
    said = note if verb in ("progress", "blocked") else ""  # the other verbs' words are in the card already
    return Reply.of(f"action-{verb}", view=ActionCard(action=shown, note=said or None), number=action.number)


async def press(turn: Turn, verb: str, data: Any) -> Reply:
    """A button on an action card (`Action.Execute`): refresh, done, progress (with its note), snooze."""
    fields: dict[str, Any] = data if isinstance(data, dict) else {}  # anything a client sends
    action_id = parse_number(fields.get("action"))
    action = await turn.session.get(Action, action_id, with_for_update=True) if action_id else None
    if action is None or action.community_id != turn.community.id:
        raise UserError("card-data-invalid")
    await _require_visible(turn, action)
    match verb:
        case "action-refresh" if fields.get("history"):
            return await _card_with_history(turn, action)
        case "action-refresh":
            shown = await _seen(turn, action)
            return Reply.of("action-card", view=ActionCard(action=shown), number=action.number)
        case "action-done":
            return await change(turn, action=action, verb="done")
        case "action-progress":
            given = fields.get("note")
            note = given if isinstance(given, str) else ""
            return await change(turn, action=action, verb="progress", note=note)
        case "action-snooze":
            today = local_today(now=turn.now, zone=turn.zone)
            later = max(action.due_on or today, today) + timedelta(days=SNOOZE_DAYS)
            return await change(turn, action=action, verb="due", due_on=later)
    raise UserError("card-data-invalid")


async def show(turn: Turn, *, number: str) -> Reply:
    """`action N`: the action's card and its history."""
    action = await _find(turn, number=number)
    return await _card_with_history(turn, action)


async def _card_with_history(turn: Turn, action: Action) -> Reply:
    events = await turn.session.scalars(
        select(ActionEvent).where(ActionEvent.action_id == action.id).order_by(ActionEvent.id)
    )
    names = await repo.member_names(turn.session, community_id=turn.community.id)
    lines = tuple(HistoryLine(kind=e.kind, who=names.get(e.actor_id or 0, "-"), at=e.at, note=e.note) for e in events)
    shown = await _seen(turn, action)
    return Reply.of("action-card", view=ActionCard(action=shown, history=lines), number=action.number)


async def _seen(turn: Turn, action: Action) -> ActionView:
    """`card_view` for the speaker."""
    return await card_view(turn.session, action, reader=turn.member, community=turn.community, now=turn.now)


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


async def _find(turn: Turn, *, number: str) -> Action:
    """The community's action by its number, locked for the rest of the turn (no two updates at once); one the
    speaker may not see is answered as unknown."""
    action = await by_number(turn.session, Action, community=turn.community, number=number, kind="action")
    await _require_visible(turn, action)
    return action


async def _require_visible(turn: Turn, action: Action) -> None:
    """A working group's action is for its members, its owners and the facilitators (see `require_visible`)."""
    await require_visible(turn, of_action(action), unknown=UserError("action-unknown", number=action.number))


async def _owners(turn: Turn, *, field: str, mentions: Sequence[Person]) -> list[Member]:
    """The owners named after the first "|": the speaker (`me`) and the members mentioned."""
    owners: dict[int, Member] = {}
    if fold(strip_mentions(field)) in SELF_WORDS or any(fold(w) in SELF_WORDS for w in strip_mentions(field).split()):
        owners[turn.member.id] = turn.member
    for person in mentions:
        owner = await active_member(turn.session, community_id=turn.member.community_id, person=person)
        owners[owner.id] = owner
    if not owners:
        raise UserError("action-owners-missing")
    return list(owners.values())


async def _group(turn: Turn, *, name: str) -> WorkingGroup:
    """The community's one open working group called (or partly called) `name`."""
    wanted = fold(name)
    groups = await repo.open_groups(turn.session, community_id=turn.community.id)
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
    turn: Turn,
    action: Action,
    *,
    kind: str,
    note: str = "",
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
) -> None:
    """The speaker's change in the action's history and in the audit log."""
    event = ActionEvent(
        action_id=action.id, actor_id=turn.member.id, kind=kind, note=note, before=before, after=after, at=turn.now
    )
    turn.session.add(event)
    repo.audit_row(turn.session, actor=turn.member, row=action, action=f"action.{kind}", before=before, after=after)


async def _tell(turn: Turn, action: Action, *, owner: Member, kind: str) -> None:
    """Queue a 1:1 message to an owner (the reminders dispatcher delivers it)."""
    now = turn.now
    message = outbox.Planned(
        kind=kind,
        dedup_key=f"{kind}:{action.id}:{owner.id}:{now.isoformat()}",
        due_at=now,
        payload={"action_id": action.id, "number": action.number},
        member_id=owner.id,
    )
    await outbox.queue(
        turn.session, community_id=action.community_id, subject=f"notice:action:{action.id}", message=message, now=now
    )


async def command(turn: Turn, args: str) -> Reply:
    """`action add …`, `action <verb> N …`, `action link N objective`, or `action N` (its card and history);
    `action` or `action add` alone opens the form."""
    first, _, rest = args.strip().partition(" ")
    if not first or (fold(first) in ADD_WORDS and not rest.strip()):
        return await open_form(turn)
    if fold(first) in ADD_WORDS:
        return await add(turn, rest)
    if fold(first) in plan.LINK_WORDS:
        return await plan.link_action(turn, rest)
    verb = update_verb(first)
    if verb is not None:
        return await update(turn, verb=verb, args=rest)
    if parse_number(first):
        return await show(turn, number=first)
    raise UserError("action-usage")


async def list_command(turn: Turn, args: str) -> Reply:
    """`actions [all|overdue|@name|group Name]`, or `actions report [quarter|year]`."""
    first, _, rest = args.strip().partition(" ")
    if fold(first) in REPORT_WORDS:
        return await report.report(turn, rest)
    return await list_actions(turn, args)


async def open_form(turn: Turn) -> Reply:
    """The form for a new action point: owners from the roster, the open working groups."""
    members = await repo.active_members(turn.session, community_id=turn.community.id)
    groups = await repo.open_groups(turn.session, community_id=turn.community.id)
    return form(turn, members, groups)
