"""A meeting named in both languages ("Monthly follow-up · اجتماع المتابعة الشهري"): a sentence names it in the
reader's language only; a card's heading shows the reader's part, and the other language on a line of its own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.chat import Chat, converse
from tests.fakes import FakeClock

SERIES = "Monthly follow-up · اجتماع المتابعة الشهري"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    said = await chat.say(f"meeting add {SERIES} | 2026-12-03 10:00 | every month", as_="facilitator")
    assert said.key == "meeting-added", said.text
    return chat


def texts(card: dict[str, Any]) -> list[str]:
    return [block["text"] for block in card["body"] if block.get("type") == "TextBlock"]


async def test_a_sentence_names_the_meeting_in_the_readers_language(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("facilitator", "agenda add Shared 4W template", "agenda-item-added", "proposed for Monthly follow-up ("),
            ("member", "جدول إضافة تحديث مجموعة النقد", "agenda-item-added", "لـاجتماع المتابعة الشهري ("),
        ],
    )
    english = await chat.say("agenda add Cash transfer update", as_="facilitator")
    assert "اجتماع المتابعة" not in english.text
    arabic = await chat.say("جدول إضافة خرائط المخاطر", as_="member")
    assert "Monthly follow-up" not in arabic.text


@pytest.mark.parametrize(
    "lang, own, other",
    [("en", "Monthly follow-up", "اجتماع المتابعة الشهري"), ("ar", "اجتماع المتابعة الشهري", "Monthly follow-up")],
)
async def test_a_heading_shows_each_language_on_its_own_line(chat: Chat, lang: str, own: str, other: str) -> None:
    for command in ("meeting 1", "agenda"):
        reply = (await chat.say(command, as_="facilitator")).replies[0]
        lines = texts(chat.renderer.card(reply, lang=lang, zone="Asia/Beirut"))
        heading = next(i for i, line in enumerate(lines) if own in line)
        assert other not in lines[heading], (command, lines[heading])
        assert lines[heading + 1] == f"\u2068{other}\u2069", (command, lines[: heading + 2])
