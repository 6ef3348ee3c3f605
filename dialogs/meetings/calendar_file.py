"""An iCalendar (.ics) file of meetings and meeting series, repeating in wall-clock time in their own zone.

Each series is one VEVENT with DTSTART/DTEND in its zone (TZID) and an RRULE, so a 10:00 Asia/Beirut
meeting stays at 10:00 across daylight saving changes; cancelled occurrences are EXDATEs and moved ones
are extra VEVENTs with the same UID and a RECURRENCE-ID. The VTIMEZONE definitions come from icalendar
(built from the local tz database, no network).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

PRODID = "-//Tansiq//Community meetings//EN"
_ZONE_YEARS_AHEAD = 20  # VTIMEZONE transitions are listed this far past the last meeting given


@dataclass(frozen=True)
class CalendarEvent:
    """One meeting or meeting series as a calendar sees it; all datetimes are aware (UTC)."""

    uid: str
    title: str
    start: datetime
    duration: timedelta
    zone: str
    rrule: str | None
    link: str | None = None
    place: str | None = None
    description: str = ""
    cancelled: tuple[datetime, ...] = ()
    moved: tuple[tuple[datetime, datetime], ...] = ()
    sequence: int = 0
    status_cancelled: bool = False

    def __post_init__(self) -> None:
        if any(moment.tzinfo is None for moment in _moments(self)):
            raise ValueError(f"{self.uid}: calendar times must be timezone-aware")


def calendar_bytes(events: Sequence[CalendarEvent], *, name: str, now: datetime) -> bytes:
    """A VCALENDAR (PRODID "-//Tansiq//Community meetings//EN", VERSION 2.0, METHOD PUBLISH, X-WR-CALNAME
    `name`) with the events, their overrides and a VTIMEZONE for every zone used; DTSTAMP is `now`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_series(event, now=now))
        for original, new_start in event.moved:
            calendar.add_component(_moved(event, original=original, new_start=new_start, now=now))
    first, last = _span(events, now=now)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")  # zones first, for old clients
    ical: bytes = calendar.to_ical()  # icalendar has no type hints
    return ical


def _series(event: CalendarEvent, *, now: datetime) -> Event:
    """The main VEVENT: the first occurrence, the rule and the cancelled occurrences."""
    component = _vevent(event, start=event.start, now=now)
    if event.rrule:
        component.add("rrule", vRecur.from_ical(event.rrule))
    if event.cancelled:
        component.add("exdate", [_wall(moment, event.zone) for moment in event.cancelled])
    return component


def _moved(event: CalendarEvent, *, original: datetime, new_start: datetime, now: datetime) -> Event:
    """The VEVENT that replaces one occurrence of a series with the same meeting at another time."""
    component = _vevent(event, start=new_start, now=now)
    component.add("recurrence-id", _wall(original, event.zone))
    return component


def _vevent(event: CalendarEvent, *, start: datetime, now: datetime) -> Event:
    """The properties every VEVENT of the meeting shares, starting at `start`."""
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", now.astimezone(UTC))
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("dtstart", _wall(start, event.zone))
    component.add("dtend", _wall(start + event.duration, event.zone))
    component.add("status", "CANCELLED" if event.status_cancelled else "CONFIRMED")
    location = event.place or event.link
    if location:
        component.add("location", location)
    if event.link:
        component.add("url", event.link)
    description = _description(event)
    if description:
        component.add("description", description)
    return component


def _description(event: CalendarEvent) -> str:
    """The facilitators' description followed by the join link (unless it already holds it)."""
    text = event.description.strip()
    if event.link and event.link not in text:
        text = f"{text}\n\n{event.link}" if text else event.link
    return text


def _wall(moment: datetime, zone: str) -> datetime:
    """An aware moment as wall-clock time in `zone` (written with TZID=zone)."""
    return moment.astimezone(ZoneInfo(zone))


def _span(events: Sequence[CalendarEvent], *, now: datetime) -> tuple[date, date]:
    """The days the VTIMEZONE definitions must cover: from the first meeting to well after the last."""
    moments = [now, *(moment for event in events for moment in _moments(event))]
    first = min(moments).date() - timedelta(days=1)
    last = max(moments).date() + timedelta(days=366 * _ZONE_YEARS_AHEAD)
    return first, last


def _moments(event: CalendarEvent) -> tuple[datetime, ...]:
    """Every start an event names: the series start, cancelled and moved occurrences."""
    return (event.start, *event.cancelled, *(moment for pair in event.moved for moment in pair))
