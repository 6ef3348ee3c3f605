"""Titles written in both languages, as a bilingual community names its meetings ("Monthly follow-up · اجتماع
المتابعة الشهري"): within a sentence the reader sees their language's part; a card's heading shows each part on its
own line, so the two directions never share (and scramble) one line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.common.text import script_language

_SEPARATOR = re.compile(r"\s+[·•/|—–-]\s+")


class Title(str):
    """A title that may be written in both languages: a message shows only the reader's part (`bot.i18n`)."""


@dataclass(frozen=True)
class TitleParts:
    """A title as one reader sees it: the part in their language, and the part in the other (None when the title is
    written in one language)."""

    own: str
    other: str | None = None


def title_parts(title: str, lang: str) -> TitleParts:
    """`title` split for a reader of `lang`: two parts around one separator (` · `, ` / `, ` | `, ` — `, ` - `), one
    in Arabic and one in Latin letters; otherwise the whole title and no other part."""
    pieces = [piece.strip() for piece in _SEPARATOR.split(title.strip())]
    if len(pieces) != 2 or not all(pieces):
        return TitleParts(title)
    scripts = [script_language(piece) for piece in pieces]
    if set(scripts) != {"ar", "en"} or lang not in scripts:
        return TitleParts(title)
    own = scripts.index(lang)
    return TitleParts(pieces[own], pieces[1 - own])
