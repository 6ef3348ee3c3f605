"""Replies -> Bot Framework activities: text, or Adaptive Cards (v1.5, right-to-left in Arabic)."""

from __future__ import annotations

from typing import Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    InvokeResponse,
)

from bot.cards import actions, community, governance, meetings, questions, reminders
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, card_text, text_block
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, plain
from dialogs.common.clock import Clock, system_clock
from dialogs.common.replies import Reply
from dialogs.community.views import HelpCard

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"  # Teams shows `value` as a short message
BUILDERS: CardBuilders = {
    **community.BUILDERS,
    **actions.BUILDERS,
    **meetings.BUILDERS,
    **reminders.BUILDERS,
    **governance.BUILDERS,
    **questions.BUILDERS,
}
"""The card builder of every card view the features declare (`tests/bot/cards/test_builders.py` checks both match)."""


class Renderer:
    """Turns a dialog's Reply into what the member sees, in their language and time zone."""

    def __init__(
        self,
        catalogs: Catalogs,
        *,
        links: SignedLinks | None = None,
        clock: Clock = system_clock,
        builders: CardBuilders = BUILDERS,
    ) -> None:
        self.catalogs = catalogs
        self.links = links
        self.clock = clock
        self.builders = builders

    def text(self, reply: Reply, *, lang: str, zone: str) -> str:
        """The reply as plain (Markdown) text."""
        if isinstance(reply.view, HelpCard):
            ctx = CardContext(self.catalogs, lang, zone, self.links, self.clock)
            return "\n\n".join(community.help_lines(ctx, reply.view))
        if reply.view is not None:
            return card_text(self.card(reply, lang=lang, zone=zone))
        return self.catalogs.text(lang, reply.key, display_zone=zone, **reply.args)

    def activity(self, reply: Reply, *, lang: str, zone: str) -> Activity:
        """The reply as an activity to send: a card where the reply has one, else text."""
        if reply.view is not None:
            return card_activity(self.card(reply, lang=lang, zone=zone), lang=lang)
        text = self.text(reply, lang=lang, zone=zone)
        if lang == "ar":  # a card is the one way every Teams client lays Arabic out right-to-left
            lines = [line for line in text.split("\n") if line.strip()]
            card = adaptive_card([text_block(line) for line in lines], [], lang=lang)
            return card_activity(card, lang=lang, summary=text)
        return Activity(type=ActivityTypes.message, text=text, text_format="markdown", locale=lang)

    def card(self, reply: Reply, *, lang: str, zone: str) -> Card:
        """The Adaptive Card of a reply's view (also the answer to an Action.Execute refresh)."""
        if reply.view is None:
            raise ValueError(f"reply {reply.key!r} has no card view")
        ctx = CardContext(self.catalogs, lang, zone, self.links, self.clock)
        return self.builders[type(reply.view)](ctx, reply, reply.view)

    def bilingual(self, key: str, **args: Any) -> Activity:
        """A message for someone whose language is unknown: Arabic (right-to-left), then English."""
        texts = {lang: self.catalogs.text(lang, key, **args) for lang in ("ar", "en")}
        body = [
            {"type": "Container", "rtl": True, "items": [text_block(texts["ar"])]},
            {"type": "Container", "rtl": False, "separator": True, "items": [text_block(texts["en"])]},
        ]
        summary = "\n\n".join(plain(texts[lang]) for lang in ("ar", "en"))
        return card_activity(adaptive_card(body, [], lang="ar"), lang="ar", summary=summary)


def invoke_message(text: str) -> Activity:
    """The answer to an `Action.Execute` that Teams shows as a short message instead of a card."""
    return invoke_answer(MESSAGE_RESPONSE, text)


def invoke_card(card: dict[str, Any]) -> Activity:
    """The answer to an `Action.Execute`: the card to show in place of the pressed one."""
    return invoke_answer(ADAPTIVE_CARD, card)


def invoke_answer(kind: str, value: object) -> Activity:
    body = AdaptiveCardInvokeResponse(status_code=200, type=kind, value=value).model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    return Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body=body))


def card_activity(card: dict[str, Any], *, lang: str, summary: str | None = None) -> Activity:
    """A message activity carrying one Adaptive Card (`summary`: the plain text, for notifications)."""
    activity = Activity(
        type=ActivityTypes.message, locale=lang, attachments=[Attachment(content_type=ADAPTIVE_CARD, content=card)]
    )
    if summary:
        activity.summary = summary
    return activity
