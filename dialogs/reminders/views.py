"""What the reminders feature's cards show: meeting reminders, the follow-up after a meeting, the weekly digest,
the community's reminder settings and the messages that could not be delivered.

Times stay UTC; the bot shows them in the reader's zone. The reply's message (its key and arguments) is the card's
headline; everything else a card shows is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from dialogs.common.replies import CardView

if TYPE_CHECKING:  # the meetings feature's views of a meeting, an agenda item and minutes
    from dialogs.meetings.agenda import ItemView
    from dialogs.meetings.minutes_view import MinutesView
    from dialogs.meetings.schedule import MeetingView

Stage = Literal["week", "day", "hour"]


RETRY = "reminders-retry"
"""The verb of the Retry buttons under `reminders failed`."""


@dataclass(frozen=True)
class MeetingReminder(CardView):
    """A reminder `lead` minutes before a meeting (the headline's `lead`, written out by the bot): a week ahead the
    call for agenda items (`items_open`: the deadline has not passed), a day ahead the agenda (`items`), an hour
    ahead how to join. `withheld`: confidential items the reader may not see (counted on the card)."""

    meeting: MeetingView
    stage: Stage
    lead: int
    items: tuple[ItemView, ...] = ()
    items_open: bool = False
    withheld: int = 0


@dataclass(frozen=True)
class FollowUp(CardView):
    """After a meeting closes: what it decided and the action points it recorded (confidential ones left out)."""

    minutes: MinutesView


@dataclass(frozen=True)
class DigestAction:
    """An open action point in the digest: due this week, or `overdue`."""

    number: int
    text: str
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class DigestOwner:
    """One owner's actions in the digest."""

    name: str
    actions: tuple[DigestAction, ...]


@dataclass(frozen=True)
class Digest(CardView):
    """The week's meetings (agenda deadlines still open after `now` shown) and due or overdue actions by owner."""

    meetings: tuple[MeetingView, ...]
    owners: tuple[DigestOwner, ...]
    now: datetime


@dataclass(frozen=True)
class DigestTime:
    """When the weekly digest is posted: a weekday code (MO … SU) and a local "HH:MM"."""

    day: str
    time: str


@dataclass(frozen=True)
class ReminderSettingsCard(CardView):
    """What the community is reminded of, and when (`meeting`: minutes before each meeting; `quiet`: from, until
    as "HH:MM"; `weekend`: weekday codes; `zone`: the community's, the digest's time is in it), and the languages of
    channel posts (`channel_languages`: auto, ar, en or both)."""

    meeting: tuple[int, ...]
    agenda: bool
    follow_up: bool
    minutes_nudge_days: int
    action_before_days: int
    action_after_days: int
    action_weekly: bool
    digest: DigestTime | None
    weekend: tuple[str, ...]
    quiet: tuple[str, str]
    zone: str
    channel_languages: str


@dataclass(frozen=True)
class FailedMessage:
    """A message that could not be delivered: its outbox id and kind, to whom ("" for the channel), when it was due,
    and why (a reason code, then details)."""

    id: int
    kind: str
    to: str
    due: datetime
    error: str


@dataclass(frozen=True)
class FailedMessages(CardView):
    """The undelivered messages, newest first (at most a screenful)."""

    messages: tuple[FailedMessage, ...]
