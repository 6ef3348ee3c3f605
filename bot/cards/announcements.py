"""The announcement's card: a headline in the reader's language (who announced it, and the working group it is for),
then the text as written, in its own direction. A channel post puts one such card per language side by side
(`bot.cards.channel`); the text is in the version of its own language only (`Announcement.text_in`)."""

from __future__ import annotations

from typing import Any

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, own_title, text_block, written_in
from dialogs.announcements.views import Announcement
from dialogs.common.replies import Reply


def announcement_card(ctx: CardContext, reply: Reply, view: Announcement) -> Card:
    """The announcement in the reader's language (the text shown where `view.text_in` has it)."""
    t = ctx.t
    body: list[dict[str, Any]] = [text_block(t("announcement-headline", by=view.by), weight="Bolder")]
    if view.group is not None:
        body.append(text_block(t("announcement-for-group", group=own_title(view.group, ctx.lang)), isSubtle=True))
    if ctx.lang in view.text_in:
        body.append(written_in(view.text, view.lang, spacing="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


BUILDERS: CardBuilders = {Announcement: announcement_card}
