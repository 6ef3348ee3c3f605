"""Dates, days and durations as members type them: what they get back, in their own zone and language."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Catalogs, format_when, plain
from dialogs.common.dates import parse_day, parse_duration, parse_past_day, parse_when
from dialogs.common.errors import UserError

TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 12:00 in Amman, 11:00 in Beirut
THURSDAY = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
AMMAN, BEIRUT = "Asia/Amman", "Asia/Beirut"


def local(text: str, *, zone: str = AMMAN, now: datetime = TUESDAY, lang: str | None = None) -> str:
    """What the member sees: the parsed moment on their own wall clock."""
    return parse_when(text, now=now, zone=zone, lang=lang).astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M")


WALL_CLOCK = [
    # the phrases every member must be able to use
    ("tomorrow 3pm", "Wed 2026-11-25 15:00"),
    ("next Thursday 10:00", "Thu 2026-11-26 10:00"),
    ("in 2 weeks", "Tue 2026-12-08 09:00"),
    ("15 December 14:00", "Tue 2026-12-15 14:00"),
    ("2026-12-15 14:00", "Tue 2026-12-15 14:00"),
    ("غدا الساعة 3 مساء", "Wed 2026-11-25 15:00"),
    ("الخميس القادم الساعة 10", "Thu 2026-11-26 10:00"),
    ("بعد أسبوعين", "Tue 2026-12-08 09:00"),
    ("١٥ ديسمبر ١٤:٠٠", "Tue 2026-12-15 14:00"),
    ("١٥/١٢/٢٠٢٦ ١٤:٠٠", "Tue 2026-12-15 14:00"),
    # and the others members write
    ("today 17:30", "Tue 2026-11-24 17:30"),
    ("Monday", "Mon 2026-11-30 09:00"),
    ("next week", "Tue 2026-12-01 09:00"),
    ("in 3 days", "Fri 2026-11-27 09:00"),
    ("a week from now", "Tue 2026-12-01 09:00"),
    ("next month", "Thu 2026-12-24 09:00"),
    ("tomorrow morning", "Wed 2026-11-25 09:00"),
    ("tonight", "Tue 2026-11-24 20:00"),
    ("friday 9", "Fri 2026-11-27 09:00"),
    ("tomorrow at 3", "Wed 2026-11-25 03:00"),
    ("next Tuesday", "Tue 2026-12-01 09:00"),
    ("this Tuesday 17:00", "Tue 2026-11-24 17:00"),
    ("15/12", "Tue 2026-12-15 09:00"),
    ("3pm", "Tue 2026-11-24 15:00"),
    ("10:00", "Wed 2026-11-25 10:00"),
    ("end of month", "Mon 2026-11-30 09:00"),
    ("بعد غد", "Thu 2026-11-26 09:00"),
    ("بعد ٣ أيام", "Fri 2026-11-27 09:00"),
    ("بعد ثلاثة أيام", "Fri 2026-11-27 09:00"),
    ("بعد يومين الساعة ١١", "Thu 2026-11-26 11:00"),
    ("الأحد 9 صباحا", "Sun 2026-11-29 09:00"),
    ("اليوم الساعة ٥ مساءً", "Tue 2026-11-24 17:00"),
    ("الخميس 10", "Thu 2026-11-26 10:00"),
    ("الجمعة القادمة", "Fri 2026-11-27 09:00"),
    ("الأسبوع القادم", "Tue 2026-12-01 09:00"),
    ("غدا صباحا", "Wed 2026-11-25 09:00"),
    ("الليلة", "Tue 2026-11-24 20:00"),
    ("الساعة الثالثة عصرا غدا", "Wed 2026-11-25 15:00"),
    ("غدا الساعة الثالثة والنصف عصرا", "Wed 2026-11-25 15:30"),
    ("غدا ٤ إلا ربع مساء", "Wed 2026-11-25 15:45"),
    ("15 كانون الأول", "Tue 2026-12-15 09:00"),
    ("١٥ كانون الأول ٢٠٢٦م الساعة ١٠", "Tue 2026-12-15 10:00"),
    ("نهاية الشهر", "Mon 2026-11-30 09:00"),
    # diacritics, tatweel, hamza and alef variants, Eastern Arabic digits
    ("غَدًا السّاعة ٣ مساءً", "Wed 2026-11-25 15:00"),
    ("غــداً الساعه 3 مساءا", "Wed 2026-11-25 15:00"),
    ("الاحد ٩ ص", "Sun 2026-11-29 09:00"),
    ("١٥ إبريل", "Thu 2027-04-15 09:00"),
    ("15 ابريل", "Thu 2027-04-15 09:00"),
    ("۱۵/۱۲/۲۰۲۶ ۱۴:۰۰", "Tue 2026-12-15 14:00"),
]


@pytest.mark.parametrize("zone", [AMMAN, BEIRUT])
@pytest.mark.parametrize("text, expected", WALL_CLOCK)
def test_phrases_land_on_the_members_wall_clock(text: str, expected: str, zone: str) -> None:
    assert local(text, zone=zone) == expected


def test_the_same_words_are_different_moments_in_different_zones() -> None:
    assert parse_when("tomorrow 3pm", now=TUESDAY, zone=AMMAN) == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_when("tomorrow 3pm", now=TUESDAY, zone=BEIRUT) == datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
    assert parse_when("غدا الساعة 3 مساء", now=TUESDAY, zone=BEIRUT, lang="ar") == datetime(
        2026, 11, 25, 13, 0, tzinfo=UTC
    )


def test_today_and_tomorrow_are_counted_in_the_members_zone() -> None:
    late = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)  # already the 25th (01:30) in Amman, still the 24th in UTC
    assert local("tomorrow 10:00", now=late) == "Thu 2026-11-26 10:00"
    assert local("tomorrow 10:00", now=late, zone="UTC") == "Wed 2026-11-25 10:00"


def test_a_spring_date_gets_the_summer_offset() -> None:
    # Beirut is UTC+2 in November and UTC+3 from 28 March 2027.
    assert parse_when("15 April 10:00", now=TUESDAY, zone=BEIRUT) == datetime(2027, 4, 15, 7, 0, tzinfo=UTC)
    assert parse_when("15 December 10:00", now=TUESDAY, zone=BEIRUT) == datetime(2026, 12, 15, 8, 0, tzinfo=UTC)


def test_hours_from_now_are_an_exact_span() -> None:
    assert parse_when("in 2 hours", now=TUESDAY, zone=AMMAN) == TUESDAY + timedelta(hours=2)
    assert parse_when("بعد ساعة ونصف", now=TUESDAY, zone=BEIRUT) == TUESDAY + timedelta(minutes=90)
    assert parse_when("in half an hour", now=TUESDAY, zone=AMMAN) == TUESDAY + timedelta(minutes=30)


def test_an_explicit_offset_wins_over_the_members_zone() -> None:
    assert parse_when("tomorrow 15:00 UTC", now=TUESDAY, zone=AMMAN) == datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def test_a_weekday_typed_on_that_weekday_is_a_week_later() -> None:
    assert local("next Thursday 10:00", now=THURSDAY) == "Thu 2026-12-03 10:00"
    assert local("Thursday 17:00", now=THURSDAY) == "Thu 2026-12-03 17:00"
    assert local("الخميس القادم", now=THURSDAY) == "Thu 2026-12-03 09:00"
    assert local("this Thursday 17:00", now=THURSDAY) == "Thu 2026-11-26 17:00"
    assert local("today 17:00", now=THURSDAY) == "Thu 2026-11-26 17:00"


def test_a_date_without_a_year_is_its_next_occurrence() -> None:
    assert local("15 December") == "Tue 2026-12-15 09:00"
    on_20_december = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    assert local("15 December", now=on_20_december) == "Wed 2027-12-15 09:00"
    assert local("١٥ ديسمبر ١٤:٠٠", now=on_20_december) == "Wed 2027-12-15 14:00"
    early_on_15_december = datetime(2026, 12, 15, 5, 0, tzinfo=UTC)  # 08:00 in Amman
    assert local("15 December", now=early_on_15_december) == "Tue 2026-12-15 09:00"


def test_the_members_language_does_not_change_the_result() -> None:
    assert local("tomorrow 3pm", lang="ar") == local("tomorrow 3pm", lang="en") == "Wed 2026-11-25 15:00"
    assert local("غدا الساعة 3 مساء", lang="en") == "Wed 2026-11-25 15:00"


@pytest.mark.parametrize(
    "text",
    ["blah", "", "15", "tomorrow 25:00", "كل قمر", "every blue moon", "tomorrow tonight", "tomorrow next Friday"],
)
def test_unreadable_dates(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_when(text, now=TUESDAY, zone=AMMAN)
    assert raised.value.message_key == "date-unreadable"
    assert raised.value.args_ == {"given": text.strip()}


def test_what_was_given_is_cut_to_sixty_characters() -> None:
    with pytest.raises(UserError) as raised:
        parse_when("  " + "x" * 100, now=TUESDAY, zone=AMMAN)
    assert raised.value.args_["given"] == "x" * 60


@pytest.mark.parametrize(
    "text, when",
    [
        ("yesterday", datetime(2026, 11, 23, 6, 0, tzinfo=UTC)),
        ("today 10:00", datetime(2026, 11, 24, 7, 0, tzinfo=UTC)),
        ("today", datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),  # 09:00 has passed at noon
        ("اليوم الساعة ٩ صباحا", datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),
        ("15 November 2026", datetime(2026, 11, 15, 6, 0, tzinfo=UTC)),
        ("last Friday", datetime(2026, 11, 20, 6, 0, tzinfo=UTC)),
        ("الخميس الماضي", datetime(2026, 11, 19, 6, 0, tzinfo=UTC)),
    ],
)
def test_times_in_the_past_are_refused_with_what_was_understood(text: str, when: datetime) -> None:
    with pytest.raises(UserError) as raised:
        parse_when(text, now=TUESDAY, zone=AMMAN)
    assert raised.value.message_key == "date-in-past"
    assert raised.value.args_ == {"given": text, "when": when}


def test_a_date_on_the_day_but_earlier_than_its_time_is_in_the_past() -> None:
    late_on_15_december = datetime(2026, 12, 15, 13, 0, tzinfo=UTC)  # 16:00 in Amman
    with pytest.raises(UserError) as raised:
        parse_when("15 December 14:00", now=late_on_15_december, zone=AMMAN)
    assert raised.value.args_["when"] == datetime(2026, 12, 15, 11, 0, tzinfo=UTC)


def _examples(lang: str, key: str) -> list[str]:
    return re.findall(r"`([^`]+)`", plain(Catalogs().text(lang, key, given="x", when=TUESDAY)))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_date_errors_show_two_examples_that_work(lang: str) -> None:
    for key in ("date-unreadable", "date-in-past"):
        examples = _examples(lang, key)
        assert len(examples) == 2, key
        for example in examples:
            assert parse_when(example, now=TUESDAY, zone=AMMAN) > TUESDAY
    examples = _examples(lang, "day-in-past")
    assert len(examples) == 2
    assert all(parse_day(example, now=TUESDAY, zone=AMMAN) > TUESDAY.date() for example in examples)


def test_date_in_past_shows_the_moment_in_the_members_zone_and_language() -> None:
    catalogs = Catalogs()
    when = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 09:00 in Amman
    english = plain(catalogs.text("en", "date-in-past", display_zone=AMMAN, given="yesterday", when=when))
    shown = format_when(when, lang="en", zone=AMMAN)
    assert "Nov 23, 2026" in shown and "9:00" in shown
    assert english.startswith(f"“yesterday” is {shown}, which has already passed.")
    arabic = plain(catalogs.text("ar", "date-in-past", display_zone=AMMAN, given="أمس", when=when))
    assert arabic.startswith(f"«أمس» يعني {format_when(when, lang='ar', zone=AMMAN)}،")
    assert "٢٣" in arabic and "٩:٠٠" in arabic


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("90 minutes", 90),
        ("1h30", 90),
        ("1h 30m", 90),
        ("2 hours", 120),
        ("1.5 hours", 90),
        ("1:30", 90),
        ("45 min", 45),
        ("an hour and a half", 90),
        ("1 hour 30 minutes", 90),
        ("half an hour", 30),
        ("ساعتان", 120),
        ("ساعتين", 120),
        ("ساعة ونصف", 90),
        ("ساعة", 60),
        ("٩٠ دقيقة", 90),
        ("نصف ساعة", 30),
        ("ربع ساعة", 15),
        ("ساعتين وربع", 135),
        ("3 ساعات", 180),
        ("ساعة و 15 دقيقة", 75),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["90", "0 minutes", "forever", "", "ساعات كثيرة", "tomorrow"])
def test_unreadable_durations(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_duration(text)
    assert raised.value.message_key == "duration-unreadable"
    assert raised.value.args_ == {"given": text}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_duration_error_shows_two_examples_that_work(lang: str) -> None:
    examples = _examples(lang, "duration-unreadable")
    assert len(examples) == 2
    assert all(parse_duration(example) > timedelta(0) for example in examples)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("next Friday", date(2026, 11, 27)),
        ("31 March", date(2027, 3, 31)),
        ("today", date(2026, 11, 24)),
        ("end of month", date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31)),
        ("end of the quarter", date(2026, 12, 31)),
        ("end of the year", date(2026, 12, 31)),
        ("نهاية الشهر", date(2026, 11, 30)),
        ("آخر الشهر القادم", date(2026, 12, 31)),
        ("نهاية السنة", date(2026, 12, 31)),
        ("الجمعة القادمة", date(2026, 11, 27)),
        ("٣١ مارس", date(2027, 3, 31)),
        ("31/3/2027", date(2027, 3, 31)),
    ],
)
def test_days_for_due_dates(text: str, expected: date) -> None:
    assert parse_day(text, now=TUESDAY, zone=AMMAN) == expected


def test_end_of_quarter_from_the_last_day_of_a_month() -> None:
    may_31 = datetime(2027, 5, 31, 9, 0, tzinfo=UTC)
    assert parse_day("end of the quarter", now=may_31, zone=AMMAN) == date(2027, 6, 30)
    assert parse_day("end of next month", now=may_31, zone=AMMAN) == date(2027, 6, 30)


def test_a_day_already_over_is_refused() -> None:
    with pytest.raises(UserError) as raised:
        parse_day("yesterday", now=TUESDAY, zone=AMMAN)
    assert (raised.value.message_key, raised.value.args_) == ("day-in-past", {"given": "yesterday"})
    with pytest.raises(UserError) as raised:
        parse_day("whenever", now=TUESDAY, zone=AMMAN)
    assert raised.value.message_key == "date-unreadable"


# ---- Hijri dates and Eid (Umm al-Qura; on Tuesday 24 November 2026 = 14 Jumada al-Akhirah 1448) -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("١ رمضان", "Mon 2027-02-08 09:00"),  # without a year: the next 1 Ramadan
        ("١ رمضان ١٤٤٩", "Fri 2028-01-28 09:00"),
        ("1 Ramadan 1449", "Fri 2028-01-28 09:00"),
        ("1 Ramadan 1449 10:00", "Fri 2028-01-28 10:00"),
        ("Ramadan 1, 1449 AH", "Fri 2028-01-28 09:00"),
        ("١ رمضان ١٤٤٩ هـ الساعة ٤ عصرا", "Fri 2028-01-28 16:00"),
        ("15 Sha'ban", "Sat 2027-01-23 09:00"),
        ("first day of Eid", "Tue 2027-03-09 09:00"),  # Eid al-Fitr, 1 Shawwal
        ("أول أيام العيد", "Tue 2027-03-09 09:00"),
        ("أول أيام العيد الساعة 10", "Tue 2027-03-09 10:00"),
        ("عيد الفطر ١٤٤٩", "Sat 2028-02-26 09:00"),
        ("Eid al-Adha 3pm", "Sun 2027-05-16 15:00"),  # 10 Dhu al-Hijja
        ("أول أيام عيد الأضحى", "Sun 2027-05-16 09:00"),
        ("10 ذو الحجة ١٤٤٨ هـ", "Sun 2027-05-16 09:00"),
    ],
)
def test_hijri_dates_and_eid(text: str, expected: str) -> None:
    assert local(text) == expected


def test_hijri_days_for_due_dates() -> None:
    assert parse_day("١ رمضان ١٤٤٩", now=TUESDAY, zone=AMMAN) == date(2028, 1, 28)
    assert parse_day("first day of Eid", now=TUESDAY, zone=AMMAN) == date(2027, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("١ رمضان", date(2026, 2, 18)),  # 1 Ramadan 1447, not the coming one
        ("1 Rajab", date(2025, 12, 21)),  # 1 Rajab 1448 is 10 December 2026: 1447's
        ("first day of Eid", date(2026, 3, 20)),
        ("عيد الأضحى", date(2026, 5, 27)),
        ("14 Jumada al-Akhirah", date(2026, 11, 24)),  # today
        ("1 Ramadan 1446", date(2025, 3, 1)),  # a year given: that one
    ],
)
def test_a_hijri_day_to_look_back_from_is_the_last_one_that_came(text: str, expected: date) -> None:
    assert parse_past_day(text, now=TUESDAY, zone=AMMAN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Shawwal 10:00", "Tue 2027-03-09 10:00"),  # a day without a year, then a time
        ("١ شوال ١٠:٠٠", "Tue 2027-03-09 10:00"),
        ("1 Ramadan 10am", "Mon 2027-02-08 10:00"),
        ("Ramadan 1 10:00", "Mon 2027-02-08 10:00"),
    ],
)
def test_a_hijri_day_then_a_time(text: str, expected: str) -> None:
    assert local(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("بعد العيد", "date-unreadable"),  # after Eid: not Eid itself
        ("قبل عيد الأضحى", "date-unreadable"),
        ("after Eid", "date-unreadable"),
        ("the day before Eid al-Fitr", "date-unreadable"),
        ("30 Ramadan 1448", "date-unreadable"),  # Ramadan 1448 has 29 days
        ("tomorrow 1 Ramadan", "date-unreadable"),  # two days named
        ("العيد الوطني", "date-unreadable"),  # a national day, not an Eid
        ("1 Ramadan 1440", "date-in-past"),
        ("1 Ramadan 1600", "hijri-out-of-range"),  # Umm al-Qura tables end in 1500 AH
        ("1 Ramadan 2027", "hijri-out-of-range"),  # a Gregorian year after a Hijri month
    ],
)
def test_hijri_dates_refused_with_what_to_write(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_when(text, now=TUESDAY, zone=AMMAN)
    assert raised.value.message_key == key
    shown = plain(Catalogs().text("en", key, given=text, when=TUESDAY))
    assert text in shown
