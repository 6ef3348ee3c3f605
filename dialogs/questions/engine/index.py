"""The knowledge index: FAQ entries in, ranked entries with a calibrated confidence out. In memory, no database.

Score of a phrasing = weighted mean of (a) cosine of centred e5 embeddings when an embedder is present,
(b) cosine of TF-IDF character 2-4-grams of the normalised words, (c) the same over their Snowball stems.
An entry scores by its best phrasing plus a little of its second best (several phrasings that match are
more evidence). Scores are comparable across questions of one kind, so a threshold decides whether the bot
answers (`Answer.confident`) and a lower one which close entries are still worth showing. The kinds: the
question's language (Arabic or English) and whether the matched phrasing is in the same language or the
other one (an Arabic question finding an English-only entry scores lower: the lexical signals see nothing in
common). The weights and the thresholds of each kind, for the two configurations (with and without an
embedder), were chosen on the dev halves of the benchmark queries so that a confident answer is right at
least 90 % of the time; bench/README.md says how. A deployment that plugs another embedder should re-run
that calibration and pass its own `Scoring`.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import numpy as np

from dialogs.questions.engine.dense import ANCHORS, DenseIndex
from dialogs.questions.engine.embedding import Embedder, vector_key
from dialogs.questions.engine.lexical import LexicalIndex
from dialogs.questions.engine.text import embedding_text, language, normalize

logger = logging.getLogger(__name__)

CANDIDATE_ROWS = 64  # rows gathered before grouping phrasings into entries
EMBED_BATCH = 64
COMPACT_FRACTION = 0.25  # renumber rows when this share of them is removed
MAX_QUERY_CHARS = 2_000  # a pasted document is not a question: read its beginning


@dataclass(frozen=True)
class Entry:
    """One FAQ entry: several phrasings of the question (any mix of Arabic and English) and its answer."""

    id: str
    questions: Sequence[str]
    answer: str = ""
    lang: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.questions, str):
            object.__setattr__(self, "questions", (self.questions,))
        else:
            object.__setattr__(self, "questions", tuple(self.questions))


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    matched_question: str


@dataclass(frozen=True)
class Answer:
    """What a member's question found: `confident` means the best hit is the answer; otherwise `hits` are
    the close entries (possibly none) to show as suggestions."""

    query: str
    hits: tuple[Hit, ...]
    confident: bool

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


SAME, ACROSS = "same", "across"  # the matched phrasing is in the question's language, or in the other one
MatchKind = tuple[str, str]  # (the question's language, SAME or ACROSS): ("ar", ACROSS)
NEVER = math.inf  # the answer threshold of a kind of match that is never right often enough


def match_kind(question_language: str, phrasing: str) -> MatchKind:
    """The kind of a match between a question (by its language) and the phrasing it matched."""
    return question_language, SAME if language(phrasing) == question_language else ACROSS


@dataclass(frozen=True)
class Thresholds:
    """At or above `answer` the best entry is the answer; entries at or above `suggest` are close ones to show."""

    answer: float
    suggest: float


@dataclass(frozen=True)
class Scoring:
    """Weights of the signals and the calibrated thresholds of one configuration, per kind of match."""

    dense_weight: float
    char_weight: float
    stem_weight: float
    second_phrasing_weight: float
    thresholds: Mapping[MatchKind, Thresholds]

    def combine(self, dense: np.ndarray | None, lexical: np.ndarray) -> np.ndarray:
        total = self.char_weight + self.stem_weight + (self.dense_weight if dense is not None else 0.0)
        scores = lexical if dense is None else lexical + self.dense_weight * dense
        return scores / total

    def confident(self, kind: MatchKind, score: float) -> bool:
        return score >= self.thresholds[kind].answer

    def close(self, kind: MatchKind, score: float) -> bool:
        return score >= self.thresholds[kind].suggest


# Chosen on the dev halves of the benchmark queries (bench/README.md, `bench/qa.py --calibrate`); the same in
# the bot and the bench.
LEXICAL_SCORING = Scoring(
    dense_weight=0.0,
    char_weight=0.5,
    stem_weight=0.3,
    second_phrasing_weight=0.2,
    thresholds=MappingProxyType(
        {
            ("ar", SAME): Thresholds(answer=0.775, suggest=0.275),
            ("en", SAME): Thresholds(answer=0.6, suggest=0.35),  # calibrated 0.4875; see bench/README.md
            ("ar", ACROSS): Thresholds(answer=NEVER, suggest=0.1),  # only product names in common: never sure
            ("en", ACROSS): Thresholds(answer=NEVER, suggest=0.1375),
        }
    ),
)
EMBEDDING_SCORING = Scoring(
    dense_weight=1.0,
    char_weight=0.2,
    stem_weight=0.3,
    second_phrasing_weight=0.2,
    thresholds=MappingProxyType(
        {
            ("ar", SAME): Thresholds(answer=0.75, suggest=0.3625),
            ("en", SAME): Thresholds(answer=0.625, suggest=0.3125),
            ("ar", ACROSS): Thresholds(answer=0.2625, suggest=0.1875),
            ("en", ACROSS): Thresholds(answer=0.325, suggest=0.2625),
        }
    ),
)


def live_fact_scoring(embedder: Embedder | None) -> Scoring:
    """The scoring of the live facts' index (`dialogs.questions.live_facts`): a few distinct questions, each with
    phrasings in both languages, written and tested against the one pair of thresholds per configuration used
    before the per-kind calibration (which ArBanking77's near-paraphrase intents made strict for Arabic)."""
    base, pair = (EMBEDDING_SCORING, Thresholds(0.575, 0.3)) if embedder else (LEXICAL_SCORING, Thresholds(0.6, 0.25))
    return replace(base, thresholds=MappingProxyType(dict.fromkeys(base.thresholds, pair)))


@dataclass
class _Slot:
    entry: Entry
    rows: list[int] = field(default_factory=list)


class KnowledgeIndex:
    """Search FAQ entries by a member's question. Incremental: add/update/remove touch only that entry.

    `vectors` (from `export_vectors()` of an earlier index, e.g. persisted in the database) are reused instead
    of embedding again; keys are `vector_key(embedder.name, embedding_text(question))`.
    """

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        *,
        embedder: Embedder | None = None,
        vectors: Mapping[str, np.ndarray] | None = None,
        scoring: Scoring | None = None,
    ) -> None:
        self.embedder = embedder
        self.scoring = scoring or (EMBEDDING_SCORING if embedder is not None else LEXICAL_SCORING)
        self._lock = threading.RLock()
        self._lexical = LexicalIndex((self.scoring.char_weight, self.scoring.stem_weight))
        self._dense: DenseIndex | None = None
        self._supplied: Mapping[str, np.ndarray] = vectors or {}
        self._key_row: dict[str, int] = {}  # embedded text key -> a row holding its vector (live or not)
        self._live = np.zeros(1024, bool)
        self._slots: dict[str, _Slot] = {}
        self._row_entry: list[str | None] = []
        self._row_text: list[str] = []
        self._row_key: list[str | None] = []
        self._removed_rows = 0
        self._anchor_vectors: dict[str, np.ndarray] = {}
        if embedder is not None:
            texts = {vector_key(embedder.name, embedding_text(q)): embedding_text(q) for q in ANCHORS}
            missing = [key for key in texts if key not in self._supplied]
            fresh = dict(zip(missing, self._embed([texts[key] for key in missing]), strict=True)) if missing else {}
            self._anchor_vectors = {
                key: np.asarray(fresh.get(key, self._supplied.get(key)), np.float32) for key in texts
            }
            self._dense = DenseIndex(embedder.dim, np.stack(list(self._anchor_vectors.values())))
        self.add_many(entries)

    # --- reading ---

    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._slots

    def get(self, entry_id: str) -> Entry | None:
        slot = self._slots.get(entry_id)
        return slot.entry if slot else None

    def entries(self) -> list[Entry]:
        return [slot.entry for slot in self._slots.values()]

    def export_vectors(self) -> dict[str, np.ndarray]:
        """Embedding of every indexed phrasing (and of the built-in anchor questions) by `vector_key`, to
        persist and pass back as `vectors=`."""
        with self._lock:
            if self._dense is None:
                return {}
            vectors = {key: vector.copy() for key, vector in self._anchor_vectors.items()}
            vectors.update(
                (key, self._dense.vector(row).copy())
                for row, key in enumerate(self._row_key)
                if key is not None and self._row_entry[row] is not None
            )
            return vectors

    def search(self, query: str, k: int = 3) -> list[Hit]:
        """The k best entries for the question, best first (scores comparable across questions)."""
        return self._search(query, k)[0]

    def ask(self, query: str, k: int = 3) -> Answer:
        """Answer confidently when the best entry clears the answer threshold of its kind of match; else up to k
        close entries (each above the suggest threshold of its own kind), maybe none."""
        hits, scoring = self._search(query, k)
        asked_in = language(query)
        close = tuple(hit for hit in hits if scoring.close(match_kind(asked_in, hit.matched_question), hit.score))
        return Answer(query=query, hits=close, confident=self._confident(scoring, asked_in, hits))

    def confident(self, query: str, hits: Sequence[Hit]) -> bool:
        """Whether `ask` would answer with the first of these hits (from `search(query)`)."""
        return self._confident(self.scoring, language(query), hits)

    # --- writing ---

    def add(self, entry: Entry) -> None:
        """Add an entry, or replace the one with the same id."""
        self.add_many([entry])

    update = add

    def add_many(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        if not entries:
            return
        vectors: dict[str, np.ndarray] = {}
        if self._dense is not None and self.embedder is not None:
            missing: dict[str, str] = {}
            for entry in entries:
                for question in entry.questions:
                    text = embedding_text(question)
                    key = vector_key(self.embedder.name, text)
                    if text and key not in self._key_row and key not in self._supplied:
                        missing[key] = text
            if missing:
                embedded = self._embed(list(missing.values()))
                vectors = dict(zip(missing, embedded, strict=True))
        with self._lock:
            if self._dense is not None:
                needed = len(self._row_entry) + sum(len(e.questions) for e in entries)
                self._dense.reserve(needed + needed // 8)  # slack: the next edits do not copy the matrix
            for entry in entries:
                self._remove(entry.id)
                self._insert(entry, vectors)
            self._maybe_compact()

    def remove(self, entry_id: str) -> bool:
        with self._lock:
            removed = self._remove(entry_id)
            self._maybe_compact()
            return removed

    # --- internals ---

    def _search(self, query: str, k: int) -> tuple[list[Hit], Scoring]:
        query = query[:MAX_QUERY_CHARS]
        if k <= 0 or not self._slots or not normalize(query):
            return [], self.scoring
        scoring = self.scoring
        query_vector = None
        if self._dense is not None:
            try:  # outside the lock: the slow part
                query_vector = self._embed([embedding_text(query)])[0]
            except Exception:  # a hosted service down: answer lexically with the lexical thresholds
                logger.exception("knowledge embedder failed; lexical scoring for this question")
                scoring = replace(
                    LEXICAL_SCORING, char_weight=self.scoring.char_weight, stem_weight=self.scoring.stem_weight
                )
        with self._lock:
            n_rows = len(self._row_entry)
            if n_rows == 0:
                return [], scoring
            lexical = self._lexical.scores(query, n_rows)
            dense = self._dense.scores(query_vector) if self._dense is not None and query_vector is not None else None
            return self._rank(scoring.combine(dense, lexical), k), scoring

    @staticmethod
    def _confident(scoring: Scoring, asked_in: str, hits: Sequence[Hit]) -> bool:
        return bool(hits) and scoring.confident(match_kind(asked_in, hits[0].matched_question), hits[0].score)

    def _embed(self, texts: list[str]) -> np.ndarray:
        if self.embedder is None:
            raise RuntimeError("no embedder")
        parts = [
            self.embedder.embed(texts[i : i + EMBED_BATCH], query=True)  # FAQ phrasings are questions too
            for i in range(0, len(texts), EMBED_BATCH)
        ]
        return np.concatenate(parts) if parts else np.zeros((0, self.embedder.dim), np.float32)

    def _insert(self, entry: Entry, vectors: Mapping[str, np.ndarray]) -> None:
        slot = _Slot(entry)
        for question in entry.questions:
            if not normalize(question):
                continue
            row = len(self._row_entry)
            key = None
            if self._dense is not None and self.embedder is not None:
                text = embedding_text(question)
                key = vector_key(self.embedder.name, text)
                vector = self._vector_for(key, vectors)
                self._dense.add_row(row, vector)
                self._key_row.setdefault(key, row)
            self._lexical.add_row(row, question)
            self._row_entry.append(entry.id)
            if row == len(self._live):
                self._live = np.concatenate([self._live, np.zeros_like(self._live)])
            self._live[row] = True
            self._row_text.append(question)
            self._row_key.append(key)
            slot.rows.append(row)
        self._slots[entry.id] = slot

    def _remove(self, entry_id: str) -> bool:
        slot = self._slots.pop(entry_id, None)
        if slot is None:
            return False
        for row in slot.rows:
            self._lexical.remove_row(row)
            if self._dense is not None:
                self._dense.remove_row(row)
            self._row_entry[row] = None
            self._live[row] = False
            self._removed_rows += 1  # its vector stays readable through _key_row until the next compaction
        return True

    def _maybe_compact(self) -> None:
        if self._removed_rows <= max(64, COMPACT_FRACTION * len(self._row_entry)):
            return
        keep = np.fromiter((r for r, e in enumerate(self._row_entry) if e is not None), dtype=np.int64)
        self._lexical.compact(keep)
        if self._dense is not None:
            self._dense.compact(keep)
        new_row = {int(old): new for new, old in enumerate(keep)}
        self._row_entry = [self._row_entry[int(old)] for old in keep]
        self._row_text = [self._row_text[int(old)] for old in keep]
        self._row_key = [self._row_key[int(old)] for old in keep]
        for slot in self._slots.values():
            slot.rows = [new_row[r] for r in slot.rows]
        self._key_row = {key: row for row, key in enumerate(self._row_key) if key is not None}
        self._live = np.ones(max(1024, 2 * len(keep)), bool)
        self._live[len(keep) :] = False
        self._removed_rows = 0

    def _vector_for(self, key: str, fresh: Mapping[str, np.ndarray]) -> np.ndarray:
        if self._dense is None:
            raise RuntimeError("no embedder")
        row = self._key_row.get(key)
        if row is not None:
            return self._dense.vector(row).copy()
        vector = fresh.get(key)
        if vector is None:
            vector = self._supplied.get(key)
        if vector is None:  # nothing left once normalised for the model: a neutral vector
            return np.zeros(self._dense.dim, np.float32)
        return np.asarray(vector, np.float32)

    def _rank(self, scores: np.ndarray, k: int) -> list[Hit]:
        gamma = self.scoring.second_phrasing_weight
        scores = np.where(self._live[: len(scores)], scores, -np.inf)
        m = min(CANDIDATE_ROWS, len(scores))
        top = np.argpartition(-scores, m - 1)[:m] if m < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        best: dict[str, tuple[float, int]] = {}
        second: dict[str, float] = {}
        for row in top:
            score = float(scores[row])
            if score == -np.inf:
                break
            entry_id = self._row_entry[row]
            if entry_id is None:
                continue
            if entry_id not in best:
                best[entry_id] = (score, int(row))
            elif entry_id not in second:
                second[entry_id] = score
        ranked = sorted(
            (
                (score + gamma * max(second.get(entry_id, 0.0), 0.0), entry_id, row)
                for entry_id, (score, row) in best.items()
            ),
            key=lambda item: (-item[0], item[1]),
        )
        return [
            Hit(id=entry_id, score=round(score, 6), matched_question=self._row_text[row])
            for score, entry_id, row in ranked[:k]
        ]
