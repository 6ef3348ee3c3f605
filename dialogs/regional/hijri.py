"""Hijri dates (the Umm al-Qura calendar, through `hijridate`): read in what members type, shown beside Gregorian ones.

Read: "١ رمضان", "١ رمضان ١٤٤٩", "1 Ramadan 1449", "Ramadan 1", "15 Sha'ban 1448 AH", "first day of Eid" /
«أول أيام العيد» (Eid al-Fitr, 1 Shawwal), "Eid al-Adha" / «عيد الأضحى» (10 Dhu al-Hijja). A Hijri day without a
year is its next occurrence (today included), as Gregorian days are; "after/before Eid" («بعد العيد») is refused.
Umm al-Qura covers 1343–1500 AH (1924–2077).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from dialogs.common.errors import UserError
from dialogs.common.text import fold

RAMADAN, SHAWWAL, DHU_AL_HIJJA = 9, 10, 12
EID_AL_FITR = (SHAWWAL, 1)
EID_AL_ADHA = (DHU_AL_HIJJA, 10)

_MONTHS = (
    "محرم|المحرم|muharram|muharam",
    "صفر|safar",
    "ربيع الأول|ربيع الاول|ربيع أول|rabi al awwal|rabi ul awwal|rabi al awal|rabi i|rabi 1",
    "ربيع الثاني|ربيع الآخر|ربيع ثاني|rabi al thani|rabi al akhir|rabi ul akhir|rabi ii|rabi 2",
    "جمادى الأولى|جمادى الأول|jumada al ula|jumada al awwal|jumada al oola|jumada i|jumada 1",
    "جمادى الآخرة|جمادى الثانية|جمادى الآخر|jumada al akhirah|jumada al akhira|jumada al thani|jumada ii|jumada 2",
    "رجب|rajab",
    "شعبان|shaban|shaaban",
    "رمضان|ramadan|ramadhan|ramazan",
    "شوال|shawwal|shawal",
    "ذو القعدة|ذي القعدة|dhu al qadah|dhul qadah|dhu al qadah|dhu al qidah|dhul qidah|zul qadah",
    "ذو الحجة|ذي الحجة|dhu al hijjah|dhu al hijja|dhul hijjah|dhul hijja|zul hijjah",
)


def _alternatives(forms: str) -> str:
    """A regex alternation of `|`-separated forms as `fold` writes them, longest first, any spacing."""
    folded = sorted({fold(form) for form in forms.split("|")}, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in folded)


_MONTH_OF = {fold(form): number for number, forms in enumerate(_MONTHS, 1) for form in forms.split("|")}
_MONTH = "|".join(f"(?:{_alternatives(forms)})" for forms in _MONTHS)
_YEAR_SUFFIX = rf"(?:\s*(?:{_alternatives('هـ|ه|هجري|هجرية|للهجرة|ah|a h|h')})(?!\w))?"
_HIJRI_YEAR = r"\d{4}"
_DAY_FIRST = re.compile(
    rf"(?<![\w/.:-])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+|{fold('من')}\s+)?(?P<month>{_MONTH})(?!\w)"
    rf"(?:\s*,?\s*(?P<year>{_HIJRI_YEAR})(?!\d){_YEAR_SUFFIX})?"
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w)(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?!\d)(?:\s*,?\s*(?P<year>{_HIJRI_YEAR})(?!\d){_YEAR_SUFFIX})?"
)
_FIRST_DAY = "first day of|the first day of|1st day of|day 1 of|أول أيام|أول يوم من|أول يوم في|أول يوم|يوم"
_FITR = "al fitr|ul fitr|el fitr|fitr|الفطر|الصغير"
_ADHA = "al adha|ul adha|el adha|adha|الأضحى|الأضحي|الكبير"
_NOT_EID = "الوطني|الوطنى|الاستقلال|الميلاد|ميلاد|العمال|الأم|الشهداء|الثورة|الجلاء|الجيش|المعلم|الحب|الفصح|الشجرة"
"""Words after «العيد» that make it another feast (national day, Christmas, Labour Day…): not an Eid."""
_EID = re.compile(
    rf"(?<!\w)(?:(?:{_alternatives(_FIRST_DAY)})\s+)?(?:the\s+)?"
    rf"(?:(?:{_alternatives('eid|عيد|العيد')})\s+(?:(?P<fitr>{_alternatives(_FITR)})|(?P<adha>{_alternatives(_ADHA)}))"
    rf"|eid|{fold('العيد')}(?!\s+(?:{_alternatives(_NOT_EID)})(?!\w)))(?!\w)"
    rf"(?:\s*,?\s*(?P<year>{_HIJRI_YEAR})(?!\d){_YEAR_SUFFIX})?"
)
_BEFORE_AFTER = re.compile(rf"(?<!\w)(?:{_alternatives('after|before|بعد|قبل')})\s+$")
"""'after Eid' / «بعد العيد»: a day this reading cannot give, refused rather than read as Eid itself."""
_APOSTROPHE = re.compile("['’ʿʾ`]")
_LETTER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


@dataclass(frozen=True)
class HijriDay:
    """A day of the Umm al-Qura calendar."""

    year: int
    month: int
    day: int


def hijri_of(day: date) -> HijriDay | None:
    """The Hijri day of a Gregorian one (None outside 1924–2077, which Umm al-Qura tables cover)."""
    try:
        found = Gregorian.fromdate(day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return HijriDay(found.year, found.month, found.day)


def in_ramadan(day: date) -> bool:
    """Whether `day` falls in Ramadan."""
    found = hijri_of(day)
    return found is not None and found.month == RAMADAN


def ramadan_around(today: date) -> tuple[date, date] | None:
    """The first and last days of this Ramadan, or of the next one when this year's has passed."""
    now = hijri_of(today)
    if now is None:
        return None
    year = now.year if now.month <= RAMADAN else now.year + 1
    try:
        first = _gregorian(year, RAMADAN, 1)
        last = _gregorian(year, SHAWWAL, 1) - timedelta(days=1)
    except OverflowError:
        return None
    return first, last


def gregorian_of(month: int, day: int, *, year: int | None, today: date, given: str) -> date:
    """The Gregorian day of a Hijri one; without a year, its next occurrence from `today` (today included).
    UserError 'date-unreadable' for a day the month does not have, 'hijri-out-of-range' beyond 1343–1500 AH."""
    now = hijri_of(today)
    if now is None:
        raise UserError("hijri-out-of-range", given=given)
    try:
        if year is not None:
            return _gregorian(year, month, day)
        for candidate in (now.year, now.year + 1):
            found = _existing(candidate, month, day)
            if found is not None and found >= today:
                return found
    except OverflowError as exc:
        raise UserError("hijri-out-of-range", given=given) from exc
    except ValueError as exc:  # 30 Ramadan in a year whose Ramadan has 29 days
        raise UserError("date-unreadable", given=given) from exc
    raise UserError("date-unreadable", given=given)


def latest_by(day: date, *, today: date) -> date:
    """A Hijri day named without a year, read as its next occurrence `day`: the latest such day not after `today`
    (`day` itself when it is not after today, or when the tables end before)."""
    named = hijri_of(day)
    if named is None or day <= today:
        return day
    for year in (named.year - 1, named.year - 2):  # the 30th of a month a year before may not exist
        try:
            found = _existing(year, named.month, named.day)
        except OverflowError:
            return day
        if found is not None and found <= today:
            return found
    return day


def _existing(year: int, month: int, day: int) -> date | None:
    """The day, or None when that year's month is a day short (30th of a 29-day month)."""
    try:
        return _gregorian(year, month, day)
    except ValueError:
        return None


def _gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Hijri one, as a plain `date` (ValueError, OverflowError as `hijridate` raises)."""
    return date(*Hijri(year, month, day).to_gregorian().datetuple())


def hijri_in_words(text: str, *, today: date) -> tuple[str, date | None]:
    """`text` folded, with one Hijri date or Eid in it written as its ISO Gregorian day ('1 Ramadan 10:00' ->
    '2027-02-08 10:00'), and that day; unchanged (but folded) with None when it names no Hijri day.
    Two Hijri days in one text are refused (UserError 'date-unreadable')."""
    folded = _LETTER_HYPHEN.sub(" ", _APOSTROPHE.sub("", fold(text)))
    given = text.strip()[:60]
    day_first = list(_DAY_FIRST.finditer(folded))
    month_first = [m for m in _MONTH_FIRST.finditer(folded) if not any(_starts_in(m, d) for d in day_first)]
    found = [*day_first, *month_first, *_EID.finditer(folded)]
    if not found:
        return folded, None
    if len({m.span() for m in found}) > 1 and not _nested(found):
        raise UserError("date-unreadable", given=given)
    match = max(found, key=lambda m: m.end() - m.start())
    if _BEFORE_AFTER.search(folded[: match.start()]):
        raise UserError("date-unreadable", given=given)
    year = int(match["year"]) if match["year"] else None
    if match.re is _EID:
        month, day = EID_AL_ADHA if match["adha"] else EID_AL_FITR
    else:
        month, day = _MONTH_OF[" ".join(match["month"].split())], int(match["day"])
    gregorian = gregorian_of(month, day, year=year, today=today, given=given)
    return f"{folded[: match.start()]}{gregorian.isoformat()}{folded[match.end() :]}", gregorian


def _starts_in(match: re.Match[str], other: re.Match[str]) -> bool:
    """Whether `match` begins inside `other` ('1 Shawwal 10:00': 'Shawwal 10' begins inside '1 Shawwal')."""
    return other.start() <= match.start() < other.end()


def _nested(found: list[re.Match[str]]) -> bool:
    """Whether every match lies within the longest one (one phrase read by two patterns)."""
    longest = max(found, key=lambda m: m.end() - m.start())
    return all(longest.start() <= m.start() and m.end() <= longest.end() for m in found)
