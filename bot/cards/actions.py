"""Adaptive Cards of the actions feature: one action (refreshed per reader), lists, the form and the report."""

from __future__ import annotations

from typing import Any

from bot.cards import charts, fit
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import FSI, PDI, adaptive_card, execute_action, own_title, submit_action, text_block
from bot.files.downloads import report_link
from bot.i18n import format_number
from dialogs.actions.report import UNKNOWN, ReportRow
from dialogs.actions.views import ActionCard, ActionForm, ActionList, ActionReportCard, ActionView
from dialogs.common.replies import Reply

TEXT_SHOWN = 300
"""Characters of an action's text a list shows (`action N` shows it whole)."""
REPORT_CHARTS = {"organisation": "chart-completion-organisation", "quarter": "chart-completion-quarter"}
"""The report's sections that have a chart of their completion rates, and its title."""
MEMBERS_DATASET = "members"
"""The typeahead dataset of the community's active members (`Data.Query`, answered by `bot.teams.routes`)."""


def action_card(ctx: CardContext, reply: Reply, view: ActionCard) -> Card:
    """One action point under the reply's message, with its buttons for those who may update it, the note quoted
    and its history when it has them; refreshed for its owners and the facilitators."""
    action = view.action
    body = [text_block(ctx.t(reply.key, **reply.args), isSubtle=True, spacing="None"), *_action_body(ctx, action)]
    if view.note:
        body.append(text_block(f"«{view.note}»" if ctx.lang == "ar" else f"“{view.note}”", isSubtle=True))
    if view.history:
        body.append(text_block(ctx.t("action-history-title"), weight="Bolder", separator=True))
        for event in view.history:
            line = ctx.t(
                "action-history-line",
                at=event.at,
                who=event.who,
                kind=event.kind,
                note=f" — {event.note}" if event.note else "",
            )
            body.append(text_block(line, size="Small", spacing="Small"))
    card = adaptive_card(body, _action_buttons(ctx, action), lang=ctx.lang)
    refresh_data = {"action": action.id, "history": True} if view.history else {"action": action.id}
    card["refresh"] = {
        "action": {"type": "Action.Execute", "verb": "action-refresh", "data": refresh_data},
        "userIds": list(action.refresh_for),
    }
    return card


def action_list_card(ctx: CardContext, reply: Reply, view: ActionList) -> Card:
    """The list's title and count (the reply's message), one block per action (long texts cut), and the next page's
    button."""
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not view.actions:
        body.append(text_block(ctx.t("actions-empty")))
    for action in view.actions:
        items = _action_body(ctx, action, limit=TEXT_SHOWN)
        if len(action.text) > TEXT_SHOWN:
            items.append(text_block(ctx.t("action-list-cut", number=action.number), isSubtle=True, size="Small"))
        body.append({"type": "Container", "separator": True, "items": items})
    buttons = []
    if view.page < view.pages:
        more = ctx.t("actions-page", page=view.page, pages=view.pages, next=view.page + 1)
        body.append(text_block(more, isSubtle=True))
        title = ctx.t("actions-more-button", next=view.page + 1, pages=view.pages)
        buttons.append(submit_action(title, {"verb": "actions-page", "list": view.listing, "page": view.page + 1}))
    return adaptive_card(body, buttons, lang=ctx.lang)


def action_form_card(ctx: CardContext, reply: Reply, view: ActionForm) -> Card:
    """What is to be done, its owners (the reader chosen), an optional due date and working group. The owner picker
    lists everyone who fits in the message; past that (or past the dialog's limit) it finds members as one types."""
    room = fit.current()
    card = _action_form(ctx, reply, view, search=view.search)
    if not view.search and room.budget is not None and fit.size(card) > room.budget:
        room.used = True
        card = _action_form(ctx, reply, view, search=True)  # names too long to list them all in one message
    return card


def _action_form(ctx: CardContext, reply: Reply, view: ActionForm, *, search: bool) -> Card:
    t = ctx.t
    people = [person for person in view.people if person.id == view.me] if search else list(view.people)
    owners: dict[str, Any] = {
        "type": "Input.ChoiceSet",
        "id": "owners",
        "label": t("action-form-owners"),
        "isMultiSelect": True,
        "isRequired": True,
        "style": "filtered",
        "value": str(view.me),
        "errorMessage": t("action-owners-missing"),
        "choices": [{"title": person.name, "value": str(person.id)} for person in people],
    }
    if search:
        owners["choices.data"] = {"type": "Data.Query", "dataset": MEMBERS_DATASET}
    body = [
        text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium"),
        {
            "type": "Input.Text",
            "id": "text",
            "label": t("action-form-text"),
            "isRequired": True,
            "maxLength": 1000,
            "isMultiline": True,
            "placeholder": t("action-form-text-placeholder"),
            "errorMessage": t("action-text-missing"),
        },
        owners,
        *([text_block(t("action-form-owners-search"), isSubtle=True, size="Small", spacing="None")] if search else []),
        {"type": "Input.Date", "id": "due", "label": t("action-form-due"), "placeholder": t("form-date-placeholder")},
    ]
    if view.groups:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": "group",
                "label": t("action-form-group"),
                "placeholder": t("action-form-no-group"),
                "choices": [{"title": group.name, "value": str(group.id)} for group in view.groups],
            }
        )
    return adaptive_card(body, [submit_action(t("action-form-submit"), {"verb": "action-add"})], lang=ctx.lang)


def report_card(ctx: CardContext, reply: Reply, view: ActionReportCard) -> Card:
    """The period (the reply's message), the totals, one line per organisation, group and quarter, and the CSV
    download for the facilitator it was made for."""
    report, t = view.report, ctx.t
    body: list[dict[str, Any]] = [text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not report.by_quarter:
        body.append(text_block(t("report-empty")))
    sections = (
        ("organisation", report.by_organisation),
        ("group", report.by_group),
        ("quarter", report.by_quarter),
    )
    if report.by_quarter:
        body.append(_report_row(ctx, report.total, quarter=False))
    for section, rows in sections:
        if rows:
            body.append(text_block(t(f"report-by-{section}"), weight="Bolder", separator=True))
            if section in REPORT_CHARTS:
                body += _completion_chart(ctx, rows, section=section)
            body += [_report_row(ctx, row, quarter=section == "quarter") for row in rows]
    if report.by_quarter:
        body.append(text_block(t("report-note"), isSubtle=True, size="Small", separator=True))
    actions = []
    if view.download is not None and ctx.links is not None:
        url = report_link(
            ctx.links,
            community_id=view.download.community_id,
            member_id=view.download.member_id,
            period=report.period,
            clock=ctx.clock,
        )
        actions.append({"type": "Action.OpenUrl", "title": t("report-download"), "url": url})
    return adaptive_card(body, actions, lang=ctx.lang)


def _completion_chart(ctx: CardContext, rows: tuple[ReportRow, ...], *, section: str) -> list[dict[str, Any]]:
    """The completion rate of each organisation (horizontal bars: their names are long) or quarter (vertical
    bars, in time order), in whole percent; rows with nothing done or open are left out (none: no chart)."""
    quarter = section == "quarter"
    parts = [
        charts.Part(_report_label(ctx, row, quarter=quarter), round(100 * row.completion), "good")
        for row in rows
        if row.completion is not None
    ]
    if not parts:
        return []
    title = ctx.t(REPORT_CHARTS[section])
    return [charts.bars(title, parts, lang=ctx.lang, horizontal=not quarter, percent=True)]


def _action_body(ctx: CardContext, action: ActionView, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The action's number and text (cut at `limit` characters), then its status, owners, due date and group."""
    number = format_number(action.number, lang=ctx.lang, style="plain")
    if action.due_on is None:
        due = ctx.t("action-no-due")
    elif action.overdue_days:
        due = ctx.t("action-overdue", day=action.due_on, days=action.overdue_days)
    else:
        due = ctx.t("action-due-value", day=action.due_on)
    text = fit.current().cut(action.text, limit) if limit else action.text
    facts = [
        (ctx.t("action-status-label"), ctx.t("action-status", status=action.status)),
        (ctx.t("action-owners-label"), ctx.t("action-owners-value", owners=action.owners)),
        (ctx.t("action-due-label"), due),
    ]
    if action.group:
        facts.append((ctx.t("action-group-label"), own_title(action.group, ctx.lang)))
    return [
        text_block(f"#{number} · {FSI}{text}{PDI}", weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
    ]


def _action_buttons(ctx: CardContext, action: ActionView) -> list[dict[str, Any]]:
    """Done, add progress (a note in a shown card), snooze a week: for those who may update the action."""
    if not action.can_update:
        return []
    data = {"action": action.id}
    progress_form = adaptive_card(
        [
            {
                "type": "Input.Text",
                "id": "note",
                "isMultiline": True,
                "maxLength": 1000,
                "placeholder": ctx.t("action-progress-placeholder"),
            }
        ],
        [execute_action(ctx.t("action-button-save"), "action-progress", data)],
        lang=ctx.lang,
    )
    return [
        execute_action(ctx.t("action-button-done"), "action-done", data, style="positive"),
        {"type": "Action.ShowCard", "title": ctx.t("action-button-progress"), "card": progress_form},
        execute_action(ctx.t("action-button-snooze"), "action-snooze", data),
    ]


def _report_row(ctx: CardContext, row: ReportRow, *, quarter: bool) -> dict[str, Any]:
    """One organisation, group or quarter: its name, then its figures on one wrapped line."""
    t, lang = ctx.t, ctx.lang
    label = _report_label(ctx, row, quarter=quarter)
    figures = t(
        "report-figures" if row.median_days_late is not None else "report-figures-never-late",
        open=row.open,
        done=row.done,
        overdue=row.overdue,
        completion=format_number(row.completion, lang=lang, style="percent")
        if row.completion is not None
        else t("report-none"),
        late=format_number(row.median_days_late, lang=lang) if row.median_days_late is not None else "",
    )
    return {
        "type": "Container",
        "spacing": "Small",
        "items": [
            text_block(label, weight="Bolder", size="Small"),
            text_block(figures, size="Small", spacing="None"),
        ],
    }


def _report_label(ctx: CardContext, row: ReportRow, *, quarter: bool) -> str:
    """What a report row is about: the total, a quarter ("Q4 2026"), an organisation or a group."""
    if row.label == "total":
        return ctx.t("report-total")
    if quarter:  # "2026-Q4"
        year, number = row.label.split("-Q")
        return ctx.t("report-quarter", year=format_number(int(year), lang=ctx.lang, style="plain"), quarter=int(number))
    return ctx.t("report-none") if row.label == UNKNOWN else own_title(row.label, ctx.lang)


BUILDERS: CardBuilders = {
    ActionCard: action_card,
    ActionList: action_list_card,
    ActionForm: action_form_card,
    ActionReportCard: report_card,
}
"""The builder of each of this feature's card views."""
