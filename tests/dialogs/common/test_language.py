"""Which language a member is answered in, and how Arabic text is shown."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import Catalogs, format_when, plain
from dialogs.common.language import pick_language


@pytest.mark.parametrize(
    "preference, locale, text, default, expected",
    [
        ("en", "ar-SA", "مساعدة", "ar", "en"),  # the member's own choice first
        (None, "ar-EG", "help", "en", "ar"),  # then the Teams locale
        (None, "en-US", "مساعدة", "ar", "en"),
        (None, "fr-FR", "مساعدة", "en", "ar"),  # then the script they write in
        (None, None, "what is on the agenda", "ar", "en"),
        (None, None, "123 !!", "en", "en"),  # then the community default
        (None, None, None, "ar", "ar"),
    ],
)
def test_language_choice_order(preference, locale, text, default, expected) -> None:
    assert pick_language(preference=preference, teams_locale=locale, text=text, community_default=default) == expected


def test_arabic_numbers_use_arabic_indic_digits_and_plural_forms() -> None:
    catalogs = Catalogs()
    shown = {n: plain(catalogs.text("ar", "members-title", count=n)) for n in (1, 2, 3, 11, 100)}
    assert shown == {
        1: "في المجتمع عضو واحد",
        2: "في المجتمع عضوان",
        3: "في المجتمع ٣ أعضاء",
        11: "في المجتمع ١١ عضوًا",
        100: "في المجتمع ١٠٠ عضو",
    }
    assert plain(catalogs.text("en", "members-title", count=1)) == "The community has 1 member"


def test_dates_in_the_members_zone_and_language() -> None:
    moment = datetime(2026, 12, 15, 11, 0, tzinfo=UTC)
    assert format_when(moment, lang="en", zone="Asia/Amman") == "Dec 15, 2026, 2:00\u202fPM"
    assert format_when(moment, lang="en", zone="Asia/Riyadh") == "Dec 15, 2026, 2:00\u202fPM"
    assert format_when(moment, lang="en", zone="Africa/Tunis") == "Dec 15, 2026, 12:00\u202fPM"
    arabic = format_when(moment, lang="ar", zone="Asia/Amman")
    assert "١٥" in arabic and "٢:٠٠" in arabic and "2" not in arabic


def test_mixed_text_keeps_bidi_isolation() -> None:
    text = Catalogs().text("ar", "role-set", name="Sami Nasser", role="facilitator", gender=None)
    assert "\u2068Sami Nasser\u2069" in text
