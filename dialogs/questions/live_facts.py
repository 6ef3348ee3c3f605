"""Questions the database answers live, however they are phrased: the next meeting (time in the member's zone,
its link), its agenda, my open actions, who the facilitators are, which working groups exist and how to join,
how to add an agenda item.

Each fact is an entry of phrasings in Arabic (standard and common dialect) and English; a question is matched
against them with the same engine as the FAQ (`dialogs.questions.knowledge_base`), so new phrasings need no new code.
"""

from __future__ import annotations

import dataclasses
import enum

from dialogs.actions import points as actions
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.governance import groups
from dialogs.meetings import agenda, schedule
from dialogs.meetings.views import MeetingCard
from dialogs.questions.engine import Entry
from storage import repositories as repo


class Fact(enum.StrEnum):
    """The community facts answered from the database."""

    NEXT_MEETING = "next-meeting"
    AGENDA = "agenda"
    MY_ACTIONS = "my-actions"
    FACILITATORS = "facilitators"
    GROUPS = "groups"
    AGENDA_HOW = "agenda-how"


PHRASINGS: dict[Fact, tuple[str, ...]] = {
    Fact.NEXT_MEETING: (
        *("When is the next meeting?", "When do we meet next?", "next meeting date and time", "next meeting"),
        *("What time is the meeting?", "Link to join the meeting", "How do I join the next call?"),
        *("When is our next call?", "Is there a meeting this week?", "upcoming meeting", "meeting link"),
        *("متى الاجتماع القادم؟", "موعد الاجتماع القادم", "متى نجتمع المرة القادمة؟", "متى اللقاء القادم؟"),
        *("ما رابط الاجتماع القادم؟", "كيف أنضم إلى الاجتماع؟", "وقت الاجتماع القادم", "رابط الاجتماع"),
        *("هل يوجد اجتماع هذا الأسبوع؟", "امتى الاجتماع الجاي؟", "وين رابط الاجتماع؟", "الاجتماع الجاي"),
    ),
    Fact.AGENDA: (
        *("What is on the agenda?", "agenda of the next meeting", "What will we discuss at the next meeting?"),
        *("meeting agenda", "topics for the next meeting", "What items are on the agenda?"),
        *("ما هو جدول الأعمال؟", "جدول أعمال الاجتماع القادم", "ماذا سنناقش في الاجتماع القادم؟"),
        *("ما بنود جدول الأعمال؟", "مواضيع الاجتماع القادم", "شو على جدول الأعمال؟", "أجندة الاجتماع"),
    ),
    Fact.MY_ACTIONS: (
        *("What are my open actions?", "my action points", "What do I have to do?", "my tasks"),
        *("What am I responsible for?", "my pending actions", "Which actions are assigned to me?"),
        *("What do I need to do?", "ما الذي علي فعله؟"),
        *("ما هي مهامي المفتوحة؟", "ما الإجراءات المطلوبة مني؟", "مهامي", "ماذا علي أن أفعل؟"),
        *("ما المهام المسندة إلي؟", "نقاط العمل الخاصة بي", "شو المطلوب مني؟", "إجراءاتي المفتوحة"),
    ),
    Fact.FACILITATORS: (
        *("Who are the facilitators?", "Who facilitates this community?", "Who runs the community?"),
        *("Who are the co-facilitators?", "list of facilitators", "Who is the facilitator?"),
        *("من هم الميسرون؟", "من الميسر؟", "من يدير المجتمع؟", "من هم الميسرون المشاركون؟"),
        *("قائمة الميسرين", "مين الميسرين؟", "من منسقو المجتمع؟"),
    ),
    Fact.GROUPS: (
        *("Which working groups exist?", "list of working groups", "How do I join a working group?"),
        *("What working groups are there?", "Can I join a working group?", "working groups and their leads"),
        *("ما مجموعات العمل الموجودة؟", "قائمة مجموعات العمل", "كيف أنضم إلى مجموعة عمل؟"),
        *("ما هي مجموعات العمل؟", "هل يمكنني الانضمام إلى مجموعة عمل؟", "فرق العمل", "شو مجموعات العمل؟"),
    ),
    Fact.AGENDA_HOW: (
        *("How do I add an agenda item?", "How can I propose a topic for the meeting?", "add an item to the agenda"),
        *("suggest an agenda item", "How do I put a point on the agenda?", "deadline for agenda items"),
        *("كيف أضيف بندا إلى جدول الأعمال؟", "كيف أقترح موضوعا للاجتماع؟", "إضافة بند إلى جدول الأعمال"),
        *("اقتراح بند لجدول الأعمال", "ما آخر موعد لإضافة البنود؟", "بدي ضيف موضوع للاجتماع"),
    ),
}
ENTRIES = tuple(Entry(f"fact:{fact.value}", phrasings) for fact, phrasings in PHRASINGS.items())


async def answer(turn: Turn, *, fact: str) -> Reply:
    """The live answer to one fact, for this member."""
    match Fact(fact):
        case Fact.NEXT_MEETING:
            return await next_meeting(turn)
        case Fact.AGENDA:
            try:
                return await agenda.show(turn, args="")
            except UserError:
                return Reply.of("fact-no-meeting")
        case Fact.MY_ACTIONS:
            return await actions.list_actions(dataclasses.replace(turn, mentions=()), "")  # the speaker's own
        case Fact.FACILITATORS:
            return await facilitators(turn)
        case Fact.GROUPS:
            return await groups.list_groups(turn, args="")
        case Fact.AGENDA_HOW:
            return await agenda_how(turn)


async def next_meeting(turn: Turn) -> Reply:
    """The member's next meeting as a card: time in their zone (and the meeting's), link, calendar file."""
    slots = await schedule.next_for(turn, count=1)
    if not slots:
        return Reply.of("fact-no-meeting")
    counts = await schedule.agenda_counts(turn.session, slots)
    slot = slots[0]
    shown = schedule.view(slot, agenda_count=counts.get(slot.row.id, 0) if slot.row else 0)
    return Reply.of("fact-next-meeting", view=MeetingCard(meeting=shown))


async def facilitators(turn: Turn) -> Reply:
    """Who facilitates the community (admins included)."""
    names = [m.name for m in await repo.active_facilitators(turn.session, community_id=turn.community.id)]
    if not names:
        return Reply.of("fact-no-facilitators")
    return Reply.of("fact-facilitators", names=names, count=len(names))


async def agenda_how(turn: Turn) -> Reply:
    """How to propose an agenda item, and until when the next meeting takes items."""
    slots = await schedule.next_for(turn, count=1)
    if not slots:
        return Reply.of("fact-agenda-how-no-meeting")
    slot = slots[0]
    key = "fact-agenda-how-late" if slot.deadline <= turn.now else "fact-agenda-how"
    return Reply.of(key, meeting=Title(slot.meeting.title), deadline=slot.deadline)
