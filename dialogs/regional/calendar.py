"""Each member's working calendar: their weekend, working hours, public holidays and Ramadan's iftar hours.

Decisions:
- A member's country is their own time zone's territory (CLDR, through Babel: Africa/Tunis -> TN); a member with no
  zone of their own is taken to live in the community's country.
- Weekend: the member's own (`weekend sat sun`); else, for a member whose country is not the community's, their
  country's (the `holidays` library's, e.g. TN Sat–Sun, SA Fri–Sat); else the community's (`reminders weekend`).
  So members in the community's own country keep the weekend its facilitators chose.
- Working hours: the member's own (`working hours 09:00-17:00`); else outside the community's quiet hours.
- Public holidays: those of the member's country (`holidays`, Islamic ones as its tables estimate them).
- Ramadan (when the community turned `ramadan on`): no nudge between IFTAR_FROM and IFTAR_UNTIL local time on a day
  of Ramadan (Umm al-Qura). Iftar is at sunset, which moves by about an hour through the region and the month; a
  fixed window covers it without an astronomical library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from babel.core import get_global

from dialogs.common.two_languages import Title
from dialogs.regional.hijri import in_ramadan
from storage.models import Community, Member

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
IFTAR_FROM, IFTAR_UNTIL = time(17, 30), time(20, 30)
_LOOKAHEAD_DAYS = 21  # Eid holidays and a weekend together stay well inside it


@dataclass(frozen=True)
class WorkingCalendar:
    """When a person may be nudged: not on `weekend` (MO…SU codes), not in `quiet` (from, until), not on a public
    holiday of `country`, not at iftar during Ramadan when `ramadan` is on."""

    weekend: tuple[str, ...]
    quiet: tuple[time, time]
    country: str | None = None
    ramadan: bool = False

    def day_off(self, day: date) -> str | None:
        """'weekend' or 'holiday' when `day` is not a working day, else None."""
        if WEEKDAYS[day.weekday()] in self.weekend:
            return "weekend"
        return "holiday" if self.country and public_holiday(self.country, day) else None

    def at_iftar(self, moment: datetime) -> bool:
        """Whether a local `moment` falls in iftar hours on a day of Ramadan (only when the setting is on)."""
        return self.ramadan and IFTAR_FROM <= moment.time() < IFTAR_UNTIL and in_ramadan(moment.date())

    def next_working(self, moment: datetime, *, zone: str) -> datetime:
        """`moment`, or the next time in `zone` that is neither quiet, a day off, nor iftar in Ramadan."""
        tz = ZoneInfo(zone)
        local = moment.astimezone(tz)
        quiet_from, quiet_until = self.quiet
        for _ in range(_LOOKAHEAD_DAYS * 3):
            if self.day_off(local.date()) is None and not is_quiet(local.time(), quiet_from, quiet_until):
                if not self.at_iftar(local):
                    return local.astimezone(moment.tzinfo)
                local = datetime.combine(local.date(), IFTAR_UNTIL, tzinfo=tz)
                continue
            local = _end_of_quiet(local, quiet_until)
        return self._not_quiet(moment, zone=zone)  # three weeks with no working day: out of quiet hours at least

    def _not_quiet(self, moment: datetime, *, zone: str) -> datetime:
        """`moment`, or the end of the quiet hours it falls in (days off and iftar not asked)."""
        local = moment.astimezone(ZoneInfo(zone))
        if not is_quiet(local.time(), *self.quiet):
            return moment
        return _end_of_quiet(local, self.quiet[1]).astimezone(moment.tzinfo)


def _end_of_quiet(local: datetime, quiet_until: time) -> datetime:
    """The next `quiet_until` in `local`'s zone: today's if it is still ahead, else tomorrow's."""
    day = local.date() if local.time() < quiet_until else local.date() + timedelta(days=1)
    return datetime.combine(day, quiet_until, tzinfo=local.tzinfo)


def is_quiet(moment: time, quiet_from: time, quiet_until: time) -> bool:
    """In the quiet window: across midnight (20:00-08:00) or within one day (00:00-07:00)."""
    if quiet_from <= quiet_until:
        return quiet_from <= moment < quiet_until
    return moment >= quiet_from or moment < quiet_until


def member_calendar(
    member: Member, community: Community, *, weekend: list[str], quiet: tuple[time, time]
) -> WorkingCalendar:
    """A member's calendar (see the module's decisions); `weekend` and `quiet` are the community's."""
    home = country_of_zone(community.timezone)
    own = country_of_zone(member.timezone) if member.timezone else None
    country = own or home
    days: list[str] | tuple[str, ...] = weekend
    if member.weekend is not None:
        days = member.weekend
    elif own is not None and own != home and (theirs := country_weekend(own)) is not None:
        days = theirs
    hours = quiet
    if member.working_hours:
        start, end = member.working_hours
        hours = (time.fromisoformat(end), time.fromisoformat(start))
    return WorkingCalendar(tuple(days), hours, country, bool(community.ramadan_hours))


def country_of_zone(zone: str | None) -> str | None:
    """The ISO country of an IANA zone (CLDR territory), or None ('UTC', unknown)."""
    territory = get_global("zone_territories").get(zone or "")
    return str(territory) if territory and territory != "001" else None


@lru_cache(maxsize=256)
def country_weekend(country: str) -> tuple[str, ...] | None:
    """A country's weekend as MO…SU codes (the `holidays` library's), or None for a country it does not know."""
    try:
        known = holidays.country_holidays(country)  # no year asked: no holiday computed, only the weekend read
    except NotImplementedError:
        return None
    return tuple(WEEKDAYS[day] for day in sorted(known.weekend))


def public_holiday(country: str, day: date) -> Title | None:
    """The public holiday of `country` on `day`, named in Arabic and English ("عيد الفطر · Eid al-Fitr"), or None."""
    english = _holidays(country, day.year)
    if english is None or day not in english:
        return None
    name = english.get(day)
    arabic = _holidays(country, day.year, "ar")
    if arabic is not None and arabic.get(day):
        return Title(f"{arabic.get(day)} · {name}")
    return Title(name)


def holidays_between(country: str, first: date, last: date) -> list[tuple[date, Title]]:
    """A country's public holidays from `first` to `last`, in order."""
    found: list[tuple[date, Title]] = []
    for year in range(first.year, last.year + 1):
        known = _holidays(country, year)
        for day in sorted(known or ()):
            holiday = public_holiday(country, day)
            if first <= day <= last and holiday is not None:
                found.append((day, holiday))
    return found


@lru_cache(maxsize=512)
def _holidays(country: str, year: int, language: str = "en") -> holidays.HolidayBase | None:
    """One country's holidays of one year in `language` ('en' or 'ar'; None when the country lacks it)."""
    try:
        known = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return None
    spoken = [code for code in known.supported_languages if code.split("_")[0] == language]
    if not spoken:
        return known if language == "en" else None
    return holidays.country_holidays(country, years=year, language=spoken[0])
