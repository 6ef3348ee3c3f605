"""The bot's Prometheus metrics (`GET /metrics`): turns, questions, reminders, Bot Connector answers, the database pool.

One registry of the bot's own (`REGISTRY`), not prometheus_client's global one, kept at module level: what moves the
metrics happens deep in code that has no handle on the app (the turn's log line, the notifier, the dispatcher, the
ORM's inserts), and a process serves one app. Several apps in one process (the tests) share its counters, which
only ever go up, so a test reads how much they moved; the pool gauges add up the pools of every live engine.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

from dialogs.common.replies import Reply
from storage.models import Notification

REGISTRY = CollectorRegistry(auto_describe=True)
CONTENT_TYPE = CONTENT_TYPE_LATEST

TURNS = Counter("tansiq_turns", "Turns by activity type and outcome", ["activity_type", "outcome"], registry=REGISTRY)
TURN_SECONDS = Histogram(
    "tansiq_turn_duration_seconds",
    "How long a turn took, from the request read to the answer",
    ["activity_type"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
    registry=REGISTRY,
)
QUESTIONS = Counter(
    "tansiq_questions", "Members' questions by how they were answered: answered, unsure, escalated", ["outcome"],
    registry=REGISTRY,
)  # fmt: skip
REMINDERS = Counter(
    "tansiq_reminders",
    "Outbox messages by kind and event: planned, sent, cancelled, skipped, parked, unknown-outcome",
    ["kind", "event"],
    registry=REGISTRY,
)
DISPATCH_LAG = Histogram(
    "tansiq_reminder_dispatch_lag_seconds",
    "Sent time minus due time of each outbox message sent",
    buckets=(1, 5, 15, 30, 60, 120, 300, 900, 3600, 4 * 3600),
    registry=REGISTRY,
)
CONNECTOR_RESPONSES = Counter(
    "tansiq_connector_responses",
    "Bot Connector answers by HTTP status (2xx: success; none: no answer or unreachable)",
    ["status"],
    registry=REGISTRY,
)

QUESTION_OUTCOMES = {"question-answer": "answered", "question-unsure": "unsure"} | dict.fromkeys(
    ("question-sent", "ticket-opened"), "escalated"
)
"""The reply keys that say how a question was answered (a live fact's `fact-…` keys: answered)."""
for _outcome in ("answered", "unsure", "escalated"):
    QUESTIONS.labels(_outcome)  # (shown at 0 before the first question)


def turn_ended(activity_type: str, outcome: str, seconds: float) -> None:
    """A turn ended (`bot.logs.turn`)."""
    TURNS.labels(activity_type, outcome).inc()
    TURN_SECONDS.labels(activity_type).observe(seconds)


def questions(replies: Iterable[Reply]) -> None:
    """A turn's replies: those that answer a question count it."""
    for reply in replies:
        outcome = "answered" if reply.key.startswith("fact-") else QUESTION_OUTCOMES.get(reply.key)
        if outcome is not None:
            QUESTIONS.labels(outcome).inc()


def reminder(kind: str, what: str) -> None:
    """An outbox message was planned, or is done with (`what`: its event)."""
    REMINDERS.labels(kind, what).inc()


def reminders_sent(rows: Iterable[tuple[str, datetime]], *, now: datetime) -> None:
    """Outbox messages recorded as sent at `now`: (kind, due time) each."""
    for kind, due_at in rows:
        REMINDERS.labels(kind, "sent").inc()
        DISPATCH_LAG.observe(max((now - due_at).total_seconds(), 0.0))


def connector_response(status: str) -> None:
    """The Bot Connector answered: `2xx`, the HTTP status of a failure, or `none` (no answer)."""
    CONNECTOR_RESPONSES.labels(status).inc()


@event.listens_for(Notification, "after_insert")
def _planned(_mapper: Any, _connection: Any, row: Notification) -> None:
    reminder(row.kind, "planned")


class _Pools(Collector):
    """The database pools' use, read at scrape time from every live engine."""

    def __init__(self) -> None:
        self.engines: weakref.WeakSet[AsyncEngine] = weakref.WeakSet()

    def collect(self) -> Iterator[Metric]:
        pools = [engine.sync_engine.pool for engine in list(self.engines)]
        queues = [pool for pool in pools if isinstance(pool, QueuePool)]
        checked_out = GaugeMetricFamily("tansiq_db_pool_checked_out", "Database connections in use")
        checked_out.add_metric([], sum(pool.checkedout() for pool in queues))
        size = GaugeMetricFamily("tansiq_db_pool_size", "Database connections the pool keeps (more overflow)")
        size.add_metric([], sum(pool.size() for pool in queues))
        yield checked_out
        yield size


_POOLS = _Pools()
REGISTRY.register(_POOLS)


def watch_pool(engine: AsyncEngine) -> None:
    """Report `engine`'s pool at every scrape, as long as the engine lives."""
    _POOLS.engines.add(engine)


def exposition() -> bytes:
    """Every metric, in Prometheus' text format."""
    return generate_latest(REGISTRY)
