"""Adaptive Cards for reminders: before and after meetings, the weekly digest, the community's reminder settings,
undelivered messages (right-to-left in Arabic, times in the reader's zone)."""

from __future__ import annotations

from bot.cards import fit
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.meetings import (
    LINE_LIMITS,
    action_line,
    decision_lines,
    meeting_buttons,
    meeting_facts,
    meeting_line,
    names,
    number,
    paged_agenda,
)
from bot.cards.parts import adaptive_card, own_title, submit_action, text_block
from bot.i18n import format_day, format_when
from dialogs.common.replies import Reply
from dialogs.reminders.views import RETRY, Digest, FailedMessages, FollowUp, MeetingReminder, ReminderSettingsCard


def lead(ctx: CardContext, minutes: int) -> str:
    """'7 days', '1 hour', '30 minutes' in the reader's language."""
    for unit, size in (("d", 1440), ("h", 60)):
        if minutes % size == 0:
            return ctx.t("reminders-offset", unit=unit, count=minutes // size)
    return ctx.t("reminders-offset", unit="m", count=minutes)


def digits(ctx: CardContext, clock: str) -> str:
    """'09:00' with the reader's digits."""
    hours, minutes = clock.split(":")
    zero = number(ctx, 0)
    return f"{number(ctx, int(hours)).rjust(2, zero)}:{number(ctx, int(minutes)).rjust(2, zero)}"


def meeting_reminder_card(ctx: CardContext, reply: Reply, view: MeetingReminder) -> Card:
    """Before a meeting: a week ahead the call for items, a day ahead its agenda (a long one paged: its first items
    and a button showing the next), an hour ahead how to join."""
    meeting = view.meeting
    # the headline's `lead` is a duration the reader's language writes out, so the card gives it
    headline = ctx.t(reply.key, **{**reply.args, "lead": lead(ctx, view.lead)})
    body = [text_block(headline, weight="Bolder"), *meeting_facts(ctx, meeting, deadline=False)]
    week = view.stage == "week"
    actions = meeting_buttons(ctx, meeting, join=not week)  # a week ahead: the calendar and the call for items
    if week and view.items_open:
        actions.append(submit_action(ctx.t("agenda-add-button"), {"verb": "agenda-form"}))
    if view.withheld:
        body.append(text_block(ctx.t("agenda-withheld", count=view.withheld), isSubtle=True))
    if not view.items:
        return adaptive_card(body, actions, lang=ctx.lang)
    return paged_agenda(ctx, meeting=meeting.number, items=view.items, start=0, head=body, tail=[], actions=actions)


def follow_up_card(ctx: CardContext, reply: Reply, view: FollowUp) -> Card:
    """After a meeting: its decisions and action points (long ones cut when they are too long for one message)."""
    return fit.current().within(lambda limit: _follow_up_card(ctx, reply, view, limit=limit), LINE_LIMITS)


def _follow_up_card(ctx: CardContext, reply: Reply, view: FollowUp, *, limit: int | None) -> Card:
    minutes = view.minutes
    held = format_when(minutes.starts_at, lang=ctx.lang, zone=ctx.zone)
    body = [
        text_block(ctx.t(reply.key, **reply.args), weight="Bolder"),
        text_block(f"{own_title(minutes.title, ctx.lang)} · {held}", isSubtle=True, spacing="None"),
    ]
    none = ctx.t("follow-up-none")
    actions = [action_line(ctx, a) for a in minutes.actions]
    for heading, lines in (("minutes-doc-decisions", decision_lines(ctx, minutes)), ("minutes-doc-actions", actions)):
        body.append(text_block(ctx.t(heading), weight="Bolder", separator=True))
        body += [
            text_block(line if limit is None else fit.cut(line, limit), spacing="Small") for line in lines or [none]
        ]
    if limit is not None:
        body.append(text_block(ctx.t("minutes-cut", number=minutes.meeting_number), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def digest_card(ctx: CardContext, _reply: Reply, view: Digest) -> Card:
    """The week's meetings (with agenda deadlines still open) and due or overdue actions by owner."""
    t = ctx.t
    body = [
        text_block(t("digest-title"), weight="Bolder", size="Medium"),
        text_block(t("digest-meetings"), weight="Bolder", separator=True),
    ]
    for meeting in view.meetings:
        line = meeting_line(ctx, meeting)
        if meeting.deadline > view.now:
            line += f" · {t('digest-deadline', deadline=format_when(meeting.deadline, lang=ctx.lang, zone=ctx.zone))}"
        body.append(text_block(line, spacing="Small"))
    if not view.meetings:
        body.append(text_block(t("digest-none"), spacing="Small"))
    body.append(text_block(t("digest-actions"), weight="Bolder", separator=True))
    for owner in view.owners:
        body.append(text_block(owner.name, weight="Bolder", spacing="Small"))
        for action in owner.actions:
            line = t(
                "digest-line", number=action.number, text=action.text, day=format_day(action.due_on, lang=ctx.lang)
            )
            if action.overdue:
                line += f" · {t('digest-overdue')}"
            body.append(text_block(line, spacing="None", size="Small"))
    if not view.owners:
        body.append(text_block(t("digest-none"), spacing="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def settings_card(ctx: CardContext, reply: Reply, view: ReminderSettingsCard) -> Card:
    """What the community is reminded of, and when."""
    t = ctx.t
    offsets = tuple(lead(ctx, minutes) for minutes in view.meeting)
    weekend = tuple(t("reminders-weekday", day=day) for day in view.weekend)
    actions_on = view.action_before_days or view.action_after_days or view.action_weekly
    facts = [
        (
            t("reminders-meeting-label"),
            t("reminders-meeting-value", offsets=names(ctx, offsets)) if offsets else t("reminders-meeting-off"),
        ),
        (t("reminders-agenda-label"), t("reminders-agenda-value", on=_on(view.agenda))),
        (
            t("reminders-follow-up-label"),
            t("reminders-follow-up-value", on=_on(view.follow_up), days=view.minutes_nudge_days),
        ),
        (
            t("reminders-actions-label"),
            t(
                "reminders-actions-value",
                before=view.action_before_days,
                after=view.action_after_days,
                weekly=_on(view.action_weekly),
            )
            if actions_on
            else t("reminders-actions-off"),
        ),
        (
            t("reminders-digest-label"),
            t(
                "reminders-digest-value",
                day=t("reminders-weekday", day=view.digest.day),
                time=digits(ctx, view.digest.time),
                area=view.zone,
            )
            if view.digest
            else t("reminders-digest-off"),
        ),
        (
            t("reminders-quiet-label"),
            t(
                "reminders-quiet-value",
                **{"from": digits(ctx, view.quiet[0]), "until": digits(ctx, view.quiet[1])},
                days=names(ctx, weekend) if weekend else t("reminders-no-weekend"),
            ),
        ),
        (t("reminders-languages-label"), t("reminders-languages-value", choice=view.channel_languages)),
    ]
    body = [
        text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": [{"title": title, "value": value} for title, value in facts]},
        text_block(t("reminders-change-hint"), isSubtle=True, size="Small"),
    ]
    return adaptive_card(body, [], lang=ctx.lang)


def failed_card(ctx: CardContext, reply: Reply, view: FailedMessages) -> Card:
    """Messages that could not be delivered, with why."""
    t = ctx.t
    body = [text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    for message in view.messages:
        due = format_when(message.due, lang=ctx.lang, zone=ctx.zone)
        reason, _, details = message.error.partition(" ")
        error = t("reminders-reason", reason=reason) + (f" ({details})" if details else "")
        kind = t("reminders-kind", kind=message.kind)
        line = t("reminders-failed-line", id=message.id, kind=kind, to=message.to or "—", due=due, error=error)
        again = submit_action(t("reminders-retry-button", id=message.id), {"verb": RETRY, "message": message.id})
        body += [text_block(line, size="Small"), {"type": "ActionSet", "actions": [again], "spacing": "Small"}]
    buttons = []
    if view.messages:
        body.append(text_block(t("reminders-failed-hint"), isSubtle=True))
        buttons.append(submit_action(t("reminders-retry-all-button"), {"verb": RETRY, "message": "all"}))
    return adaptive_card(body, buttons, lang=ctx.lang)


def _on(flag: bool) -> str:
    """A yes/no setting as the messages select on it."""
    return str(flag).lower()


BUILDERS: CardBuilders = {
    MeetingReminder: meeting_reminder_card,
    FollowUp: follow_up_card,
    Digest: digest_card,
    ReminderSettingsCard: settings_card,
    FailedMessages: failed_card,
}
"""The builder of each of this feature's card views."""
