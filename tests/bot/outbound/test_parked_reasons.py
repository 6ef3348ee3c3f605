"""A parked row says what really happened: an exception of our own while composing or rendering is `bot-error`
with the stage and the exception's type, never one of the reasons Teams' refusals get (bot-removed 403 …)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.outbound.dispatcher import MAX_ATTEMPTS
from storage.models import Notification
from tests.server import SAMI, make_dispatcher, mention

TEAMS_REASONS = {"bad-request", "unauthorized", "bot-removed", "conversation-gone", "precondition-failed"}
TEAMS_REASONS |= {"too-large", "throttled", "server-error", "rejected", "unreachable"}


@pytest.fixture
async def notice(bot) -> None:
    """Sami has a 1:1 chat with the bot; Leila gives him an action point (a notice to him, due at once)."""
    await bot.install()
    sami = bot.activity("personal_message_en", text="lang en", locale="en-GB")
    sami["from"] = {"id": SAMI["id"], "name": SAMI["name"], "aadObjectId": SAMI["aadObjectId"]}
    sami["conversation"] = {**sami["conversation"], "id": bot.connector.personal_chat_id(SAMI["id"])}
    await bot.replies(sami)
    activity = bot.activity("personal_message_en", text=f"action add Share the 4W data | <at>{SAMI['name']}</at>")
    activity["entities"] = [*activity.get("entities", []), mention(SAMI)]
    await bot.replies(activity)
    bot.connector.posted.clear()
    bot.connector.requests.clear()


class BrokenComposers:
    """The registry with a defect in every composer."""

    def composer(self, kind: str):
        async def compose(session, row, now):
            return {}["ticket_id"]  # KeyError: a payload the composer did not expect

        return compose


async def the_notice(sessions) -> Notification:
    async with sessions() as session:
        row = await session.scalar(select(Notification).where(Notification.kind == "action-assigned"))
    assert row is not None
    return row


async def test_a_composer_that_fails_is_retried_then_parked_as_our_error(bot, notice, sessions, clock, sleep) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    dispatcher.registry = BrokenComposers()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        tally = await dispatcher.run_once()
        assert (tally.retried, tally.parked) == ((0, 1) if attempt == MAX_ATTEMPTS else (1, 0))
        clock.advance(hours=1)
    row = await the_notice(sessions)
    assert row.status == "parked" and row.attempts == MAX_ATTEMPTS
    assert row.last_error == "bot-error compose KeyError"
    assert row.last_error.split()[0] not in TEAMS_REASONS
    assert bot.connector.posted == [] and bot.connector.requests == {}  # Teams was never asked


async def test_a_reply_that_cannot_be_rendered_is_our_error_and_is_sent_once_mended(
    bot, notice, sessions, clock, sleep, monkeypatch
) -> None:
    dispatcher = make_dispatcher(sessions, clock, sleep)
    render = dispatcher.renderer.activity

    def broken(*args, **kwargs):
        raise ValueError("no builder for this view")

    monkeypatch.setattr(dispatcher.renderer, "activity", broken)
    assert (await dispatcher.run_once()).retried == 1
    row = await the_notice(sessions)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "bot-error render ValueError")
    assert bot.connector.requests == {}

    monkeypatch.setattr(dispatcher.renderer, "activity", render)
    clock.advance(minutes=3)
    assert (await dispatcher.run_once()).sent == 1
    assert "Share the 4W data" in bot.connector.posted[0].text


async def test_teams_refusing_is_recorded_with_teams_reason(bot, notice, sessions, clock, sleep) -> None:
    bot.connector.remove_bot(bot.connector.personal_chat_id(SAMI["id"]))
    assert (await make_dispatcher(sessions, clock, sleep).run_once()).parked == 1
    row = await the_notice(sessions)
    assert row.last_error == "bot-removed 403 BotNotInConversationRoster"


async def test_a_failure_after_opening_a_chat_keeps_nothing_half_done(bot, sessions, clock, sleep) -> None:
    """Composing again after Teams opened the chat fails: the row is retried (our error), and the next run opens the
    chat again (Teams answers with the same chat) and sends."""
    await bot.install()
    activity = bot.activity("personal_message_en", text=f"action add Share the 4W data | <at>{SAMI['name']}</at>")
    activity["entities"] = [*activity.get("entities", []), mention(SAMI)]
    await bot.replies(activity)  # Sami never wrote to the bot: his chat must be opened
    bot.connector.posted.clear()
    dispatcher = make_dispatcher(sessions, clock, sleep)
    registry = dispatcher.registry

    class SecondComposeFails:
        calls = 0

        def composer(self, kind: str):
            self.calls += 1
            return registry.composer(kind) if self.calls == 1 else BrokenComposers().composer(kind)

    dispatcher.registry = SecondComposeFails()
    assert (await dispatcher.run_once()).retried == 1
    row = await the_notice(sessions)
    assert row.last_error == "bot-error compose KeyError" and len(bot.connector.created) == 1

    dispatcher.registry = registry
    clock.advance(minutes=3)
    assert (await dispatcher.run_once()).sent == 1
    assert bot.connector.posted[0].conversation_id == bot.connector.personal_chat_id(SAMI["id"])
    assert (await the_notice(sessions)).status == "sent"
