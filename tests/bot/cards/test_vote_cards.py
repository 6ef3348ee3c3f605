"""Endorsement and poll cards over real HTTP: answers are Action.Execute invokes, answered with the card as the
person who pressed sees it (their own answer, fresh counts); one answer per member, however fast they press."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from storage.models import Vote
from tests.server import OMAR, SAMI, card_texts

CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
LOCALES = {OMAR["id"]: "ar-SA", SAMI["id"]: "en-GB", "29:1leila": "en-US"}
LEILA = {"id": "29:1leila", "name": "Leila Haddad", "aadObjectId": "a1a1a1a1-0000-4000-8000-000000000001"}


def press(bot, who: dict[str, Any], verb: str, data: object) -> dict[str, Any]:
    """An Action.Execute invoke as Teams sends it (the card's inputs merged into `data`)."""
    activity = bot.activity("invoke_adaptive_card_action")
    activity["value"] = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    activity["from"] = {"id": who["id"], "name": who["name"], "aadObjectId": who["aadObjectId"]}
    activity["locale"] = LOCALES.get(who["id"], "en-US")
    return activity


def texts(card: dict[str, Any]) -> str:
    return card_texts({"attachments": [{"content": card}]})


async def opened(bot, text: str) -> dict[str, Any]:
    """Leila (who installed the bot: admin) opens an endorsement or a poll; the reply is its card."""
    replies = await bot.replies(bot.activity("personal_message_en", text=text))
    return replies[0]["attachments"][0]["content"]


@pytest.fixture
async def endorsement(bot) -> dict[str, Any]:
    await bot.install()
    return await opened(bot, "endorse The revised terms of reference | until 1 December 17:00")


async def test_the_card_refreshes_per_member_and_offers_three_answers(endorsement) -> None:
    assert endorsement["version"] == "1.5"
    assert endorsement["refresh"]["action"] == {
        "type": "Action.Execute",
        "verb": "vote-refresh",
        "data": {"proposal": 1, "tansiqCommunity": 1},  # a card in a 1:1 chat carries its community
    }
    assert set(endorsement["refresh"]["userIds"]) == {"29:1leila", "29:1omar", "29:1sami"}
    assert [(a["verb"], a["data"].get("choice")) for a in endorsement["actions"]] == [
        ("vote", "endorse"),
        ("vote", "object"),
        ("vote", "abstain"),
        ("vote-close", None),
    ]
    assert any(element.get("id") == "comment" for element in endorsement["body"])
    assert "Endorsement #1 is open and posted to the channel." in texts(endorsement)


async def test_a_member_answers_and_the_card_updates_in_place(bot, endorsement) -> None:
    status, body = await bot.post(press(bot, OMAR, "vote", {"proposal": 1, "choice": "object", "comment": "فقرة ٤"}))
    assert status == 200 and body["statusCode"] == 200 and body["type"] == CARD
    card = body["value"]
    assert card["rtl"] is True  # Omar reads Arabic
    shown = texts(card)
    assert "سُجّلت إجابتك" in shown and "إجابتك: أعترض — «فقرة ٤»" in shown
    assert "أعترض: ١ — Omar Khalil" in "\n".join(f"{f['title']}: {f['value']}" for f in card["body"][4]["facts"])
    assert [a["verb"] for a in card["actions"]] == ["vote", "vote", "vote"]  # no Close button for a member

    _, body = await bot.post(press(bot, OMAR, "vote", {"proposal": 1, "choice": "endorse", "comment": ""}))
    assert "تغيّرت إجابتك" in texts(body["value"]) and "إجابتك: أؤيد" in texts(body["value"])

    _, body = await bot.post(press(bot, SAMI, "vote-refresh", {"proposal": 1}))
    assert body["type"] == CARD and "You have not answered yet." in texts(body["value"])
    assert "Endorse: 1 — Omar Khalil" in texts(body["value"])


async def test_two_presses_at_once_leave_one_answer(bot, endorsement, sessions) -> None:
    answers = await asyncio.gather(
        *(bot.post(press(bot, SAMI, "vote", {"proposal": 1, "choice": choice})) for choice in ("endorse", "abstain"))
    )
    assert all(status == 200 and body["type"] == CARD for status, body in answers)
    async with sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(Vote))
    assert rows == 1


async def test_a_facilitator_closes_it_and_a_late_press_sees_the_result(bot, endorsement) -> None:
    await bot.post(press(bot, OMAR, "vote", {"proposal": 1, "choice": "endorse"}))
    _, body = await bot.post(press(bot, LEILA, "vote-close", {"proposal": 1}))
    closed = texts(body["value"])
    assert "Endorsement #1 is closed. The result:" in closed and "Endorsed: recorded as decision #1." in closed
    assert body["value"]["actions"] == []
    _, body = await bot.post(press(bot, SAMI, "vote", {"proposal": 1, "choice": "object"}))
    assert body["type"] == CARD and "Endorsement #1 has closed; your answer was not recorded." in texts(body["value"])


async def test_a_poll_answers_with_its_options_input(bot) -> None:
    await bot.install()
    card = await opened(bot, "poll Where should the face-to-face meeting be? | Amman | Beirut | Cairo | anonymous")
    [options] = [element for element in card["body"] if element.get("id") == "choice"]
    assert [choice["title"] for choice in options["choices"]] == ["Amman", "Beirut", "Cairo"]
    _, body = await bot.post(press(bot, SAMI, "vote", {"proposal": 1, "choice": "2"}))
    assert "Your answer: Beirut" in texts(body["value"]) and "Sami" not in texts(body["value"])
    [options] = [element for element in body["value"]["body"] if element.get("id") == "choice"]
    assert options["value"] == "2"  # his answer is preselected when he comes back
    _, body = await bot.post(press(bot, SAMI, "vote", {"proposal": 1}))
    assert body["type"] == MESSAGE and "Choose an option first." in body["value"]


async def test_a_stranger_cannot_answer(bot, endorsement, sessions) -> None:
    stranger = {"id": "29:1stranger", "name": "Stranger", "aadObjectId": "ffffffff-0000-4000-8000-000000000009"}
    status, body = await bot.post(press(bot, stranger, "vote", {"proposal": 1, "choice": "endorse"}))
    assert status == 200 and body["type"] == MESSAGE and "not on its member list" in body["value"]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Vote)) == 0
