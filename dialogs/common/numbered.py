"""Finding what members refer to by its number (actions, meetings, agenda items, FAQ entries, tickets …)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.errors import UserError
from dialogs.common.text import parse_number
from storage.models import Community


async def by_number[T](
    session: AsyncSession,
    model: type[T],
    *,
    community: Community,
    number: object,
    kind: str,
    unknown: str | None = None,
    lock: bool = True,
) -> T:
    """The community's `model` row with this number (with `lock`, locked for the rest of the turn so two changes
    wait for each other). UserError `<kind>-number-missing` when no number was given, `<kind>-unknown` (or
    `unknown`) with the number when there is none such."""
    wanted = parse_number(number.strip() if isinstance(number, str) else number)
    if wanted is None:
        raise UserError(f"{kind}-number-missing")
    table: Any = model
    query = select(model).where(table.community_id == community.id, table.number == wanted)
    found = await session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise UserError(unknown or f"{kind}-unknown", number=wanted)
    return found
