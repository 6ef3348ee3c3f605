"""Replies -> Bot Framework activities: text, or Adaptive Cards (v1.5, right-to-left in Arabic)."""

from __future__ import annotations

from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, Attachment

from bot.i18n import Catalogs
from dialogs.replies import Reply

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"


class Renderer:
    """Turns a dialog's Reply into what the member sees, in their language and time zone."""

    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs

    def text(self, reply: Reply, *, lang: str, zone: str) -> str:
        """The reply as plain (Markdown) text."""
        match reply.key:
            case "help":
                return "\n\n".join(self._help_lines(reply, lang=lang, zone=zone))
            case "members":
                return "\n\n".join(self._members_lines(reply, lang=lang, zone=zone))
        return self.catalogs.text(lang, reply.key, display_zone=zone, **reply.args)

    def activity(self, reply: Reply, *, lang: str, zone: str) -> Activity:
        """The reply as an activity to send: a card where the reply has one, else text."""
        if reply.card == "help":
            return card_activity(self._help_card(reply, lang=lang, zone=zone), lang=lang)
        if reply.card == "lang-choice":
            return card_activity(self._language_card(reply, lang=lang, zone=zone), lang=lang)
        text = self.text(reply, lang=lang, zone=zone)
        if lang == "ar":  # a card is the one way every Teams client lays Arabic out right-to-left
            card = adaptive_card([text_block(part) for part in text.split("\n\n")], [], lang=lang)
            return card_activity(card, lang=lang, summary=text)
        return Activity(type=ActivityTypes.message, text=text, text_format="markdown", locale=lang)

    def bilingual(self, key: str, **args: Any) -> Activity:
        """A message for someone whose language is unknown: Arabic (right-to-left), then English."""
        texts = {lang: self.catalogs.text(lang, key, **args) for lang in ("ar", "en")}
        body = [
            {"type": "Container", "rtl": True, "items": [text_block(texts["ar"])]},
            {"type": "Container", "rtl": False, "separator": True, "items": [text_block(texts["en"])]},
        ]
        return card_activity(adaptive_card(body, [], lang="ar"), lang="ar", summary="\n\n".join(texts.values()))

    def _t(self, lang: str, key: str, zone: str, **args: Any) -> str:
        return self.catalogs.text(lang, key, display_zone=zone, **args)

    def _help_lines(self, reply: Reply, *, lang: str, zone: str) -> list[str]:
        lines = [f"**{self._t(lang, 'help-title', zone)}**", self._t(lang, "help-intro", zone, role=reply.args["role"])]
        lines += [self._t(lang, f"help-cmd-{name}", zone) for name in reply.args["commands"]]
        lines.append(self._t(lang, "help-footer", zone))
        return lines

    def _help_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        title, intro, *commands, footer = self._help_lines(reply, lang=lang, zone=zone)
        body: list[dict[str, Any]] = [
            text_block(title.strip("*"), weight="Bolder", size="Medium"),
            text_block(intro),
            *(text_block(line, spacing="Small") for line in commands),
            text_block(footer, isSubtle=True),
        ]
        actions = [
            submit_action(self._t(lang, "help-switch-ar", zone), {"verb": "lang", "lang": "ar"}),
            submit_action(self._t(lang, "help-switch-en", zone), {"verb": "lang", "lang": "en"}),
        ]
        return adaptive_card(body, actions, lang=lang)

    def _language_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        body = [text_block(self._t(lang, reply.key, zone, **reply.args))]
        actions = [
            submit_action(self._t(lang, "help-switch-ar", zone), {"verb": "lang", "lang": "ar"}),
            submit_action(self._t(lang, "help-switch-en", zone), {"verb": "lang", "lang": "en"}),
        ]
        return adaptive_card(body, actions, lang=lang)

    def _members_lines(self, reply: Reply, *, lang: str, zone: str) -> list[str]:
        args = reply.args
        lines = [f"**{self._t(lang, 'members-title', zone, count=args['count'])}**"]
        guest = self._t(lang, "guest-mark", zone)
        for entry in args["lines"]:
            line = self._t(lang, "members-line", zone, name=entry["name"], role=entry["role"])
            lines.append(f"- {line} {guest}" if entry["guest"] else f"- {line}")
        if args["page"] < args["pages"]:
            lines.append(
                self._t(lang, "members-page", zone, page=args["page"], pages=args["pages"], next=args["page"] + 1)
            )
        return lines


def text_block(text: str, **extra: Any) -> dict[str, Any]:
    """An Adaptive Card TextBlock that wraps."""
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def submit_action(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """An Action.Submit whose data reaches the bot as the message `value`."""
    return {"type": "Action.Submit", "title": title, "data": data}


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]], *, lang: str) -> dict[str, Any]:
    """A v1.5 Adaptive Card; right-to-left and Arabic-tagged when `lang` is Arabic."""
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "lang": lang,
        "body": body,
        "actions": actions,
    }
    if lang == "ar":
        card["rtl"] = True
    return card


def card_activity(card: dict[str, Any], *, lang: str, summary: str | None = None) -> Activity:
    """A message activity carrying one Adaptive Card (`summary`: the plain text, for notifications)."""
    activity = Activity(
        type=ActivityTypes.message, locale=lang, attachments=[Attachment(content_type=ADAPTIVE_CARD, content=card)]
    )
    if summary:
        activity.summary = summary
    return activity
