"""Live facts about meetings: the next meeting (time in the member's zone, its link), the agenda of the next
meeting or of one the question names or dates, how to add an item.

A question names a meeting by its number ("meeting 3", «الاجتماع رقم ٣») or words of its title ("the follow-up
meeting"), and dates one by a day ("15 January", «١٥ كانون الثاني», "next Thursday") or a month ("the January
meeting", «اجتماع شباط»), read with the project's date words (`dialogs.common.dates`). A day or month written
without a year is the nearest one: up to six months back or ahead ("the October meeting" asked in November is last
October's). Only meetings the reader may see are looked at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from dialogs.common.dates import english_words, read_day
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import fold
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import Reader, may_see, of_meeting, reader_for
from dialogs.meetings import agenda, occurrences, schedule
from dialogs.meetings.occurrences import Slot
from dialogs.meetings.views import AgendaCard, MeetingCard, MeetingList
from dialogs.questions.engine import normalize
from dialogs.questions.facts import LiveFact, people
from storage.models import AgendaItem, AgendaStatus, Meeting, OccurrenceStatus

NEAREST = timedelta(days=183)
"""A day or month typed without a year is the one nearest today: at most this far back or ahead."""
SEARCHED = 400
"""The most occurrences of one series looked at in a day or a month."""
MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
    *("november", "december"),
)
_MONTH = "|".join(MONTHS)
_WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ORDINAL = r"(?:st|nd|rd|th)?"
# on the question's English date words (`english_words`): "may" alone is a verb, so a month needs a day or a year
_DAY = re.compile(
    r"(?<![\w/-])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    rf"|\d{{1,2}}{_ORDINAL} (?:of )?(?:{_MONTH})(?: \d{{4}})?"
    rf"|(?:{_MONTH}) \d{{1,2}}{_ORDINAL}(?:,? \d{{4}})?"
    r"|day after tomorrow|tomorrow|today|yesterday"
    rf"|(?:(?:next|this|last|coming) )?(?:{_WEEKDAY})(?: (?:next|last))?"
    r")(?![\w/-])"
)
_MONTH_ALONE = re.compile(
    rf"(?<!\w)(?:(?P<month>{_MONTH.replace('may|', '')})(?: (?P<year>\d{{4}}))?|may (?P<may_year>\d{{4}}))\b"
)
_MONTH_STEP = re.compile(r"\b(?:(?P<before>next|this|last) month|month (?P<after>next|last))\b")
_YEAR = re.compile(r"\b\d{4}\b|\d/\d{1,2}/\d")
_NUMBER = re.compile(
    rf"(?:\bmeeting|{fold('اجتماع')})\s*(?:#|no\.?|number|{fold('رقم')})?\s*#?(\d{{1,5}})"
    rf"(?![\d/:-]|{_ORDINAL}\s+(?:of\s+)?(?:{_MONTH}))|#(\d{{1,5}})\b"
)


MONTH_WORDS = frozenset(
    people.bare(normalize(word))
    for word in (
        *MONTHS,
        *("يناير", "جانفي", "فبراير", "شباط", "فيفري", "مارس", "آذار", "أبريل", "إبريل", "نيسان", "أفريل"),
        *("مايو", "أيار", "يونيو", "يونيه", "حزيران", "جوان", "يوليو", "يوليه", "تموز", "جويلية", "أغسطس", "آب"),
        *("أوت", "سبتمبر", "أيلول", "أكتوبر", "تشرين", "نوفمبر", "ديسمبر", "كانون"),
    )
)
"""Month names, Gregorian and Levantine («كانون» and «تشرين» with «الأول» / «الثاني» after them)."""
_MONTH_ORDERS = frozenset({"اول", "ثاني", "1", "2"})
_DAY_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")


@dataclass(frozen=True)
class Window:
    """The days a question dates a meeting by: one day, or a month (`month` set), from `start` to `end` (midnights
    in the member's zone)."""

    start: datetime
    end: datetime
    day: date
    month: int | None = None


async def next_meeting(turn: Turn, question: str) -> Reply:
    """The member's next meeting as a card: time in their zone (and the meeting's), link, calendar file."""
    slots = await schedule.next_for(turn, count=1)
    if not slots:
        return Reply.of("fact-no-meeting")
    counts = await schedule.agenda_counts(turn.session, slots)
    slot = slots[0]
    shown = schedule.view(slot, agenda_count=counts.get(slot.row.id, 0) if slot.row else 0)
    return Reply.of("fact-next-meeting", view=MeetingCard(meeting=shown))


async def next_agenda(turn: Turn, question: str) -> Reply:
    """The agenda of the member's next meeting."""
    try:
        return await agenda.show(turn, args="")
    except UserError:
        return Reply.of("fact-no-meeting")


async def agenda_of(turn: Turn, question: str) -> Reply:
    """The agenda of the meeting the question names (number or title) or dates (day or month); with neither, the
    next meeting's. Nothing on that day or in that month: the meetings nearest it."""
    reader = await reader_for(turn)
    meetings = [
        meeting
        for meeting in await schedule.community_meetings(turn.session, community_id=turn.community.id)
        if may_see(reader, of_meeting(meeting))
    ]
    number = meeting_number(question)
    named = [meeting for meeting in meetings if meeting.number == number] if number else titled(question, meetings)
    if number and not named:
        raise UserError("meeting-unknown", number=number)
    window = window_of(question, now=turn.now, zone=turn.zone)
    if not named and window is None:
        return await next_agenda(turn, question)
    pool = named or meetings
    if window is None:
        slot = _next_or_last(pool, now=turn.now)
        if slot is None:
            return Reply.of("fact-no-meeting")
        return await agenda_reply(turn, slot, reader=reader)
    found = sorted((slot for meeting in pool for slot in slots_between(meeting, window)), key=_start)
    if found:
        return await agenda_reply(turn, found[0], reader=reader)
    return await _none_then(turn, window, pool)


def meeting_number(question: str) -> int | None:
    """The meeting number the question names ("meeting 3", «الاجتماع رقم ٣», "#3"), not a day ("meeting 15 May")."""
    found = _NUMBER.search(english_words(question))
    return int(found[1] or found[2]) if found else None


def titled(question: str, meetings: Sequence[Meeting]) -> list[Meeting]:
    """The meeting whose title the question holds, in either language ("the quarterly review", «المراجعة
    الفصلية»), read as a group's name is (`people.named_in`); none when it holds no title or two alike."""
    named = people.named_in(question, [meeting.title for meeting in meetings])
    return [meetings[named.index]] if named is not None else []


def without_dates(question: str) -> str:
    """The question without the days and months it names ("15 January", «١٥ كانون الثاني», "January 2027"), to
    match it against phrasings that cannot hold every date (the answer still reads them in the question)."""
    words = people.tokens(question)
    cut: set[int] = set()
    for at, (_span, word) in enumerate(words):
        if word not in MONTH_WORDS or (word == "may" and not _next_to_number(words, at)):
            continue
        end = at + 1 + (at + 1 < len(words) and words[at + 1][1] in _MONTH_ORDERS)
        before = at - 1 - (at >= 2 and words[at - 1][1] == "of")
        cut |= set(range(at, end))
        cut |= set(range(before, at)) if before >= 0 and _DAY_NUMBER.fullmatch(words[before][1]) else set()
        cut |= {after for after in (end, end + 1) if after < len(words) and _DAY_NUMBER.fullmatch(words[after][1])}
    kept = [
        question[(words[at - 1][0][1] if at else 0) : span[0]] + ("" if at in cut else question[span[0] : span[1]])
        for at, (span, _word) in enumerate(words)
    ]
    return " ".join(("".join(kept) + question[words[-1][0][1] :] if words else question).split())


def _next_to_number(words: Sequence[tuple[tuple[int, int], str]], at: int) -> bool:
    return any(0 <= near < len(words) and _DAY_NUMBER.fullmatch(words[near][1]) for near in (at - 1, at + 1))


def window_of(question: str, *, now: datetime, zone: str) -> Window | None:
    """The day or month the question dates a meeting by, in `zone`; None when it dates none."""
    words = english_words(question)
    today = now.astimezone(ZoneInfo(zone)).date()
    day = _DAY.search(words)
    if day is not None:
        try:
            found = read_day(day[0], now=now, zone=zone)
        except UserError:
            found = None
        if found is not None:
            if not _YEAR.search(day[0]) and found - today > NEAREST:
                found -= relativedelta(years=1)
            return _days(found, found + timedelta(days=1), zone=zone)
    month = _MONTH_ALONE.search(words)
    if month is not None:
        year = month["year"] or month["may_year"]
        number = MONTHS.index(month["month"] or "may") + 1
        first = date(int(year), number, 1) if year else _nearest_month(number, today=today)
        return _days(first, first + relativedelta(months=1), zone=zone, month=number)
    step = _MONTH_STEP.search(words)
    if step is not None:
        which = step["before"] or step["after"]
        first = today.replace(day=1) + relativedelta(months={"next": 1, "last": -1}.get(which, 0))
        return _days(first, first + relativedelta(months=1), zone=zone, month=first.month)
    return None


def _nearest_month(number: int, *, today: date) -> date:
    """The first day of month `number` nearest today: this month, or up to six months ahead, else back."""
    ahead = (number - today.month) % 12
    first = today.replace(day=1)
    return first + relativedelta(months=ahead if ahead <= 6 else ahead - 12)


def _days(first: date, end: date, *, zone: str, month: int | None = None) -> Window:
    tz = ZoneInfo(zone)
    return Window(
        start=datetime.combine(first, time(), tzinfo=tz),
        end=datetime.combine(end, time(), tzinfo=tz),
        day=first,
        month=month,
    )


def slots_between(meeting: Meeting, window: Window) -> list[Slot]:
    """The meeting's occurrences in the window (moves applied, cancelled ones left out), held or to come."""
    rows = {row.original_start: row for row in meeting.occurrences}
    starts = occurrences.rule_starts(
        meeting, after=window.start - timedelta(microseconds=1), count=SEARCHED, until=window.end
    )
    found = [Slot(meeting, start, start, None) for start in starts if start not in rows and start < window.end]
    found += [
        Slot(meeting, row.original_start, row.starts_at, row)
        for row in rows.values()
        if row.status != OccurrenceStatus.CANCELLED and window.start <= row.starts_at < window.end
    ]
    return found


def _start(slot: Slot) -> datetime:
    return slot.starts_at


def _next_or_last(meetings: Sequence[Meeting], *, now: datetime) -> Slot | None:
    """The soonest coming occurrence of the meetings; none ahead, the one held last."""
    coming = [slot for meeting in meetings for slot in occurrences.upcoming_slots(meeting, after=now, count=1)]
    if coming:
        return min(coming, key=_start)
    held = [slot for meeting in meetings if (slot := occurrences.last_started(meeting, now=now)) is not None]
    return max(held, key=_start, default=None)


async def agenda_reply(turn: Turn, slot: Slot, *, reader: Reader) -> Reply:
    """One occurrence's agenda as `agenda` shows it (items the reader may see, accepted first); an empty one
    says so."""
    stored: list[AgendaItem] = []
    if slot.row is not None:
        stored = list(
            await turn.session.scalars(
                select(AgendaItem)
                .where(AgendaItem.occurrence_id == slot.row.id, AgendaItem.status != AgendaStatus.REMOVED)
                .order_by(AgendaItem.position, AgendaItem.number)
            )
        )
    items, withheld = agenda.visible_items(reader, stored, meeting=slot.meeting)
    rank = {AgendaStatus.ACCEPTED: 0, AgendaStatus.DISCUSSED: 0, AgendaStatus.PROPOSED: 1}
    items.sort(key=lambda item: rank.get(item.status, 2))
    shown = AgendaCard(
        meeting=schedule.view(slot),
        items=tuple(agenda.item_view(item) for item in items),
        deadline_passed=turn.now > slot.deadline,
        facilitator=turn.member.role.facilitates,
        withheld=withheld,
    )
    if items or withheld:
        return Reply.of("agenda", view=shown)
    return Reply.of("fact-agenda-empty", view=shown, meeting=Title(slot.meeting.title), when=slot.starts_at)


async def _none_then(turn: Turn, window: Window, meetings: Sequence[Meeting]) -> Reply:
    """No meeting on that day or in that month: the last one before it and the first one after it."""
    before = [slot for meeting in meetings if (slot := occurrences.last_started(meeting, now=window.start))]
    after = [slot for meeting in meetings for slot in occurrences.upcoming_slots(meeting, after=window.end, count=1)]
    near = [slot for slot in (max(before, key=_start, default=None), min(after, key=_start, default=None)) if slot]
    counts = await schedule.agenda_counts(turn.session, near)
    views = tuple(schedule.view(slot, agenda_count=counts.get(slot.row.id, 0) if slot.row else 0) for slot in near)
    if window.month is not None:
        return Reply.of("fact-agenda-none-in-month", view=MeetingList(views), month=window.month, count=len(views))
    return Reply.of("fact-agenda-none-on-day", view=MeetingList(views), day=window.day, count=len(views))


async def agenda_how(turn: Turn, question: str) -> Reply:
    """How to propose an agenda item, and until when the next meeting takes items."""
    slots = await schedule.next_for(turn, count=1)
    if not slots:
        return Reply.of("fact-agenda-how-no-meeting")
    slot = slots[0]
    key = "fact-agenda-how-late" if slot.deadline <= turn.now else "fact-agenda-how"
    return Reply.of(key, meeting=Title(slot.meeting.title), deadline=slot.deadline)


FACTS = (
    LiveFact(
        "next-meeting",
        (
            *("When is the next meeting?", "When do we meet next?", "next meeting date and time", "next meeting"),
            *("What time is the meeting?", "Link to join the meeting", "How do I join the next call?"),
            *("When is our next call?", "Is there a meeting this week?", "upcoming meeting", "meeting link"),
            *("متى الاجتماع القادم؟", "موعد الاجتماع القادم", "متى نجتمع المرة القادمة؟", "متى اللقاء القادم؟"),
            *("ما رابط الاجتماع القادم؟", "كيف أنضم إلى الاجتماع؟", "وقت الاجتماع القادم", "رابط الاجتماع"),
            *("هل يوجد اجتماع هذا الأسبوع؟", "امتى الاجتماع الجاي؟", "وين رابط الاجتماع؟", "الاجتماع الجاي"),
            *("Teams link for the next meeting", "join link of the next call", "رابط الانضمام للاجتماع الجاي"),
        ),
        next_meeting,
    ),
    LiveFact(
        "agenda",
        (
            *("What is on the agenda?", "agenda of the next meeting", "What will we discuss at the next meeting?"),
            *("meeting agenda", "topics for the next meeting", "What items are on the agenda?"),
            *("ما هو جدول الأعمال؟", "جدول أعمال الاجتماع القادم", "ماذا سنناقش في الاجتماع القادم؟"),
            *("ما بنود جدول الأعمال؟", "مواضيع الاجتماع القادم", "شو على جدول الأعمال؟", "أجندة الاجتماع"),
            *("What is the next meeting about?", "agenda for the next call", "show the agenda"),
            *("ماذا على جدول أعمال الاجتماع القادم؟", "شو رح نحكي بالاجتماع الجاي؟", "وش بنناقش في الاجتماع الجاي؟"),
            *("إيه اللي هنتكلم فيه في الاجتماع الجاي؟", "وش في الأجندة؟", "شو بنود الاجتماع الجاي؟"),
            *("شو على أجندة الاجتماع الجاي؟",),
            *("What is on the agenda for the June meeting?", "agenda of the meeting on 15 May"),
            *("What will be discussed at the February meeting?", "What is on the agenda of meeting number 4?"),
            *("the agenda of the annual planning meeting", "items on the agenda of the meeting on 8 April"),
            *("What will the meeting on 12 October discuss?", "What's the agenda of the November meeting?"),
            *("topics for the July meeting", "agenda for meeting 7", "What is planned for the meeting of 2 September?"),
            *("What's planned for the meeting on Thursday?",),
            *("Which items are on the agenda of meeting 5?", "agenda of the steering committee meeting"),
            *("What is on the agenda of the meeting on the 9th?", "the agenda of the meeting on Monday"),
            *("ما جدول أعمال اجتماع شهر حزيران؟", "ما البنود المطروحة في اجتماع ١٠ أيار؟"),  # Modern Standard
            *("جدول أعمال اجتماع التخطيط السنوي", "ما المواضيع المقررة لاجتماع ٧ نيسان؟", "بنود اجتماع شهر تموز"),
            *("ما جدول أعمال الاجتماع رقم ٥؟", "ما البنود المدرجة على جدول أعمال اجتماع اللجنة التوجيهية؟"),
            *("ما هي بنود اجتماع شهر أكتوبر؟", "ما المواضيع المدرجة على جدول أعمال الاجتماع الفصلي؟"),
            *("ماذا سنناقش في اجتماع ١٢ نوفمبر؟", "ما هو جدول أعمال اجتماع يوم الخميس؟"),
            *("شو على جدول أعمال اجتماع تشرين الأول؟", "شو الأجندة تبع اجتماع آذار؟"),  # Levantine
            *("شو البنود باجتماع نيسان؟", "شو الأجندة لاجتماع ١٢ أيلول؟", "شو بدنا نحكي باجتماع تموز؟"),
            *("أجندة اجتماع ٣ آذار", "شو عجدول أعمال الاجتماع رقم ٤؟", "شو على أجندة اجتماع ٩ أيار؟"),
            *("شو رح نناقش باجتماع حزيران؟", "شو بنود اجتماع ١٠ تموز؟", "شو في على أجندة اجتماع أيلول؟"),
            *("وش الأجندة حقت اجتماع سبتمبر؟", "ايش بيناقشون في اجتماع يوم ٢٠ أغسطس؟"),  # Gulf
            *("وش بنود اجتماع ٥ مارس؟", "وش بنناقش في اجتماع شهر مايو؟"),
            *("إيه اللي على أجندة اجتماع شهر ديسمبر؟", "جدول أعمال اجتماع يوم ٥ يونيو فيه إيه؟"),  # Egyptian
            *("اجتماع شهر فبراير فيه إيه على الجدول؟", "إيه بنود اجتماع ٨ أكتوبر؟"),
            # dates and titles are taken out before matching (`without_dates`): the bare shapes
            *("ما بنود الاجتماع؟", "شو بنود الاجتماع؟", "وش بنود الاجتماع؟", "إيه بنود الاجتماع؟"),
            *("ايش بنناقش في الاجتماع؟", "إيه المواضيع اللي في الاجتماع؟", "شو رح نناقش بالاجتماع؟"),
        ),
        agenda_of,
    ),
    LiveFact(
        "agenda-how",
        (
            *(
                "How do I add an agenda item?",
                "How can I propose a topic for the meeting?",
                "add an item to the agenda",
            ),
            *("suggest an agenda item", "How do I put a point on the agenda?", "deadline for agenda items"),
            *("كيف أضيف بندا إلى جدول الأعمال؟", "كيف أقترح موضوعا للاجتماع؟", "إضافة بند إلى جدول الأعمال"),
            *("اقتراح بند لجدول الأعمال", "ما آخر موعد لإضافة البنود؟", "بدي ضيف موضوع للاجتماع"),
            *("submit an agenda item", "ابغى أضيف بند للاجتماع", "عايز أضيف نقطة على الأجندة"),
            *("submit a topic for the meeting", "كيف بقدر ضيف بند عالأجندة؟", "ازاي أحط نقطة في جدول الأعمال؟"),
            *("أبي أقترح موضوع لجدول الأعمال", "أود إضافة بند إلى جدول أعمال الاجتماع القادم"),
        ),
        agenda_how,
    ),
)
