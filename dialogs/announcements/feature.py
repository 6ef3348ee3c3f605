"""The announcements feature (issue #17): `announce <text> [| email] [| group X]` for facilitators — a channel post,
or 1:1 messages to one working group's members, also e-mailed to those who chose announcements by e-mail."""

from __future__ import annotations

from dialogs.announcements import command, posting
from dialogs.announcements.views import Announcement
from dialogs.common.registry import CommandSpec, Feature

FEATURE = Feature(
    name="announcements",
    commands=(
        CommandSpec(
            "announce",
            ("announce", "announcement", "أعلن", "اعلن"),
            command.command,
            facilitator_only=True,
            topic="groups",
        ),
    ),
    outbox={posting.KIND: posting.compose},
    cards=(Announcement,),
)
