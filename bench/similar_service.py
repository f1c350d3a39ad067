"""Similar-patent retrieval through the service path, on both backends: the 696 KPPatent-ZH
patents indexed as the service indexes patents, each paraphrase of bench/data/paraphrases.jsonl
sent to `usecases.similar.similar_to_text` (what POST /api/v1/similar calls), recall@k of the
original. Also the latency of similar-to-text and similar-to-patent.

    python3 bench/similar_service.py                     # embedded, and Elasticsearch if up
    python3 bench/similar_service.py --backend embedded
    python3 bench/similar_service.py --json              # a last line of JSON figures

Elasticsearch settings come from `ipgraph services up` (IPGRAPH_SERVICES_* variables); the
bench writes only its own index (prefix `bench-similar-`) and deletes it afterwards.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.similar_baseline import DEFAULT_DATA, PARAPHRASES, read_patents, read_queries
from config.settings import DEFAULT_USER_DICTIONARY, Backend
from domain.access import FULL_ACCESS
from domain.organizations import OrganizationAliases
from graph.embedded_store import EmbeddedGraphStore
from search.index.chinese import ChineseAnalyzer
from search.index.embedded_index import EmbeddedSearchIndex
from search.index.protocol import IndexDocument, SearchIndex
from services.manager import local_services_settings
from stores.backends import Stores, open_search_index
from usecases.context import Context
from usecases.similar import similar_to_patent, similar_to_text

KS = (1, 3, 10)


def documents(data_dir: Path) -> list[IndexDocument]:
    return [
        IndexDocument(
            id=f"KP{i:04d}", title=p.title, abstract=p.abstract, claims=p.claims, country="CN"
        )
        for i, p in enumerate(read_patents(data_dir))
    ]


def open_index(backend: str) -> SearchIndex:
    if backend == "embedded":
        connection = sqlite3.connect(
            str(Path(tempfile.mkdtemp()) / "search.sqlite3"), check_same_thread=False
        )
        return EmbeddedSearchIndex(connection, ChineseAnalyzer(DEFAULT_USER_DICTIONARY))
    settings = local_services_settings(index_prefix="bench-similar-")
    return open_search_index(settings)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(backend: str, data_dir: Path) -> dict[str, object]:
    index = open_index(backend)
    index.ensure_index()
    index.delete_all()  # only the bench's own index (prefix bench-similar-) or a temp file
    index.ensure_index()
    docs = documents(data_dir)
    started = time.perf_counter()
    index.upsert(docs)
    load_s = time.perf_counter() - started
    graph = EmbeddedGraphStore(sqlite3.connect(":memory:", check_same_thread=False))
    ctx = Context(Stores(graph, index, Backend.EMBEDDED), OrganizationAliases.load())
    figures: dict[str, object] = {"backend": backend, "patents": len(docs), "load_s": load_s}
    text_ms: list[float] = []
    found: dict[str, list[int]] = {}
    for query in read_queries(PARAPHRASES):
        start = time.perf_counter()
        hits = similar_to_text(ctx, query.text, max(KS), FULL_ACCESS)
        text_ms.append((time.perf_counter() - start) * 1000)
        ids = [h.id for h in hits]
        target = f"KP{query.patent:04d}"
        rank = ids.index(target) + 1 if target in ids else 0
        found.setdefault(f"{query.split}/{query.style}", []).append(rank)
    for key, ranks in sorted(found.items()):
        for k in KS:
            figures[f"{key} R@{k}"] = round(sum(1 for r in ranks if 0 < r <= k) / len(ranks), 3)
    patent_ms = []
    for document in docs[:100]:
        start = time.perf_counter()
        similar_to_patent(ctx, document.id, 10, FULL_ACCESS)
        patent_ms.append((time.perf_counter() - start) * 1000)
    figures["similar_text_p50_ms"] = round(statistics.median(text_ms), 1)
    figures["similar_text_p99_ms"] = round(_percentile(text_ms, 0.99), 1)
    figures["similar_patent_p50_ms"] = round(statistics.median(patent_ms), 1)
    figures["similar_patent_p99_ms"] = round(_percentile(patent_ms, 0.99), 1)
    index.delete_all()
    index.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--backend", choices=["embedded", "elasticsearch", "both"], default="both")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    backends = ["embedded", "elasticsearch"] if args.backend == "both" else [args.backend]
    results = [run(b, args.data) for b in backends]
    for figures in results:
        print(f"== {figures['backend']}")
        for key, value in figures.items():
            print(f"  {key}: {value}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
