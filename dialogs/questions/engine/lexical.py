"""Incremental TF-IDF over character n-grams, two fields (words, stems), scored by cosine per field.

Rows are phrasings; the caller gives row ids (dense, increasing) and masks removed rows itself. The postings
live in a "main" block built from all rows with the IDF of that moment, plus a small "delta" block for rows
added since; both use the same IDF snapshot so scores stay consistent. The main block is rebuilt (fresh IDF,
O(non-zeros)) when the delta grows past 5 % of it, or on every change while the index is small, so an edit
never re-analyses text and rarely touches more than the delta.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dialogs.questions.engine.text import char_ngrams, lexical_words, stem

_STEM_PREFIX = "\x01"
SMALL_INDEX_ROWS = 256  # below this many rows a full rebuild costs ~1 ms: always keep one block
DELTA_FRACTION = 0.05


def analyze(text: str) -> dict[str, int]:
    """Feature -> count: char 2-4-grams of the lexical words, and (prefixed) of their Snowball stems."""
    words = lexical_words(text)
    features: dict[str, int] = dict(char_ngrams(words))
    for gram, count in char_ngrams([stem(w) for w in words]).items():
        features[_STEM_PREFIX + gram] = count
    return features


def _field_of(feature: str) -> int:
    return 1 if feature.startswith(_STEM_PREFIX) else 0


class _Grow:
    """A numpy vector that grows by doubling."""

    def __init__(self, dtype: type) -> None:
        self.data: np.ndarray = np.zeros(1024, dtype=dtype)
        self.size = 0

    def append(self, value: int) -> None:
        if self.size == len(self.data):
            self.data = np.concatenate([self.data, np.zeros_like(self.data)])
        self.data[self.size] = value
        self.size += 1

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.size]


@dataclass
class _Postings:
    """Column-compressed (feature -> rows) weights of one block."""

    indptr: np.ndarray  # int64, len = n_features + 1
    rows: np.ndarray  # int32
    weights: np.ndarray  # float32

    @classmethod
    def empty(cls) -> _Postings:
        return cls(np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32))

    @classmethod
    def build(cls, row_ids: np.ndarray, features: np.ndarray, weights: np.ndarray, n_features: int) -> _Postings:
        order = np.argsort(features, kind="stable")
        indptr = np.zeros(n_features + 1, np.int64)
        np.cumsum(np.bincount(features, minlength=n_features), out=indptr[1:])
        return cls(indptr, row_ids[order].astype(np.int32), weights[order].astype(np.float32))

    def accumulate(self, out: np.ndarray, features: np.ndarray, query_weights: np.ndarray) -> None:
        indptr = self.indptr
        spans = [
            (int(indptr[f]), int(indptr[f + 1]), w)
            for f, w in zip(features.tolist(), query_weights.tolist(), strict=True)
            if f < len(indptr) - 1 and indptr[f + 1] > indptr[f]
        ]
        if not spans:
            return
        rows = np.concatenate([self.rows[a:b] for a, b, _ in spans])
        contributions = np.concatenate([self.weights[a:b] * w for a, b, w in spans])
        out += np.bincount(rows, weights=contributions, minlength=len(out))[: len(out)]


class LexicalIndex:
    """Cosine similarity of TF-IDF char n-gram vectors, per field, weighted: sum(w_f * cos_f)."""

    def __init__(self, field_weights: tuple[float, float]) -> None:
        self.field_weights = np.asarray(field_weights, dtype=np.float32)
        self._vocab: dict[str, int] = {}
        self._field = _Grow(np.int8)
        self._df = _Grow(np.int32)
        self._rows: list[tuple[np.ndarray, np.ndarray] | None] = []  # per row: feature ids, counts (uint8)
        self._live = 0
        self._idf = np.zeros(0, np.float32)  # IDF snapshot, by feature id
        self._idf_unseen = 1.0  # IDF of a feature no row had at snapshot time
        self._main = _Postings.empty()
        self._main_end = 0  # rows with id < _main_end are in the main block
        self._main_live = 0
        self._delta: _Postings | None = _Postings.empty()  # None: must be rebuilt

    def __len__(self) -> int:
        return self._live

    def add_row(self, row: int, text: str) -> None:
        if row != len(self._rows):
            raise ValueError(f"rows must be added in order: expected {len(self._rows)}, got {row}")
        features = analyze(text)
        vocab = self._vocab
        for feature in features:
            if feature not in vocab:
                vocab[feature] = len(vocab)
                self._field.append(_field_of(feature))
                self._df.append(0)
        ids = np.fromiter(map(vocab.__getitem__, features), dtype=np.int32, count=len(features))
        counts = np.fromiter((min(c, 255) for c in features.values()), dtype=np.uint8, count=len(features))
        self._df.data[ids] += 1
        self._rows.append((ids, counts))
        self._live += 1
        self._delta = None

    def remove_row(self, row: int) -> None:
        item = self._rows[row]
        if item is None:
            return
        self._df.data[item[0]] -= 1
        self._rows[row] = None
        self._live -= 1
        if row < self._main_end:
            self._main_live -= 1

    def compact(self, keep: np.ndarray) -> None:
        """Renumber rows: new row i is old row keep[i]; everything else is dropped."""
        self._rows = [self._rows[int(old)] for old in keep]
        self._rebuild()

    def scores(self, query: str, n_rows: int) -> np.ndarray:
        """sum over fields of weight * cosine, for rows 0..n_rows-1 (removed rows score garbage: mask them)."""
        self._refresh()
        out = np.zeros(n_rows, dtype=np.float64)
        features = analyze(query)
        if not features:
            return out
        ids = np.fromiter((self._vocab.get(f, -1) for f in features), dtype=np.int64, count=len(features))
        counts = np.fromiter(features.values(), dtype=np.float64, count=len(features))
        fields = np.fromiter((_field_of(f) for f in features), dtype=np.int64, count=len(features))
        known = (ids >= 0) & (ids < len(self._idf))
        idf = np.full(len(features), self._idf_unseen)
        idf[known] = self._idf[ids[known]]
        weights = (1.0 + np.log(counts)) * idf
        # n-grams no entry has still count in the query's length: an unrelated question scores low
        norms = np.sqrt(np.bincount(fields, weights=weights * weights, minlength=2))
        scale = np.divide(self.field_weights, norms, out=np.zeros(2), where=norms > 0)
        query_weights = weights * scale[fields]
        in_vocab = ids >= 0
        ids, query_weights = ids[in_vocab], query_weights[in_vocab]
        self._main.accumulate(out, ids, query_weights)
        if self._delta is not None:
            self._delta.accumulate(out, ids, query_weights)
        return out

    # --- blocks ---

    def _refresh(self) -> None:
        if self._delta is not None:
            return
        delta_rows = len(self._rows) - self._main_end
        if len(self._rows) <= SMALL_INDEX_ROWS or delta_rows > DELTA_FRACTION * max(self._main_live, 1):
            self._rebuild()
        else:
            self._delta = self._block(range(self._main_end, len(self._rows)))

    def _rebuild(self) -> None:
        n = max(self._live, 0)
        df = self._df.view.astype(np.float64)
        self._idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        self._idf_unseen = float(np.log(1.0 + n) + 1.0)
        self._main = self._block(range(len(self._rows)))
        self._main_end = len(self._rows)
        self._main_live = self._live
        self._delta = _Postings.empty()

    def _block(self, rows: range) -> _Postings:
        items = [(r, row) for r in rows if (row := self._rows[r]) is not None]
        n_features = len(self._vocab)
        if not items:
            return _Postings.empty()
        lengths = np.fromiter((len(item[0]) for _, item in items), dtype=np.int64, count=len(items))
        row_ids = np.repeat(np.fromiter((r for r, _ in items), dtype=np.int64, count=len(items)), lengths)
        features = np.concatenate([item[0] for _, item in items]).astype(np.int64)
        counts = np.concatenate([item[1] for _, item in items]).astype(np.float64)
        idf = np.full(n_features, self._idf_unseen)
        idf[: len(self._idf)] = self._idf
        weights = (1.0 + np.log(counts)) * idf[features]
        fields = self._field.view[features].astype(np.int64)
        # per row and field L2 norm
        local = np.repeat(np.arange(len(items)), lengths) * 2 + fields
        norms = np.sqrt(np.bincount(local, weights=weights * weights, minlength=2 * len(items)))
        weights = weights / norms[local]
        return _Postings.build(row_ids, features, weights, n_features)
