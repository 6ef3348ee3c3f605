"""The questions feature: FAQ entries, answers to members' questions, and tickets to the facilitators.

Free text that is no command is a question: the router hands it to `dialogs.questions.asking.ask`."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.questions import asking, faq, tickets
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

TICKET_BUTTONS = (
    "ticket-refresh",
    "ticket-take",
    "ticket-answer",
    "ticket-close",
    "ticket-faq",
    "ticket-helped",
    "ticket-reopen",
)

FEATURE = Feature(
    name="questions",
    commands=(
        CommandSpec(
            "faq", ("faq", "faqs", "الأسئلة الشائعة", "أسئلة شائعة", "الأسئلة المتكررة"), faq.command, topic="questions"
        ),
        CommandSpec(
            "ask",
            ("ask", "ask a facilitator", "اسأل", "اسأل الميسرين", "اسأل ميسرا"),
            asking.ask_command,
            topic="questions",
        ),
        CommandSpec(
            "tickets",
            ("tickets", "التذاكر", "تذاكر", "الاستفسارات"),
            tickets.list_tickets,
            facilitator_only=True,
            topic="questions",
        ),
        CommandSpec("ticket", ("ticket", "تذكرة", "التذكرة"), tickets.command, topic="questions"),
        CommandSpec(
            "answer", ("answer", "أجب", "الجواب"), tickets.answer_command, facilitator_only=True, topic="questions"
        ),
    ),
    submits={"faq-add": faq.add_from_form, "faq-show": asking.open_ref},
    presses={
        "question-escalate": asking.press,
        "answer-helped": asking.press,
        **{verb: tickets.press for verb in TICKET_BUTTONS},
    },
    outbox={
        "ticket-posted": tickets.compose_posted,
        "ticket-repost": tickets.compose_repost,
        "ticket-assigned": tickets.compose_assigned,
        "ticket-answered": tickets.compose_answered,
        "ticket-closed": tickets.compose_closed,
    },
    cards=(
        *(AnswerCard, Suggestions, FaqEntryCard, FaqList, FaqForm, ImportReport),
        *(TicketCard, AskerTicketCard, TicketList, TicketReceipt),
    ),
)
