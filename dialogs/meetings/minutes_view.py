"""The published minutes of one meeting, as the files made from them show it (no database types)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class MinutesItem:
    """One agenda item: "discussed", or "carried" (not discussed, moved to the next meeting)."""

    number: int
    title: str
    details: str
    outcome: str
    submitted_by: str
    presenter: str | None = None


@dataclass(frozen=True)
class MinutesDecision:
    """A decision, with the agenda item it was taken on when there is one."""

    number: int
    text: str
    item_number: int | None = None


@dataclass(frozen=True)
class MinutesAction:
    """An action point agreed in the meeting."""

    number: int
    text: str
    owners: tuple[str, ...]
    due_on: date | None = None


@dataclass(frozen=True)
class MinutesView:
    """Everything the minutes say; `kind` is plenary, follow-up, face-to-face, working-group or other; `expected`:
    how many people the meeting was for (the community's active members, or its working group's); `registered`: how
    many registered for it (None when it took no registrations), `registered_attended` how many of them came."""

    community: str
    meeting_number: int
    title: str
    kind: str
    starts_at: datetime
    zone: str
    place: str | None
    link: str | None
    attendees: tuple[str, ...]
    summary_ar: str
    summary_en: str
    items: tuple[MinutesItem, ...]
    decisions: tuple[MinutesDecision, ...]
    actions: tuple[MinutesAction, ...]
    published_at: datetime | None = None
    approved_by: tuple[str, ...] = ()
    expected: int = 0
    registered: int | None = None
    registered_attended: int = 0

    def summary_for(self, lang: str) -> tuple[str, str]:
        """The summary `lang` readers see and the language it is in: theirs, else the other language's when only
        that one was written ("" when neither was)."""
        other = "en" if lang == "ar" else "ar"
        summaries = {"ar": self.summary_ar, "en": self.summary_en}
        if summaries[lang].strip() or not summaries[other].strip():
            return summaries[lang], lang
        return summaries[other], other
