"""Arabic text basics for every floor: digits, and the folding that makes spellings match."""

from __future__ import annotations

import re
import unicodedata

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_ASCII_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + EASTERN_ARABIC_DIGITS, "0123456789" * 2)
_TO_ARABIC_DIGITS = str.maketrans("0123456789", ARABIC_INDIC_DIGITS)

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
INVISIBLE_MARKS = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Bidi and zero-width marks — ALM, ZWSP/ZWNJ/ZWJ, LRM/RLM, the embeddings and overrides, the isolates, BOM — that
Teams clients and right-to-left keyboards put into text: invisible, so never part of a command word; kept in what
is stored, where they order mixed Arabic and Latin text."""
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic digits turned into 0-9."""
    return text.translate(_TO_ASCII_DIGITS)


def arabic_digits(text: str) -> str:
    """0-9 turned into Arabic-Indic digits."""
    return text.translate(_TO_ARABIC_DIGITS)


def without_marks(text: str) -> str:
    """`text` without bidi and zero-width marks: for finding words, never for what is stored."""
    return INVISIBLE_MARKS.sub("", text)


def fold(text: str) -> str:
    """Normalise for matching: NFKC, lower case, no diacritics, tatweel or invisible marks, one alef/ya/ha form, ASCII
    digits."""
    text = unicodedata.normalize("NFKC", without_marks(text)).casefold()
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    return ascii_digits(text.translate(_ARABIC_FOLD))
