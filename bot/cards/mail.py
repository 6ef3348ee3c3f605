"""Adaptive Cards of the mail feature: a member's e-mail choices, a switch per topic, a switch for announcements in
the 1:1 chat, and a Save button."""

from __future__ import annotations

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, submit_action, text_block
from dialogs.common.replies import Reply
from dialogs.mail.topics import TOPICS
from dialogs.mail.views import CHOICES, IN_CHAT, MailChoicesCard


def choices_card(ctx: CardContext, reply: Reply, view: MailChoicesCard) -> Card:
    """The headline, each choice's state in words (for text and screen readers), where mails go, how to change it,
    and the switches: one per topic when the bot knows an address, and announcements in the 1:1 chat (Teams only)."""
    t = ctx.t
    body: list[dict[str, object]] = [text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    for topic in TOPICS:
        chosen = topic in view.chosen
        label = t(f"notify-topic-{topic}")
        body.append(text_block(f"{label}: {t('notify-on' if chosen else 'notify-off')}"))
    in_chat = t("notify-in-chat-on" if view.in_chat else "notify-in-chat-off")
    body.append(text_block(f"{t('notify-in-chat')}: {in_chat}"))
    body.append(text_block(t("notify-address", email=view.email) if view.email else t("notify-no-address")))
    body.append(text_block(t("notify-how"), isSubtle=True))
    switches = [(topic, t(f"notify-topic-{topic}"), topic in view.chosen) for topic in TOPICS] if view.email else []
    switches.append((IN_CHAT, t("notify-in-chat"), view.in_chat))  # Teams only: no address needed
    body += [
        {"type": "Input.Toggle", "id": key, "title": title, "value": str(on).lower()} for key, title, on in switches
    ]
    return adaptive_card(body, [submit_action(t("notify-save"), {"verb": CHOICES})], lang=ctx.lang)


BUILDERS: CardBuilders = {MailChoicesCard: choices_card}
