"""The live facts, one module per area: each module lists its `LiveFact`s in `FACTS`.

A live fact is a question the database answers at the moment it is asked, for the member asking. Its phrasings
(Arabic — standard and dialects — and English) are indexed like FAQ entries, so a new phrasing needs no new code;
`answer` gets the turn and the question as the member wrote it, to read what it names (a group, a number, a date).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn


@dataclass(frozen=True)
class LiveFact:
    """One question the database answers: its name, the phrasings it is found by, and how it is answered."""

    name: str
    phrasings: tuple[str, ...]
    answer: Callable[[Turn, str], Awaitable[Reply]]
    frame: frozenset[str] = frozenset()
    """For a fact about a topic the question names ("what did we decide about the ToR?"): the normalised words its
    questions are framed with; the fact is also looked for by those words of a question alone, since no phrasing can
    know every topic."""
