"""The delivery benchmark's workload and accounting (see bench/reminders.py): a fresh database with one community,
its members' 1:1 chats and N due `action-assigned` rows; Teams' minimum time for them; and what the fake
connector and the database say happened.

The workload. One community (tenant TENANT, Arabic by default), a facilitator who gives the actions, and M members
(M = N by default: every row goes to its own 1:1 chat), half reading Arabic and half English, each with a stored
1:1 conversation reference whose serviceUrl is the fake connector. Row i is a real open action (number i, text
"Share the 4W data · bench-row-<i>", due in two weeks, one owner: member i mod M) and its `action-assigned` notice,
due a minute ago — the notice a member gets when a facilitator gives them an action, composed at send time from
today's data (the action, its owners, the community's facilitators) and rendered as an Adaptive Card with buttons.
Its composer stays true for the whole run, so every row must be sent exactly once. The marker `bench-row-<i>` in the
action's text reaches the connector inside the activity; no product code is changed for it.

The minimum time. Teams allows a bot, per tenant, 50 sends in any 1 s, and per conversation 7 in 1 s, 8 in 2 s,
60 in 30 s and 1800 in an hour. A window of L sends per P seconds forces the (L+1)-th send of a scope to come at
least P after the first, so n sends in one scope span at least floor((n - 1) / L) * P seconds. The minimum drain
time of the workload is the largest such bound over the tenant (n = N) and every conversation (n = its rows):

    minimum = max( max over tenant windows (L, P)  floor((N - 1) / L) * P,
                   max over conversations c, conversation windows (L, P)  floor((n_c - 1) / L) * P )

10,000 rows to 10,000 chats: floor(9999 / 50) * 1 = 199 s (the issue's "200 s" is N / 50). With 10 rows per chat
the conversation bound is floor(9 / 8) * 2 = 2 s and the tenant's still rules. These are Teams' documented
numbers, written here and not read from the notifier (the bench must not agree with a wrong notifier).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.models import Action, ActionOwner, ActionStatus, Community, Member, Notification, Role
from tests.databases import fresh_database

TENANT = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01"
TEAM = "19:bench-general@thread.tacv2"
BOT = "28:bench-tansiq"
KIND = "action-assigned"
TEAMS_TENANT_WINDOWS = ((50, 1.0),)  # (sends, seconds), per tenant
TEAMS_CONVERSATION_WINDOWS = ((7, 1.0), (8, 2.0), (60, 30.0), (1800, 3600.0))  # per conversation
FINISHED = ("sent", "parked", "cancelled", "skipped")  # a row in any other status still waits to be sent


def user_id(member: int) -> str:
    return f"29:bench-{member}"


def chat_id(member: int) -> str:
    return f"a:bench-chat-{member}"


def owner_of(row: int, members: int) -> int:
    """The member (1..members) row i (1..N) goes to."""
    return (row - 1) % members + 1


def span(n: int, windows: Iterable[tuple[int, float]]) -> float:
    """The shortest time n sends in one scope can take under these windows (first send to last)."""
    return max((max(n - 1, 0) // count * seconds for count, seconds in windows), default=0.0)


def minimum_seconds(rows: int, members: int) -> float:
    """Teams' minimum drain time for this workload (see the module docstring)."""
    per_chat = Counter(owner_of(row, members) for row in range(1, rows + 1))
    chats = max((span(n, TEAMS_CONVERSATION_WINDOWS) for n in set(per_chat.values())), default=0.0)
    return max(span(rows, TEAMS_TENANT_WINDOWS), chats)


async def seed(database_url: str, *, connector_url: str, rows: int, members: int, chunk: int = 2000) -> None:
    """A fresh, migrated database holding the workload (see the module docstring)."""
    engine = await fresh_database(database_url)
    now = datetime.now(UTC)
    due = now - timedelta(minutes=1)
    try:
        async with engine.begin() as connection:
            [community_id] = (
                await connection.execute(
                    insert(Community).returning(Community.id),
                    [
                        {
                            "name": "Bench community",
                            "tenant_id": TENANT,
                            "team_id": TEAM,
                            "channel_id": TEAM,
                            "service_url": connector_url,
                            "conversation_reference": _reference(TEAM, None, connector_url, channel=True),
                            "default_language": "ar",
                            "timezone": "Asia/Beirut",
                            "reminder_settings": {},
                            "created_at": now,
                        }
                    ],
                )
            ).scalars()
            facilitator: dict[str, Any] = {
                "id": members + 1,
                "community_id": community_id,
                "teams_user_id": "29:bench-facilitator",
                "name": "Leila Haddad",
                "role": Role.FACILITATOR,
                "language": "en",
                "conversation_reference": _reference(chat_id(0), "29:bench-facilitator", connector_url),
                "joined_at": now,
            }
            people = [
                {
                    "id": m,
                    "community_id": community_id,
                    "teams_user_id": user_id(m),
                    "name": f"Member {m:05d}",
                    "role": Role.MEMBER,
                    "language": "ar" if m % 2 else "en",
                    "conversation_reference": _reference(chat_id(m), user_id(m), connector_url),
                    "joined_at": now,
                }
                for m in range(1, members + 1)
            ]
            for part in _chunks([facilitator, *people], chunk):
                await connection.execute(insert(Member), part)
            for first in range(1, rows + 1, chunk):
                numbers = range(first, min(first + chunk, rows + 1))
                await connection.execute(
                    insert(Action),
                    [
                        {
                            "id": i,
                            "community_id": community_id,
                            "number": i,
                            "text": f"Share the 4W data · bench-row-{i}",
                            "status": ActionStatus.OPEN,
                            "due_on": (now + timedelta(days=14)).date(),
                            "created_by_id": members + 1,
                            "created_at": now,
                            "updated_at": now,
                        }
                        for i in numbers
                    ],
                )
                await connection.execute(
                    insert(ActionOwner), [{"action_id": i, "member_id": owner_of(i, members)} for i in numbers]
                )
                await connection.execute(
                    insert(Notification),
                    [
                        {
                            "id": i,
                            "community_id": community_id,
                            "member_id": owner_of(i, members),
                            "channel": False,
                            "kind": KIND,
                            "subject": f"notice:action:{i}",
                            "payload": {"action_id": i, "number": i},
                            "dedup_key": f"{KIND}:{i}:{owner_of(i, members)}:bench",
                            "status": "pending",
                            "due_at": due,
                            "attempts": 0,
                            "created_at": now,
                        }
                        for i in numbers
                    ],
                )
            if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
                for table in ("member", "action", "notification"):
                    await connection.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                    )
                await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


def _reference(conversation: str, user: str | None, service_url: str, *, channel: bool = False) -> dict[str, Any]:
    """A stored conversation reference, as bot/teams/data.py's `reference` keeps it."""
    reference: dict[str, Any] = {
        "bot": {"id": BOT, "name": "Tansiq"},
        "conversation": (
            {"isGroup": True, "conversationType": "channel", "id": conversation, "tenantId": TENANT}
            if channel
            else {"conversationType": "personal", "id": conversation, "tenantId": TENANT}
        ),
        "channelId": "msteams",
        "locale": "en-US",
        "serviceUrl": service_url,
    }
    if user is not None:
        reference["user"] = {"id": user, "name": user}
    return reference


def _chunks(items: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def statuses(database_url: str) -> dict[int, str]:
    """Each row's final status."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(select(Notification.id, Notification.status))
            return {row_id: status for row_id, status in result}
    finally:
        await engine.dispose()


async def unfinished(engine: AsyncEngine) -> int:
    """Rows not yet sent, parked, cancelled or skipped."""
    async with engine.connect() as connection:
        count = await connection.scalar(
            select(func.count()).select_from(Notification).where(Notification.status.not_in(FINISHED))
        )
        return int(count or 0)


@dataclass(frozen=True)
class Accounting:
    """What became of the rows, from the connector's records and the database."""

    delivered: int  # rows that reached their chat at least once
    duplicates: int  # deliveries beyond the first, all rows
    unknown_outcome: int  # of those, resends after a send whose outcome the sender could not know
    lost: int  # rows never delivered and not parked (still pending, cancelled, or marked sent)
    marked_sent_not_delivered: int
    parked: int
    misrouted: int  # deliveries to another chat than the row's member's
    over_limits: int  # accepted sends a strict Teams would have answered 429 (any window, tenant or chat)
    peak_per_second: int  # most accepted sends in any 1 s


def account(
    records: Sequence[Sequence[Any]],
    status: dict[int, str],
    *,
    rows: int,
    members: int,
    unknown_after: float,
    interruptions: Sequence[float],
) -> Accounting:
    """`records`: (row, conversation, arrival, answer delay) from the connector. A duplicate is an unknown-outcome
    resend when the delivery before it was answered only after `unknown_after` seconds (the sender had timed out)
    or arrived at most `unknown_after` before a kill -9 / SIGTERM of the sender (it may not have been recorded)."""
    by_row: dict[int, list[tuple[float, float]]] = defaultdict(list)
    misrouted = 0
    for row, conversation, arrived, delay in records:
        by_row[row].append((arrived, delay))
        if not 1 <= row <= rows or conversation != chat_id(owner_of(row, members)):
            misrouted += 1
    duplicates = unknown = 0
    for deliveries in by_row.values():
        deliveries.sort()
        duplicates += len(deliveries) - 1
        for (before, delay), (after, _) in itertools.pairwise(deliveries):
            interrupted = any(before <= t <= after and t - before <= unknown_after for t in interruptions)
            unknown += delay >= unknown_after or interrupted
    delivered = sum(1 for row in range(1, rows + 1) if by_row.get(row))
    not_delivered = [row for row in range(1, rows + 1) if not by_row.get(row)]
    lost = sum(1 for row in not_delivered if status.get(row) != "parked")
    return Accounting(
        delivered=delivered,
        duplicates=duplicates,
        unknown_outcome=unknown,
        lost=lost,
        marked_sent_not_delivered=sum(1 for row in not_delivered if status.get(row) == "sent"),
        parked=sum(1 for row in range(1, rows + 1) if status.get(row) == "parked"),
        misrouted=misrouted,
        over_limits=_over_limits(records),
        peak_per_second=_peak([r[2] for r in records], 1.0),
    )


def _over_limits(records: Sequence[Sequence[Any]]) -> int:
    """Accepted sends that found their window already full (sliding windows, as Teams counts them)."""
    over = set()
    tenant = sorted((arrived, i) for i, (_, _, arrived, _) in enumerate(records))
    over |= _full(tenant, TEAMS_TENANT_WINDOWS)
    by_chat: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, (_, conversation, arrived, _) in enumerate(records):
        by_chat[conversation].append((arrived, i))
    for sends in by_chat.values():
        over |= _full(sorted(sends), TEAMS_CONVERSATION_WINDOWS)
    return len(over)


def _full(sends: list[tuple[float, int]], windows: Iterable[tuple[int, float]]) -> set[int]:
    """The sends (by index) that are at least the (L+1)-th within P seconds of some window (L, P)."""
    found = set()
    for count, seconds in windows:
        for k in range(count, len(sends)):
            if sends[k][0] - sends[k - count][0] < seconds:
                found.add(sends[k][1])
    return found


def _peak(times: list[float], seconds: float) -> int:
    times = sorted(times)
    return max((bisect.bisect_left(times, t + seconds) - i for i, t in enumerate(times)), default=0)
