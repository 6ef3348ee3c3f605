"""A community of a given size for `bench/turns.py` (issue #20), the same generator for SQLite and PostgreSQL.

    python bench/seed.py DATABASE_URL [--members N]

The demo community (loaded by the bot's own `load_demo`: its people, groups, meetings, FAQ and plan), then, with
`--members N` > 0, grown to a regional network of that size: N more members (one in 250 a facilitator, a third
writing Arabic), N/10 meetings (half monthly series, half one-offs, each with an occurrence and three agenda items),
N FAQ entries in both languages, and 10·N action points (one or two owners each, a quarter of them closed). Rows are
inserted in chunks with SQLAlchemy Core; the text is drawn from a fixed vocabulary with a fixed seed, so two runs
build the same community.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncConnection  # noqa: E402

from dialogs.demo import DEMO_TENANT, load_demo  # noqa: E402
from storage.db import session_factory  # noqa: E402
from storage.models import (  # noqa: E402
    Action,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    Community,
    FaqEntry,
    FaqVersion,
    Meeting,
    MeetingKind,
    MeetingOccurrence,
    Member,
    Role,
)
from tests.databases import fresh_database  # noqa: E402

CHUNK = 2000
ENGLISH = (
    "early warning trigger forecast drought flood cash transfer protocol funding partners data sharing "
    "template report training workshop focal point assessment livelihoods shelter health nutrition review "
    "budget plan coordination meeting minutes endorsement guidance pilot evaluation community feedback"
).split()
ARABIC = (
    "الإنذار المبكر عتبة التفعيل التنبؤ الجفاف الفيضانات التحويلات النقدية البروتوكول التمويل الشركاء تبادل "
    "البيانات النموذج التقرير التدريب ورشة جهة الاتصال التقييم سبل العيش المأوى الصحة التغذية المراجعة الميزانية "
    "الخطة التنسيق الاجتماع المحضر المصادقة الإرشادات التجربة التقييم ملاحظات المجتمع"
).split()
ZONES = ("Asia/Beirut", "Asia/Amman", "Africa/Cairo", "Asia/Aden", "Africa/Tunis", "Asia/Riyadh")


def member_id(index: int) -> str:
    """The Teams id of generated member `index` (1-based)."""
    return f"29:bench-member-{index}"


async def seed(database_url: str, *, members: int, now: datetime | None = None) -> str:
    """A fresh, migrated database holding the demo community grown to `members` more people (see the docstring)."""
    engine = await fresh_database(database_url)
    now = now or datetime.now(UTC)
    try:
        async with session_factory(engine).begin() as session:
            summary = await load_demo(session, settings_admins=[])
        if members > 0:
            async with engine.begin() as connection:
                await _grow(connection, members=members, now=now)
            if engine.dialect.name == "postgresql":  # the planner's statistics, as autovacuum would have them by now
                async with engine.connect() as connection:
                    await connection.execution_options(isolation_level="AUTOCOMMIT")
                    await connection.execute(text("ANALYZE"))
            summary += f"; grown by {members:,} members, {members // 10:,} meetings, {members:,} FAQ entries, "
            summary += f"{members * 10:,} action points"
    finally:
        await engine.dispose()
    return summary


async def _grow(connection: AsyncConnection, *, members: int, now: datetime) -> None:
    rng = random.Random(20)
    community_id = await connection.scalar(select(Community.id).where(Community.tenant_id == DEMO_TENANT))
    people = await _members(connection, rng, community_id=community_id, count=members, now=now)
    await _meetings(connection, rng, community_id=community_id, people=people, count=max(members // 10, 1), now=now)
    await _faq(connection, rng, community_id=community_id, author=people[0], count=members, now=now)
    await _actions(connection, rng, community_id=community_id, people=people, count=members * 10, now=now)


async def _members(
    connection: AsyncConnection, rng: random.Random, *, community_id: int, count: int, now: datetime
) -> list[int]:
    rows = []
    for index in range(1, count + 1):
        arabic = index % 3 == 0
        rows.append(
            {
                "community_id": community_id,
                "teams_user_id": member_id(index),
                "aad_object_id": f"00000000-0000-4000-8000-{index:012d}",
                "name": f"{'عضو' if arabic else 'Member'} {index}",
                "email": f"member{index}@bench.example",
                "role": Role.FACILITATOR if index % 250 == 1 else Role.MEMBER,
                "language": "ar" if arabic else "en",
                "timezone": ZONES[index % len(ZONES)],
                "joined_at": now - timedelta(days=rng.randrange(1, 900)),
                "welcomed_at": now,
            }
        )
    await _insert(connection, Member, rows)
    found = await connection.scalars(
        select(Member.id).where(Member.community_id == community_id, Member.teams_user_id.like("29:bench-member-%"))
    )
    return sorted(found)


async def _meetings(
    connection: AsyncConnection,
    rng: random.Random,
    *,
    community_id: int,
    people: Sequence[int],
    count: int,
    now: datetime,
) -> None:
    first = await _next_number(connection, Meeting, community_id)
    rows = []
    for offset in range(count):
        series = offset % 2 == 0
        starts = (now + timedelta(days=rng.randrange(-300, 300))).replace(minute=0, second=0, microsecond=0)
        rows.append(
            {
                "community_id": community_id,
                "number": first + offset,
                "title": _phrase(rng, ARABIC if offset % 3 == 0 else ENGLISH, 4),
                "kind": MeetingKind.FOLLOW_UP if series else MeetingKind.WORKING_GROUP,
                "starts_at": starts,
                "duration_minutes": 60,
                "timezone": ZONES[offset % len(ZONES)],
                "rrule": f"FREQ=MONTHLY;BYDAY={rng.choice(('1TU', '2WE', '3TH'))}" if series else None,
                "calendar_token": secrets.token_urlsafe(24),
                "created_by_id": rng.choice(people),
                "created_at": now,
                "updated_at": now,
            }
        )
    await _insert(connection, Meeting, rows)
    meetings = (
        await connection.execute(
            select(Meeting.id, Meeting.starts_at).where(Meeting.community_id == community_id, Meeting.number >= first)
        )
    ).all()
    await _insert(
        connection,
        MeetingOccurrence,
        [{"meeting_id": m.id, "original_start": m.starts_at, "starts_at": m.starts_at} for m in meetings],
    )
    occurrences = await connection.scalars(
        select(MeetingOccurrence.id).where(MeetingOccurrence.meeting_id.in_([m.id for m in meetings]))
    )
    number = await _next_number(connection, AgendaItem, community_id)
    items = []
    for occurrence in occurrences:
        for position in range(3):
            items.append(
                {
                    "community_id": community_id,
                    "number": number,
                    "occurrence_id": occurrence,
                    "title": _phrase(rng, ENGLISH if number % 2 else ARABIC, 5),
                    "details": _phrase(rng, ENGLISH if number % 2 else ARABIC, 12),
                    "position": position,
                    "submitted_by_id": rng.choice(people),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            number += 1
    await _insert(connection, AgendaItem, items)


async def _faq(
    connection: AsyncConnection, rng: random.Random, *, community_id: int, author: int, count: int, now: datetime
) -> None:
    first = await _next_number(connection, FaqEntry, community_id)
    await _insert(
        connection,
        FaqEntry,
        [
            {
                "community_id": community_id,
                "number": first + offset,
                "tags": [rng.choice(ENGLISH)],
                "created_by_id": author,
                "created_at": now,
                "updated_by_id": author,
            }
            for offset in range(count)
        ],
    )
    entries = await connection.scalars(
        select(FaqEntry.id).where(FaqEntry.community_id == community_id, FaqEntry.number >= first)
    )
    versions = []
    for entry in entries:
        for lang, words in (("en", ENGLISH), ("ar", ARABIC)):
            question = _phrase(rng, words, 6) + ("?" if lang == "en" else "؟")
            versions.append(
                {"entry_id": entry, "lang": lang, "questions": [question], "answer": _phrase(rng, words, 25)}
            )
    await _insert(connection, FaqVersion, versions)


async def _actions(
    connection: AsyncConnection,
    rng: random.Random,
    *,
    community_id: int,
    people: Sequence[int],
    count: int,
    now: datetime,
) -> None:
    first = await _next_number(connection, Action, community_id)
    today = now.date()
    statuses = (ActionStatus.OPEN, ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE)
    rows = []
    for offset in range(count):
        status = rng.choice(statuses)
        rows.append(
            {
                "community_id": community_id,
                "number": first + offset,
                "text": _phrase(rng, ENGLISH if offset % 3 else ARABIC, 8),
                "status": status,
                "due_on": today + timedelta(days=rng.randrange(-60, 120)) if offset % 5 else None,
                "created_by_id": rng.choice(people),
                "created_at": now,
                "updated_at": now,
                "closed_at": now if status.closed else None,
            }
        )
    await _insert(connection, Action, rows)
    actions = await connection.scalars(
        select(Action.id).where(Action.community_id == community_id, Action.number >= first)
    )
    owners = []
    for action in actions:
        for person in set(rng.sample(people, k=min(len(people), rng.choice((1, 1, 2))))):
            owners.append({"action_id": action, "member_id": person})
    await _insert(connection, ActionOwner, owners)


async def _next_number(connection: AsyncConnection, model: Any, community_id: int) -> int:
    highest = await connection.scalar(select(func.max(model.number)).where(model.community_id == community_id))
    return (highest or 0) + 1


async def _insert(connection: AsyncConnection, model: Any, rows: Iterable[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            await connection.execute(insert(model), batch)
            batch = []
    if batch:
        await connection.execute(insert(model), batch)


def _phrase(rng: random.Random, words: Sequence[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database_url")
    parser.add_argument("--members", type=int, default=0, help="members to add to the demo community (0: demo size)")
    arguments = parser.parse_args()
    print(asyncio.run(seed(arguments.database_url, members=arguments.members)))
