"""What the governance feature's cards show: working groups, the annual plan, endorsements and polls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from dialogs.common.replies import CardView

if TYPE_CHECKING:  # the actions feature imports the plan (no import cycle at run time)
    from dialogs.actions.views import ActionView
    from dialogs.meetings.schedule import MeetingView


# ---- working groups ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupView:
    """A working group as the lists and its card show it."""

    id: int
    name: str
    scope: str
    area: str | None
    sector: str | None
    lead: str | None
    member_count: int
    ends_on: date | None
    closed_on: date | None
    is_member: bool


@dataclass(frozen=True)
class GroupCard(CardView):
    """`group <name>`: the group, its people, its next meeting, its open actions (the first few of `open_actions`)
    and how many of its questions wait for an answer; Join or Leave for the reader."""

    group: GroupView
    members: tuple[str, ...]
    meeting: MeetingView | None
    actions: tuple[ActionView, ...]
    open_actions: int
    open_questions: int


@dataclass(frozen=True)
class GroupList(CardView):
    """`groups`: the groups, each with its scope and one line of facts (the reply's message is the title)."""

    groups: tuple[GroupView, ...]


# ---- the annual plan ---------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class PlanCard(CardView):
    """A year's plan: its objectives with their progress (`quarter` > 0: the quarterly progress post), the other
    years that have a plan, and the facilitators' hint when the reader is one."""

    year: int
    quarter: int
    objectives: tuple[ObjectiveView, ...]
    years: tuple[int, ...]
    facilitator: bool


# ---- endorsements and polls --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """One possible answer: its key ("endorse" or an option's number), its words, how many gave it, and who
    (never for anonymous proposals)."""

    choice: str
    label: str
    count: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Comment:
    """An answer's comment (the name left empty when the proposal is anonymous)."""

    name: str
    choice: str
    label: str
    text: str


@dataclass(frozen=True)
class ProposalView:
    """A proposal as one reader sees it (`reader` None: as posted to the channel)."""

    id: int
    number: int
    kind: str
    text: str
    anonymous: bool
    closes_at: datetime | None
    closed_at: datetime | None
    tallies: tuple[Tally, ...]
    answers: int
    outcome: str | None
    winners: tuple[str, ...]
    decision: int | None
    mine: str | None
    my_comment: str
    comments: tuple[Comment, ...]
    can_vote: bool
    can_close: bool
    refresh_for: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ProposalCard(CardView):
    """One endorsement or poll as its reader sees it, with the buttons to answer (and close); refreshed per
    reader, and shown in place of the pressed card when a button answers."""

    in_place: ClassVar[bool] = True

    proposal: ProposalView


@dataclass(frozen=True)
class ProposalList(CardView):
    """`votes`: endorsements and polls with their counts and the reader's answer (the reply's message is the
    title)."""

    proposals: tuple[ProposalView, ...]
