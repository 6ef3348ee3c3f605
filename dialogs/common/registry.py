"""What each feature offers, declared in one place, and the registry the app builds from those declarations.

A feature (`dialogs/<feature>/feature.py`) declares its commands (English and Arabic words, who may use them,
the handler), the card verbs it answers (`Action.Submit` data and `Action.Execute` buttons), the outbox message
kinds it writes, and the card views its replies carry. The router, the dispatcher, `help` and the manifest's
command menu read the registry, and a test holds the renderer's card builders to its card views; nothing
registers itself by being imported.
"""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.commands import Command, command_words
from dialogs.common.replies import Reply
from dialogs.common.text import fold
from dialogs.common.turn import Turn
from storage.models import Notification

CommandHandler = Callable[[Turn, str], Awaitable[Reply]]
"""A command: the turn and what follows the command word."""
SubmitHandler = Callable[[Turn, dict[str, Any]], Awaitable[Reply]]
"""An `Action.Submit` (a form or a button posting data): the turn and the card's data, `verb` included."""
PressHandler = Callable[[Turn, str, Any], Awaitable[Reply]]
"""An `Action.Execute` button: the turn, its verb and its data (anything a client sends)."""
Composer = Callable[[AsyncSession, Notification, datetime], Awaitable[Reply | None]]
"""The message of an outbox row at send time, from today's data (None: no longer true, cancel the row)."""

_SUGGEST_CUTOFF = 0.75
_SUGGEST_MAX_WORDS = 3


HELP_TOPICS = ("meetings", "agenda", "actions", "questions", "groups", "votes", "settings")
"""The topics `help` groups the commands under (`help <topic>`), in the order its buttons show them."""


@dataclass(frozen=True)
class CommandSpec:
    """A command: its canonical name (also its help key `help-cmd-<name>`), the words that call it in English and
    Arabic, its handler, who may use it, its help topic (one of HELP_TOPICS), and whether members' help lists it
    (`members_help=False`: members may use it, but what its help line describes is the facilitators')."""

    name: str
    words: tuple[str, ...]
    handler: CommandHandler
    facilitator_only: bool = False
    topic: str = ""
    members_help: bool = True

    def helps(self, *, facilitates: bool) -> bool:
        """Whether the help of a reader (facilitating or not) lists this command."""
        return facilitates or (self.members_help and not self.facilitator_only)


@dataclass(frozen=True)
class Feature:
    """Everything one feature offers, in one declaration."""

    name: str
    commands: tuple[CommandSpec, ...] = ()
    submits: Mapping[str, SubmitHandler] = field(default_factory=dict)
    presses: Mapping[str, PressHandler] = field(default_factory=dict)
    outbox: Mapping[str, Composer] = field(default_factory=dict)
    cards: tuple[type, ...] = ()


@dataclass(frozen=True)
class Registry:
    """The features' declarations merged; `build` refuses two features claiming one name, word, verb or kind."""

    commands: Mapping[str, CommandSpec]
    submits: Mapping[str, SubmitHandler]
    presses: Mapping[str, PressHandler]
    composers: Mapping[str, Composer]
    cards: frozenset[type]
    _words: Mapping[tuple[str, ...], str]
    _longest: int

    @classmethod
    def build(cls, features: Iterable[Feature]) -> Registry:
        """Merge the declarations, in the order given (help and the command menu follow it)."""
        features = tuple(features)
        commands: dict[str, CommandSpec] = {}
        words: dict[tuple[str, ...], str] = {}
        for spec in (spec for feature in features for spec in feature.commands):
            _claim(commands, spec.name, spec, "command")
            if spec.topic not in HELP_TOPICS:
                raise ValueError(f"command {spec.name!r} has no help topic of {HELP_TOPICS} ({spec.topic!r})")
            for word in spec.words:
                phrase = tuple(fold(word).split())  # spellings that fold alike (من أنا, من انا) are one phrase
                if words.get(phrase, spec.name) != spec.name:
                    raise ValueError(f"command word {word!r} declared by {words[phrase]!r} and {spec.name!r}")
                words[phrase] = spec.name
        submits: dict[str, SubmitHandler] = {}
        presses: dict[str, PressHandler] = {}
        composers: dict[str, Composer] = {}
        cards: set[type] = set()
        for feature in features:
            for verb, submit in feature.submits.items():
                _claim(submits, verb, submit, "submit verb")
            for verb, press in feature.presses.items():
                _claim(presses, verb, press, "button verb")
            for kind, composer in feature.outbox.items():
                _claim(composers, kind, composer, "outbox kind")
            for view in feature.cards:
                if view in cards:
                    raise ValueError(f"card view {view.__name__} declared twice")
                cards.add(view)
        longest = max((len(phrase) for phrase in words), default=1)
        return cls(commands, submits, presses, composers, frozenset(cards), words, longest)

    def parse(self, text: str) -> Command | None:
        """The command in `text` (the bot @mention already stripped), an `unknown` command with the closest known
        one as a suggestion, or None for free text (a question)."""
        said = command_words(text)  # bidi and zero-width marks are no part of a command word
        words = said.words
        if not words:
            return Command("unknown") if said.slash else None
        folded = [fold(word) for word in words]
        for size in range(min(self._longest, len(words)), 0, -1):
            name = self._words.get(tuple(folded[:size]))
            if name:
                return Command(name, said.rest(size))
        if said.slash or len(words) <= _SUGGEST_MAX_WORDS:  # (a longer message is a question: no suggestion needed)
            suggestion = self.closest(folded[0])
            if said.slash or suggestion:
                return Command("unknown", words[0], suggestion)
        return None

    def closest(self, word: str) -> str | None:
        """The canonical name of the command whose one-word form looks most like `word`."""
        single = {words[0]: name for words, name in self._words.items() if len(words) == 1}
        match = difflib.get_close_matches(fold(word), list(single), n=1, cutoff=_SUGGEST_CUTOFF)
        return single[match[0]] if match else None

    def composer(self, kind: str) -> Composer:
        """The composer of an outbox kind (LookupError for a kind no feature declares)."""
        try:
            return self.composers[kind]
        except KeyError:
            raise LookupError(f"no composer for notification kind {kind!r}") from None


def _claim[V](table: dict[Any, V], key: Any, value: V, what: str) -> None:
    if key in table:
        raise ValueError(f"{what} {key!r} declared twice")
    table[key] = value
