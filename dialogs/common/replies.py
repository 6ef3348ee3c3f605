"""What a dialog answers: a message key with its arguments, and, for a card, a typed view of what it shows.

The bot renders a Reply in the member's language: `key` and `args` as a Fluent message, or `view` as an
Adaptive Card by the builder the bot's card modules declare for the view's type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from dialogs.common.people import Mentions


class CardView:
    """What one kind of card shows, as a frozen dataclass each feature declares (see `Feature.cards`)."""

    in_place: ClassVar[bool] = False
    """Pressed on an `Action.Execute` button, this card replaces the pressed one (else: a short message)."""


@dataclass(frozen=True)
class Reply:
    """One message to the member: a Fluent key and its arguments, and the card's view when it is a card.
    `to_channel`: the outbox posts this card to the channel, so in the channel the turn answers with a line.
    `mentions`: a channel post's people it concerns, whom the bot @mentions in it."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)
    view: CardView | None = None
    to_channel: bool = False
    mentions: Mentions | None = None

    @classmethod
    def of(
        cls,
        key: str,
        /,
        *,
        view: CardView | None = None,
        to_channel: bool = False,
        mentions: Mentions | None = None,
        **args: Any,
    ) -> Reply:
        """Shorthand: `Reply.of("lang-set", lang="ar")`, `Reply.of("meeting-added", view=MeetingCard(...))`."""
        return cls(key, args, view, to_channel, mentions)
