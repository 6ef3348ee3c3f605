"""One member's turn, as every dialog receives it: the open session, who speaks, where, when, and how they read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.people import Person
from dialogs.common.privacy_policy import DEFAULT_POLICY, PrivacyPolicy
from storage.models import Community, Member

if TYPE_CHECKING:  # the registry and the question engine are built by the app and handed in (no import cycle)
    from dialogs.common.registry import Registry
    from dialogs.questions.knowledge_base import KnowledgeBase


@dataclass(frozen=True)
class Services:
    """What the app builds once and every turn may use: the features' declarations, the question engine, the
    deployment's privacy defaults and the teams it serves (`ALLOWED_TEAM_IDS`; empty: any)."""

    registry: Registry
    knowledge: KnowledgeBase
    privacy: PrivacyPolicy = DEFAULT_POLICY
    served_teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class Turn:
    """The speaker's turn: one transaction (`session`), the `member` speaking in their `community` at `now`,
    the people mentioned, the language and time zone answers are read in, and the app's services. `shared`: others
    read the answer too (the team's channel, a group chat), so it shows only what everyone there may see."""

    session: AsyncSession
    member: Member
    community: Community
    now: datetime
    services: Services
    language: str
    zone: str
    mentions: tuple[Person, ...] = ()
    shared: bool = False
