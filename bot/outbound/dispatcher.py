"""Sends due outbox rows: claim, compose from today's data, render in the reader's language, send, record.

Claiming marks rows with a lease (`claimed_until`) in a short transaction — `FOR UPDATE SKIP LOCKED` on
PostgreSQL, so two replicas never take the same row; SQLite's `BEGIN IMMEDIATE` serialises claims. No transaction
is ever open while Teams is called: a row is composed in one short transaction, sent with none open, and its outcome
recorded in another (a member with no 1:1 chat yet: the chat is opened with none open, then remembered and the
message composed again in a short transaction). On SQLite every transaction holds the write lock, so one open across
a slow Teams call would hold up every member's turn.

A row is then `sent`, `cancelled` (its composer says it is no longer true), `skipped` (an empty digest), retried
later with backoff, or `parked` with its reason (`reminders failed` shows it): Teams' refusals carry the notifier's
reason (bot-removed, conversation-gone …), an exception of our own while composing or rendering is `bot-error`
followed by the stage and the exception's type (retried like a transient failure, then parked). A crash between
claim and record leaves the lease to expire, and the row is sent by a later tick.

`purge` deletes sent, cancelled and skipped rows older than the retention, a short transaction per batch.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from microsoft_agents.activity import Activity
from sqlalchemy import CursorResult, Select, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cards.render import Renderer
from bot.outbound.notifier import ChatNotOpened, Delivery, Notifier, Outcome
from dialogs.common import outbox
from dialogs.common.clock import Clock
from dialogs.common.language import member_language, member_timezone
from dialogs.common.registry import Registry
from dialogs.common.replies import Reply
from dialogs.reminders import plans as reminder_plans
from storage.models import Community, Member, Notification
from storage.models.outbox import IS_PENDING

logger = logging.getLogger(__name__)

BATCH = 50
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=2)
BOT_ERROR = "bot-error"  # the reason of a row that failed on our own exception, not on Teams
FINISHED = (outbox.SENT, outbox.CANCELLED, outbox.SKIPPED)  # what `purge` deletes once old
PURGE_BATCH = 500  # rows deleted per transaction
PURGE_BATCHES = 20  # transactions per run (the next run goes on)
PURGE_PAUSE = 0.1  # seconds between two of them, so waiting turns take the write lock in between


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
    chat: _NewChat | None = None  # a member with no 1:1 chat yet: how to open one


@dataclass(frozen=True)
class _NewChat:
    """What opening a member's 1:1 chat needs, read before Teams is called (no transaction open then)."""

    member_id: int
    user_id: str
    service_url: str | None
    bot_id: str | None


class _Defect(Exception):
    """An exception of our own while `stage` (compose, render …): not Teams' doing."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.stage, self.error = stage, error


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
        self.sessions = sessions
        self.registry = registry
        self.notifier = notifier
        self.renderer = renderer
        self.clock = clock

    async def run_once(self) -> Tally:
        """Send every row due now (in batches), and return what happened."""
        tally = Tally()
        while ids := await self._claim(self.clock()):
            for row_id in ids:
                try:
                    await self._deliver(row_id, tally)
                except Exception as error:  # one bad row must not hold up the others: it is tried again, then parked
                    logger.exception("notification id=%s could not be sent", row_id)
                    await self._record(row_id, _defect(error), tally)
            if len(ids) < BATCH:
                break
        return tally

    async def next_due(self) -> datetime | None:
        """When the earliest pending row falls due (for an exact-time wake-up)."""
        async with self.sessions() as session:
            return await session.scalar(
                select(Notification.due_at).where(IS_PENDING).order_by(Notification.due_at).limit(1)
            )

    async def replan_all(self) -> None:
        """Extend every community's planning horizon (meetings ahead, weekly nudges, the next digest)."""
        async with self.sessions.begin() as session:
            for community in await session.scalars(select(Community)):
                await reminder_plans.replan_community(session, community=community, now=self.clock())

    async def purge(self, *, older_than: timedelta) -> int:
        """Delete sent, cancelled and skipped rows due more than `older_than` ago (pending and parked rows stay), in
        short transactions of PURGE_BATCH rows, at most PURGE_BATCHES of them; return how many were deleted."""
        cutoff = self.clock() - older_than
        old = (Notification.status.in_(FINISHED), Notification.due_at < cutoff)
        deleted = 0
        for batch in range(PURGE_BATCHES):
            if batch:
                await asyncio.sleep(PURGE_PAUSE)
            some = select(Notification.id).where(*old).order_by(Notification.due_at).limit(PURGE_BATCH).correlate(None)
            async with self.sessions.begin() as session:
                result = await session.execute(
                    delete(Notification).where(*old, Notification.id.in_(some.scalar_subquery())),
                    execution_options={"synchronize_session": False},
                )
            count = cast(CursorResult[Any], result).rowcount
            deleted += count
            if count < PURGE_BATCH:
                break
        if deleted:
            logger.info("outbox: deleted %s sent, cancelled or skipped rows due before %s", deleted, cutoff.date())
        return deleted

    async def _claim(self, now: datetime) -> list[int]:
        async with self.sessions.begin() as session:
            rows = list(await session.scalars(claim_query(now)))
            for row in rows:
                row.claimed_until = now + LEASE
            return [row.id for row in rows]

    async def _deliver(self, row_id: int, tally: Tally) -> None:
        now = self.clock()
        async with self.sessions.begin() as session:
            row = await session.get(Notification, row_id)
            if row is None or row.status != outbox.PENDING:
                return
            kind, community_id = row.kind, row.community_id
            reply = await self._compose(session, row, now)
            if reply is None:
                status = outbox.SKIPPED if kind == "weekly-digest" else outbox.CANCELLED
                self._finish(row, status, now=now, tally=tally)
                return
            target = await self._target(session, row)
        # No transaction is open from here until the outcome is recorded: Teams may take its time.
        if target.gone:
            delivery = Delivery(Outcome.PARKED, reason="member-left", error="no longer an active member")
        elif target.reference is None and target.channel:
            delivery = Delivery(Outcome.PARKED, reason="no-channel", error="the bot was never installed in a channel")
        elif target.chat is not None:
            opened = await self._open_chat(row_id, target, target.chat)
            if opened is None:
                async with self.sessions.begin() as session:
                    row = await session.get(Notification, row_id)
                    assert row is not None
                    self._finish(row, outbox.CANCELLED, now=self.clock(), tally=tally)
                return
            delivery = opened
        else:
            assert target.reference is not None
            activity = self._render(reply, target)
            delivery = await self.notifier.send(target.reference, activity, tenant_id=target.tenant_id)
        await self._record(row_id, delivery, tally)
        if delivery.outcome == Outcome.SENT and kind == "weekly-digest":
            await self._plan_next_digest(community_id)

    async def _open_chat(self, row_id: int, target: _Target, chat: _NewChat) -> Delivery | None:
        """A member with no 1:1 chat yet: open one (no transaction open), then remember it and compose again in a
        short transaction, and send at once. None: the message is no longer true."""
        if not chat.service_url or not chat.bot_id:
            return Delivery(Outcome.PARKED, reason="no-conversation", error="the bot has no way to reach them yet")
        try:
            opened = await self.notifier.open_personal_chat(
                service_url=chat.service_url, tenant_id=target.tenant_id, user_id=chat.user_id, bot_id=chat.bot_id
            )
        except ChatNotOpened as failure:
            return failure.delivery
        async with self.sessions.begin() as session:
            row = await session.get(Notification, row_id)
            member = await session.get(Member, chat.member_id)
            assert row is not None and member is not None
            if member.conversation_reference is None:  # (a turn of theirs may have brought one meanwhile)
                member.conversation_reference = opened
            reference = member.conversation_reference
            reply = await self._compose(session, row, self.clock()) if row.status == outbox.PENDING else None
        if reply is None:
            return None
        return await self.notifier.send(reference, self._render(reply, target), tenant_id=target.tenant_id)

    async def _compose(self, session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
        try:
            return await self.registry.composer(row.kind)(session, row, now)
        except Exception as error:
            raise _Defect("compose", error) from error

    def _render(self, reply: Reply, target: _Target) -> Activity:
        try:
            return self.renderer.activity(reply, lang=target.lang, zone=target.zone)
        except Exception as error:
            raise _Defect("render", error) from error

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
        chat = None
        if member.conversation_reference is None:
            channel = community.conversation_reference or {}
            service_url = channel.get("serviceUrl") or community.service_url
            chat = _NewChat(member.id, member.teams_user_id, service_url, (channel.get("bot") or {}).get("id"))
        return _Target(
            member.conversation_reference,
            lang,
            member_timezone(member, community),
            community.tenant_id,
            gone=not member.active,
            chat=chat,
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
        """After a digest was sent and recorded (a failure here must not send it again: the hourly re-plan plans the
        next one anyway)."""
        try:
            async with self.sessions.begin() as session:
                community = await session.get(Community, community_id)
                if community is not None:
                    await reminder_plans.plan_digest(session, community=community, now=self.clock())
        except Exception:
            logger.exception("the next digest of community id=%s could not be planned now", community_id)


def claim_query(now: datetime) -> Select[Notification]:
    """The due rows not leased to a sender, earliest first: what the partial index ix_notification_pending_due holds
    (pending rows, by due_at and id), with its very predicate."""
    return (
        select(Notification)
        .where(
            IS_PENDING,
            Notification.due_at <= now,
            or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
        )
        .order_by(Notification.due_at, Notification.id)
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )


def _defect(error: Exception) -> Delivery:
    """The outcome of an exception of ours: `bot-error`, the stage and the exception's type (its message may hold
    members' data, and is in the log)."""
    stage, cause = (error.stage, error.error) if isinstance(error, _Defect) else ("deliver", error)
    return Delivery(Outcome.RETRY_LATER, reason=BOT_ERROR, code=f"{stage} {type(cause).__name__}", error=str(cause))


def _reason(delivery: Delivery) -> str:
    """The reason code, then details (Teams' HTTP status and error code; for our own errors, stage and type)."""
    parts = [delivery.reason or delivery.outcome.value]
    if delivery.status:
        parts.append(str(delivery.status))
    if delivery.code:
        parts.append(delivery.code)
    return " ".join(parts)
