"""The periodic review of a community's sharing settings: every `review_months` (yearly unless an admin or the
deployment says otherwise) each facilitator receives, in their 1:1 chat, a card of who can see what — roles, guests,
working groups, confidential records, retention — with a button saying it was reviewed. `privacy review` shows the
same card at any time. The next reminder falls `review_months` after the last review (or after the community was
installed), on a working morning."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.outbox import Planned
from dialogs.common.privacy_policy import PrivacyPolicy
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.turn import Turn
from dialogs.community import retention
from dialogs.community.views import SharingReview
from dialogs.reminders.plans import ReminderSettings, morning_of
from storage import repositories as repo
from storage.models import (
    AgendaItem,
    Community,
    Decision,
    Member,
    Notification,
    Role,
    WorkingGroup,
    WorkingGroupMember,
)

KIND = "sharing-review"
LATE = timedelta(days=7)  # a review reminder missed by more than this (the bot was down) waits for the next one


async def show(turn: Turn) -> Reply:
    """`privacy review` (facilitators): the sharing settings card."""
    require_facilitator(turn.member)
    return Reply.of(KIND, view=await review_of(turn.session, turn.community, policy=turn.services.privacy))


async def reviewed(turn: Turn, _data: dict[str, Any]) -> Reply:
    """The card's "reviewed" button (facilitators): the review is recorded (audited) and the next one planned."""
    require_facilitator(turn.member)
    action, at = "community.sharing_reviewed", turn.now.isoformat()
    retention.change_setting(
        turn.session, turn.community, actor=turn.member, action=action, key="reviewed_at", value=at
    )
    due = await plan(turn.session, community=turn.community, policy=turn.services.privacy, now=turn.now)
    if due is None:
        return Reply.of("sharing-reviewed-no-next")
    return Reply.of("sharing-reviewed", day=due.astimezone(ZoneInfo(turn.community.timezone)).date())


async def review_of(session: AsyncSession, community: Community, *, policy: PrivacyPolicy) -> SharingReview:
    """What the facilitators review: read from the community's roster, groups and records."""
    active = (Member.community_id == community.id, Member.active)
    leaders = await repo.active_facilitators(session, community_id=community.id)
    guests = await session.scalars(select(Member.name).where(*active, Member.is_guest))
    groups = await session.execute(
        select(WorkingGroup.name, func.count(WorkingGroupMember.member_id))
        .outerjoin(WorkingGroupMember)
        .where(WorkingGroup.community_id == community.id, WorkingGroup.closed_at.is_(None))
        .group_by(WorkingGroup.id, WorkingGroup.name)
        .order_by(WorkingGroup.name)
    )
    confidential = 0
    for table in (AgendaItem, Decision):
        secret = (table.community_id == community.id, table.confidential)
        confidential += await session.scalar(select(func.count(table.id)).where(*secret)) or 0
    stored = (community.privacy_settings or {}).get("reviewed_at")
    return SharingReview(
        community=community.name,
        admins=tuple(sorted(member.name for member in leaders if member.role is Role.ADMIN)),
        facilitators=tuple(sorted(member.name for member in leaders if member.role is Role.FACILITATOR)),
        guests=tuple(sorted(guests)),
        members=await session.scalar(select(func.count(Member.id)).where(*active)) or 0,
        groups=tuple((name, count) for name, count in groups),
        confidential=confidential,
        retention=tuple(retention.retention_of(community, policy).items()),
        review_months=retention.review_months_of(community, policy),
        reviewed_at=datetime.fromisoformat(stored) if stored else None,
    )


def next_review(community: Community, *, policy: PrivacyPolicy, now: datetime) -> datetime | None:
    """When the facilitators are next reminded (a working morning in the community's zone); None when never."""
    months = retention.review_months_of(community, policy)
    if not months:
        return None
    stored = (community.privacy_settings or {}).get("reviewed_at")
    last = datetime.fromisoformat(stored) if stored else community.created_at
    due = last + relativedelta(months=months)
    while due < now - LATE:
        due += relativedelta(months=months)
    return morning_of(
        due.astimezone(ZoneInfo(community.timezone)).date(),
        zone=community.timezone,
        settings=ReminderSettings.of(community),
    )


async def plan(session: AsyncSession, *, community: Community, policy: PrivacyPolicy, now: datetime) -> datetime | None:
    """(Re)plan the next review reminder, one per active facilitator; when it falls due (None: no reminder)."""
    due = next_review(community, policy=policy, now=now)
    planned = []
    if due is not None:
        leaders = await repo.active_facilitators(session, community_id=community.id)
        key = f"{KIND}:{community.id}:{due.date().isoformat()}"
        defaults = {"policy": asdict(policy)}  # the deployment's defaults, for the card's retention periods
        planned = [Planned(KIND, f"{key}:{person.id}", due, defaults, member_id=person.id) for person in leaders]
    await outbox.replan(session, community_id=community.id, subject=f"{KIND}:{community.id}", planned=planned, now=now)
    return due


async def compose(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The review reminder for one facilitator (None once they no longer facilitate)."""
    member = await session.get(Member, row.member_id) if row.member_id else None
    community = await session.get(Community, row.community_id)
    if member is None or community is None or not (member.active and member.role.facilitates):
        return None
    policy = PrivacyPolicy(**(row.payload or {}).get("policy", {}))
    return Reply.of(f"{KIND}-due", view=await review_of(session, community, policy=policy))
