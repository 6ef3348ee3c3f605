"""Replies -> Bot Framework activities: text, or Adaptive Cards (v1.5, right-to-left in Arabic)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    InvokeResponse,
    Mention,
)

from bot.cards import (
    actions,
    announcements,
    bulletin,
    channel,
    community,
    governance,
    mail,
    meetings,
    questions,
    registration,
    reminders,
)
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.fit import MESSAGE_BUDGET, Fit, cut, fitting, shrink, size
from bot.cards.parts import adaptive_card, card_text, text_block
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, plain, zones_named
from dialogs.common.clock import Clock, system_clock
from dialogs.common.language import LANGUAGES
from dialogs.common.replies import Reply
from dialogs.community.views import HelpCard

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"  # Teams shows `value` as a short message
SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"
BUILDERS: CardBuilders = {
    **community.BUILDERS,
    **actions.BUILDERS,
    **meetings.BUILDERS,
    **reminders.BUILDERS,
    **governance.BUILDERS,
    **questions.BUILDERS,
    **mail.BUILDERS,
    **announcements.BUILDERS,
    **registration.BUILDERS,
    **bulletin.BUILDERS,
}
"""The card builder of every card view the features declare (`tests/bot/cards/test_builders.py` checks both match)."""


SHARES = (1.0, 0.8, 0.6, 0.4)
"""Shares of its room a card is built to, one after the other, until the message is within the budget."""
ENVELOPE = 2_000
"""Bytes kept for what a message carries around its card (the activity's fields, the summary)."""
CARD_ROOM = MESSAGE_BUDGET - ENVELOPE
"""Bytes one card may take, a channel post's languages and mentions included (also the answer to a button)."""
SUMMARY_LIMIT = 300
"""Characters of a message's summary (the notification's preview; the message itself has the whole text)."""
SHORTENED = "message-shortened"


class Renderer:
    """Turns a dialog's Reply into what the member sees, in their language and time zone, within Teams' size limit
    (`bot.cards.fit`): long lists paged, long texts cut, and any card still too large shortened as the last resort."""

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
            return card_activity(self._within(text_card(text, lang=lang), lang=lang), lang=lang, summary=text)
        return self._text_message(text, lang=lang)

    def channel_activity(self, reply: Reply, *, langs: Sequence[str], zone: str) -> Activity:
        """The reply as one post in the community's channel: in each of `langs` (the first on top, each in its own
        direction; see `bot.cards.channel`), every time followed by the name of `zone`, and the people it concerns
        (`reply.mentions`) @mentioned once. Within the size limit: in every language, its lists paged alike; else, as
        in a post too large in every language, the first language only."""
        langs = tuple(dict.fromkeys(lang for lang in langs if lang in LANGUAGES)) or ("ar",)
        about = channel.concerned(self.catalogs, reply.mentions, langs)
        with zones_named(self.catalogs):
            texts = {lang: self.text(reply, lang=lang, zone=zone) for lang in langs} if reply.view is None else {}
            if texts and langs == ("en",):  # English text needs no card
                return self._text_message(texts["en"], lang="en", about=about)
            card = self._post(reply, langs=langs, about=about, zone=zone, texts=texts)
        summary = texts.get(langs[0])
        return card_activity(card, lang=langs[0], summary=plain(summary) if summary else None)

    def card(self, reply: Reply, *, lang: str, zone: str) -> Card:
        """The Adaptive Card of a reply's view (also the answer to an Action.Execute refresh), within CARD_ROOM."""
        if reply.view is None:
            raise ValueError(f"reply {reply.key!r} has no card view")
        for share in SHARES:
            with fitting(Fit(int(CARD_ROOM * share))) as fit:
                card = self._build(reply, lang=lang, zone=zone)
            if size(card) <= CARD_ROOM or not fit.used:  # (a builder not fitting: a smaller room changes nothing)
                break
        return self._within(card, lang=lang)

    def bilingual(self, key: str, **args: Any) -> Activity:
        """A message for someone whose language is unknown: Arabic (right-to-left), then English."""
        texts = {lang: self.catalogs.text(lang, key, **args) for lang in ("ar", "en")}
        body = [
            {"type": "Container", "rtl": True, "items": [text_block(texts["ar"])]},
            {"type": "Container", "rtl": False, "separator": True, "items": [text_block(texts["en"])]},
        ]
        summary = "\n\n".join(plain(texts[lang]) for lang in ("ar", "en"))
        return card_activity(adaptive_card(body, [], lang="ar"), lang="ar", summary=summary)

    def _build(self, reply: Reply, *, lang: str, zone: str) -> Card:
        """The card of the reply's view, as its builder makes it in the current room (`bot.cards.fit.fitting`)."""
        ctx = CardContext(self.catalogs, lang, zone, self.links, self.clock)
        return self.builders[type(reply.view)](ctx, reply, reply.view)

    def _post(
        self,
        reply: Reply,
        *,
        langs: tuple[str, ...],
        about: channel.Concerned | None,
        zone: str,
        texts: dict[str, str],
    ) -> Card:
        """The channel post within CARD_ROOM: every language sharing the room (their lists paged alike), then the
        first language alone, then that one shortened."""
        post: Card = {}
        for chosen in (langs, langs[:1]) if len(langs) > 1 else (langs,):
            for share in SHARES:
                cards, used = self._aligned(reply, langs=chosen, zone=zone, texts=texts, room=CARD_ROOM * share)
                post = channel.post(cards, about)
                if size(post) <= CARD_ROOM:
                    return post
                if not used:
                    break
        return self._within(post, lang=langs[0])

    def _aligned(
        self, reply: Reply, *, langs: tuple[str, ...], zone: str, texts: dict[str, str], room: float
    ) -> tuple[list[tuple[str, Card]], bool]:
        """Each language's card in its share of `room`, a paged list showing the same entries in every language
        (the fewest any of them has room for); and whether a smaller room could make them smaller."""
        cap: int | None = None
        while True:
            fits: list[Fit] = []
            cards: list[tuple[str, Card]] = []
            for lang in langs:
                with fitting(Fit(int(room / len(langs)), cap=cap)) as fit:
                    card = text_card(texts[lang], lang=lang) if texts else self._build(reply, lang=lang, zone=zone)
                fits.append(fit)
                cards.append((lang, card))
            shown = {fit.shown for fit in fits if fit.shown is not None}
            if len(shown) <= 1:
                return cards, any(fit.used for fit in fits)
            cap = min(shown)

    def _within(self, card: Card, *, lang: str) -> Card:
        """`card`, shortened when it is over CARD_ROOM."""
        if size(card) <= CARD_ROOM:
            return card
        return shrink(card, room=CARD_ROOM, note=self.catalogs.text(lang, SHORTENED))

    def _text_message(self, text: str, *, lang: str, about: channel.Concerned | None = None) -> Activity:
        """A text message (the people it concerns @mentioned under it), its text cut when it is over the budget."""
        whole, limit = text, len(text)
        while True:
            activity = _text_activity(text, lang=lang, about=about)
            if size(activity.model_dump(mode="json", by_alias=True, exclude_none=True)) <= MESSAGE_BUDGET:
                return activity
            limit = limit * 3 // 4
            text = f"{cut(whole, limit)}\n\n{self.catalogs.text(lang, SHORTENED)}"


def text_card(text: str, *, lang: str) -> Card:
    """A text message as a card: one TextBlock per line (right-to-left in Arabic)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return adaptive_card([text_block(line) for line in lines], [], lang=lang)


def _text_activity(text: str, *, lang: str, about: channel.Concerned | None) -> Activity:
    """A Markdown text message, the people it concerns @mentioned under it."""
    activity = Activity(type=ActivityTypes.message, text=text, text_format="markdown", locale=lang)
    if about is not None:
        activity.text = f"{text}\n\n{channel.mention_line(about, lang=lang)}"
        activity.entities = [Mention.model_validate(entity) for entity in channel.mention_entities(about.people)]
    return activity


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
        activity.summary = cut(summary, SUMMARY_LIMIT)
    return activity


def search_response(results: Sequence[tuple[str, str]]) -> Activity:
    """The answer to an `application/search` invoke (a typeahead `Input.ChoiceSet`): (title, value) per choice."""
    body = {
        "type": SEARCH_RESPONSE,
        "value": {"results": [{"title": title, "value": value} for title, value in results]},
    }
    return Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body=body))
