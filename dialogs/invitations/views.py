"""What an invitation's reply carries besides its words: the .ics the mail attaches (not a Teams card)."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.common.replies import CardView
from dialogs.meetings.calendar_file import Method


@dataclass(frozen=True)
class CalendarInvitation(CardView):
    """An iTIP message (RFC 5546): the iCalendar text and its METHOD, sent by e-mail only (bot/outbound/mail.py
    attaches it as a `text/calendar; method=…` part and writes the reply's text as the mail's words)."""

    ics: str
    method: Method
