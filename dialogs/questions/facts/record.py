"""Live facts about the community's record: what the last meeting decided, what was decided about a topic (in a
meeting, by the members' endorsement or poll, or outside a meeting), and what the published minutes say about it.

Every answer goes through the visibility rule (`dialogs.questions.asking.views_of`): a working group's meeting and
its decisions reach its members only, a confidential decision nobody. The topic searches use the community's
knowledge index (`dialogs.questions.knowledge_base`), restricted to decisions or to minutes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import Reader, may_see, of_decision, of_meeting, reader_for, shared_with
from dialogs.meetings import occurrences, schedule
from dialogs.questions import knowledge_base
from dialogs.questions.engine import Hit, normalize
from dialogs.questions.facts import LiveFact
from dialogs.questions.faq import AnswerView
from dialogs.questions.views import Suggestions, button_text
from storage.models import AgendaItem, Decision, Meeting, MeetingOccurrence

SHOWN = 3  # matching decisions or minutes shown for a topic
SEARCHED = 30  # best entries of the whole index looked at for them
TOPIC_MATCH = 0.2
"""The score from which a document matches a topic. A topic is a few words, which score lower against a decision or
a minutes' sentence than a whole question does against an FAQ phrasing, so the bar is below the index's threshold for
suggestions: with the e5 model, a document about the topic scores 0.24 or more, unrelated ones 0.12 or less."""
_PUNCTUATION = "?؟.,،!:;\"'“”«»()[]"

_QUESTION_WORDS = (
    *("what", "whats", "what's", "which", "how", "did", "do", "does", "was", "were", "is", "are", "has", "have"),
    *("had", "been", "we", "us", "our", "you", "they", "the", "a", "an", "any", "of", "for", "to", "in", "at"),
    *("on", "about", "regarding", "concerning", "re", "with", "there", "tell", "me", "please", "so", "far", "it"),
    *("ما", "ماذا", "شو", "ايش", "إيش", "وش", "ايه", "إيه", "شنو", "هل", "هو", "هي", "الذي", "التي", "اللي"),
    *("يلي", "إللي", "في", "فى", "على", "عن", "حول", "بخصوص", "بشأن", "بشان", "موضوع", "الموضوع", "مسألة"),
    *("بالنسبة", "ل", "لل", "فيما", "يخص", "يتعلق", "المتعلق", "بتاع", "بتاعة", "كان", "كانت", "تم", "صار"),
    *("نحن", "احنا", "إحنا", "حنا", "قلي", "قل", "لي", "بدي", "اعرف", "أعرف", "ابغى", "أبغى", "عايز", "عاوز"),
    *("اخبرني", "أخبرني", "خبرني", "من", "فضلك", "لو", "سمحت", "بقى", "طيب", "anything", "something"),
    *("شيء", "شيئا", "شيئًا", "شي", "اشي", "إشي", "حاجة", "حاجه", "that", "this", "ذلك", "هذا", "هذه", "ده", "دي"),
    *("هاد", "هاي", "عنه", "فيه", "بخصوصه", "هالموضوع", "صدر", "هناك", "يوجد", "اي", "أي"),
)
DECISION_FRAME = frozenset(
    normalize(word)
    for word in (
        *_QUESTION_WORDS,
        *("decide", "decided", "decision", "decisions", "agree", "agreed", "taken", "made", "make", "reached"),
        *("conclude", "concluded", "resolved", "outcome", "final", "community", "members", "endorsed", "vote"),
        *("قررنا", "قرّرنا", "قررتوا", "قررتو", "قررتم", "قرر", "قرروا", "تقرر", "تقرّر", "اتقرر", "انقرر"),
        *("قرار", "القرار", "قرارنا", "قرارات", "القرارات", "قراركم", "اتفقنا", "اتّفقنا", "اتخذنا", "اتخذ"),
        *("اتُّخذ", "المتخذ", "المتخذة", "اخذنا", "أخذنا", "خدنا", "عملنا", "قررناه", "بخصوصه", "النهائي"),
    )
)
MINUTES_FRAME = frozenset(
    normalize(word)
    for word in (
        *_QUESTION_WORDS,
        *("minutes", "minute", "say", "said", "says", "mention", "mentioned", "mentions", "note", "notes"),
        *("write", "written", "wrote", "record", "recorded", "published", "meeting", "meetings", "summary"),
        *("محضر", "المحضر", "محاضر", "المحاضر", "محضرنا", "يقول", "قال", "بيقول", "تقول", "يذكر", "ذكر"),
        *("ذُكر", "ذكرت", "كتب", "مكتوب", "انكتب", "ورد", "جاء", "يحكي", "حكى", "بيحكي", "قالوا", "اجتماع"),
        *("الاجتماع", "الاجتماعات", "المنشور", "المنشورة", "ملخص", "الملخص", "فيه", "بالمحضر", "بمحضر"),
    )
)


LAST_MEETING = frozenset(
    normalize(word)
    for word in (
        *("last", "latest", "previous", "recent", "most", "meeting", "meetings", "time", "at", "from", "out"),
        *("آخر", "اخر", "بآخر", "الأخير", "الماضي", "السابق", "فات", "الاجتماع", "اجتماع", "بالاجتماع", "باجتماع"),
    )
)
TOPIC_MARKERS = frozenset(
    normalize(word)
    for word in (
        *("about", "regarding", "concerning", "re"),
        *("بخصوص", "بشأن", "بشان", "حول", "موضوع", "بموضوع", "عن", "فيما", "يخص"),
    )
)


def topic_of(question: str, frame: frozenset[str]) -> str:
    """What a question asks about, as written, without its frame: "What did we decide about the ToR?" -> "ToR"."""
    words = (word.strip(_PUNCTUATION) for word in question.split())
    return " ".join(word for word in words if any(part not in frame for part in normalize(word).split()))


def _local_day(moment: datetime, zone: str) -> date:
    return moment.astimezone(ZoneInfo(zone)).date()


# ---- what the last meeting decided -------------------------------------------------------------------------


async def last_decisions(turn: Turn, question: str) -> Reply:
    """The decisions of the last held meeting whose minutes are published (one the reader may see), with the
    meeting and its day; honest when no meeting was held, its minutes are not out yet, or nothing was decided."""
    if _names_a_topic(question):  # "what did we decide about the ToR at the last meeting?"
        return await decisions_about(turn, question)
    reader = await reader_for(turn)
    latest = await _last_ended(turn, reader)
    published = await _last_published(turn, reader)
    if latest is None and published is None:
        return Reply.of("fact-no-meeting-held")
    if published is None:
        assert latest is not None
        meeting, starts_at = latest
        return Reply.of("fact-last-minutes-unpublished", meeting=Title(meeting.title), day=_day(turn, starts_at))
    meeting, occurrence = published
    pending = latest if latest is not None and latest[1] > occurrence.starts_at else None
    views = await _published_decisions(turn, reader, meeting=meeting, occurrence=occurrence)
    if not views and pending is not None:
        return Reply.of("fact-last-minutes-unpublished", meeting=Title(pending[0].title), day=_day(turn, pending[1]))
    title, day = Title(meeting.title), _day(turn, occurrence.starts_at)
    if not views:
        return Reply.of("fact-no-decisions-recorded", number=meeting.number, meeting=title, day=day)
    shown = Suggestions(tuple(views), question=button_text(question))
    if pending is None:
        return Reply.of("fact-last-decisions", view=shown, count=len(views), meeting=title, day=day)
    return Reply.of(
        "fact-last-decisions-earlier",
        view=shown,
        count=len(views),
        meeting=title,
        day=day,
        pending=Title(pending[0].title),
        pending_day=_day(turn, pending[1]),
    )


def _names_a_topic(question: str) -> bool:
    """The question asks about a topic ("about …", "بخصوص …"), not only about the last meeting."""
    said = set(normalize(question).split())
    return bool(said & TOPIC_MARKERS) and bool(topic_of(question, DECISION_FRAME | LAST_MEETING))


def _day(turn: Turn, moment: datetime) -> date:
    return _local_day(moment, turn.zone)


async def _last_ended(turn: Turn, reader: Reader) -> tuple[Meeting, datetime] | None:
    """The meeting the reader may see that ended last (cancelled occurrences are not held), and when it started."""
    ended = []
    for meeting in await schedule.community_meetings(turn.session, community_id=turn.community.id):
        if not may_see(reader, of_meeting(meeting)):
            continue
        slot = occurrences.last_started(meeting, now=turn.now - timedelta(minutes=meeting.duration_minutes))
        if slot is not None:
            ended.append((meeting, slot.starts_at))
    return max(ended, key=lambda pair: pair[1], default=None)


async def _last_published(turn: Turn, reader: Reader) -> tuple[Meeting, MeetingOccurrence] | None:
    """The latest held meeting with published minutes that the reader may see."""
    rows = await turn.session.execute(
        select(Meeting, MeetingOccurrence)
        .join(MeetingOccurrence, MeetingOccurrence.meeting_id == Meeting.id)
        .where(Meeting.community_id == turn.community.id, MeetingOccurrence.published_at.is_not(None))
        .order_by(MeetingOccurrence.starts_at.desc())
    )
    return next(((m, o) for m, o in rows if may_see(reader, of_meeting(m))), None)


async def _published_decisions(
    turn: Turn, reader: Reader, *, meeting: Meeting, occurrence: MeetingOccurrence
) -> list[AnswerView]:
    """The meeting's decisions as its published minutes show them (never a confidential one), for the reader."""
    rows = await turn.session.execute(
        select(Decision, AgendaItem)
        .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .where(Decision.occurrence_id == occurrence.id)
        .order_by(Decision.number)
    )
    everyone = shared_with(meeting)
    refs = [
        knowledge_base.ref(knowledge_base.DECISION, decision.id)
        for decision, item in rows
        if may_see(everyone, of_decision(decision, meeting=meeting, item=item))
    ]
    return await _views(turn, reader, [Hit(ref, 0.0, "") for ref in refs])


async def _views(turn: Turn, reader: Reader, hits: Sequence[Hit]) -> list[AnswerView]:
    from dialogs.questions import asking  # asking imports the live facts

    return await asking.views_of(turn.session, community=turn.community, reader=reader, hits=hits)


# ---- what was decided, what the minutes say, about a topic ------------------------------------------------


async def decisions_about(turn: Turn, question: str) -> Reply:
    """The decisions that best match the topic the question names (of published minutes, endorsed by the members,
    a poll's result or recorded outside a meeting), each with its source."""
    topic = topic_of(question, DECISION_FRAME | LAST_MEETING)
    if not topic:  # only the last meeting, or nothing, named
        if topic_of(question, DECISION_FRAME):
            return await last_decisions(turn, question)
        return Reply.of("fact-decisions-about-what")
    views = await _search(turn, topic=topic, kind=knowledge_base.DECISION)
    if not views:
        return Reply.of("fact-no-decision-about", topic=topic)
    shown = Suggestions(tuple(views), question=button_text(question))
    return Reply.of("fact-decisions-about", view=shown, count=len(views), topic=topic)


async def minutes_about(turn: Turn, question: str) -> Reply:
    """The sentences of the published minutes the reader may see that best match the topic, with their meeting."""
    topic = topic_of(question, MINUTES_FRAME)
    if not topic:
        return Reply.of("fact-minutes-about-what")
    views = await _search(turn, topic=topic, kind=knowledge_base.MINUTES)
    if not views:
        return Reply.of("fact-no-minutes-about", topic=topic)
    shown = Suggestions(tuple(views), question=button_text(question))
    return Reply.of("fact-minutes-about", view=shown, count=len(views), topic=topic)


async def _search(turn: Turn, *, topic: str, kind: str) -> list[AnswerView]:
    """The documents of one kind (`decision`, `minutes`) that match a topic in the community's index, best first,
    as the reader may see them (the index ranks every kind; the others are left out here)."""
    index = await turn.services.knowledge.index(turn.session, community_id=turn.community.id)
    hits = await asyncio.to_thread(index.search, topic, SEARCHED)
    close = [hit for hit in hits if hit.score >= TOPIC_MATCH and hit.id.startswith(f"{kind}:")]
    views = await _views(turn, await reader_for(turn), close)
    return views[:SHOWN]


FACTS = (
    LiveFact(
        "last-decisions",
        (
            *(
                "What was decided at the last meeting?",
                "decisions of the last meeting",
                "What came out of the last meeting?",
            ),
            *("What did we decide at our last meeting?", "What were the outcomes of the previous meeting?"),
            *("What did the last meeting agree on?", "What decisions were taken at the most recent meeting?"),
            *("ما القرارات التي اتخذت في الاجتماع الأخير؟", "ماذا تقرر في آخر اجتماع؟", "قرارات الاجتماع الماضي"),
            *("ما نتائج الاجتماع السابق؟", "مخرجات الاجتماع الماضي"),
            *("شو قررنا بآخر اجتماع؟", "شو طلع من الاجتماع الماضي؟", "شو القرارات تبع آخر اجتماع؟"),  # Levantine
            *("وش قررنا في آخر اجتماع؟", "وش القرارات اللي طلعت من الاجتماع اللي فات؟"),  # Gulf
            *("قررنا إيه في آخر اجتماع؟", "إيه القرارات اللي اتاخدت في الاجتماع اللي فات؟"),  # Egyptian
            *("الاجتماع الأخير خرج بإيه؟",),
        ),
        last_decisions,
    ),
    LiveFact(
        "decisions-about",
        (
            *("What did we decide about the terms of reference?", "What was decided regarding the budget?"),
            *("Is there a decision on the reporting template?", "Did we agree on anything about data sharing?"),
            *("What decision was taken on the pooled fund?", "decisions about the referral pathway"),
            *("What did the community decide on the winter plan?", "What was agreed about the joint assessment?"),
            *("Have we made a decision about the training calendar?", "What's our decision on the code of conduct?"),
            *("Any decision yet on the staffing plan?", "Has a decision been made on the security budget?"),
            *("ماذا قررنا بشأن الاختصاصات؟", "ما القرار المتخذ بخصوص الميزانية؟", "هل صدر قرار حول نموذج التقارير؟"),
            *("ما الذي تقرر بشأن مشاركة البيانات؟", "هل اتخذنا قرارًا بخصوص خطة الشتاء؟", "ما قرارنا حول مسار الإحالة؟"),
            *("شو قررنا بخصوص الاختصاصات؟", "شو كان القرار بموضوع الصندوق المشترك؟"),  # Levantine
            *("شو اتفقنا عن خطة الشتاء؟", "في قرار بخصوص التقييم المشترك؟"),
            *("وش قررنا عن مشاركة البيانات؟", "وش القرار بخصوص الميزانية؟", "وش اتفقنا عليه في مسار الإحالة؟"),  # Gulf
            *("وش قررتوا بخصوص خطة العمل؟",),
            *("قررنا إيه بخصوص الاختصاصات؟", "إيه القرار بتاع نموذج التقارير؟"),  # Egyptian
            *("إيه القرار اللي اتاخد في موضوع الميزانية؟", "هل هناك قرار بشأن خطة التدريب؟"),
            *("اتفقنا على إيه في موضوع التدريب؟",),
            # the frames alone: a question is also looked for by its framing words, its topic left out
            *("What did we decide about that?", "Is there a decision on that?", "What was decided regarding it?"),
            *("ماذا قررنا بشأن ذلك؟", "هل صدر قرار بخصوص ذلك؟", "ما القرار المتخذ في هذا الموضوع؟"),
            *("شو قررنا بخصوصه؟", "وش قررتوا عنه؟", "قررنا إيه فيه؟", "إيه القرار في الموضوع ده؟"),
        ),
        decisions_about,
        DECISION_FRAME,
    ),
    LiveFact(
        "minutes-about",
        (
            *("What did the minutes say about the flood response?", "What do the minutes mention about funding?"),
            *("Was the budget mentioned in the minutes?", "search the minutes for access constraints"),
            *(
                "What is written in the minutes about the assessment?",
                "Do the published minutes say anything on shelter?",
            ),
            *("What did the meeting notes record about the cholera outbreak?", "find in the minutes the training plan"),
            *(
                "ماذا ورد في المحضر عن الاستجابة للفيضانات؟",
                "ماذا يقول المحضر بشأن التمويل؟",
                "هل ذكر المحضر الميزانية؟",
            ),
            *("ابحث في المحاضر عن القيود على الوصول", "ما المذكور في محاضر الاجتماعات حول الكوليرا؟"),
            *(
                "شو مكتوب بالمحضر عن التمويل؟",
                "شو بيحكي المحضر عن التقييم؟",
                "المحضر شو قال عن خطة الشتاء؟",
            ),  # Levantine
            *(
                "وش مكتوب في المحضر عن الميزانية؟",
                "وش جاء في المحضر عن الفيضانات؟",
                "المحضر وش قال عن التدريب؟",
            ),  # Gulf
            *("المحضر بيقول إيه عن التمويل؟", "إيه اللي مكتوب في المحضر عن التقييم؟"),  # Egyptian
            *("المحضر ذكر إيه عن الكوليرا؟",),
            # the frames alone: a question is also looked for by its framing words, its topic left out
            *("What did the minutes say about that?", "Was that mentioned in the minutes?"),
            *("ماذا ورد في المحضر عن ذلك؟", "هل ذكر المحضر شيئًا عن ذلك؟", "شو مكتوب بالمحضر عنه؟"),
            *("وش جاء في المحضر عنه؟", "المحضر قال إيه عنه؟"),
        ),
        minutes_about,
        MINUTES_FRAME,
    ),
)
