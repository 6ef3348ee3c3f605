"""Agenda items: members propose them for a meeting, facilitators accept, defer, remove and order them."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.commands import mentioned_in, plain_mentions, strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import (
    Reader,
    may_see,
    of_agenda_item,
    reader_for,
    reader_of,
    require_in_group,
    require_visible,
)
from dialogs.community.roster import active_member
from dialogs.meetings import occurrences, schedule
from dialogs.meetings.views import AgendaCard, AgendaForm, AgendaItemCard, GroupChoice
from storage import repositories as repo
from storage.models import AgendaItem, AgendaStatus, Community, Meeting, Member, WorkingGroup

MAX_TITLE = 300
MAX_DETAILS = 2000
DUPLICATE_RATIO = 0.85
VERBS = {
    "add": ("add", "new", "propose", "أضف", "إضافة", "اضافة", "جديد", "اقترح", "اقتراح"),
    "accept": ("accept", "approve", "قبول", "اقبل", "اعتماد", "اعتمد", "موافقة"),
    "defer": ("defer", "postpone", "later", "تأجيل", "أجل", "ارجاء", "إرجاء"),
    "remove": ("remove", "delete", "drop", "حذف", "احذف", "إزالة", "ازالة"),
    "order": ("order", "reorder", "sort", "ترتيب", "رتب"),
    "item": ("item", "بند", "البند"),
}
FLAG_WORDS = {
    "minutes": ("minutes", "minutes requested", "record", "محضر", "توثيق"),
    "confidential": ("confidential", "private", "سري", "سرية", "خاص"),
}
FIELD_WORDS = {
    "for": ("for", "for meeting", "meeting", "لاجتماع", "للاجتماع", "اجتماع"),
    "presenter": ("presenter", "presented by", "by", "يقدمه", "يقدمها", "المقدم", "مقدم"),
    "group": ("group", "مجموعة", "المجموعة"),
}
_STATUS_AFTER = {"accept": AgendaStatus.ACCEPTED, "defer": AgendaStatus.DEFERRED, "remove": AgendaStatus.REMOVED}

agenda_verb = word_table(VERBS)
_flag = word_table(FLAG_WORDS)
_field_named = leading_words(FIELD_WORDS)


@dataclass(frozen=True)
class ItemView:
    """An agenda item as the agenda card shows it."""

    number: int
    title: str
    details: str
    status: str
    submitted_by: str
    presenter: str | None
    group: str | None
    minutes_requested: bool
    confidential: bool


def item_view(item: AgendaItem) -> ItemView:
    """What readers see of one item."""
    return ItemView(
        number=item.number,
        title=item.title,
        details=item.details,
        status=item.status.value,
        submitted_by=item.submitted_by.name if item.submitted_by else "-",
        presenter=item.presenter.name if item.presenter else None,
        group=item.group.name if item.group else None,
        minutes_requested=item.minutes_requested,
        confidential=item.confidential,
    )


@dataclass
class ItemPlan:
    """What `agenda add` (typed or by form) asks for."""

    title: str
    details: str = ""
    meeting_number: str | None = None
    presenter: Member | None = None
    group: WorkingGroup | None = None
    minutes_requested: bool = False
    confidential: bool = False


async def add(turn: Turn, args: str) -> Reply:
    """`agenda add <title> [| details] [| for <meeting>] [| presenter @x] [| group X] [| minutes] [| confidential]`."""
    title, *fields = [field.strip() for field in args.split("|")]
    plan = ItemPlan(title=plain_mentions(title))
    for field in fields:
        if not field:
            continue
        flag, named = _flag(field), _field_named(field)
        people = mentioned_in(field, turn.mentions)
        if flag == "minutes":
            plan.minutes_requested = True
        elif flag == "confidential":
            plan.confidential = True
        elif named and named[0] == "for" and parse_number(named[1]):  # "| meeting notes from Aleppo" is details
            plan.meeting_number = named[1]
        elif named and named[0] == "presenter" and (people or not strip_mentions(named[1])):
            if not people:
                raise UserError("agenda-presenter-missing")
            plan.presenter = await active_member(turn.session, community_id=turn.community.id, person=people[0])
        elif named and named[0] == "group":
            plan.group = await schedule.group_named(turn.session, community=turn.community, name=named[1])
        elif not plan.details:
            plan.details = plain_mentions(field)
        else:
            raise UserError("agenda-add-usage")
    return await create(turn, plan=plan)


async def create(turn: Turn, *, plan: ItemPlan) -> Reply:
    """Check and store an item; after the meeting's deadline a member's item goes to the following occurrence."""
    title = " ".join(plan.title.split())
    if not strip_mentions(title):
        raise UserError("agenda-title-missing")
    if len(title) > MAX_TITLE:
        raise UserError("agenda-title-too-long", length=len(title), limit=MAX_TITLE)
    if len(plan.details) > MAX_DETAILS:
        raise UserError("agenda-details-too-long", limit=MAX_DETAILS)
    slot = await _target(turn, number=plan.meeting_number)
    late_for = None
    if turn.now > slot.deadline and not turn.member.role.facilitates:
        later = occurrences.following(slot)
        if later is None:
            raise UserError("agenda-deadline-passed", deadline=slot.deadline, meeting=slot.meeting.number)
        late_for, slot = slot, later
    if plan.group is not None:
        await require_in_group(turn, plan.group)
    row = await occurrences.occurrence_row(turn.session, slot)
    await _refuse_duplicate(turn, occurrence_id=row.id, title=title, meeting=slot.meeting)
    item = AgendaItem(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=AgendaItem.number),
        occurrence_id=row.id,
        title=title,
        details=plan.details.strip(),
        position=await schedule.last_position(turn.session, row.id) + 1,
        submitted_by_id=turn.member.id,
        presenter_id=plan.presenter.id if plan.presenter else None,
        group_id=plan.group.id if plan.group else None,
        minutes_requested=plan.minutes_requested,
        confidential=plan.confidential,
        created_at=turn.now,
        updated_at=turn.now,
    )
    turn.session.add(item)
    await turn.session.flush()
    repo.audit_row(
        turn.session, actor=turn.member, row=item, action="agenda.added", after={"title": title, "occurrence": row.id}
    )
    shown = schedule.view(slot)
    if late_for is not None:
        return Reply.of(
            "agenda-item-added-next",
            number=item.number,
            title=title,
            meeting=shown.title,
            when=slot.starts_at,
            deadline=late_for.deadline,
        )
    return Reply.of("agenda-item-added", number=item.number, title=title, meeting=shown.title, when=slot.starts_at)


def form(groups: Sequence[WorkingGroup], slots: Sequence[occurrences.Slot]) -> Reply:
    """The card form for a new agenda item (any member)."""
    shown = AgendaForm(
        meetings=tuple(schedule.view(slot) for slot in slots),
        groups=tuple(GroupChoice(id=g.id, name=g.name) for g in groups),
    )
    return Reply.of("agenda-form", view=shown)


async def add_from_form(turn: Turn, data: dict[str, object]) -> Reply:
    """The agenda form's answer: the same rules as `agenda add`."""
    plan = ItemPlan(
        title=str(data.get("title") or ""),
        details=str(data.get("details") or ""),
        meeting_number=str(data["meeting"]) if data.get("meeting") not in (None, "", "next") else None,
        minutes_requested=str(data.get("minutes")).lower() == "true",
        confidential=str(data.get("confidential")).lower() == "true",
    )
    if data.get("group") not in (None, ""):
        group_id = parse_number(data.get("group"))
        group = await turn.session.get(WorkingGroup, group_id) if group_id else None
        if group is None or group.community_id != turn.community.id or group.closed_at is not None:
            raise UserError("card-data-invalid")
        plan.group = group
    return await create(turn, plan=plan)


async def show(turn: Turn, args: str, *, after: int | None = None) -> Reply:
    """`agenda [N]`: the next meeting's (or meeting N's next) agenda, accepted items first, then proposed; `after`
    (the "more" button): from the item after that one on (the whole agenda when it is no longer on it)."""
    slot = await _target(turn, number=args.strip() or None)
    stored: list[AgendaItem] = []
    if slot.row is not None:
        stored = list(
            await turn.session.scalars(
                select(AgendaItem)
                .where(AgendaItem.occurrence_id == slot.row.id, AgendaItem.status != AgendaStatus.REMOVED)
                .order_by(AgendaItem.position, AgendaItem.number)
            )
        )
    items, withheld = visible_items(await reader_for(turn), stored, meeting=slot.meeting)
    rank = {AgendaStatus.ACCEPTED: 0, AgendaStatus.DISCUSSED: 0, AgendaStatus.PROPOSED: 1}
    items.sort(key=lambda item: rank.get(item.status, 2))
    numbers = [item.number for item in items]
    shown = AgendaCard(
        meeting=schedule.view(slot),
        items=tuple(item_view(item) for item in items),
        deadline_passed=turn.now > slot.deadline,
        facilitator=turn.member.role.facilitates,
        start=numbers.index(after) + 1 if after in numbers and after != numbers[-1] else 0,
        withheld=withheld,
    )
    return Reply.of("agenda", view=shown)


def visible_items(reader: Reader, items: Sequence[AgendaItem], *, meeting: Meeting) -> tuple[list[AgendaItem], int]:
    """The items of `meeting`'s agenda that `reader` may see, and how many confidential ones they may not (the
    agenda says so in a line; a working group's items are left out without a word)."""
    shown, withheld = [], 0
    for item in items:
        if may_see(reader, of_agenda_item(item, meeting=meeting)):
            shown.append(item)
        elif item.confidential:
            withheld += 1
    return shown, withheld


async def more(turn: Turn, data: dict[str, object]) -> Reply:
    """An agenda's "more" button (`{"verb": "agenda-more", "meeting": N, "after": item}`): its next items; without
    `after` (an item shown alone), meeting N's agenda from the start."""
    meeting, after = parse_number(data.get("meeting")), parse_number(data.get("after"))
    if meeting is None or (after is None and data.get("after") is not None):
        raise UserError("card-data-invalid")
    return await show(turn, str(meeting), after=after)


async def show_item(turn: Turn, args: str) -> Reply:
    """`agenda item N`: one item alone, its details whole (not a removed one)."""
    item = await by_number(turn.session, AgendaItem, community=turn.community, number=args, kind="agenda", lock=False)
    if item.status is AgendaStatus.REMOVED:
        raise UserError("agenda-unknown", number=item.number)
    meeting = await turn.session.get(Meeting, item.occurrence.meeting_id)
    if meeting is None:
        raise UserError("agenda-unknown", number=item.number)
    unknown = UserError("agenda-unknown", number=item.number)
    await require_visible(turn, of_agenda_item(item, meeting=meeting), unknown=unknown)
    shown = AgendaItemCard(
        item=item_view(item),
        meeting_number=meeting.number,
        meeting_title=Title(meeting.title),
        starts_at=item.occurrence.starts_at,
    )
    return Reply.of("agenda-item", view=shown, number=item.number)


async def item_button(turn: Turn, data: dict[str, object]) -> Reply:
    """Tapping a shortened item on an agenda (`{"verb": "agenda-item", "number": N}`): the item alone."""
    number = parse_number(data.get("number"))
    if number is None:
        raise UserError("card-data-invalid")
    return await show_item(turn, str(number))


async def decide(turn: Turn, *, verb: str, args: str) -> Reply:
    """`agenda accept|defer|remove N` (facilitators)."""
    require_facilitator(turn.member)
    item = await find(turn.session, community=turn.community, number=args.strip())
    if not item.status.open:
        raise UserError("agenda-item-closed", number=item.number, status=item.status.value)
    before = item.status.value
    item.status, item.updated_at = _STATUS_AFTER[verb], turn.now
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=item,
        action=f"agenda.{verb}",
        before={"status": before},
        after={"status": item.status.value},
    )
    return Reply.of(f"agenda-item-{item.status.value}", number=item.number, title=item.title)


async def order(turn: Turn, args: str) -> Reply:
    """`agenda order 3 1 2`: those items first, in that order (all of one meeting); the others after them."""
    require_facilitator(turn.member)
    numbers = [parse_number(word) for word in args.replace(",", " ").split()]
    if not numbers or None in numbers:
        raise UserError("agenda-order-usage")
    if len(set(numbers)) != len(numbers):
        raise UserError("agenda-order-repeated")
    chosen = [await find(turn.session, community=turn.community, number=str(number)) for number in numbers]
    occurrence_ids = {item.occurrence_id for item in chosen}
    if len(occurrence_ids) != 1:
        raise UserError("agenda-order-mixed")
    others = [
        item
        for item in await turn.session.scalars(
            select(AgendaItem)
            .where(AgendaItem.occurrence_id == chosen[0].occurrence_id)
            .order_by(AgendaItem.position, AgendaItem.number)
        )
        if item not in chosen
    ]
    for position, item in enumerate([*chosen, *others], start=1):
        item.position, item.updated_at = position, turn.now
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=chosen[0],
        action="agenda.ordered",
        after={"order": [item.number for item in chosen]},
    )
    return Reply.of("agenda-ordered", order=[item.number for item in chosen])


async def find(session: AsyncSession, *, community: Community, number: str) -> AgendaItem:
    """The community's agenda item by number (locked for the turn)."""
    return await by_number(session, AgendaItem, community=community, number=number, kind="agenda")


async def _target(turn: Turn, *, number: str | None) -> occurrences.Slot:
    """Meeting N's next occurrence, or the community's next meeting open to the member."""
    if number:
        meeting = await schedule.find_visible(turn, number)
        coming = occurrences.upcoming_slots(meeting, after=turn.now, count=1)
        if not coming:
            raise UserError("meeting-nothing-ahead", number=meeting.number)
        return coming[0]
    coming = await schedule.next_for(turn, count=1)
    if not coming:
        raise UserError("agenda-no-meeting")
    return coming[0]


async def _refuse_duplicate(turn: Turn, *, occurrence_id: int, title: str, meeting: Meeting) -> None:
    """A title that is (nearly) one already on this meeting's agenda is flagged, not added twice; an item the
    speaker may not see is not named."""
    wanted = " ".join(fold(title).split())
    items = await turn.session.scalars(
        select(AgendaItem).where(AgendaItem.occurrence_id == occurrence_id, AgendaItem.status != AgendaStatus.REMOVED)
    )
    for item in items:
        existing = " ".join(fold(item.title).split())
        if existing == wanted or difflib.SequenceMatcher(None, existing, wanted).ratio() >= DUPLICATE_RATIO:
            if not may_see(await reader_for(turn), of_agenda_item(item, meeting=meeting)):
                raise UserError("agenda-duplicate-unseen")
            raise UserError("agenda-duplicate", number=item.number, title=item.title)


async def command(turn: Turn, args: str) -> Reply:
    """`agenda [N]`, `agenda add …` (alone: the form), `agenda accept|defer|remove N`, `agenda order …`."""
    first, _, rest = args.strip().partition(" ")
    verb = agenda_verb(first) if first else None
    match verb:
        case None if not first or parse_number(first):
            return await show(turn, first)
        case "add" if not rest.strip():
            return await open_form(turn)
        case "add":
            return await add(turn, rest)
        case "accept" | "defer" | "remove":
            return await decide(turn, verb=verb, args=rest)
        case "order":
            return await order(turn, rest)
        case "item":
            return await show_item(turn, rest)
    raise UserError("agenda-usage")


async def open_form(turn: Turn, data: object = None) -> Reply:
    """The form for a new agenda item: the next five meetings, the open working groups."""
    reader = await reader_of(turn.session, turn.member)
    groups = [
        group
        for group in await repo.open_groups(turn.session, community_id=turn.community.id)
        if reader.facilitates or group.id in reader.group_ids
    ]
    slots = await schedule.next_for(turn, count=5)
    return form(groups, slots)
