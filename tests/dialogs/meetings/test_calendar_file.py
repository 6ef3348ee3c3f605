"""The .ics of a meeting series: read back as a calendar application would, across daylight saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event, vRecur

from dialogs.meetings.calendar_file import PRODID, CalendarEvent, calendar_bytes

BEIRUT = "Asia/Beirut"
NOW = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%7d"
TITLE = "اجتماع المتابعة: بيانات الإنذار المبكر"
WEEKLY = "FREQ=WEEKLY"
QUARTERLY = "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1TH"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def series(**changes: object) -> CalendarEvent:
    """A weekly Thursday meeting at 10:00 in Beirut from 15 October 2026 (07:00 UTC in summer time)."""
    values: dict[str, object] = {
        "uid": "meeting-12@tansiq",
        "title": TITLE,
        "start": utc(2026, 10, 15, 7),
        "duration": timedelta(minutes=90),
        "zone": BEIRUT,
        "rrule": WEEKLY,
        "link": LINK,
        "description": "Agenda in the channel.",
        "cancelled": (utc(2026, 10, 22, 7),),
        "moved": ((utc(2026, 11, 5, 8), utc(2026, 11, 6, 12)),),
        "sequence": 3,
    } | changes
    return CalendarEvent(**values)  # type: ignore[arg-type]


def parsed(*events: CalendarEvent) -> Calendar:
    return Calendar.from_ical(calendar_bytes(events, name="Early warning CoP", now=NOW))


def main_event(calendar: Calendar) -> Event:
    (event,) = [event for event in calendar.events if "RECURRENCE-ID" not in event]
    return event


def expand(event: Event, *, until: datetime) -> list[datetime]:
    """The occurrences a client computes from the parsed DTSTART and RRULE, without EXDATEs and overrides."""
    start = event["DTSTART"].dt
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    return [moment.replace(tzinfo=start.tzinfo) for moment in rule.between(start.replace(tzinfo=None), until, inc=True)]


def test_calendar_header() -> None:
    calendar = parsed(series())
    assert str(calendar["PRODID"]) == PRODID == "-//Tansiq//Community meetings//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Early warning CoP"


def test_start_is_wall_clock_in_the_zone() -> None:
    event = main_event(parsed(series()))
    start, end = event["DTSTART"], event["DTEND"]
    assert start.params["TZID"] == end.params["TZID"] == BEIRUT
    assert start.dt.replace(tzinfo=None) == datetime(2026, 10, 15, 10, 0)
    assert start.dt == utc(2026, 10, 15, 7)
    assert end.dt - start.dt == timedelta(minutes=90)
    assert event["DTSTAMP"].dt == NOW
    assert str(event["UID"]) == "meeting-12@tansiq"
    assert event["SEQUENCE"] == 3
    assert str(event["STATUS"]) == "CONFIRMED"


@pytest.mark.parametrize("rule", [WEEKLY, "FREQ=WEEKLY;INTERVAL=2", QUARTERLY, "FREQ=MONTHLY;BYDAY=2TU"])
def test_rule_round_trips(rule: str) -> None:
    event = main_event(parsed(series(rrule=rule)))
    assert event["RRULE"] == vRecur.from_ical(rule)


def test_link_is_url_location_and_description() -> None:
    event = main_event(parsed(series()))
    assert str(event["URL"]) == LINK
    assert str(event["LOCATION"]) == LINK
    assert str(event["DESCRIPTION"]) == f"Agenda in the channel.\n\n{LINK}"


def test_place_is_the_location_when_given() -> None:
    event = main_event(parsed(series(place="Beirut office, room 2", description="")))
    assert str(event["LOCATION"]) == "Beirut office, room 2"
    assert str(event["URL"]) == LINK
    assert str(event["DESCRIPTION"]) == LINK


def test_cancelled_occurrence_is_an_exdate_in_the_zone() -> None:
    event = main_event(parsed(series()))
    exdate = event["EXDATE"]
    assert exdate.params["TZID"] == BEIRUT
    assert [moment.dt for moment in exdate.dts] == [datetime(2026, 10, 22, 10, tzinfo=ZoneInfo(BEIRUT))]


def test_moved_occurrence_overrides_the_series() -> None:
    calendar = parsed(series())
    (override,) = [event for event in calendar.events if "RECURRENCE-ID" in event]
    assert str(override["UID"]) == "meeting-12@tansiq"
    assert override["RECURRENCE-ID"].params["TZID"] == BEIRUT
    assert override["RECURRENCE-ID"].dt.replace(tzinfo=None) == datetime(2026, 11, 5, 10, 0)
    assert override["DTSTART"].params["TZID"] == BEIRUT
    assert override["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 6, 14, 0)
    assert override["DTEND"].dt - override["DTSTART"].dt == timedelta(minutes=90)
    assert "RRULE" not in override
    assert override["SEQUENCE"] == 3
    assert str(override["SUMMARY"]) == TITLE


def test_vtimezone_is_included_first() -> None:
    calendar = parsed(series())
    assert [zone.tz_name for zone in calendar.timezones] == [BEIRUT]
    assert calendar.subcomponents[0].name == "VTIMEZONE"
    assert calendar.get_missing_tzids() == set()


def test_series_stays_at_ten_across_daylight_saving() -> None:
    """Beirut leaves summer time on 25 October 2026 and returns on 28 March 2027 (last Sundays)."""
    calendar = parsed(series())
    meetings = expand(main_event(calendar), until=datetime(2027, 4, 8, 23, 0))
    assert {moment.strftime("%A %H:%M") for moment in meetings} == {"Thursday 10:00"}
    by_day = {moment.date().isoformat(): moment.astimezone(UTC).hour for moment in meetings}
    assert by_day["2026-10-22"] == 7  # summer time, UTC+3
    assert by_day["2026-10-29"] == 8  # winter time, UTC+2
    assert by_day["2027-03-25"] == 8
    assert by_day["2027-04-01"] == 7
    assert len(meetings) == 26


def test_vtimezone_itself_gives_the_same_offsets() -> None:
    """A client without the tz database reads the offsets from the file's VTIMEZONE."""
    calendar = parsed(series())
    zone = calendar.timezones[0].to_tz()
    offsets = [datetime(2026, 10, day, 10, tzinfo=zone).utcoffset() for day in (22, 29)]
    offsets += [datetime(2027, *day, 10, tzinfo=zone).utcoffset() for day in ((3, 25), (4, 1))]
    assert offsets == [timedelta(hours=hours) for hours in (3, 2, 2, 3)]


def test_quarterly_on_the_last_thursday() -> None:
    event = main_event(parsed(series(start=utc(2026, 12, 31, 8), rrule=QUARTERLY, cancelled=(), moved=())))
    meetings = expand(event, until=datetime(2027, 12, 31, 23, 0))
    assert [moment.strftime("%Y-%m-%d %H:%M") for moment in meetings] == [
        "2026-12-31 10:00",
        "2027-03-25 10:00",
        "2027-06-24 10:00",
        "2027-09-30 10:00",
        "2027-12-30 10:00",
    ]
    assert [moment.astimezone(UTC).hour for moment in meetings] == [8, 8, 7, 7, 8]


def test_one_off_meeting() -> None:
    one_off = series(uid="meeting-13@tansiq", rrule=None, cancelled=(), moved=(), link=None, place="Amman")
    calendar = parsed(one_off)
    (event,) = calendar.events
    assert "RRULE" not in event and "EXDATE" not in event and "URL" not in event
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 10, 15, 10, 0)
    assert str(event["LOCATION"]) == "Amman"
    assert str(event["DESCRIPTION"]) == "Agenda in the channel."


def test_arabic_title_survives() -> None:
    raw = calendar_bytes([series()], name="مجتمع الممارسة", now=NOW)
    calendar = Calendar.from_ical(raw)
    assert str(main_event(calendar)["SUMMARY"]) == TITLE
    assert str(calendar["X-WR-CALNAME"]) == "مجتمع الممارسة"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_cancelled_series_and_several_meetings() -> None:
    cancelled = series(status_cancelled=True, sequence=4)
    other = series(uid="meeting-20@tansiq", zone="Europe/London", rrule=None, cancelled=(), moved=())
    calendar = parsed(cancelled, other)
    statuses = {(str(event["UID"]), str(event["STATUS"])) for event in calendar.events}
    assert statuses == {("meeting-12@tansiq", "CANCELLED"), ("meeting-20@tansiq", "CONFIRMED")}
    assert sorted(zone.tz_name for zone in calendar.timezones) == ["Asia/Beirut", "Europe/London"]


def test_utc_meeting_needs_no_vtimezone() -> None:
    calendar = parsed(series(zone="UTC", rrule=None, cancelled=(), moved=()))
    assert calendar.timezones == []
    assert calendar.events[0]["DTSTART"].dt == utc(2026, 10, 15, 7)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        series(start=datetime(2026, 10, 15, 10, 0))
