"""What the registration feature's cards show: who is coming to a meeting (facilitators only: it holds notes)."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.common.replies import CardView
from dialogs.meetings.schedule import MeetingView


@dataclass(frozen=True)
class Registrant:
    """One person coming: their name, the interpretation they need (ar, en or None) and their accessibility note."""

    name: str
    interpretation: str | None
    note: str


@dataclass(frozen=True)
class RegistrationList(CardView):
    """Who registered for one occurrence, with how many need interpretation into each language; the notes make
    it a card for facilitators, in their 1:1 chat."""

    meeting: MeetingView
    people: tuple[Registrant, ...]
    into_arabic: int
    into_english: int
