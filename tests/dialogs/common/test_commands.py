"""Command words in English and Arabic, with or without '/', and suggestions for near misses."""

from __future__ import annotations

import pytest

from dialogs.features import build_registry
from tests.chat import Chat

REGISTRY = build_registry()

PARSED = [
    ("help", "help", ""),
    ("/help", "help", ""),
    ("  /  HELP  ", "help", ""),
    ("مساعدة", "help", ""),
    ("مُساعَدة", "help", ""),  # with diacritics
    ("مسـاعدة", "help", ""),  # with tatweel
    ("/مساعده", "help", ""),  # ha for ta marbuta
    ("lang ar", "lang", "ar"),
    ("لغة الإنجليزية", "lang", "الإنجليزية"),
    ("tz Asia/Amman", "tz", "Asia/Amman"),
    ("المنطقة الزمنية Asia/Riyadh", "tz", "Asia/Riyadh"),
    ("who am i", "whoami", ""),
    ("من انا", "whoami", ""),
    ("members ٢", "members", "٢"),
    ("role <at>Omar</at> facilitator", "role", "<at>Omar</at> facilitator"),
    ("دور <at>عمر</at> ميسر", "role", "<at>عمر</at> ميسر"),
]


@pytest.mark.parametrize("text, name, args", PARSED)
def test_commands_are_recognised(text: str, name: str, args: str) -> None:
    command = REGISTRY.parse(text)
    assert command is not None and (command.name, command.args) == (name, args)


async def test_arabic_indic_digits_are_read_as_numbers(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    said = await chat.say("الأعضاء ١٢", as_="member")
    assert said.key == "members-page-unknown" and said.replies[0].args["page"] == 12


@pytest.mark.parametrize(
    "text, suggestion",
    [("hlep", "help"), ("/membres", "members"), ("whoamii", "whoami"), ("/مساعدت", "help"), ("/xyzzy", None)],
)
def test_near_misses_get_a_suggestion(text: str, suggestion: str | None) -> None:
    command = REGISTRY.parse(text)
    assert command is not None and command.name == "unknown" and command.suggestion == suggestion


@pytest.mark.parametrize("text", ["When is the next plenary?", "متى موعد الاجتماع القادم للمجموعة؟", "", "   "])
def test_free_text_is_no_command(text: str) -> None:
    assert REGISTRY.parse(text) is None


def test_every_command_has_an_english_and_an_arabic_word() -> None:
    for spec in REGISTRY.commands.values():
        assert any(word.isascii() for word in spec.words), spec.name
        assert any(not word.isascii() for word in spec.words), spec.name
