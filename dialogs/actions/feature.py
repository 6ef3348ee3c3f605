"""The actions feature: action points recorded, owned, updated, listed and reported."""

from __future__ import annotations

from dialogs.actions import points
from dialogs.actions.views import ActionCard, ActionForm, ActionList, ActionReportCard
from dialogs.common.registry import CommandSpec, Feature

FEATURE = Feature(
    name="actions",
    commands=(
        CommandSpec("actions", ("actions", "الإجراءات", "إجراءات", "المهام"), points.list_command, topic="actions"),
        CommandSpec("action", ("action", "إجراء", "مهمة"), points.command, topic="actions"),
    ),
    submits={"action-add": points.add_from_form, "actions-page": points.page_button},
    presses={verb: points.press for verb in ("action-refresh", "action-done", "action-progress", "action-snooze")},
    cards=(ActionCard, ActionList, ActionForm, ActionReportCard),
)
