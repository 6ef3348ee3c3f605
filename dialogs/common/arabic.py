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
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic digits turned into 0-9."""
    return text.translate(_TO_ASCII_DIGITS)


def arabic_digits(text: str) -> str:
    """0-9 turned into Arabic-Indic digits."""
    return text.translate(_TO_ARABIC_DIGITS)


def fold(text: str) -> str:
    """Normalise for matching: NFKC, lower case, no diacritics or tatweel, one alef/ya/ha form, ASCII digits."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    return ascii_digits(text.translate(_ARABIC_FOLD))
