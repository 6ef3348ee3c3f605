"""The annual plan: facilitators set each year's objectives and link action points to them; everyone reads each
objective's progress (done / open / overdue actions), which is also posted to the channel every quarter.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.visibility import CHANNEL, Reader, may_see, of_action, reader_for
from dialogs.governance.views import ObjectiveView, PlanAction, PlanCard
from storage import repositories as repo
from storage.models import Action, ActionStatus, Community, Notification, ObjectiveAction, PlanObjective

MAX_TEXT = 1000
YEARS_BACK, YEARS_AHEAD = 1, 5  # a plan may be written for last year (late) up to five years ahead
SHOWN_ACTIONS = 10
POST_TIME = time(9, 0)
VERBS = {
    "add": ("add", "new", "أضف", "إضافة", "اضافة", "جديد", "هدف جديد"),
    "edit": ("edit", "change", "تعديل", "عدل", "عدّل"),
    "remove": ("remove", "delete", "حذف", "احذف", "إزالة", "ازالة"),
}
LINK_WORDS = {fold(word) for word in ("plan", "objective", "خطة", "الخطة", "هدف", "الهدف")}
UNLINK_WORDS = {fold(word) for word in ("none", "-", "—", "بلا", "لا شيء", "إلغاء", "الغاء")}
_OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)

plan_verb = word_table(VERBS)


async def command(turn: Turn, args: str) -> Reply:
    """`plan [year]`, `plan add <objective> [| <year>]`, `plan edit <n> | <objective> [| <year>]`, `plan remove <n>`."""
    first, _, rest = args.strip().partition(" ")
    match plan_verb(first) if first else None:
        case "add":
            return await add(turn, args=rest)
        case "edit":
            return await edit(turn, args=rest)
        case "remove":
            return await remove(turn, args=rest)
    return await show(turn, args=args)


async def show(turn: Turn, args: str) -> Reply:
    """`plan [year]`: the year's objectives (this year's by default) with their actions' progress."""
    today = turn.now.astimezone(ZoneInfo(turn.zone)).date()
    year = today.year
    if args.strip():
        if parse_number(args.strip()) is None:
            raise UserError("plan-usage")
        year = _year(args, today=today, any_year=True)
    reader = await reader_for(turn)
    card = await plan_card(turn.session, community=turn.community, year=year, today=today, reader=reader)
    return Reply.of("plan", view=card)


async def plan_card(
    session: AsyncSession, *, community: Community, year: int, today: date, reader: Reader, quarter: int = 0
) -> PlanCard:
    """The plan card of `year` for `reader`, actions counted as overdue against `today` (`quarter`: the progress
    post's). Every action counts; only those `reader` may see are listed."""
    objectives = await _objectives(session, community_id=community.id, year=year)
    views = tuple([await _objective_view(session, objective, today=today, reader=reader) for objective in objectives])
    years = sorted(
        set(await session.scalars(select(PlanObjective.year).where(PlanObjective.community_id == community.id)))
    )
    return PlanCard(
        year=year,
        quarter=quarter,
        objectives=views,
        years=tuple(other for other in years if other != year),
        facilitator=reader.facilitates,
    )


async def add(turn: Turn, args: str) -> Reply:
    """`plan add <objective> [| <year>]` (facilitators): the next objective number, this year unless told."""
    require_facilitator(turn.member)
    text, year = _text_and_year(turn, args)
    objective = PlanObjective(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=PlanObjective.number),
        year=year,
        text=text,
        created_by_id=turn.member.id,
        created_at=turn.now,
    )
    turn.session.add(objective)
    await turn.session.flush()
    repo.audit_row(
        turn.session, actor=turn.member, row=objective, action="plan.added", after={"text": text, "year": year}
    )
    await plan_posts(turn.session, community=turn.community, year=year, now=turn.now)
    return await _changed(turn, objective, "plan-objective-added", number=objective.number, year=year, text=text)


async def edit(turn: Turn, args: str) -> Reply:
    """`plan edit <n> | <objective> [| <year>]` (facilitators)."""
    require_facilitator(turn.member)
    number, _, rest = args.partition("|")
    objective = await find(turn.session, community=turn.community, number=number)
    text, year = _text_and_year(turn, rest, default=objective.year)
    before: dict[str, object] = {"text": objective.text, "year": objective.year}
    years = {objective.year, year}
    objective.text, objective.year = text, year
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=objective,
        action="plan.edited",
        before=before,
        after={"text": text, "year": year},
    )
    for changed in years:
        await plan_posts(turn.session, community=turn.community, year=changed, now=turn.now)
    return await _changed(turn, objective, "plan-objective-edited", number=objective.number, year=year, text=text)


async def remove(turn: Turn, args: str) -> Reply:
    """`plan remove <n>` (facilitators): the objective goes; its actions stay, unlinked."""
    require_facilitator(turn.member)
    objective = await find(turn.session, community=turn.community, number=args)
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=objective,
        action="plan.removed",
        before={"text": objective.text, "year": objective.year},
    )
    await turn.session.delete(objective)
    await turn.session.flush()
    await plan_posts(turn.session, community=turn.community, year=objective.year, now=turn.now)
    return await _changed(turn, objective, "plan-objective-removed", number=objective.number, text=objective.text)


async def link_action(turn: Turn, args: str) -> Reply:
    """`action plan <action#> <objective#>` (facilitators); `action plan <action#> none` unlinks it."""
    require_facilitator(turn.member)
    words = args.split()
    if len(words) != 2:
        raise UserError("plan-link-usage")
    action = await _action(turn.session, community=turn.community, number=words[0])
    if fold(words[1]) in UNLINK_WORDS:
        await turn.session.execute(delete(ObjectiveAction).where(ObjectiveAction.action_id == action.id))
        _audit_link(turn, action, objective=None)
        return Reply.of("plan-action-unlinked", action=action.number)
    objective = await find(turn.session, community=turn.community, number=words[1])
    await link(turn, action=action, objective=objective)
    return Reply.of("plan-action-linked", action=action.number, number=objective.number, text=objective.text)


async def objective_for_new_action(turn: Turn, *, number: str) -> PlanObjective:
    """The objective named in `action add … | plan <n>` (facilitators link actions to the plan; a member is told to
    leave the field out)."""
    if not turn.member.role.facilitates:
        raise UserError("plan-link-facilitators", number=number.strip()[:10])
    return await find(turn.session, community=turn.community, number=number)


async def link(turn: Turn, *, action: Action, objective: PlanObjective) -> None:
    """The speaker makes `action` serve `objective` (instead of any objective it served before)."""
    row = await turn.session.get(ObjectiveAction, action.id, with_for_update=True)
    if row is None:
        turn.session.add(ObjectiveAction(action_id=action.id, objective_id=objective.id, linked_at=turn.now))
    else:
        row.objective_id, row.linked_at = objective.id, turn.now
    await turn.session.flush()
    _audit_link(turn, action, objective=objective)


async def find(session: AsyncSession, *, community: Community, number: str) -> PlanObjective:
    """The community's objective by its number."""
    return await by_number(
        session,
        PlanObjective,
        community=community,
        number=number,
        kind="plan",
        unknown="plan-objective-unknown",
        lock=False,
    )


async def _changed(turn: Turn, objective: PlanObjective, key: str, **headline: str | int) -> Reply:
    """After a change: the plan of the objective's year, under the line (`key`, `headline`) saying what changed."""
    today = turn.now.astimezone(ZoneInfo(turn.zone)).date()
    reader = await reader_for(turn)
    card = await plan_card(turn.session, community=turn.community, year=objective.year, today=today, reader=reader)
    return Reply(key, headline, view=card)


# ---- the quarterly progress post ---------------------------------------------------------------------------


async def compose_progress(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The plan's progress at the end of a quarter, for the channel; nothing once the year has no objectives."""
    community = await session.get(Community, row.community_id)
    year = row.payload.get("year")
    if community is None or not isinstance(year, int):
        return None
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    quarter = row.payload["quarter"]
    card = await plan_card(session, community=community, year=year, today=today, reader=CHANNEL, quarter=quarter)
    return Reply.of("plan-progress", view=card) if card.objectives else None


async def plan_posts(session: AsyncSession, *, community: Community, year: int, now: datetime) -> None:
    """(Re)plan the progress posts of `year`'s plan: at the start of each following quarter (the last one on
    1 January, the year's review), 09:00 in the community's zone; none for a year without objectives."""
    planned: list[outbox.Planned] = []
    if await _objectives(session, community_id=community.id, year=year):
        zone = ZoneInfo(community.timezone)
        ends = [(1, date(year, 4, 1)), (2, date(year, 7, 1)), (3, date(year, 10, 1)), (4, date(year + 1, 1, 1))]
        for quarter, day in ends:
            due = datetime.combine(day, POST_TIME, tzinfo=zone)
            if due > now:
                planned.append(
                    outbox.Planned(
                        kind="plan-progress",
                        dedup_key=f"plan-progress:{community.id}:{year}:Q{quarter}",
                        due_at=due,
                        payload={"year": year, "quarter": quarter},
                        channel=True,
                    )
                )
    await outbox.replan(session, community_id=community.id, subject=f"plan:{year}", planned=planned, now=now)


# ---- helpers -----------------------------------------------------------------------------------------------


async def _objectives(session: AsyncSession, *, community_id: int, year: int) -> list[PlanObjective]:
    rows = await session.scalars(
        select(PlanObjective)
        .where(PlanObjective.community_id == community_id, PlanObjective.year == year)
        .order_by(PlanObjective.number)
    )
    return list(rows)


async def _objective_view(
    session: AsyncSession, objective: PlanObjective, *, today: date, reader: Reader
) -> ObjectiveView:
    """An objective's progress: every linked action counted, those `reader` may see listed."""
    rows = list(
        await session.scalars(
            select(Action)
            .join(ObjectiveAction, ObjectiveAction.action_id == Action.id)
            .where(ObjectiveAction.objective_id == objective.id, Action.status != ActionStatus.CANCELLED)
            .order_by(Action.due_on.is_(None), Action.due_on, Action.number)
        )
    )
    lines = [
        PlanAction(
            number=action.number,
            text=action.text,
            status=action.status.value,
            due_on=action.due_on,
            overdue=action.status in _OPEN and action.due_on is not None and action.due_on < today,
        )
        for action in rows
    ]
    listed = [line for line, action in zip(lines, rows, strict=True) if may_see(reader, of_action(action))]
    return ObjectiveView(
        number=objective.number,
        text=objective.text,
        done=sum(line.status == ActionStatus.DONE for line in lines),
        open=sum(line.status != ActionStatus.DONE for line in lines),
        overdue=sum(line.overdue for line in lines),
        actions=tuple(listed[:SHOWN_ACTIONS]),
    )


def _text_and_year(turn: Turn, args: str, *, default: int | None = None) -> tuple[str, int]:
    """An objective's text and its year (`default`, else this year in the speaker's zone, unless given)."""
    text, *rest = [field.strip() for field in args.split("|")]
    text = " ".join(text.split())
    if not text:
        raise UserError("plan-text-missing")
    if len(text) > MAX_TEXT:
        raise UserError("plan-text-too-long", length=len(text), limit=MAX_TEXT)
    if len(rest) > 1:
        raise UserError("plan-add-usage")
    today = turn.now.astimezone(ZoneInfo(turn.zone)).date()
    if rest and rest[0]:
        return text, _year(rest[0], today=today)
    return text, default or today.year


def _year(value: str, *, today: date, any_year: bool = False) -> int:
    """A plan year: last year up to five years ahead (reading: any year of this century)."""
    year = parse_number(value.strip())
    low, high = (2000, 2100) if any_year else (today.year - YEARS_BACK, today.year + YEARS_AHEAD)
    if year is None or not low <= year <= high:
        raise UserError("plan-year-invalid", given=value.strip()[:20])
    return year


async def _action(session: AsyncSession, *, community: Community, number: str) -> Action:
    return await by_number(session, Action, community=community, number=number, kind="action", lock=False)


def _audit_link(turn: Turn, action: Action, *, objective: PlanObjective | None) -> None:
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=action,
        action="action.plan",
        after={"objective": objective.number if objective else None},
    )
