"""Every Arabic reply writes its numbers in Arabic-Indic digits (٠-٩): each message of the Arabic catalogs, rendered by
the bot's own `Catalogs` with sample numbers, dates and times through every variant of its selectors, shows no ASCII
digit outside a code span (a command to type), a link, or a name that stays Latin."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES, Catalogs, plain
from tests.chat import Chat

PLURALS = {"zero", "one", "two", "few", "many", "other"}
NUMBERS = (0, 1, 2, 3, 11, 100, 1234)
"""Sample numbers, one of each Arabic plural form (and a thousands separator)."""
NUMERIC = {
    "added", "carried", "completion", "count", "days", "discussed", "done", "faq_number", "group_count", "have",
    "hours", "id", "late", "length", "limit", "meeting_number", "minutes", "months", "needed", "next", "number",
    "open", "overdue", "page", "pages", "percent", "position", "quarter", "total", "updated", "year", "years",
}  # fmt: skip
"""Variables that are numbers where they are only shown (a selector on plural forms says so by itself)."""
DAYS = {"day", "start", "end", "due", "on", "last", "until", "from", "to"}
TIMES = {"when", "at", "deadline", "time"}
SAMPLE_DAY = date(2026, 12, 15)
SAMPLE_TIME = datetime(2026, 12, 15, 11, 30, tzinfo=UTC)
ALLOWED = re.compile(
    r"`[^`]*`"  # a code span: a command to type as shown (`لغة en`)
    r"|https?://\S+"  # a link
    r"|\b[0-9]{2}:[^\s,،]+"  # a Teams id (29:…, 19:…@thread.tacv2), as an audited value shows it
    r"|\b[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*"  # a Latin name (UTF-8, 4W, PUBLIC_BASE_URL)
)
SAMPLE_TEXT = "نص"
"""Member text carries no digit of its own, so that any digit shown is the catalog's or the formatting's."""


class _Selectors(Visitor):
    """The variables of a message (and of the messages it refers to) and the variant keys each selects on."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[str, list[str | int]] = {}
        self.messages: list[str] = []

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.keys.setdefault(node.id.name, [])

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference):
            keys = self.keys.setdefault(node.selector.id.name, [])
            for variant in node.variants:
                key = variant.key
                value = int(key.value) if isinstance(key, ast.NumberLiteral) else key.name
                if value not in keys:
                    keys.append(value)
        self.generic_visit(node)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.messages.append(node.id.name)


def _arabic_messages() -> dict[str, ast.Message]:
    found: dict[str, ast.Message] = {}
    for path in sorted((LOCALES / "ar").glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                found[entry.id.name] = entry
    return found


def _samples(name: str, keys: list[str | int]) -> list[Any]:
    """The values a variable takes, one per render: every variant its selectors have, or sample numbers or text."""
    if name in DAYS:
        return [SAMPLE_DAY]
    if name in TIMES:
        return [SAMPLE_TIME]
    if name in NUMERIC or any(isinstance(key, int) or key in PLURALS - {"other"} for key in keys):
        return [*NUMBERS, *(key for key in keys if isinstance(key, int) and key not in NUMBERS)]
    return [key for key in keys if isinstance(key, str)] + [SAMPLE_TEXT] if keys else [SAMPLE_TEXT]


def _renders(messages: dict[str, ast.Message], key: str) -> list[dict[str, Any]]:
    """Argument sets that, taken together, reach every variant of every selector of the message `key`."""
    selectors, todo, done = _Selectors(), [key], set()
    while todo:
        current = todo.pop()
        if current not in done and current in messages:
            done.add(current)
            selectors.visit(messages[current])
            todo += selectors.messages
    values = {name: _samples(name, keys) for name, keys in selectors.keys.items()}
    rounds = max((len(choices) for choices in values.values()), default=1)
    return [{name: choices[n % len(choices)] for name, choices in values.items()} for n in range(rounds)]


def test_arabic_replies_write_numbers_in_arabic_indic_digits() -> None:
    catalogs, messages = Catalogs(), _arabic_messages()
    western: dict[str, str] = {}
    for key in messages:
        for args in _renders(messages, key):
            shown = plain(catalogs.text("ar", key, display_zone="Asia/Beirut", **args))
            if re.search("[0-9]", ALLOWED.sub("", shown)):
                western[key] = shown
                break
    assert western == {}


ARABIC_TURNS = [
    ("facilitator", "لغة ar"),
    ("facilitator", "اجتماع إضافة اجتماع المتابعة | الخميس القادم ١٠:٠٠ | كل شهر | مدته ٩٠ دقيقة"),
    ("facilitator", "جدول إضافة عتبات الفيضانات | مراجعة العتبات"),
    ("facilitator", "إجراء إضافة مشاركة بيانات الأمطار | <at>عمر خليل</at> | الخميس القادم"),
    ("member", "مساعدة"),
    ("member", "من أنا"),
    ("member", "الأعضاء"),
    ("member", "توقيت"),
    ("member", "الاجتماعات"),
    ("member", "جدول الأعمال"),
    ("member", "الإجراءات الكل"),
    ("member", "إجراء ١"),
    ("member", "الإجراءات تقرير"),
    ("member", "التذكيرات"),
    ("member", "الخصوصية"),
    ("member", "بياناتي"),
    ("member", "المجموعات"),
    ("member", "الخطة"),
    ("member", "التصويتات"),
    ("member", "الأعضاء ٩"),
    ("facilitator", "السجل"),
    ("facilitator", "الخصوصية المراجعة"),
]
"""Arabic turns whose answers (cards included) show numbers, dates and times the bot formats itself."""


async def test_arabic_answers_of_a_conversation_show_arabic_indic_digits(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    western = {}
    for who, says in ARABIC_TURNS:
        shown = (await chat.say(says, as_=who)).text
        if re.search("[0-9]", ALLOWED.sub("", shown)):
            western[says] = shown
    assert western == {}
