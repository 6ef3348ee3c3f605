"""Meeting series: what members type, the rule stored, the meetings they will see, and how it is described."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Catalogs, plain
from dialogs.common.errors import UserError
from dialogs.meetings.recurrence import describe, occurrences, parse_recurrence

BEIRUT, ISTANBUL, AMMAN, LONDON = "Asia/Beirut", "Europe/Istanbul", "Asia/Amman", "Europe/London"


def wall(moments: list[datetime], zone: str) -> list[str]:
    """Meetings as a member in `zone` sees them."""
    return [moment.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M") for moment in moments]


@pytest.mark.parametrize(
    "text, rule",
    [
        ("every week", "FREQ=WEEKLY"),
        ("weekly", "FREQ=WEEKLY"),
        ("once a week", "FREQ=WEEKLY"),
        ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("every other week", "FREQ=WEEKLY;INTERVAL=2"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
        ("every Tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("every 2 weeks on Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every month", "FREQ=MONTHLY"),
        ("monthly", "FREQ=MONTHLY"),
        ("monthly on the second Tuesday", "FREQ=MONTHLY;BYDAY=2TU"),
        ("the 2nd Tuesday of every month", "FREQ=MONTHLY;BYDAY=2TU"),
        ("last Friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every quarter", "FREQ=MONTHLY;INTERVAL=3"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3"),
        ("last Thursday of the quarter", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1TH"),
        ("quarterly on the first Monday", "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO"),
        ("every year", "FREQ=YEARLY"),
        ("yearly", "FREQ=YEARLY"),
        ("annually", "FREQ=YEARLY"),
        ("every day", "FREQ=DAILY"),
        ("كل أسبوع", "FREQ=WEEKLY"),
        ("أسبوعيا", "FREQ=WEEKLY"),
        ("أسبوعياً", "FREQ=WEEKLY"),
        ("مرة في الأسبوع", "FREQ=WEEKLY"),
        ("كل أسبوعين", "FREQ=WEEKLY;INTERVAL=2"),
        ("كل ٣ أسابيع", "FREQ=WEEKLY;INTERVAL=3"),
        ("كل يوم ثلاثاء", "FREQ=WEEKLY;BYDAY=TU"),
        ("كل اثنين", "FREQ=WEEKLY;BYDAY=MO"),
        ("كل أسبوعين يوم الثلاثاء", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("كل شهر", "FREQ=MONTHLY"),
        ("شهريا", "FREQ=MONTHLY"),
        ("ثاني ثلاثاء من كل شهر", "FREQ=MONTHLY;BYDAY=2TU"),
        ("الثلاثاء الثاني من كل شهر", "FREQ=MONTHLY;BYDAY=2TU"),
        ("كل شهر في آخر جمعة", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("كل ربع سنة", "FREQ=MONTHLY;INTERVAL=3"),
        ("كل ثلاثة أشهر", "FREQ=MONTHLY;INTERVAL=3"),
        ("فصليا", "FREQ=MONTHLY;INTERVAL=3"),
        ("آخر خميس من كل ربع سنة", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1TH"),
        ("الخميس الأخير من كل ربع سنة", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1TH"),
        ("كل سنة", "FREQ=YEARLY"),
        ("سنويا", "FREQ=YEARLY"),
        ("كل عام", "FREQ=YEARLY"),
        ("كل سنتين", "FREQ=YEARLY;INTERVAL=2"),
        ("يوميا", "FREQ=DAILY"),
    ],
)
def test_phrases_become_rules(text: str, rule: str) -> None:
    assert parse_recurrence(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "every blue moon",
        "كل قمر",
        "كل",
        "",
        "every second Tuesday",  # every other Tuesday, or the 2nd Tuesday of the month? Tansiq asks.
        "every 0 weeks",
        "every day on Tuesday",
        "every 2 quarters on the last Thursday",
        "tomorrow 15:00",
    ],
)
def test_unreadable_repeats(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_recurrence(text)
    assert (raised.value.message_key, raised.value.args_) == ("recurrence-unreadable", {"given": text})


def test_a_beirut_meeting_stays_at_ten_across_the_spring_change() -> None:
    start = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)  # Thursday 10:00 in Beirut (UTC+2)
    meetings = occurrences("FREQ=WEEKLY", start=start, zone=BEIRUT, after=datetime(2027, 3, 1, tzinfo=UTC), count=4)
    assert wall(meetings, BEIRUT) == [
        "Thu 2027-03-18 10:00",
        "Thu 2027-03-25 10:00",
        "Thu 2027-04-01 10:00",  # summer time began on Sunday 28 March
        "Thu 2027-04-08 10:00",
    ]
    assert [m.hour for m in meetings] == [8, 8, 7, 7]


def test_a_beirut_meeting_stays_at_ten_across_the_autumn_change() -> None:
    start = datetime(2027, 10, 14, 7, 0, tzinfo=UTC)  # Thursday 10:00 in Beirut (UTC+3)
    meetings = occurrences("FREQ=WEEKLY", start=start, zone=BEIRUT, after=start, count=3)
    assert wall(meetings, BEIRUT) == ["Thu 2027-10-21 10:00", "Thu 2027-10-28 10:00", "Thu 2027-11-04 10:00"]
    assert [m.hour for m in meetings] == [7, 7, 8]  # winter time began on Sunday 31 October


def test_istanbul_has_no_daylight_saving() -> None:
    start = datetime(2027, 3, 18, 7, 0, tzinfo=UTC)  # 10:00 in Istanbul (UTC+3 all year)
    meetings = occurrences("FREQ=WEEKLY;INTERVAL=2", start=start, zone=ISTANBUL, after=start, count=3)
    assert meetings == [datetime(2027, m, d, 7, 0, tzinfo=UTC) for m, d in ((4, 1), (4, 15), (4, 29))]


def test_members_in_other_zones_see_the_organisers_series_in_their_own_time() -> None:
    start = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)  # a Beirut series at 10:00
    meetings = occurrences("FREQ=WEEKLY", start=start, zone=BEIRUT, after=start, count=2)
    assert wall(meetings, AMMAN) == ["Thu 2027-03-25 11:00", "Thu 2027-04-01 10:00"]  # Amman is UTC+3 all year
    assert wall(meetings, LONDON) == ["Thu 2027-03-25 08:00", "Thu 2027-04-01 08:00"]  # London moved with Beirut


def test_monthly_on_the_second_tuesday() -> None:
    start = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)
    meetings = occurrences(parse_recurrence("ثاني ثلاثاء من كل شهر"), start=start, zone=BEIRUT, after=start)
    assert wall(meetings, BEIRUT) == [
        "Tue 2027-01-12 10:00",
        "Tue 2027-02-09 10:00",
        "Tue 2027-03-09 10:00",
        "Tue 2027-04-13 10:00",
        "Tue 2027-05-11 10:00",
    ]


def test_monthly_on_the_same_date_skips_months_without_it() -> None:
    start = datetime(2027, 1, 31, 8, 0, tzinfo=UTC)
    meetings = occurrences("FREQ=MONTHLY", start=start, zone=BEIRUT, after=start, count=3)
    assert wall(meetings, BEIRUT) == ["Wed 2027-03-31 10:00", "Mon 2027-05-31 10:00", "Sat 2027-07-31 10:00"]


def test_quarterly_and_yearly() -> None:
    start = datetime(2026, 12, 15, 8, 0, tzinfo=UTC)
    quarterly = occurrences(parse_recurrence("كل ربع سنة"), start=start, zone=BEIRUT, after=start, count=4)
    assert wall(quarterly, BEIRUT) == [
        "Mon 2027-03-15 10:00",
        "Tue 2027-06-15 10:00",
        "Wed 2027-09-15 10:00",
        "Wed 2027-12-15 10:00",
    ]
    yearly = occurrences(parse_recurrence("every year"), start=start, zone=BEIRUT, after=start, count=2)
    assert wall(yearly, BEIRUT) == ["Wed 2027-12-15 10:00", "Fri 2028-12-15 10:00"]


def test_the_last_thursday_of_every_quarter() -> None:
    start = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # the series is set up on a Tuesday; it meets on Thursdays
    rule = parse_recurrence("last Thursday of the quarter")
    meetings = occurrences(rule, start=start, zone=BEIRUT, after=start)
    assert wall(meetings, BEIRUT) == [
        "Thu 2026-12-31 10:00",
        "Thu 2027-03-25 10:00",
        "Thu 2027-06-24 10:00",
        "Thu 2027-09-30 10:00",
        "Thu 2027-12-30 10:00",
    ]


def test_occurrences_are_strictly_after_and_stop_at_until() -> None:
    start = datetime(2027, 3, 18, 8, 0, tzinfo=UTC)
    meetings = occurrences(
        "FREQ=WEEKLY", start=start, zone=BEIRUT, after=start, until=datetime(2027, 4, 1, 7, 0, tzinfo=UTC)
    )
    assert wall(meetings, BEIRUT) == ["Thu 2027-03-25 10:00", "Thu 2027-04-01 10:00"]
    long_ago = datetime(2020, 1, 2, 8, 0, tzinfo=UTC)  # a series running for years
    later = occurrences("FREQ=WEEKLY", start=long_ago, zone=BEIRUT, after=datetime(2027, 10, 20, tzinfo=UTC), count=2)
    assert wall(later, BEIRUT) == ["Thu 2027-10-21 10:00", "Thu 2027-10-28 10:00"]


@pytest.mark.parametrize(
    "text, english, arabic",
    [
        ("every week", "every week", "كل أسبوع"),
        ("كل أسبوعين", "every 2 weeks", "كل أسبوعين"),
        ("every 3 weeks", "every 3 weeks", "كل ٣ أسابيع"),
        ("every 11 weeks", "every 11 weeks", "كل ١١ أسبوعًا"),
        ("every day", "every day", "كل يوم"),
        ("every Tuesday", "every Tuesday", "كل يوم الثلاثاء"),
        ("كل أسبوعين يوم الخميس", "every 2 weeks on Thursday", "كل أسبوعين يوم الخميس"),
        ("monthly", "every month", "كل شهر"),
        ("every 2 months", "every 2 months", "كل شهرين"),
        ("quarterly", "every quarter", "كل ربع سنة"),
        ("monthly on the second Tuesday", "the second Tuesday of every month", "ثاني ثلاثاء من كل شهر"),
        ("آخر جمعة من كل شهر", "the last Friday of every month", "آخر جمعة من كل شهر"),
        ("last Thursday of the quarter", "the last Thursday of every quarter", "آخر خميس من كل ربع سنة"),
        ("quarterly on the first Monday", "the first Monday of every quarter", "أول اثنين من كل ربع سنة"),
        ("yearly", "every year", "كل سنة"),
        ("كل سنتين", "every 2 years", "كل سنتين"),
    ],
)
def test_series_are_described_in_both_languages(text: str, english: str, arabic: str) -> None:
    reply = describe(parse_recurrence(text))
    catalogs = Catalogs()
    assert plain(catalogs.text("en", reply.key, **reply.args)) == english
    assert plain(catalogs.text("ar", reply.key, **reply.args)) == arabic


def test_describe_refuses_rules_it_did_not_make() -> None:
    with pytest.raises(ValueError):
        describe("FREQ=MONTHLY;BYMONTHDAY=15")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_error_shows_two_examples_that_work(lang: str) -> None:
    examples = re.findall(r"`([^`]+)`", plain(Catalogs().text(lang, "recurrence-unreadable", given="x")))
    assert len(examples) == 2
    assert [parse_recurrence(example) for example in examples] == ["FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=2TU"]
