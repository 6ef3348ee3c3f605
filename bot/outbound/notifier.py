"""The one proactive sender: posts into stored conversations and opens 1:1 chats for scheduled reminders.

HTTP goes through the SDK's own `ConnectorClient`, the class the adapter uses for every reply. Its failures are
`aiohttp.ClientResponseError`s that carry the status and the response headers (Retry-After); send_to_conversation
also carries Teams' error body (`{"error": {"code", "message"}}`), create_conversation only the status. The
adapter's `continue_conversation`/`create_conversation` are not used: in local mode they ask MSAL for a token and
fail without a TENANTID, and they hide the HTTP outcome behind a turn.

Authentication: when the service connection has a CLIENTID, the token comes from the connection manager's provider
for the serviceUrl (MSAL, audience https://api.botframework.com, scope .../.default, cached by MSAL), as the adapter
gets it for replies. In local mode (no CLIENTID) no token is asked for and `ConnectorClient` sends no Authorization
header, so a loopback serviceUrl (the Agents Playground, the tests' fake connector) works.

Rate limits are Teams' documented ones for bots, per thread: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s (send and create
conversation), and per tenant 50/s. `AsyncLimiter(n, period)` is a leaky bucket: a burst of n, then n/period per
second, so one window of `period` can see 2n; a limit of L per P is therefore held by `AsyncLimiter(L / 2, P)`, which
admits at most L/2 + (L/2P)·P = L in any window of P seconds. The tenant's buckets are acquired last, right before
the POST, so they hold exactly. A thread's buckets are acquired earlier (a later bucket may still make the request
wait) under a lock that keeps one request per thread in flight (Teams answers 412 to concurrent operations on a
conversation); with that lock a late request can add at most one to a window, so they admit L - 1:
`AsyncLimiter((L - 1) / 2, P)`.

Retries use tenacity's `AsyncRetrying`, whose sleep is injectable: 429 waits Retry-After (else backoff); 412, 5xx,
timeouts and connection errors back off exponentially with jitter; a call stops after `attempts` tries or before a
wait that would pass `max_total_wait`. Every attempt acquires all limiters before its POST.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple, cast

import aiohttp
from aiolimiter import AsyncLimiter
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


class Window(NamedTuple):
    """At most `count` requests in any `seconds`."""

    count: int  # type: ignore[assignment]  # the field shadows tuple.count, which nothing here calls
    seconds: float


@dataclass(frozen=True)
class RateLimits:
    """Teams' limits for a bot; `remembered` bounds how many threads (and tenants) keep their limiters."""

    thread: tuple[Window, ...] = (Window(7, 1), Window(8, 2), Window(60, 30), Window(1800, 3600))
    tenant: tuple[Window, ...] = (Window(50, 1),)
    remembered: int = 4096

    def __post_init__(self) -> None:
        if any(w.count < 3 for w in self.thread) or any(w.count < 2 for w in self.tenant):
            raise ValueError("a window must allow at least 3 requests per thread and 2 per tenant")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one call tries: attempts, backoff (seconds), the total wait allowed, and each attempt's timeout."""

    attempts: int = 4
    first_wait: float = 1.0
    max_wait: float = 8.0
    jitter: float = 1.0
    max_total_wait: float = 20.0
    timeout: float = 15.0


TEAMS_LIMITS = RateLimits()
DEFAULT_RETRY = RetryPolicy()


class _Transient(Exception):
    """A failed attempt worth repeating."""

    def __init__(self, delivery: Delivery, retry_after: float | None = None) -> None:
        super().__init__(delivery.error)
        self.delivery = delivery
        self.retry_after = retry_after


@dataclass(frozen=True)
class _Thread:
    """A conversation's lock (one request in flight) and leaky buckets."""

    lock: asyncio.Lock
    limiters: tuple[AsyncLimiter, ...]


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


def _buckets(windows: tuple[Window, ...], *, spare: int) -> tuple[AsyncLimiter, ...]:
    """Leaky buckets that admit at most `count - spare` requests in any window (see the module docstring)."""
    return tuple(AsyncLimiter((w.count - spare) / 2, w.seconds) for w in windows)


class Notifier:
    """Sends proactive activities within Teams' rate limits, with retries; see the module docstring."""

    def __init__(
        self,
        connections: Connections,
        *,
        sleep: Sleep = asyncio.sleep,
        retry: RetryPolicy = DEFAULT_RETRY,
        limits: RateLimits = TEAMS_LIMITS,
    ) -> None:
        self._connections = connections
        self._app_id = connections.get_default_connection_configuration().CLIENT_ID or ""
        self._sleep = sleep
        self._retry = retry
        self._backoff = wait_exponential_jitter(multiplier=retry.first_wait, max=retry.max_wait, jitter=retry.jitter)
        self._threads = _Recent(lambda: _Thread(asyncio.Lock(), _buckets(limits.thread, spare=1)), limits.remembered)
        self._tenants = _Recent(lambda: _buckets(limits.tenant, spare=0), limits.remembered)

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
            address.service_url, tenant_id=tenant_id, thread=_thread(conversation_id), operation=post
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

        delivery, created = await self._deliver(service_url, tenant_id=tenant_id, thread=user_id, operation=create)
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
    ) -> tuple[Delivery, T | None]:
        """Run `operation` with limits and retries: (sent, its result) or (the failure, None)."""
        try:
            token = await self._token(service_url)
        except (ValueError, OSError) as exc:  # how MSAL reports a refused or unreachable authority
            logger.error("no token for %s: %s", service_url, exc)
            return Delivery(Outcome.RETRY_LATER, reason="no-token", error=str(exc)), None
        attempts = 0
        conversation = self._threads.get(thread)
        limiters = (*conversation.limiters, *self._tenants.get(tenant_id))

        async def attempt(client: ConnectorClient) -> T | Delivery:
            nonlocal attempts
            attempts += 1
            return await _attempt(client, limiters, operation)

        async with conversation.lock, _connector(service_url, token, self._retry.timeout) as client:
            result: T | Delivery = await self._retrying(thread)(attempt, client)
        if isinstance(result, Delivery):
            return replace(result, attempts=attempts), None
        return Delivery(Outcome.SENT, attempts=attempts), result

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
    client: ConnectorClient, limiters: tuple[AsyncLimiter, ...], operation: Callable[[ConnectorClient], Awaitable[T]]
) -> T | Delivery:
    """One request after all its limiters: the result, a final failure, or _Transient."""
    for limiter in limiters:
        await limiter.acquire()
    try:
        return await operation(client)
    except aiohttp.ClientResponseError as exc:
        failure = _http_failure(exc)
        if not _is_transient(exc.status):
            return failure
        raise _Transient(failure, _retry_after(exc.headers) if exc.status == 429 else None) from exc
    except (TimeoutError, aiohttp.ClientError) as exc:
        error = f"{type(exc).__name__}: {exc}".rstrip(": ")
        raise _Transient(Delivery(Outcome.RETRY_LATER, reason="unreachable", error=error)) from exc


@asynccontextmanager
async def _connector(service_url: str, token: str, request_seconds: float) -> AsyncIterator[ConnectorClient]:
    """The SDK's connector client on its own session, with a timeout per request."""
    endpoint = service_url if service_url.endswith("/") else f"{service_url}/"
    session = aiohttp.ClientSession(base_url=endpoint, timeout=aiohttp.ClientTimeout(total=request_seconds))
    client = ConnectorClient(endpoint, token, session=session)
    try:
        yield client
    finally:
        await client.close()


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
