"""The monthly bulletin's card: the editorial note on top (in the language it was written in, its own direction),
then the month's meetings, decisions, action points per working group and new FAQ entries, and the coming meetings;
items only some may see are counted at the end. A channel post puts one such card per language side by side
(`bot.cards.channel`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_date

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.meetings import meeting_line, names
from bot.cards.parts import adaptive_card, own_title, text_block, written_in
from bot.i18n import format_day, format_when
from dialogs.bulletin.views import Bulletin, BulletinAction, GroupActions
from dialogs.common.replies import Reply
from dialogs.common.text import arabic_digits

SHOWN = 8
"""Entries a section lists (the rest counted): the whole bulletin, in two languages, fits in one Teams message."""
Element = dict[str, Any]


def month_name(ctx: CardContext, bulletin: Bulletin) -> str:
    """ "November 2026" / "نوفمبر ٢٠٢٦"."""
    text = format_date(bulletin.period, "LLLL y", locale=ctx.lang)
    return arabic_digits(text) if ctx.lang == "ar" else text


def bulletin_card(ctx: CardContext, reply: Reply, view: Bulletin) -> Card:
    """The whole bulletin in the reader's language."""
    t = ctx.t
    body: list[Element] = [text_block(t(reply.key, **reply.args, month=month_name(ctx, view)), weight="Bolder")]
    if view.note and ctx.lang in view.note_in:
        body.append(_note(ctx, view))
    meetings = [
        t("bulletin-meeting-line", number=m.number, title=m.title, when=_when(ctx, m.starts_at)) for m in view.meetings
    ]
    body += _section(ctx, t("bulletin-meetings", count=len(view.meetings)), meetings)
    decisions = [t("bulletin-decision-line", number=d.number, text=d.text) for d in view.decisions]
    body += _section(ctx, t("bulletin-decisions"), decisions)
    body.append(text_block(t("bulletin-actions"), weight="Bolder", separator=True))
    for group in view.groups:
        body += _group(ctx, group)
    if not view.groups:
        body.append(text_block(t("bulletin-none"), spacing="Small"))
    faq = [t("bulletin-faq-line", number=entry.number, question=entry.question(ctx.lang)) for entry in view.faq]
    body += _section(ctx, t("bulletin-faq"), faq)
    body += _section(ctx, t("bulletin-upcoming"), [meeting_line(ctx, meeting) for meeting in view.upcoming])
    if view.withheld:
        body.append(text_block(t("bulletin-withheld", count=view.withheld), isSubtle=True, separator=True))
    return adaptive_card(body, [], lang=ctx.lang)


def _note(ctx: CardContext, view: Bulletin) -> Element:
    """The editorial note as written (member text: shown literally), in its own direction, under a label."""
    return {
        "type": "Container",
        "style": "emphasis",
        "items": [
            text_block(ctx.t("bulletin-note-label"), isSubtle=True, size="Small"),
            written_in(view.note, view.note_lang, spacing="None"),
        ],
    }


def _section(ctx: CardContext, heading: str, lines: list[str]) -> list[Element]:
    """A heading, then up to SHOWN lines and how many more there are (or "None.")."""
    body = [text_block(heading, weight="Bolder", separator=True)]
    body += [text_block(line, spacing="Small") for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        body.append(text_block(ctx.t("bulletin-more", count=len(lines) - SHOWN), isSubtle=True, spacing="Small"))
    if not lines:
        body.append(text_block(ctx.t("bulletin-none"), spacing="Small"))
    return body


def _group(ctx: CardContext, group: GroupActions) -> list[Element]:
    """One working group's counts, then the action points the readers may see."""
    t = ctx.t
    name = own_title(group.group, ctx.lang) if group.group else t("bulletin-community-wide")
    lines = [t("bulletin-done-line", **_args(ctx, action)) for action in group.done]
    lines += [t("bulletin-overdue-line", **_args(ctx, action)) for action in group.overdue]
    body = [
        text_block(name, weight="Bolder", spacing="Small"),
        text_block(
            t("bulletin-group-counts", done=group.done_count, overdue=group.overdue_count), spacing="None", size="Small"
        ),
    ]
    body += [text_block(line, spacing="None", size="Small") for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        body.append(text_block(t("bulletin-more", count=len(lines) - SHOWN), isSubtle=True, spacing="None"))
    return body


def _args(ctx: CardContext, action: BulletinAction) -> dict[str, Any]:
    day = format_day(action.due_on, lang=ctx.lang) if action.due_on else "-"
    return {"number": action.number, "text": action.text, "owners": names(ctx, action.owners), "day": day}


def _when(ctx: CardContext, moment: datetime) -> str:
    return format_when(moment, lang=ctx.lang, zone=ctx.zone)


BUILDERS: CardBuilders = {Bulletin: bulletin_card}
