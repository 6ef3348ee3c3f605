"""Files behind signed links: the action report as CSV."""

from __future__ import annotations

import csv
import io
import logging

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Catalogs
from bot.links import SignedLinks
from dialogs.action_report import build_report, csv_rows, load_actions
from dialogs.clock import Clock
from storage.models import Community, Member

logger = logging.getLogger(__name__)

REPORTS = "reports"


def report_link(links: SignedLinks, *, community_id: int, member_id: int, period: str, clock: Clock) -> str:
    """The download link of a community's action report, for one facilitator (checked again at download)."""
    claims = {"community": community_id, "member": member_id, "period": period}
    return links.url(REPORTS, claims, now=clock(), suffix=".csv")


def routes(
    *, sessions: async_sessionmaker[AsyncSession], links: SignedLinks, clock: Clock, catalogs: Catalogs
) -> list[web.RouteDef]:
    """The download routes (outside the Bot Framework JWT check: the signature is the credential)."""

    def refused() -> web.HTTPNotFound:
        return web.HTTPNotFound(text=catalogs.bilingual("link-refused"), headers={"Cache-Control": "no-store"})

    async def action_report(request: web.Request) -> web.StreamResponse:
        claims = links.read(REPORTS, request.match_info["token"], now=clock())
        if claims is None:
            logger.warning("refused report link (bad signature or expired)")
            raise refused()
        async with sessions() as session:
            community = await session.get(Community, claims.get("community"))
            member = await session.get(Member, claims.get("member"))
            allowed = member is not None and member.active and member.role.facilitates
            if community is None or not allowed or member.community_id != community.id:
                logger.warning("refused report link of member=%s: no longer a facilitator here", claims.get("member"))
                raise refused()
            actions = await load_actions(session, community_id=community.id)
            built = build_report(actions, period=claims["period"], now=clock(), zone=community.timezone)
        out = io.StringIO()
        csv.writer(out).writerows(csv_rows(built))
        return web.Response(
            body=("\ufeff" + out.getvalue()).encode(),  # BOM: spreadsheet programs then read Arabic correctly
            content_type="text/csv",
            charset="utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="tansiq-actions-{claims["period"]}.csv"',
                "Cache-Control": "no-store",
            },
        )

    return [web.get(f"/{REPORTS}/{{token}}.csv", action_report)]
