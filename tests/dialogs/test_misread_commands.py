"""A question that starts with a command word is answered as a question, and the misread command leaves nothing."""

from __future__ import annotations

import pytest

from tests.chat import Chat


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


@pytest.mark.parametrize(
    "says",
    [
        "Working group meeting next week?",
        "vote on the ToR when?",
        "Poll results from last week?",
        "مجموعة العمل الخاصة بالمياه متى تجتمع؟",
    ],
)
async def test_a_question_starting_with_a_command_word_is_a_question(chat: Chat, says: str) -> None:
    said = await chat.say(says, as_="member")
    assert said.key.startswith(("question-", "fact-")), (says, said.key)


async def test_a_real_command_mistake_is_still_explained(chat: Chat) -> None:
    assert (await chat.say("group Nowhere", as_="member")).key == "group-unknown"
    assert (await chat.say("vote 9", as_="member")).key == "vote-unknown"


async def test_a_command_with_fields_is_never_taken_for_a_question(chat: Chat) -> None:
    said = await chat.say("faq add Is lunch provided? | Yes.", as_="member")
    assert said.key == "not-facilitator"
