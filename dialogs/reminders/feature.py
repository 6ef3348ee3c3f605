"""The reminders feature: what the bot sends on its own (meeting and action reminders, the weekly digest …) and
the community's reminder settings."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.reminders import messages
from dialogs.reminders.views import RETRY, Digest, FailedMessages, FollowUp, MeetingReminder, ReminderSettingsCard

FEATURE = Feature(
    name="reminders",
    commands=(
        CommandSpec(
            "reminders", ("reminders", "التذكيرات", "تذكيرات", "التنبيهات"), messages.command, topic="settings"
        ),
    ),
    submits={RETRY: messages.retry_button},
    outbox={
        "meeting-reminder": messages.meeting_reminder,
        "agenda-published": messages.agenda_published,
        "meeting-follow-up": messages.follow_up,
        "minutes-nudge": messages.minutes_nudge,
        "action-due-soon": messages.action_nudge,
        "action-overdue": messages.action_nudge,
        "action-overdue-weekly": messages.action_nudge,
        "action-assigned": messages.action_assigned,
        "minutes-published": messages.minutes_published,
        "weekly-digest": messages.weekly_digest,
    },
    cards=(MeetingReminder, FollowUp, Digest, ReminderSettingsCard, FailedMessages),
)
