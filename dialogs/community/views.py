"""What the community feature's cards show: help, the language choice, the roster."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.common.replies import CardView


@dataclass(frozen=True)
class HelpCard(CardView):
    """The commands the reader's role may use (their `help-cmd-<name>` lines), and the language buttons."""

    commands: tuple[str, ...]
    role: str


@dataclass(frozen=True)
class LanguageChoice(CardView):
    """`lang` alone: the reply's message and a button per language."""


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
