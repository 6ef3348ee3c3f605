"""Live facts about what members owe: their open and overdue actions, when an action is due, the votes waiting for
their answer, and who attended the meetings."""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import select

from dialogs.actions import points as actions
from dialogs.actions.views import ActionCard
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.text import ascii_digits, fold
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import may_see, of_action, of_meeting, reader_for, require_visible
from dialogs.governance import votes
from dialogs.governance.views import ProposalList
from dialogs.meetings import occurrences, schedule
from dialogs.questions.facts import LiveFact
from storage import repositories as repo
from storage.models import Action, Meeting, MeetingOccurrence, OccurrenceStatus, Proposal, Vote

RECENT_MEETINGS = 5
"""How many of the last meetings with recorded attendance "my attendance" looks at."""
SELF_WORDS = {
    fold(word)
    for word in (
        *("my", "mine", "me", "i", "i'm", "im", "myself"),
        *("عندي", "لي", "علي", "عليا", "عليي", "مني", "انا", "أنا", "خاصتي", "تبعي", "بتاعي", "بتاعتي", "حقي"),
        *("تأخرت", "اتأخرت", "تأخرتش"),
    )
}
"""Words that make "what is overdue?" a question about the speaker's own actions (a facilitator gets everyone's
otherwise)."""
_MY_NOUN = re.compile(r"(مهام|مهمات|اجراءات|شغلات|اعمال|مسووليات|التزامات|تكليفات|نقاط)ي\b")
_NOT_ABOUT_ME = re.compile(r"\b(show|tell|give|send) me\b")
_NUMBER = re.compile(r"(?<![0-9])#?([0-9]{1,10})(?![0-9])")


async def my_actions(turn: Turn, question: str) -> Reply:
    """The speaker's own open actions (a mention in the question does not make it someone else's)."""
    return await actions.list_actions(dataclasses.replace(turn, mentions=()), "")


# ---- overdue ------------------------------------------------------------------------------------------------


def about_me(question: str) -> bool:
    """The question asks about the speaker's own items ("is anything of mine overdue?", «هل عندي شي متأخر؟»)."""
    folded = _NOT_ABOUT_ME.sub(" ", fold(question))
    words = {word.strip("?؟,.!«»\"'") for word in folded.split()}
    return bool(words & SELF_WORDS) or _MY_NOUN.search(folded) is not None


async def overdue(turn: Turn, question: str) -> Reply:
    """The open actions past their due day: a facilitator asking in general gets everyone's (with their owners),
    anyone asking about their own (every member does) gets theirs; an honest answer when there are none."""
    mine = not turn.member.role.facilitates or about_me(question)
    listed = await actions.overdue(turn, mine=mine)
    count = int(listed.args.get("count", 0))
    if count == 0:
        return Reply.of("fact-overdue-none-mine" if mine else "fact-overdue-none")
    return Reply.of("fact-overdue-mine" if mine else "fact-overdue-all", view=listed.view, count=count)


# ---- when is action N due ----------------------------------------------------------------------------------


def number_in(question: str) -> int | None:
    """The first number the question names ("action 7", «الإجراء ٧», "#7")."""
    found = _NUMBER.search(ascii_digits(question))
    return int(found.group(1)) if found else None


async def action_due(turn: Turn, question: str) -> Reply:
    """When action N is due, in the reader's calendar: days left or overdue, and its status, over its card. An
    action the speaker may not see is answered as unknown, as `action N` does; with no number, the speaker's own
    open actions with their due days."""
    number = number_in(question)
    if number is None:  # "when is my action due?": each of theirs with its due day
        listed = await my_actions(turn, question)
        return Reply.of("fact-action-due-mine", view=listed.view, count=int(listed.args.get("count", 0)))
    action = await by_number(turn.session, Action, community=turn.community, number=number, kind="action", lock=False)
    await require_visible(turn, of_action(action), unknown=UserError("action-unknown", number=action.number))
    shown = await actions.card_view(turn.session, action, reader=turn.member, community=turn.community, now=turn.now)
    card = ActionCard(action=shown)
    if action.status.closed:
        return Reply.of("fact-action-due-closed", view=card, number=action.number, status=action.status.value)
    if action.due_on is None:
        return Reply.of("fact-action-due-none", view=card, number=action.number, status=action.status.value)
    days = (action.due_on - actions.local_today(now=turn.now, zone=turn.zone)).days
    key = "fact-action-due-later" if days > 0 else "fact-action-due-today" if days == 0 else "fact-action-overdue"
    return Reply.of(key, view=card, number=action.number, due=action.due_on, days=abs(days), status=action.status.value)


# ---- votes open to me --------------------------------------------------------------------------------------


async def votes_open_to_me(turn: Turn, question: str) -> Reply:
    """The open endorsements and polls the speaker has not answered yet, with their deadlines (every member, guests
    too, may answer them: `dialogs.governance.votes`)."""
    is_open = await turn.session.scalars(
        select(Proposal)
        .where(Proposal.community_id == turn.community.id, Proposal.closed_at.is_(None))
        .order_by(Proposal.closes_at.is_(None), Proposal.closes_at, Proposal.number)
    )
    still_open = []
    for proposal in is_open:
        await votes.settle(turn.session, proposal, now=turn.now)  # one past its deadline closes now
        if proposal.closed_at is None:
            still_open.append(proposal)
    answered = set(
        await turn.session.scalars(
            select(Vote.proposal_id).where(
                Vote.member_id == turn.member.id, Vote.proposal_id.in_([p.id for p in still_open])
            )
        )
    )
    waiting = [proposal for proposal in still_open if proposal.id not in answered]
    if not waiting:
        return Reply.of("fact-votes-all-answered" if still_open else "fact-votes-none")
    shown = waiting[: votes.LIST_SIZE]
    views = tuple([await votes.view(turn.session, proposal, reader=turn.member) for proposal in shown])
    return Reply.of("fact-votes-open", view=ProposalList(views), count=len(waiting))


# ---- attendance --------------------------------------------------------------------------------------------


async def _visible_meetings(turn: Turn) -> list[Meeting]:
    """The community's meetings the turn's readers may see (a working group's are its members')."""
    reader = await reader_for(turn)
    meetings = await schedule.community_meetings(turn.session, community_id=turn.community.id)
    return [meeting for meeting in meetings if may_see(reader, of_meeting(meeting))]


async def last_attendance(turn: Turn, question: str) -> Reply:
    """Who attended the meeting that started last (of those the reader may see), as the facilitators recorded it."""
    meetings = await _visible_meetings(turn)
    started = [slot for meeting in meetings if (slot := occurrences.last_started(meeting, now=turn.now))]
    if not started:
        return Reply.of("fact-attendance-no-meeting")
    slot = max(started, key=lambda found: found.starts_at)
    meeting, when = Title(slot.meeting.title), slot.starts_at
    attendee_ids = list(slot.row.attendee_ids or []) if slot.row is not None else []
    if not attendee_ids:
        return Reply.of("fact-attendance-not-recorded", meeting=meeting, when=when)
    names = await repo.member_names(turn.session, community_id=turn.community.id)
    shown = sorted((names.get(member_id, "-") for member_id in attendee_ids), key=str.casefold)
    return Reply.of("fact-attendance", meeting=meeting, when=when, names=shown, count=len(shown))


async def my_attendance(turn: Turn, question: str) -> Reply:
    """Whether the speaker attended the last meetings whose attendance was recorded (of those the reader may see)."""
    meetings = await _visible_meetings(turn)
    visible = {meeting.id: meeting for meeting in meetings}
    held = await turn.session.scalars(
        select(MeetingOccurrence)
        .where(
            MeetingOccurrence.meeting_id.in_(list(visible)),
            MeetingOccurrence.starts_at <= turn.now,
            MeetingOccurrence.status != OccurrenceStatus.CANCELLED,
        )
        .order_by(MeetingOccurrence.starts_at.desc())
    )
    recorded = [row for row in held if row.attendee_ids][:RECENT_MEETINGS]  # a JSON list: filtered here
    if not recorded:
        any_held = any(occurrences.last_started(meeting, now=turn.now) for meeting in meetings)
        return Reply.of("fact-attendance-none-recorded" if any_held else "fact-attendance-no-meeting")
    last = recorded[0]
    return Reply.of(
        "fact-my-attendance",
        attended=sum(turn.member.id in row.attendee_ids for row in recorded),
        count=len(recorded),
        meeting=Title(visible[last.meeting_id].title),
        when=last.starts_at,
        present="yes" if turn.member.id in last.attendee_ids else "no",
    )


FACTS = (
    LiveFact(
        "my-actions",
        (
            *("What are my open actions?", "my action points", "What do I have to do?", "my tasks"),
            *("What am I responsible for?", "my pending actions", "Which actions are assigned to me?"),
            *("What do I need to do?", "What's on my plate?", "my to-do list"),
            *("ما هي مهامي المفتوحة؟", "ما الإجراءات المطلوبة مني؟", "مهامي", "ماذا علي أن أفعل؟", "ما الذي علي فعله؟"),
            *("ما المهام المسندة إلي؟", "نقاط العمل الخاصة بي", "شو المطلوب مني؟", "إجراءاتي المفتوحة"),
            *("شو عندي شغلات لازم أعملها؟", "شو الشغلات اللي علي؟", "وش المهام اللي علي؟", "ايش علي من شغل؟"),
            *("إيه المهام اللي عليا؟", "عندي إيه أعمله؟", "إيه الحاجات المطلوبة مني؟", "إيه الحاجات اللي عليا أعملها؟"),
        ),
        my_actions,
    ),
    LiveFact(
        "overdue",
        (
            *(
                "What is overdue?",
                "Is anything of mine overdue?",
                "Which actions are overdue?",
                "Did I miss a deadline?",
            ),
            *("Am I late on any action?", "overdue action points", "Which tasks are past their due date?"),
            *("Which actions are late?",),
            *("ما الإجراءات المتأخرة؟", "هل لدي مهام فات موعدها؟", "ما المهام التي تجاوزت موعد استحقاقها؟"),
            *("شو في مهام متأخرة؟", "في شي متأخر علي؟", "وش المهام اللي تأخرت فيها؟", "هل عندي شي متأخر؟"),
            *("إيه المهام اللي اتأخرت؟", "فيه حاجة متأخرة عليا؟"),
        ),
        overdue,
    ),
    LiveFact(
        "action-due",
        (
            *("When is action 7 due?", "due date of action 3", "When is my action 12 due?", "deadline for task 8"),
            *("What is the deadline for action 5?", "By when do I have to finish action 4?", "due dates of my actions"),
            *("متى موعد الإجراء ٧؟", "ما موعد استحقاق الإجراء رقم 3؟", "متى يجب أن أنهي المهمة ٥؟"),
            *("امتى لازم أسلم المهمة رقم 7؟", "إمتى آخر ميعاد للمهمة 4؟", "متى لازم أخلص المهمة 2؟"),
            *("متى آخر موعد للإجراء ٩؟", "وش آخر موعد للمهمة رقم 6؟", "المهمة رقم 8 ميعادها إمتى؟"),
            *("ما مواعيد استحقاق إجراءاتي؟", "ميعاد تسليم الحاجات اللي عليا إمتى؟", "موعد تسليم الإجراء رقم 3"),
            *("متى لازم خلص الإجراء 6؟", "إمتى ميعاد المهمة رقم 5؟", "وش موعد الإجراء 8؟", "متى ينتهي موعد المهمة 10؟"),
            *("متى لازم أسلّم الإجراء 4؟", "ما آخر موعد لتسليم المهمة 6؟", "ميعاد تسليم الإجراء 9 إمتى؟"),
        ),
        action_due,
    ),
    LiveFact(
        "votes-open",
        (
            *("Which votes are open to me?", "Is there a poll I have not answered?", "open votes"),
            *("Do I have anything to vote on?", "Which endorsements are waiting for my vote?"),
            *("polls I still have to answer",),
            *("ما التصويتات المفتوحة لي؟", "هل هناك تصويت لم أشارك فيه؟", "هل يوجد استطلاع بانتظار صوتي؟"),
            *("في تصويت لازم صوّت عليه؟", "شو التصويتات المفتوحة؟", "فيه تصويت مفتوح لي؟"),
            *("في استفتاء ما صوتت فيه؟", "هو فيه تصويت لازم أصوّت فيه؟", "هل هناك تصويتات لم أصوت عليها؟"),
            *("شو التصويتات اللي ما صوتت عليها لسا؟", "في استطلاع بيستناني؟", "التصويتات التي تنتظر صوتي"),
            *("وش الاستطلاعات المفتوحة اللي ما جاوبت عليها؟", "هل في استطلاع مفتوح لسا ما جاوبته؟"),
        ),
        votes_open_to_me,
    ),
    LiveFact(
        "last-attendance",
        (
            *("Who attended the last meeting?", "last meeting attendance list", "Who was present at the last meeting?"),
            *(
                "How many people came to the last meeting?",
                "Who joined the last call?",
                "Who came to our previous meeting?",
            ),
            *("Which members were present at the last meeting?",),
            *("من حضر الاجتماع الأخير؟", "من حضر آخر اجتماع؟", "قائمة الحضور في الاجتماع الماضي"),
            *("مين حضر آخر اجتماع؟", "مين كانوا الحاضرين بالاجتماع الماضي؟", "منو اللي حضر آخر اجتماع؟"),
            *("مين اللي حضر الاجتماع اللي فات؟", "كم واحد حضر آخر اجتماع؟", "من هم الحاضرون في الاجتماع السابق؟"),
            *("شو أسماء الحاضرين بآخر اجتماع؟", "كم شخص حضر الاجتماع الأخير؟", "Who came to the meeting last time?"),
        ),
        last_attendance,
    ),
    LiveFact(
        "my-attendance",
        (
            *("Did I attend the last meetings?", "my attendance", "How many meetings did I attend?"),
            *("Was I marked present at the last meeting?", "my attendance record", "Am I on the attendance list?"),
            *("Was I counted as present at the meetings?",),
            *("هل حضرت الاجتماعات الأخيرة؟", "سجل حضوري", "كم اجتماعا حضرت؟", "هل سجلت حاضرا في آخر اجتماع؟"),
            *("أنا حضرت آخر اجتماع؟", "كم اجتماع حضرت؟", "هل انحسب حضوري بالاجتماع الماضي؟"),
            *("أنا حضرت كام اجتماع؟", "شو سجل حضوري للاجتماعات؟", "هل أنا من الحضور في الاجتماعات الماضية؟"),
            *(
                "أنا كنت حاضر بالاجتماعات الماضية؟",
                "حضرت الاجتماعات السابقة ولا لا؟",
                "كنت موجود بالاجتماعات اللي فاتت؟",
            ),
        ),
        my_attendance,
    ),
)
