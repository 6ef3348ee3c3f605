"""Text helpers shared by the parser and language detection: Arabic normalisation, digits, script."""

from __future__ import annotations

import re
import unicodedata

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_ASCII_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + EASTERN_ARABIC_DIGITS, "0123456789" * 2)
_TO_ARABIC_DIGITS = str.maketrans("0123456789", ARABIC_INDIC_DIGITS)

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic digits turned into 0-9."""
    return text.translate(_TO_ASCII_DIGITS)


def arabic_digits(text: str) -> str:
    """0-9 turned into Arabic-Indic digits."""
    return text.translate(_TO_ARABIC_DIGITS)


def fold(text: str) -> str:
    """Normalise for matching: NFKC, lower case, no diacritics or tatweel, one alef/ya/ha form."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return ascii_digits(text.translate(_ARABIC_FOLD))


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
