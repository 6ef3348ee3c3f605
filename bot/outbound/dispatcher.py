"""Sends due outbox rows: claim, compose from today's data, render in the reader's language, send, record.

Claiming marks rows with a lease (`claimed_until`) in a short transaction — `FOR UPDATE SKIP LOCKED` on
PostgreSQL, so two replicas never take the same row; SQLite's `BEGIN IMMEDIATE` serialises claims — and sending
happens outside it. A row is then `sent`, `cancelled` (its composer says it is no longer true), `skipped` (an
empty digest), retried later with backoff, or `parked` with its reason (`reminders failed` shows it). A crash
between claim and record leaves the lease to expire, and the row is sent by a later tick.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cards.render import Renderer
from bot.outbound.notifier import ChatNotOpened, Delivery, Notifier, Outcome
from dialogs.common import outbox
from dialogs.common.clock import Clock
from dialogs.common.language import member_language, member_timezone
from dialogs.common.registry import Registry
from dialogs.reminders import plans as reminder_plans
from storage.models import Community, Member, Notification

logger = logging.getLogger(__name__)

BATCH = 50
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=2)


@dataclass
class Tally:
    """What one run did."""

    sent: int = 0
    cancelled: int = 0
    skipped: int = 0
    retried: int = 0
    parked: int = 0
    ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Target:
    reference: dict[str, Any] | None
    lang: str
    zone: str
    tenant_id: str
    channel: bool = False
    gone: bool = False  # a member who left the community


class Dispatcher:
    """One replica's sender of due reminders and notices."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        registry: Registry,
        notifier: Notifier,
        renderer: Renderer,
        clock: Clock,
    ) -> None:
        """`registry`: the features' declarations, where each outbox kind finds the composer of its message."""
        self.sessions, self.registry, self.notifier, self.renderer, self.clock = (
            sessions,
            registry,
            notifier,
            renderer,
            clock,
        )

    async def run_once(self) -> Tally:
        """Send every row due now (in batches), and return what happened."""
        tally = Tally()
        while ids := await self._claim(self.clock()):
            for row_id in ids:
                try:
                    await self._deliver(row_id, tally)
                except Exception as error:  # one bad row must not hold up the others: it is tried again, then parked
                    logger.exception("notification id=%s could not be sent", row_id)
                    failure = Delivery(Outcome.RETRY_LATER, reason="error", error=type(error).__name__)
                    await self._record(row_id, failure, tally)
            if len(ids) < BATCH:
                break
        return tally

    async def next_due(self) -> datetime | None:
        """When the earliest pending row falls due (for an exact-time wake-up)."""
        async with self.sessions() as session:
            return await session.scalar(
                select(Notification.due_at)
                .where(Notification.status == outbox.PENDING)
                .order_by(Notification.due_at)
                .limit(1)
            )

    async def replan_all(self) -> None:
        """Extend every community's planning horizon (meetings ahead, weekly nudges, the next digest)."""
        async with self.sessions.begin() as session:
            for community in await session.scalars(select(Community)):
                await reminder_plans.replan_community(session, community=community, now=self.clock())

    async def _claim(self, now: datetime) -> list[int]:
        async with self.sessions.begin() as session:
            rows = list(
                await session.scalars(
                    select(Notification)
                    .where(
                        Notification.status == outbox.PENDING,
                        Notification.due_at <= now,
                        or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
                    )
                    .order_by(Notification.due_at, Notification.id)
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
            )
            for row in rows:
                row.claimed_until = now + LEASE
            return [row.id for row in rows]

    async def _deliver(self, row_id: int, tally: Tally) -> None:
        now = self.clock()
        async with self.sessions.begin() as session:
            row = await session.get(Notification, row_id)
            if row is None or row.status != outbox.PENDING:
                return
            reply = await self.registry.composer(row.kind)(session, row, now)
            if reply is None:
                status = outbox.SKIPPED if row.kind == "weekly-digest" else outbox.CANCELLED
                self._finish(row, status, now=now, tally=tally)
                return
            target = await self._target(session, row)
        if target.gone:
            delivery = Delivery(Outcome.PARKED, reason="member-left", error="no longer an active member")
        elif target.reference is None and target.channel:
            delivery = Delivery(Outcome.PARKED, reason="no-channel", error="the bot was never installed in a channel")
        elif target.reference is None:
            sent = await self._open_chat(row_id, target)
            if sent is not None:
                delivery = sent
            else:
                async with self.sessions.begin() as session:
                    row = await session.get(Notification, row_id)
                    assert row is not None
                    self._finish(row, outbox.CANCELLED, now=self.clock(), tally=tally)
                return
        else:
            activity = self.renderer.activity(reply, lang=target.lang, zone=target.zone)
            delivery = await self.notifier.send(target.reference, activity, tenant_id=target.tenant_id)
            if delivery.outcome == Outcome.SENT and row.kind == "weekly-digest":
                await self._plan_next_digest(row.community_id)
        await self._record(row_id, delivery, tally)

    async def _open_chat(self, row_id: int, target: _Target) -> Delivery | None:
        """A member with no 1:1 chat yet: open one, remember it, and send at once (None: no longer true)."""
        async with self.sessions.begin() as session:
            row = await session.get(Notification, row_id)
            assert row is not None
            member = await session.get(Member, row.member_id)
            community = await session.get(Community, row.community_id)
            assert member is not None and community is not None
            channel = community.conversation_reference or {}
            service_url = channel.get("serviceUrl") or community.service_url
            bot_id = (channel.get("bot") or {}).get("id")
            if not service_url or not bot_id:
                return Delivery(Outcome.PARKED, reason="no-conversation", error="the bot has no way to reach them yet")
            try:
                reference = await self.notifier.open_personal_chat(
                    service_url=service_url, tenant_id=community.tenant_id, user_id=member.teams_user_id, bot_id=bot_id
                )
            except ChatNotOpened as failure:
                return failure.delivery
            member.conversation_reference = reference
            reply = await self.registry.composer(row.kind)(session, row, self.clock())
        if reply is None:
            return None
        activity = self.renderer.activity(reply, lang=target.lang, zone=target.zone)
        return await self.notifier.send(reference, activity, tenant_id=target.tenant_id)

    async def _target(self, session: AsyncSession, row: Notification) -> _Target:
        community = await session.get(Community, row.community_id)
        assert community is not None
        if row.channel:
            return _Target(
                community.conversation_reference,
                community.default_language,
                community.timezone,
                community.tenant_id,
                channel=True,
            )
        member = await session.get(Member, row.member_id)
        assert member is not None
        lang = member_language(member, community, teams_locale=member.teams_locale, text=None)
        return _Target(
            member.conversation_reference,
            lang,
            member_timezone(member, community),
            community.tenant_id,
            gone=not member.active,
        )

    async def _record(self, row_id: int, delivery: Delivery, tally: Tally) -> None:
        now = self.clock()
        async with self.sessions.begin() as session:
            row = await session.get(Notification, row_id)
            assert row is not None
            row.attempts += 1
            if delivery.outcome == Outcome.SENT:
                self._finish(row, outbox.SENT, now=now, tally=tally)
            elif delivery.outcome == Outcome.PARKED or row.attempts >= MAX_ATTEMPTS:
                row.last_error = _reason(delivery)
                self._finish(row, outbox.PARKED, now=now, tally=tally)
                logger.warning("parked notification id=%s kind=%s: %s", row.id, row.kind, row.last_error)
            else:
                row.last_error = _reason(delivery)
                row.due_at = now + FIRST_RETRY * 2 ** (row.attempts - 1)
                row.claimed_until = None
                tally.retried += 1
                logger.info("notification id=%s will be retried at %s", row.id, row.due_at.isoformat())

    def _finish(self, row: Notification, status: str, *, now: datetime, tally: Tally) -> None:
        row.status, row.claimed_until = status, None
        if status == outbox.SENT:
            row.sent_at = now
        setattr(tally, status, getattr(tally, status) + 1)
        tally.ids.append(row.id)
        logger.info("notification id=%s kind=%s %s", row.id, row.kind, status)

    async def _plan_next_digest(self, community_id: int) -> None:
        async with self.sessions.begin() as session:
            community = await session.get(Community, community_id)
            if community is not None:
                await reminder_plans.plan_digest(session, community=community, now=self.clock())


def _reason(delivery: Delivery) -> str:
    parts = [delivery.reason or delivery.outcome.value]
    if delivery.status:
        parts.append(str(delivery.status))
    if delivery.code:
        parts.append(delivery.code)
    return " ".join(parts)
