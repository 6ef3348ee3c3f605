"""Meeting files over real HTTP: the .ics behind a meeting card's link, and minutes as Markdown and Word."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import docx
from dateutil.rrule import rrulestr
from icalendar import Calendar

from bot.i18n import plain
from tests.server import card_texts

LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"


async def say(bot, text: str, *, fixture: str = "personal_message_en") -> dict[str, Any]:
    replies = await bot.replies(bot.activity(fixture, text=text))
    return replies[0]


async def fetch(bot, url: str) -> tuple[int, str, bytes]:
    async with aiohttp.ClientSession() as http, http.get(bot.server.make_url(urlsplit(url).path)) as response:
        return response.status, response.content_type, await response.read()


def buttons(reply: dict[str, Any]) -> dict[str, str]:
    return {plain(action["title"]): action["url"] for action in reply["attachments"][0]["content"]["actions"]}


async def test_the_calendar_file_round_trips_times_rule_and_link(bot) -> None:
    await bot.install()
    reply = await say(bot, f"meeting add Monthly follow-up | 2026-12-03 10:00 | every month | {LINK}")
    calendar_url = buttons(reply)["Add to calendar (.ics)"]
    assert calendar_url.startswith("http://127.0.0.1") and calendar_url.endswith(".ics")
    await say(bot, "meeting cancel 1 | 3 January")

    status, content_type, body = await fetch(bot, calendar_url)
    assert status == 200 and content_type == "text/calendar"
    [event] = Calendar.from_ical(body).walk("VEVENT")
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (10, 0, "Asia/Beirut")
    assert (event.decoded("DTEND") - start).total_seconds() == 3600
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert LINK in str(event["URL"]) and LINK in str(event["DESCRIPTION"])
    excluded = [d.dt.astimezone(UTC) for d in event["EXDATE"].dts]
    assert excluded == [datetime(2027, 1, 3, 8, 0, tzinfo=UTC)]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    assert [d.month for d in rule[:3]] == [12, 1, 2]

    status, _, _ = await fetch(bot, calendar_url.replace(".ics", "x.ics"))
    assert status == 404


async def test_published_minutes_download_as_markdown_and_word(bot, clock) -> None:
    await bot.install()
    await say(bot, "meeting add Monthly follow-up | 2026-11-24 12:00")
    await say(bot, "agenda add Flood early-warning triggers")
    await say(bot, "agenda add Staff security | | confidential")
    await say(bot, "agenda accept 1")
    clock.advance(hours=1)
    await say(bot, "decision add Adopt the shared thresholds | item 1")
    await say(bot, "meeting close 1")
    published = await say(bot, "minutes publish 1")
    assert "The minutes are published." in card_texts(published)
    links = buttons(published)

    status, content_type, body = await fetch(bot, links["Download (Markdown)"])
    markdown = body.decode()
    assert status == 200 and content_type == "text/markdown"
    assert "Flood early-warning triggers" in markdown and "Adopt the shared thresholds" in markdown
    assert "Staff security" not in markdown

    status, content_type, body = await fetch(bot, links["Download (Word)"])
    assert status == 200 and content_type.endswith("wordprocessingml.document")
    document = docx.Document(io.BytesIO(body))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Minutes: Monthly follow-up")
    assert [h.split(" (")[0] for h in headings[1:]] == ["Attendees", "Agenda", "Decisions", "Action points"]
    assert "Staff security" not in "\n".join(p.text for p in document.paragraphs)

    arabic = await say(bot, "محضر ١", fixture="personal_message_ar")
    status, _, body = await fetch(bot, buttons(arabic)["تنزيل (Word)"])
    paragraphs = docx.Document(io.BytesIO(body)).paragraphs
    assert status == 200 and any("محضر" in p.text for p in paragraphs)
    assert all(p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None for p in paragraphs)


async def test_minutes_published_from_the_channel_are_posted_there_once(bot, clock) -> None:
    await bot.install()
    await say(bot, "meeting add Monthly follow-up | 2026-11-24 12:00")
    clock.advance(hours=1)
    await say(bot, "meeting close 1")
    replies = await bot.replies(bot.activity("channel_message_mention", text="<at>Tansiq</at> minutes publish 1"))
    assert [card_texts(reply) for reply in replies] == ["The minutes are published."]  # a line, not the card
