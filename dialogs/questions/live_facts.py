"""Questions the database answers live, however they are phrased: every `LiveFact` of `dialogs.questions.facts`.

Each fact is an entry of phrasings in Arabic (standard and common dialects) and English; a question is matched
against them with the same engine as the FAQ (`dialogs.questions.knowledge_base`), so new phrasings need no new code.
"""

from __future__ import annotations

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.questions.engine import Entry
from dialogs.questions.facts import LiveFact, duties, meetings, people, record
from dialogs.questions.knowledge_base import Found

FACTS: dict[str, LiveFact] = {fact.name: fact for part in (meetings, people, duties, record) for fact in part.FACTS}
ENTRIES = tuple(Entry(f"fact:{fact.name}", fact.phrasings) for fact in FACTS.values())
FRAMES = {f"fact:{fact.name}": fact.frame for fact in FACTS.values() if fact.frame}
"""The facts about a topic the question names, by entry id, with the words their questions are framed with."""


async def answer(turn: Turn, *, fact: str, question: str) -> Reply:
    """The live answer to one fact, for this member, to the question as asked."""
    return await FACTS[fact].answer(turn, question)


def chosen(found: Found) -> str | None:
    """The live fact that answers a question, from what it found: the best fact when it is confident, unless the
    community's knowledge answers more surely."""
    fact, best = found.fact.best, found.knowledge.best
    if fact is None or not found.fact.confident:
        return None
    if best is not None and found.knowledge.confident and best.score > fact.score:
        return None
    return fact.id.partition(":")[2]
