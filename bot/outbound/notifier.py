"""The one proactive sender: posts into stored conversations and opens 1:1 chats for scheduled reminders.

HTTP goes through the SDK's own `ConnectorClient`, the class the adapter uses for every reply, on one aiohttp session
per Bot Connector endpoint, kept for the notifier's life (`close` ends them). Its failures are
`aiohttp.ClientResponseError`s that carry the status and the response headers (Retry-After); send_to_conversation
also carries Teams' error body (`{"error": {"code", "message"}}`), create_conversation only the status. The
adapter's `continue_conversation`/`create_conversation` are not used: in local mode they ask MSAL for a token and
fail without a TENANTID, and they hide the HTTP outcome behind a turn.

Authentication: when the service connection has a CLIENTID, the token comes from the connection manager's provider
for the serviceUrl (MSAL, audience https://api.botframework.com, scope .../.default, cached by MSAL), as the adapter
gets it for replies. In local mode (no CLIENTID) no token is asked for and `ConnectorClient` sends no Authorization
header, so a loopback serviceUrl (the Agents Playground, the tests' fake connector) works.

Rate limits are Teams' documented ones for bots, per thread: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s (send and create
conversation), and per tenant 50/s. Each request reserves a slot of its thread, then one of its tenant right before
its POST (bot/outbound/pace.py: exact GCRA reservations, in memory or shared by the replicas through PostgreSQL),
each window kept one below Teams' count as a margin for the moments between a slot and its POST. One request per
thread is in flight at a time in this process (Teams answers 412 to concurrent operations on a conversation).

Retries use tenacity's `AsyncRetrying`, whose sleep is injectable: 429 waits Retry-After (else backoff); 412, 5xx
and failures to connect back off exponentially with jitter; a call stops after `attempts` tries or before a wait
that would pass `max_total_wait`. A request that was written but got no answer in time (or lost its connection) has
an unknown outcome: Teams may have posted it, so a send is not repeated here but reported `UNKNOWN` (the dispatcher
tries it once more after a pause); opening a 1:1 chat is repeated (Teams returns the same chat).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import Any, cast

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
    ConversationResourceResponse,
)
from microsoft_agents.hosting.core import AuthenticationConstants, ClaimsIdentity, Connections
from microsoft_agents.hosting.core.connector.client import ConnectorClient
from pydantic import ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, wait_exponential_jitter

from bot import metrics
from bot.outbound.pace import Cell, LocalPace, Pace, Window, wait_for_all

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

_REASONS = {
    400: "bad-request",
    401: "unauthorized",
    403: "bot-removed",
    404: "conversation-gone",
    412: "precondition-failed",
    413: "too-large",
    429: "throttled",
}


class Outcome(StrEnum):
    """What became of a proactive activity."""

    SENT = "sent"
    PARKED = "parked"  # Teams will never accept it as it is: do not try again by itself
    RETRY_LATER = "retry_later"  # transient trouble outlasted this run's retries
    UNKNOWN = "unknown"  # written, but no answer came: Teams may have posted it


@dataclass(frozen=True)
class Delivery:
    """The result of `Notifier.send` (or of a failed `open_personal_chat`)."""

    outcome: Outcome
    activity_id: str | None = None
    reason: str | None = None  # why not sent: bot-removed, conversation-gone, throttled, server-error, unreachable…
    status: int | None = None  # the last HTTP status, if there was an answer
    code: str | None = None  # Teams' error code, e.g. BotNotInConversationRoster (our own errors: stage and type)
    error: str | None = None  # the last error message
    attempts: int = 0


class ChatNotOpened(Exception):
    """`open_personal_chat` failed; `delivery` says whether to try again later."""

    def __init__(self, delivery: Delivery) -> None:
        super().__init__(f"{delivery.outcome} ({delivery.reason}): {delivery.error}")
        self.delivery = delivery


@dataclass(frozen=True)
class RateLimits:
    """Teams' limits for a bot; `remembered` bounds how many conversations (and tenants) this process keeps a pace
    and a send lock for."""

    thread: tuple[Window, ...] = (Window(7, 1), Window(8, 2), Window(60, 30), Window(1800, 3600))
    tenant: tuple[Window, ...] = (Window(50, 1),)
    remembered: int = 4096

    def __post_init__(self) -> None:
        if any(w.count < 2 for w in (*self.thread, *self.tenant)):
            raise ValueError("a window must allow at least 2 requests")

    def thread_cells(self) -> tuple[Cell, ...]:
        """A conversation's windows, each one below Teams' count, half of that allowed as a burst."""
        return tuple(Cell.of(Window(w.count - 1, w.seconds), burst=(w.count - 1) // 2) for w in self.thread)

    def tenant_cells(self) -> tuple[Cell, ...]:
        """A tenant's windows, each one below Teams' count, no burst (see bot/outbound/pace.py)."""
        return tuple(Cell.of(Window(w.count - 1, w.seconds), burst=1) for w in self.tenant)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one call tries: attempts, backoff (seconds), the total wait allowed, the time to connect, and the
    time an answer may take once the request is written (past it, a send's outcome is unknown)."""

    attempts: int = 4
    first_wait: float = 1.0
    max_wait: float = 8.0
    jitter: float = 1.0
    max_total_wait: float = 20.0
    timeout: float = 15.0
    connect_timeout: float = 5.0


TEAMS_LIMITS = RateLimits()
DEFAULT_RETRY = RetryPolicy()


class _Transient(Exception):
    """A failed attempt worth repeating."""

    def __init__(self, delivery: Delivery, retry_after: float | None = None) -> None:
        super().__init__(delivery.error)
        self.delivery = delivery
        self.retry_after = retry_after


class _Recent[V]:
    """Values per key, made on first use; only the `size` most recently used keys are remembered."""

    def __init__(self, make: Callable[[], V], size: int) -> None:
        self._make = make
        self._size = size
        self._by_key: OrderedDict[str, V] = OrderedDict()

    def get(self, key: str) -> V:
        value = self._by_key.pop(key) if key in self._by_key else self._make()
        self._by_key[key] = value
        while len(self._by_key) > self._size:
            self._by_key.popitem(last=False)
        return value


class Notifier:
    """Sends proactive activities within Teams' rate limits, with retries; see the module docstring."""

    def __init__(
        self,
        connections: Connections,
        *,
        pace: Pace | None = None,
        sleep: Sleep = asyncio.sleep,
        retry: RetryPolicy = DEFAULT_RETRY,
        limits: RateLimits = TEAMS_LIMITS,
    ) -> None:
        """`pace`: where Teams' limits are counted (default: this process's memory); `sleep`: how retries wait."""
        self._connections = connections
        self._app_id = connections.get_default_connection_configuration().CLIENT_ID or ""
        self._pace = pace or LocalPace(remembered=limits.remembered)
        self._thread_cells, self._tenant_cells = limits.thread_cells(), limits.tenant_cells()
        self._sleep = sleep
        self._retry = retry
        self._backoff = wait_exponential_jitter(multiplier=retry.first_wait, max=retry.max_wait, jitter=retry.jitter)
        self._locks = _Recent(asyncio.Lock, limits.remembered)
        self._http: dict[str, aiohttp.ClientSession] = {}
        self._clients: dict[tuple[str, str], ConnectorClient] = {}

    async def forget_idle(self, *, older_than: float) -> int:
        """Forget the pace of conversations idle for `older_than` seconds; return how many."""
        return await self._pace.forget(older_than)

    async def close(self) -> None:
        """End the HTTP sessions."""
        sessions, self._http, self._clients = list(self._http.values()), {}, {}
        for session in sessions:
            await session.close()

    async def send(self, reference: dict[str, Any], activity: Activity, *, tenant_id: str) -> Delivery:
        """Post `activity` into the conversation of a stored reference; never raises for HTTP failures."""
        try:
            address = ConversationReference.model_validate(reference)
        except ValidationError as exc:
            return _logged("(unreadable)", Delivery(Outcome.PARKED, reason="bad-reference", error=str(exc)))
        outgoing = activity.model_copy(deep=True).apply_conversation_reference(address)
        conversation_id = address.conversation.id

        async def post(client: ConnectorClient) -> str:
            return (await client.conversations.send_to_conversation(conversation_id, outgoing)).id or ""

        delivery, activity_id = await self._deliver(
            address.service_url, tenant_id=tenant_id, thread=_thread(conversation_id), operation=post, repeatable=False
        )
        if delivery.outcome is Outcome.SENT:
            delivery = replace(delivery, activity_id=activity_id or None)
        return _logged(conversation_id, delivery)

    async def open_personal_chat(
        self, *, service_url: str, tenant_id: str, user_id: str, bot_id: str
    ) -> dict[str, Any]:
        """Create (or find) the 1:1 chat with a member; return its reference for `send`, or raise ChatNotOpened."""
        parameters = ConversationParameters(
            is_group=False,
            agent=ChannelAccount(id=bot_id),  # type: ignore[call-arg]  # the SDK model's field (alias "bot")
            members=[ChannelAccount(id=user_id)],
            channel_data={"tenant": {"id": tenant_id}},
        )

        async def create(client: ConnectorClient) -> ConversationResourceResponse:
            return await client.conversations.create_conversation(parameters)

        delivery, created = await self._deliver(
            service_url, tenant_id=tenant_id, thread=user_id, operation=create, repeatable=True
        )
        if created is None:
            raise ChatNotOpened(_logged(f"new chat with {user_id}", delivery))
        logger.info("opened personal chat conversation=%s user=%s", created.id, user_id)
        return ConversationReference(
            user=ChannelAccount(id=user_id),
            agent=ChannelAccount(id=bot_id),
            conversation=ConversationAccount(
                id=created.id, tenant_id=tenant_id, conversation_type="personal", is_group=False
            ),
            channel_id="msteams",  # type: ignore[arg-type]  # pydantic validates the string into a ChannelId
            service_url=created.service_url or service_url,
        ).model_dump(mode="json", by_alias=True, exclude_none=True)

    async def _deliver[T](
        self,
        service_url: str,
        *,
        tenant_id: str,
        thread: str,
        operation: Callable[[ConnectorClient], Awaitable[T]],
        repeatable: bool,
    ) -> tuple[Delivery, T | None]:
        """Run `operation` with limits and retries: (sent, its result) or (the failure, None). `repeatable`: an
        attempt of unknown outcome may be repeated at once (else it ends the call as UNKNOWN)."""
        try:
            token = await self._token(service_url)
        except (ValueError, OSError) as exc:  # how MSAL reports a refused or unreachable authority
            logger.error("no token for %s: %s", service_url, exc)
            return Delivery(Outcome.RETRY_LATER, reason="no-token", error=str(exc)), None
        attempts = 0
        client = self._client(service_url, token)

        async def attempt() -> T | Delivery:
            nonlocal attempts
            attempts += 1
            keyed = ((f"thread:{thread}", self._thread_cells), (f"tenant:{tenant_id}", self._tenant_cells))
            await wait_for_all(self._pace, keyed, _pause)
            return await _attempt(client, operation, repeatable=repeatable)

        async with self._locks.get(thread):
            result: T | Delivery = await self._retrying(thread)(attempt)
        if isinstance(result, Delivery):
            return replace(result, attempts=attempts), None
        return Delivery(Outcome.SENT, attempts=attempts), result

    def _client(self, service_url: str, token: str) -> ConnectorClient:
        """The SDK's connector client for an endpoint and token, on the endpoint's one session (a new token, from
        MSAL's cache, makes a new client on the same session)."""
        endpoint = service_url if service_url.endswith("/") else f"{service_url}/"
        client = self._clients.get((endpoint, token))
        if client is None:
            session = self._http.get(endpoint)
            if session is None or session.closed:
                timeout = aiohttp.ClientTimeout(
                    total=None, sock_connect=self._retry.connect_timeout, sock_read=self._retry.timeout
                )
                session = self._http[endpoint] = aiohttp.ClientSession(base_url=endpoint, timeout=timeout)
            self._clients = {key: known for key, known in self._clients.items() if key[0] != endpoint}
            client = self._clients[(endpoint, token)] = ConnectorClient(endpoint, token, session=session)
        return client

    def _retrying(self, thread: str) -> AsyncRetrying:
        return AsyncRetrying(
            sleep=self._sleep,
            retry=retry_if_exception_type(_Transient),
            wait=self._wait,
            stop=self._stop,
            before_sleep=partial(_log_retry, thread),
            retry_error_callback=lambda state: _transient(state).delivery,
        )

    def _wait(self, state: RetryCallState) -> float:
        retry_after = _transient(state).retry_after
        return retry_after if retry_after is not None else self._backoff(state)

    def _stop(self, state: RetryCallState) -> bool:
        over_budget = state.idle_for + state.upcoming_sleep > self._retry.max_total_wait
        return state.attempt_number >= self._retry.attempts or over_budget

    async def _token(self, service_url: str) -> str:
        """A Bot Connector token from the service connection; none in local mode."""
        if not self._app_id:
            return ""
        identity = ClaimsIdentity(
            {AuthenticationConstants.AUDIENCE_CLAIM: self._app_id, AuthenticationConstants.APP_ID_CLAIM: self._app_id}
        )
        provider = self._connections.get_token_provider(identity, service_url)
        return await provider.get_access_token(identity.get_token_audience(), identity.get_token_scope())


async def _attempt[T](
    client: ConnectorClient, operation: Callable[[ConnectorClient], Awaitable[T]], *, repeatable: bool
) -> T | Delivery:
    """One request: the result, a final failure, or _Transient."""
    try:
        result = await operation(client)
    except aiohttp.ClientResponseError as exc:
        metrics.connector_response(str(exc.status))
        failure = _http_failure(exc)
        if not _is_transient(exc.status):
            return failure
        raise _Transient(failure, _retry_after(exc.headers) if exc.status == 429 else None) from exc
    except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:  # nothing was written
        metrics.connector_response("none")
        raise _Transient(Delivery(Outcome.RETRY_LATER, reason="unreachable", error=_described(exc))) from exc
    except (TimeoutError, aiohttp.ClientError) as exc:  # written, and no answer
        metrics.connector_response("none")
        if repeatable:
            raise _Transient(Delivery(Outcome.RETRY_LATER, reason="no-answer", error=_described(exc))) from exc
        return Delivery(Outcome.UNKNOWN, reason="no-answer", error=_described(exc))
    metrics.connector_response("2xx")
    return result


async def _pause(seconds: float) -> None:
    """Wait for a reserved slot (real time: it is Teams' clock that counts)."""
    if seconds > 0:
        await asyncio.sleep(seconds)


def _described(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


def _thread(conversation_id: str) -> str:
    """The conversation Teams counts limits on: a channel's reply threads all count as the channel."""
    return conversation_id.split(";messageid=")[0]


def _is_transient(status: int) -> bool:
    return status in (412, 429) or status >= 500


def _http_failure(exc: aiohttp.ClientResponseError) -> Delivery:
    code, message = _teams_error(exc.message)
    status = exc.status
    parked = 400 <= status < 500 and status not in (401, 412, 429)  # 401 is the bot's credentials, not the chat
    reason = _REASONS.get(status) or ("server-error" if status >= 500 else "rejected")
    return Delivery(
        Outcome.PARKED if parked else Outcome.RETRY_LATER, reason=reason, status=status, code=code, error=message
    )


def _teams_error(body: str) -> tuple[str | None, str]:
    """Teams' error code and message from a response body, or (None, the body)."""
    try:
        error = json.loads(body)["error"]
        return error.get("code"), error.get("message") or body
    except (ValueError, TypeError, KeyError, AttributeError):
        return None, body


def _retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Retry-After in seconds (the form Teams sends), or None."""
    try:
        seconds = float((headers or {})["Retry-After"])
    except (KeyError, ValueError):
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _transient(state: RetryCallState) -> _Transient:
    assert state.outcome is not None
    return cast(_Transient, state.outcome.exception())


def _log_retry(thread: str, state: RetryCallState) -> None:
    failure = _transient(state).delivery
    logger.info(
        "retrying conversation=%s after attempt %d (%s %s: %s) in %.1f s",
        thread,
        state.attempt_number,
        failure.status or failure.reason,
        failure.code or "",
        failure.error,
        state.upcoming_sleep,
    )


def _logged(conversation: str, delivery: Delivery) -> Delivery:
    """Log the outcome once: info when sent, a warning otherwise."""
    if delivery.outcome is Outcome.SENT:
        logger.info(
            "sent conversation=%s activity=%s attempts=%d", conversation, delivery.activity_id, delivery.attempts
        )
    else:
        logger.warning(
            "%s conversation=%s reason=%s status=%s code=%s attempts=%d: %s",
            delivery.outcome,
            conversation,
            delivery.reason,
            delivery.status,
            delivery.code,
            delivery.attempts,
            delivery.error,
        )
    return delivery
