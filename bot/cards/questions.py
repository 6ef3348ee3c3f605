"""Adaptive Cards for answers, FAQ entries and question tickets (right-to-left in Arabic).

Buttons that change something are `Action.Execute` (Teams shows the card the bot answers with in place of the
pressed one); a ticket's card refreshes for the people it went to, so each of them sees its current status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.cards.parts import FSI, PDI, execute_action, submit_action, text_block
from bot.i18n import format_day, format_number, format_when
from dialogs.common.language import LANGUAGES
from dialogs.common.replies import Reply
from dialogs.questions.faq import AnswerView, EntryLine
from dialogs.questions.faq_files import Problem
from dialogs.questions.tickets import TicketView

Translate = Callable[..., str]
QUESTION_CARDS = (
    "answer",
    "suggestions",
    "faq",
    "faq-list",
    "faq-form",
    "faq-import",
    "ticket",
    "ticket-answer",
    "ticket-list",
    "ticket-receipt",
)
MAX_TITLE = 140


class QuestionCards:
    """Card bodies and buttons for one reader (`t` translates into their language and zone)."""

    def __init__(self, t: Translate, *, lang: str, zone: str) -> None:
        self.t, self.lang, self.zone = t, lang, zone

    def build(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The body and actions of the reply's card."""
        match reply.card:
            case "answer":
                return self.answer(reply)
            case "suggestions":
                return self.suggestions(reply)
            case "faq":
                return self.entry(reply)
            case "faq-list":
                return self.entry_list(reply)
            case "faq-form":
                return self.entry_form(reply)
            case "faq-import":
                return self.import_report(reply)
            case "ticket":
                return self.ticket(reply)
            case "ticket-answer":
                return self.asker_ticket(reply)
            case "ticket-list":
                return self.ticket_list(reply)
        return self.receipt(reply)

    def refresh(self, reply: Reply) -> dict[str, Any] | None:
        """A ticket card refreshes (shows its current status) for everyone it was posted to."""
        if reply.card != "ticket":
            return None
        ticket: TicketView = reply.args["ticket"]
        return {
            "action": {"type": "Action.Execute", "verb": "ticket-refresh", "data": {"ticket": ticket.id}},
            "userIds": list(ticket.refresh_for),
        }

    # ---- answers -------------------------------------------------------------------------------------------

    def answer_blocks(self, view: AnswerView) -> list[dict[str, Any]]:
        """The question, the answer in the reader's language (or the other one, saying so) and its source."""
        version, other = view.pick(self.lang)
        blocks = []
        if version.question:
            blocks.append(text_block(f"{FSI}{version.question}{PDI}", weight="Bolder", size="Medium"))
        if other:
            blocks.append(text_block(self.t("answer-other-language", language=version.lang), isSubtle=True))
        blocks.append(text_block(version.answer))
        blocks.append(text_block(self.source(view), isSubtle=True, size="Small", separator=True))
        return blocks

    def source(self, view: AnswerView) -> str:
        """Where an answer comes from: the FAQ entry, or the meeting and its date."""
        if view.kind == "faq":
            parts = [self.t("answer-source-faq", number=view.number)]
            if view.group:
                parts.append(f"{FSI}{view.group}{PDI}")
            if view.tags:
                parts.append(self.sep().join(view.tags))
            line = " · ".join(parts)
            return f"{line} · [{self.t('answer-source-link')}]({view.source_url})" if view.source_url else line
        day = format_day(view.held_at.date(), lang=self.lang) if view.held_at else "-"
        return self.t(
            f"answer-source-{view.kind}",
            number=view.number,
            meeting=view.meeting or "-",
            day=day,
            meeting_number=view.meeting_number or 0,
        )

    def answer(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """An answer with "This answered me" and "Ask a facilitator" (none once thanked, or for `faq N`)."""
        view: AnswerView = reply.args["answer"]
        body = self.answer_blocks(view)
        if reply.key == "answer-thanks":
            body.append(text_block(self.t("answer-thanks"), color="Good"))
            return body, []
        if reply.key != "question-answer":
            return [text_block(self.t(reply.key, number=view.number), isSubtle=True), *body], []
        actions = [
            execute_action(self.t("answer-helped-button"), "answer-helped", {"ref": view.ref}, style="positive"),
            self.escalate_button(reply.args["question"], [view.ref]),
        ]
        return body, actions

    def escalate_button(self, question: str, refs: list[str]) -> dict[str, Any]:
        return execute_action(
            self.t("answer-escalate-button"), "question-escalate", {"question": question, "offered": refs}
        )

    def suggestions(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Not sure: up to three close entries (tapping one opens it as an answer) and the offer to ask a
        facilitator (the only button: long questions would not fit on buttons side by side)."""
        close: list[AnswerView] = reply.args["close"]
        body = [text_block(self.t(reply.key, count=len(close)))]
        for view in close:
            version, _ = view.pick(self.lang)
            title = self.title(version.question or version.answer)
            data = {"verb": "faq-show", "ref": view.ref, "question": reply.args["question"]}
            line = text_block(f"• {FSI}{title}{PDI} — {self.source(view)}", size="Small", color="Accent")
            body.append(
                {"type": "Container", "spacing": "Small", "items": [line], "selectAction": submit_action(title, data)}
            )
        return body, [self.escalate_button(reply.args["question"], [view.ref for view in close])]

    # ---- FAQ entries ---------------------------------------------------------------------------------------

    def entry(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """An added or edited entry: every version, its fields."""
        view: AnswerView = reply.args["entry"]
        body = [text_block(self.t(reply.key, number=view.number), weight="Bolder")]
        for version in view.versions:
            body.append(text_block(self.t("faq-version", language=version.lang), isSubtle=True, separator=True))
            body.append(text_block(f"{FSI}{version.question}{PDI}", weight="Bolder"))
            body.append(text_block(version.answer))
        body.append(text_block(self.source(view), isSubtle=True, size="Small", separator=True))
        return body, []

    def entry_list(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        args = reply.args
        lines: list[EntryLine] = args["lines"]
        title = self.t("faq-list-tagged" if args["tag"] else "faq-list", count=args["count"], tag=args["tag"])
        body = [text_block(title, weight="Bolder", size="Medium")]
        if not lines:
            body.append(text_block(self.t("faq-list-empty")))
        for line in lines:
            version = line.pick(self.lang)
            notes = [*line.tags, *([line.group] if line.group else [])]
            if line.helpful:
                notes.append(self.t("faq-helpful", count=line.helpful))
            items = [text_block(f"#{self.number(line.number)} · {FSI}{self.title(version.question)}{PDI}")]
            if notes:
                items.append(text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None"))
            body.append({"type": "Container", "separator": True, "items": items})
        if args["page"] < args["pages"]:
            body.append(text_block(self.t("faq-page", page=args["page"], pages=args["pages"], next=args["page"] + 1)))
        if args["facilitator"]:
            body.append(text_block(self.t("faq-manage-hint"), isSubtle=True, size="Small"))
        return body, []

    def entry_form(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The form to add an entry (or edit one: `number` and its values)."""
        t, values = self.t, reply.args["values"]
        number = reply.args["number"]
        title = t("faq-form-edit", number=number) if number else t("faq-form")
        body: list[dict[str, Any]] = [text_block(title, weight="Bolder", size="Medium")]
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
        if reply.args["groups"]:
            body.append(
                {"type": "Input.ChoiceSet", "id": "group", "label": t("faq-form-group"),
                 "value": values.get("group", ""),
                 "choices": [{"title": name, "value": str(gid)} for gid, name in reply.args["groups"]]}
            )  # fmt: skip
        return body, [submit_action(t("faq-form-submit"), {"verb": "faq-add", "number": number})]

    def import_report(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """How many rows came in, and each bad line with what is wrong."""
        args = reply.args
        body = [
            text_block(
                self.t("faq-imported", name=args["name"], added=args["added"], updated=args["updated"]),
                weight="Bolder",
            )
        ]
        problems: list[Problem] = args["problems"]
        if args["failed"]:
            body.append(text_block(self.t("faq-import-failed", count=args["failed"]), color="Attention"))
        for problem in problems:
            body.append(text_block(self.problem(problem), size="Small", spacing="Small"))
        if args["failed"] > len(problems):
            body.append(text_block(self.t("faq-import-more", count=args["failed"] - len(problems)), isSubtle=True))
        return body, []

    def problem(self, problem: Problem) -> str:
        """'line 4: the answer is missing'."""
        return self.t("faq-import-line", line=problem.line, problem=self.t(problem.key, **problem.args))

    # ---- tickets -------------------------------------------------------------------------------------------

    def ticket_facts(self, ticket: TicketView) -> list[dict[str, Any]]:
        facts = [
            (self.t("ticket-asker-label"), ticket.asker),
            (self.t("ticket-status-label"), self.t("ticket-status", status=ticket.status)),
            (self.t("ticket-asked-label"), format_when(ticket.created_at, lang=self.lang, zone=self.zone)),
        ]
        if ticket.group:
            facts.append((self.t("ticket-group-label"), ticket.group))
        if ticket.assignee:
            facts.append((self.t("ticket-assignee-label"), ticket.assignee))
        if ticket.faq_number:
            facts.append((self.t("ticket-faq-label"), f"#{self.number(ticket.faq_number)}"))
        return [
            text_block(f"{FSI}{ticket.question}{PDI}", weight="Bolder", size="Medium", wrap=True),
            {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
        ]

    def ticket(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The card the facilitators (or the group's lead) work the question from."""
        ticket: TicketView = reply.args["ticket"]
        extra = {k: v for k, v in reply.args.items() if k not in ("ticket", "number")}
        body = [
            text_block(self.t(reply.key, number=ticket.number, **extra), isSubtle=True, spacing="None"),
            *self.ticket_facts(ticket),
        ]
        if ticket.offered:
            body.append(text_block(self.t("ticket-offered"), weight="Bolder", separator=True))
            body += [
                text_block(f"• {FSI}{self.title(title)}{PDI}", size="Small", spacing="None") for title in ticket.offered
            ]
        elif ticket.status != "closed":
            body.append(text_block(self.t("ticket-offered-nothing"), isSubtle=True, size="Small"))
        if ticket.answer:
            who = ticket.answered_by or "-"
            body.append(text_block(self.t("ticket-answer-by", name=who), weight="Bolder", separator=True))
            body.append(text_block(ticket.answer))
        return body, self.ticket_buttons(ticket)

    def ticket_buttons(self, ticket: TicketView) -> list[dict[str, Any]]:
        if not ticket.can_handle:
            return []
        data = {"ticket": ticket.id}
        buttons = []
        if ticket.status in ("open", "assigned"):
            if ticket.status == "open":
                buttons.append(execute_action(self.t("ticket-take-button"), "ticket-take", data))
            form = {
                "type": "AdaptiveCard",
                "body": [
                    {"type": "Input.Text", "id": "answer", "isMultiline": True, "maxLength": 4000, "isRequired": True,
                     "label": self.t("ticket-answer-label"), "errorMessage": self.t("ticket-answer-missing",
                                                                                    number=ticket.number)}
                ],
                "actions": [execute_action(self.t("ticket-send-button"), "ticket-answer", data, style="positive")],
            }  # fmt: skip
            buttons.append({"type": "Action.ShowCard", "title": self.t("ticket-answer-button"), "card": form})
        if ticket.answer and ticket.faq_number is None:
            buttons.append(execute_action(self.t("ticket-faq-button"), "ticket-faq", data))
        if ticket.status != "closed":
            buttons.append(execute_action(self.t("ticket-close-button"), "ticket-close", data))
        return buttons

    def asker_ticket(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """What the asker sees: their question, the answer, and whether it helped."""
        ticket: TicketView = reply.args["ticket"]
        body = [
            text_block(self.t(reply.key, number=ticket.number), weight="Bolder"),
            text_block(f"{FSI}{ticket.question}{PDI}", isSubtle=True),
            text_block(self.t("ticket-status-line", status=ticket.status), size="Small"),
        ]
        if ticket.answer:
            body.append(text_block(self.t("ticket-answer-by", name=ticket.answered_by or "-"), separator=True))
            body.append(text_block(ticket.answer))
        actions = []
        if ticket.status == "answered" and ticket.is_asker:
            data = {"ticket": ticket.id}
            actions = [
                execute_action(self.t("answer-helped-button"), "ticket-helped", data, style="positive"),
                execute_action(self.t("ticket-reopen-button"), "ticket-reopen", data),
            ]
        return body, actions

    def ticket_list(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        tickets: list[TicketView] = reply.args["tickets"]
        title = self.t("tickets-list", title=reply.args["title"], count=reply.args["count"])
        body = [text_block(title, weight="Bolder", size="Medium")]
        if not tickets:
            body.append(text_block(self.t("tickets-empty")))
        for ticket in tickets:
            line = self.t("ticket-line", number=ticket.number, question=self.title(ticket.question))
            status = self.t("ticket-status", status=ticket.status)
            notes = [status, ticket.asker, format_when(ticket.created_at, lang=self.lang, zone=self.zone)]
            if ticket.assignee:
                notes.append(self.t("ticket-with", name=ticket.assignee))
            items = [text_block(line), text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None")]
            body.append({"type": "Container", "separator": True, "items": items})
        body.append(text_block(self.t("tickets-hint"), isSubtle=True, size="Small"))
        return body, []

    def receipt(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The asker's receipt: which number the question has and who it went to."""
        args = reply.args
        body = [
            text_block(self.t(reply.key, number=args["number"], group=args["group"], to=args["to"]), weight="Bolder"),
            text_block(f"{FSI}{args['question']}{PDI}", isSubtle=True),
            text_block(self.t("ticket-receipt-hint"), size="Small"),
        ]
        return body, []

    # ---- words ---------------------------------------------------------------------------------------------

    def title(self, text: str) -> str:
        """A question shortened to fit a button or a line."""
        text = " ".join(text.split())
        return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"

    def number(self, value: int) -> str:
        return format_number(value, lang=self.lang, style="plain")

    def sep(self) -> str:
        return "، " if self.lang == "ar" else ", "
