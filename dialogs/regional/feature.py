"""The regional feature (issue #17): each member's weekend and working hours, the community's Ramadan hours, Hijri
dates on request. (Hijri dates are read wherever dates are: `dialogs.common.dates`; nudges follow each member's
calendar: `dialogs.reminders.plans`.)"""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.regional import commands

FEATURE = Feature(
    name="regional",
    commands=(
        CommandSpec(
            "weekend",
            ("weekend", "my weekend", "عطلتي", "عطلة الأسبوع", "أيام عطلتي", "عطلة نهاية الأسبوع"),
            commands.weekend,
            topic="settings",
        ),
        CommandSpec(
            "hours",
            ("working hours", "work hours", "my hours", "ساعات عملي", "ساعات العمل", "دوامي"),
            commands.working_hours,
            topic="settings",
        ),
        CommandSpec("ramadan", ("ramadan", "رمضان"), commands.ramadan, topic="settings", members_help=False),
        CommandSpec(
            "hijri",
            ("hijri", "hijri date", "هجري", "التاريخ الهجري", "بالهجري"),
            commands.hijri,
            topic="meetings",
        ),
    ),
)
