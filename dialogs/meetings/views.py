"""What the meetings feature's cards show: a meeting, the coming meetings, an agenda, minutes, and the two forms.

Times stay UTC; the bot shows them in the reader's zone. The reply's message (its key and arguments) is the card's
headline; everything else a card shows is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dialogs.common.replies import CardView, Reply

if TYPE_CHECKING:  # schedule and agenda build their replies with these views (no import cycle)
    from dialogs.meetings.agenda import ItemView
    from dialogs.meetings.minutes_view import MinutesView
    from dialogs.meetings.schedule import MeetingView


@dataclass(frozen=True)
class MeetingCard(CardView):
    """One occurrence of a meeting (scheduled, moved, shown): when, where, how to join, its calendar file (a moved
    meeting's former time is in its headline); `warning`: for the facilitator who planned it, the members for whom
    that day is a weekend or a public holiday."""

    meeting: MeetingView
    warning: Reply | None = None


@dataclass(frozen=True)
class MeetingList(CardView):
    """The coming occurrences open to the reader, soonest first, each with its agenda count and calendar file."""

    meetings: tuple[MeetingView, ...]


@dataclass(frozen=True)
class AgendaCard(CardView):
    """A meeting's agenda: accepted items first, then proposed and deferred ones, and whether items still go on
    it. `facilitator`: the reader manages it (the card reminds them how). Under the key `agenda` the card has no
    headline of its own (its title is the meeting's). `start`: how many items earlier pages showed (the "more"
    button's page starts after them); the card shows as many of the rest as Teams takes in one message.
    `withheld`: confidential items the reader may not see (the card counts them)."""

    meeting: MeetingView
    items: tuple[ItemView, ...]
    deadline_passed: bool
    facilitator: bool = False
    start: int = 0
    withheld: int = 0


@dataclass(frozen=True)
class AgendaItemCard(CardView):
    """One agenda item alone, its details whole (an agenda cuts long details), and the meeting it is on."""

    item: ItemView
    meeting_number: int
    meeting_title: str
    starts_at: datetime


@dataclass(frozen=True)
class MinutesDownload:
    """Whom the minutes' download links are made for (checked again when a file is downloaded)."""

    community_id: int
    member_id: int
    occurrence_id: int


@dataclass(frozen=True)
class MinutesCard(CardView):
    """Minutes, draft or published, as they would be shared (`withheld`: confidential points left out); with the
    Markdown and Word downloads when `download` says for whom. Under the key `minutes` no headline is shown, but
    for `edited`: the language whose summary was just changed."""

    minutes: MinutesView
    draft: bool
    withheld: int = 0
    download: MinutesDownload | None = None
    edited: str | None = None


@dataclass(frozen=True)
class GroupChoice:
    """An open working group a form offers."""

    id: int
    name: str


@dataclass(frozen=True)
class MeetingForm(CardView):
    """The form facilitators schedule a meeting with; times are read in `zone` (the community's)."""

    zone: str
    groups: tuple[GroupChoice, ...] = ()


@dataclass(frozen=True)
class AgendaForm(CardView):
    """The form members propose an agenda item with: the next meetings open to them, the open working groups."""

    meetings: tuple[MeetingView, ...]
    groups: tuple[GroupChoice, ...] = ()
