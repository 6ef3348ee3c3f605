"""What the questions feature's cards show: answers, close entries, FAQ entries, lists, forms and import reports,
and question tickets.

Every one of them is answered in place of the pressed card when it comes back from an `Action.Execute` button.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from dialogs.common.replies import CardView

MAX_BUTTON_QUESTION = 1000  # the question travels in the button's data


def button_text(question: str) -> str:
    """The question as a card's buttons carry it (cut to what their data may hold)."""
    return question[:MAX_BUTTON_QUESTION]


if TYPE_CHECKING:
    from dialogs.questions.faq import AnswerView, EntryLine
    from dialogs.questions.faq_files import Problem
    from dialogs.questions.tickets import TicketView

AnswerState = Literal["offered", "thanked", "looked-up"]
"""How an answer is shown: `offered` to a question ("This answered me" and "Ask a facilitator" under it), `thanked`
(the reply's thanks under it, no buttons), `looked-up` (`faq N`: the reply's message above it, no buttons)."""


@dataclass(frozen=True)
class AnswerCard(CardView):
    """An answer (FAQ entry, decision or minutes) with its source; `question`, what the member asked, travels in
    the "Ask a facilitator" button."""

    in_place: ClassVar[bool] = True

    answer: AnswerView
    state: AnswerState = "offered"
    question: str = ""


@dataclass(frozen=True)
class Suggestions(CardView):
    """Not sure: the close entries (each opens as an answer) and the offer to ask a facilitator; `question`,
    what the member asked, travels in their buttons."""

    in_place: ClassVar[bool] = True

    close: tuple[AnswerView, ...]
    question: str


@dataclass(frozen=True)
class FaqEntryCard(CardView):
    """An entry just added or edited: every version, its fields."""

    in_place: ClassVar[bool] = True

    entry: AnswerView


@dataclass(frozen=True)
class FaqList(CardView):
    """One page of `faq list`, optionally of the entries with `tag`; `count` entries in all."""

    in_place: ClassVar[bool] = True

    lines: tuple[EntryLine, ...]
    count: int
    tag: str
    page: int
    pages: int
    facilitator: bool


@dataclass(frozen=True)
class FaqForm(CardView):
    """The form to add an entry, or to edit entry `number` (0: a new one) filled in with its `values`; `groups`
    are the open working groups (id, name) to choose from."""

    in_place: ClassVar[bool] = True

    number: int
    values: Mapping[str, str]
    groups: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class ImportReport(CardView):
    """An FAQ file's import: the reply's counts, how many lines failed and the first of them with their problem."""

    in_place: ClassVar[bool] = True

    failed: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class TicketCard(CardView):
    """The card a question is worked from by those who answer it (their buttons), refreshed for each of them."""

    in_place: ClassVar[bool] = True

    ticket: TicketView


@dataclass(frozen=True)
class AskerTicketCard(CardView):
    """What the asker sees of their question: its status, the answer, and whether it helped."""

    in_place: ClassVar[bool] = True

    ticket: TicketView


@dataclass(frozen=True)
class TicketList(CardView):
    """`tickets`: the questions of one filter (the reply says which, and how many)."""

    in_place: ClassVar[bool] = True

    tickets: tuple[TicketView, ...]


@dataclass(frozen=True)
class TicketReceipt(CardView):
    """The asker's receipt: the reply says which number the question has and who it went to."""

    in_place: ClassVar[bool] = True

    question: str
