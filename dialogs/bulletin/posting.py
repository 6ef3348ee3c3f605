"""The bulletin as posted: the outbox composer of `monthly-bulletin` rows (the channel), and the channel-safe
edition it is made of, which the bulletin's mail is made of too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.bulletin import content, timing
from dialogs.common.language import LANGUAGES, channel_languages, versions_showing
from dialogs.common.replies import Reply
from dialogs.common.visibility import CHANNEL
from storage.models import Community, Notification


async def channel_edition(
    session: AsyncSession, *, community: Community, period: date, now: datetime, langs: tuple[str, ...] = LANGUAGES
) -> Reply | None:
    """The bulletin of `period` as posted (channel-safe: what the whole community may see), its note shown in the
    version of its language when `langs` has it (else in the first); None when it has nothing to say. Also what the
    mail of the bulletin is made of."""
    shown = await content.bulletin(session, community=community, period=period, reader=CHANNEL, now=now)
    if shown.empty:
        return None
    return Reply.of("bulletin-posted", view=replace(shown, note_in=versions_showing(shown.note_lang, langs)))


async def compose(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The outbox composer of a `monthly-bulletin` row: the month's bulletin in the channel's languages; None (the row
    cancelled) when the bulletin was turned off meanwhile, has nothing to say, or went out in another channel row."""
    community = await session.get(Community, row.community_id)
    assert community is not None
    if (await timing.schedule_of(session, community.id)).day is None:
        return None
    if row.channel and await timing.sent_elsewhere(session, row):
        return None
    period = date.fromisoformat(row.payload["period"])
    langs = await channel_languages(session, community)
    return await channel_edition(session, community=community, period=period, now=now, langs=langs)
