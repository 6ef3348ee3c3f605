"""What the community feature's cards show: help, the language choice, the roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dialogs.common.replies import CardView


@dataclass(frozen=True)
class HelpCard(CardView):
    """Help for the reader's role: the everyday commands (`topic` None) or one topic's (their `help-cmd-<name>`
    lines), the topics that have commands for them (a button each), and the language buttons. `gender`: the
    reader's form of address (`address me`)."""

    commands: tuple[str, ...]
    role: str
    topic: str | None = None
    topics: tuple[str, ...] = ()
    gender: str | None = None


@dataclass(frozen=True)
class LanguageChoice(CardView):
    """`lang` alone: the reply's message and a button per language."""


@dataclass(frozen=True)
class CommunityOption:
    """One of the communities a person is in, numbered as `community N` chooses it."""

    number: int
    community_id: int
    name: str
    current: bool


@dataclass(frozen=True)
class CommunityChoice(CardView):
    """`community` in a 1:1 chat for a person in several: a button per community, the current one marked."""

    options: tuple[CommunityOption, ...]


@dataclass(frozen=True)
class RosterLine:
    """One member on the roster page."""

    name: str
    role: str
    guest: bool


@dataclass(frozen=True)
class RosterPage(CardView):
    """One page of the active roster, facilitators first."""

    count: int
    page: int
    pages: int
    lines: tuple[RosterLine, ...]


@dataclass(frozen=True)
class ForgetConfirm(CardView):
    """`forget me`: what erasing `name`'s data removes and keeps, and the buttons to confirm or keep it."""

    member_id: int
    name: str


@dataclass(frozen=True)
class PrivacyNotice(CardView):
    """What is stored about the reader and who sees it: whether Teams gave their e-mail, their working groups, the
    community's admins (by name) and how many facilitators it has."""

    community: str
    has_email: bool
    groups: tuple[str, ...]
    admins: tuple[str, ...]
    facilitators: int
    retention: tuple[tuple[str, int], ...] = ()  # (kind of record, days it is kept; 0: for ever)


@dataclass(frozen=True)
class AuditChange:
    """One field an audited change touched: its value before and after ("" for none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditLine:
    """One audit entry: when, who (None: Tansiq itself), the action's code, what it touched, and the fields it
    changed."""

    at: datetime
    actor: str | None
    action: str
    object_type: str
    object_id: str | None
    object_name: str | None  # a member's name, when the entry is about a member
    changes: tuple[AuditChange, ...]


@dataclass(frozen=True)
class AuditPage(CardView):
    """A page of the audit, newest first, and the filters it was asked with (for the "older" button)."""

    lines: tuple[AuditLine, ...]
    count: int
    page: int
    pages: int
    member: str | None
    member_id: int | None
    since: datetime | None
    kind: str | None


@dataclass(frozen=True)
class SharingReview(CardView):
    """A community's sharing settings, for the facilitators to review: who holds which role, the guests, the working
    groups, how much is confidential, how long records are kept, and when the settings were last reviewed."""

    community: str
    admins: tuple[str, ...]
    facilitators: tuple[str, ...]
    guests: tuple[str, ...]
    members: int
    groups: tuple[tuple[str, int], ...]  # (name, members)
    confidential: int  # confidential agenda items and decisions on record
    retention: tuple[tuple[str, int], ...]
    review_months: int
    reviewed_at: datetime | None


@dataclass(frozen=True)
class MyDataSummary(CardView):
    """What is stored about a member, counted by section, and whose signed link downloads all of it as JSON."""

    community_id: int
    member_id: int
    name: str
    counts: tuple[tuple[str, int], ...]  # (section of the file, entries)
