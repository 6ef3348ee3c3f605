"""Sends due outbox rows: claim, compose from today's data, render in the reader's language, send, record.

Claiming marks rows with a lease (`claimed_until`) in a short transaction — `FOR UPDATE SKIP LOCKED` on
PostgreSQL, so two replicas never take the same row; SQLite's `BEGIN IMMEDIATE` serialises claims. Up to SENDERS
rows are sent at once, by workers fed from the claims (a slow or throttled conversation holds up only its own rows;
one conversation's rows go one at a time, in order, in the notifier), and the leases of the rows in hand are renewed
while they are. No transaction is ever open while Teams is called: a row is composed in one short transaction (which
also marks it `send_started_at`), sent with none open, and its outcome recorded in another (a member with no 1:1 chat
yet: the chat is opened with none open, then remembered and the message composed again in a short transaction). On
SQLite every transaction holds the write lock, so one open across a slow Teams call would hold up every member's turn.
Rows are composed, and outcomes recorded, in groups (bot/outbound/groups.py): one transaction for the rows started
together, one for the outcomes that arrived while the last was being written.

A row is then `sent`, `cancelled` (its composer says it is no longer true), `skipped` (an empty digest), retried
later with backoff, or `parked` with its reason (`reminders failed` shows it): Teams' refusals carry the notifier's
reason (bot-removed, conversation-gone …), an exception of our own while composing or rendering is `bot-error`
followed by the stage and the exception's type (retried like a transient failure, then parked).

A send of unknown outcome — written, no answer in time; or a row found still marked `send_started_at` because the
process sending it died — may have reached Teams: it is tried once more after UNKNOWN_PAUSE, and a second one is
parked as `unknown-outcome`, so a member gets a message at most twice, never in a loop. `stop` (SIGTERM) stops
claiming, lets the rows in flight finish within a drain time, and releases the leases of the rest at once.

`replan_all` runs in one replica at a time (a PostgreSQL advisory lock; SQLite has one process). `purge` deletes
sent, cancelled and skipped rows older than the retention, a short transaction per batch.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from microsoft_agents.activity import Activity
from sqlalchemy import Select, or_, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_chain, wait_fixed

from bot import metrics
from bot.cards.render import Renderer
from bot.outbound.groups import Groups
from bot.outbound.mail import Addressee, Mailer
from bot.outbound.notifier import ChatNotOpened, Delivery, Notifier, Outcome
from bot.teams import card_community
from dialogs.bulletin import timing as bulletin_timing
from dialogs.common import outbox
from dialogs.common.clock import Clock
from dialogs.common.language import channel_languages, member_language, member_timezone
from dialogs.common.privacy_policy import DEFAULT_POLICY, PrivacyPolicy
from dialogs.common.registry import Registry
from dialogs.common.replies import Reply
from dialogs.community import retention, sharing_review
from dialogs.mail import copies
from dialogs.reminders import plans as reminder_plans
from storage import handled
from storage import repositories as repo
from storage.db import engine_of, keeping_loaded, read_only
from storage.models import Community, Member, Notification
from storage.models.outbox import IS_PENDING

logger = logging.getLogger(__name__)

BATCH = 50  # rows per claim
SENDERS = 16  # rows in flight at once: enough to keep Teams' 50/s per tenant busy while some answers are slow
GROUP = 32  # rows composed, or recorded, in one transaction at most (see bot.outbound.groups)
STARTED_TOGETHER = 8
"""Rows handed to senders at once (composed together, in one transaction): paced by Teams' limits, senders free up
one at a time, and rows started one at a time would each be composed alone. Once one sender is free, the next ones
are waited for at most GATHER seconds (a few slow chats may hold the rest)."""
GATHER = 0.2
LEASE = timedelta(minutes=2)  # renewed every LEASE / 4 while a row is in hand; after a crash, others take it then
MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=2)
UNKNOWN_PAUSE = timedelta(minutes=5)  # before the one more try of a send of unknown outcome
MAX_UNKNOWN = 1  # sends of unknown outcome tried again; the next is parked
RECORD_PAUSES = (0.5, 2.0)  # seconds before asking a refusing database again to record a send's outcome
DRAIN = 20.0  # seconds `stop` lets the rows in flight finish (a container's grace period is usually 30 s)
IDLE_PACE = timedelta(hours=1)  # a conversation's pace, once idle this long, is forgotten (every window is free)
REPLAN_PAUSE = 0.05
"""Seconds between two batches of the re-plan: SQLite's busy handler polls (up to 100 ms apart), so a turn waiting
for the write lock gets it between batches."""
REPLAN_LOCK = 0x7A6E51  # the PostgreSQL advisory lock key of the re-plan ("tansiq")
BOT_ERROR = "bot-error"  # the reason of a row that failed on our own exception, not on Teams
UNKNOWN_OUTCOME = "unknown-outcome"  # the reason of a row parked after a second send of unknown outcome
PURGE_BATCH = 500  # rows of each kind removed per transaction
PURGE_BATCHES = 20  # transactions per community per run (the next run goes on)
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
    langs: tuple[str, ...]  # a member's language; a channel post's, its default first
    zone: str
    tenant_id: str
    channel: bool = False
    gone: bool = False  # a member who left the community
    chat: _NewChat | None = None  # a member with no 1:1 chat yet: how to open one
    community_id: int | None = None  # a 1:1 message's community, marked on its cards (bot.teams.card_community)


@dataclass(frozen=True)
class _Prepared:
    """A row composed and marked as being sent: what to send, and where."""

    row_id: int
    kind: str
    community_id: int
    reply: Reply
    target: _Target
    mail: Addressee | None = None  # an e-mail copy (dialogs.mail.copies): sent by the mailer, not to Teams


@dataclass(frozen=True)
class _NewChat:
    """What opening a member's 1:1 chat needs, read before Teams is called (no transaction open then)."""

    member_id: int
    user_id: str
    service_url: str | None
    bot_id: str | None


class _NotRecorded(Exception):
    """A send whose outcome the database would not take."""


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
        lease: timedelta = LEASE,
        policy: PrivacyPolicy = DEFAULT_POLICY,
        mailer: Mailer | None = None,
    ) -> None:
        """`registry`: the features' declarations, where each outbox kind finds the composer of its message;
        `policy`: the deployment's retention periods and review interval; `mailer`: the e-mail sender (None: no
        e-mail copies are planned, and those waiting are cancelled)."""
        self.sessions = sessions
        self.reading = read_only(sessions)
        self.registry = registry
        self.notifier = notifier
        self.renderer = renderer
        self.clock = clock
        self.lease = lease
        self.policy = policy
        self.mailer = mailer
        self._stopping = False
        self._in_hand: set[int] = set()  # rows claimed by this process and not yet recorded or released
        self._posting: set[int] = set()  # rows handed to the notifier (their outcome is unknown until it answers)
        self._preparing = Groups(self._prepare_group, limit=GROUP)
        self._recording = Groups(self._record_group, limit=GROUP)
        self._sending: set[asyncio.Task[None]] = set()
        self._runs = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._one_transaction = asyncio.Lock()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncSession]:
        """One short transaction of this dispatcher's. Its senders take turns: on SQLite each transaction holds the
        write lock, and sixteen senders waiting in SQLite's busy handler would starve one another and the members'
        turns (its waits are polls, not a queue); on PostgreSQL a few milliseconds each, far below the pace."""
        async with self._one_transaction, self.sessions.begin() as session:
            yield session

    async def run_once(self) -> Tally:
        """Send every row due now (SENDERS at a time), and return what happened."""
        tally = Tally()
        if self._stopping:
            return tally
        self._runs += 1
        self._idle.clear()
        free = asyncio.Semaphore(SENDERS)
        sending: list[asyncio.Task[None]] = []
        renewing = asyncio.create_task(self._renew_leases())
        try:
            while not self._stopping:
                ids = await self._claim(self.clock())
                start = 0
                while start < len(ids):  # (the rows waiting for a sender keep their leases: they are renewed)
                    taken = await _free_senders(free, wanted=min(STARTED_TOGETHER, len(ids) - start))
                    if self._stopping:
                        for _ in range(taken):
                            free.release()
                        await self._release(set(ids[start:]))
                        break
                    sending.extend(self._start(row_id, tally, free) for row_id in ids[start : start + taken])
                    start += taken
                if len(ids) < BATCH:
                    break
            for ended in await asyncio.gather(*sending, return_exceptions=True):
                if isinstance(ended, Exception):  # (`_send` records its row's failures; this is one it could not)
                    logger.error("reminders: a send ended in %s: %s", type(ended).__name__, ended)
        finally:
            renewing.cancel()
            await asyncio.gather(renewing, return_exceptions=True)
            self._runs -= 1
            if not self._runs:
                self._idle.set()
        return tally

    async def stop(self, *, drain: float = DRAIN) -> None:
        """Stop claiming; let the rows in flight finish for up to `drain` seconds, then cancel them; release the
        leases of every row still in hand, so another replica sends them at once."""
        self._stopping = True
        try:
            await asyncio.wait_for(self._idle.wait(), drain)
        except TimeoutError:
            logger.warning("reminders: %s rows still in flight after %.0f s; stopping them", len(self._in_hand), drain)
            sending = list(self._sending)
            for task in sending:
                task.cancel()
            await asyncio.gather(*sending, return_exceptions=True)
        await self._release(set(self._in_hand))

    def _start(self, row_id: int, tally: Tally, free: asyncio.Semaphore) -> asyncio.Task[None]:
        """Send one row in its own task; its sender slot is free again when it ends."""
        task = asyncio.create_task(self._send(row_id, tally))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
        task.add_done_callback(lambda _: free.release())
        return task

    async def _send(self, row_id: int, tally: Tally) -> None:
        """Deliver one claimed row; an exception of ours is recorded against it, a cancellation releases it."""
        try:
            await self._deliver(row_id, tally)
        except asyncio.CancelledError:  # (once handed to the notifier, it stays marked: its outcome is unknown)
            await asyncio.shield(self._release({row_id}, unsent=row_id not in self._posting))
            raise
        except _NotRecorded:  # it stays marked as being sent: once its lease ends, it is a send of unknown outcome
            logger.exception("notification id=%s was sent, but the outcome could not be recorded", row_id)
        except Exception as error:  # one bad row must not hold up the others: it is tried again, then parked
            logger.exception("notification id=%s could not be sent", row_id)
            await self._recording.submit((row_id, _defect(error), tally))
        finally:
            self._in_hand.discard(row_id)
            self._posting.discard(row_id)

    async def _renew_leases(self) -> None:
        """Every lease / 4: the rows in hand stay leased to this process."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 4)
            if not self._in_hand:
                continue
            try:
                async with self._transaction() as session:
                    await session.execute(
                        update(Notification)
                        .where(Notification.id.in_(list(self._in_hand)), IS_PENDING)
                        .values(claimed_until=self.clock() + self.lease)
                    )
            except DBAPIError:  # a busy database: the leases still have three quarters to run; the next try renews them
                logger.warning("reminders: the leases of %s rows in hand were not renewed", len(self._in_hand))

    async def _release(self, ids: set[int], *, unsent: bool = False) -> None:
        """Give up the leases of rows not sent: any sender may take them now. `unsent`: composed and marked as being
        sent, but never handed to the notifier (the mark goes too: nothing of unknown outcome happened)."""
        self._in_hand.difference_update(ids)
        if ids:
            values: dict[str, Any] = {"claimed_until": None} | ({"send_started_at": None} if unsent else {})
            async with self._transaction() as session:
                await session.execute(
                    update(Notification).where(Notification.id.in_(list(ids)), IS_PENDING).values(values)
                )
            logger.info("reminders: released %s rows not sent", len(ids))

    async def next_due(self) -> datetime | None:
        """When the earliest pending row falls due (for an exact-time wake-up)."""
        async with self.sessions() as session:
            return await session.scalar(
                select(Notification.due_at).where(IS_PENDING).order_by(Notification.due_at).limit(1)
            )

    async def replan_all(self) -> None:
        """Extend every community's planning horizon (meetings ahead, weekly nudges, the next digest, the next review
        of its sharing settings), a batch of meetings or actions per short transaction, so members' turns go on
        meanwhile; on PostgreSQL one replica at a time (the others skip this hour's run: it is the same work)."""
        async with self._sole_runner() as sole:
            if not sole:
                logger.info("reminders: another replica is re-planning; skipped")
                return
            for community_id in await self._community_ids():
                async with self.reading() as session:
                    batches = await reminder_plans.replan_batches(session, community_id=community_id)
                for batch in batches:
                    async with self._transaction() as session:
                        community = await session.get(Community, community_id)
                        if community is not None:
                            now = self.clock()
                            await reminder_plans.replan_batch(session, community=community, batch=batch, now=now)
                    await asyncio.sleep(REPLAN_PAUSE)
                async with self._transaction() as session:
                    community = await session.get(Community, community_id)
                    if community is not None:
                        await sharing_review.plan(session, community=community, policy=self.policy, now=self.clock())
                        await bulletin_timing.plan(session, community=community, now=self.clock())

    async def _community_ids(self) -> list[int]:
        """Every community's id, in order (what the hourly jobs go through one by one)."""
        async with self.reading() as session:
            return list(await session.scalars(select(Community.id).order_by(Community.id)))

    @asynccontextmanager
    async def _sole_runner(self) -> AsyncIterator[bool]:
        """Whether this process holds the re-plan's advisory lock, held until the block ends (always, on SQLite: one
        process). On its own connection, outside the re-plan's transactions."""
        engine = engine_of(self.sessions)
        if engine.dialect.name != "postgresql":
            yield True
            return
        async with engine.connect() as connection:
            held = bool(await connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": REPLAN_LOCK}))
            await connection.commit()  # (the lock is the session's, not the transaction's: nothing left open)
            try:
                yield held
            finally:
                if held:
                    await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": REPLAN_LOCK})
                    await connection.commit()

    async def purge(self) -> dict[str, int]:
        """Apply each community's retention periods: sent reminders, closed tickets and audit entries older than
        theirs deleted, the askers of long-closed tickets forgotten; in short transactions of up to PURGE_BATCH rows
        of each kind, at most PURGE_BATCHES per community (the next run goes on). Each community's purge is audited,
        with counts only. Returns the counts of all communities together."""
        total: dict[str, int] = {}
        for community_id in await self._community_ids():
            done: dict[str, int] = {}
            for batch in range(PURGE_BATCHES):
                if batch:
                    await asyncio.sleep(PURGE_PAUSE)
                async with self._transaction() as session:
                    community = await session.get(Community, community_id)
                    kept = retention.retention_of(community, self.policy) if community is not None else {}
                    counts = await retention.purge(
                        session, community_id=community_id, retention=kept, now=self.clock(), limit=PURGE_BATCH
                    )
                for kind, count in counts.items():
                    done[kind] = done.get(kind, 0) + count
                if max(counts.values(), default=0) < PURGE_BATCH:
                    break
            if any(done.values()):
                async with self._transaction() as session:
                    session.info["now"] = self.clock()
                    repo.audit(
                        session,
                        community_id=community_id,
                        actor=None,
                        action="retention.purged",
                        object_type="community",
                        object_id=community_id,
                        after=done,
                    )
            for kind, count in done.items():
                total[kind] = total.get(kind, 0) + count
        if any(total.values()):
            logger.info("retention: removed %s", ", ".join(f"{count} {kind}" for kind, count in total.items() if count))
        return total

    async def forget_traffic(self) -> None:
        """Delete handled activities older than a day and the send pace of conversations idle for an hour."""
        async with self._transaction() as session:
            forgotten = await handled.forget(session, now=self.clock())
        idle = await self.notifier.forget_idle(older_than=IDLE_PACE.total_seconds())
        logger.info("upkeep: forgot %s handled activities and the pace of %s idle conversations", forgotten, idle)

    async def _claim(self, now: datetime) -> list[int]:
        async with self._transaction() as session:
            rows = list(await session.scalars(claim_query(now)))
            for row in rows:
                row.claimed_until = now + self.lease
            ids = [row.id for row in rows]
        self._in_hand.update(ids)
        return ids

    async def _deliver(self, row_id: int, tally: Tally) -> None:
        prepared = await self._preparing.submit((row_id, tally))
        if prepared is None:
            return
        if prepared.mail is not None:
            await self._record_outcome(row_id, await self._send_mail(prepared, prepared.mail), tally)
            return
        target = prepared.target
        # No transaction is open from here until the outcome is recorded: Teams may take its time.
        if target.gone:
            delivery = Delivery(Outcome.PARKED, reason="member-left", error="no longer an active member")
        elif target.reference is None and target.channel:
            delivery = Delivery(Outcome.PARKED, reason="no-channel", error="the bot was never installed in a channel")
        elif target.chat is not None:
            self._posting.add(row_id)
            opened = await self._open_chat(row_id, target, target.chat)
            if opened is None:
                async with self._transaction() as session:
                    row = await session.get(Notification, row_id)
                    assert row is not None
                    self._finish(row, outbox.CANCELLED, now=self.clock(), tally=tally)
                return
            delivery = opened
        else:
            assert target.reference is not None
            activity = self._render(prepared.reply, target)
            self._posting.add(row_id)
            delivery = await self.notifier.send(target.reference, activity, tenant_id=target.tenant_id)
        await self._record_outcome(row_id, delivery, tally)
        if delivery.outcome == Outcome.SENT and prepared.kind == "weekly-digest":
            await self._plan_next_digest(prepared.community_id)

    async def _prepare_group(self, requests: Sequence[tuple[int, Tally]]) -> list[_Prepared | Exception | None]:
        """Compose a group of claimed rows in one short transaction, and mark those to send as being sent. The rows,
        their communities and members, and what their payloads name are read at once, and every row read stays in
        the session meanwhile, so each composer finds most of what it reads there."""
        now = self.clock()
        async with self._transaction() as session:
            with keeping_loaded(session), repo.rosters_unchanged(session):
                rows = await _load(session, Notification, (row_id for row_id, _ in requests))
                await _load(session, Community, (row.community_id for row in rows.values()))
                await _load(session, Member, (row.member_id for row in rows.values() if row.member_id))
                await outbox.preload(session, rows.values())
                prepared: list[_Prepared | Exception | None] = []
                for row_id, tally in requests:
                    try:
                        prepared.append(await self._prepare(session, rows.get(row_id), now=now, tally=tally))
                    except Exception as error:  # (this row's alone: the others go on)
                        prepared.append(error)
            marked = [ready.row_id for ready in prepared if isinstance(ready, _Prepared)]
            if marked:
                await session.execute(
                    update(Notification).where(Notification.id.in_(marked)).values(send_started_at=now),
                    execution_options={"synchronize_session": False},
                )
        return prepared

    async def _prepare(
        self, session: AsyncSession, row: Notification | None, *, now: datetime, tally: Tally
    ) -> _Prepared | None:
        """One row of `_prepare_group`: what to send, or None (gone, finished, or no longer true)."""
        if row is None or row.status != outbox.PENDING:
            return None
        if row.send_started_at is not None:  # the process sending it died: did Teams get it?
            self._unknown(row, Delivery(Outcome.UNKNOWN, reason="interrupted"), now=now, tally=tally)
            return None
        community = await session.get(Community, row.community_id)
        member = await session.get(Member, row.member_id) if row.member_id is not None else None
        assert community is not None
        mail = copies.is_copy(row)
        if mail and (self.mailer is None or not await copies.still_wanted(session, row, member)):
            self._finish(row, outbox.CANCELLED, now=now, tally=tally)  # mail turned off, or no longer wanted
            return None
        reply = await self._compose(session, row, now)
        if reply is None:
            self._finish(row, outbox.SKIPPED if row.kind == "weekly-digest" else outbox.CANCELLED, now=now, tally=tally)
            return None
        if self.mailer is not None and not mail:
            await copies.plan(session, row, now=now)  # its e-mail copies, due now (next claim), for who chose them
        target = await self._target(session, row, community, member)
        addressee = _addressee(row, community, member, target) if mail else None
        return _Prepared(row.id, row.kind, row.community_id, reply, target, mail=addressee)

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
        async with self._transaction() as session:
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

    async def _send_mail(self, prepared: _Prepared, to: Addressee) -> Delivery:
        """An e-mail copy, written from the same Reply as the Teams message, sent with no transaction open."""
        assert self.mailer is not None
        try:
            message = self.mailer.compose(self.renderer, prepared.reply, to, now=self.clock())
        except Exception as error:
            raise _Defect("render", error) from error
        self._posting.add(prepared.row_id)
        return await self.mailer.send(message)

    async def _compose(self, session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
        try:
            return await self.registry.composer(row.kind)(session, row, now)
        except Exception as error:
            raise _Defect("compose", error) from error

    def _render(self, reply: Reply, target: _Target) -> Activity:
        try:
            if target.channel:
                return self.renderer.channel_activity(reply, langs=target.langs, zone=target.zone)
            activity = self.renderer.activity(reply, lang=target.langs[0], zone=target.zone)
            return card_community.stamp(activity, target.community_id) if target.community_id else activity
        except Exception as error:
            raise _Defect("render", error) from error

    async def _target(
        self, session: AsyncSession, row: Notification, community: Community, member: Member | None
    ) -> _Target:
        if row.channel:
            return _Target(
                community.conversation_reference,
                await channel_languages(session, community),
                community.timezone,
                community.tenant_id,
                channel=True,
            )
        assert member is not None
        lang = member_language(member, community, teams_locale=member.teams_locale, text=None)
        chat = None
        if member.conversation_reference is None:
            channel = community.conversation_reference or {}
            service_url = channel.get("serviceUrl") or community.service_url
            chat = _NewChat(member.id, member.teams_user_id, service_url, (channel.get("bot") or {}).get("id"))
        return _Target(
            member.conversation_reference,
            (lang,),
            member_timezone(member, community),
            community.tenant_id,
            gone=not member.active,
            chat=chat,
            community_id=community.id,
        )

    async def _record_outcome(self, row_id: int, delivery: Delivery, tally: Tally) -> None:
        """Record what Teams answered. A database refusing it is asked again after a pause; still refusing, it raises
        `_NotRecorded`, never our error's retry: the message may have arrived, so the row stays marked as being sent
        and becomes a send of unknown outcome once its lease ends."""
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(DBAPIError),
            wait=wait_chain(*(wait_fixed(pause) for pause in RECORD_PAUSES)),
            stop=stop_after_attempt(len(RECORD_PAUSES) + 1),
            before_sleep=lambda state: logger.warning("notification id=%s: outcome not recorded; again", row_id),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    await self._recording.submit((row_id, delivery, tally))
        except DBAPIError as error:
            raise _NotRecorded(row_id) from error

    async def _record_group(self, outcomes: Sequence[tuple[int, Delivery, Tally]]) -> list[Exception | None]:
        """Record a group of outcomes in one short transaction: the sent rows in one statement, the others one by
        one."""
        now = self.clock()
        sent = [(row_id, tally) for row_id, delivery, tally in outcomes if delivery.outcome == Outcome.SENT]
        others = [outcome for outcome in outcomes if outcome[1].outcome != Outcome.SENT]
        recorded_sent: Sequence[tuple[str, datetime]] = ()
        async with self._transaction() as session:
            if sent:
                recorded = await session.execute(
                    update(Notification)
                    .where(Notification.id.in_([row_id for row_id, _ in sent]))
                    .values(
                        status=outbox.SENT,
                        sent_at=now,
                        attempts=Notification.attempts + 1,
                        claimed_until=None,
                        send_started_at=None,
                    )
                    .returning(Notification.kind, Notification.due_at),
                    execution_options={"synchronize_session": False},
                )
                recorded_sent = recorded.all()  # (kind, due time) of each, for the metrics
            rows = await _load(session, Notification, (row_id for row_id, _, _ in others))
            for row_id, delivery, tally in others:
                row = rows.get(row_id)
                if row is None:  # (deleted meanwhile, with its community or its member's data)
                    logger.warning("notification id=%s is gone; its outcome (%s) is not recorded", row_id, delivery)
                    continue
                self._record(row, delivery, now=now, tally=tally)
        metrics.reminders_sent(recorded_sent, now=now)
        for row_id, tally in sent:
            tally.sent += 1
            tally.ids.append(row_id)
            logger.info("notification id=%s sent", row_id)
        return [None] * len(outcomes)

    def _record(self, row: Notification, delivery: Delivery, *, now: datetime, tally: Tally) -> None:
        """An outcome other than sent (see `_record_group`)."""
        row.attempts += 1
        row.send_started_at = None
        if delivery.outcome == Outcome.UNKNOWN:
            self._unknown(row, delivery, now=now, tally=tally)
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

    def _unknown(self, row: Notification, delivery: Delivery, *, now: datetime, tally: Tally) -> None:
        """A send that may have reached Teams: once more after a pause, then parked."""
        row.unknown_sends += 1
        metrics.reminder(row.kind, UNKNOWN_OUTCOME)
        row.send_started_at = None
        row.last_error = _reason(delivery)
        logger.warning("notification id=%s kind=%s: outcome unknown (%s)", row.id, row.kind, row.last_error)
        if row.unknown_sends > MAX_UNKNOWN:
            row.last_error = f"{UNKNOWN_OUTCOME} {row.last_error}"
            self._finish(row, outbox.PARKED, now=now, tally=tally)
        else:
            row.due_at, row.claimed_until = now + UNKNOWN_PAUSE, None
            tally.retried += 1

    def _finish(self, row: Notification, status: str, *, now: datetime, tally: Tally) -> None:
        """Not sent, and done with: cancelled, skipped or parked."""
        row.status, row.claimed_until, row.send_started_at = status, None, None
        metrics.reminder(row.kind, status)
        setattr(tally, status, getattr(tally, status) + 1)
        tally.ids.append(row.id)
        logger.info("notification id=%s kind=%s %s", row.id, row.kind, status)

    async def _plan_next_digest(self, community_id: int) -> None:
        """After a digest was sent and recorded (a failure here must not send it again: the hourly re-plan plans the
        next one anyway)."""
        try:
            async with self._transaction() as session:
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


async def _free_senders(free: asyncio.Semaphore, *, wanted: int) -> int:
    """Wait for a free sender, then for more, up to `wanted` in all or GATHER seconds: how many were taken."""
    await free.acquire()
    taken = 1
    loop = asyncio.get_running_loop()
    deadline = loop.time() + GATHER
    while taken < wanted:
        try:
            await asyncio.wait_for(free.acquire(), deadline - loop.time())
        except TimeoutError:
            break
        taken += 1
    return taken


async def _load[M: (Notification, Community, Member)](
    session: AsyncSession, model: type[M], ids: Iterable[int]
) -> dict[int, M]:
    """The rows of `model` with these ids, by id (one query)."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {row.id: row for row in await session.scalars(select(model).where(model.id.in_(wanted)))}


def _addressee(row: Notification, community: Community, member: Member | None, target: _Target) -> Addressee:
    """Whom an e-mail copy goes to (`copies.still_wanted` checked they have an address and want its topic)."""
    assert member is not None and member.email
    topic = copies.topic_of_kind(row.kind)
    lang, zone = target.langs[0], target.zone
    return Addressee(member.id, member.email, member.name, lang, zone, topic, community.name, row.kind)


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
