"""The knowledge base behind questions with an embedder plugged in (as a hosted embedding service would be): vectors
are stored, a restart embeds nothing again, an edit embeds only its new phrasing; and it follows the database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.features import build_services
from dialogs.questions import knowledge_base, live_facts
from dialogs.questions.engine import embedding_text
from storage.db import create_engine, session_factory
from storage.models import FaqEntry, FaqVersion, KnowledgeVector
from tests.chat import Chat
from tests.dialogs.questions.fake_embedder import FakeEmbedder
from tests.fakes import FakeClock


def chat_with(embedder: FakeEmbedder, sessions, clock: FakeClock) -> Chat:
    """A Chat whose app plugs `embedder` into its question engine (as a hosted embedding service would be)."""
    return Chat(sessions, clock, services=build_services(load_embedder=lambda: embedder))


async def test_vectors_are_stored_and_reused_after_a_restart(sessions, clock: FakeClock, database_url: str) -> None:
    chat = await chat_with(FakeEmbedder(), sessions, clock).start()
    await chat.say("faq add How do I register for the workshop? | Use the form. | tags training", as_="facilitator")
    await chat.say("faq add Where is the venue? | UN House.", as_="facilitator")
    said = await chat.say("how do I register for the workshop", as_="facilitator")
    assert said.key == "question-answer"
    async with sessions() as session:
        stored = await session.scalar(select(func.count()).select_from(KnowledgeVector))
        models = set(await session.scalars(select(KnowledgeVector.model)))
    assert stored >= 2 and models == {"fake-bow"}

    restarted = FakeEmbedder()  # a new process: a new engine, an empty index, the same database
    engine = create_engine(database_url)
    try:
        base = knowledge_base.KnowledgeBase(live_facts.ENTRIES, load_embedder=lambda: restarted)
        async with session_factory(engine).begin() as session:
            found = await base.ask(session, community_id=chat.community_id, question="where is the venue today?")
        assert found.knowledge.confident
        faq_texts = {embedding_text(q) for q in ("How do I register for the workshop?", "Where is the venue?")}
        assert not faq_texts & set(restarted.embedded)  # read back, not embedded again

        before = len(restarted.embedded)
        await chat.say("faq edit 2 Where is the venue?; Which building is it in? | UN House.", as_="facilitator")
        async with session_factory(engine).begin() as session:
            await base.index(session, community_id=chat.community_id)
        assert restarted.embedded[before:] == [embedding_text("Which building is it in?")]
    finally:
        await engine.dispose()


async def test_one_knowledge_base_serves_every_turn_and_follows_the_database(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    used: list[knowledge_base.KnowledgeBase] = []

    async def look(turn: Turn) -> Reply:
        used.append(turn.services.knowledge)
        return Reply.of("question-thanks")

    for _ in range(2):  # two turns, two sessions: one knowledge base
        await chat.router.run(member_id=chat.ids["member"], now=clock(), handler=look)
    first = chat.services.knowledge
    assert len(used) == 2 and all(knowledge is first for knowledge in used)
    await chat.say("faq add Is lunch provided? | Yes.", as_="facilitator")
    async with sessions() as session:
        index = await first.index(session, community_id=chat.community_id)
    assert len(index) == 1
    await chat.say("faq remove 1", as_="facilitator")
    async with sessions() as session:
        assert len(await first.index(session, community_id=chat.community_id)) == 0


async def test_a_new_entry_with_a_removed_entrys_id_is_not_answered_with_the_old_question(
    sessions, clock: FakeClock
) -> None:
    chat = await Chat(sessions, clock).start()
    await chat.say("faq add Is lunch provided? | Yes, at the venue.", as_="facilitator")
    assert (await chat.say("is lunch provided?", as_="member")).key == "question-answer"
    async with sessions() as session:
        old_id = await session.scalar(select(FaqEntry.id))
    await chat.say("faq remove 1", as_="facilitator")
    clock.advance(minutes=1)
    async with sessions.begin() as session:  # as SQLite does: the next row takes the free id
        session.add(
            FaqEntry(id=old_id, community_id=chat.community_id, number=1, created_at=clock(), updated_at=clock())
        )
        await session.flush()
        session.add(FaqVersion(entry_id=old_id, lang="en", questions=["Where is the venue?"], answer="UN House."))
    venue = await chat.say("where is the venue?", as_="member")
    assert venue.key == "question-answer" and "UN House" in venue.text
    lunch = await chat.say("is lunch provided?", as_="member")
    assert "UN House" not in lunch.text and "at the venue" not in lunch.text


@pytest.mark.parametrize("value", ["faq:1", "decision:22", "minutes:3"])
def test_references_round_trip(value: str) -> None:
    kind, number = knowledge_base.parse_ref(value)
    assert knowledge_base.ref(kind, number) == value


@pytest.mark.parametrize("value", [None, 3, "faq:", "faq:x", "other:1", "faq:12345678901", "faq:-1"])
def test_bad_references_are_refused(value: object) -> None:
    assert knowledge_base.parse_ref(value) is None


def test_card_references_are_read_strictly() -> None:
    from dialogs.questions.knowledge_base import parse_ref

    assert parse_ref("faq:12") == ("faq", 12)
    for crafted in ("faq:²", "faq:99999999999", "faq:", "nope:3", 12, None):
        assert parse_ref(crafted) is None, crafted
