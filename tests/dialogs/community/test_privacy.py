"""`privacy` / `الخصوصية`: what is stored, why, who sees it and for how long, from the community's real roster —
and the one line every member reads on their first turn, once."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from storage.models import Member
from tests.chat import Chat, converse
from tests.fakes import FakeClock

CONVERSATION = [
    ("facilitator", "privacy", "privacy", "Your data in MENA AA CoP", "Admins: Amal Zoubi. One facilitator."),
    ("facilitator", "privacy", "privacy", "(no e-mail: Teams did not give me one)", "Your working groups\nNone yet."),
    ("member", "الخصوصية", "privacy", "بياناتك في MENA AA CoP", "المشرفون: Amal Zoubi. ميسّر واحد."),
    ("member", "الخصوصية", "privacy", "والبنود السرية يراها الميسّرون فقط", "احذف بياناتي"),
    ("facilitator", "group add Cash | Cash transfers", "group-added"),
    ("member", "مجموعة انضمام Cash", "group-joined"),
    ("member", "خصوصيتي", "privacy", "مجموعات عملك\nCash"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_privacy_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_the_privacy_card_leads_to_erasing_only_after_confirming(chat: Chat) -> None:
    card = await chat.say("privacy", as_="guest")
    assert card.key == "privacy"
    asked = await chat.submit({"verb": "forget-ask"}, as_="guest")
    assert asked.key == "forget-confirm" and "محو بيانات Sami Nasser" in asked.text  # no locale: the community's


async def test_the_first_turn_says_once_what_is_kept(chat: Chat, sessions) -> None:
    async with sessions.begin() as session:
        await session.execute(update(Member).values(privacy_noted_at=None))
    refused = await chat.say("meeting cancel 9", as_="member")  # a turn that fails changes nothing, this neither
    assert [reply.key for reply in refused.replies] == ["not-facilitator"]
    first = await chat.say("من أنا", as_="member")
    assert [reply.key for reply in first.replies] == ["whoami", "privacy-first-turn"]
    assert "يحفظ تنسيق اسمك" in first.text and "`الخصوصية`" in first.text
    assert [reply.key for reply in (await chat.say("من أنا", as_="member")).replies] == ["whoami"]
    english = await chat.say("whoami", as_="facilitator")
    assert english.replies[-1].key == "privacy-first-turn" and "`forget me` erases it" in english.text
    pressed = await chat.press("action-refresh", {"action": 1}, as_="guest")  # a card's answer has no room for it
    assert "privacy-first-turn" not in [reply.key for reply in pressed.replies]
    assert (await chat.say("whoami", as_="guest")).replies[-1].key == "privacy-first-turn"
