"""The mail feature (issue #17): what each member also receives by e-mail (`notify`), and the e-mail copies of
outbox messages (dialogs.mail.copies), sent by bot/outbound/mail.py."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.mail import notify
from dialogs.mail.views import CHOICES, MailChoicesCard

FEATURE = Feature(
    name="mail",
    commands=(
        CommandSpec(
            "notify",
            ("notify", "notifications", "الإشعارات", "إشعارات", "اشعارات", "الاشعارات"),
            notify.command,
            topic="settings",
        ),
    ),
    submits={CHOICES: notify.card_saved},
    cards=(MailChoicesCard,),
)
