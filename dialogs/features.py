"""Every feature of Tansiq, in the order `help` and the Teams command menu list their commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dialogs.actions.feature import FEATURE as ACTIONS
from dialogs.announcements.feature import FEATURE as ANNOUNCEMENTS
from dialogs.bulletin.feature import FEATURE as BULLETIN
from dialogs.common.privacy_policy import DEFAULT_POLICY, PrivacyPolicy
from dialogs.common.registry import Feature, Registry
from dialogs.common.turn import Services
from dialogs.community.feature import FEATURE as COMMUNITY
from dialogs.governance.feature import FEATURE as GOVERNANCE
from dialogs.invitations.feature import FEATURE as INVITATIONS
from dialogs.mail.feature import FEATURE as MAIL
from dialogs.meetings.feature import FEATURE as MEETINGS
from dialogs.questions import live_facts
from dialogs.questions.engine import Embedder, default_embedder
from dialogs.questions.feature import FEATURE as QUESTIONS
from dialogs.questions.knowledge_base import KnowledgeBase
from dialogs.regional.feature import FEATURE as REGIONAL
from dialogs.registration.feature import FEATURE as REGISTRATION
from dialogs.reminders.feature import FEATURE as REMINDERS

FEATURES: tuple[Feature, ...] = (
    COMMUNITY,
    ACTIONS,
    MEETINGS,
    REGISTRATION,
    INVITATIONS,
    REMINDERS,
    REGIONAL,
    MAIL,
    ANNOUNCEMENTS,
    BULLETIN,
    GOVERNANCE,
    QUESTIONS,
)


def build_registry() -> Registry:
    """The registry of every feature's declarations (the app builds it once)."""
    return Registry.build(FEATURES)


def build_services(
    *,
    load_embedder: Callable[[], Embedder | None] = default_embedder,
    privacy: PrivacyPolicy = DEFAULT_POLICY,
    served_teams: Sequence[str] = (),
) -> Services:
    """What the app hands every turn: the registry, one question engine for its database, the deployment's privacy
    defaults and the teams it serves."""
    knowledge = KnowledgeBase(live_facts.ENTRIES, frames=live_facts.FRAMES, load_embedder=load_embedder)
    return Services(registry=build_registry(), knowledge=knowledge, privacy=privacy, served_teams=tuple(served_teams))
