"""Files behind signed links: the action report as CSV."""

from __future__ import annotations

import csv
import io
import logging

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.links import SignedLinks
from dialogs.action_report import build_report, csv_rows, load_actions
from dialogs.clock import Clock
from storage.models import Community

logger = logging.getLogger(__name__)

REPORTS = "reports"


def report_link(links: SignedLinks, *, community_id: int, period: str, clock: Clock) -> str:
    """The download link of a community's action report for a period."""
    return links.url(REPORTS, {"community": community_id, "period": period}, now=clock(), suffix=".csv")


def routes(*, sessions: async_sessionmaker[AsyncSession], links: SignedLinks, clock: Clock) -> list[web.RouteDef]:
    """The download routes (outside the Bot Framework JWT check: the signature is the credential)."""

    async def action_report(request: web.Request) -> web.StreamResponse:
        claims = links.read(REPORTS, request.match_info["token"], now=clock())
        if claims is None:
            logger.warning("refused report link (bad signature or expired)")
            raise web.HTTPNotFound(text="This link is not valid or has expired. Ask Tansiq for a new report.")
        async with sessions() as session:
            community = await session.get(Community, claims["community"])
            if community is None:
                raise web.HTTPNotFound(text="This community no longer exists.")
            actions = await load_actions(session, community_id=community.id)
            built = build_report(actions, period=claims["period"], now=clock(), zone=community.timezone)
        out = io.StringIO()
        csv.writer(out).writerows(csv_rows(built))
        return web.Response(
            body=("\ufeff" + out.getvalue()).encode(),  # BOM: spreadsheet programs then read Arabic correctly
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="tansiq-actions-{claims["period"]}.csv"'},
        )

    return [web.get(f"/{REPORTS}/{{token}}.csv", action_report)]
