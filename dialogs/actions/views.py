"""What the actions feature's cards show: one action, a page of actions, the new-action form, the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from dialogs.common.replies import CardView

if TYPE_CHECKING:  # the report module builds its replies with these views (no import cycle)
    from dialogs.actions.report import ActionReport


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


@dataclass(frozen=True)
class HistoryLine:
    """One event in an action's history."""

    kind: str
    who: str
    at: datetime
    note: str | None


@dataclass(frozen=True)
class ActionCard(CardView):
    """One action point as its reader sees it (its buttons if they may update it), with an optional note quoted
    under it and, on `action N`, its history; refreshed per reader."""

    in_place: ClassVar[bool] = True

    action: ActionView
    note: str | None = None
    history: tuple[HistoryLine, ...] = ()


@dataclass(frozen=True)
class ActionList(CardView):
    """One page of a list of open actions (the reply's message is the list's title and count); `listing`: which list
    (mine, all, overdue, member:<id>, group:<id>), for the next page's button."""

    page: int
    pages: int
    actions: tuple[ActionView, ...]
    listing: str = "mine"


@dataclass(frozen=True)
class Choice:
    """One choice in a form's list: the member's or group's id, and its name."""

    id: int
    name: str


@dataclass(frozen=True)
class ActionForm(CardView):
    """The form for a new action point: who may own it (the reader, `me`, chosen first) and the open groups. With
    `search`, too many people to list: `people` is who is chosen first, and the picker finds the others as the
    reader types (the `members` search)."""

    people: tuple[Choice, ...]
    groups: tuple[Choice, ...]
    me: int
    search: bool = False


@dataclass(frozen=True)
class ReportDownload:
    """Who the report's CSV link is made for (checked again when it is downloaded)."""

    community_id: int
    member_id: int


@dataclass(frozen=True)
class ActionReportCard(CardView):
    """The action report of a period; with the CSV download for facilitators."""

    report: ActionReport
    download: ReportDownload | None = None
