"""Commands as members type them: the parsed command, its words as the parser reads them, @mention markup, and
words shared by several commands.

Which words name which command is the registry's (`dialogs.common.registry.Registry.parse`); how a message splits
into command words and the rest is here (`command_words`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.common.arabic import without_marks
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


@dataclass(frozen=True)
class CommandWords:
    """A message as the command parser reads it: whether it starts with `/`, and its words without invisible marks
    (a word of marks alone is no word). `rest(n)` is what follows the first n words, as the member wrote it."""

    slash: bool
    words: tuple[str, ...]
    body: str

    def rest(self, count: int) -> str:
        """The text after the first `count` words, its marks kept (they order the stored text)."""
        tokens = self.body.split()
        taken = seen = 0
        for token in tokens:
            if seen == count:
                break
            taken += 1
            if without_marks(token):
                seen += 1
        parts = self.body.split(maxsplit=taken)
        return parts[taken].strip() if len(parts) > taken else ""


def command_words(text: str) -> CommandWords:
    """How the parser reads a message: `\u200f/help`, `\u200fمساعدة` and `help` name the same command."""
    stripped = text.strip()
    slash = without_marks(stripped).lstrip().startswith("/")
    body = stripped[stripped.index("/") + 1 :] if slash else stripped
    words = tuple(word for word in (without_marks(token) for token in body.split()) if word)
    return CommandWords(slash, words, body)


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
