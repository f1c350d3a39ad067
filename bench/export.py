"""Bulk export memory: stream every hit of a query through the export use case and writer (what
GET /api/v1/search/export runs) and report hits, bytes, time and the peak of Python memory
(tracemalloc) at growing hit counts: constant memory means the peak does not grow with them.

    python3 bench/export.py --backend production --limits 1000 5000 20000
    python3 bench/export.py --backend embedded --workdir bench-data

Runs on the corpus `bench/search.py` loaded (index prefix `bench-`, or bench-data/embedded).
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.settings import Backend, Settings
from domain.access import FULL_ACCESS
from domain.organizations import OrganizationAliases
from graph.embedded_store import EmbeddedGraphStore
from search_api.exporting import DEFAULT_EXPORT_FIELDS, WRITERS
from services.manager import local_services_settings
from stores.backends import Stores, open_search_index
from usecases.context import Context
from usecases.search import Criteria, export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["embedded", "production"], default="production")
    parser.add_argument("--workdir", type=Path, default=Path("bench-data"))
    parser.add_argument("--limits", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--format", choices=sorted(WRITERS), default="ndjson")
    parser.add_argument("--q", default=None, help="query (default: every document)")
    args = parser.parse_args()
    settings = (
        Settings(backend=Backend.EMBEDDED, data_dir=args.workdir / "embedded")
        if args.backend == "embedded"
        else local_services_settings(index_prefix="bench-", request_timeout_s=60)
    )
    index = open_search_index(settings)
    graph = EmbeddedGraphStore(sqlite3.connect(":memory:", check_same_thread=False))
    ctx = Context(Stores(graph, index, settings.backend), OrganizationAliases.load())
    print(f"{args.backend}: {index.count()} documents, format {args.format}")
    for limit in args.limits:
        tracemalloc.start()
        started = time.perf_counter()
        hits = itertools.islice(export(ctx, Criteria(q=args.q), FULL_ACCESS), limit)
        written = 0
        rows = 0
        for chunk in WRITERS[args.format](hits, DEFAULT_EXPORT_FIELDS):
            written += len(chunk)
            rows += chunk.count(b"\n") if args.format != "xlsx" else 0
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {limit:>7} hits asked: {written / 1e6:.1f} MB in {elapsed:.1f} s "
            f"({limit / elapsed:.0f} hits/s), rows {rows}, peak Python memory {peak / 1e6:.1f} MB"
        )
    index.close()


if __name__ == "__main__":
    main()
