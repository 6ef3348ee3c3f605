"""Commands as members type them: the parsed command, @mention markup, and words shared by several commands.

Which words name which command is the registry's (`dialogs.common.registry.Registry.parse`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.common.people import Person
from dialogs.common.text import fold

ADD_WORDS = {fold(word) for word in ("add", "new", "أضف", "إضافة", "اضافة", "جديد")}
"""The words that add something after a command word (`action add`, `decision add`)."""
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_MENTION_NAME = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Command:
    """A recognised command, or `unknown` with the closest known one as a suggestion."""

    name: str
    args: str = ""
    suggestion: str | None = None


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
