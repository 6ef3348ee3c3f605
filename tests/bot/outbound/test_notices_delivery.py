"""Notices other features plan reach people through the same dispatcher: a member's question to the
facilitators and its answer, and an endorsement opened in the channel — each in the reader's language."""

from __future__ import annotations

from tests.server import LEILA, OMAR, TEAM, make_dispatcher

CHANNEL = TEAM  # the team's General channel has the team's id


async def test_a_question_reaches_the_facilitators_and_the_answer_reaches_the_asker(
    bot, sessions, clock, sleep
) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="whoami"))  # Leila (admin) has a 1:1 chat
    asked = await bot.replies(
        bot.activity("personal_message_ar", text="اسأل هل يمكن للشركاء من خارج المنطقة حضور الاجتماع العام؟")
    )
    assert asked
    dispatcher = make_dispatcher(sessions, clock, sleep)
    bot.connector.posted.clear()
    assert (await dispatcher.run_once()).sent >= 1
    leila_chat = bot.activity("personal_message_en")["conversation"]["id"]
    [ticket] = [p for p in bot.connector.posted if p.conversation_id == leila_chat]
    assert "هل يمكن للشركاء من خارج المنطقة حضور الاجتماع العام؟" in ticket.text
    assert LEILA["id"] == ticket.activity["recipient"]["id"]
    card = ticket.activity["attachments"][0]["content"]
    assert card["lang"] == "en" and any(action.get("type") == "Action.Execute" for action in card["actions"])

    await bot.replies(bot.activity("personal_message_en", text="answer 1 Yes, observers are welcome."))
    bot.connector.posted.clear()
    await dispatcher.run_once()
    omar_chat = bot.activity("personal_message_ar")["conversation"]["id"]
    [answer] = [p for p in bot.connector.posted if p.conversation_id == omar_chat]
    assert "Yes, observers are welcome." in answer.text
    assert answer.activity["attachments"][0]["content"].get("rtl") is True  # Omar reads Arabic
    assert OMAR["id"] == answer.activity["recipient"]["id"]


async def test_an_endorsement_is_posted_in_the_channel_with_its_buttons(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await bot.replies(
        bot.activity("personal_message_en", text="endorse The revised terms of reference | until 15 December 17:00")
    )
    bot.connector.posted.clear()
    await make_dispatcher(sessions, clock, sleep).run_once()
    [post] = [p for p in bot.connector.posted if p.conversation_id.startswith(CHANNEL)]
    assert "The revised terms of reference" in post.text
    verbs = {action.get("verb") for action in post.activity["attachments"][0]["content"]["actions"]}
    assert "vote" in verbs
