"""Minutes summaries per language: an edit is kept in the language it is written in (or the one named), never
replacing the other's; each reader sees theirs, else the other one with a note saying so."""

from __future__ import annotations

import pytest

from tests.chat import Chat, converse
from tests.fakes import FakeClock

ENGLISH = "We agreed new flood thresholds."
ARABIC = "اتفقنا على عتبات جديدة للفيضانات."
TOO_LONG = "x" * 4100  # longer than a Teams message may be

WRITING = [
    ("facilitator", f"minutes edit 1 | {ENGLISH}", "minutes", "English summary of meeting #1 is saved", ENGLISH),
    ("facilitator", f"minutes edit 1 | {ARABIC}", "minutes", "The Arabic summary of meeting #1 is saved", ENGLISH),
    ("facilitator", "minutes 1", "minutes", f"Summary\n{ENGLISH}"),
    ("facilitator", "lang ar", "lang-set"),
    ("facilitator", "محضر ١", "minutes", f"الملخص\n{ARABIC}"),
    ("facilitator", "محضر تعديل ١ انجليزي | CAP 2027: دورة تدريبية", "minutes", "حُفظ الملخص الإنجليزي للاجتماع رقم ١"),
    ("facilitator", "محضر ١", "minutes", f"الملخص\n{ARABIC}"),
    ("facilitator", "lang en", "lang-set"),
    ("facilitator", "minutes 1", "minutes", "Summary\nCAP 2027: دورة تدريبية"),
    ("facilitator", f"minutes edit 1 en | {ENGLISH}", "minutes", "English summary", "the Arabic one is unchanged"),
    ("facilitator", "audit meetings", "audit", "edited minutes", "language: — → en", "language: — → ar"),
]
BAD_INPUT = [
    ("facilitator", "minutes edit 1 |", "minutes-summary-missing", "Write the summary after a bar"),
    ("facilitator", "minutes edit 1 fr | Bonjour", "minutes-summary-language-unknown", "“fr” is not a language"),
    ("facilitator", f"minutes edit 1 | {TOO_LONG}", "text-too-long", "too long (4,117 characters)"),
    ("facilitator", "lang ar", "lang-set"),
    ("facilitator", "محضر تعديل ١ |", "minutes-summary-missing", "اكتب الملخص بعد الشرطة العمودية"),
    ("facilitator", "محضر تعديل ١ فرنسي | مرحبا", "minutes-summary-language-unknown", "«فرنسي» ليست لغة للمحضر"),
    ("facilitator", f"محضر تعديل ١ | {TOO_LONG}", "text-too-long", "٤٬١١٥"),
    ("member", f"محضر تعديل ١ | {ARABIC}", "not-facilitator"),
]
READING = [
    # meeting 1 has both summaries, meeting 2 only the English one
    ("facilitator", f"minutes edit 1 | {ENGLISH}", "minutes"),
    ("facilitator", f"minutes edit 1 | {ARABIC}", "minutes"),
    ("facilitator", "minutes edit 2 | The group reviewed its vendors.", "minutes"),
    ("facilitator", "minutes 2", "minutes", "Summary\nThe group reviewed its vendors."),
    ("facilitator", "meeting close 1", "meeting-closed"),
    ("facilitator", "meeting close 2", "meeting-closed"),
    ("facilitator", "minutes publish 1", "minutes-published", f"Summary\n{ENGLISH}"),
    ("facilitator", "minutes publish 2", "minutes-published"),
    ("member", "محضر ١", "minutes", f"الملخص\n{ARABIC}"),
    ("guest", "minutes 1", "minutes", f"Summary\n{ENGLISH}"),
    ("guest", "lang ar", "lang-set"),
    ("guest", "minutes 1", "minutes", f"الملخص\n{ARABIC}"),
    ("member", "محضر ٢", "minutes", "الملخص (بالإنجليزية فقط)\nThe group reviewed its vendors."),
    ("facilitator", "minutes 2", "minutes", "Summary\nThe group reviewed its vendors."),
]


@pytest.fixture
async def held(sessions, clock: FakeClock) -> Chat:
    """Two meetings on 3 December, both started (the clock is at 10:45 in Beirut)."""
    chat = await Chat(sessions, clock).start()
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("meeting add Cash working group | 2026-12-03 10:30", as_="facilitator")
    clock.advance(days=9, hours=-1, minutes=45)  # 3 December 08:45 UTC = 10:45 Beirut
    return chat


async def test_each_language_has_its_own_summary(held: Chat) -> None:
    await converse(held, WRITING)
    english = await held.say("minutes 1", as_="facilitator")
    assert ENGLISH in english.text and ARABIC not in english.text and "CAP 2027" not in english.text


async def test_bad_summaries_are_refused_saying_how(held: Chat) -> None:
    await converse(held, BAD_INPUT)
    unchanged = await held.say("minutes 1", as_="facilitator")
    assert "\nالملخص\n" not in unchanged.text and "مرحبا" not in unchanged.text  # nothing was kept


async def test_every_reader_sees_the_summary_in_their_language(held: Chat) -> None:
    await converse(held, READING)
    arabic = await held.say("محضر ١", as_="member")
    assert ENGLISH not in arabic.text
    english = await held.say("minutes 1", as_="facilitator")
    assert ARABIC not in english.text


async def test_the_channel_post_shows_each_language_its_summary(held: Chat) -> None:
    await held.say(f"minutes edit 2 | {ARABIC}", as_="facilitator")
    await held.say("meeting close 2", as_="facilitator")
    published = await held.say("minutes publish 2", as_="facilitator")
    assert published.replies[0].to_channel is True
    posted = {
        lang: held.renderer.text(published.replies[0], lang=lang, zone="Asia/Beirut").replace("\u2068", "")
        for lang in ("ar", "en")
    }
    assert f"الملخص\n{ARABIC}" in posted["ar"]
    assert f"Summary (in Arabic only)\n{ARABIC}" in posted["en"]


async def test_questions_answered_from_minutes_show_the_readers_summary(held: Chat) -> None:
    await held.say("minutes edit 1 | The partners agreed to pilot cash pre-positioning in Hama.", as_="facilitator")
    await held.say("minutes edit 1 | اتفق الشركاء على تجربة التخزين المسبق للنقد في حماة.", as_="facilitator")
    await held.say("meeting close 1", as_="facilitator")
    await held.say("minutes publish 1", as_="facilitator")
    english = await held.say("where will cash pre-positioning be piloted?", as_="facilitator")
    assert "pilot cash pre-positioning in Hama" in english.text and "حماة" not in english.text
    arabic = await held.say("where will cash pre-positioning be piloted?", as_="member")  # reads Arabic
    assert "التخزين المسبق للنقد في حماة" in arabic.text and "in Hama" not in arabic.text
