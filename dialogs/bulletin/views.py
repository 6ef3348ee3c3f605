"""What the monthly bulletin's card shows: the month's meetings, decisions, action points per working group and new
FAQ entries, the coming meetings, and the facilitators' editorial note. Only what its readers may all see is listed;
the rest is counted (`withheld`). Times stay UTC; the renderer shows them in the reader's (or the channel's) zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dialogs.common.language import LANGUAGES
from dialogs.common.replies import CardView
from dialogs.meetings.schedule import MeetingView
from dialogs.questions.faq import Version


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting held in the month."""

    number: int
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class BulletinDecision:
    """A decision taken in the month."""

    number: int
    text: str


@dataclass(frozen=True)
class BulletinAction:
    """An action point done in the month, or overdue (`due_on`) when the bulletin is made."""

    number: int
    text: str
    owners: tuple[str, ...]
    due_on: date | None


@dataclass(frozen=True)
class GroupActions:
    """One working group's action points (`group` None: the community-wide ones): how many were done in the month
    and are overdue (all of them), and those of them the readers may see."""

    group: str | None
    done_count: int
    overdue_count: int
    done: tuple[BulletinAction, ...]
    overdue: tuple[BulletinAction, ...]


@dataclass(frozen=True)
class BulletinFaq:
    """An FAQ entry added in the month, in each language it is written in."""

    number: int
    versions: tuple[Version, ...]

    def question(self, lang: str) -> str:
        """The question in `lang`, else in the other language."""
        return next((v.question for v in self.versions if v.lang == lang), self.versions[0].question)


@dataclass(frozen=True)
class Bulletin(CardView):
    """One month's bulletin (`period`: the month's first day). `note`: the facilitators' editorial paragraph, in the
    language it was written in (`note_lang`), shown at the top of the versions in `note_in` (a channel post in two
    languages shows it once). `withheld`: items of a working group, or confidential, left out and counted."""

    period: date
    note: str
    note_lang: str | None
    meetings: tuple[HeldMeeting, ...]
    decisions: tuple[BulletinDecision, ...]
    groups: tuple[GroupActions, ...]
    faq: tuple[BulletinFaq, ...]
    upcoming: tuple[MeetingView, ...]
    withheld: int
    note_in: tuple[str, ...] = LANGUAGES

    @property
    def empty(self) -> bool:
        """Nothing to tell: no note, nothing happened, nothing coming (not even counted)."""
        listed = self.meetings or self.decisions or self.faq or self.upcoming
        counted = self.withheld or any(g.done_count or g.overdue_count for g in self.groups)
        return not (self.note or listed or counted)
