"""Adaptive Cards for meetings, agendas and minutes (right-to-left in Arabic, times in the reader's zone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from bot.cards.parts import FSI, PDI, open_url, submit_action, text_block
from bot.i18n import format_day, format_number, format_when
from dialogs.common.replies import Reply
from dialogs.meetings.agenda import ItemView
from dialogs.meetings.minutes_view import MinutesAction, MinutesView
from dialogs.meetings.recurrence import describe
from dialogs.meetings.schedule import MeetingView

Translate = Callable[..., str]
REPEATS = (
    ("once", "once"),
    ("weekly", "every week"),
    ("biweekly", "every 2 weeks"),
    ("monthly", "every month"),
    ("quarterly", "every quarter"),
    ("yearly", "every year"),
)
DURATIONS = (30, 45, 60, 90, 120, 180, 240)


def isolate(text: str) -> str:
    """Text typed by a member, kept in its own direction inside a line of the other (Arabic in English…)."""
    return f"{FSI}{text}{PDI}"


class MeetingCards:
    """Builds the card bodies; `calendar_url(token)` gives a meeting's .ics link (None: no public address)."""

    def __init__(self, t: Translate, *, lang: str, zone: str, calendar_url: Callable[[str], str | None]) -> None:
        self.t, self.lang, self.zone, self.calendar_url = t, lang, zone, calendar_url

    def when(self, meeting: MeetingView) -> str:
        """The start in the reader's zone, and in the meeting's own zone when that differs."""
        mine = format_when(meeting.starts_at, lang=self.lang, zone=self.zone)
        if meeting.zone == self.zone:
            return mine
        theirs = format_when(meeting.starts_at, lang=self.lang, zone=meeting.zone)
        return f"{mine} · {self.t('meeting-zone-note', time=theirs, area=meeting.zone)}"

    def meeting_facts(self, meeting: MeetingView, *, deadline: bool = True) -> list[dict[str, Any]]:
        """Title line and facts of one occurrence."""
        kind = self.t("meeting-kind", kind=meeting.kind)
        facts = [(self.t("meeting-when-label"), self.when(meeting))]
        if meeting.rrule:
            rule = describe(meeting.rrule)
            facts.append((self.t("meeting-repeat-label"), self.t(rule.key, **rule.args)))
        if meeting.place:
            facts.append((self.t("meeting-place-label"), meeting.place))
        if meeting.group:
            facts.append((self.t("meeting-group-label"), meeting.group))
        if deadline:
            facts.append(
                (self.t("meeting-deadline-label"), format_when(meeting.deadline, lang=self.lang, zone=self.zone))
            )
        return [
            text_block(f"#{self.number(meeting.number)} · {FSI}{meeting.title}{PDI}", weight="Bolder", size="Medium"),
            text_block(kind, isSubtle=True, spacing="None"),
            {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
        ]

    def meeting_buttons(self, meeting: MeetingView, *, join: bool = True) -> list[dict[str, Any]]:
        """Calendar file and (with `join`) the online link."""
        buttons = []
        url = self.calendar_url(meeting.calendar_token)
        if url:
            buttons.append(open_url(self.t("meeting-calendar"), url))
        if join and meeting.link:
            buttons.append(open_url(self.t("meeting-join"), meeting.link))
        return buttons

    def meeting(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """A scheduled or moved meeting."""
        meeting: MeetingView = reply.args["meeting"]
        before = reply.args.get("before")
        headline = self.t(reply.key, number=meeting.number, before=before or "")
        body = [text_block(headline, isSubtle=True, spacing="None"), *self.meeting_facts(meeting)]
        return body, self.meeting_buttons(meeting)

    def meeting_reminder(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """A reminder before a meeting: the call for items, the agenda, or how to join."""
        meeting: MeetingView = reply.args["meeting"]
        deadline = format_when(meeting.deadline, lang=self.lang, zone=self.zone)
        headline = self.t(reply.key, number=meeting.number, deadline=deadline, lead=self.lead(reply.args["lead"]))
        body = [text_block(headline, weight="Bolder"), *self.meeting_facts(meeting, deadline=False)]
        for item in reply.args["items"]:
            body.append({"type": "Container", "separator": True, "items": self.agenda_item(item)})
        week = reply.key == "meeting-reminder-week"
        actions = self.meeting_buttons(meeting, join=not week)  # a week ahead: the calendar and the call for items
        if week and reply.args["now"] < meeting.deadline:
            actions.append(submit_action(self.t("agenda-add-button"), {"verb": "agenda-form"}))
        return body, actions

    def follow_up(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """After a meeting: its decisions and action points."""
        view: MinutesView = reply.args["minutes"]
        when = format_when(view.starts_at, lang=self.lang, zone=self.zone)
        body = [
            text_block(self.t("meeting-follow-up", number=view.meeting_number), weight="Bolder"),
            text_block(f"{FSI}{view.title}{PDI} · {when}", isSubtle=True, spacing="None"),
        ]
        none = self.t("follow-up-none")
        decisions = [f"{self.t('minutes-doc-decision', number=d.number)} {isolate(d.text)}" for d in view.decisions]
        actions = [self.action_line(a) for a in view.actions]
        for heading, lines in (("minutes-doc-decisions", decisions), ("minutes-doc-actions", actions)):
            body.append(text_block(self.t(heading), weight="Bolder", separator=True))
            body += [text_block(line, spacing="Small") for line in lines or [none]]
        return body, []

    def meeting_list(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The coming meetings, each with its calendar link."""
        meetings: list[MeetingView] = reply.args["meetings"]
        body = [text_block(self.t("meetings-list", count=len(meetings)), weight="Bolder", size="Medium")]
        if not meetings:
            body.append(text_block(self.t("meetings-empty-hint")))
        for meeting in meetings:
            items = self.meeting_facts(meeting, deadline=False)
            items.append(text_block(self.t("meeting-agenda-count", count=meeting.agenda_count), size="Small"))
            links = [f"[{b['title']}]({b['url']})" for b in self.meeting_buttons(meeting)]
            if links:
                items.append(text_block(" · ".join(links), size="Small"))
            body.append({"type": "Container", "separator": True, "items": items})
        return body, []

    def agenda(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """A meeting's agenda: accepted items first, then proposed and deferred ones."""
        meeting: MeetingView = reply.args["meeting"]
        items: list[ItemView] = reply.args["items"]
        body = [text_block(self.t(reply.key, number=meeting.number))] if reply.key != "agenda" else []
        body += [
            text_block(self.t("agenda-title", title=meeting.title), weight="Bolder", size="Medium"),
            text_block(
                self.t("agenda-meeting-line", number=meeting.number, when=self.when(meeting)),
                isSubtle=True,
                spacing="None",
            ),
        ]
        if reply.args["now"] > meeting.deadline:
            body.append(text_block(self.t("agenda-deadline-passed-note"), color="Attention"))
        else:
            deadline = format_when(meeting.deadline, lang=self.lang, zone=self.zone)
            body.append(text_block(self.t("agenda-deadline", deadline=deadline), size="Small"))
        if not items:
            body.append(text_block(self.t("agenda-empty")))
        for item in items:
            body.append({"type": "Container", "separator": True, "items": self.agenda_item(item)})
        if reply.args["facilitator"]:
            body.append(text_block(self.t("agenda-manage-hint"), isSubtle=True, size="Small"))
        actions = [submit_action(self.t("agenda-add-button"), {"verb": "agenda-form"})]
        return body, actions

    def agenda_item(self, item: ItemView) -> list[dict[str, Any]]:
        """One item: number and title, status, who proposed and presents it, flags, details."""
        notes = [self.t("agenda-status", status=item.status), self.t("agenda-item-by", name=item.submitted_by)]
        if item.presenter:
            notes.append(self.t("agenda-item-presenter", name=item.presenter))
        if item.group:
            notes.append(item.group)
        if item.minutes_requested:
            notes.append(self.t("agenda-item-minutes"))
        if item.confidential:
            notes.append(self.t("agenda-item-confidential"))
        blocks = [
            text_block(self.t("agenda-item-line", number=item.number, title=item.title), weight="Bolder"),
            text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None"),
        ]
        if item.details:
            blocks.append(text_block(item.details, size="Small", spacing="Small"))
        return blocks

    def minutes(self, reply: Reply, *, downloads: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Minutes (draft or published) with their download links."""
        view: MinutesView = reply.args["minutes"]
        body = [text_block(self.t(reply.key), isSubtle=True, spacing="None")] if reply.key != "minutes" else []
        body += [
            text_block(f"{self.t('minutes')} — {FSI}{view.title}{PDI}", weight="Bolder", size="Medium"),
            text_block(
                self.t(
                    "agenda-meeting-line",
                    number=view.meeting_number,
                    when=format_when(view.starts_at, lang=self.lang, zone=self.zone),
                ),
                isSubtle=True,
                spacing="None",
            ),
        ]
        if reply.args["draft"]:
            body.append(text_block(self.t("minutes-draft"), color="Attention"))
        body += self.minutes_sections(view)
        if reply.args["withheld"]:
            body.append(text_block(self.t("minutes-withheld", count=reply.args["withheld"]), isSubtle=True))
        if reply.args["draft"]:
            body.append(
                text_block(self.t("minutes-draft-hint", number=view.meeting_number), isSubtle=True, size="Small")
            )
        actions = [open_url(self.t(f"minutes-download-{kind}"), url) for kind, url in downloads.items()]
        return body, actions

    def minutes_sections(self, view: MinutesView) -> list[dict[str, Any]]:
        """Attendees, summary, agenda, decisions and action points, each under its heading (as in the files)."""
        t = self.t
        none = t("minutes-doc-none")
        sections: list[tuple[str, list[str]]] = [
            (
                t("minutes-doc-attendees", count=len(view.attendees)),
                [self.names(view.attendees)] if view.attendees else [none],
            )
        ]
        if view.summary:
            sections.append((t("minutes-doc-summary"), [view.summary]))
        agenda = [
            f"{t('minutes-doc-item', number=i.number, title=i.title)} — {t('minutes-doc-outcome', outcome=i.outcome)}"
            for i in view.items
        ]
        decisions = [f"{t('minutes-doc-decision', number=d.number)} {isolate(d.text)}" for d in view.decisions]
        actions = [self.action_line(a) for a in view.actions]
        sections += [
            (t("minutes-doc-agenda"), agenda or [none]),
            (t("minutes-doc-decisions"), decisions or [none]),
            (t("minutes-doc-actions"), actions or [none]),
        ]
        body: list[dict[str, Any]] = []
        for heading, lines in sections:
            body.append(text_block(heading, weight="Bolder", separator=True))
            body += [text_block(line, spacing="Small") for line in lines]
        if view.published_at is not None:
            day = view.published_at.astimezone(ZoneInfo(self.zone)).date()
            footer = t("minutes-doc-published", day=format_day(day, lang=self.lang))
            if view.approved_by:
                footer += f" · {t('minutes-doc-approved', names=self.names(view.approved_by))}"
            body.append(text_block(footer, isSubtle=True, size="Small", separator=True))
        return body

    def meeting_form(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The form facilitators schedule a meeting with."""
        t = self.t
        kinds = ("plenary", "follow-up", "face-to-face", "working-group", "other")
        body: list[dict[str, Any]] = [
            text_block(t("meeting-form"), weight="Bolder", size="Medium"),
            {"type": "Input.Text", "id": "title", "label": t("meeting-form-title"), "isRequired": True,
             "maxLength": 300, "errorMessage": t("meeting-title-missing")},
            {"type": "Input.ChoiceSet", "id": "kind", "label": t("meeting-form-kind"), "value": "follow-up",
             "choices": [{"title": t("meeting-kind", kind=kind), "value": kind} for kind in kinds]},
            {"type": "Input.Date", "id": "day", "label": t("meeting-form-day"), "isRequired": True,
             "errorMessage": t("meeting-when-missing")},
            {"type": "Input.Time", "id": "time", "label": t("meeting-form-time", area=reply.args["zone"]),
             "isRequired": True, "value": "10:00", "errorMessage": t("meeting-when-missing")},
            {"type": "Input.ChoiceSet", "id": "duration", "label": t("meeting-form-duration"), "value": "60",
             "choices": [{"title": t("meeting-form-minutes", minutes=m), "value": str(m)} for m in DURATIONS]},
            {"type": "Input.ChoiceSet", "id": "repeat", "label": t("meeting-form-repeat"), "value": "once",
             "choices": [{"title": t(f"meeting-form-{key}"), "value": rule} for key, rule in REPEATS]},
            {"type": "Input.Text", "id": "link", "label": t("meeting-form-link"), "style": "Url", "maxLength": 1000},
            {"type": "Input.Text", "id": "place", "label": t("meeting-form-place"), "maxLength": 300},
        ]  # fmt: skip
        if reply.args["groups"]:
            body.append(
                {"type": "Input.ChoiceSet", "id": "group", "label": t("meeting-form-group"),
                 "choices": [{"title": name, "value": str(gid)} for gid, name in reply.args["groups"]]}
            )  # fmt: skip
        submit = submit_action(t("meeting-form-submit"), {"verb": "meeting-add"})
        return body, [submit]

    def agenda_form(self, reply: Reply) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The form members propose an agenda item with."""
        t = self.t
        meetings: list[MeetingView] = reply.args["meetings"]
        choices = [{"title": t("agenda-form-next"), "value": "next"}] + [
            {"title": f"#{self.number(m.number)} · {isolate(m.title)} · {self.when(m)}", "value": str(m.number)}
            for m in meetings
        ]
        body: list[dict[str, Any]] = [
            text_block(t("agenda-form"), weight="Bolder", size="Medium"),
            {"type": "Input.Text", "id": "title", "label": t("agenda-form-title"), "isRequired": True,
             "maxLength": 300, "errorMessage": t("agenda-title-missing")},
            {"type": "Input.Text", "id": "details", "label": t("agenda-form-details"), "isMultiline": True,
             "maxLength": 2000},
            {"type": "Input.ChoiceSet", "id": "meeting", "label": t("agenda-form-meeting"), "value": "next",
             "choices": choices},
            {"type": "Input.Toggle", "id": "minutes", "title": t("agenda-form-minutes"), "value": "false"},
            {"type": "Input.Toggle", "id": "confidential", "title": t("agenda-form-confidential"), "value": "false"},
        ]  # fmt: skip
        if reply.args["groups"]:
            body.append(
                {"type": "Input.ChoiceSet", "id": "group", "label": t("agenda-form-group"),
                 "choices": [{"title": name, "value": str(gid)} for gid, name in reply.args["groups"]]}
            )  # fmt: skip
        submit = submit_action(t("agenda-form-submit"), {"verb": "agenda-add"})
        return body, [submit]

    def action_line(self, action: MinutesAction) -> str:
        """An action point of a meeting: number, text, owners and due day."""
        due = f" · {format_day(action.due_on, lang=self.lang)}" if action.due_on else ""
        owners = self.names(action.owners)
        return f"{self.t('minutes-doc-action', number=action.number)} {isolate(action.text)} — {owners}{due}"

    def names(self, names: tuple[str, ...]) -> str:
        """People's names as a list in the reader's language (each kept in its own direction)."""
        return ("، " if self.lang == "ar" else ", ").join(isolate(name) for name in names)

    def lead(self, minutes: int) -> str:
        """'7 days', '1 hour', '30 minutes' in the reader's language."""
        for unit, size in (("d", 1440), ("h", 60)):
            if minutes % size == 0:
                return self.t("reminders-offset", unit=unit, count=minutes // size)
        return self.t("reminders-offset", unit="m", count=minutes)

    def number(self, value: int) -> str:
        """A number as the reader's language writes it."""
        return format_number(value, lang=self.lang, style="plain")
