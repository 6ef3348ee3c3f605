"""The unsubscribe link of every mail, followed over HTTP from the bot's real server without signing in: that topic
stops by e-mail (the others go on), a page says so in the member's language first, and a forged link changes
nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import aiohttp
import pytest

from bot.settings import Settings
from tests.bot.mail.smtp import parts
from tests.bot.mail.world import EMAILS, SECRET, dispatcher, mailer, run_until, said
from tests.server import settings_for

LINK = re.compile(r"http://\S+/unsubscribe/\S+")


@pytest.fixture
def bot_settings(engine, database_url: str, tmp_path) -> Settings:
    """The app signs and reads links with the key the tests' mailer signs them with."""
    return settings_for(database_url, tmp_path, link_secret=SECRET.decode())


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, await response.text()


async def post(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.post(url, data="List-Unsubscribe=One-Click") as response:
        return response.status, await response.text()


async def test_the_link_stops_that_topic_by_email(bot, chat, smtp, clock, sleep) -> None:
    await said(chat, "facilitator", "action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03")
    await said(chat, "member", "الإشعارات التذكيرات تشغيل")
    await said(chat, "member", "الإشعارات الملخص تشغيل")
    sender = dispatcher(chat, clock, sleep, mailer(smtp, sleep, base=str(bot.server.make_url("")).rstrip("/")))
    await sender.replan_all()
    await run_until(sender, clock, datetime(2026, 12, 1, 12, tzinfo=UTC))
    [nudge] = [mail for mail in smtp.to(EMAILS["member"]) if mail["X-Tansiq-Kind"] == "action-due-soon"]
    text, page = parts(nudge)
    link = LINK.findall(text)[0]
    assert link in page and f"<{link}>" == nudge["List-Unsubscribe"]

    assert nudge["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"  # a mail client's one-click POST
    status, shown = await get(link)  # a mail scanner or a preview opens it: nothing changes yet
    assert status == 200 and shown.index('lang="ar"') < shown.index('lang="en"')  # Omar's language first
    assert '<form method="post">' in shown and "Stop these e-mails" in shown and "أوقف هذه الرسائل" in shown
    assert "بالبريد الإلكتروني" in (await chat.say("الإشعارات", as_="member")).text.split("التذكيرات الموجهة")[1]
    status, shown = await post(link)  # the button (or the one-click POST)
    assert status == 200 and shown.index('lang="ar"') < shown.index('lang="en"')
    assert "لن يصلك" in shown and "You will no longer receive" in shown and "Reminders to you" in shown
    choices = await chat.say("الإشعارات", as_="member")
    assert "التذكيرات الموجهة إليك (إجراءاتك، الاجتماعات، المحاضر): في Teams فقط" in choices.text
    assert "الملخص الأسبوعي والنشرة الشهرية: بالبريد الإلكتروني" in choices.text

    smtp.mails.clear()
    await sender.replan_all()  # (the hourly re-plan: next Monday's digest)
    await run_until(sender, clock, datetime(2026, 12, 16, 12, tzinfo=UTC))
    assert {mail["X-Tansiq-Kind"] for mail in smtp.to(EMAILS["member"])} == {"weekly-digest"}  # no more nudges

    forged = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    assert (await post(forged))[0] == 404
    status, shown = await get(forged)
    assert status == 404 and "This link is not valid" in shown and "هذا الرابط غير صالح" in shown
