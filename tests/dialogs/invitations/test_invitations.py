"""Calendar invitations end to end: facilitators plan, move and cancel meetings in the conversation; the dispatcher
e-mails an iTIP .ics (REQUEST, its updates, CANCEL) through a real SMTP server on loopback to the members who chose
invitations and may see the meeting; what arrives is read back and its calendar part parsed by icalendar and by
vobject."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import vobject
from icalendar import Calendar

from bot.i18n import plain
from tests.bot.mail.smtp import LoopbackSmtp, parts
from tests.bot.mail.world import EMAILS, run_until, said
from tests.chat import Chat

BEIRUT = ZoneInfo("Asia/Beirut")
KIND = "meeting-invitation"


@dataclass(frozen=True)
class Invite:
    """One invitation mail: its subject, plain text and calendar part, as both parsers read it."""

    subject: str
    text: str
    content_type: str
    method: str
    ical: Calendar
    vcal: vobject.base.Component


def invites(smtp: LoopbackSmtp, who: str) -> list[Invite]:
    """The invitation mails `who` received, in order."""
    return [_read(mail) for mail in smtp.to(EMAILS[who]) if mail["X-Tansiq-Kind"] == KIND]


def _read(mail: EmailMessage) -> Invite:
    calendar = [part for part in mail.walk() if part.get_content_type() == "text/calendar"]
    assert len(calendar) == 1, [part.get_content_type() for part in mail.walk()]
    assert mail.get_content_type() == "multipart/alternative"  # text, HTML, then the invitation (what Outlook shows)
    ics = str(calendar[0].get_content())
    return Invite(
        subject=plain(str(mail["Subject"])),
        text=plain(parts(mail)[0]),
        content_type=f"{calendar[0].get_content_type()}; charset={calendar[0].get_content_charset()}",
        method=str(calendar[0].get_param("method")),
        ical=Calendar.from_ical(ics),
        vcal=vobject.readOne(ics),
    )


def events(invite: Invite) -> list[tuple[str, int, datetime, datetime | None, str]]:
    """Each VEVENT as (UID, SEQUENCE, DTSTART, RECURRENCE-ID, STATUS), read by icalendar; vobject must read the
    same."""
    read = [
        (
            str(event["uid"]),
            int(event["sequence"]),
            event.decoded("dtstart"),
            event.decoded("recurrence-id") if "recurrence-id" in event else None,
            str(event["status"]),
        )
        for event in invite.ical.walk("VEVENT")
    ]
    other = [
        (
            event.uid.value,
            int(event.sequence.value),
            event.dtstart.value,
            event.recurrence_id.value if hasattr(event, "recurrence_id") else None,
            event.status.value,
        )
        for event in invite.vcal.vevent_list
    ]
    assert read == other
    assert str(invite.ical["method"]) == invite.vcal.method.value == invite.method
    return read


def beirut(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIRUT)


async def choose_invitations(chat: Chat) -> None:
    """Omar (Arabic) and Leila (English) chose invitations by e-mail; Amal did not."""
    await said(chat, "member", "الإشعارات الدعوات تشغيل")
    await said(chat, "facilitator", "notify invitations on")


async def sent(sender, clock) -> None:
    await run_until(sender, clock, clock.now)


async def test_request_update_and_cancel_arrive_as_calendar_parts(chat, smtp, sender, clock) -> None:
    await choose_invitations(chat)
    await said(chat, "facilitator", "meeting add Flood triggers · محفزات الفيضانات | 2026-12-01 10:00 | UN House")
    await sent(sender, clock)
    await said(chat, "facilitator", "meeting move 1 | 2026-12-02 11:30")
    await sent(sender, clock)
    await said(chat, "facilitator", "meeting cancel 1")
    await sent(sender, clock)
    await sent(sender, clock)  # (nothing twice)

    assert invites(smtp, "admin") == []  # Amal did not choose invitations
    for who in ("member", "facilitator"):
        request, update, cancel = invites(smtp, who)
        assert [invite.method for invite in (request, update, cancel)] == ["REQUEST", "REQUEST", "CANCEL"]
        assert request.content_type == cancel.content_type == "text/calendar; charset=utf-8"
        (uid, sequence, start, recurrence, status), *others = events(request)
        assert (sequence, start, recurrence, status, others) == (0, beirut(2026, 12, 1, 10), None, "CONFIRMED", [])
        assert [event[:4] for event in events(update)] == [(uid, 1, beirut(2026, 12, 2, 11, 30), None)]
        assert [event for event in events(cancel)] == [(uid, 2, beirut(2026, 12, 2, 11, 30), None, "CANCELLED")]
        for invite in (request, update, cancel):
            event = invite.ical.walk("VEVENT")[0]
            assert str(event["attendee"]) == f"mailto:{EMAILS[who]}"
            assert str(event["organizer"]) == f"mailto:{EMAILS['facilitator']}"
            assert str(event["location"]) == "UN House"

    omar, leila = invites(smtp, "member"), invites(smtp, "facilitator")
    assert [invite.subject for invite in leila] == [
        "MENA AA CoP: Invitation: meeting #1 “Flood triggers”, Dec 1, 2026, 10:00 AM",
        "MENA AA CoP: Changed: meeting #1 “Flood triggers”, now Dec 2, 2026, 11:30 AM",
        "MENA AA CoP: Cancelled: meeting #1 “Flood triggers”, Dec 2, 2026, 11:30 AM",
    ]
    assert [invite.subject.split("،")[0] for invite in omar] == [
        "MENA AA CoP: دعوة: الاجتماع رقم ١ «محفزات الفيضانات»",
        "MENA AA CoP: تعديل: الاجتماع رقم ١ «محفزات الفيضانات»",
        "MENA AA CoP: إلغاء: الاجتماع رقم ١ «محفزات الفيضانات»",
    ]
    assert "The calendar invitation is attached" in leila[0].text and "Where: UN House" in leila[0].text
    assert "دعوة التقويم مرفقة" in omar[0].text and "المكان: UN House" in omar[0].text
    assert "removes it from your calendar" in leila[2].text and "الإلغاء المرفق يحذفه من تقويمك" in omar[2].text


async def test_a_series_is_one_uid_with_overrides_per_occurrence(chat, smtp, sender, clock) -> None:
    await choose_invitations(chat)
    await said(chat, "facilitator", "meeting add Weekly sync | 2026-12-01 10:00 | every week")
    await said(chat, "facilitator", "meeting move 1 | 2026-12-02 10:00")  # the next one only
    await said(chat, "facilitator", "meeting cancel 1 | 2026-12-08")  # another one
    await sent(sender, clock)
    moved, cancelled_one = invites(smtp, "facilitator")  # (the first invitation was superseded before it went)
    series, override = events(moved)  # as the meeting is when sent: its SEQUENCE then, both changes in it
    assert series[1:4] == (2, beirut(2026, 12, 1, 10), None)
    assert override == (series[0], 2, beirut(2026, 12, 2, 10), beirut(2026, 12, 1, 10), "CONFIRMED")
    master = moved.ical.walk("VEVENT")[0]
    assert "FREQ=WEEKLY" in master["rrule"].to_ical().decode()
    assert [moment.dt for moment in master["exdate"].dts] == [beirut(2026, 12, 8, 10)]
    assert cancelled_one.method == "CANCEL"
    assert events(cancelled_one) == [(series[0], 2, beirut(2026, 12, 8, 10), beirut(2026, 12, 8, 10), "CANCELLED")]

    await said(chat, "facilitator", "meeting cancel 1 | all")
    await sent(sender, clock)
    whole = invites(smtp, "facilitator")[-1]
    assert whole.method == "CANCEL" and "The whole series is cancelled." in whole.text
    ((uid, sequence, _, recurrence, status),) = events(whole)
    assert (uid, sequence, recurrence, status) == (series[0], 3, None, "CANCELLED")


async def test_only_those_who_may_see_a_working_groups_meeting_receive_it(chat, smtp, sender, clock) -> None:
    await choose_invitations(chat)
    await said(chat, "admin", "notify invitations on")
    await said(chat, "facilitator", "group add WASH Aleppo | Water trucking")
    await said(chat, "facilitator", "meeting add WASH follow-up | 2026-12-01 10:00 | group WASH Aleppo")
    await sent(sender, clock)
    assert invites(smtp, "member") == []  # Omar is not in the group
    assert [len(invites(smtp, who)) for who in ("admin", "facilitator")] == [1, 1]  # the facilitators see it

    await said(chat, "facilitator", "group join WASH Aleppo <at>عمر خليل</at>")
    await said(chat, "facilitator", "meeting move 1 | 2026-12-03 10:00")
    await said(chat, "member", "الإشعارات الدعوات إيقاف")  # …but Omar turned invitations off meanwhile
    await sent(sender, clock)
    assert invites(smtp, "member") == []
    await said(chat, "member", "الإشعارات الدعوات تشغيل")
    await said(chat, "facilitator", "meeting move 1 | 2026-12-04 10:00")
    await sent(sender, clock)
    (update,) = invites(smtp, "member")
    assert events(update)[0][1:3] == (2, beirut(2026, 12, 4, 10))
    assert [len(invites(smtp, who)) for who in ("admin", "facilitator")] == [3, 3]
    assert datetime(2026, 12, 4, 8, tzinfo=UTC) == events(update)[0][2]
