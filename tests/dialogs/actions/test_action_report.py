"""The action report against figures worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dialogs.actions.report import build_report, csv_rows, load_actions, period_from
from dialogs.common.errors import UserError
from storage.models import Action, ActionOwner, ActionStatus, Member, WorkingGroup
from tests.chat import new_community

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Beirut (UTC+2): 24 Nov 2026, Q4
DONE, OPEN, WIP, CANCELLED = ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.CANCELLED

# number: (created, due, status, closed, owners, in group) — A@ifrc.org, B@wfp.org, C without e-mail
FIXTURE = {
    1: (date(2026, 10, 5), date(2026, 10, 20), DONE, date(2026, 10, 25), "A", True),  # 5 days late
    2: (date(2026, 10, 10), date(2026, 11, 1), DONE, date(2026, 10, 30), "B", False),  # on time: 0
    3: (date(2026, 11, 2), date(2026, 11, 10), OPEN, None, "AB", True),  # overdue
    4: (date(2026, 11, 3), date(2026, 12, 10), WIP, None, "C", False),  # open, not yet due
    5: (date(2026, 7, 15), date(2026, 8, 1), DONE, date(2026, 8, 11), "A", False),  # 10 days late
    6: (date(2026, 8, 20), None, CANCELLED, date(2026, 9, 1), "B", True),
    7: (date(2025, 12, 20), date(2026, 1, 10), DONE, date(2026, 1, 12), "B", False),  # 2 days late
}


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@pytest.fixture
async def actions(sessions) -> list[Action]:
    async with sessions.begin() as session:
        community = await new_community(session, now=NOW, zone="Asia/Beirut")
        people = {
            "A": Member(community_id=community.id, teams_user_id="29:a", name="A", email="a@IFRC.org"),
            "B": Member(community_id=community.id, teams_user_id="29:b", name="B", email="b@wfp.org"),
            "C": Member(community_id=community.id, teams_user_id="29:c", name="C"),
        }
        group = WorkingGroup(community_id=community.id, name="Early warning")
        session.add_all([*people.values(), group])
        await session.flush()
        for number, (created, due, status, closed, owners, in_group) in FIXTURE.items():
            session.add(
                Action(
                    community_id=community.id,
                    number=number,
                    text=f"action {number}",
                    status=status,
                    due_on=due,
                    created_at=noon(created),
                    updated_at=noon(created),
                    closed_at=closed and noon(closed),
                    group_id=group.id if in_group else None,
                    owners=[ActionOwner(member_id=people[o].id) for o in owners],
                )
            )
    async with sessions() as session:
        return await load_actions(session, community_id=community.id)


def figures(row) -> tuple:
    completion = None if row.completion is None else round(row.completion, 3)
    return (row.label, row.open, row.done, row.overdue, row.cancelled, completion, row.median_days_late)


async def test_all_time_report_by_organisation_group_and_quarter(actions) -> None:
    report = build_report(actions, period="all", now=NOW, zone="Asia/Beirut")
    # open {3,4}; done {1,2,5,7}; overdue {3}; cancelled {6}; 4/6 done; late [5,0,10,2] -> median 3.5
    assert figures(report.total) == ("total", 2, 4, 1, 1, 0.667, 3.5)
    assert [figures(r) for r in report.by_organisation] == [
        ("ifrc.org", 1, 2, 1, 0, 0.667, 7.5),  # actions 1,3,5: late [5,10]
        ("wfp.org", 1, 2, 1, 1, 0.667, 1),  # actions 2,3,6,7: late [0,2]
        ("—", 1, 0, 0, 0, 0.0, None),  # action 4 (owner without e-mail)
    ]
    assert [figures(r) for r in report.by_group] == [
        ("Early warning", 1, 1, 1, 1, 0.5, 5),  # actions 1,3,6
        ("—", 1, 3, 0, 0, 0.75, 2),  # actions 2,4,5,7: late [0,10,2]
    ]
    assert [figures(r) for r in report.by_quarter] == [
        ("2025-Q4", 0, 1, 0, 0, 1.0, 2),
        ("2026-Q3", 0, 1, 0, 1, 1.0, 10),
        ("2026-Q4", 2, 2, 1, 0, 0.5, 2.5),  # actions 1-4: late [5,0]
    ]


async def test_quarter_and_year_reports(actions) -> None:
    quarter = build_report(actions, period="quarter", now=NOW, zone="Asia/Beirut")
    assert (quarter.start, quarter.end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert figures(quarter.total) == ("total", 2, 2, 1, 0, 0.5, 2.5)
    year = build_report(actions, period="year", now=NOW, zone="Asia/Beirut")
    assert figures(year.total) == ("total", 2, 3, 1, 1, 0.6, 5)  # actions 1-6: late [5,0,10]


async def test_csv_has_one_line_per_breakdown_row(actions) -> None:
    rows = csv_rows(build_report(actions, period="all", now=NOW, zone="Asia/Beirut"))
    assert rows[0] == [
        "breakdown",
        "label",
        "open",
        "done",
        "overdue",
        "cancelled",
        "completion_rate",
        "median_days_late",
    ]
    assert rows[1] == ["total", "total", "2", "4", "1", "1", "0.667", "3.5"]
    assert ["organisation", "—", "1", "0", "0", "0", "0.000", ""] in rows
    assert len(rows) == 1 + 1 + 3 + 2 + 3


@pytest.mark.parametrize(
    "text, period", [("", "all"), ("quarter", "quarter"), ("ربع", "quarter"), ("السنة", "year"), ("year", "year")]
)
def test_period_words(text: str, period: str) -> None:
    assert period_from(text) == period


def test_unknown_period_is_a_clear_mistake() -> None:
    with pytest.raises(UserError) as raised:
        period_from("decade")
    assert raised.value.message_key == "report-period-unknown"
