"""What becomes of a mail the server will not take: a server asking to try later is tried again, one refusing the
recipient is parked at once with its answer, one that cannot be reached is tried again later and then parked; the
facilitators see each in `reminders failed`, as a failed Teams send."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from dialogs.common import outbox
from storage.models import Notification
from tests.bot.mail.smtp import LoopbackSmtp, free_port
from tests.bot.mail.world import EMAILS, dispatcher, mailer, run_until, said
from tests.chat import Chat
from tests.fakes import FakeClock, RecordedSleep

DUE_SOON = datetime(2026, 12, 1, 12, tzinfo=UTC)  # Omar's action is due on 3 December: "due soon" on the 1st


async def copies(chat: Chat) -> list[Notification]:
    async with chat.sessions() as session:
        rows = await session.scalars(select(Notification).order_by(Notification.id))
        return [row for row in rows if row.payload.get("mail")]


async def omar_wants_nudges(chat: Chat) -> None:
    await said(chat, "facilitator", "action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03")
    await said(chat, "member", "الإشعارات التذكيرات تشغيل")


async def test_try_later_is_tried_again_and_a_refusal_is_parked_with_its_reason(
    chat: Chat, smtp: LoopbackSmtp, clock: FakeClock, sleep: RecordedSleep
) -> None:
    await omar_wants_nudges(chat)
    sender = dispatcher(chat, clock, sleep, mailer(smtp, sleep))
    smtp.refuse("451 4.3.0 Mailbox busy, try later")
    await run_until(sender, clock, DUE_SOON)
    assert [mail["X-Tansiq-Kind"] for mail in smtp.to(EMAILS["member"])] == ["action-due-soon"]  # on the second try
    assert len(sleep.waits) == 1

    smtp.refuse("550 5.1.1 No such user here")
    await run_until(sender, clock, datetime(2026, 12, 7, 12, tzinfo=UTC))  # the "overdue" nudge (after the weekend)
    assert len(smtp.mails) == 1
    [sent, refused] = await copies(chat)
    assert (sent.status, refused.status, refused.kind) == (outbox.SENT, outbox.PARKED, "action-overdue")
    assert refused.last_error == "mail-refused 550 5.1.1" and refused.attempts == 1  # not tried again
    failed = await chat.say("reminders failed", as_="facilitator")
    assert "550 5.1.1" in failed.text and "عمر خليل" in failed.text


async def test_a_server_out_of_reach_is_tried_again_then_parked(
    chat: Chat, smtp: LoopbackSmtp, clock: FakeClock, sleep: RecordedSleep
) -> None:
    await omar_wants_nudges(chat)
    sender = dispatcher(chat, clock, sleep, mailer(smtp, sleep, port=free_port()))  # nothing listens there
    await run_until(sender, clock, datetime(2026, 12, 2, 12, tzinfo=UTC))
    [copy] = await copies(chat)
    assert copy.status == outbox.PARKED and copy.last_error == "mail-unreachable"
    assert copy.attempts == 5 and len(sleep.waits) == 5 * 2  # 5 sends later, each tried 3 times (2 waits)
    assert smtp.mails == []
