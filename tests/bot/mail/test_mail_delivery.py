"""E-mail copies end to end: members choose with `notify`, the dispatcher sends each nudge and the weekly digest to
those who chose it, through a real SMTP server on loopback, in each reader's language; what arrives is read back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import plain
from storage.models import Notification
from tests.bot.mail.smtp import parts
from tests.bot.mail.world import EMAILS, dispatcher, mailer, run_until, said
from tests.chat import Chat

NUDGES = ("action-due-soon", "action-overdue", "action-overdue-weekly", "meeting-reminder", "minutes-nudge")


@pytest.fixture
async def planned(chat: Chat) -> Chat:
    """Omar (Arabic) and Leila (English) want nudges and the digest by e-mail, Amal (the admin, in Arabic) nudges
    only; a working group's meeting on 1 December (10:00 Beirut) and an action each, due on 3 December."""
    for who in ("member", "facilitator"):
        await said(chat, who, "notify nudges on" if who == "facilitator" else "الإشعارات التذكيرات تشغيل")
        await said(chat, who, "notify digest on" if who == "facilitator" else "الإشعارات الملخص تشغيل")
    await said(chat, "admin", "lang ar")
    await said(chat, "admin", "الإشعارات التذكيرات تشغيل")
    await said(chat, "facilitator", "group add WASH Aleppo | Water trucking")
    await said(chat, "facilitator", "group join WASH Aleppo <at>عمر خليل</at> <at>Leila Haddad</at>")
    await said(chat, "facilitator", "meeting add Follow-up · متابعة | 2026-12-01 10:00 | group WASH Aleppo")
    await said(chat, "facilitator", "action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03")
    await said(chat, "facilitator", "action add Send the report | <at>Leila Haddad</at> | 2026-12-03")
    return chat


async def test_each_kind_reaches_those_who_chose_it_in_their_language(planned, smtp, clock, sleep) -> None:
    sender = dispatcher(planned, clock, sleep, mailer(smtp, sleep))
    await sender.replan_all()  # the weekly digest
    await run_until(sender, clock, datetime(2026, 12, 1, 9, 0, tzinfo=UTC))  # the meeting was at 08:00 UTC
    await said(planned, "facilitator", "meeting close 1")
    await run_until(sender, clock, datetime(2026, 12, 16, 12, 0, tzinfo=UTC))

    received = {(str(mail["X-Tansiq-Kind"]), str(mail["To"]).rpartition("<")[2].rstrip(">")) for mail in smtp.mails}
    for kind in NUDGES:
        assert (kind, EMAILS["facilitator"]) in received, kind
        assert (kind, EMAILS["admin"] if kind == "minutes-nudge" else EMAILS["member"]) in received, kind
    assert ("weekly-digest", EMAILS["member"]) in received and ("weekly-digest", EMAILS["facilitator"]) in received
    assert ("weekly-digest", EMAILS["admin"]) not in received  # Amal chose nudges only

    for mail in smtp.mails:
        text, page = parts(mail)
        arabic = mail["Content-Language"] == "ar"
        assert ('dir="rtl"' in page and 'lang="ar"' in page) == arabic
        assert str(mail["Subject"]).startswith("MENA AA CoP: ") and len(str(mail["Subject"])) > len("MENA AA CoP: ")
        assert "http://127.0.0.1:9/unsubscribe/" in text and "/unsubscribe/" in str(mail["List-Unsubscribe"])
        assert ("تصلك هذه الرسالة لأنك اخترت" in text) == arabic
        assert ("You receive this e-mail because you chose" in text) == (not arabic)
    omar = [mail for mail in smtp.to(EMAILS["member"]) if mail["X-Tansiq-Kind"] == "action-due-soon"]
    leila = [mail for mail in smtp.to(EMAILS["facilitator"]) if mail["X-Tansiq-Kind"] == "action-due-soon"]
    assert len(omar) == len(leila) == 1  # once each, however many runs
    assert "موعد استحقاق الإجراء رقم ١ هو" in plain(parts(omar[0])[0]) and "Share the 4W data" in parts(omar[0])[1]
    assert "Action #2 is due on Dec 3, 2026" in plain(parts(leila[0])[0])


async def test_no_mail_without_choosing_and_none_when_not_configured(chat, smtp, clock, sleep) -> None:
    await said(chat, "facilitator", "action add Send the report | <at>Leila Haddad</at> | 2026-12-03")
    await said(chat, "facilitator", "action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03")
    await said(chat, "member", "الإشعارات التذكيرات تشغيل")
    await run_until(dispatcher(chat, clock, sleep, None), clock, datetime(2026, 12, 2, tzinfo=UTC))
    assert smtp.mails == []  # SMTP not configured: nothing, and no copies planned
    async with chat.sessions() as session:
        rows = list(await session.scalars(select(Notification)))
        assert not any(row.payload.get("mail") for row in rows)

    await run_until(dispatcher(chat, clock, sleep, mailer(smtp, sleep)), clock, datetime(2026, 12, 20, tzinfo=UTC))
    assert smtp.to(EMAILS["facilitator"]) == []  # Leila never chose e-mail
    assert {mail["X-Tansiq-Kind"] for mail in smtp.to(EMAILS["member"])} == {"action-overdue", "action-overdue-weekly"}
