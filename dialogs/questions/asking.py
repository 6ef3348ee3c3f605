"""Any message that is not a command is a question.

The answer comes from the live facts (next meeting, agenda, my actions, facilitators, working groups, how to add
an agenda item) when the question is one of those, else from the community's FAQ and published minutes and
decisions (`dialogs.questions.knowledge_base`). A confident answer comes with its source and two buttons,
"This answered me" and "Ask a facilitator"; below the threshold the bot says it is not sure and shows up to three
close entries; with nothing close, a real question goes to the facilitators as a ticket at once
(`dialogs.questions.tickets`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.commands import strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.language import member_language
from dialogs.common.replies import Reply
from dialogs.common.text import fold, script_language
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.common.visibility import Reader, may_see, of_decision, of_faq, of_meeting, reader_for
from dialogs.questions import faq, knowledge_base, live_facts, tickets
from dialogs.questions.engine import Hit, normalize
from dialogs.questions.faq import AnswerView, Version
from dialogs.questions.views import AnswerCard, Suggestions, TicketReceipt, button_text
from storage import repositories as repo
from storage.models import (
    AgendaItem,
    Community,
    Decision,
    FaqEntry,
    Meeting,
    MeetingOccurrence,
    Proposal,
    ProposalKind,
    WorkingGroup,
)

SUGGESTIONS = 3
MAX_QUESTION = 2000
MAX_EXCERPT = 1500
GREETINGS = {
    normalize(w)
    for w in (
        *("hi", "hello", "hey", "good morning", "good afternoon", "good evening", "salam", "hi tansiq"),
        *("مرحبا", "مرحبا تنسيق", "أهلا", "أهلا وسهلا", "السلام عليكم", "صباح الخير", "مساء الخير", "هلا"),
    )
}
THANKS = {
    normalize(w)
    for w in (
        *("thanks", "thank you", "thx", "many thanks", "thank you very much", "thanks a lot", "great thanks"),
        *("شكرا", "شكرا لك", "شكرا جزيلا", "مشكور", "يعطيك العافية", "الله يعطيك العافية", "ممتاز شكرا"),
    )
}
QUESTION_WORDS = {
    fold(w)
    for w in (
        *("what", "when", "where", "who", "whom", "which", "why", "how", "is", "are", "can", "could", "do"),
        *("does", "did", "should", "will", "would", "may", "has", "have", "whats", "what's"),
        *("ما", "ماذا", "متى", "أين", "من", "كيف", "لماذا", "هل", "كم", "أي", "لم", "وين", "شو", "ليش"),
        *("قديش", "امتى", "ايش", "مين", "شلون", "ازاي", "فين", "ليه", "إيش"),
    )
}


def small_talk(question: str) -> str | None:
    """'greeting' or 'thanks' for messages that are only that."""
    said = normalize(question)
    if said in GREETINGS:
        return "greeting"
    if said in THANKS:
        return "thanks"
    return None


def looks_like_question(text: str) -> bool:
    """A question mark, or a question word first, in at least two words."""
    words = text.split()
    if len(words) < 2:
        return False
    return "?" in text or "؟" in text or fold(words[0]).strip("?؟,.!") in QUESTION_WORDS


# ---- asking ------------------------------------------------------------------------------------------------


async def ask(turn: Turn, *, text: str) -> Reply:
    """Answer a member's question: a live fact, a confident answer, close entries, or a ticket."""
    question = " ".join(strip_mentions(text).split())[:MAX_QUESTION]
    chat = small_talk(question)
    if chat is not None:
        return Reply.of(f"question-{chat}")
    try:
        found = await turn.services.knowledge.ask(
            turn.session, community_id=turn.community.id, question=question, k=SUGGESTIONS
        )
    except knowledge_base.KnowledgeLoading:  # just started: a wrong "not sure" or a needless ticket otherwise
        return Reply.of("question-loading")
    fact = live_facts.chosen(found)  # a live fact, unless the knowledge answers more surely
    if fact is not None:
        return await live_facts.answer(turn, fact=fact, question=question)
    best = found.knowledge.best
    reader = await reader_for(turn)
    views = await views_of(turn.session, community=turn.community, reader=reader, hits=found.knowledge.hits)
    if found.knowledge.confident and views and best is not None and views[0].ref == best.id:
        return Reply.of("question-answer", view=AnswerCard(views[0], question=button_text(question)))
    if views:
        close = Suggestions(tuple(views), question=button_text(question))
        return Reply.of("question-unsure", view=close, count=len(views))
    if looks_like_question(question):
        return await escalate(turn, question=question, refs=())
    return Reply.of("question-no-answer", view=Suggestions((), question=button_text(question)))


async def escalate(turn: Turn, *, question: str, refs: Sequence[str], asked: bool = False) -> Reply:
    """Send the question to whoever answers it (a group's lead, or the facilitators) with what the bot offered."""
    offered = await views_of(
        turn.session,
        community=turn.community,
        reader=await reader_for(turn),
        hits=[Hit(r, 0.0, "") for r in refs[:SUGGESTIONS]],
    )
    group = await _group_of(turn.session, community=turn.community, question=question, offered=offered)
    ticket = await tickets.open_ticket(
        turn,
        question=question,
        lang=member_language(turn.member, turn.community, teams_locale=turn.member.teams_locale, text=question),
        offered=[_offered(view) for view in offered],
        group=group,
    )
    return Reply.of(
        "ticket-opened" if asked or offered else "question-sent",
        view=TicketReceipt(ticket.question),
        number=ticket.number,
        group=group.name if group else "",
        to=(await tickets.recipients(turn.session, ticket, asker_id=ticket.asker_id))[1],
    )


def _offered(view: AnswerView) -> dict[str, Any]:
    version = view.versions[0]
    return {"ref": view.ref, "kind": view.kind, "number": view.number, "title": version.question or version.answer}


async def _group_of(
    session: AsyncSession, *, community: Community, question: str, offered: Sequence[AnswerView]
) -> WorkingGroup | None:
    """The working group a question belongs to: one it names, else the group of the best entry offered."""
    groups = await repo.open_groups(session, community_id=community.id)
    said = f" {normalize(question)} "
    for group in groups:
        names = [normalize(part) for part in re.split(r"[·|/]", group.name)]
        if any(len(name) >= 3 and f" {name} " in said for name in names):
            return group
    named = next((view.group for view in offered if view.group), None)
    return next((group for group in groups if group.name == named), None)


async def ask_command(turn: Turn, args: str) -> Reply:
    """`ask <question>`: straight to the facilitators (or the group's lead)."""
    question = " ".join(strip_mentions(args).split())
    if not question:
        raise UserError("ask-usage")
    return await escalate(turn, question=question, refs=(), asked=True)


# ---- what an answer shows ----------------------------------------------------------------------------------


async def views_of(
    session: AsyncSession, *, community: Community, reader: Reader, hits: Sequence[Hit]
) -> list[AnswerView]:
    """The documents behind search hits, as answers for `reader`: ones gone, of another community or that
    `reader` may not see (a working group's entry or minutes, a confidential decision) are left out."""
    views = []
    for hit in hits:
        parsed = knowledge_base.parse_ref(hit.id)
        if parsed is None:
            continue
        kind, row_id = parsed
        view = None
        if kind == knowledge_base.FAQ:
            entry = await session.get(FaqEntry, row_id)
            mine = entry is not None and entry.community_id == community.id and may_see(reader, of_faq(entry))
            view = faq.answer_view(entry) if entry is not None and mine and entry.versions else None
        elif kind == knowledge_base.DECISION:
            view = await _decision_view(session, community=community, reader=reader, decision_id=row_id)
        elif kind == knowledge_base.MINUTES:
            matched = hit.matched_question
            view = await _minutes_view(
                session, community=community, reader=reader, occurrence_id=row_id, matched=matched
            )
        if view is not None:
            views.append(view)
    return views


async def _held(
    session: AsyncSession, *, community: Community, occurrence_id: int | None
) -> tuple[Meeting, MeetingOccurrence] | None:
    """A published meeting occurrence of the community, with its meeting."""
    row = await session.execute(
        select(Meeting, MeetingOccurrence)
        .join(MeetingOccurrence, MeetingOccurrence.meeting_id == Meeting.id)
        .where(
            MeetingOccurrence.id == (occurrence_id or 0),
            Meeting.community_id == community.id,
            MeetingOccurrence.published_at.is_not(None),
        )
    )
    found = row.first()
    return (found[0], found[1]) if found else None


async def _decision_view(
    session: AsyncSession, *, community: Community, reader: Reader, decision_id: int
) -> AnswerView | None:
    """A decision as an answer, with where it was taken: its meeting (once its minutes are published), the members'
    endorsement or poll, or outside a meeting; None when `reader` may not see it."""
    decision = await session.get(Decision, decision_id)
    if decision is None or decision.community_id != community.id:
        return None
    if decision.occurrence_id is None:
        if not may_see(reader, of_decision(decision, meeting=None)):
            return None
        kind, taken_at = await _taken_without_meeting(session, decision)
        return AnswerView(
            ref=f"decision:{decision.id}",
            kind=kind,
            number=decision.number,
            versions=_decision_versions(decision, community=community),
            held_at=taken_at,
        )
    held = await _held(session, community=community, occurrence_id=decision.occurrence_id)
    if held is None:
        return None
    meeting, occurrence = held
    item = await session.get(AgendaItem, decision.agenda_item_id) if decision.agenda_item_id is not None else None
    if not may_see(reader, of_decision(decision, meeting=meeting, item=item)):
        return None
    return AnswerView(
        ref=f"decision:{decision.id}",
        kind="decision",
        number=decision.number,
        versions=_decision_versions(decision, community=community),
        meeting=Title(meeting.title),
        meeting_number=meeting.number,
        held_at=occurrence.starts_at,
    )


def _decision_versions(decision: Decision, *, community: Community) -> tuple[Version, ...]:
    """A decision's text, in the language it is written in."""
    return (Version(script_language(decision.text) or community.default_language, "", decision.text),)


async def _taken_without_meeting(session: AsyncSession, decision: Decision) -> tuple[str, datetime]:
    """How a decision without a meeting was taken, as its answer's kind, and when: endorsed by the members
    (`decision-endorsed`), a poll's result (`decision-poll`), or recorded outside a meeting (`decision-outside`)."""
    proposal = await session.scalar(select(Proposal).where(Proposal.decision_id == decision.id))
    if proposal is None:
        return "decision-outside", decision.created_at
    kind = "decision-endorsed" if proposal.kind == ProposalKind.ENDORSEMENT else "decision-poll"
    return kind, proposal.closed_at or decision.created_at


async def _minutes_view(
    session: AsyncSession, *, community: Community, reader: Reader, occurrence_id: int, matched: str
) -> AnswerView | None:
    held = await _held(session, community=community, occurrence_id=occurrence_id)
    if held is None or not may_see(reader, of_meeting(held[0])):
        return None
    meeting, occurrence = held
    texts = {lang: text for lang, text in (("ar", occurrence.summary_ar), ("en", occurrence.summary_en)) if text}
    if matched or not texts:  # the sentence found, in its language; the title when no summary was written
        shown = matched or meeting.title
        texts[script_language(shown) or community.default_language] = shown
    return AnswerView(
        ref=f"minutes:{occurrence.id}",
        kind="minutes",
        number=meeting.number,
        versions=tuple(Version(lang, "", _excerpt(text)) for lang, text in texts.items()),
        meeting=Title(meeting.title),
        meeting_number=meeting.number,
        held_at=occurrence.starts_at,
    )


def _excerpt(text: str) -> str:
    """`text`, cut at a space when it is longer than an answer shows."""
    if len(text) <= MAX_EXCERPT:
        return text
    return text[:MAX_EXCERPT].rsplit(" ", 1)[0] + " …"


# ---- buttons -----------------------------------------------------------------------------------------------


async def open_ref(turn: Turn, data: dict[str, Any]) -> Reply:
    """A close entry's button (`Action.Submit`): that entry as an answer."""
    ref = data.get("ref")
    if knowledge_base.parse_ref(ref) is None:
        raise UserError("card-data-invalid")
    views = await views_of(
        turn.session,
        community=turn.community,
        reader=await reader_for(turn),
        hits=[Hit(str(ref), 0.0, "")],
    )
    if not views:
        raise UserError("answer-gone")
    question = data.get("question")
    asked = button_text(question) if isinstance(question, str) else ""
    return Reply.of("question-answer", view=AnswerCard(views[0], question=asked))


async def press(turn: Turn, verb: str, data: object) -> Reply:
    """A button on an answer card (`Action.Execute`): "This answered me" or "Ask a facilitator"."""
    if not isinstance(data, dict):
        raise UserError("card-data-invalid")
    offered = data.get("offered")
    refs = [r for r in offered if knowledge_base.parse_ref(r)] if isinstance(offered, list) else []
    match verb:
        case "question-escalate":
            question = data.get("question")
            if not isinstance(question, str) or not question.strip():
                raise UserError("card-data-invalid")
            return await escalate(turn, question=question, refs=refs, asked=True)
        case "answer-helped":
            return await _helped(turn, ref=data.get("ref"))
    raise UserError("card-data-invalid")


async def _helped(turn: Turn, *, ref: object) -> Reply:
    """Count the thanks (FAQ entries keep a tally) and show the answer without its buttons."""
    parsed = knowledge_base.parse_ref(ref)
    if parsed is None:
        raise UserError("card-data-invalid")
    if parsed[0] == knowledge_base.FAQ:
        entry = await turn.session.get(FaqEntry, parsed[1], with_for_update=True)
        if entry is not None and entry.community_id == turn.community.id:
            entry.helpful += 1
    views = await views_of(
        turn.session,
        community=turn.community,
        reader=await reader_for(turn),
        hits=[Hit(str(ref), 0.0, "")],
    )
    if not views:
        raise UserError("answer-gone")
    return Reply.of("answer-thanks", view=AnswerCard(views[0], state="thanked"))
