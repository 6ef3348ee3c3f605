"""A member's own calendar (`weekend`, `working hours`), the community's Ramadan hours (`ramadan`) and Hijri dates
(`hijri`). Changing one's weekend or hours re-plans one's action nudges at once; `ramadan on|off` the community's."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.dates import read_day
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import arabic_digits, ascii_digits, fold, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.regional.calendar import (
    IFTAR_FROM,
    IFTAR_UNTIL,
    WEEKDAYS,
    WorkingCalendar,
    country_of_zone,
    country_weekend,
    holidays_between,
)
from dialogs.regional.hijri import hijri_of, ramadan_around
from dialogs.reminders import plans as reminder_plans
from dialogs.reminders.messages import DAY_WORDS
from storage import repositories as repo
from storage.models import Action, ActionOwner, ActionStatus, Community, Member

HOLIDAYS_AHEAD = timedelta(days=90)
"""How far ahead `weekend` lists the member's public holidays."""
_DEFAULT = ("default", "reset", "auto", "country", "افتراضي", "الافتراضي", "الافتراضية", "تلقائي", "إعادة")
_NONE = ("none", "no weekend", "لا شيء", "لا يوجد", "بدون", "لا عطلة")
_ON_OFF = {True: ("on", "yes", "تشغيل", "تفعيل", "نعم", "مفعل"), False: ("off", "no", "إيقاف", "ايقاف", "لا")}
_day_named = word_table(DAY_WORDS)
_switch = word_table(_ON_OFF)
_SEPARATORS = re.compile(r"[\s,،/&+]+|\band\b|(?<!\S)و(?=\S)")
_ARABIC_DAYS = dict(
    zip(WEEKDAYS, ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"), strict=True)
)
_ENGLISH_DAYS = dict(
    zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True)
)
_UNTIL = "|".join(re.escape(fold(word)) for word in ("-", "–", "to", "until", "إلى", "حتى"))
_HOURS = re.compile(rf"(\d{{1,2}})(?::(\d{{2}}))?\s*(?:{_UNTIL})\s*(\d{{1,2}})(?::(\d{{2}}))?")


def both(arabic: str, english: str) -> Title:
    """A value named in each reader's language (a message shows the reader's part)."""
    return Title(f"{arabic} · {english}")


def days_named(codes: tuple[str, ...] | list[str]) -> Title:
    """Weekday codes as each language names them ("السبت، الأحد · Saturday, Sunday")."""
    return both("، ".join(_ARABIC_DAYS[c] for c in codes) or "-", ", ".join(_ENGLISH_DAYS[c] for c in codes) or "-")


def country_named(country: str | None) -> Title:
    """A country as each language names it (CLDR); '-' when unknown."""
    if country is None:
        return Title("-")
    return both(Locale("ar").territories.get(country, country), Locale("en").territories.get(country, country))


# ---- weekend and working hours ------------------------------------------------------------------------------


async def weekend(turn: Turn, args: str) -> Reply:
    """`weekend` (show the member's calendar), `weekend sat sun`, `weekend none`, `weekend default`."""
    given = args.strip()
    if not given:
        return calendar_reply(turn)
    before = turn.member.weekend
    if fold(given) in {fold(word) for word in _DEFAULT}:
        turn.member.weekend = None
    elif fold(given) in {fold(word) for word in _NONE}:
        turn.member.weekend = []
    else:
        turn.member.weekend = _weekdays(given)
    await _member_changed(turn, "weekend", before, turn.member.weekend)
    calendar = _calendar(turn)
    own = turn.member.weekend is not None
    return Reply.of(
        "regional-weekend-set", days=days_named(calendar.weekend), count=len(calendar.weekend), own=str(own).lower()
    )


def _weekdays(given: str) -> list[str]:
    """Weekday codes in week order from 'sat sun', 'السبت والأحد', 'Fri, Sat'; UserError with examples otherwise."""
    words = [word for word in _SEPARATORS.split(given) if word]
    codes = [_day_named(word) for word in words]
    if not codes or None in codes or len(set(codes)) > 6:
        raise UserError("regional-weekend-usage", given=given[:40])
    return reminder_plans.weekday_codes(code for code in codes if code)


async def working_hours(turn: Turn, args: str) -> Reply:
    """`working hours` (show), `working hours 09:00-17:00`, `working hours default`."""
    given = args.strip()
    if not given:
        return calendar_reply(turn)
    before = turn.member.working_hours
    if fold(given) in {fold(word) for word in _DEFAULT}:
        turn.member.working_hours = None
    else:
        turn.member.working_hours = _hours(given)
    await _member_changed(turn, "working_hours", before, turn.member.working_hours)
    start, end = _hours_shown(turn)
    return Reply.of("regional-hours-set", start=start, end=end, own=str(turn.member.working_hours is not None).lower())


def _hours(given: str) -> list[str]:
    """['09:00', '17:00'] from '9-17', '09:00-17:00', '٩:٠٠ إلى ١٧:٠٠'; UserError with an example otherwise."""
    found = _HOURS.fullmatch(fold(ascii_digits(given)))
    if found is None:
        raise UserError("regional-hours-usage", given=given[:40])
    hour1, minute1, hour2, minute2 = (int(part or 0) for part in found.groups())
    if max(hour1, hour2) > 23 or max(minute1, minute2) > 59 or (hour1, minute1) >= (hour2, minute2):
        raise UserError("regional-hours-usage", given=given[:40])
    return [f"{hour1:02d}:{minute1:02d}", f"{hour2:02d}:{minute2:02d}"]


async def _member_changed(turn: Turn, field: str, before: object, after: object) -> None:
    """Audit the change and re-plan the member's action nudges by their new calendar."""
    repo.audit_member_change(
        turn.session, actor=turn.member, target=turn.member, field=field, before=before, after=after
    )
    await replan_nudges_of(turn.session, member=turn.member, community=turn.community, now=turn.now)


async def replan_nudges_of(session: AsyncSession, *, member: Member, community: Community, now: datetime) -> None:
    """Re-plan the nudges of the open, dated actions `member` owns (after their weekend, hours or zone changed)."""
    actions = await session.scalars(
        select(Action)
        .join(ActionOwner, ActionOwner.action_id == Action.id)
        .where(
            ActionOwner.member_id == member.id,
            Action.due_on.is_not(None),
            Action.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]),
        )
    )
    for action in actions:
        await reminder_plans.plan_action(session, action=action, community=community, now=now)


def _calendar(turn: Turn) -> WorkingCalendar:
    return reminder_plans.ReminderSettings.of(turn.community).calendar_of(turn.member, turn.community)


def _hours_shown(turn: Turn) -> tuple[time, time]:
    """The member's working hours, from and until (the times between which their nudges may come)."""
    quiet_from, quiet_until = _calendar(turn).quiet
    return quiet_until, quiet_from


def calendar_reply(turn: Turn) -> Reply:
    """The member's working calendar: weekend (and where it comes from), hours, country, coming public holidays,
    the community's Ramadan setting."""
    calendar = _calendar(turn)
    home = country_of_zone(turn.community.timezone)
    if turn.member.weekend is not None:
        source = "own"
    elif calendar.country != home and country_weekend(calendar.country or "") is not None:
        source = "country"
    else:
        source = "community"
    today = _today(turn)
    coming = holidays_between(calendar.country, today, today + HOLIDAYS_AHEAD) if calendar.country else []
    start, end = _hours_shown(turn)
    return Reply.of(
        "regional-calendar",
        days=days_named(calendar.weekend),
        count=len(calendar.weekend),
        source=source,
        country=country_named(calendar.country),
        start=start,
        end=end,
        hours_own=str(turn.member.working_hours is not None).lower(),
        holidays=_holiday_list(coming),
        holiday_count=len(coming),
        ramadan=str(calendar.ramadan).lower(),
    )


def _holiday_list(coming: list[tuple[date, Title]]) -> Title:
    """'١ يناير: رأس السنة؛ … · Jan 1: New Year's Day; …' (the reader's part is shown)."""
    arabic, english = [], []
    for day, name in coming:
        arabic_name, _, english_name = name.partition(" · ")
        arabic.append(f"{_format(day, 'ar')}: {arabic_name}")
        english.append(f"{_format(day, 'en')}: {english_name or arabic_name}")
    return both("؛ ".join(arabic), "; ".join(english)) if coming else Title("-")


def _format(day: date, lang: str) -> str:
    """'1 January' / '١ يناير'."""
    text = format_date(day, "d MMMM", locale=lang)
    return arabic_digits(text) if lang == "ar" else text


def _today(turn: Turn) -> date:
    return turn.now.astimezone(ZoneInfo(turn.zone)).date()


# ---- Ramadan ------------------------------------------------------------------------------------------------


async def ramadan(turn: Turn, args: str) -> Reply:
    """`ramadan` (show the setting and this or the next Ramadan's days), `ramadan on|off` (facilitators). A member's
    other words after it ("رمضان متى يبدأ") are a question its days answer; a facilitator's are told what to write."""
    given = args.strip()
    switch = _switch(given) if given else None
    if given and switch is None and turn.member.role.facilitates:
        raise UserError("regional-ramadan-usage", given=given[:40])
    if switch is not None:
        require_facilitator(turn.member)
        before = turn.community.ramadan_hours
        turn.community.ramadan_hours = switch
        repo.audit(
            turn.session,
            community_id=turn.community.id,
            actor=turn.member,
            action="community.ramadan_hours",
            object_type="community",
            object_id=turn.community.id,
            before={"ramadan_hours": before},
            after={"ramadan_hours": switch},
        )
        await reminder_plans.replan_community(turn.session, community=turn.community, now=turn.now)
    today = _today(turn)
    days = ramadan_around(today)
    if days is None:
        raise UserError("hijri-out-of-range", given=today.isoformat())
    return Reply.of(
        "regional-ramadan" if switch is None else "regional-ramadan-set",
        on=str(turn.community.ramadan_hours).lower(),
        first=days[0],
        last=days[1],
        start=IFTAR_FROM.strftime("%H:%M"),
        end=IFTAR_UNTIL.strftime("%H:%M"),
    )


# ---- Hijri dates --------------------------------------------------------------------------------------------


async def hijri(turn: Turn, args: str) -> Reply:
    """`hijri` (today in both calendars), `hijri 25 December`, `hijri 1 Ramadan 1449` (either way round)."""
    day = read_day(args, now=turn.now, zone=turn.zone) if args.strip() else _today(turn)
    return Reply.of("regional-hijri", gday=day, **hijri_args(day))


def hijri_args(day: date) -> dict[str, Any]:
    """The arguments of the `hijri-date` message ("١٥ رمضان ١٤٤٨ هـ" / "15 Ramadan 1448 AH") for `day`: pass them to
    any message that shows `{ hijri-date }`. UserError 'hijri-out-of-range' outside 1924–2077."""
    found = hijri_of(day)
    if found is None:
        raise UserError("hijri-out-of-range", given=day.isoformat())
    # the year as a one-item list: shown in the reader's digits without a thousands separator (bot.i18n)
    return {"hday": found.day, "hmonth": found.month, "hyear": (found.year,)}
