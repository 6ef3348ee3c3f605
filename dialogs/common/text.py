"""Text helpers shared by the parser and language detection: Arabic normalisation, digits, script."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from dialogs.common.arabic import arabic_digits, ascii_digits, fold

__all__ = [
    "arabic_digits",
    "ascii_digits",
    "fold",
    "leading_words",
    "parse_number",
    "script_language",
    "word_table",
]

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def script_language(text: str) -> str | None:
    """'ar' or 'en' by which letters dominate the text; None when it has no letters."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == latin == 0:
        return None
    return "ar" if arabic >= latin else "en"


MAX_NUMBER = 2**31 - 1  # the largest id a database integer column holds


def parse_number(value: object) -> int | None:
    """A positive whole number from what a member typed ("٣", "#3") or a card sent (3, "3"); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"#?[0-9]{1,10}", ascii_digits(value.strip())):
        number = int(ascii_digits(value.strip()).lstrip("#"))
    else:
        return None
    return number if 1 <= number <= MAX_NUMBER else None


def word_table[K](table: Mapping[K, Iterable[str]]) -> Callable[[str], K | None]:
    """A lookup from any of a key's words (English or Arabic, any spelling `fold` unites) to the key."""
    index = {fold(word): key for key, words in table.items() for word in words}
    return lambda text: index.get(fold(text.strip()))


def leading_words[K](table: Mapping[K, Iterable[str]]) -> Callable[[str], tuple[K, str] | None]:
    """A lookup of the longest key word a text starts with, and the rest: 'group WASH' -> ('group', 'WASH')."""
    starts = sorted(((fold(word), key) for key, words in table.items() for word in words), key=lambda s: -len(s[0]))

    def lookup(text: str) -> tuple[K, str] | None:
        folded = fold(text.strip())
        for start, key in starts:
            if folded == start or folded.startswith(start + " "):
                return key, " ".join(text.split()[len(start.split()) :])
        return None

    return lookup
