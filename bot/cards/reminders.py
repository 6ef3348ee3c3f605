"""Adaptive Cards for reminders: the weekly digest, the community's reminder settings, undelivered messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.cards.meetings import MeetingCards, isolate
from bot.cards.parts import text_block
from bot.i18n import format_day, format_when
from dialogs.common.replies import Reply
from dialogs.meetings.schedule import MeetingView

Translate = Callable[..., str]
Card = tuple[list[dict[str, Any]], list[dict[str, Any]]]


class ReminderCards:
    """Card bodies and buttons for reminder replies, in one reader's language and zone."""

    def __init__(self, t: Translate, meetings: MeetingCards, *, lang: str, zone: str) -> None:
        self.t, self.meetings, self.lang, self.zone = t, meetings, lang, zone

    def digest(self, reply: Reply) -> Card:
        """The week's meetings (with agenda deadlines still open) and due or overdue actions by owner."""
        t = self.t
        body = [text_block(t("digest-title"), weight="Bolder", size="Medium")]
        body.append(text_block(t("digest-meetings"), weight="Bolder", separator=True))
        meetings: list[MeetingView] = reply.args["meetings"]
        for meeting in meetings:
            line = f"#{self.meetings.number(meeting.number)} · {isolate(meeting.title)} · {self.meetings.when(meeting)}"
            if meeting.deadline > reply.args["now"]:
                line += (
                    f" · {t('digest-deadline', deadline=format_when(meeting.deadline, lang=self.lang, zone=self.zone))}"
                )
            body.append(text_block(line, spacing="Small"))
        if not meetings:
            body.append(text_block(t("digest-none"), spacing="Small"))
        body.append(text_block(t("digest-actions"), weight="Bolder", separator=True))
        for owner, actions in reply.args["owners"]:
            body.append(text_block(owner, weight="Bolder", spacing="Small"))
            for number, text, day, overdue in actions:
                line = t("digest-line", number=number, text=text, day=format_day(day, lang=self.lang))
                body.append(
                    text_block(f"{line} · {t('digest-overdue')}" if overdue else line, spacing="None", size="Small")
                )
        if not reply.args["owners"]:
            body.append(text_block(t("digest-none"), spacing="Small"))
        return body, []

    def settings(self, reply: Reply) -> Card:
        """What the community is reminded of, and when."""
        t, args = self.t, reply.args
        offsets = [self.meetings.lead(minutes) for minutes in args["meeting"]]
        weekend = [t("reminders-weekday", day=day) for day in args["weekend"]]
        facts = [
            (
                t("reminders-meeting-label"),
                t("reminders-meeting-value", offsets=self.meetings.names(tuple(offsets)))
                if offsets
                else t("reminders-meeting-off"),
            ),
            (t("reminders-agenda-label"), t("reminders-agenda-value", on=str(args["agenda"]).lower())),
            (
                t("reminders-follow-up-label"),
                t("reminders-follow-up-value", on=str(args["follow_up"]).lower(), days=args["minutes_nudge_days"]),
            ),
            (
                t("reminders-actions-label"),
                t(
                    "reminders-actions-value",
                    before=args["before"],
                    after=args["after"],
                    weekly=str(args["weekly"]).lower(),
                )
                if args["before"] or args["after"] or args["weekly"]
                else t("reminders-actions-off"),
            ),
            (
                t("reminders-digest-label"),
                t(
                    "reminders-digest-value",
                    day=t("reminders-weekday", day=args["digest_day"]),
                    time=self.digits(args["digest_time"]),
                    area=args["zone"],
                )
                if args["digest_day"]
                else t("reminders-digest-off"),
            ),
            (
                t("reminders-quiet-label"),
                t(
                    "reminders-quiet-value",
                    **{"from": self.digits(args["quiet"][0]), "until": self.digits(args["quiet"][1])},
                    days=self.meetings.names(tuple(weekend)) if weekend else t("reminders-no-weekend"),
                ),
            ),
        ]
        body = [
            text_block(t("reminders-settings", changed=str(args["changed"]).lower()), weight="Bolder", size="Medium"),
            {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
            text_block(t("reminders-change-hint"), isSubtle=True, size="Small"),
        ]
        return body, []

    def failed(self, reply: Reply) -> Card:
        """Messages that could not be delivered, with why."""
        t = self.t
        body = [text_block(t("reminders-failed", count=reply.args["count"]), weight="Bolder", size="Medium")]
        for line in reply.args["lines"]:
            due = format_when(line["due"], lang=self.lang, zone=self.zone)
            reason, _, details = line["error"].partition(" ")
            error = t("reminders-reason", reason=reason) + (f" ({details})" if details else "")
            kind = t("reminders-kind", kind=line["kind"])
            body.append(
                text_block(
                    t("reminders-failed-line", id=line["id"], kind=kind, to=line["to"] or "—", due=due, error=error),
                    size="Small",
                )
            )
        if reply.args["count"]:
            body.append(text_block(t("reminders-failed-hint"), isSubtle=True))
        return body, []

    def digits(self, clock: str) -> str:
        """'09:00' with the reader's digits."""
        hours, minutes = clock.split(":")
        number = self.meetings.number
        return f"{number(int(hours)).rjust(2, number(0))}:{number(int(minutes)).rjust(2, number(0))}"
