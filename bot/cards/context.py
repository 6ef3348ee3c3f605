"""What every card builder gets: the reader's language and zone, the catalogs, and the links the bot can give."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.files.downloads import calendar_link
from bot.files.links import SignedLinks
from bot.i18n import Catalogs
from dialogs.common.clock import Clock
from dialogs.common.replies import Reply

Card = dict[str, Any]
"""An Adaptive Card, as JSON."""


@dataclass(frozen=True)
class CardContext:
    """One reader's rendering context: `t(key, **args)` is a catalog message in their language and zone."""

    catalogs: Catalogs
    lang: str
    zone: str
    links: SignedLinks | None
    clock: Clock

    def t(self, key: str, **args: Any) -> str:
        """The message `key` in the reader's language, dates and times in their zone: a `Markdown` (typed `str`, so
        builders may mix it with plain text), its string arguments member text shown as typed (pass `Markdown` for
        markup of the bot's own)."""
        return self.catalogs.text(self.lang, key, display_zone=self.zone, **args)

    def calendar_url(self, token: str) -> str | None:
        """Where a meeting's .ics is served (None when the bot has no address to give)."""
        return calendar_link(self.links, token) if self.links is not None else None


CardBuilder = Callable[[CardContext, Reply, Any], Card]
"""Builds the card of one view type: (context, the reply, its view) -> card. The reply's `key` and `args` are its
headline message (`ctx.t(reply.key, **reply.args)`); everything else the card shows comes from the typed view.

Member text is data: a builder may put a view's strings into TextBlocks and facts as they are (`adaptive_card` makes
every plain str literal); markup of its own goes in as `Markdown` (`ctx.t(…)`, `parts.link`, `Markdown(…).join/format`),
since an f-string gives a plain str again."""
CardBuilders = Mapping[type, CardBuilder]
