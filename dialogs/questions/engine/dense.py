"""Embedding vectors of the phrasings, scored by cosine after removing the common direction (centring).

Sentence embeddings share a large common component (e5 cosines of unrelated questions are ~0.7); subtracting
the mean vector of the indexed phrasings before the cosine measured +2-4 points P@1 and spreads scores so one
threshold works. The mean is blended with the mean of a few built-in generic questions (`ANCHORS`) so a
community with three entries still gets a sensible centre. It is a snapshot, refreshed when the number of
phrasings has moved by 10 %; each refresh re-centres all rows (one pass over the matrix).
"""

from __future__ import annotations

import numpy as np

ANCHORS = (
    "When is the next meeting?",
    "How do I join the community call?",
    "Where can I find the minutes of the last meeting?",
    "Who is responsible for this action item?",
    "How do I change my notification settings?",
    "What documents do I need to register?",
    "Is there a template for the monthly report?",
    "How can I contact the facilitator?",
    "What is the deadline for submissions?",
    "Can I share this file with partners outside the organisation?",
    "How do I reset my password?",
    "Where is the office located?",
    "متى الاجتماع القادم؟",
    "كيف أنضم إلى مكالمة المجتمع؟",
    "أين أجد محضر الاجتماع الأخير؟",
    "من المسؤول عن هذا الإجراء؟",
    "كيف أغير إعدادات التنبيهات؟",
    "ما الوثائق المطلوبة للتسجيل؟",
    "هل يوجد نموذج للتقرير الشهري؟",
    "كيف أتواصل مع الميسر؟",
    "ما هو الموعد النهائي للتقديم؟",
    "هل يمكنني مشاركة هذا الملف مع الشركاء؟",
    "كيف أعيد تعيين كلمة المرور؟",
    "أين يقع المكتب؟",
)
REFRESH_FRACTION = 0.10
ANCHOR_WEIGHT = 8  # the anchors' mean counts as this many phrasings


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    unit: np.ndarray = matrix / np.maximum(norms, 1e-12)
    return unit


class DenseIndex:
    """Raw and centred unit vectors by row id; `scores()` is one matrix-vector product."""

    def __init__(self, dim: int, anchors: np.ndarray | None = None) -> None:
        self.dim = dim
        self._raw = np.zeros((256, dim), np.float32)
        self._centred = np.zeros((256, dim), np.float32)
        self._rows = 0
        self._live = np.zeros(256, bool)
        self._sum = np.zeros(dim, np.float64)
        self._count = 0
        if anchors is not None and len(anchors):
            self._prior_sum = np.asarray(anchors, np.float64).mean(axis=0) * ANCHOR_WEIGHT
            self._prior_count = ANCHOR_WEIGHT
        else:
            self._prior_sum, self._prior_count = np.zeros(dim), 0
        self._mean = self._current_mean()
        self._mean_count = 0

    def vector(self, row: int) -> np.ndarray:
        vector: np.ndarray = self._raw[row]
        return vector

    def reserve(self, rows: int) -> None:
        """Room for this many rows in total: a bulk load grows once to its size, small additions by half."""
        if rows > len(self._raw):
            grow = max(rows - len(self._raw), len(self._raw) // 2)
            self._raw = np.concatenate([self._raw, np.zeros((grow, self.dim), np.float32)])
            self._centred = np.concatenate([self._centred, np.zeros((grow, self.dim), np.float32)])
            self._live = np.concatenate([self._live, np.zeros(grow, bool)])

    def add_row(self, row: int, vector: np.ndarray) -> None:
        if row != self._rows:
            raise ValueError(f"rows must be added in order: expected {self._rows}, got {row}")
        if row == len(self._raw):
            self.reserve(row + 1)
        vector = np.asarray(vector, np.float32).reshape(self.dim)
        self._raw[row] = vector
        self._rows += 1
        if not vector.any():  # no vector (nothing to embed): the row scores 0, the mean ignores it
            self._centred[row] = 0.0
            return
        self._centred[row] = _unit(vector - self._mean)
        self._live[row] = True
        self._sum += vector
        self._count += 1

    def remove_row(self, row: int) -> None:
        if self._live[row]:
            self._live[row] = False
            self._sum -= self._raw[row]
            self._count -= 1

    def compact(self, keep: np.ndarray) -> None:
        n = len(keep)
        capacity = max(256, 2 * n)
        raw = np.zeros((capacity, self.dim), np.float32)
        raw[:n] = self._raw[keep]
        self._raw, self._rows = raw, n
        self._live = np.zeros(capacity, bool)
        self._live[:n] = raw[:n].any(axis=1)
        self._centred = np.zeros((capacity, self.dim), np.float32)
        self._recentre()

    def scores(self, query_vector: np.ndarray) -> np.ndarray:
        if abs(self._count - self._mean_count) > REFRESH_FRACTION * max(self._mean_count, 10):
            self._recentre()
        query = _unit(np.asarray(query_vector, np.float32).reshape(self.dim) - self._mean)
        scores: np.ndarray = self._centred[: self._rows] @ query
        return scores

    def _current_mean(self) -> np.ndarray:
        total = self._count + self._prior_count
        if total == 0:
            return np.zeros(self.dim, np.float32)
        return ((self._sum + self._prior_sum) / total).astype(np.float32)

    def _recentre(self) -> None:
        self._mean = self._current_mean()
        self._mean_count = self._count
        has = self._live[: self._rows]  # removed rows are masked by the caller; vector-less rows stay 0
        self._centred[: self._rows] = np.where(has[:, None], _unit(self._raw[: self._rows] - self._mean), 0.0)
