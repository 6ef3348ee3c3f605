"""Adaptive Cards of the community feature: help, the language choice, the roster."""

from __future__ import annotations

from typing import Any

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, submit_action, text_block
from dialogs.common.replies import Reply
from dialogs.community.views import HelpCard, LanguageChoice, RosterPage


def help_lines(ctx: CardContext, view: HelpCard) -> list[str]:
    """Title, introduction, one line per command, footer (also the reply's text form)."""
    lines = [f"**{ctx.t('help-title')}**", ctx.t("help-intro", role=view.role)]
    lines += [ctx.t(f"help-cmd-{name}") for name in view.commands]
    lines.append(ctx.t("help-footer"))
    return lines


def help_card(ctx: CardContext, _reply: Reply, view: HelpCard) -> Card:
    """The commands with an example each, and the language buttons."""
    title, intro, *commands, footer = help_lines(ctx, view)
    body: list[dict[str, Any]] = [
        text_block(title.strip("*"), weight="Bolder", size="Medium"),
        text_block(intro),
        *(text_block(line, spacing="Small") for line in commands),
        text_block(footer, isSubtle=True),
    ]
    return adaptive_card(body, _language_buttons(ctx), lang=ctx.lang)


def language_card(ctx: CardContext, reply: Reply, _view: LanguageChoice) -> Card:
    """The question, and a button per language."""
    return adaptive_card([text_block(ctx.t(reply.key, **reply.args))], _language_buttons(ctx), lang=ctx.lang)


def roster_card(ctx: CardContext, _reply: Reply, view: RosterPage) -> Card:
    """One page of the roster: name (guests marked) and role; the next page's button."""
    guest = ctx.t("guest-mark")
    facts = [
        {"title": f"{line.name} {guest}" if line.guest else line.name, "value": ctx.t("role-name", role=line.role)}
        for line in view.lines
    ]
    body = [
        text_block(ctx.t("members-title", count=view.count), weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": facts},
    ]
    buttons = []
    if view.page < view.pages:
        more = ctx.t("members-page", page=view.page, pages=view.pages, next=view.page + 1)
        body.append(text_block(more, isSubtle=True))
        title = ctx.t("members-more-button", next=view.page + 1, pages=view.pages)
        buttons.append(submit_action(title, {"verb": "members-page", "page": view.page + 1}))
    return adaptive_card(body, buttons, lang=ctx.lang)


def _language_buttons(ctx: CardContext) -> list[dict[str, Any]]:
    return [
        submit_action(ctx.t("help-switch-ar"), {"verb": "lang", "lang": "ar"}),
        submit_action(ctx.t("help-switch-en"), {"verb": "lang", "lang": "en"}),
    ]


BUILDERS: CardBuilders = {HelpCard: help_card, LanguageChoice: language_card, RosterPage: roster_card}
