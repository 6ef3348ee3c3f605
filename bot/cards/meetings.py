"""Adaptive Cards for meetings, agendas and minutes (right-to-left in Arabic, times in the reader's zone)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from bot.cards import charts, fit
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import FSI, PDI, adaptive_card, link, open_url, other_title, own_title, submit_action, text_block
from bot.files.downloads import minutes_link
from bot.i18n import format_day, format_number, format_when
from dialogs.common.replies import Reply
from dialogs.common.text import Markdown
from dialogs.meetings.agenda import ItemView
from dialogs.meetings.minutes_view import MinutesAction, MinutesView
from dialogs.meetings.recurrence import describe
from dialogs.meetings.schedule import MeetingView
from dialogs.meetings.views import (
    AgendaCard,
    AgendaForm,
    AgendaItemCard,
    GroupChoice,
    MeetingCard,
    MeetingForm,
    MeetingList,
    MinutesCard,
)
from dialogs.registration.feature import REGISTER_VERB

Element = dict[str, Any]
REPEATS = (
    ("once", "once"),
    ("weekly", "every week"),
    ("biweekly", "every 2 weeks"),
    ("monthly", "every month"),
    ("quarterly", "every quarter"),
    ("yearly", "every year"),
)
DURATIONS = (30, 45, 60, 90, 120, 180, 240)
KINDS = ("plenary", "follow-up", "face-to-face", "working-group", "other")
DOWNLOADS = ("md", "docx")
AGENDA_KEY = "agenda"  # the agenda shown on request: its title is the meeting's, no headline above it
DETAILS_SHOWN = 500
"""Characters of an item's details an agenda shows (tapping the item, or `agenda item N`, shows them whole)."""
MINUTES_KEY = "minutes"  # minutes shown on request: likewise


def isolate(text: str) -> str:
    """Text typed by a member, kept in its own direction inside a line of the other (Arabic in English…)."""
    return f"{FSI}{text}{PDI}"


def number(ctx: CardContext, value: int) -> str:
    """A number as the reader's language writes it."""
    return format_number(value, lang=ctx.lang, style="plain")


def names(ctx: CardContext, people: tuple[str, ...]) -> str:
    """People's names (or any words) as a list in the reader's language (each kept in its own direction)."""
    return ("، " if ctx.lang == "ar" else ", ").join(isolate(name) for name in people)


def when(ctx: CardContext, meeting: MeetingView) -> str:
    """The start in the reader's zone, and in the meeting's own zone when that differs."""
    mine = format_when(meeting.starts_at, lang=ctx.lang, zone=ctx.zone)
    if meeting.zone == ctx.zone:
        return mine
    theirs = format_when(meeting.starts_at, lang=ctx.lang, zone=meeting.zone)
    return f"{mine} · {ctx.t('meeting-zone-note', time=theirs, area=meeting.zone)}"


def meeting_line(ctx: CardContext, meeting: MeetingView) -> str:
    """'#3 · Title · when', for lists and choices."""
    return f"#{number(ctx, meeting.number)} · {own_title(meeting.title, ctx.lang)} · {when(ctx, meeting)}"


def meeting_facts(ctx: CardContext, meeting: MeetingView, *, deadline: bool = True) -> list[Element]:
    """Title line and facts of one occurrence."""
    kind = ctx.t("meeting-kind", kind=meeting.kind)
    facts = [(ctx.t("meeting-when-label"), when(ctx, meeting))]
    if meeting.rrule:
        rule = describe(meeting.rrule)
        facts.append((ctx.t("meeting-repeat-label"), ctx.t(rule.key, **rule.args)))
    if meeting.place:
        facts.append((ctx.t("meeting-place-label"), meeting.place))
    if meeting.group:
        facts.append((ctx.t("meeting-group-label"), own_title(meeting.group, ctx.lang)))
    if meeting.registration:
        facts.append((ctx.t("registration-label"), ctx.t("registration-open", number=meeting.number)))
    if deadline:
        facts.append((ctx.t("meeting-deadline-label"), format_when(meeting.deadline, lang=ctx.lang, zone=ctx.zone)))
    return [
        text_block(
            f"#{number(ctx, meeting.number)} · {own_title(meeting.title, ctx.lang)}", weight="Bolder", size="Medium"
        ),
        *other_title(meeting.title, ctx.lang),
        text_block(kind, isSubtle=True, spacing="None"),
        {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
    ]


def register_button(ctx: CardContext, meeting: MeetingView) -> list[Element]:
    """The Register button of an occurrence that asks members to register (none otherwise)."""
    if not meeting.registration:
        return []
    data = {"verb": REGISTER_VERB, "meeting": meeting.number, "start": meeting.starts_at.isoformat()}
    return [submit_action(ctx.t("registration-button"), data)]


def meeting_buttons(
    ctx: CardContext, meeting: MeetingView, *, join: bool = True, register: bool = True
) -> list[Element]:
    """With `register`, Register (when the meeting asks for it); the calendar file (when the bot has an address to
    give) and, with `join`, the online link."""
    buttons = register_button(ctx, meeting) if register else []
    url = ctx.calendar_url(meeting.calendar_token)
    if url:
        buttons.append(open_url(ctx.t("meeting-calendar"), url))
    if join and meeting.link:
        buttons.append(open_url(ctx.t("meeting-join"), meeting.link))
    return buttons


def agenda_item(ctx: CardContext, item: ItemView, *, details: str | None = None) -> list[Element]:
    """One item: number and title, status, who proposed and presents it, flags, details (`details`: as shown)."""
    notes = [ctx.t("agenda-status", status=item.status), ctx.t("agenda-item-by", name=item.submitted_by)]
    if item.presenter:
        notes.append(ctx.t("agenda-item-presenter", name=item.presenter))
    if item.group:
        notes.append(item.group)
    if item.minutes_requested:
        notes.append(ctx.t("agenda-item-minutes"))
    if item.confidential:
        notes.append(ctx.t("agenda-item-confidential"))
    blocks = [
        text_block(ctx.t("agenda-item-line", number=item.number, title=item.title), weight="Bolder"),
        text_block(" · ".join(notes), isSubtle=True, size="Small", spacing="None"),
    ]
    shown = item.details if details is None else details
    if shown:
        blocks.append(text_block(shown, size="Small", spacing="Small"))
    return blocks


def agenda_entry(ctx: CardContext, item: ItemView) -> Element:
    """One item of an agenda in its own separated container; long details cut, the item then showing itself whole
    when tapped (and saying how to ask for it)."""
    details = fit.current().cut(item.details, DETAILS_SHOWN)
    blocks = agenda_item(ctx, item, details=details)
    entry: Element = {"type": "Container", "separator": True, "items": blocks}
    if details != item.details:
        blocks.append(text_block(ctx.t("agenda-item-cut", number=item.number), isSubtle=True, size="Small"))
        entry["selectAction"] = submit_action(
            ctx.t("agenda-item-open", number=item.number), {"verb": "agenda-item", "number": item.number}
        )
    return entry


def agenda_items(ctx: CardContext, items: tuple[ItemView, ...]) -> list[Element]:
    """Each item in its own separated container (long details cut)."""
    return [agenda_entry(ctx, item) for item in items]


def paged_agenda(
    ctx: CardContext,
    *,
    meeting: int,
    items: Sequence[ItemView],
    start: int,
    head: list[Element],
    tail: list[Element],
    actions: list[Element],
) -> Card:
    """A card showing an agenda's items from `start` on between `head` and `tail`: as many as Teams takes in one
    message (`bot.cards.fit`), then how many are left and a button showing the next ones."""
    entries = agenda_items(ctx, tuple(items[start:]))

    def build(shown: int) -> Card:
        left = len(entries) - shown
        body = copy.deepcopy(head)
        if start:  # a later page says which items it shows
            line = ctx.t("agenda-page-range", first=start + 1, last=start + shown, total=len(items))
            body.append(text_block(line, isSubtle=True))
        body += copy.deepcopy(entries[:shown])
        buttons = copy.deepcopy(actions)
        if left:
            body.append(text_block(ctx.t("agenda-more", count=left, total=len(items)), isSubtle=True, separator=True))
            after = items[start + shown - 1].number
            data = {"verb": "agenda-more", "meeting": meeting, "after": after}
            buttons.insert(0, submit_action(ctx.t("agenda-more-button", count=left), data))
        return adaptive_card([*body, *copy.deepcopy(tail)], buttons, lang=ctx.lang)

    return build(fit.current().count(len(entries), build))


def action_line(ctx: CardContext, action: MinutesAction) -> str:
    """An action point of a meeting: number, text, owners and due day."""
    due = f" · {format_day(action.due_on, lang=ctx.lang)}" if action.due_on else ""
    return (
        f"{ctx.t('minutes-doc-action', number=action.number)} {isolate(action.text)} — {names(ctx, action.owners)}{due}"
    )


def decision_lines(ctx: CardContext, view: MinutesView) -> list[str]:
    """The decisions, one line each."""
    return [f"{ctx.t('minutes-doc-decision', number=d.number)} {isolate(d.text)}" for d in view.decisions]


def attendance_chart(ctx: CardContext, view: MinutesView) -> Element:
    """Who came out of those the meeting was for, as a gauge: present, absent."""
    present = len(view.attendees)
    parts = (
        charts.Part(ctx.t("chart-present"), present, "good"),
        charts.Part(ctx.t("chart-absent"), max(0, view.expected - present), "neutral"),
    )
    return charts.gauge(ctx.t("chart-attendance-title"), parts, lang=ctx.lang)


def minutes_sections(ctx: CardContext, view: MinutesView, *, limit: int | None = None) -> list[Element]:
    """Attendees, summary, agenda, decisions and action points, each under its heading (as in the files); with
    `limit`, every line cut at that many characters (the summary at four times as many)."""
    t = ctx.t
    none = t("minutes-doc-none")
    sections: list[tuple[str, list[str]]] = [
        (
            t("minutes-doc-attendees", count=len(view.attendees)),
            [names(ctx, view.attendees)] if view.attendees else [none],
        )
    ]
    summary, written_in = view.summary_for(ctx.lang)
    summary_key = "minutes-doc-summary" if written_in == ctx.lang else "minutes-summary-only-in"
    summary_heading = t(summary_key, language=written_in)
    if summary.strip():
        sections.append((summary_heading, [summary]))
    agenda = [
        f"{t('minutes-doc-item', number=i.number, title=i.title)} — {t('minutes-doc-outcome', outcome=i.outcome)}"
        for i in view.items
    ]
    actions = [action_line(ctx, a) for a in view.actions]
    sections += [
        (t("minutes-doc-agenda"), agenda or [none]),
        (t("minutes-doc-decisions"), decision_lines(ctx, view) or [none]),
        (t("minutes-doc-actions"), actions or [none]),
    ]
    body: list[Element] = []
    for heading, lines in sections:
        body.append(text_block(heading, weight="Bolder", separator=True))
        most = None if limit is None else limit * 4 if heading == summary_heading else limit
        body += [text_block(line if most is None else fit.cut(line, most), spacing="Small") for line in lines]
    if view.published_at is not None:
        day = view.published_at.astimezone(ZoneInfo(ctx.zone)).date()
        footer = t("minutes-doc-published", day=format_day(day, lang=ctx.lang))
        if view.approved_by:
            footer += f" · {t('minutes-doc-approved', names=names(ctx, view.approved_by))}"
        body.append(text_block(footer, isSubtle=True, size="Small", separator=True))
    return body


# ---- the cards -------------------------------------------------------------------------------------------------


def meeting_card(ctx: CardContext, reply: Reply, view: MeetingCard) -> Card:
    """A meeting scheduled, moved or asked about: its facts, calendar file and join link."""
    body = [
        text_block(ctx.t(reply.key, **reply.args), isSubtle=True, spacing="None"),
        *meeting_facts(ctx, view.meeting),
    ]
    if view.warning is not None:
        body.append(text_block(ctx.t(view.warning.key, **view.warning.args), color="Warning", spacing="Medium"))
    return adaptive_card(body, meeting_buttons(ctx, view.meeting), lang=ctx.lang)


def meeting_list_card(ctx: CardContext, reply: Reply, view: MeetingList) -> Card:
    """The coming meetings, each with its agenda count and calendar link."""
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not view.meetings:
        body.append(text_block(ctx.t("meetings-empty-hint")))
    for meeting in view.meetings:
        items = meeting_facts(ctx, meeting, deadline=False)
        items.append(text_block(ctx.t("meeting-agenda-count", count=meeting.agenda_count), size="Small"))
        links = [link(b["title"], b["url"]) for b in meeting_buttons(ctx, meeting, register=False)]
        if links:
            items.append(text_block(Markdown(" · ").join(links), size="Small"))
        body.append({"type": "Container", "separator": True, "items": items})
    return adaptive_card(body, [], lang=ctx.lang)


def agenda_card(ctx: CardContext, reply: Reply, view: AgendaCard) -> Card:
    """A meeting's agenda (asked for, or published at its deadline) and the button to propose an item; a long one
    paged, with a button showing the next items."""
    meeting = view.meeting
    head = [text_block(ctx.t(reply.key, **reply.args))] if reply.key != AGENDA_KEY else []
    head += [
        text_block(ctx.t("agenda-title", title=meeting.title), weight="Bolder", size="Medium"),
        *other_title(meeting.title, ctx.lang),
        text_block(
            ctx.t("agenda-meeting-line", number=meeting.number, when=when(ctx, meeting)), isSubtle=True, spacing="None"
        ),
    ]
    if view.deadline_passed:
        head.append(text_block(ctx.t("agenda-deadline-passed-note"), color="Attention"))
    else:
        deadline = format_when(meeting.deadline, lang=ctx.lang, zone=ctx.zone)
        head.append(text_block(ctx.t("agenda-deadline", deadline=deadline), size="Small"))
    if not view.items:
        head.append(text_block(ctx.t("agenda-empty")))
    if view.withheld:
        head.append(text_block(ctx.t("agenda-withheld", count=view.withheld), isSubtle=True))
    tail = [text_block(ctx.t("agenda-manage-hint"), isSubtle=True, size="Small")] if view.facilitator else []
    return paged_agenda(
        ctx,
        meeting=meeting.number,
        items=view.items,
        start=min(view.start, len(view.items)),
        head=head,
        tail=tail,
        actions=[*register_button(ctx, meeting), submit_action(ctx.t("agenda-add-button"), {"verb": "agenda-form"})],
    )


def agenda_item_card(ctx: CardContext, reply: Reply, view: AgendaItemCard) -> Card:
    """One agenda item alone, its details whole, under the meeting it is on."""
    line = ctx.t(
        "agenda-meeting-line",
        number=view.meeting_number,
        when=format_when(view.starts_at, lang=ctx.lang, zone=ctx.zone),
    )
    body = [
        text_block(ctx.t("agenda-title", title=view.meeting_title), weight="Bolder", size="Medium"),
        *other_title(view.meeting_title, ctx.lang),
        text_block(line, isSubtle=True, spacing="None"),
        {"type": "Container", "separator": True, "items": agenda_item(ctx, view.item)},
    ]
    data = {"verb": "agenda-more", "meeting": view.meeting_number}
    return adaptive_card(body, [submit_action(ctx.t("agenda-whole-button"), data)], lang=ctx.lang)


def minutes_card(ctx: CardContext, reply: Reply, view: MinutesCard) -> Card:
    """Minutes (draft or published), with their download links for the reader they were made for; long minutes
    cut to what Teams takes in one message, saying where the whole is."""
    return fit.current().within(lambda limit: _minutes_card(ctx, reply, view, limit=limit), LINE_LIMITS)


LINE_LIMITS = (500, 200, 80)
"""Characters of each line of minutes (or of a follow-up) kept when they are too long for one message."""


def _minutes_card(ctx: CardContext, reply: Reply, view: MinutesCard, *, limit: int | None) -> Card:
    minutes = view.minutes
    body = (
        [text_block(ctx.t(reply.key, **reply.args), isSubtle=True, spacing="None")] if reply.key != MINUTES_KEY else []
    )
    if view.edited:
        edited = ctx.t("minutes-summary-edited", language=view.edited, number=minutes.meeting_number)
        body.append(text_block(edited, color="Good", spacing="None"))
    body += [
        text_block(f"{ctx.t('minutes')} — {own_title(minutes.title, ctx.lang)}", weight="Bolder", size="Medium"),
        *other_title(minutes.title, ctx.lang),
        text_block(
            ctx.t(
                "agenda-meeting-line",
                number=minutes.meeting_number,
                when=format_when(minutes.starts_at, lang=ctx.lang, zone=ctx.zone),
            ),
            isSubtle=True,
            spacing="None",
        ),
    ]
    if view.draft:
        body.append(text_block(ctx.t("minutes-draft"), color="Attention"))
    if minutes.attendees:
        body.append(attendance_chart(ctx, minutes))
    if minutes.registered is not None:
        recorded = str(bool(minutes.attendees)).lower()  # Fluent selects on true/false
        counted = ctx.t(
            "registration-minutes-counts",
            registered=minutes.registered,
            came=minutes.registered_attended,
            recorded=recorded,
        )
        body.append(text_block(counted, size="Small"))
    body += minutes_sections(ctx, minutes, limit=limit)
    if view.withheld:
        body.append(text_block(ctx.t("minutes-withheld", count=view.withheld), isSubtle=True))
    downloads = _minutes_downloads(ctx, view)
    if limit is not None:
        where = "minutes-cut-downloads" if downloads else "minutes-cut"
        body.append(text_block(ctx.t(where, number=minutes.meeting_number), isSubtle=True, size="Small"))
    if view.draft:
        hint = ctx.t("minutes-draft-hint", number=minutes.meeting_number)
        body.append(text_block(hint, isSubtle=True, size="Small"))
    return adaptive_card(body, downloads, lang=ctx.lang)


def _minutes_downloads(ctx: CardContext, view: MinutesCard) -> list[Element]:
    """The Markdown and Word buttons (none without an address to give, or for the channel's copy)."""
    if ctx.links is None or view.download is None:
        return []
    made_for = view.download
    return [
        open_url(
            ctx.t(f"minutes-download-{kind}"),
            minutes_link(
                ctx.links,
                community_id=made_for.community_id,
                member_id=made_for.member_id,
                occurrence_id=made_for.occurrence_id,
                lang=ctx.lang,
                kind=kind,
                clock=ctx.clock,
            ),
        )
        for kind in DOWNLOADS
    ]


def meeting_form_card(ctx: CardContext, reply: Reply, view: MeetingForm) -> Card:
    """The form facilitators schedule a meeting with."""
    t = ctx.t
    body: list[Element] = [
        text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium"),
        {"type": "Input.Text", "id": "title", "label": t("meeting-form-title"), "isRequired": True,
         "maxLength": 300, "errorMessage": t("meeting-title-missing")},
        {"type": "Input.ChoiceSet", "id": "kind", "label": t("meeting-form-kind"), "value": "follow-up",
         "choices": [{"title": t("meeting-kind", kind=kind), "value": kind} for kind in KINDS]},
        {"type": "Input.Date", "id": "day", "label": t("meeting-form-day"), "isRequired": True,
         "placeholder": t("form-date-placeholder"), "errorMessage": t("meeting-when-missing")},
        {"type": "Input.Time", "id": "time", "label": t("meeting-form-time", area=view.zone),
         "isRequired": True, "placeholder": t("form-time-placeholder"), "errorMessage": t("meeting-when-missing")},
        {"type": "Input.ChoiceSet", "id": "duration", "label": t("meeting-form-duration"), "value": "60",
         "choices": [{"title": t("meeting-form-minutes", minutes=m), "value": str(m)} for m in DURATIONS]},
        {"type": "Input.ChoiceSet", "id": "repeat", "label": t("meeting-form-repeat"), "value": "once",
         "choices": [{"title": t(f"meeting-form-{key}"), "value": rule} for key, rule in REPEATS]},
        {"type": "Input.Text", "id": "link", "label": t("meeting-form-link"), "style": "Url", "maxLength": 1000},
        {"type": "Input.Text", "id": "place", "label": t("meeting-form-place"), "maxLength": 300},
        {"type": "Input.Toggle", "id": "registration", "title": t("registration-form-toggle"), "value": "false",
         "valueOn": "true", "valueOff": "false", "wrap": True},
    ]  # fmt: skip
    if view.groups:
        body.append(_group_choices(t("meeting-form-group"), view.groups))
    return adaptive_card(body, [submit_action(t("meeting-form-submit"), {"verb": "meeting-add"})], lang=ctx.lang)


def agenda_form_card(ctx: CardContext, reply: Reply, view: AgendaForm) -> Card:
    """The form members propose an agenda item with."""
    t = ctx.t
    choices = [{"title": t("agenda-form-next"), "value": "next"}] + [
        {"title": meeting_line(ctx, m), "value": str(m.number)} for m in view.meetings
    ]
    body: list[Element] = [
        text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium"),
        {"type": "Input.Text", "id": "title", "label": t("agenda-form-title"), "isRequired": True,
         "maxLength": 300, "errorMessage": t("agenda-title-missing")},
        {"type": "Input.Text", "id": "details", "label": t("agenda-form-details"), "isMultiline": True,
         "maxLength": 2000},
        {"type": "Input.ChoiceSet", "id": "meeting", "label": t("agenda-form-meeting"), "value": "next",
         "choices": choices},
        {"type": "Input.Toggle", "id": "minutes", "title": t("agenda-form-minutes"), "value": "false"},
        {"type": "Input.Toggle", "id": "confidential", "title": t("agenda-form-confidential"), "value": "false"},
    ]  # fmt: skip
    if view.groups:
        body.append(_group_choices(t("agenda-form-group"), view.groups))
    return adaptive_card(body, [submit_action(t("agenda-form-submit"), {"verb": "agenda-add"})], lang=ctx.lang)


def _group_choices(label: str, groups: tuple[GroupChoice, ...]) -> Element:
    choices = [{"title": group.name, "value": str(group.id)} for group in groups]
    return {"type": "Input.ChoiceSet", "id": "group", "label": label, "choices": choices}


BUILDERS: CardBuilders = {
    MeetingCard: meeting_card,
    MeetingList: meeting_list_card,
    AgendaCard: agenda_card,
    AgendaItemCard: agenda_item_card,
    MinutesCard: minutes_card,
    MeetingForm: meeting_form_card,
    AgendaForm: agenda_form_card,
}
"""The builder of each of this feature's card views."""
