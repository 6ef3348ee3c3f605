"""The annual plan: facilitators set each year's objectives and link action points to them; everyone reads each
objective's progress (done / open / overdue actions), which is also posted to the channel every quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.text import fold, parse_number, word_table
from dialogs.community.members import member_timezone, require_facilitator
from storage import repositories as repo
from storage.models import Action, ActionStatus, Community, Member, Notification, ObjectiveAction, PlanObjective

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


@dataclass(frozen=True)
class PlanAction:
    """One linked action as the plan shows it."""

    number: int
    text: str
    status: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class ObjectiveView:
    """One objective with the progress of its linked actions (cancelled ones left out)."""

    number: int
    text: str
    done: int
    open: int
    overdue: int
    actions: tuple[PlanAction, ...]

    @property
    def percent(self) -> int | None:
        """Done out of done + open, in whole percent; None before any action is linked."""
        total = self.done + self.open
        return round(100 * self.done / total) if total else None


async def command(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`plan [year]`, `plan add <objective> [| <year>]`, `plan edit <n> | <objective> [| <year>]`, `plan remove <n>`."""
    first, _, rest = args.strip().partition(" ")
    match plan_verb(first) if first else None:
        case "add":
            return await add(session, member=member, community=community, args=rest, now=now)
        case "edit":
            return await edit(session, member=member, community=community, args=rest, now=now)
        case "remove":
            return await remove(session, member=member, community=community, args=rest, now=now)
    return await show(session, member=member, community=community, args=args, now=now)


async def show(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`plan [year]`: the year's objectives (this year's by default) with their actions' progress."""
    today = now.astimezone(ZoneInfo(member_timezone(member, community))).date()
    year = today.year
    if args.strip():
        if parse_number(args.strip()) is None:
            raise UserError("plan-usage")
        year = _year(args, today=today, any_year=True)
    return await plan_reply(
        session, community=community, year=year, today=today, key="plan", facilitator=member.role.facilitates
    )


async def plan_reply(
    session: AsyncSession,
    *,
    community: Community,
    year: int,
    today: date,
    key: str,
    quarter: int = 0,
    facilitator: bool = False,
    **headline: object,
) -> Reply:
    """The plan card of `year`, actions counted as overdue against `today` (`headline`: what the line above the
    card says, for `key`)."""
    objectives = await _objectives(session, community_id=community.id, year=year)
    views = [await _objective_view(session, objective, today=today) for objective in objectives]
    years = sorted(
        set(await session.scalars(select(PlanObjective.year).where(PlanObjective.community_id == community.id)))
    )
    return Reply.of(
        key,
        card="plan",
        year=year,
        quarter=quarter,
        objectives=views,
        count=len(views),
        years=[other for other in years if other != year],
        facilitator=facilitator,
        **headline,
    )


async def add(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`plan add <objective> [| <year>]` (facilitators): the next objective number, this year unless told."""
    require_facilitator(member)
    text, year = _text_and_year(args, member=member, community=community, now=now)
    objective = PlanObjective(
        community_id=community.id,
        number=await repo.next_number(session, community_id=community.id, column=PlanObjective.number),
        year=year,
        text=text,
        created_by_id=member.id,
        created_at=now,
    )
    session.add(objective)
    await session.flush()
    repo.audit_row(session, actor=member, row=objective, action="plan.added", after={"text": text, "year": year})
    await plan_posts(session, community=community, year=year, now=now)
    return await _changed(
        session, member=member, community=community, key="plan-objective-added", objective=objective, now=now
    )


async def edit(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`plan edit <n> | <objective> [| <year>]` (facilitators)."""
    require_facilitator(member)
    number, _, rest = args.partition("|")
    objective = await find(session, community=community, number=number)
    text, year = _text_and_year(rest, member=member, community=community, now=now, default=objective.year)
    before = {"text": objective.text, "year": objective.year}
    objective.text, objective.year = text, year
    repo.audit_row(
        session, actor=member, row=objective, action="plan.edited", before=before, after={"text": text, "year": year}
    )
    for changed in {before["year"], year}:
        await plan_posts(session, community=community, year=int(changed), now=now)
    return await _changed(
        session, member=member, community=community, key="plan-objective-edited", objective=objective, now=now
    )


async def remove(session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime) -> Reply:
    """`plan remove <n>` (facilitators): the objective goes; its actions stay, unlinked."""
    require_facilitator(member)
    objective = await find(session, community=community, number=args)
    repo.audit_row(
        session,
        actor=member,
        row=objective,
        action="plan.removed",
        before={"text": objective.text, "year": objective.year},
    )
    await session.delete(objective)
    await session.flush()
    await plan_posts(session, community=community, year=objective.year, now=now)
    return await _changed(
        session, member=member, community=community, key="plan-objective-removed", objective=objective, now=now
    )


async def link_action(
    session: AsyncSession, *, member: Member, community: Community, args: str, now: datetime
) -> Reply:
    """`action plan <action#> <objective#>` (facilitators); `action plan <action#> none` unlinks it."""
    require_facilitator(member)
    words = args.split()
    if len(words) != 2:
        raise UserError("plan-link-usage")
    action = await _action(session, community=community, number=words[0])
    if fold(words[1]) in UNLINK_WORDS:
        await session.execute(delete(ObjectiveAction).where(ObjectiveAction.action_id == action.id))
        _audit_link(session, member, action, objective=None)
        return Reply.of("plan-action-unlinked", action=action.number)
    objective = await find(session, community=community, number=words[1])
    await link(session, member=member, action=action, objective=objective, now=now)
    return Reply.of("plan-action-linked", action=action.number, number=objective.number, text=objective.text)


async def objective_for_new_action(
    session: AsyncSession, *, member: Member, community: Community, number: str
) -> PlanObjective:
    """The objective named in `action add … | plan <n>` (facilitators link actions to the plan)."""
    require_facilitator(member)
    return await find(session, community=community, number=number)


async def link(
    session: AsyncSession, *, member: Member, action: Action, objective: PlanObjective, now: datetime
) -> None:
    """Make `action` serve `objective` (instead of any objective it served before)."""
    row = await session.get(ObjectiveAction, action.id, with_for_update=True)
    if row is None:
        session.add(ObjectiveAction(action_id=action.id, objective_id=objective.id, linked_at=now))
    else:
        row.objective_id, row.linked_at = objective.id, now
    await session.flush()
    _audit_link(session, member, action, objective=objective)


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


async def _changed(
    session: AsyncSession, *, member: Member, community: Community, key: str, objective: PlanObjective, now: datetime
) -> Reply:
    """After a change: the plan of the objective's year, with a line saying what changed."""
    today = now.astimezone(ZoneInfo(member_timezone(member, community))).date()
    return await plan_reply(
        session,
        community=community,
        year=objective.year,
        today=today,
        key=key,
        facilitator=True,
        number=objective.number,
        text=objective.text,
    )


# ---- the quarterly progress post ---------------------------------------------------------------------------


@outbox.composer("plan-progress")
async def compose_progress(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The plan's progress at the end of a quarter, for the channel; nothing once the year has no objectives."""
    community = await session.get(Community, row.community_id)
    year = row.payload.get("year")
    if community is None or not isinstance(year, int):
        return None
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    reply = await plan_reply(
        session, community=community, year=year, today=today, key="plan-progress", quarter=row.payload["quarter"]
    )
    return reply if reply.args["objectives"] else None


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


async def _objective_view(session: AsyncSession, objective: PlanObjective, *, today: date) -> ObjectiveView:
    rows = await session.scalars(
        select(Action)
        .join(ObjectiveAction, ObjectiveAction.action_id == Action.id)
        .where(ObjectiveAction.objective_id == objective.id, Action.status != ActionStatus.CANCELLED)
        .order_by(Action.due_on.is_(None), Action.due_on, Action.number)
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
    return ObjectiveView(
        number=objective.number,
        text=objective.text,
        done=sum(line.status == ActionStatus.DONE for line in lines),
        open=sum(line.status != ActionStatus.DONE for line in lines),
        overdue=sum(line.overdue for line in lines),
        actions=tuple(lines[:SHOWN_ACTIONS]),
    )


def _text_and_year(
    args: str, *, member: Member, community: Community, now: datetime, default: int | None = None
) -> tuple[str, int]:
    text, *rest = [field.strip() for field in args.split("|")]
    text = " ".join(text.split())
    if not text:
        raise UserError("plan-text-missing")
    if len(text) > MAX_TEXT:
        raise UserError("plan-text-too-long", length=len(text), limit=MAX_TEXT)
    if len(rest) > 1:
        raise UserError("plan-add-usage")
    today = now.astimezone(ZoneInfo(member_timezone(member, community))).date()
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


def _audit_link(session: AsyncSession, member: Member, action: Action, *, objective: PlanObjective | None) -> None:
    repo.audit_row(
        session,
        actor=member,
        row=action,
        action="action.plan",
        after={"objective": objective.number if objective else None},
    )
