"""End-to-end ingest throughput beside bare jieba segmentation of the same texts, in one run.

    python bench/ingest.py --backend embedded --records 2000 --workers 2 --json
    python bench/ingest.py --backend production --records 2000 --workers 2 --json

Generates full-size records with bench/corpus.py (title, abstract, whole claims and a
description of a few thousand characters), writes them as JSONL, times `ingest_paths` with
`--workers` processes into fresh stores (embedded: SQLite in a temporary folder; production:
the local Elasticsearch and Neo4j of `ipgraph services`, index prefix `bench-ingest-`, a Neo4j
database that is empty or already a bench/test scratch), then times bare `jieba.lcut_for_search`
on one core over exactly the texts the pipeline segments. The machine's load average is printed
with the figures (the rates are only comparable within one run). With --json the last line of
stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jieba

from bench.corpus import DEFAULT_DATA, generate
from config.settings import Backend, Settings
from graph.scratch import NotScratchError, claim_scratch_database, release_scratch_database
from ingest.pipeline import ingest_paths
from ingest.vocabularies import Vocabularies
from search.index.compile_common import ALL_FIELDS
from services.manager import local_services_settings
from stores.backends import build_neo4j_driver, open_stores

RECORDS_1M = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["embedded", "production"], default="embedded")
    parser.add_argument("--records", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="last stdout line: one JSON object")
    parser.add_argument("--profile", action="store_true", help="where the parent's time goes")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ipgraph-bench-ingest-"))
    records = list(generate(args.records, data_dir=args.data, full_size=True))
    source = workdir / "records.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    texts = segmented_texts(records)
    chars = sum(len(t) for t in texts)
    load_before = os.getloadavg()

    settings = _settings(args.backend, workdir)
    pipeline_s, loaded, profile = _time_pipeline(settings, source, workdir, args)
    bare_s = time_bare_jieba(texts)
    figures = {
        "backend": args.backend,
        "records": loaded,
        "workers": args.workers,
        "records_per_s": round(args.records / pipeline_s, 1),
        "chars_per_s": round(chars / pipeline_s),
        "bare_jieba_chars_per_s": round(chars / bare_s),
        "ratio_vs_bare_jieba": round(bare_s / pipeline_s, 3),
        "projected_1m_minutes": round(RECORDS_1M / (args.records / pipeline_s) / 60, 1),
    }
    print(
        f"{args.records} records, {chars / 1e6:.1f} M characters segmented "
        f"({chars / args.records:.0f} per record); load average before "
        f"{load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"pipeline ({args.backend}, {args.workers} workers): {pipeline_s:.1f} s")
    print(f"bare jieba.lcut_for_search, one core: {bare_s:.1f} s")
    if profile:
        print(profile)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(figures)


def _time_pipeline(
    settings: Settings, source: Path, workdir: Path, args: argparse.Namespace
) -> tuple[float, int, str]:
    vocabularies = Vocabularies.load(settings)
    vocabularies.analyzer.words("预热")  # the dictionary loads outside the timing
    stores = open_stores(settings)
    profiler = cProfile.Profile()
    try:
        if args.backend == "production":
            _claim(settings)
            stores.graph.delete_all()
            stores.index.delete_all()
        started = time.perf_counter()
        if args.profile:
            profiler.enable()
        report = ingest_paths(
            [source],
            stores.graph,
            stores.index,
            workdir / "dead",
            vocabularies=vocabularies,
            workers=args.workers,
        )
        profiler.disable()
        elapsed = time.perf_counter() - started
        if args.backend == "production":
            stores.graph.delete_all()
            stores.index.delete_all()
            with build_neo4j_driver(settings) as driver:
                release_scratch_database(driver, settings.neo4j_database)
    finally:
        stores.close()
    if not args.profile:
        return elapsed, report.records_loaded, ""
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(25)
    return elapsed, report.records_loaded, buffer.getvalue()


def time_bare_jieba(texts: list[str]) -> float:
    """Seconds for bare `jieba.lcut_for_search` over `texts` on one core (dictionary loaded
    before the timing)."""
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        jieba.lcut_for_search(text)
    return time.perf_counter() - started


def segmented_texts(records: list[dict[str, Any]]) -> list[str]:
    """What the index runs through jieba: each searched field of each record."""
    texts = []
    for record in records:
        for field in ALL_FIELDS:
            value = record.get(field, "")
            texts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return texts


def _settings(backend: str, workdir: Path) -> Settings:
    if backend == "embedded":
        return Settings(backend=Backend.EMBEDDED, data_dir=workdir / "store")
    return local_services_settings(
        index_prefix="bench-ingest-", data_dir=workdir / "store", request_timeout_s=120
    )


def _claim(settings: Settings) -> None:
    """The bench wipes the graph: only one that is empty or already a bench/test scratch."""
    with build_neo4j_driver(settings) as driver:
        try:
            claim_scratch_database(driver, settings.neo4j_database)
        except NotScratchError as exc:
            print(f"{exc.code}: {exc.message}", file=sys.stderr)
            raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
