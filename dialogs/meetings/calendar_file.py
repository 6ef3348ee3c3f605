"""An iCalendar (.ics) file of meetings and meeting series, repeating in wall-clock time in their own zone.

Each series is one VEVENT with DTSTART/DTEND in its zone (TZID) and an RRULE, so a 10:00 Asia/Beirut
meeting stays at 10:00 across daylight saving changes; cancelled occurrences are EXDATEs and moved ones
are extra VEVENTs with the same UID and a RECURRENCE-ID. The VTIMEZONE definitions come from icalendar
(built from the local tz database, no network).

`invitation_bytes` writes the same entry as an iTIP message (RFC 5546) for one attendee: METHOD:REQUEST (the series
and its overrides; sent again with a higher SEQUENCE when it changes) or METHOD:CANCEL (the whole series, or one
occurrence by its RECURRENCE-ID).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vRecur, vText

PRODID = "-//Tansiq//Community meetings//EN"
_ZONE_YEARS_AHEAD = 20  # VTIMEZONE transitions are listed this far past the last meeting given
_LINE_BREAK = re.compile(r"\r\n?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_CONTROL_OR_SPACE = re.compile("[\x00-\x20\x7f\ud800-\udfff]")
Method = Literal["REQUEST", "CANCEL"]


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


@dataclass(frozen=True)
class Person:
    """An invitation's organizer or attendee: a name and an e-mail address."""

    name: str
    address: str


def calendar_bytes(events: Sequence[CalendarEvent], *, name: str, now: datetime) -> bytes:
    """A VCALENDAR (PRODID "-//Tansiq//Community meetings//EN", VERSION 2.0, METHOD PUBLISH, X-WR-CALNAME
    `name`) with the events, their overrides and a VTIMEZONE for every zone used; DTSTAMP is `now`."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        for component in _entries(event, now=now):
            calendar.add_component(component)
    return _finished(calendar, events, now=now)


def invitation_bytes(
    event: CalendarEvent,
    *,
    method: Method,
    organizer: Person,
    attendee: Person,
    now: datetime,
    occurrence: tuple[datetime, datetime] | None = None,
) -> bytes:
    """An iTIP invitation of `event` to `attendee`, its text made safe first (`plain_event`): REQUEST the series and
    its overrides; CANCEL the whole series, or, given `occurrence` (its original start and its start), that one."""
    event = plain_event(event)
    calendar = _calendar(method)
    if method == "REQUEST":
        components = _entries(event, now=now)
    elif occurrence is not None:
        original, start = occurrence
        components = [_occurrence(replace(event, status_cancelled=True), original=original, start=start, now=now)]
    else:
        components = [_series(replace(event, status_cancelled=True), now=now)]
    for component in components:
        component.add("organizer", _address(organizer, role=None))
        component.add("attendee", _address(attendee, role="REQ-PARTICIPANT"))
        calendar.add_component(component)
    return _finished(calendar, [event], now=now)


def plain_event(event: CalendarEvent) -> CalendarEvent:
    """The event with its member-written text made safe for the format. icalendar escapes a text value's `\\ ; ,`
    and line feeds, but passes a lone carriage return (which many calendar programs read as the end of the line)
    and other control characters, and writes a link (URL) as it is: line breaks become line feeds, other control
    characters go, and a link loses any whitespace."""
    return replace(
        event,
        title=calendar_text(event.title),
        place=calendar_text(event.place) if event.place else event.place,
        description=calendar_text(event.description),
        link=_CONTROL_OR_SPACE.sub("", event.link) if event.link else event.link,
    )


def calendar_text(text: str) -> str:
    """Text for an iCalendar TEXT value: CR LF and lone CR as LF (icalendar writes it as `\\n`), no other control
    characters."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    return calendar


def _finished(calendar: Calendar, events: Sequence[CalendarEvent], *, now: datetime) -> bytes:
    """The calendar with a VTIMEZONE for every zone its events use (listed first, for old clients), as bytes."""
    first, last = _span(events, now=now)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    ical: bytes = calendar.to_ical()  # icalendar has no type hints
    return ical


def _entries(event: CalendarEvent, *, now: datetime) -> list[Event]:
    """The series' VEVENT and one per moved occurrence."""
    moved = [_occurrence(event, original=original, start=start, now=now) for original, start in event.moved]
    return [_series(event, now=now), *moved]


def _address(person: Person, *, role: str | None) -> vCalAddress:
    """A CAL-ADDRESS (`mailto:`) with its common name; an attendee's role, and no reply asked for."""
    address = vCalAddress(f"mailto:{_CONTROL_OR_SPACE.sub('', person.address)}")
    address.params["cn"] = vText(_CONTROL.sub("", person.name.replace('"', "'").replace("\n", " ")))
    if role:
        address.params.update({"role": role, "partstat": "NEEDS-ACTION", "rsvp": "FALSE"})
    return address


def _series(event: CalendarEvent, *, now: datetime) -> Event:
    """The main VEVENT: the first occurrence, the rule and the cancelled occurrences."""
    component = _vevent(event, start=event.start, now=now)
    if event.rrule:
        component.add("rrule", vRecur.from_ical(event.rrule))
    if event.cancelled:
        component.add("exdate", [_wall(moment, event.zone) for moment in event.cancelled])
    return component


def _occurrence(event: CalendarEvent, *, original: datetime, start: datetime, now: datetime) -> Event:
    """The VEVENT that replaces one occurrence of a series (moved to `start`, or cancelled)."""
    component = _vevent(event, start=start, now=now)
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
