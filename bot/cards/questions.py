"""Adaptive Cards for answers, FAQ entries and question tickets (right-to-left in Arabic).

Buttons that change something are `Action.Execute` (Teams shows the card the bot answers with in place of the
pressed one); a ticket's card refreshes for the people it went to, so each of them sees its current status.
"""

from __future__ import annotations

from typing import Any

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import FSI, PDI, adaptive_card, execute_action, link, submit_action, text_block
from bot.i18n import format_day, format_number, format_when
from dialogs.common.language import LANGUAGES
from dialogs.common.replies import Reply
from dialogs.common.text import Markdown
from dialogs.questions.faq import AnswerView
from dialogs.questions.faq_files import Problem
from dialogs.questions.tickets import TicketView
from dialogs.questions.views import (
    AnswerCard,
    AskerTicketCard,
    FaqEntryCard,
    FaqForm,
    FaqList,
    ImportReport,
    Suggestions,
    TicketCard,
    TicketList,
    TicketReceipt,
)

MAX_TITLE = 140
Blocks = list[dict[str, Any]]


# ---- answers -----------------------------------------------------------------------------------------------


def answer_card(ctx: CardContext, reply: Reply, view: AnswerCard) -> Card:
    """An answer with "This answered me" and "Ask a facilitator"; once thanked, the thanks under it and no
    buttons; looked up (`faq N`), the reply's message above it and no buttons."""
    body = answer_blocks(ctx, view.answer)
    actions: Blocks = []
    match view.state:
        case "thanked":
            body.append(text_block(ctx.t(reply.key, **reply.args), color="Good"))
        case "looked-up":
            body.insert(0, text_block(ctx.t(reply.key, **reply.args), isSubtle=True))
        case "offered":
            helped = {"ref": view.answer.ref}
            actions = [
                execute_action(ctx.t("answer-helped-button"), "answer-helped", helped, style="positive"),
                _escalate_button(ctx, view.question, [view.answer.ref]),
            ]
    return adaptive_card(body, actions, lang=ctx.lang)


def answer_blocks(ctx: CardContext, view: AnswerView) -> Blocks:
    """The question, the answer in the reader's language (or the other one, saying so) and its source."""
    version, other = view.pick(ctx.lang)
    blocks = []
    if version.question:
        blocks.append(text_block(f"{FSI}{version.question}{PDI}", weight="Bolder", size="Medium"))
    if other:
        blocks.append(text_block(ctx.t("answer-other-language", language=version.lang), isSubtle=True))
    blocks.append(text_block(version.answer))
    blocks.append(text_block(source(ctx, view), isSubtle=True, size="Small", separator=True))
    return blocks


def source(ctx: CardContext, view: AnswerView) -> str:
    """Where an answer comes from: the FAQ entry, or the meeting and its date."""
    if view.kind == "faq":
        parts = [ctx.t("answer-source-faq", number=view.number)]
        if view.group:
            parts.append(f"{FSI}{view.group}{PDI}")
        if view.tags:
            parts.append(_separator(ctx).join(view.tags))
        if view.source_url:
            parts.append(link(ctx.t("answer-source-link"), view.source_url))
        return Markdown(" · ").join(parts)
    day = format_day(view.held_at.date(), lang=ctx.lang) if view.held_at else "-"
    return ctx.t(
        f"answer-source-{view.kind}",
        number=view.number,
        meeting=view.meeting or "-",
        day=day,
        meeting_number=view.meeting_number or 0,
    )


def _escalate_button(ctx: CardContext, question: str, refs: list[str]) -> dict[str, Any]:
    return execute_action(ctx.t("answer-escalate-button"), "question-escalate", {"question": question, "offered": refs})


def suggestions_card(ctx: CardContext, reply: Reply, view: Suggestions) -> Card:
    """Not sure: up to three close entries (tapping one opens it as an answer) and the offer to ask a
    facilitator (the only button: long questions would not fit on buttons side by side)."""
    body = [text_block(ctx.t(reply.key, **reply.args))]
    for close in view.close:
        version, _ = close.pick(ctx.lang)
        title = _title(version.question or version.answer)
        data = {"verb": "faq-show", "ref": close.ref, "question": view.question}
        line = text_block(f"• {FSI}{title}{PDI} — {source(ctx, close)}", size="Small", color="Accent")
        body.append(
            {"type": "Container", "spacing": "Small", "items": [line], "selectAction": submit_action(title, data)}
        )
    escalate = _escalate_button(ctx, view.question, [close.ref for close in view.close])
    return adaptive_card(body, [escalate], lang=ctx.lang)


# ---- FAQ entries -------------------------------------------------------------------------------------------


def entry_card(ctx: CardContext, reply: Reply, view: FaqEntryCard) -> Card:
    """An added or edited entry: every version, its fields."""
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder")]
    for version in view.entry.versions:
        body.append(text_block(ctx.t("faq-version", language=version.lang), isSubtle=True, separator=True))
        body.append(text_block(f"{FSI}{version.question}{PDI}", weight="Bolder"))
        body.append(text_block(version.answer))
    body.append(text_block(source(ctx, view.entry), isSubtle=True, size="Small", separator=True))
    return adaptive_card(body, [], lang=ctx.lang)


def entry_list_card(ctx: CardContext, _reply: Reply, view: FaqList) -> Card:
    """One page of the entries (of a tag), with how much each helped."""
    title = ctx.t("faq-list-tagged" if view.tag else "faq-list", count=view.count, tag=view.tag)
    body = [text_block(title, weight="Bolder", size="Medium")]
    if not view.lines:
        body.append(text_block(ctx.t("faq-list-empty")))
    for line in view.lines:
        version = line.pick(ctx.lang)
        notes = [*line.tags, *([line.group] if line.group else [])]
        if line.helpful:
            notes.append(ctx.t("faq-helpful", count=line.helpful))
        items = [text_block(f"#{_number(ctx, line.number)} · {FSI}{_title(version.question)}{PDI}")]
        if notes:
            items.append(text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None"))
        body.append({"type": "Container", "separator": True, "items": items})
    if view.page < view.pages:
        body.append(text_block(ctx.t("faq-page", page=view.page, pages=view.pages, next=view.page + 1)))
    if view.facilitator:
        body.append(text_block(ctx.t("faq-manage-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def entry_form_card(ctx: CardContext, _reply: Reply, view: FaqForm) -> Card:
    """The form to add an entry (or edit one: its number and its values)."""
    t, values = ctx.t, view.values
    title = t("faq-form-edit", number=view.number) if view.number else t("faq-form")
    body: Blocks = [text_block(title, weight="Bolder", size="Medium")]
    for lang in LANGUAGES:
        body += [
            text_block(t("faq-version", language=lang), weight="Bolder", separator=True),
            {"type": "Input.Text", "id": f"question_{lang}", "label": t("faq-form-question"),
             "isMultiline": True, "maxLength": 2000, "value": values.get(f"question_{lang}", ""),
             "placeholder": t("faq-form-question-hint")},
            {"type": "Input.Text", "id": f"answer_{lang}", "label": t("faq-form-answer"), "isMultiline": True,
             "maxLength": 4000, "value": values.get(f"answer_{lang}", "")},
        ]  # fmt: skip
    body += [
        {"type": "Input.Text", "id": "tags", "label": t("faq-form-tags"), "maxLength": 400,
         "value": values.get("tags", "")},
        {"type": "Input.Text", "id": "source", "label": t("faq-form-source"), "style": "Url", "maxLength": 1000,
         "value": values.get("source", "")},
    ]  # fmt: skip
    if view.groups:
        body.append(
            {"type": "Input.ChoiceSet", "id": "group", "label": t("faq-form-group"),
             "value": values.get("group", ""),
             "choices": [{"title": name, "value": str(gid)} for gid, name in view.groups]}
        )  # fmt: skip
    save = submit_action(t("faq-form-submit"), {"verb": "faq-add", "number": view.number})
    return adaptive_card(body, [save], lang=ctx.lang)


def import_report_card(ctx: CardContext, reply: Reply, view: ImportReport) -> Card:
    """How many rows came in, and each bad line with what is wrong."""
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder")]
    if view.failed:
        body.append(text_block(ctx.t("faq-import-failed", count=view.failed), color="Attention"))
    for problem in view.problems:
        body.append(text_block(_problem(ctx, problem), size="Small", spacing="Small"))
    if view.failed > len(view.problems):
        body.append(text_block(ctx.t("faq-import-more", count=view.failed - len(view.problems)), isSubtle=True))
    return adaptive_card(body, [], lang=ctx.lang)


def _problem(ctx: CardContext, problem: Problem) -> str:
    """'line 4: the answer is missing'."""
    return ctx.t("faq-import-line", line=problem.line, problem=ctx.t(problem.key, **problem.args))


# ---- tickets -----------------------------------------------------------------------------------------------


def ticket_card(ctx: CardContext, reply: Reply, view: TicketCard) -> Card:
    """The card the facilitators (or the group's lead) work the question from, refreshed for each of them."""
    ticket = view.ticket
    body = [
        text_block(ctx.t(reply.key, **reply.args), isSubtle=True, spacing="None"),
        *_ticket_facts(ctx, ticket),
    ]
    if ticket.offered:
        body.append(text_block(ctx.t("ticket-offered"), weight="Bolder", separator=True))
        body += [text_block(f"• {FSI}{_title(title)}{PDI}", size="Small", spacing="None") for title in ticket.offered]
    elif ticket.status != "closed":
        body.append(text_block(ctx.t("ticket-offered-nothing"), isSubtle=True, size="Small"))
    if ticket.answer:
        who = ticket.answered_by or "-"
        body.append(text_block(ctx.t("ticket-answer-by", name=who), weight="Bolder", separator=True))
        body.append(text_block(ticket.answer))
    card = adaptive_card(body, _ticket_buttons(ctx, ticket), lang=ctx.lang)
    card["refresh"] = {
        "action": {"type": "Action.Execute", "verb": "ticket-refresh", "data": {"ticket": ticket.id}},
        "userIds": list(ticket.refresh_for),
    }
    return card


def _ticket_facts(ctx: CardContext, ticket: TicketView) -> Blocks:
    facts = [
        (ctx.t("ticket-asker-label"), ticket.asker),
        (ctx.t("ticket-status-label"), ctx.t("ticket-status", status=ticket.status)),
        (ctx.t("ticket-asked-label"), format_when(ticket.created_at, lang=ctx.lang, zone=ctx.zone)),
    ]
    if ticket.group:
        facts.append((ctx.t("ticket-group-label"), ticket.group))
    if ticket.assignee:
        facts.append((ctx.t("ticket-assignee-label"), ticket.assignee))
    if ticket.faq_number:
        facts.append((ctx.t("ticket-faq-label"), f"#{_number(ctx, ticket.faq_number)}"))
    return [
        text_block(f"{FSI}{ticket.question}{PDI}", weight="Bolder", size="Medium", wrap=True),
        {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
    ]


def _ticket_buttons(ctx: CardContext, ticket: TicketView) -> Blocks:
    if not ticket.can_handle:
        return []
    t, data = ctx.t, {"ticket": ticket.id}
    buttons = []
    if ticket.status in ("open", "assigned"):
        if ticket.status == "open":
            buttons.append(execute_action(t("ticket-take-button"), "ticket-take", data))
        form = {
            "type": "AdaptiveCard",
            "body": [
                {"type": "Input.Text", "id": "answer", "isMultiline": True, "maxLength": 4000, "isRequired": True,
                 "label": t("ticket-answer-label"), "errorMessage": t("ticket-answer-missing", number=ticket.number)}
            ],
            "actions": [execute_action(t("ticket-send-button"), "ticket-answer", data, style="positive")],
        }  # fmt: skip
        buttons.append({"type": "Action.ShowCard", "title": t("ticket-answer-button"), "card": form})
    if ticket.answer and ticket.faq_number is None:
        buttons.append(execute_action(t("ticket-faq-button"), "ticket-faq", data))
    if ticket.status != "closed":
        buttons.append(execute_action(t("ticket-close-button"), "ticket-close", data))
    return buttons


def asker_ticket_card(ctx: CardContext, reply: Reply, view: AskerTicketCard) -> Card:
    """What the asker sees: their question, the answer, and whether it helped."""
    ticket = view.ticket
    body = [
        text_block(ctx.t(reply.key, **reply.args), weight="Bolder"),
        text_block(f"{FSI}{ticket.question}{PDI}", isSubtle=True),
        text_block(ctx.t("ticket-status-line", status=ticket.status), size="Small"),
    ]
    if ticket.answer:
        body.append(text_block(ctx.t("ticket-answer-by", name=ticket.answered_by or "-"), separator=True))
        body.append(text_block(ticket.answer))
    actions = []
    if ticket.status == "answered" and ticket.is_asker:
        data = {"ticket": ticket.id}
        actions = [
            execute_action(ctx.t("answer-helped-button"), "ticket-helped", data, style="positive"),
            execute_action(ctx.t("ticket-reopen-button"), "ticket-reopen", data),
        ]
    return adaptive_card(body, actions, lang=ctx.lang)


def ticket_list_card(ctx: CardContext, reply: Reply, view: TicketList) -> Card:
    """The questions of one filter: number, question, status, asker, when, and who took it."""
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not view.tickets:
        body.append(text_block(ctx.t("tickets-empty")))
    for ticket in view.tickets:
        line = ctx.t("ticket-line", number=ticket.number, question=_title(ticket.question))
        status = ctx.t("ticket-status", status=ticket.status)
        notes = [status, ticket.asker, format_when(ticket.created_at, lang=ctx.lang, zone=ctx.zone)]
        if ticket.assignee:
            notes.append(ctx.t("ticket-with", name=ticket.assignee))
        items = [text_block(line), text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None")]
        body.append({"type": "Container", "separator": True, "items": items})
    body.append(text_block(ctx.t("tickets-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def receipt_card(ctx: CardContext, reply: Reply, view: TicketReceipt) -> Card:
    """The asker's receipt: which number the question has and who it went to."""
    body = [
        text_block(ctx.t(reply.key, **reply.args), weight="Bolder"),
        text_block(f"{FSI}{view.question}{PDI}", isSubtle=True),
        text_block(ctx.t("ticket-receipt-hint"), size="Small"),
    ]
    return adaptive_card(body, [], lang=ctx.lang)


# ---- words -------------------------------------------------------------------------------------------------


def _title(text: str) -> str:
    """A question shortened to fit a button or a line."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _number(ctx: CardContext, value: int) -> str:
    return format_number(value, lang=ctx.lang, style="plain")


def _separator(ctx: CardContext) -> str:
    return "، " if ctx.lang == "ar" else ", "


BUILDERS: CardBuilders = {
    AnswerCard: answer_card,
    Suggestions: suggestions_card,
    FaqEntryCard: entry_card,
    FaqList: entry_list_card,
    FaqForm: entry_form_card,
    ImportReport: import_report_card,
    TicketCard: ticket_card,
    AskerTicketCard: asker_ticket_card,
    TicketList: ticket_list_card,
    TicketReceipt: receipt_card,
}
"""The builder of each of this feature's card views."""
