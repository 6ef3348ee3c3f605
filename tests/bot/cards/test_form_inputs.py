"""The forms' date and time fields: Teams draws the picker in its own language, so while a field is empty it says,
in the reader's language and digits, what it expects (the issue: an Arabic form read `mm/dd/yyyy` and `10:00 AM`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


def dates_and_times(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in card["body"] if item["type"] in ("Input.Date", "Input.Time")}


@pytest.mark.parametrize(
    "lang, day, time",
    [
        ("en", "Pick a day (day/month/year, e.g. 15/01/2027)", "Pick a time (24-hour clock, e.g. 14:30)"),
        ("ar", "اختر اليوم (يوم/شهر/سنة، مثل ١٥/٠١/٢٠٢٧)", "اختر الوقت (بنظام ٢٤ ساعة، مثل ١٤:٣٠)"),
    ],
)
async def test_date_and_time_fields_say_what_they_expect_in_the_readers_language(
    chat: Chat, lang: str, day: str, time: str
) -> None:
    meeting_form = (await chat.say("meeting add", as_="facilitator")).replies[0]
    action_form = (await chat.say("action add", as_="facilitator")).replies[0]
    fields = dates_and_times(chat.renderer.card(meeting_form, lang=lang, zone="Asia/Beirut"))
    assert {name: field["placeholder"] for name, field in fields.items()} == {"day": day, "time": time}
    assert "value" not in fields["time"]  # an empty field shows the format; a preset 10:00 would read "10:00 AM"
    due = dates_and_times(chat.renderer.card(action_form, lang=lang, zone="Asia/Beirut"))["due"]
    assert due["placeholder"] == day
