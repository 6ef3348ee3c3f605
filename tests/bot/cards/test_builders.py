"""Every card view a feature declares has exactly one builder in the bot, and the bot builds no undeclared view."""

from __future__ import annotations

from bot.cards.render import BUILDERS
from dialogs.features import build_registry


def test_the_renderer_builds_exactly_the_declared_card_views() -> None:
    declared = build_registry().cards
    assert declared, "the features declare their card views"
    assert set(BUILDERS) == set(declared), {view.__name__ for view in set(BUILDERS) ^ set(declared)}
