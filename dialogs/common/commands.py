"""parse_command(text) -> Command: slash or bare command words, in English or Arabic.

The bot @mention is already stripped. Text that is no command returns None (it is a question).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.common.text import ascii_digits, fold
from dialogs.community.roster import Person


@dataclass(frozen=True)
class CommandSpec:
    """A command: its canonical name, the words that call it, and who may use it."""

    name: str
    aliases: tuple[str, ...]
    facilitator_only: bool = False


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("help", ("help", "?", "commands", "مساعدة", "المساعدة", "ساعدني", "الأوامر")),
    CommandSpec("lang", ("lang", "language", "لغة", "اللغة")),
    CommandSpec("tz", ("tz", "timezone", "time zone", "توقيت", "التوقيت", "المنطقة الزمنية")),
    CommandSpec("whoami", ("whoami", "who am i", "من أنا", "من انا", "ملفي")),
    CommandSpec("members", ("members", "roster", "الأعضاء", "أعضاء", "الاعضاء")),
    CommandSpec("role", ("role", "دور", "الدور"), facilitator_only=True),
    CommandSpec("actions", ("actions", "الإجراءات", "إجراءات", "المهام")),
    CommandSpec("action", ("action", "إجراء", "مهمة")),
    CommandSpec("meetings", ("meetings", "اجتماعات", "الاجتماعات", "المواعيد")),
    CommandSpec("meeting", ("meeting", "اجتماع", "الاجتماع")),
    CommandSpec("agenda", ("agenda", "جدول", "جدول الأعمال", "جدول اعمال", "الأجندة", "أجندة", "اجندة")),
    CommandSpec("decision", ("decision", "decisions", "قرار", "القرار"), facilitator_only=True),
    CommandSpec("minutes", ("minutes", "محضر", "المحضر")),
    CommandSpec("attended", ("attended", "attendance", "حضر", "الحضور"), facilitator_only=True),
    CommandSpec("reminders", ("reminders", "التذكيرات", "تذكيرات", "التنبيهات")),
    CommandSpec("groups", ("groups", "working groups", "مجموعات", "المجموعات", "مجموعات العمل", "فرق العمل")),
    CommandSpec("group", ("group", "working group", "مجموعة", "مجموعة عمل", "مجموعة العمل", "فريق عمل")),
    CommandSpec("plan", ("plan", "annual plan", "work plan", "خطة", "الخطة", "الخطة السنوية", "خطة العمل")),
    CommandSpec("endorse", ("endorse", "endorsement", "تأييد", "طلب تأييد"), facilitator_only=True),
    CommandSpec("poll", ("poll", "استطلاع", "استفتاء"), facilitator_only=True),
    CommandSpec("votes", ("votes", "polls", "endorsements", "التصويتات", "تصويتات", "الاستطلاعات")),
    CommandSpec("vote", ("vote", "تصويت")),
    CommandSpec("faq", ("faq", "faqs", "الأسئلة الشائعة", "أسئلة شائعة", "الأسئلة المتكررة")),
    CommandSpec("ask", ("ask", "ask a facilitator", "اسأل", "اسأل الميسرين", "اسأل ميسرا")),
    CommandSpec("tickets", ("tickets", "التذاكر", "تذاكر", "الاستفسارات"), facilitator_only=True),
    CommandSpec("ticket", ("ticket", "تذكرة", "التذكرة")),
    CommandSpec("answer", ("answer", "أجب", "الجواب"), facilitator_only=True),
)
SPECS = {spec.name: spec for spec in COMMANDS}

_ALIASES: dict[tuple[str, ...], str] = {
    tuple(fold(alias).split()): spec.name for spec in COMMANDS for alias in spec.aliases
}
_LONGEST_ALIAS = max(len(words) for words in _ALIASES)
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_MENTION_NAME = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_SUGGEST_CUTOFF = 0.75
_SUGGEST_MAX_WORDS = 3


@dataclass(frozen=True)
class Command:
    """A recognised command, or `unknown` with the closest known one as a suggestion."""

    name: str
    args: str = ""
    suggestion: str | None = None

    @property
    def numbers_args(self) -> str:
        """The arguments with Arabic-Indic digits as 0-9."""
        return ascii_digits(self.args)


def strip_mentions(text: str) -> str:
    """Remove `<at>…</at>` mention markup (the people mentioned arrive as entities)."""
    return " ".join(_MENTION.sub(" ", text).split())


def plain_mentions(text: str) -> str:
    """`<at>Omar</at>` markup turned into the plain name (for text that is stored and shown again)."""
    return " ".join(_MENTION_NAME.sub(r"\1", text).split())


def mentioned_in(text: str, mentions: Sequence[Person]) -> list[Person]:
    """The mentioned people whose `<at>…</at>` stands in this part of the message, in order."""
    names = _MENTION_NAME.findall(text)
    return [person for person in mentions if person.name in names]


def parse_command(text: str) -> Command | None:
    """The command in `text`, an `unknown` command with a suggestion, or None for free text."""
    stripped = text.strip()
    slash = stripped.startswith("/")
    body = stripped[1:].lstrip() if slash else stripped
    words = body.split()
    if not words:
        return Command("unknown") if slash else None
    folded = [fold(word) for word in words]
    for size in range(min(_LONGEST_ALIAS, len(words)), 0, -1):
        name = _ALIASES.get(tuple(folded[:size]))
        if name:
            return Command(name, _rest_after_words(body, size))
    suggestion = closest_command(folded[0])
    if slash or (suggestion and len(words) <= _SUGGEST_MAX_WORDS):
        return Command("unknown", words[0], suggestion)
    return None


def closest_command(word: str) -> str | None:
    """The canonical name of the command whose word looks most like `word`."""
    single = {alias[0]: name for alias, name in _ALIASES.items() if len(alias) == 1}
    match = difflib.get_close_matches(fold(word), list(single), n=1, cutoff=_SUGGEST_CUTOFF)
    return single[match[0]] if match else None


def _rest_after_words(body: str, count: int) -> str:
    parts = body.split(maxsplit=count)
    return parts[count].strip() if len(parts) > count else ""
