"""`actions report [quarter|year]`: open, done and overdue actions, completion and lateness, by group.

Figures per organisation (from owners' e-mail domains), per working group and per quarter of creation.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.actions.views import ActionReportCard, ReportDownload
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import word_table
from dialogs.common.turn import Turn
from storage.models import Action, ActionStatus, Member

PERIOD_WORDS = {
    "quarter": ("quarter", "q", "ربع", "الربع", "فصل"),
    "year": ("year", "سنة", "السنة", "عام", "العام"),
    "all": ("all", "الكل", "كل"),
}
UNKNOWN = "—"
_period_named = word_table(PERIOD_WORDS)


@dataclass(frozen=True)
class ReportRow:
    """The figures of one organisation, group or quarter."""

    label: str
    open: int
    done: int
    overdue: int
    cancelled: int
    completion: float | None
    median_days_late: float | None


@dataclass(frozen=True)
class ActionReport:
    """The whole report for a period."""

    period: str
    start: date | None
    end: date | None
    total: ReportRow
    by_organisation: tuple[ReportRow, ...]
    by_group: tuple[ReportRow, ...]
    by_quarter: tuple[ReportRow, ...]


def period_bounds(period: str, *, today: date) -> tuple[date | None, date | None]:
    """First and last day of the current quarter or year (None, None for all time)."""
    if period == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = date(today.year, first_month, 1)
        end = date(today.year + (first_month == 10), (first_month + 3 - 1) % 12 + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    if period == "year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None


def quarter_of(day: date) -> str:
    """ "2026-Q4"."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def organisation_of(member: Member) -> str:
    """An owner's organisation: the domain of their e-mail address."""
    if member.email and "@" in member.email:
        return member.email.rsplit("@", 1)[1].casefold()
    return UNKNOWN


def summarise(label: str, actions: Iterable[Action], *, today: date, zone: ZoneInfo) -> ReportRow:
    """Counts, completion rate (done / (done + open)) and median days late of done actions with a due date."""
    actions = list(actions)
    open_ = [a for a in actions if not a.status.closed]
    done = [a for a in actions if a.status is ActionStatus.DONE]
    late = [max(0, (a.closed_at.astimezone(zone).date() - a.due_on).days) for a in done if a.due_on and a.closed_at]
    return ReportRow(
        label=label,
        open=len(open_),
        done=len(done),
        overdue=sum(1 for a in open_ if a.due_on and a.due_on < today),
        cancelled=sum(1 for a in actions if a.status is ActionStatus.CANCELLED),
        completion=len(done) / (len(done) + len(open_)) if done or open_ else None,
        median_days_late=statistics.median(late) if late else None,
    )


def build_report(actions: Sequence[Action], *, period: str, now: datetime, zone: str) -> ActionReport:
    """The report of the actions created in the period (the community's calendar)."""
    tz = ZoneInfo(zone)
    today = now.astimezone(tz).date()
    start, end = period_bounds(period, today=today)
    chosen = [a for a in actions if start is None or end is None or start <= a.created_at.astimezone(tz).date() <= end]
    by_org: dict[str, list[Action]] = defaultdict(list)
    by_group: dict[str, list[Action]] = defaultdict(list)
    by_quarter: dict[str, list[Action]] = defaultdict(list)
    for action in chosen:
        for org in sorted({organisation_of(owner.member) for owner in action.owners}):
            by_org[org].append(action)
        by_group[action.group.name if action.group else UNKNOWN].append(action)
        by_quarter[quarter_of(action.created_at.astimezone(tz).date())].append(action)

    def rows(groups: dict[str, list[Action]]) -> tuple[ReportRow, ...]:
        return tuple(summarise(label, items, today=today, zone=tz) for label, items in sorted(groups.items()))

    return ActionReport(
        period=period,
        start=start,
        end=end,
        total=summarise("total", chosen, today=today, zone=tz),
        by_organisation=rows(by_org),
        by_group=rows(by_group),
        by_quarter=rows(by_quarter),
    )


def csv_rows(report: ActionReport) -> list[list[str]]:
    """The report as CSV rows (header first): one line per organisation, group and quarter."""
    header = ["breakdown", "label", "open", "done", "overdue", "cancelled", "completion_rate", "median_days_late"]
    lines = [header]
    for kind, rows in (
        ("total", (report.total,)),
        ("organisation", report.by_organisation),
        ("group", report.by_group),
        ("quarter", report.by_quarter),
    ):
        for row in rows:
            lines.append(
                [
                    kind,
                    row.label,
                    str(row.open),
                    str(row.done),
                    str(row.overdue),
                    str(row.cancelled),
                    "" if row.completion is None else f"{row.completion:.3f}",
                    "" if row.median_days_late is None else f"{row.median_days_late:g}",
                ]
            )
    return lines


def period_from(text: str) -> str:
    """`quarter`, `year` or `all` from what the member wrote (English or Arabic); all by default."""
    if not text.strip():
        return "all"
    period = _period_named(text)
    if period is None:
        raise UserError("report-period-unknown", given=text.strip()[:40])
    return period


async def load_actions(session: AsyncSession, *, community_id: int) -> list[Action]:
    """Every action of a community, with owners and groups loaded."""
    return list(await session.scalars(select(Action).where(Action.community_id == community_id)))


async def report(turn: Turn, args: str) -> Reply:
    """The report card; facilitators also get the CSV link."""
    period = period_from(args)
    built = build_report(
        await load_actions(turn.session, community_id=turn.community.id),
        period=period,
        now=turn.now,
        zone=turn.community.timezone,
    )
    download = ReportDownload(turn.community.id, turn.member.id) if turn.member.role.facilitates else None
    return Reply.of(
        "actions-report",
        view=ActionReportCard(report=built, download=download),
        period=built.period,
        start=built.start or "-",
        end=built.end or "-",
    )
