"""Files behind unguessable links: the action report (CSV), minutes (Markdown, Word), meeting calendars (.ics) and
a member's own data (JSON)."""

from __future__ import annotations

import csv
import io
import json
import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.files.links import SignedLinks
from bot.files.minutes_files import minutes_docx, minutes_markdown
from bot.i18n import Catalogs
from dialogs.actions.report import build_report, csv_rows, load_actions
from dialogs.common.clock import Clock
from dialogs.common.text import spreadsheet_text
from dialogs.common.visibility import may_see, of_meeting, reader_of
from dialogs.community.mydata import export
from dialogs.meetings.calendar_file import CalendarEvent, calendar_bytes, calendar_text, plain_event
from dialogs.meetings.minutes import minutes_view
from dialogs.meetings.schedule import calendar_event
from storage.models import Community, Meeting, MeetingOccurrence, Member

logger = logging.getLogger(__name__)

REPORTS = "reports"
MINUTES = "minutes"
CALENDAR = "calendar"
MYDATA = "mydata"
MYDATA_LIFETIME = timedelta(hours=24)  # a copy of everything about a person: the link works for a day
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_link(links: SignedLinks, *, community_id: int, member_id: int, period: str, clock: Clock) -> str:
    """The download link of a community's action report, for one facilitator (checked again at download)."""
    claims = {"community": community_id, "member": member_id, "period": period}
    return links.url(REPORTS, claims, now=clock(), suffix=".csv")


def minutes_link(
    links: SignedLinks, *, community_id: int, member_id: int, occurrence_id: int, lang: str, kind: str, clock: Clock
) -> str:
    """The download link of a meeting's minutes (`kind` md or docx) for one member (checked again at download)."""
    claims = {"community": community_id, "member": member_id, "occurrence": occurrence_id, "lang": lang}
    return links.url(MINUTES, claims, now=clock(), suffix=f".{kind}")


def mydata_link(links: SignedLinks, *, community_id: int, member_id: int, clock: Clock) -> str:
    """The download link of a member's own data, for that member only, for MYDATA_LIFETIME."""
    claims = {"community": community_id, "member": member_id}
    return links.url(MYDATA, claims, now=clock(), suffix=".json", lifetime=MYDATA_LIFETIME)


def calendar_link(links: SignedLinks, token: str) -> str:
    """The address of a meeting's calendar file: its random token is the credential (calendars keep polling it)."""
    return f"{links.base_url}/{CALENDAR}/{token}.ics"


def report_csv(rows: list[list[str]]) -> bytes:
    """CSV rows as a file spreadsheet programs open safely: UTF-8 with a BOM (so they read Arabic), every cell that
    would start a formula shown as text (`spreadsheet_text`: a group named "=HYPERLINK(…)" stays a name)."""
    out = io.StringIO()
    csv.writer(out).writerows([[spreadsheet_text(cell) for cell in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8", "replace")


def calendar_file(event: CalendarEvent, *, name: str, now: datetime) -> bytes:
    """A meeting's .ics, its member-written text made safe for the format first (`plain_event`)."""
    return calendar_bytes([plain_event(event)], name=calendar_text(name), now=now)


async def _holder(session: AsyncSession, claims: dict[str, Any]) -> tuple[Community, Member] | None:
    """The community and the member a link was made for, while that member is still active there; else None."""
    community = await session.get(Community, claims.get("community"))
    member = await session.get(Member, claims.get("member"))
    if community is None or member is None or not member.active or member.community_id != community.id:
        return None
    return community, member


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
            held = await _holder(session, claims)
            if held is None or not held[1].role.facilitates:
                logger.warning("refused report link of member=%s: no longer a facilitator here", claims.get("member"))
                raise refused()
            community = held[0]
            actions = await load_actions(session, community_id=community.id)
            built = build_report(actions, period=claims["period"], now=clock(), zone=community.timezone)
        return web.Response(
            body=report_csv(csv_rows(built)),
            content_type="text/csv",
            charset="utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="tansiq-actions-{claims["period"]}.csv"',
                "Cache-Control": "no-store",
            },
        )

    async def minutes(request: web.Request) -> web.StreamResponse:
        kind = request.match_info["kind"]
        claims = links.read(MINUTES, request.match_info["token"], now=clock())
        if claims is None or kind not in ("md", "docx") or claims.get("lang") not in ("ar", "en"):
            logger.warning("refused minutes link (bad signature, kind or expired)")
            raise refused()
        async with sessions() as session:
            held = await _holder(session, claims)
            occurrence = await session.get(MeetingOccurrence, claims.get("occurrence"))
            meeting = await session.get(Meeting, occurrence.meeting_id) if occurrence else None
            if (
                held is None
                or occurrence is None
                or meeting is None
                or meeting.community_id != held[0].id
                or (occurrence.published_at is None and not held[1].role.facilitates)
                or not may_see(await reader_of(session, held[1]), of_meeting(meeting))
            ):
                logger.warning("refused minutes link of member=%s: not (or no longer) allowed", claims.get("member"))
                raise refused()
            view, _ = await minutes_view(
                session, community=held[0], meeting=meeting, occurrence=occurrence, now=clock()
            )
        day = occurrence.starts_at.astimezone(ZoneInfo(meeting.timezone)).date()
        name = f"tansiq-minutes-{meeting.number}-{day:%Y-%m-%d}.{kind}"
        headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
        if kind == "md":
            text = minutes_markdown(view, lang=claims["lang"], catalogs=catalogs)
            return web.Response(text=text, content_type="text/markdown", charset="utf-8", headers=headers)
        body = minutes_docx(view, lang=claims["lang"], catalogs=catalogs)
        return web.Response(body=body, content_type=DOCX, headers=headers)

    async def mydata(request: web.Request) -> web.StreamResponse:
        claims = links.read(MYDATA, request.match_info["token"], now=clock())
        if claims is None:
            logger.warning("refused data link (bad signature or expired)")
            raise refused()
        async with sessions() as session:
            held = await _holder(session, claims)
            if held is None:
                logger.warning("refused data link of member=%s: no longer a member", claims.get("member"))
                raise refused()
            community, member = held
            now = clock()
            data = await export(session, member=member, community=community, now=now)
        return web.Response(
            text=json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json",
            charset="utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="tansiq-mydata-{now:%Y-%m-%d}.json"',
                "Cache-Control": "no-store",
            },
        )

    async def calendar(request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        async with sessions() as session:
            meeting = await session.scalar(select(Meeting).where(Meeting.calendar_token == token)) if token else None
            if meeting is None:
                raise refused()
            community = await session.get(Community, meeting.community_id)
            body = calendar_file(calendar_event(meeting), name=community.name if community else "", now=clock())
        return web.Response(
            body=body,
            content_type="text/calendar",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="meeting-{meeting.number}.ics"'},
        )

    return [
        web.get(f"/{REPORTS}/{{token}}.csv", action_report),
        web.get(f"/{MINUTES}/{{token}}.{{kind}}", minutes),
        web.get(f"/{CALENDAR}/{{token}}.ics", calendar),
        web.get(f"/{MYDATA}/{{token}}.json", mydata),
    ]
