"""Command words in English and Arabic, with or without '/', and suggestions for near misses."""

from __future__ import annotations

import pytest

from dialogs.common.arabic import without_marks
from dialogs.common.commands import command_words
from dialogs.common.text import fold, parse_number
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
    # bidi and zero-width marks are no part of a command word (issue #16); the rest keeps them
    ("\u200fمساعدة", "help", ""),
    ("\u061cمساعدة\u200f", "help", ""),
    ("\u200f/help", "help", ""),
    ("/\u200e help", "help", ""),
    ("\u2067help\u2069", "help", ""),
    ("he\u200blp", "help", ""),
    ("\ufeffwhoami", "whoami", ""),
    ("\u200f \u200f lang ar", "lang", "ar"),
    ("من\u200c أنا", "whoami", ""),
    ("\u200fلغة \u200fالعربية", "lang", "\u200fالعربية"),
    ("action add \u200fمشاركة البيانات\u200f | me", "action", "add \u200fمشاركة البيانات\u200f | me"),
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


@pytest.mark.parametrize("text", ["\u200f", "\u200e \u2069", "\u200f\u200b"])
def test_marks_alone_are_no_command(text: str) -> None:
    assert REGISTRY.parse(text) is None


def test_a_slash_before_marks_alone_is_an_unknown_command() -> None:
    command = REGISTRY.parse("/\u200f")
    assert command is not None and command.name == "unknown"


def test_command_words_keep_the_rest_as_written() -> None:
    said = command_words("  \u200f/ACTION \u200f  add   x\u200f  |  me ")
    assert said.slash and said.words == ("ACTION", "add", "x", "|", "me")
    assert said.rest(1) == "\u200f  add   x\u200f  |  me"
    assert said.rest(2) == "x\u200f  |  me"
    assert said.rest(9) == ""
    assert without_marks("a\u200fb\u2066c\ufeff") == "abc"


def test_marks_a_right_to_left_keyboard_adds_do_not_change_an_argument() -> None:
    # "action done ‏٣" typed on an Arabic keyboard: the mark before the number is invisible to the member
    assert parse_number("\u200f٣\u200e") == 3 and parse_number("#\u2067١٢\u2069") == 12
    assert fold("\u200fنعم\u061c") == fold("نعم") and fold("Group\u200e A") == fold("group a")
