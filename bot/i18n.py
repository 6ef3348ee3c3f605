"""Fluent catalogs in Arabic and English; numbers and dates formatted per language (Babel)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_decimal, format_percent
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.resolver import CurrentEnvironment, ResolverEnvironment
from fluent.runtime.types import FluentInt, FluentNone

from dialogs.common.language import LANGUAGES
from dialogs.common.text import arabic_digits

LOCALES = Path(__file__).parent / "locales"
_ISOLATION_MARKS = re.compile("[\u2068\u2069]")


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


class MissingMessage(LookupError):
    """A key that one of the catalogs does not have."""


class Catalogs:
    """All user-facing text. `text(lang, key, **args)` renders one message."""

    def __init__(self, folder: Path = LOCALES) -> None:
        self.bundles: dict[str, _Bundle] = {}
        for lang in LANGUAGES:
            bundle = _Bundle([lang], use_isolating=True)
            for path in sorted((folder / lang).glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self.bundles[lang] = bundle

    def has(self, lang: str, key: str) -> bool:
        return self.bundles[lang].has_message(key)

    def text(self, lang: str, key: str, /, *, display_zone: str = "UTC", **args: Any) -> str:
        """The message `key` in `lang`, with numbers and dates in that language and `display_zone`."""
        bundle = self.bundles[lang]
        if not bundle.has_message(key):
            raise MissingMessage(f"{lang}:{key}")
        message = bundle.get_message(key)
        values = {name: self._value(lang, value, display_zone) for name, value in args.items()}
        rendered, errors = bundle.format_pattern(message.value, values)
        if errors:
            raise MissingMessage(f"{lang}:{key}: {errors}")
        return str(rendered)

    def bilingual(self, key: str, /, **args: Any) -> str:
        """The message in Arabic, then in English (for people whose language is unknown), as plain text."""
        return "\n\n".join(plain(self.text(lang, key, **args)) for lang in ("ar", "en"))

    @staticmethod
    def _value(lang: str, value: Any, zone: str) -> Any:
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
        if isinstance(value, list | tuple):
            return ("، " if lang == "ar" else ", ").join(str(item) for item in value)
        return str(value)


def format_when(value: datetime, *, lang: str, zone: str) -> str:
    """A UTC-aware datetime shown in `zone` as the language writes it: medium date, short time
    ("Dec 15, 2026, 2:00 PM" / "١٥‏/١٢‏/٢٠٢٦، ٢:٠٠ م")."""
    local = value.astimezone(ZoneInfo(zone))
    text = (
        str(get_datetime_format("medium", locale=lang))
        .replace("{1}", format_date(local, "medium", locale=lang))
        .replace("{0}", format_time(local, "short", locale=lang))
    )
    return arabic_digits(text) if lang == "ar" else text


def format_day(value: date, *, lang: str) -> str:
    """A calendar day for `lang` (e.g. "Dec 15, 2026" / "١٥‏/١٢‏/٢٠٢٦")."""
    text = format_date(value, "medium", locale=lang)
    return arabic_digits(text) if lang == "ar" else text


def plain(text: str) -> str:
    """Text without the invisible bidi isolation marks (for logs and tests)."""
    return _ISOLATION_MARKS.sub("", text)
