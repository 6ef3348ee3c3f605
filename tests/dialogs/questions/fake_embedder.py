"""A deterministic embedder for the question tests (engine and knowledge base)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from dialogs.questions.engine import normalize


class FakeEmbedder:
    """Deterministic bag-of-words vectors (hashed normalised words), counting what it is asked to embed."""

    name = "fake-bow"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[str, ...], bool]] = []

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        self.calls.append((tuple(texts), query))
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, text in enumerate(texts):
            for word in normalize(text).split():
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            out[i, 0] += 0.1
            out[i] /= np.linalg.norm(out[i])
        return out

    @property
    def embedded(self) -> list[str]:
        return [t for texts, _ in self.calls for t in texts]
