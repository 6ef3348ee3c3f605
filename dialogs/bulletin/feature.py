"""The monthly bulletin (issue #17): a bilingual summary of the past month posted in the channel on a set day;
`bulletin` shows the draft, facilitators add an editorial note and choose the day."""

from __future__ import annotations

from dialogs.bulletin import commands, posting, timing
from dialogs.bulletin.views import Bulletin
from dialogs.common.registry import CommandSpec, Feature

FEATURE = Feature(
    name="bulletin",
    commands=(
        CommandSpec("bulletin", ("bulletin", "newsletter", "النشرة", "نشرة"), commands.command, topic="meetings"),
    ),
    outbox={timing.KIND: posting.compose},
    cards=(Bulletin,),
)
