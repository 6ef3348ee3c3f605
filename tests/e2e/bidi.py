"""Every message of both catalogs, rendered as the bot renders it with mixed-direction text in each of its string
arguments (Arabic with a Latin file name; English with Arabic words), written as JSON for tests/e2e/bidi.mjs, which
lays each one out in Chromium and checks the visual order of its runs of the other script.

Usage: python tests/e2e/bidi.py OUT_FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cards import sample_args
from fluent.syntax import FluentParser, ast

from bot.i18n import LOCALES, Catalogs

CONTROLS = [
    # the check must see these as wrong: a bare ".csv" and "@Omar" after Arabic words read "csv." and "Omar@"
    {"lang": "ar", "key": "control: bare .csv", "text": "أرسل ملف .csv الآن", "wrong": True},
    {"lang": "ar", "key": "control: bare @name", "text": "اكتب دور @Omar ميسر", "wrong": True},
]
MIXED = {
    "ar": "خطة Plan-2027.pdf للفيضانات",  # a Latin file name inside Arabic text
    "en": "Flood plan خطة الفيضانات v2",  # Arabic words inside English text
}


def message_ids(lang: str) -> list[str]:
    """The ids of every message (not term) in the language's catalog files."""
    ids: list[str] = []
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        ids += [entry.id.name for entry in resource.body if isinstance(entry, ast.Message) and entry.value]
    return ids


def mixed(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """The sample arguments with every string replaced by a mixed-direction one."""
    return {name: MIXED[lang] if isinstance(value, str) else value for name, value in args.items()}


def produce() -> list[dict[str, Any]]:
    """Every message in both languages, then the controls the check must refuse."""
    catalogs = Catalogs()

    def text(lang: str, key: str) -> str:
        return catalogs.text(lang, key, display_zone="Asia/Beirut", **mixed(sample_args(key), lang))

    return [
        {"lang": lang, "key": key, "text": text(lang, key)} for lang in ("ar", "en") for key in message_ids(lang)
    ] + CONTROLS


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    items = produce()
    Path(argv[1]).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    print(f"bidi.py: {len(items)} messages written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
