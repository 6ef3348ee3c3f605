"""Incoming activities already handled: Teams redelivers an activity it got no answer for in time, and a
redelivered command must not run twice (two actions, two polls, two tickets)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import HandledActivity

KEPT = timedelta(days=1)  # Teams redelivers within minutes; a day is a wide margin


async def first_time(session: AsyncSession, key: str, *, now: datetime) -> bool:
    """Remember `key` in the turn's transaction; False when it was handled before (or is being handled by another
    transaction now: on PostgreSQL this waits for it to commit, and a rolled-back turn remembers nothing)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(HandledActivity)
        .values(key=key, handled_at=now)
        .on_conflict_do_nothing(index_elements=[HandledActivity.key])
        .returning(HandledActivity.key)
    )
    return (await session.scalar(statement)) is not None


async def forget(session: AsyncSession, *, now: datetime) -> int:
    """Delete what was handled more than KEPT ago; return how many rows."""
    result = await session.execute(delete(HandledActivity).where(HandledActivity.handled_at < now - KEPT))
    return cast(CursorResult[Any], result).rowcount
