"""Replies -> Bot Framework activities: text, or Adaptive Cards (v1.5, right-to-left in Arabic)."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    InvokeResponse,
)

from bot.cards.governance import GOVERNANCE_CARDS, GovernanceCards
from bot.cards.meetings import MeetingCards
from bot.cards.parts import FSI, PDI, execute_action, submit_action, text_block
from bot.cards.questions import QUESTION_CARDS, QuestionCards
from bot.cards.reminders import ReminderCards
from bot.files.downloads import calendar_link, minutes_link, report_link
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, format_number, plain
from dialogs.actions.points import ActionView
from dialogs.actions.report import UNKNOWN, ActionReport, ReportRow
from dialogs.common.clock import Clock, system_clock
from dialogs.common.replies import Reply

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"  # Teams shows `value` as a short message
CARD_VERSION = "1.5"
CARDS = ("action", "action-list", "action-report", "action-form", "members")
MEETING_CARDS = (
    *("meeting", "meeting-list", "agenda", "minutes", "meeting-form", "agenda-form", "meeting-reminder", "follow-up"),
    *("digest", "reminders", "reminders-failed"),
)


class Renderer:
    """Turns a dialog's Reply into what the member sees, in their language and time zone."""

    def __init__(self, catalogs: Catalogs, *, links: SignedLinks | None = None, clock: Clock = system_clock) -> None:
        self.catalogs = catalogs
        self.links = links
        self.clock = clock

    def text(self, reply: Reply, *, lang: str, zone: str) -> str:
        """The reply as plain (Markdown) text."""
        match reply.key:
            case "help":
                return "\n\n".join(self._help_lines(reply, lang=lang, zone=zone))
        if reply.card in (*CARDS, *MEETING_CARDS, *GOVERNANCE_CARDS, *QUESTION_CARDS):
            return card_text(self.card(reply, lang=lang, zone=zone))
        return self.catalogs.text(lang, reply.key, display_zone=zone, **reply.args)

    def activity(self, reply: Reply, *, lang: str, zone: str) -> Activity:
        """The reply as an activity to send: a card where the reply has one, else text."""
        if reply.card == "help":
            return card_activity(self._help_card(reply, lang=lang, zone=zone), lang=lang)
        if reply.card == "lang-choice":
            return card_activity(self._language_card(reply, lang=lang, zone=zone), lang=lang)
        if reply.card in (*CARDS, *MEETING_CARDS, *GOVERNANCE_CARDS, *QUESTION_CARDS):
            return card_activity(self.card(reply, lang=lang, zone=zone), lang=lang)
        text = self.text(reply, lang=lang, zone=zone)
        if lang == "ar":  # a card is the one way every Teams client lays Arabic out right-to-left
            lines = [line for line in text.split("\n") if line.strip()]
            card = adaptive_card([text_block(line) for line in lines], [], lang=lang)
            return card_activity(card, lang=lang, summary=text)
        return Activity(type=ActivityTypes.message, text=text, text_format="markdown", locale=lang)

    def card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        """The Adaptive Card of an action reply (also the answer to an Action.Execute refresh)."""
        if reply.card == "action-list":
            return self._action_list_card(reply, lang=lang, zone=zone)
        if reply.card == "action-report":
            return self._report_card(reply, lang=lang, zone=zone)
        if reply.card == "action-form":
            return self._action_form_card(reply, lang=lang, zone=zone)
        if reply.card == "members":
            return self._members_card(reply, lang=lang, zone=zone)
        if reply.card in MEETING_CARDS:
            return self._meeting_card(reply, lang=lang, zone=zone)
        if reply.card in GOVERNANCE_CARDS:
            return self._governance_card(reply, lang=lang, zone=zone)
        if reply.card in QUESTION_CARDS:
            return self._question_card(reply, lang=lang, zone=zone)
        action: ActionView = reply.args["action"]
        note = reply.args.get("note")
        extra = {key: value for key, value in reply.args.items() if key not in ("action", "note", "history")}
        headline = self._t(lang, reply.key, zone, number=action.number, **extra)
        body = [text_block(headline, isSubtle=True, spacing="None"), *self._action_body(action, lang=lang, zone=zone)]
        if note:
            body.append(text_block(f"«{note}»" if lang == "ar" else f"“{note}”", isSubtle=True))
        history = reply.args.get("history") or []
        if history:
            body.append(text_block(self._t(lang, "action-history-title", zone), weight="Bolder", separator=True))
            for event in history:
                line = self._t(
                    lang,
                    "action-history-line",
                    zone,
                    at=event["at"],
                    who=event["who"],
                    kind=event["kind"],
                    note=f" — {event['note']}" if event["note"] else "",
                )
                body.append(text_block(line, size="Small", spacing="Small"))
        card = adaptive_card(body, self._action_buttons(action, lang=lang, zone=zone), lang=lang)
        refresh_data = {"action": action.id, "history": True} if history else {"action": action.id}
        card["refresh"] = {
            "action": {"type": "Action.Execute", "verb": "action-refresh", "data": refresh_data},
            "userIds": list(action.refresh_for),
        }
        return card

    def _action_body(self, action: ActionView, *, lang: str, zone: str) -> list[dict[str, Any]]:
        number = format_number(action.number, lang=lang, style="plain")
        if action.due_on is None:
            due = self._t(lang, "action-no-due", zone)
        elif action.overdue_days:
            due = self._t(lang, "action-overdue", zone, day=action.due_on, days=action.overdue_days)
        else:
            due = self._t(lang, "action-due-value", zone, day=action.due_on)
        facts = [
            (self._t(lang, "action-status-label", zone), self._t(lang, "action-status", zone, status=action.status)),
            (
                self._t(lang, "action-owners-label", zone),
                self._t(lang, "action-owners-value", zone, owners=action.owners),
            ),
            (self._t(lang, "action-due-label", zone), due),
        ]
        if action.group:
            facts.append((self._t(lang, "action-group-label", zone), action.group))
        return [
            text_block(f"#{number} · {FSI}{action.text}{PDI}", weight="Bolder", size="Medium"),
            {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
        ]

    def _action_buttons(self, action: ActionView, *, lang: str, zone: str) -> list[dict[str, Any]]:
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
                    "placeholder": self._t(lang, "action-progress-placeholder", zone),
                }
            ],
            [execute_action(self._t(lang, "action-button-save", zone), "action-progress", data)],
            lang=lang,
        )
        return [
            execute_action(self._t(lang, "action-button-done", zone), "action-done", data, style="positive"),
            {"type": "Action.ShowCard", "title": self._t(lang, "action-button-progress", zone), "card": progress_form},
            execute_action(self._t(lang, "action-button-snooze", zone), "action-snooze", data),
        ]

    def _action_list_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        args = reply.args
        body = [
            text_block(
                self._t(lang, "actions-list", zone, title=args["title"], subject=args["subject"], count=args["count"]),
                weight="Bolder",
                size="Medium",
            )
        ]
        if not args["actions"]:
            body.append(text_block(self._t(lang, "actions-empty", zone)))
        for action in args["actions"]:
            body.append(
                {"type": "Container", "separator": True, "items": self._action_body(action, lang=lang, zone=zone)}
            )
        if args["page"] < args["pages"]:
            body.append(
                text_block(
                    self._t(lang, "actions-page", zone, page=args["page"], pages=args["pages"], next=args["page"] + 1),
                    isSubtle=True,
                )
            )
        return adaptive_card(body, [], lang=lang)

    def _action_form_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        t = partial(self._t, lang, zone=zone)
        me = str(reply.args["me"])
        body = [
            text_block(t("action-form"), weight="Bolder", size="Medium"),
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
            {
                "type": "Input.ChoiceSet",
                "id": "owners",
                "label": t("action-form-owners"),
                "isMultiSelect": True,
                "isRequired": True,
                "style": "filtered",
                "value": me,
                "errorMessage": t("action-owners-missing"),
                "choices": [{"title": name, "value": str(member_id)} for member_id, name in reply.args["people"]],
            },
            {"type": "Input.Date", "id": "due", "label": t("action-form-due")},
        ]
        if reply.args["groups"]:
            body.append(
                {
                    "type": "Input.ChoiceSet",
                    "id": "group",
                    "label": t("action-form-group"),
                    "placeholder": t("action-form-no-group"),
                    "choices": [{"title": name, "value": str(gid)} for gid, name in reply.args["groups"]],
                }
            )
        return adaptive_card(body, [submit_action(t("action-form-submit"), {"verb": "action-add"})], lang=lang)

    def _report_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        report: ActionReport = reply.args["report"]
        t = partial(self._t, lang, zone=zone)
        title = t("actions-report", period=report.period, start=report.start or "-", end=report.end or "-")
        body: list[dict[str, Any]] = [text_block(title, weight="Bolder", size="Medium")]
        if not report.by_quarter:
            body.append(text_block(t("report-empty")))
        sections = (
            ("organisation", report.by_organisation),
            ("group", report.by_group),
            ("quarter", report.by_quarter),
        )
        if report.by_quarter:
            body.append(self._report_row(report.total, lang=lang, zone=zone, quarter=False))
        for section, rows in sections:
            if rows:
                body.append(text_block(t(f"report-by-{section}"), weight="Bolder", separator=True))
                body += [self._report_row(row, lang=lang, zone=zone, quarter=section == "quarter") for row in rows]
        if report.by_quarter:
            body.append(text_block(t("report-note"), isSubtle=True, size="Small", separator=True))
        actions = []
        if reply.args.get("csv") and self.links is not None:
            url = report_link(
                self.links,
                community_id=reply.args["community_id"],
                member_id=reply.args["member_id"],
                period=report.period,
                clock=self.clock,
            )
            actions.append({"type": "Action.OpenUrl", "title": t("report-download"), "url": url})
        return adaptive_card(body, actions, lang=lang)

    def _report_row(self, row: ReportRow, *, lang: str, zone: str, quarter: bool) -> dict[str, Any]:
        """One organisation, group or quarter: its name, then its figures on one wrapped line."""
        t = partial(self._t, lang, zone=zone)
        if row.label == "total":
            label = t("report-total")
        elif quarter:  # "2026-Q4"
            year, number = row.label.split("-Q")
            label = t("report-quarter", year=format_number(int(year), lang=lang, style="plain"), quarter=int(number))
        else:
            label = t("report-none") if row.label == UNKNOWN else row.label
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

    def _question_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        return _refreshing_card(QuestionCards(partial(self._t, lang, zone=zone), lang=lang, zone=zone), reply, lang)

    def _governance_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        return _refreshing_card(GovernanceCards(partial(self._t, lang, zone=zone), lang=lang, zone=zone), reply, lang)

    def _meeting_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        cards = MeetingCards(partial(self._t, lang, zone=zone), lang=lang, zone=zone, calendar_url=self.calendar_url)
        match reply.card:
            case "meeting":
                body, actions = cards.meeting(reply)
            case "meeting-list":
                body, actions = cards.meeting_list(reply)
            case "agenda":
                body, actions = cards.agenda(reply)
            case "meeting-form":
                body, actions = cards.meeting_form(reply)
            case "agenda-form":
                body, actions = cards.agenda_form(reply)
            case "meeting-reminder":
                body, actions = cards.meeting_reminder(reply)
            case "follow-up":
                body, actions = cards.follow_up(reply)
            case "digest":
                body, actions = ReminderCards(cards.t, cards, lang=lang, zone=zone).digest(reply)
            case "reminders":
                body, actions = ReminderCards(cards.t, cards, lang=lang, zone=zone).settings(reply)
            case "reminders-failed":
                body, actions = ReminderCards(cards.t, cards, lang=lang, zone=zone).failed(reply)
            case _:
                body, actions = cards.minutes(reply, downloads=self._minutes_downloads(reply, lang=lang))
        return adaptive_card(body, actions, lang=lang)

    def calendar_url(self, token: str) -> str | None:
        """Where a meeting's .ics is served (None when the bot has no address to give)."""
        return calendar_link(self.links, token) if self.links is not None else None

    def _minutes_downloads(self, reply: Reply, *, lang: str) -> dict[str, str]:
        if self.links is None or "member_id" not in reply.args:
            return {}
        return {
            kind: minutes_link(
                self.links,
                community_id=reply.args["community_id"],
                member_id=reply.args["member_id"],
                occurrence_id=reply.args["occurrence_id"],
                lang=lang,
                kind=kind,
                clock=self.clock,
            )
            for kind in ("md", "docx")
        }

    def bilingual(self, key: str, **args: Any) -> Activity:
        """A message for someone whose language is unknown: Arabic (right-to-left), then English."""
        texts = {lang: self.catalogs.text(lang, key, **args) for lang in ("ar", "en")}
        body = [
            {"type": "Container", "rtl": True, "items": [text_block(texts["ar"])]},
            {"type": "Container", "rtl": False, "separator": True, "items": [text_block(texts["en"])]},
        ]
        summary = "\n\n".join(plain(texts[lang]) for lang in ("ar", "en"))
        return card_activity(adaptive_card(body, [], lang="ar"), lang="ar", summary=summary)

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

    def _members_card(self, reply: Reply, *, lang: str, zone: str) -> dict[str, Any]:
        args = reply.args
        t = partial(self._t, lang, zone=zone)
        guest = t("guest-mark")
        facts = [
            {
                "title": f"{entry['name']} {guest}" if entry["guest"] else entry["name"],
                "value": t("role-name", role=entry["role"]),
            }
            for entry in args["lines"]
        ]
        body = [
            text_block(t("members-title", count=args["count"]), weight="Bolder", size="Medium"),
            {"type": "FactSet", "facts": facts},
        ]
        if args["page"] < args["pages"]:
            body.append(
                text_block(
                    t("members-page", page=args["page"], pages=args["pages"], next=args["page"] + 1), isSubtle=True
                )
            )
        return adaptive_card(body, [], lang=lang)


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]], *, lang: str) -> dict[str, Any]:
    """A v1.5 Adaptive Card; right-to-left and Arabic-tagged when `lang` is Arabic.

    Cards have no inline code: `help` in a message becomes “help” (English) or «مساعدة» (Arabic).
    """
    quotes = ("«", "»") if lang == "ar" else ("“", "”")
    for block in _text_blocks(body):
        block["text"] = _CODE.sub(lambda m: quotes[0] + m.group(1) + quotes[1], block["text"])
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


def _refreshing_card(cards: QuestionCards | GovernanceCards, reply: Reply, lang: str) -> dict[str, Any]:
    """The card a card builder makes for `reply`, with the per-reader refresh it asks for."""
    card = adaptive_card(*cards.build(reply), lang=lang)
    refresh = cards.refresh(reply)
    if refresh is not None:
        card["refresh"] = refresh
    return card


def card_text(card: dict[str, Any]) -> str:
    """The words of a card, one line per TextBlock, fact or table row (for summaries and tests)."""

    def lines(element: Any) -> list[str]:
        if isinstance(element, list):
            return [line for item in element for line in lines(item)]
        if not isinstance(element, dict):
            return []
        match element.get("type"):
            case "TextBlock":
                return [element["text"]]
            case "FactSet":
                return [f"{fact['title']}: {fact['value']}" for fact in element["facts"]]
            case "TableRow":
                return [" | ".join(" ".join(lines(cell["items"])) for cell in element["cells"])]
        return lines(element.get("body", [])) + lines(element.get("items", [])) + lines(element.get("rows", []))

    return "\n".join(lines(card))


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


_CODE = re.compile(r"`([^`\n]+)`")


def _text_blocks(elements: Any) -> list[dict[str, Any]]:
    if isinstance(elements, list):
        return [block for element in elements for block in _text_blocks(element)]
    if not isinstance(elements, dict):
        return []
    found = [elements] if elements.get("type") == "TextBlock" else []
    return found + [b for key in ("items", "rows", "cells", "body") for b in _text_blocks(elements.get(key, []))]


def card_activity(card: dict[str, Any], *, lang: str, summary: str | None = None) -> Activity:
    """A message activity carrying one Adaptive Card (`summary`: the plain text, for notifications)."""
    activity = Activity(
        type=ActivityTypes.message, locale=lang, attachments=[Attachment(content_type=ADAPTIVE_CARD, content=card)]
    )
    if summary:
        activity.summary = summary
    return activity
