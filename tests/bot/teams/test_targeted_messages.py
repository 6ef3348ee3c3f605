"""Commands picked from Teams' `/` menu arrive as targeted messages (private between a member and the bot, inside a
channel or group chat) and are answered privately; slow turns show 'typing…'. Real activities through the real
server; what the bot posts is read at the fake Bot Connector, with the query string Teams would see."""

from __future__ import annotations

from typing import Any

from tests.fake_connector import Posted
from tests.server import OMAR, SAMI, serve, settings_for


def targeted(bot: Any, text: str, *, sender: dict[str, Any] = OMAR, **changes: Any) -> dict[str, Any]:
    """Omar (or `sender`) picks a command from the `/` menu in General."""
    return bot.activity(
        "channel_slash_command", text=text, **{"from": {k: sender[k] for k in ("id", "name", "aadObjectId")}, **changes}
    )


def private_to(posted: Posted, person: dict[str, Any], answering: dict[str, Any]) -> bool:
    """The post is a targeted answer to `answering`, seen by `person` alone."""
    activity = posted.activity
    info = [e for e in activity.get("entities", []) if e.get("type") == "targetedMessageInfo"]
    return (
        posted.targeted
        and activity["recipient"]["id"] == person["id"]
        and activity["recipient"].get("isTargeted") is True
        and [e["messageId"] for e in info] == [answering["id"]]
        and posted.conversation_id == answering["conversation"]["id"]
    )


async def test_a_slash_command_in_the_channel_is_answered_to_its_sender_alone(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    ask = targeted(bot, "help")
    status, _ = await bot.post(ask)
    assert status in (200, 202)
    assert connector.posted and all(private_to(p, OMAR, ask) for p in connector.posted)
    answer, notice = connector.posted  # his first turn: what is kept about him, told to him alone
    assert "What you can ask Tansiq" in answer.text
    assert "meeting add" not in answer.text  # Omar's own help: a member's commands
    assert "`forget me` erases it" in notice.text


async def test_an_arabic_slash_command_is_answered_privately_in_arabic(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    ask = targeted(bot, "مساعدة", locale="ar-SA")
    await bot.post(ask)
    assert connector.posted and all(private_to(p, OMAR, ask) for p in connector.posted)
    assert "ما يمكنك طلبه من تنسيق" in connector.posted[0].text


async def test_a_private_question_gets_the_private_answer(bot, connector) -> None:
    """`mydata` asked with an @mention in the channel goes to the 1:1 chat; asked privately it is answered there."""
    await bot.install()
    connector.posted.clear()
    aloud = bot.activity("channel_message_mention", text="<at>Tansiq</at> mydata")
    await bot.post({**aloud, "from": {k: OMAR[k] for k in ("id", "name", "aadObjectId")}})
    assert [p.targeted for p in connector.posted] == [False]
    assert "I have sent it to our 1:1 chat" in connector.posted[0].text
    connector.posted.clear()
    ask = targeted(bot, "mydata")
    await bot.post(ask)
    assert connector.posted and all(private_to(p, OMAR, ask) for p in connector.posted)
    assert "What I keep about Omar Khalil" in connector.posted[0].text


async def test_a_targeted_answer_in_the_response_body_is_marked_private(bot) -> None:
    """A local client (the Agents Playground) reads the answers from the HTTP response: they carry the mark too."""
    await bot.install()
    ask = targeted(bot, "help")
    replies = await bot.replies(ask)
    assert replies[0]["recipient"]["id"] == OMAR["id"] and replies[0]["recipient"]["isTargeted"] is True
    assert {"type": "activityTreatment", "treatment": "targeted"} in replies[0]["entities"]


async def test_a_stranger_picking_a_slash_command_is_refused_privately(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    stranger = {"id": "29:1stranger", "name": "Nour Stranger", "aadObjectId": "a1a1a1a1-0000-4000-8000-0000000000ff"}
    ask = targeted(bot, "help", sender=stranger)
    await bot.post(ask)
    assert len(connector.posted) == 1 and private_to(connector.posted[0], stranger, ask)
    assert "What you can ask" not in connector.posted[0].text


async def test_a_guest_gets_a_private_refusal_for_a_facilitators_command(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    ask = targeted(bot, "meeting add Plenary | 2025-04-01 10:00", sender=SAMI)
    await bot.post(ask)
    assert connector.posted and all(private_to(p, SAMI, ask) for p in connector.posted)
    assert "facilitator" in connector.posted[0].text.casefold()


async def test_a_slow_turn_shows_typing_before_its_answer(engine, database_url, tmp_path, connector, clock) -> None:
    """With 'typing…' due at once, the member's 1:1 chat gets it, and the answer; never in the response body,
    in the channel, or for a private question."""
    async with serve(settings_for(database_url, tmp_path, typing_after_ms=0), connector, clock) as bot:
        await bot.install()
        connector.posted.clear()
        ask = bot.activity("personal_message_en")
        await bot.post(ask)
        kinds = [p.activity["type"] for p in connector.posted if p.conversation_id == ask["conversation"]["id"]]
        assert kinds.count("typing") == 1 and "message" in kinds
        replies = await bot.replies(bot.activity("personal_message_en"))
        assert {r["type"] for r in replies} == {"message"}
        for quiet in (bot.activity("channel_message_mention"), targeted(bot, "help")):
            connector.posted.clear()
            await bot.post(quiet)
            assert {p.activity["type"] for p in connector.posted} == {"message"}
