"""What an announcement's card shows: who announced it, the working group it is for (if any), and the text as
written, in the language it was written in."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.common.language import LANGUAGES
from dialogs.common.replies import CardView


@dataclass(frozen=True)
class Announcement(CardView):
    """A facilitator's announcement. `text` is member text (shown as typed) written in `lang`; it is shown in the
    versions of `text_in` (a channel post in two languages shows it once, under its own language's headline).
    `group`: the working group's name when it is for that group only."""

    text: str
    lang: str
    by: str
    group: str | None = None
    text_in: tuple[str, ...] = LANGUAGES
