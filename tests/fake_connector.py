"""A fake Bot Connector on 127.0.0.1 speaking the Teams REST paths and JSON shapes the bot calls.

Records every activity the bot posts; serves a team roster through `pagedMembers` (paged by its own
page size, with continuation tokens), `members` and `members/{id}`; creates 1:1 conversations
(`POST /v3/conversations`). Failures can be scripted: `fail_next` answers the next POSTs to a conversation
(or, for creating a 1:1, to a member) with Teams-shaped errors; `remove_bot` answers 403 for good; `hold` keeps the
POSTs to a conversation (or member) unanswered until the test releases them, as a slow Teams would; `answer_after`
answers every POST late (after taking it).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.cards.parts import card_text


@dataclass
class Posted:
    """One activity the bot sent, with the conversation it went to."""

    conversation_id: str
    reply_to: str | None
    activity: dict[str, Any]
    at: float = 0.0  # time.monotonic() when it arrived
    authorization: str | None = None
    id: str = ""  # the id the connector gave it
    targeted: bool = False  # posted with `?isTargetedActivity=true`: only its recipient sees it

    @property
    def text(self) -> str:
        """What the member reads: the message text and every TextBlock of its cards."""
        return activity_text(self.activity)


TEAMS_ERROR_CODES = {
    400: "BadArgument",
    401: "BotNotRegistered",
    403: "Forbidden",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    413: "MessageSizeTooBig",
    429: "Throttled",
    500: "ServiceError",
    502: "ServiceError",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


@dataclass(frozen=True)
class Failure:
    """One scripted answer: a status with its headers and Teams error code, after `delay` seconds."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    code: str | None = None
    delay: float = 0.0

    def response(self) -> web.Response:
        code = self.code or TEAMS_ERROR_CODES.get(self.status, HTTPStatus(self.status).phrase.replace(" ", ""))
        error = {"code": code, "message": HTTPStatus(self.status).phrase}
        return web.json_response({"error": error}, status=self.status, headers=self.headers)


@dataclass
class Hold:
    """POSTs held unanswered: `arrived` is set when the first comes in; each waits until `release()`, then is
    answered as usual."""

    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        self.released.set()


BOT_REMOVED = Failure(403, code="BotNotInConversationRoster")
TENANT = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01"  # the tenant of the Teams fixtures (tests/fixtures/teams)


@dataclass
class FakeConnector:
    """The Teams side of the conversation: roster in, activities out."""

    roster: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 2
    paged_status: int = 200
    answer_after: float = 0.0  # a slow Teams: every POST is taken at once and answered this many seconds later
    posted: list[Posted] = field(default_factory=list)
    server: TestServer | None = None
    created: list[dict[str, Any]] = field(default_factory=list)  # bodies of POST /v3/conversations that succeeded
    requests: Counter[str] = field(default_factory=Counter)  # every POST, failed or not, by conversation or member
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _scripts: dict[str, deque[Failure]] = field(default_factory=dict)
    _removed: set[str] = field(default_factory=set)
    _holds: dict[str, Hold] = field(default_factory=dict)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create_conversation)
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

    def fail_next(self, key: str, failures: Iterable[Failure | tuple[int, dict[str, str]]]) -> None:
        """Answer the next POSTs to conversation `key` (a member's id: creating their 1:1) with these failures."""
        script = self._scripts.setdefault(_thread(key), deque())
        script.extend(f if isinstance(f, Failure) else Failure(*f) for f in failures)

    def remove_bot(self, conversation_id: str) -> None:
        """From now on the bot is not in this conversation: 403 BotNotInConversationRoster."""
        self._removed.add(_thread(conversation_id))

    def restore_bot(self, conversation_id: str) -> None:
        """The member added the bot again: posts to this conversation work again."""
        self._removed.discard(_thread(conversation_id))

    def hold(self, key: str) -> Hold:
        """Leave the POSTs to conversation `key` (a member's id: creating their 1:1), and the reading of its members,
        unanswered until released."""
        return self._holds.setdefault(_thread(key), Hold())

    def personal_chat_id(self, user_id: str) -> str:
        """The 1:1 conversation id Teams keeps for the bot and this member."""
        return "a:1" + hashlib.sha256(user_id.encode()).hexdigest()[:40]

    async def _scripted(self, key: str) -> Failure | None:
        """Count the request; the failure it gets, if any."""
        key = _thread(key)
        self.requests[key] += 1
        if (held := self._holds.get(key)) is not None:
            held.arrived.set()
            await held.released.wait()
        if key in self._removed:
            return BOT_REMOVED
        script = self._scripts.get(key)
        failure = script.popleft() if script else None
        if failure and failure.delay:
            await asyncio.sleep(failure.delay)
        return failure

    async def _post_activity(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        if failure := await self._scripted(conversation):
            return failure.response()
        activity_id = self._record(conversation, request.match_info.get("reply_to"), await request.json(), request)
        await asyncio.sleep(self.answer_after)
        return web.json_response({"id": activity_id}, status=201)

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        member = body["members"][0]["id"]
        if failure := await self._scripted(member):
            return failure.response()
        self.created.append(body)
        answer = {"id": self.personal_chat_id(member)}
        if body.get("activity"):
            answer["activityId"] = self._record(answer["id"], None, body["activity"], request)
        await asyncio.sleep(self.answer_after)
        return web.json_response(answer, status=201)

    def _record(self, conversation: str, reply_to: str | None, activity: dict[str, Any], request: web.Request) -> str:
        """Keep a posted activity; its new id."""
        activity_id = f"1{next(self._ids):012d}"
        authorization = request.headers.get("Authorization")
        targeted = request.query.get("isTargetedActivity") == "true"
        self.posted.append(
            Posted(conversation, reply_to, activity, time.monotonic(), authorization, activity_id, targeted)
        )
        return activity_id

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

    async def _members(self, request: web.Request) -> web.Response:
        if (held := self._holds.get(_thread(request.match_info["conversation"]))) is not None:
            held.arrived.set()
            await held.released.wait()
        return web.json_response(self.roster)

    async def _member(self, request: web.Request) -> web.Response:
        for account in self.roster:
            if account["id"] == request.match_info["member"]:
                return web.json_response(account)
        return web.json_response(
            {"error": {"code": "MemberNotFoundInConversation", "message": "The member was not found."}}, status=404
        )


def _thread(conversation_id: str) -> str:
    return conversation_id.split(";messageid=")[0]


def account(
    user_id: str,
    name: str,
    aad: str,
    email: str,
    *,
    guest: bool = False,
    tenant: str = TENANT,
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
