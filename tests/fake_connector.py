"""A fake Bot Connector on 127.0.0.1 speaking the Teams REST paths and JSON shapes the bot calls.

Records every activity the bot posts; serves a team roster through `pagedMembers` (paged by its own
page size, with continuation tokens), `members` and `members/{id}`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.render import card_text


@dataclass
class Posted:
    """One activity the bot sent, with the conversation it went to."""

    conversation_id: str
    reply_to: str | None
    activity: dict[str, Any]

    @property
    def text(self) -> str:
        """What the member reads: the message text and every TextBlock of its cards."""
        return activity_text(self.activity)


@dataclass
class FakeConnector:
    """The Teams side of the conversation: roster in, activities out."""

    roster: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 2
    paged_status: int = 200
    posted: list[Posted] = field(default_factory=list)
    server: TestServer | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._post_activity)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post_activity)
        app.router.add_get("/v3/conversations/{conversation}/pagedMembers", self._paged_members)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    def texts(self) -> list[str]:
        return [p.text for p in self.posted]

    async def _post_activity(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.posted.append(Posted(request.match_info["conversation"], request.match_info.get("reply_to"), body))
        return web.json_response({"id": f"1{next(self._ids):012d}"}, status=201)

    async def _paged_members(self, request: web.Request) -> web.Response:
        if self.paged_status != 200:
            return web.json_response(
                {"error": {"code": "Forbidden", "message": "not allowed"}}, status=self.paged_status
            )
        start = int(request.query.get("continuationToken") or 0)
        page = self.roster[start : start + self.page_size]
        body: dict[str, Any] = {"members": page}
        if start + self.page_size < len(self.roster):
            body["continuationToken"] = str(start + self.page_size)
        return web.json_response(body)

    async def _members(self, _request: web.Request) -> web.Response:
        return web.json_response(self.roster)

    async def _member(self, request: web.Request) -> web.Response:
        for account in self.roster:
            if account["id"] == request.match_info["member"]:
                return web.json_response(account)
        return web.json_response(
            {"error": {"code": "MemberNotFoundInConversation", "message": "The member was not found."}}, status=404
        )


def account(
    user_id: str,
    name: str,
    aad: str,
    email: str,
    *,
    guest: bool = False,
    tenant: str = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01",
) -> dict[str, Any]:
    """A TeamsChannelAccount as the roster APIs return it."""
    given, _, surname = name.partition(" ")
    return {
        "id": user_id,
        "name": name,
        "aadObjectId": aad,
        "email": email,
        "userPrincipalName": email,
        "givenName": given,
        "surname": surname,
        "tenantId": tenant,
        "userRole": "guest" if guest else "user",
    }


def activity_text(activity: dict[str, Any]) -> str:
    """What a member reads in a message: its text and its cards' words (TextBlocks, facts, table rows)."""
    texts = [activity.get("text") or ""]
    texts += [card_text(attachment.get("content", {})) for attachment in activity.get("attachments") or []]
    return "\n".join(t for t in texts if t).replace("\u2068", "").replace("\u2069", "")
