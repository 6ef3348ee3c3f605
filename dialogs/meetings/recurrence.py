"""Meeting series as RFC 5545 recurrence rules, typed in Arabic or English, repeated in wall-clock time.

Phrases `parse_recurrence` understands (any Arabic spelling `fold` makes equal, any digits):
- every day, daily, every 2 days, كل يوم, يوميا, كل يومين                    -> FREQ=DAILY[;INTERVAL=n]
- every week, weekly, once a week, كل أسبوع, أسبوعيا, مرة في الأسبوع          -> FREQ=WEEKLY
- every 2 weeks, every other week, fortnightly, كل أسبوعين, كل 3 أسابيع     -> FREQ=WEEKLY;INTERVAL=n
- every Tuesday, weekly on Tuesday, every 2 weeks on Tuesday, كل ثلاثاء,
  كل يوم ثلاثاء, كل أسبوعين يوم الثلاثاء                                     -> FREQ=WEEKLY[;INTERVAL=n];BYDAY=TU
- every month, monthly, كل شهر, شهريا (same date as the first meeting; RFC 5545 skips months that
  lack that date, e.g. a series on the 31st)                                -> FREQ=MONTHLY
- monthly on the second Tuesday, the 2nd Tuesday of every month, ثاني ثلاثاء من كل شهر,
  الثلاثاء الثاني من كل شهر, كل شهر في آخر جمعة (first to fourth, or last)     -> FREQ=MONTHLY;BYDAY=2TU
- every quarter, quarterly, every 3 months, كل ربع سنة, كل ثلاثة أشهر, فصليا  -> FREQ=MONTHLY;INTERVAL=3
- the last Thursday of every quarter, quarterly on the first Monday, آخر خميس من كل ربع سنة: calendar
  quarters, so a last weekday falls in March/June/September/December and a first to fourth one in
  January/April/July/October                                   -> FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1TH
- every year, yearly, annually, كل سنة, كل عام, سنويا, كل سنتين              -> FREQ=YEARLY[;INTERVAL=n]
"every second Tuesday" is refused: it means "every other Tuesday" to some and "the 2nd Tuesday" to others.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from dialogs.common.dates import english_words
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import fold

_GIVEN_LIMIT = 60
_DAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
_POSITIONS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_QUARTER_MONTHS = {1: "1,4,7,10", -1: "3,6,9,12"}
_UNITS = {
    "day": ("DAILY", 1),
    "week": ("WEEKLY", 1),
    "month": ("MONTHLY", 1),
    "quarter": ("MONTHLY", 3),
    "year": ("YEARLY", 1),
}
_SIMPLE_KEYS = {
    "DAILY": "recurrence-daily",
    "WEEKLY": "recurrence-weekly",
    "MONTHLY": "recurrence-monthly",
    "YEARLY": "recurrence-yearly",
}
_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"}

_ARABIC = [
    (re.compile(rf"(?<!\w)(?:{'|'.join(sorted(map(fold, forms.split('|')), key=len, reverse=True))})(?!\w)"), english)
    for forms, english in (
        ("يوميا", "daily"),
        ("أسبوعيا", "weekly"),
        ("شهريا", "monthly"),
        ("فصليا|فصلي|ربع سنوي|ربع سنويا|كل فصل", "quarterly"),
        ("سنويا|سنوي", "yearly"),
        ("ربع", "quarter"),
        ("كل", "every"),
        ("مرة", "once"),
        ("من", "of"),
        ("أول|الأول|الأولى", "first"),
        ("ثاني|الثاني|الثانية", "second"),
        ("ثالث|الثالث|الثالثة", "third"),
        ("رابع|الرابع|الرابعة", "fourth"),
        ("آخر|الأخير|الأخيرة", "last"),
    )
]
_ENGLISH = [
    (re.compile(pattern), english)
    for pattern, english in (
        (r"\b(?:the|each)\b", lambda m: "every" if m[0] == "each" else ""),
        (r"\bother\b", "2"),
        (r"\bfortnightly\b", "every 2 weeks"),
        (r"\bannually\b", "yearly"),
        (r"\b1st\b", "first"),
        (r"\b2nd\b", "second"),
        (r"\b3rd\b", "third"),
        (r"\b4th\b", "fourth"),
        (r"\bonce (?:a|every|per|on|in) ", "every "),
        (rf"\b({'|'.join(_DAYS)}) ({'|'.join(_POSITIONS)})\b", r"\2 \1"),
    )
]
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"
_EVERY = rf"(?:every (?:(?P<n>\d+) )?{_UNIT}|(?P<adverb>{'|'.join(_ADVERBS)}))"
_DAY = rf"(?P<day>{'|'.join(_DAYS)})s?"
_NTH = rf"(?P<pos>{'|'.join(_POSITIONS)}) {_DAY}"
_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        rf"{_EVERY}",
        rf"{_EVERY} (?:on )?{_DAY}",
        rf"(?:every|on) {_DAY}",
        rf"{_EVERY} (?:on )?{_NTH}",
        rf"(?:on )?{_NTH} of (?:every )?(?:(?P<n>\d+) )?{_UNIT}",
    )
]


def parse_recurrence(text: str) -> str:
    """A repeat a member typed ('every 2 weeks', 'كل شهر') as an RRULE such as 'FREQ=WEEKLY;INTERVAL=2'.

    Raises UserError 'recurrence-unreadable' for anything else (see the module docstring).
    """
    words = english_words(text)
    for pattern, english in _ARABIC:
        words = pattern.sub(english, words)
    for pattern, replacement in _ENGLISH:
        words = pattern.sub(replacement, words)
    words = " ".join(words.split())
    for pattern in _PATTERNS:
        if (match := pattern.fullmatch(words)) and (rule := _rule(match.groupdict())):
            return rule
    raise UserError("recurrence-unreadable", given=text.strip()[:_GIVEN_LIMIT])


def _rule(found: dict[str, str | None]) -> str | None:
    """The RRULE for the parts a pattern found, or None when they do not fit together."""
    unit = _ADVERBS.get(found.get("adverb") or "") or found.get("unit") or "week"
    freq, months = _UNITS[unit]
    interval = months * int(found.get("n") or 1)
    if interval < 1:
        return None
    day, pos = found.get("day"), found.get("pos")
    fields = [f"FREQ={freq}"] + ([f"INTERVAL={interval}"] if interval > 1 else [])
    if day is None:
        return ";".join(fields)
    if pos is None:
        return ";".join([*fields, f"BYDAY={_DAYS[day]}"]) if freq == "WEEKLY" else None
    position = _POSITIONS[pos]
    if unit == "month":
        return ";".join([*fields, f"BYDAY={position}{_DAYS[day]}"])
    if unit == "quarter" and interval == 3:
        return f"FREQ=MONTHLY;BYMONTH={_QUARTER_MONTHS[min(position, 1)]};BYDAY={position}{_DAYS[day]}"
    return None


def occurrences(
    rrule: str, *, start: datetime, zone: str, after: datetime, count: int = 5, until: datetime | None = None
) -> list[datetime]:
    """The next `count` meetings strictly after `after` (and not after `until`), as aware UTC datetimes.

    The series starts at `start` and repeats at the same wall-clock time in `zone`, so a 10:00 Beirut
    meeting stays at 10:00 Beirut across daylight-saving changes. `start` itself counts when it fits the
    rule. A wall-clock time skipped by a daylight-saving change keeps the offset in force before it; an hour
    that happens twice means its first occurrence.

    Without `until`, the answer comes from those after the start of `after`'s hour, kept for the hour (every turn
    asking for the next meeting expands every series: ~50 µs each, hundreds of series in a large network). One more
    is asked for than needed: the rules Tansiq makes repeat at most daily, so at most one falls inside that hour.
    """
    if until is None:
        hour = after.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        return [moment for moment in _upcoming(rrule, start, zone, hour, count + 1) if moment > after][:count]
    return _expand(rrule, start=start, zone=zone, after=after, count=count, until=until)


@lru_cache(maxsize=4096)
def _upcoming(rrule: str, start: datetime, zone: str, after: datetime, count: int) -> tuple[datetime, ...]:
    return tuple(_expand(rrule, start=start, zone=zone, after=after, count=count, until=None))


def _expand(
    rrule: str, *, start: datetime, zone: str, after: datetime, count: int, until: datetime | None
) -> list[datetime]:
    tz = ZoneInfo(zone)
    rule = rrulestr(rrule, dtstart=start.astimezone(tz).replace(tzinfo=None))
    # Local wall-clock and UTC differ by less than a day: start a day early, then compare in UTC.
    local_after = after.astimezone(tz).replace(tzinfo=None) - timedelta(days=1)
    found: list[datetime] = []
    for local in rule.xafter(local_after, inc=True):
        moment = local.replace(tzinfo=tz).astimezone(UTC)
        if until is not None and moment > until:
            break
        if moment > after:
            found.append(moment)
            if len(found) == count:
                break
    return found


def describe(rrule: str) -> Reply:
    """A short phrase for a rule `parse_recurrence` made ('every 2 weeks' / 'كل أسبوعين'), as a Fluent key.

    Keys: recurrence-daily, -weekly, -weekly-on, -monthly, -monthly-on, -quarterly-on, -yearly (see
    bot/locales/*/dates.ftl). Raises ValueError for a rule it did not make.
    """
    fields = dict(field.split("=", 1) for field in rrule.split(";"))
    freq, interval = fields.pop("FREQ", ""), int(fields.pop("INTERVAL", "1"))
    byday, bymonth = fields.pop("BYDAY", None), fields.pop("BYMONTH", None)
    nth = re.fullmatch(r"(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)", byday or "")
    if fields:
        raise ValueError(f"not a rule Tansiq makes: {rrule}")
    if byday is None and bymonth is None and freq in _SIMPLE_KEYS:
        return Reply.of(_SIMPLE_KEYS[freq], interval=interval)
    if freq == "WEEKLY" and bymonth is None and byday in _DAYS.values():
        return Reply.of("recurrence-weekly-on", interval=interval, day=byday)
    if freq == "MONTHLY" and nth and bymonth is None:
        return Reply.of("recurrence-monthly-on", interval=interval, position=int(nth[1]), day=nth[2])
    if freq == "MONTHLY" and nth and interval == 1 and bymonth == _QUARTER_MONTHS[min(int(nth[1]), 1)]:
        return Reply.of("recurrence-quarterly-on", position=int(nth[1]), day=nth[2])
    raise ValueError(f"not a rule Tansiq makes: {rrule}")
