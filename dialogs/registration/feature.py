"""The registration feature (issue #17): members register for meetings that ask them to, with the interpretation
they need and an accessibility note; facilitators see who is coming. `meeting registration N on|off` is a verb of
the meetings feature's `meeting` command (dialogs.registration.switch)."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.registration import signup
from dialogs.registration.views import RegistrationList

REGISTER_VERB = "registration-register"
"""The Register button's `Action.Submit` verb (bot.cards.meetings puts it on meeting, agenda and reminder cards)."""

FEATURE = Feature(
    name="registration",
    commands=(
        CommandSpec(
            "register",
            ("register", "سجلني", "سجّلني", "سجل حضوري", "سجّل حضوري"),
            signup.register,
            topic="meetings",
        ),
        CommandSpec(
            "unregister",
            ("unregister", "الغ تسجيلي", "ألغ تسجيلي", "إلغاء تسجيلي", "الغاء تسجيلي"),
            signup.unregister,
            topic="meetings",
        ),
        CommandSpec(
            "registrations",
            ("registrations", "registered", "المسجلون", "المسجلين", "التسجيلات"),
            signup.registrations,
            facilitator_only=True,
            topic="meetings",
        ),
    ),
    submits={REGISTER_VERB: signup.register_button},
    cards=(RegistrationList,),
)
