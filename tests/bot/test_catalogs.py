"""Arabic and English catalogs hold the same messages with the same placeholders."""

from __future__ import annotations

import re

from fluent.syntax import ast, parse

from bot.i18n import LOCALES
from dialogs.features import build_registry


def _messages(lang: str) -> dict[str, set[str]]:
    """message id -> the variables it uses (junk fails the test)."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        resource = parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ast.Junk), f"{path.name}: {entry.annotations[0].message}: {entry.content}"
            if isinstance(entry, ast.Message):
                source = path.read_text(encoding="utf-8")
                found[entry.id.name] = set(re.findall(r"\$([a-z_]+)", source[entry.span.start : entry.span.end]))
    return found


def test_same_keys_and_placeholders() -> None:
    arabic, english = _messages("ar"), _messages("en")
    assert set(arabic) == set(english)
    for key in english:
        assert arabic[key] == english[key], key


def test_every_command_has_help_text() -> None:
    commands = build_registry().commands
    assert commands
    for lang in ("ar", "en"):
        messages = _messages(lang)
        assert [name for name in commands if f"help-cmd-{name}" not in messages] == [], lang


def test_keys_are_kebab_case() -> None:
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", key) for key in _messages("en"))


def test_no_message_is_defined_twice_in_a_language() -> None:
    """Fluent keeps the first of two messages with one id (files load alphabetically), so the other use breaks."""
    for lang in ("ar", "en"):
        defined: dict[str, list[str]] = {}
        for path in sorted((LOCALES / lang).glob("*.ftl")):
            for entry in parse(path.read_text(encoding="utf-8")).body:
                if isinstance(entry, ast.Message | ast.Term):
                    name = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                    defined.setdefault(name, []).append(path.name)
        twice = {name: files for name, files in defined.items() if len(files) > 1}
        assert twice == {}, f"{lang}: {twice}"
