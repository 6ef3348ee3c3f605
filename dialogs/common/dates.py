"""Dates, days and durations as members type them, in Arabic or English, read in the member's time zone.

`parse_when` is the one function every typed date goes through. A Hijri day ("١ رمضان ١٤٤٩", "first day of Eid";
`dialogs.regional.hijri`) is first written as its Gregorian day; Arabic words are then turned into English
ones (`english_words`), relative days ("tomorrow", "next Thursday", "بعد أسبوعين") into ISO dates counted in
the member's zone, and the rest ("15 December 14:00", "3pm", "١٥/١٢/٢٠٢٦") is read by dateparser.

Decisions (the tests hold them):
- A day without a time ("tomorrow", "Monday", "15 December", "in 2 weeks") means 09:00 local time; so
  "today" typed after 09:00 is in the past.
- A time without a day ("15:00", "3pm") is its next occurrence: today if still ahead, else tomorrow.
- A weekday, with or without "next" ("Thursday", "next Thursday", "الخميس القادم"), is the first such day
  after today, 1 to 7 days ahead: typed on a Thursday it is a week later. "this Thursday" / "هذا الخميس"
  is today when today is Thursday; "last Thursday" is 1 to 7 days back (so refused as past).
- "next week" / "next month" / "next year" is the same day one week / month / year later ("last week" earlier).
- A Hijri day without a year ("١ رمضان", "Eid al-Adha") is its next occurrence too (today included); "Eid" alone
  and «العيد» are Eid al-Fitr (1 Shawwal), not a national day («العيد الوطني»).
- A date without a year is its next occurrence counted in whole days: "15 December" typed on 15 December
  is that day, typed on 16 December it is next year's.
- "in 2 hours" / "بعد ساعتين" is an exact span from now; "in 3 days" / "in 2 weeks" count calendar days.
- A bare hour after a day or after "at" / "الساعة" is on the 24-hour clock: "Thursday 10" is 10:00 and
  "tomorrow at 3" is 03:00; "3pm", "3 مساء" and "الساعة الثالثة عصرا" are 15:00.
- A wall-clock time skipped by a daylight-saving change keeps the offset in force before it, and an hour
  that happens twice means its first occurrence (Python's zoneinfo, fold=0).
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from dialogs.common.errors import UserError
from dialogs.common.text import fold
from dialogs.regional.hijri import hijri_in_words, latest_by

DEFAULT_TIME = time(9, 0)
"""The time given to a day typed without one."""

_SETTINGS = {"PREFER_DATES_FROM": "future", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": True}
_LANGUAGES = {"ar": ["ar", "en"], "en": ["en", "ar"]}  # the member's language first
_GIVEN_LIMIT = 60


def _words(alternatives: str) -> re.Pattern[str]:
    """A whole-word pattern for `|`-separated forms, written normally and matched after `fold`."""
    forms = sorted({fold(form) for form in alternatives.split("|")}, key=len, reverse=True)
    body = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


_HOUR_WORDS = {
    fold(word): hour
    for word, hour in (
        ("الواحدة", 1),
        ("الثانية", 2),
        ("الثالثة", 3),
        ("الرابعة", 4),
        ("الخامسة", 5),
        ("السادسة", 6),
        ("السابعة", 7),
        ("الثامنة", 8),
        ("التاسعة", 9),
        ("العاشرة", 10),
        ("الحادية عشرة", 11),
        ("الثانية عشرة", 12),
    )
}
_HOUR_WORD = re.compile(rf"{fold('الساعة')}\s+({'|'.join(sorted(_HOUR_WORDS, key=len, reverse=True))})(?!\w)")
# "3 ونصف" is 3:30 and "4 إلا ربع" is 3:45; a space after و / إلا is optional.
_CLOCK_FRACTIONS = {
    fold(form).replace(" ", ""): minutes
    for forms, minutes in (
        ("و نصف|و النصف|و نص", 30),
        ("و ربع|و الربع", 15),
        ("و ثلث|و الثلث", 20),
        ("إلا ربع|إلا الربع", -15),
        ("إلا ثلث|إلا الثلث", -20),
    )
    for form in forms.split("|")
}
_CLOCK_FRACTION = re.compile(
    r"(?<![\d:])(\d{1,2})(?::00)?\s*("
    + "|".join(sorted((r"\s*".join(map(re.escape, key)) for key in _CLOCK_FRACTIONS), key=len, reverse=True))
    + r")(?!\w)"
)
_YEAR_MARK = re.compile(rf"(?<=\d{{4}})\s*{fold('م')}(?!\w)")
_END_OF = re.compile(rf"(?<!\w)(?:{'|'.join(map(fold, ('نهاية', 'آخر', 'أواخر')))})\s+(?=(?:month|quarter|year)\b)")

# Arabic (any spelling that `fold` makes equal) -> English; order matters: longer phrases first.
_ARABIC = [
    (_words(forms), english)
    for forms, english in (
        ("بعد غد|بعد الغد|بعد بكرة|بعد بكرا", "day after tomorrow"),
        ("بعد الظهر|بعد الظهيرة|عصرا|العصر", "afternoon"),
        ("نصف ساعة|نص ساعة|نصف الساعة", "30 minutes"),
        ("ربع ساعة|ربع الساعة", "15 minutes"),
        ("ثلث ساعة|ثلث الساعة", "20 minutes"),
        ("ربع سنة|ربع السنة|ربع العام", "quarter"),
        ("و نصف|ونصف|ونص", "and a half"),
        ("و ربع|وربع", "and a quarter"),
        ("كانون الثاني|كانون 2", "january"),
        ("تشرين الأول|تشرين 1", "october"),
        ("تشرين الثاني|تشرين 2", "november"),
        ("كانون الأول|كانون 1", "december"),
        ("يناير|جانفي", "january"),
        ("فبراير|شباط|فيفري", "february"),
        ("مارس|آذار", "march"),
        ("أبريل|إبريل|نيسان|أفريل", "april"),
        ("مايو|أيار|ماي", "may"),
        ("يونيو|يونيه|يونية|حزيران|جوان", "june"),
        ("يوليو|يوليه|يولية|تموز|جويلية", "july"),
        ("أغسطس|آب|أوت", "august"),
        ("سبتمبر|أيلول", "september"),
        ("أكتوبر", "october"),
        ("نوفمبر", "november"),
        ("ديسمبر", "december"),
        ("يوم الأحد|يوم أحد|الأحد|أحد", "sunday"),
        ("يوم الاثنين|يوم اثنين|الاثنين|اثنين", "monday"),
        ("يوم الثلاثاء|يوم ثلاثاء|الثلاثاء|ثلاثاء|الثلاثا", "tuesday"),
        ("يوم الأربعاء|يوم أربعاء|الأربعاء|أربعاء|الأربعا", "wednesday"),
        ("يوم الخميس|يوم خميس|الخميس|خميس", "thursday"),
        ("يوم الجمعة|يوم جمعة|الجمعة|جمعة", "friday"),
        ("يوم السبت|يوم سبت|السبت|سبت", "saturday"),
        ("اليوم", "today"),
        ("غدا|غد|الغد|بكرة|بكرا", "tomorrow"),
        ("أمس|الأمس|البارحة", "yesterday"),
        ("الليلة", "tonight"),
        ("الآن", "now"),
        ("القادم|القادمة|المقبل|المقبلة|الجاي|الجاية|التالي|التالية", "next"),
        ("الماضي|الماضية|السابق|السابقة|الفائت|الفائتة", "last"),
        ("هذا|هذه", "this"),
        ("يومين|يومان", "2 days"),
        ("أيام", "days"),
        ("يوم|يوما", "day"),
        ("أسبوعين|أسبوعان", "2 weeks"),
        ("أسابيع|أسبوعا", "weeks"),
        ("الأسبوع|أسبوع", "week"),
        ("شهرين|شهران", "2 months"),
        ("أشهر|شهور|شهرا", "months"),
        ("الشهر|شهر", "month"),
        ("سنتين|سنتان|عامين|عامان", "2 years"),
        ("سنوات|سنين|أعوام|عاما", "years"),
        ("السنة|سنة|العام|عام", "year"),
        ("ساعتين|ساعتان", "2 hours"),
        ("ساعات", "hours"),
        ("على الساعة|الساعة|عند", "at"),
        ("ساعة", "hour"),
        ("دقيقتين|دقيقتان", "2 minutes"),
        ("دقائق|دقايق", "minutes"),
        ("دقيقة", "minute"),
        ("واحد|واحدة", "1"),
        ("ثلاث|ثلاثة", "3"),
        ("أربع|أربعة", "4"),
        ("خمس|خمسة", "5"),
        ("ست|ستة", "6"),
        ("سبع|سبعة", "7"),
        ("ثمان|ثماني|ثمانية", "8"),
        ("تسع|تسعة", "9"),
        ("عشر|عشرة", "10"),
        ("بعد|خلال|في غضون|في خلال", "in"),
        ("صباحا|صباح|الصباح|الصبح", "morning"),
        ("ظهرا|الظهر|ظهر", "noon"),
        ("مساء|مساءا|المساء", "evening"),
        ("ليلا|الليل|بالليل", "night"),
        ("ص", "am"),
        ("م", "pm"),
        ("في", "on"),
        ("و", "and"),
    )
]
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[\u0600-\u06ff])|(?<=[\u0600-\u06ff])(?=\d)")
_ENGLISH = [
    (re.compile(pattern), english)
    for pattern, english in (
        (r"\b([ap])\.m\.?", r"\1m"),
        (r"\b(\d{1,2}) ?o'?clock\b", r"\1:00"),
        (r"\bfortnight\b", "2 weeks"),
        (r"\bthe day after tomorrow\b", "day after tomorrow"),
        (r"\b(?:half an|half a|half) hour\b", "30 minutes"),
        (r"\b(?:a )?quarter (?:of an |an )?hour\b", "15 minutes"),
        (r"(?:(?<=\bin )|^)(?:an?|one) (hour|minute|day|week|month|year|quarter)\b", r"1 \1"),
    )
]


def english_words(text: str) -> str:
    """Folded text (see `dialogs.common.text.fold`) with Arabic date words turned into English ones."""
    text = _DIGIT_LETTER.sub(" ", fold(text).replace("،", ","))
    text = _YEAR_MARK.sub("", text)
    text = _HOUR_WORD.sub(lambda m: f"at {_HOUR_WORDS[' '.join(m[1].split())]}", text)
    text = _CLOCK_FRACTION.sub(_clock_fraction, text)
    for pattern, english in _ARABIC:
        text = pattern.sub(english, text)
    text = _END_OF.sub("end of ", text)
    for pattern, english in _ENGLISH:
        text = pattern.sub(english, text)
    return " ".join(text.split())


def _clock_fraction(match: re.Match[str]) -> str:
    """'3 ونصف' -> '3:30', '4 إلا ربع' -> '3:45'."""
    minutes = _CLOCK_FRACTIONS["".join(match[2].split())]
    hour = int(match[1])
    if minutes < 0:
        hour, minutes = (hour - 1) % 24, 60 + minutes
    return f"{hour}:{minutes:02d}"


# ---- durations -------------------------------------------------------------------------------------------

_BARE_UNIT = re.compile(r"(^|\bin |\band )(hours?|minutes?)\b")
_AND_A_PART = re.compile(r"(\d+(?:\.\d+)?) (hours?|minutes?) and a (half|quarter)\b")
_DURATION = re.compile(
    r"(?:(?P<hours>\d+(?:\.\d+)?) ?(?:hours?|hrs?|h)(?: ?,? ?(?:and )?(?P<more>\d+) ?(?:minutes?|mins?|m)?)?"
    r"|(?P<minutes>\d+) ?(?:minutes?|mins?|m)"
    r"|(?P<clock_h>\d{1,2}):(?P<clock_m>[0-5]\d))"
)


def _duration_minutes(words: str) -> float | None:
    """Minutes in an English-words duration ('1h30', '2 hours and a half', '90 minutes'), or None."""
    words = _BARE_UNIT.sub(r"\g<1>1 \2", words)
    words = _AND_A_PART.sub(
        lambda m: f"{float(m[1]) + (0.5 if m[3] == 'half' else 0.25)} {m[2]}",
        words,
    )
    match = _DURATION.fullmatch(words.strip())
    if match is None:
        return None
    if match["clock_h"]:
        return int(match["clock_h"]) * 60 + int(match["clock_m"])
    if match["minutes"]:
        return float(match["minutes"])
    return float(match["hours"]) * 60 + int(match["more"] or 0)


def parse_duration(text: str) -> timedelta:
    """How long something lasts: '90 minutes', '1h30', '2 hours', '1:30', 'ساعتان', 'ساعة ونصف', '٩٠ دقيقة'.

    A number without a unit ('90') is refused: minutes or hours would be a guess.
    """
    minutes = _duration_minutes(english_words(text))
    if not minutes:
        raise UserError("duration-unreadable", given=_given(text))
    return timedelta(minutes=round(minutes))


# ---- dates -----------------------------------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNIT = r"(?:day|week|month|quarter|year)"
_DAY_PHRASE = re.compile(
    r"\b(?:"
    r"(?P<after>day after tomorrow)|(?P<tomorrow>tomorrow)|(?P<today>today|tonight)|(?P<yesterday>yesterday)"
    rf"|(?:(?P<which>next|this|coming|on|last) )?(?P<weekday>{'|'.join(_WEEKDAYS)})(?: (?P<which_after>next|last))?"
    r"|(?P<step>next|last) (?P<step_unit>week|month|year)|(?P<unit_step>week|month|year) (?P<step_after>next|last)"
    r"|end of (?:the )?(?:(?P<end_next>next) )?(?P<end>month|quarter|year)(?: (?P<end_next_after>next))?"
    rf"|in (?P<count>\d+) (?P<unit>{_UNIT})s?(?: from now)?|(?P<count_now>\d+) (?P<unit_now>{_UNIT})s? from now"
    r")\b"
)
_PART_OF_DAY_HOUR = re.compile(
    r"(?<![\d/.:-])(\d{1,2})(:\d{2})? ?(?:in the |at )?(morning|am|noon|afternoon|evening|pm|night)\b"
)
_PARTS_OF_DAY = {"morning": "09:00", "noon": "12:00", "afternoon": "15:00", "evening": "18:00", "night": "20:00"}
_PART_OF_DAY = re.compile(r"\b(?:in the |at |this )?(morning|noon|afternoon|evening|night)\b")
_AT_HOUR = re.compile(r"\bat (\d{1,2})\b(?![:.]?\d| ?[ap]m\b)")
_DAY_THEN_HOUR = re.compile(r"\b(\d{4}-\d{2}-\d{2}) (\d{1,2})$")
_FILLER = re.compile(r"\b(?:at|on)\b|,")
_CLOCK = re.compile(r"\d:\d|\b[ap]m\b")
_ONLY_NUMBER = re.compile(r"[\d\s.]*")


def _given(text: str) -> str:
    return text.strip()[:_GIVEN_LIMIT]


def _add(day: date, count: int, unit: str) -> date:
    if unit == "quarter":
        count, unit = 3 * count, "month"
    match unit:
        case "year":
            return day + relativedelta(years=count)
        case "month":
            return day + relativedelta(months=count)
        case "week":
            return day + relativedelta(weeks=count)
    return day + relativedelta(days=count)


def _end_of(day: date, unit: str) -> date:
    if unit == "year":
        return date(day.year, 12, 31)
    if unit == "quarter":
        day = date(day.year, (day.month - 1) // 3 * 3 + 3, 1)
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _day_of(match: re.Match[str], today: date) -> date:
    """The day a relative phrase ('tomorrow', 'next Thursday', 'in 2 weeks', 'end of month') names."""
    if match["after"]:
        return today + timedelta(days=2)
    if match["tomorrow"]:
        return today + timedelta(days=1)
    if match["today"]:
        return today
    if match["yesterday"]:
        return today - timedelta(days=1)
    if match["weekday"]:
        ahead = (_WEEKDAYS.index(match["weekday"]) - today.weekday()) % 7
        if "last" in (match["which"], match["which_after"]):
            return today - timedelta(days=(7 - ahead) or 7)
        return today + timedelta(days=ahead if match["which"] == "this" else ahead or 7)
    if unit := match["step_unit"] or match["unit_step"]:
        return _add(today, 1 if "next" in (match["step"], match["step_after"]) else -1, unit)
    if unit := match["end"]:
        return _end_of(_add(today, 1, unit) if match["end_next"] or match["end_next_after"] else today, unit)
    return _add(today, int(match["count"] or match["count_now"]), match["unit"] or match["unit_now"])


def _meridiem(match: re.Match[str]) -> str:
    """'3 evening' -> '3 pm', '9 night' -> '9 pm', '1 night' -> '1 am', '12 noon' -> '12 pm'."""
    hour, minutes, part = int(match[1]), match[2] or "", match[3]
    if part == "night":
        return f"{hour}{minutes} {'pm' if 6 <= hour <= 11 else 'am'}"
    return f"{hour}{minutes} {'am' if part in ('morning', 'am') else 'pm'}"


def _at_hour(match: re.Match[str]) -> str:
    return f"{match[1]}:00" if int(match[1]) < 24 else match[0]


def _read(text: str, *, now: datetime, zone: str, lang: str | None) -> datetime:
    """The member's words read in `zone`, as aware UTC; refused beyond MAX_AHEAD ("in 99999 years")."""
    try:
        when = _read_unchecked(text, now=now, zone=zone, lang=lang)
    except (OverflowError, ValueError) as exc:  # arithmetic past year 9999
        raise UserError("date-too-far", given=_given(text), years=MAX_AHEAD_YEARS) from exc
    if when > now + timedelta(days=366 * MAX_AHEAD_YEARS):
        raise UserError("date-too-far", given=_given(text), years=MAX_AHEAD_YEARS)
    return when


def _read_unchecked(text: str, *, now: datetime, zone: str, lang: str | None) -> datetime:
    """The member's words read in `zone`, as aware UTC (09:00 local when no time is given)."""
    tz = ZoneInfo(zone)
    local_now = now.astimezone(tz).replace(tzinfo=None)
    folded, hijri_day = hijri_in_words(text, today=local_now.date())
    words = english_words(folded)
    if _ONLY_NUMBER.fullmatch(words):
        raise UserError("date-unreadable", given=_given(text))
    if words.startswith("in ") or words.endswith(" from now"):
        minutes = _duration_minutes(words.removeprefix("in ").removesuffix(" from now"))
        if minutes:
            return now.astimezone(UTC) + timedelta(minutes=minutes)

    days = list(_DAY_PHRASE.finditer(words))
    if len(days) + (hijri_day is not None) > 1:
        raise UserError("date-unreadable", given=_given(text))
    named_day = hijri_day
    if days:
        named_day = _day_of(days[0], local_now.date())
        night = " night" if days[0]["today"] == "tonight" else ""
        words = f"{words[: days[0].start()]}{named_day.isoformat()}{night}{words[days[0].end() :]}"
    words = _PART_OF_DAY_HOUR.sub(_meridiem, words)
    words = _PART_OF_DAY.sub(lambda m: _PARTS_OF_DAY[m[1]], words)
    words = _AT_HOUR.sub(_at_hour, words)
    words = " ".join(_FILLER.sub(" ", words).split())
    words = _DAY_THEN_HOUR.sub(r"\1 \2:00", words)

    settings = {**_SETTINGS, "RELATIVE_BASE": local_now, "TIMEZONE": zone}
    languages = _LANGUAGES.get(lang or "", ["ar", "en"])
    data = DateDataParser(languages=languages, use_given_order=True, settings=settings).get_date_data(words)
    if data.date_obj is None or (_CLOCK.search(words) and "time" not in data.parts):
        raise UserError("date-unreadable", given=_given(text))
    local = data.date_obj.replace(tzinfo=None)  # dateparser gives the wall clock of `zone`
    if "time" not in data.parts:
        local = datetime.combine(local.date(), DEFAULT_TIME)
    if named_day is not None and local.date() != named_day:
        raise UserError("date-unreadable", given=_given(text))
    if "year" not in data.parts and {"month", "day"} <= set(data.parts):
        local = _next_yearly(local, local_now.date())
    moment: datetime = local.replace(tzinfo=tz).astimezone(UTC)
    return moment


def _next_yearly(local: datetime, today: date) -> datetime:
    """A date typed without a year: this year's if that day is today or later, else next year's."""
    try:
        this_year = local.replace(year=today.year)
        return this_year if this_year.date() >= today else this_year.replace(year=today.year + 1)
    except ValueError:  # 29 February: dateparser already picked the next leap year
        return local


MAX_AHEAD_YEARS = 10
_YEAR = re.compile(r"\b\d{4}\b")


def parse_when(text: str, *, now: datetime, zone: str, lang: str | None = None) -> datetime:
    """A moment a member typed ('tomorrow 3pm', 'الخميس القادم الساعة 10'), read in `zone`, as aware UTC.

    `now` is aware; `lang` (the member's language) is tried first when a word could be read both ways.
    Raises UserError 'date-unreadable' or 'date-in-past' (with `when`, the moment understood).
    """
    when = _read(text, now=now, zone=zone, lang=lang)
    if when < now:
        raise UserError("date-in-past", given=_given(text), when=when)
    return when


def parse_past_day(text: str, *, now: datetime, zone: str) -> date:
    """A day a member typed to look back from ('1 November', 'last Monday', '١ نوفمبر ٢٠٢٦', '١ رمضان'): a day and
    month without a year (Gregorian or Hijri) is the last one that has come. Raises UserError 'date-unreadable', or
    'day-in-future' (for a day still to come: 'tomorrow', 'next Monday')."""
    tz = ZoneInfo(zone)
    today = now.astimezone(tz).date()
    day = _read(text, now=now, zone=zone, lang=None).astimezone(tz).date()
    if not _YEAR.search(english_words(text)):
        if hijri_in_words(text, today=today)[1] is not None:
            day = latest_by(day, today=today)  # "1 Ramadan": the last one that has come, by the Hijri year
        elif day > today + timedelta(days=31):
            day = _year_before(day)  # "1 November" on 24 November: this year's, not next year's
    if day > today:
        raise UserError("day-in-future", given=_given(text))
    return day


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def read_day(text: str, *, now: datetime, zone: str) -> date:
    """Any day a member typed, past or future ('25 December 2025', '١ رمضان ١٤٤٩', 'Eid al-Adha'), in `zone`.
    Raises UserError 'date-unreadable'."""
    return _read(text, now=now, zone=zone, lang=None).astimezone(ZoneInfo(zone)).date()


def parse_day(text: str, *, now: datetime, zone: str) -> date:
    """A day a member typed for a due date or an end date ('next Friday', '31 March', 'نهاية الشهر').

    Also: 'end of month', 'end of next month', 'end of the quarter', 'end of the year' (calendar
    quarters). Raises UserError 'date-unreadable', or 'day-in-past' for a day before today in `zone`.
    """
    tz = ZoneInfo(zone)
    day = _read(text, now=now, zone=zone, lang=None).astimezone(tz).date()
    if day < now.astimezone(tz).date():
        raise UserError("day-in-past", given=_given(text))
    return day
