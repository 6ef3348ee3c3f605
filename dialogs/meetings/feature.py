"""The meetings feature: meetings and series, agendas, decisions, attendance and minutes."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.meetings import agenda, minutes, schedule
from dialogs.meetings.views import (
    AgendaCard,
    AgendaForm,
    AgendaItemCard,
    MeetingCard,
    MeetingForm,
    MeetingList,
    MinutesCard,
)

FEATURE = Feature(
    name="meetings",
    commands=(
        CommandSpec(
            "meetings", ("meetings", "اجتماعات", "الاجتماعات", "المواعيد"), schedule.list_command, topic="meetings"
        ),
        CommandSpec(
            "meeting", ("meeting", "اجتماع", "الاجتماع"), schedule.command, topic="meetings", members_help=False
        ),
        CommandSpec(
            "agenda",
            ("agenda", "جدول", "جدول الأعمال", "جدول اعمال", "الأجندة", "أجندة", "اجندة"),
            agenda.command,
            topic="agenda",
        ),
        CommandSpec(
            "decision",
            ("decision", "decisions", "قرار", "القرار"),
            minutes.decision_command,
            facilitator_only=True,
            topic="meetings",
        ),
        CommandSpec("minutes", ("minutes", "محضر", "المحضر"), minutes.command, topic="meetings"),
        CommandSpec(
            "attended",
            ("attended", "attendance", "حضر", "الحضور"),
            minutes.record_attendance,
            facilitator_only=True,
            topic="meetings",
        ),
    ),
    submits={
        "meeting-add": schedule.add_from_form,
        "agenda-add": agenda.add_from_form,
        "agenda-form": agenda.open_form,
        "agenda-more": agenda.more,
        "agenda-item": agenda.item_button,
    },
    cards=(MeetingCard, MeetingList, AgendaCard, AgendaItemCard, MinutesCard, MeetingForm, AgendaForm),
)
