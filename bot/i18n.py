"""Fluent catalogs in Arabic and English; numbers and dates formatted per language (Babel).

A message is Markdown (`text`): the catalog's own words and markup, every string argument made literal
(`dialogs.common.text.markdown_literal`) unless it is already `Markdown`. Files that are not Markdown (Word, calendar,
CSV) take `plain_text`, whose arguments stay as given."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_datetime_format, get_timezone_location
from babel.numbers import format_decimal, format_percent
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.resolver import CurrentEnvironment, ResolverEnvironment
from fluent.runtime.types import FluentInt, FluentNone, FluentType
from fluent.syntax import ast
from fluent.syntax.visitor import Transformer

from dialogs.common.language import LANGUAGES
from dialogs.common.text import Markdown, arabic_digits, has_arabic, markdown_literal
from dialogs.common.two_languages import Title, title_parts

LOCALES = Path(__file__).parent / "locales"
_ISOLATION_MARKS = re.compile("[\u2066\u2068\u2069]")
LRI, PDI = "\u2066", "\u2069"
_LATIN_WORD = r"-{0,2}[.#@]?[A-Za-z0-9](?:[A-Za-z0-9_./:@+|-]*[A-Za-z0-9…])?"
_LATIN_RUN = re.compile(rf"(?<![\w.#@/-])(?=[-.#@]*[A-Za-z]){_LATIN_WORD}(?: {_LATIN_WORD})*")
"""Latin words inside Arabic text (`.csv`, `JSON`, `لغة ar|en`, `python -m bot faq export faq.csv`, `https://…`): a file
name, an extension, a command. A leading dot, hash or at sign, inner punctuation and a final ellipsis belong to the
word; a final full stop or colon does not."""
_ZONE_NAMES: ContextVar[Catalogs | None] = ContextVar("zone_names", default=None)


class LocalizedInt(FluentInt):
    """An integer that selects plural forms by value and prints in the language's own digits."""

    language = "en"

    def format(self, locale: Any) -> str:
        return format_number(int(self), lang=self.language)


def format_number(value: float, *, lang: str, style: str = "decimal") -> str:
    """A number as `lang` writes it: "decimal" (1,234.5 / ١٬٢٣٤٫٥), "percent" (67% / ٦٧٪) or "plain"
    (digits only, for years and numbers that are names: 2026 / ٢٠٢٦)."""
    if style == "plain":
        text = str(value)
    else:
        formatter = format_percent if style == "percent" else format_decimal
        text = formatter(value, locale=lang, numbering_system="arab" if lang == "ar" else "latn")
    return arabic_digits(text) if lang == "ar" else text


class _Bundle(FluentBundle):
    """FluentBundle that keeps our own argument types instead of converting them."""

    def format_pattern(self, pattern: Any, args: Mapping[str, Any] | None = None) -> tuple[str, list[Exception]]:
        errors: list[Exception] = []
        env = ResolverEnvironment(context=self, current=CurrentEnvironment(args=dict(args or {})), errors=errors)
        try:
            return pattern(env), errors
        except ValueError as exc:
            errors.append(exc)
            return "{???}", errors


@cache
def _bundle(lang: str, files: tuple[tuple[Path, int], ...]) -> _Bundle:
    """One language's messages from its catalog files (`files`: each path with its modification time), built once per
    process and again if a file changes: parsing them took longer than most turns, and a process makes catalogs more
    than once (the app, the sender, the command line). A bundle only reads its messages once built."""
    bundle = _Bundle([lang], use_isolating=True)
    for path, _modified in files:
        resource = FluentResource(path.read_text(encoding="utf-8"))
        bundle.add_resource(_LatinIsolated().visit(resource) if lang == "ar" else resource)
    return bundle


class MissingMessage(LookupError):
    """A key that one of the catalogs does not have."""


class Catalogs:
    """All user-facing text. `text(lang, key, **args)` renders one message."""

    def __init__(self, folder: Path = LOCALES) -> None:
        self.bundles = {
            lang: _bundle(
                lang, tuple((path, path.stat().st_mtime_ns) for path in sorted((folder / lang).glob("*.ftl")))
            )
            for lang in LANGUAGES
        }

    def has(self, lang: str, key: str) -> bool:
        return self.bundles[lang].has_message(key)

    def text(self, lang: str, key: str, /, *, display_zone: str = "UTC", **args: Any) -> Markdown:
        """The message `key` in `lang`, with numbers and dates in that language and `display_zone`, as Markdown: string
        arguments are member text, shown as typed (`markdown_literal`), unless they are `Markdown` already."""
        return Markdown(self._render(lang, key, display_zone, args, literal=True))

    def plain_text(self, lang: str, key: str, /, *, display_zone: str = "UTC", **args: Any) -> str:
        """The message `key` with its arguments as given, for output that is not Markdown (a Word document, a
        calendar file, a CSV cell)."""
        return self._render(lang, key, display_zone, args, literal=False)

    def bilingual(self, key: str, /, **args: Any) -> str:
        """The message in Arabic, then in English (for people whose language is unknown), as plain text."""
        return "\n\n".join(plain(self.text(lang, key, **args)) for lang in ("ar", "en"))

    def _render(self, lang: str, key: str, zone: str, args: Mapping[str, Any], *, literal: bool) -> str:
        bundle = self.bundles[lang]
        if not bundle.has_message(key):
            raise MissingMessage(f"{lang}:{key}")
        message = bundle.get_message(key)
        values = {name: self._value(lang, value, zone, literal=literal) for name, value in args.items()}
        rendered, errors = bundle.format_pattern(message.value, values)
        if errors:
            raise MissingMessage(f"{lang}:{key}: {errors}")
        return str(rendered)

    @staticmethod
    def _value(lang: str, value: Any, zone: str, *, literal: bool) -> Any:
        if isinstance(value, bool) or value is None:
            return FluentNone(str(value))
        if isinstance(value, int):
            number = LocalizedInt(value)
            number.language = lang
            return number
        if isinstance(value, datetime):
            return format_when(value, lang=lang, zone=zone)
        if isinstance(value, date):
            return format_day(value, lang=lang)
        if isinstance(value, time):  # a time of day (working hours): 24-hour, the reader's digits
            clock = value.strftime("%H:%M")
            return arabic_digits(clock) if lang == "ar" else clock
        if isinstance(value, list | tuple):
            separator = "، " if lang == "ar" else ", "
            items = [_list_item(item, lang) for item in value]
            return Markdown(separator).join(items) if literal else separator.join(items)
        if isinstance(value, Markdown):
            return str(value)
        if isinstance(value, Title):
            return _MemberText(title_parts(value, lang).own, literal=literal)
        return _MemberText(str(value), literal=literal)


class _LatinIsolated(Transformer):
    """An Arabic catalog whose own Latin runs are isolated left to right (LRI … PDI): in a right-to-left line ".csv"
    would read "csv." and "@Omar" "Omar@". (Arguments are isolated by Fluent itself, each in its own direction.)"""

    def visit_TextElement(self, node: ast.TextElement) -> ast.TextElement:
        if has_arabic(node.value):  # Latin text alone ("English" on a button) needs no mark
            node.value = _LATIN_RUN.sub(lambda found: f"{LRI}{found.group()}{PDI}", node.value)
        return node


def _list_item(item: Any, lang: str) -> str:
    """One item of a list argument: a number in the reader's digits ("3, 1, 2" / "٣، ١، ٢"), text as it is."""
    if isinstance(item, int | float) and not isinstance(item, bool):
        return format_number(item, lang=lang, style="plain")
    return item if isinstance(item, str) else str(item)


class _MemberText(FluentType):
    """A string argument: selectors (`{ $status -> [done] … }`) see it as given; shown in a Markdown message, it is
    made literal. (As a Fluent type it is also spared fluent.runtime's 2,500-character cap on a plain string
    placeable, which would fail the whole message for one long member text.)"""

    def __init__(self, value: str, *, literal: bool) -> None:
        self.value = value
        self.literal = literal

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, _MemberText) else other)

    def __hash__(self) -> int:
        return hash(self.value)

    def format(self, locale: Any) -> str:
        return markdown_literal(self.value) if self.literal else self.value


def format_when(value: datetime, *, lang: str, zone: str) -> str:
    """A UTC-aware datetime shown in `zone` as the language writes it: medium date, short time
    ("Dec 15, 2026, 2:00 PM" / "١٥‏/١٢‏/٢٠٢٦، ٢:٠٠ م"), followed by the zone's name within `zones_named`."""
    local = value.astimezone(ZoneInfo(zone))
    text = (
        str(get_datetime_format("medium", locale=lang))
        .replace("{1}", format_date(local, "medium", locale=lang))
        .replace("{0}", format_time(local, "short", locale=lang))
    )
    text = arabic_digits(text) if lang == "ar" else text
    catalogs = _ZONE_NAMES.get()
    if catalogs is None:
        return text
    return f"{text} {catalogs.text(lang, 'time-zone-named', city=zone_city(zone, lang=lang))}"


@contextmanager
def zones_named(catalogs: Catalogs) -> Iterator[None]:
    """Within it, every time `format_when` writes (directly, or as a message's datetime argument) is followed by its
    zone's name in the catalogs' words: "10:00 AM (Beirut time)". For posts read by members in different zones; a
    context variable, since each card builder formats its own times."""
    token = _ZONE_NAMES.set(catalogs)
    try:
        yield
    finally:
        _ZONE_NAMES.reset(token)


def zone_city(zone: str, *, lang: str) -> str:
    """The city a time zone is named after, as `lang` writes it (CLDR, through Babel: "Beirut" / "بيروت")."""
    return str(get_timezone_location(ZoneInfo(zone), locale=lang, return_city=True))


def format_day(value: date, *, lang: str) -> str:
    """A calendar day for `lang` (e.g. "Dec 15, 2026" / "١٥‏/١٢‏/٢٠٢٦")."""
    text = format_date(value, "medium", locale=lang)
    return arabic_digits(text) if lang == "ar" else text


def plain(text: str) -> str:
    """Text without the invisible bidi isolation marks (for logs and tests)."""
    return _ISOLATION_MARKS.sub("", text)
