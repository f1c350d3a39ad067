"""End-to-end ingest throughput beside bare jieba segmentation of the same texts.

    python bench/ingest.py --docs 20000

Generates records with bench/corpus.py, writes them as JSONL, times `ingest_paths` into a fresh
embedded store (read, validate, normalise, graph rows, jieba segmentation, SQLite writes), then
times bare `jieba.lcut_for_search` over exactly the texts the index segments, and prints both
rates and their ratio, plus where the pipeline's time went (cProfile, top functions).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA, generate
from config.settings import DEFAULT_USER_DICTIONARY, Settings
from ingest.pipeline import ingest_paths
from search.index.chinese import shared_analyzer
from search.index.compile_common import ALL_FIELDS
from stores.backends import open_stores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ipgraph-bench-ingest-"))
    source = workdir / "records.jsonl"
    records = list(generate(args.docs, data_dir=args.data))
    with source.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    texts = _segmented_texts(records)
    chars = sum(len(t) for t in texts)

    analyzer = shared_analyzer(DEFAULT_USER_DICTIONARY)
    analyzer.index_tokens("预热")  # load the dictionary outside both timings
    stores = open_stores(Settings(data_dir=workdir / "store"))
    profiler = cProfile.Profile()
    started = time.perf_counter()
    if args.profile:
        profiler.enable()
    report = ingest_paths([source], stores.graph, stores.index, workdir / "dead")
    profiler.disable()
    pipeline_s = time.perf_counter() - started
    stores.close()

    started = time.perf_counter()
    for text in texts:
        analyzer.index_tokens(text)
    jieba_s = time.perf_counter() - started

    print(
        f"records: {report.records_loaded} loaded of {args.docs}; segmented text: "
        f"{chars / 1e6:.1f} M characters"
    )
    print(
        f"pipeline (embedded): {pipeline_s:.1f} s = {args.docs / pipeline_s:.0f} records/s, "
        f"{chars / pipeline_s / 1e3:.0f} k chars/s"
    )
    print(
        f"bare jieba:          {jieba_s:.1f} s = {args.docs / jieba_s:.0f} records/s, "
        f"{chars / jieba_s / 1e3:.0f} k chars/s"
    )
    print(f"pipeline speed / bare jieba speed = {jieba_s / pipeline_s:.2f} (target >= 0.50)")
    if args.profile:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(15)
        print(buffer.getvalue())


def _segmented_texts(records: list[dict[str, object]]) -> list[str]:
    """What the index runs through jieba: each searched field of each record."""
    texts = []
    for record in records:
        for field in ALL_FIELDS:
            value = record.get(field, "")
            texts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return texts


if __name__ == "__main__":
    main()
