"""Text helpers shared by the parser and language detection: Arabic normalisation, digits, script; and member text
made literal for the formats that would read it as markup (Markdown, spreadsheets)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import SupportsIndex

from dialogs.common.arabic import arabic_digits, ascii_digits, fold, without_marks

__all__ = [
    "WORD_JOINER",
    "Markdown",
    "arabic_digits",
    "ascii_digits",
    "fold",
    "has_arabic",
    "leading_words",
    "markdown_literal",
    "parse_number",
    "script_language",
    "spreadsheet_text",
    "word_table",
]

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def has_arabic(text: str) -> bool:
    """True when the text has an Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


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
    elif isinstance(value, str) and re.fullmatch(r"#?[0-9]{1,10}", typed := ascii_digits(without_marks(value).strip())):
        number = int(typed.lstrip("#"))
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


# ---- member text as data -------------------------------------------------------------------------------------
#
# Teams shows a card's TextBlocks and facts, and a message's text, as Markdown (and a message's text with some HTML
# and `<at>` mentions). Member-written text must show as typed and never become a link, emphasis, a list, a heading,
# a tag or a mention. Backslash escapes are not an option: Teams' native clients (the Adaptive Cards shared parser)
# do not honour them everywhere, so the backslash would show. Instead each construct is broken in a way that leaves
# the text as it reads:
# - an invisible WORD JOINER (U+2060: zero width, default-ignorable, bidi class BN, so Arabic and the isolates around
#   it are untouched) after `]` before `(`/`[`/`:` (no inline, reference or defined link, no image), after `<` (no
#   HTML tag, autolink or `<at>` mention), after `&` of an entity, between `{{` (no card DATE()/TIME() function),
#   after a backslash before punctuation or at the end (it stays a backslash), around `_` except inside a word (in
#   CommonMark an underscore between two characters that are neither space nor punctuation can neither open nor
#   close emphasis), and at the start of a line that would open a block (heading, quote, list, table, code, rule);
# - look-alikes for the three delimiters no invisible character can disarm: `*` -> `∗` (U+2217), `~` -> `∼`
#   (U+223C), backtick -> `ˋ` (U+02CB).
# Arabic letters, Arabic-Indic digits and FSI/PDI isolates are never touched. The result is idempotent.

WORD_JOINER = "\u2060"
_WJ = WORD_JOINER
_LOOKALIKES = str.maketrans({"*": "\u2217", "~": "\u223c", "`": "\u02cb"})
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~\r\n]|\Z)")
_LINK_TAIL = re.compile(r"\](?=[(\[:]|\Z)")
_TAG_START = re.compile(r"<(?=[^\s\u2060])")
_ENTITY_START = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
_TEMPLATE_START = re.compile(r"\{(?=\{)")
_UNDERSCORE = re.compile("_")
_BLOCK_START = re.compile(
    r"(?<![^\r\n])"  # the start of a line ...
    r"(?=[ \t]{4}|\t"  # ... that would be indented code,
    r"|[ \t]*(?:[-+=:>|]"  # a list, underline, rule, quote or table row,
    r"|#+(?:[ \t\r\n]|\Z)"  # a heading ("#1 · title" is none),
    r"|[0-9]{1,9}[.)](?:[ \t\r\n]|\Z)))"  # or a numbered list
)


class Markdown(str):
    """Text to show as Markdown as it is: the bot's own words and markup, any member-written part of it already made
    literal by `markdown_literal`. Wherever text is shown (a card's TextBlocks and facts, a Fluent message's arguments)
    a plain `str` is taken for member text and made literal; only a Markdown passes unchanged, so forgetting to
    escape cannot happen, only forgetting to trust (which shows the bot's own markup as typed).

    Adding, joining and `format` keep the type, making plain parts literal: `Markdown(" · ").join([title, link])`,
    `Markdown("#{} · {}").format(number, title)`. Splitting and stripping keep it. An f-string or a slice gives a
    plain str."""

    __slots__ = ()

    def __add__(self, other: str, /) -> Markdown:
        return Markdown(str.__add__(self, markdown_literal(other)))

    def __radd__(self, other: str, /) -> Markdown:
        return Markdown(str.__add__(markdown_literal(other), self))

    def join(self, parts: Iterable[str], /) -> Markdown:
        return Markdown(str.join(self, [markdown_literal(part) for part in parts]))

    def format(self, *args: object, **kwargs: object) -> Markdown:
        return Markdown(
            str.format(self, *map(_literal_if_text, args), **{k: _literal_if_text(v) for k, v in kwargs.items()})
        )

    def split(self, sep: str | None = None, maxsplit: SupportsIndex = -1) -> list[str]:
        return [Markdown(part) for part in str.split(self, sep, maxsplit)]

    def splitlines(self, keepends: bool = False) -> list[str]:
        return [Markdown(part) for part in str.splitlines(self, keepends)]

    def strip(self, chars: str | None = None, /) -> Markdown:
        return Markdown(str.strip(self, chars))

    def lstrip(self, chars: str | None = None, /) -> Markdown:
        return Markdown(str.lstrip(self, chars))

    def rstrip(self, chars: str | None = None, /) -> Markdown:
        return Markdown(str.rstrip(self, chars))


def markdown_literal(text: str) -> Markdown:
    """Member-written text that Teams' Markdown shows exactly as typed (see above); a Markdown is returned as it is."""
    if isinstance(text, Markdown):
        return text
    text = _BACKSLASH.sub("\\\\" + _WJ, str(text).translate(_LOOKALIKES))
    text = _UNDERSCORE.sub(_underscore, text)
    text = _LINK_TAIL.sub("]" + _WJ, text)
    text = _TAG_START.sub("<" + _WJ, text)
    text = _ENTITY_START.sub("&" + _WJ, text)
    text = _TEMPLATE_START.sub("{" + _WJ, text)
    return Markdown(_BLOCK_START.sub(_WJ, text))


def _underscore(match: re.Match[str]) -> str:
    """`_` inside a word stays (never emphasis); anywhere else it gets a word joiner on each side."""
    text, at = match.string, match.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if before.isalnum() and after.isalnum():
        return "_"
    return ("" if before == _WJ else _WJ) + "_" + ("" if after in (_WJ, "_") else _WJ)


def _literal_if_text(value: object) -> object:
    return markdown_literal(value) if isinstance(value, str) else value


SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_text(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula (= + - @, a tab or a line break)
    gets a leading apostrophe, unless it is a plain number (-3, 0.5)."""
    if cell[:1] in SPREADSHEET_FORMULA_STARTS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
