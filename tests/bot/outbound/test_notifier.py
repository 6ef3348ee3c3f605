"""The proactive sender over real HTTP against the fake Bot Connector on 127.0.0.1: sends, 1:1 chats, retries,
parking and Teams' rate limits."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from typing import Any

import pytest
from microsoft_agents.activity import Activity
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import MessageFactory

from bot.outbound.notifier import TEAMS_LIMITS, ChatNotOpened, Notifier, Outcome, RateLimits, RetryPolicy, Window
from bot.teams.data import reference
from tests.fake_connector import Failure, FakeConnector
from tests.fakes import RecordedSleep
from tests.server import FIXTURES, TENANT, connections

BOT_ID = "28:b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d"


def stored_reference(connector: FakeConnector, fixture: str) -> dict[str, Any]:
    """The reference bot/teams/data.py stores for a Teams activity, pointed at the fake connector."""
    activity = json.loads((FIXTURES / f"{fixture}.json").read_text(encoding="utf-8"))
    activity["serviceUrl"] = connector.url
    return reference(Activity.model_validate(activity))


@pytest.fixture
def notifier(sleep: RecordedSleep) -> Notifier:
    return Notifier(connections(), sleep=sleep)


@pytest.fixture
def personal(connector: FakeConnector) -> dict[str, Any]:
    return stored_reference(connector, "personal_message_en")


async def test_sends_into_a_stored_personal_chat(notifier, connector, personal, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="bot.outbound.notifier"):
        delivery = await notifier.send(personal, MessageFactory.text("Reminder: report due"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT and delivery.attempts == 1
    [posted] = connector.posted
    assert posted.conversation_id == personal["conversation"]["id"] and posted.text == "Reminder: report due"
    assert delivery.activity_id == posted.id
    assert posted.activity["from"]["id"] == BOT_ID and posted.activity["recipient"]["id"] == "29:1leila"
    assert posted.authorization is None  # local mode: no token
    assert f"sent conversation={posted.conversation_id} activity={posted.id}" in caplog.text


async def test_a_channel_reference_posts_into_its_thread(notifier, connector) -> None:
    channel = stored_reference(connector, "channel_message_mention")
    delivery = await notifier.send(channel, MessageFactory.text("Meeting in 10 minutes"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT
    assert connector.posted[0].conversation_id == "19:team-general-3f2a@thread.tacv2;messageid=1741511662483"
    assert connector.posted[0].reply_to is None


async def test_opens_a_personal_chat_for_a_member_without_one(notifier, connector) -> None:
    opened = await notifier.open_personal_chat(
        service_url=connector.url, tenant_id=TENANT, user_id="29:1huda", bot_id=BOT_ID
    )
    assert connector.created == [
        {
            "bot": {"id": BOT_ID},
            "members": [{"id": "29:1huda"}],
            "channelData": {"tenant": {"id": TENANT}},
            "isGroup": False,
        }
    ]
    assert opened["conversation"]["id"] == connector.personal_chat_id("29:1huda")
    assert opened["conversation"]["tenantId"] == TENANT and opened["serviceUrl"] == connector.url
    delivery = await notifier.send(opened, MessageFactory.text("Welcome, Huda"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT
    [posted] = connector.posted
    assert posted.conversation_id == connector.personal_chat_id("29:1huda")
    assert posted.activity["recipient"]["id"] == "29:1huda" and posted.text == "Welcome, Huda"


async def test_429_waits_the_retry_after_then_delivers_once(notifier, connector, personal, sleep) -> None:
    conversation = personal["conversation"]["id"]
    connector.fail_next(conversation, [(429, {"Retry-After": "2"})])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT and delivery.attempts == 2
    assert sleep.waits == [2.0]
    assert connector.requests[conversation] == 2 and connector.texts() == ["hello"]


async def test_500_twice_then_delivered_after_backoff(notifier, connector, personal, sleep) -> None:
    conversation = personal["conversation"]["id"]
    connector.fail_next(conversation, [(500, {}), (500, {})])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT and delivery.attempts == 3
    first, second = sleep.waits  # exponential, plus up to 1 s of jitter
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 3.0
    assert connector.texts() == ["hello"]


async def test_persistent_503_is_retried_n_times_then_left_for_later(notifier, connector, personal, sleep) -> None:
    conversation = personal["conversation"]["id"]
    connector.fail_next(conversation, [(503, {})] * 10)
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.RETRY_LATER and delivery.attempts == 4
    assert (delivery.status, delivery.code, delivery.error) == (503, "ServiceUnavailable", "Service Unavailable")
    assert delivery.reason == "server-error"
    assert connector.requests[conversation] == 4 and connector.posted == []
    assert len(sleep.waits) == 3 and sum(sleep.waits) <= RetryPolicy().max_total_wait


async def test_a_retry_after_beyond_the_budget_is_left_for_later_without_waiting(
    notifier, connector, personal, sleep
) -> None:
    connector.fail_next(personal["conversation"]["id"], [(429, {"Retry-After": "120"})])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert (delivery.outcome, delivery.reason, delivery.attempts) == (Outcome.RETRY_LATER, "throttled", 1)
    assert sleep.waits == [] and connector.posted == []


async def test_bot_removed_is_parked_after_exactly_one_attempt(notifier, connector, personal, sleep, caplog) -> None:
    conversation = personal["conversation"]["id"]
    connector.remove_bot(conversation)
    with caplog.at_level(logging.WARNING, logger="bot.outbound.notifier"):
        first = await notifier.send(personal, MessageFactory.text("one"), tenant_id=TENANT)
        second = await notifier.send(personal, MessageFactory.text("two"), tenant_id=TENANT)
    for delivery in (first, second):
        assert (delivery.outcome, delivery.reason, delivery.status) == (Outcome.PARKED, "bot-removed", 403)
        assert delivery.code == "BotNotInConversationRoster" and delivery.attempts == 1
    assert connector.requests[conversation] == 2 and sleep.waits == []
    assert f"parked conversation={conversation} reason=bot-removed" in caplog.text


@pytest.mark.parametrize(
    "status, reason", [(404, "conversation-gone"), (400, "bad-request"), (413, "too-large"), (405, "rejected")]
)
async def test_refusals_are_parked_without_retrying(notifier, connector, personal, sleep, status, reason) -> None:
    connector.fail_next(personal["conversation"]["id"], [(status, {})])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert (delivery.outcome, delivery.reason, delivery.status, delivery.attempts) == (
        Outcome.PARKED,
        reason,
        status,
        1,
    )
    assert sleep.waits == [] and connector.posted == []


async def test_unauthorized_is_left_for_later_without_retrying(notifier, connector, personal, sleep) -> None:
    connector.fail_next(personal["conversation"]["id"], [(401, {})])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert (delivery.outcome, delivery.reason, delivery.code, delivery.attempts) == (
        Outcome.RETRY_LATER,
        "unauthorized",
        "BotNotRegistered",
        1,
    )
    assert sleep.waits == []


async def test_a_send_unanswered_in_time_is_not_repeated_its_outcome_is_unknown(sleep, connector, personal) -> None:
    """Teams may have posted it: sending again at once could post it twice (the dispatcher tries once more later)."""
    notifier = Notifier(connections(), sleep=sleep, retry=RetryPolicy(timeout=0.2))
    conversation = personal["conversation"]["id"]
    connector.fail_next(conversation, [Failure(503, delay=1.0)])
    delivery = await notifier.send(personal, MessageFactory.text("hello"), tenant_id=TENANT)
    assert (delivery.outcome, delivery.reason, delivery.attempts) == (Outcome.UNKNOWN, "no-answer", 1)
    assert connector.requests[conversation] == 1 and sleep.waits == []


async def test_opening_a_chat_unanswered_in_time_is_repeated(sleep, connector) -> None:
    """Teams answers a repeated creation with the same 1:1 chat: repeating it is harmless."""
    notifier = Notifier(connections(), sleep=sleep, retry=RetryPolicy(timeout=0.2))
    connector.fail_next("29:1huda", [Failure(503, delay=1.0)])
    opened = await notifier.open_personal_chat(
        service_url=connector.url, tenant_id=TENANT, user_id="29:1huda", bot_id=BOT_ID
    )
    assert opened["conversation"]["id"] and connector.requests["29:1huda"] == 2 and len(sleep.waits) == 1


async def test_an_unreachable_connector_is_left_for_later(notifier, personal, sleep) -> None:
    with socket.socket() as probe:  # a loopback port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    delivery = await notifier.send(
        {**personal, "serviceUrl": f"http://127.0.0.1:{port}/"}, MessageFactory.text("hello"), tenant_id=TENANT
    )
    assert (delivery.outcome, delivery.reason, delivery.attempts) == (Outcome.RETRY_LATER, "unreachable", 4)
    assert "Cannot connect" in (delivery.error or "") and len(sleep.waits) == 3


async def test_an_unreadable_reference_is_parked(notifier) -> None:
    delivery = await notifier.send({"serviceUrl": "http://127.0.0.1:1/"}, MessageFactory.text("x"), tenant_id=TENANT)
    assert (delivery.outcome, delivery.reason, delivery.attempts) == (Outcome.PARKED, "bad-reference", 0)


async def test_a_personal_chat_that_cannot_be_opened_says_why(notifier, connector) -> None:
    connector.fail_next("29:1huda", [(403, {})])
    with pytest.raises(ChatNotOpened) as raised:
        await notifier.open_personal_chat(
            service_url=connector.url, tenant_id=TENANT, user_id="29:1huda", bot_id=BOT_ID
        )
    assert (raised.value.delivery.outcome, raised.value.delivery.reason) == (Outcome.PARKED, "bot-removed")
    assert connector.created == [] and connector.requests["29:1huda"] == 1


async def test_ten_messages_to_one_conversation_keep_to_teams_thread_limits(notifier, connector, personal) -> None:
    """Real time (the pace waits on the monotonic clock): a few seconds."""
    texts = [f"reminder {i}" for i in range(10)]
    deliveries = await asyncio.gather(
        *(notifier.send(personal, MessageFactory.text(text), tenant_id=TENANT) for text in texts)
    )
    assert all(d.outcome is Outcome.SENT for d in deliveries)
    assert connector.texts() == texts  # one request at a time per conversation, in order
    assert_within(sorted(p.at for p in connector.posted), TEAMS_LIMITS.thread, jitter=0.05)


async def test_one_tenant_keeps_to_its_limit_across_conversations(sleep, connector, personal) -> None:
    window = Window(10, 0.5)
    notifier = Notifier(connections(), sleep=sleep, limits=RateLimits(tenant=(window,)))
    chats = [{**personal, "conversation": {**personal["conversation"], "id": f"a:1chat{i}"}} for i in range(14)]
    deliveries = await asyncio.gather(
        *(notifier.send(chat, MessageFactory.text("hi"), tenant_id=TENANT) for chat in chats)
    )
    assert all(d.outcome is Outcome.SENT for d in deliveries) and len(connector.posted) == 14
    assert_within(sorted(p.at for p in connector.posted), (window,))


async def test_with_credentials_each_request_carries_the_bot_connector_token(
    sleep, connector, personal, monkeypatch
) -> None:
    asked: list[tuple[str, list[str]]] = []

    async def token(_self: MsalAuth, resource: str, scopes: list[str], force_refresh: bool = False) -> str:
        asked.append((resource, scopes))
        return "t0k3n"

    monkeypatch.setattr(MsalAuth, "get_access_token", token)
    credentials = {"client_id": "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d", "client_secret": "s", "tenant_id": TENANT}
    notifier = Notifier(connections(**credentials), sleep=sleep)
    opened = await notifier.open_personal_chat(
        service_url=connector.url, tenant_id=TENANT, user_id="29:1huda", bot_id=BOT_ID
    )
    delivery = await notifier.send(opened, MessageFactory.text("hello"), tenant_id=TENANT)
    assert delivery.outcome is Outcome.SENT and connector.posted[0].authorization == "Bearer t0k3n"
    assert asked == [("https://api.botframework.com", ["https://api.botframework.com/.default"])] * 2


def assert_within(times: list[float], windows: tuple[Window, ...], *, jitter: float = 0.0) -> None:
    """No window of `seconds` holds more than `count` of these arrival times (`jitter`: how much later than its
    slot one request may reach the connector when the machine is busy, while the next is on time)."""
    for count, seconds in windows:
        for first, later in zip(times, times[count:], strict=False):
            assert later - first > seconds - jitter, (
                f"{count + 1} requests within {later - first:.3f} s (limit {count}/{seconds} s)"
            )
