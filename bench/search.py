"""Portal search latency: through the HTTP API vs the same query straight to the backend.

    python bench/search.py --docs 100000                  # both backends
    python bench/search.py --docs 100000 --backend embedded
    python bench/search.py --docs 100000 --reuse          # keep an already loaded corpus
    python bench/search.py ... --json                     # end with one JSON line of it all

Elasticsearch and Neo4j settings come from `ipgraph services up` (or IPGRAPH_* variables).
For each representative query it prints p50/p99 in ms through the API (a real uvicorn server
on loopback, keep-alive HTTP) and direct (the same Elasticsearch request body sent with the
client, or the embedded index called in-process), and their ratio.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from functools import partial
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA, IndexDocuments, generate_block
from config.settings import TECHNICAL_SYNONYMS, Backend, Settings
from domain.access import policy_for
from domain.organizations import OrganizationAliases
from ingest.readers.columns import ColumnMap
from ingest.vocabularies import Vocabularies
from search.index.elasticsearch_index import ElasticsearchIndex
from search.index.protocol import (
    IndexDocument,
    SimilarQuery,
)
from search.synonyms import SynonymSource
from search_api.auth import ANONYMOUS
from search_api.routes.search import criteria_of
from search_api.schemas.search import SearchRequest
from services.manager import local_services_settings
from stores.backends import Stores, open_stores
from usecases.context import Context
from usecases.search import search_query

console = Console(width=140)
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("one word", {"q": "洗衣机"}),
    ("two words", {"q": "电池 温度"}),
    ("phrase", {"q": '"控制方法"'}),
    ("boolean", {"q": "(传感器 OR 摄像头) AND 检测 -无人机"}),
    ("field scope", {"q": "title:装置 claims:电机"}),
    (
        "filters",
        {
            "q": "系统",
            "kind": ["invention"],
            "legal_status": ["valid"],
            "ipc": ["H01M"],
            "filing_from": "2018-01-01",
        },
    ),
    ("browse by date", {"sort": "filing_date_desc", "country": ["CN"]}),
    ("no facets", {"q": "方法 装置", "facets": False}),
    ("deep page", {"q": "方法", "page": 50, "size": 20}),
    # Search depth: a number as people type it (generated patent 1234), proximity, a word the
    # technical dictionary expands, an IPC prefix field.
    ("number", {"q": "100001234"}),
    ("proximity", {"q": '"电池 温度"~5'}),
    ("synonym", {"q": "锂电池"}),
    ("ipc field", {"q": "ipc:H01M 电池"}),
]
SYNONYMS = SynonymSource(TECHNICAL_SYNONYMS)
LOAD_BLOCK = 5_000  # documents a worker builds at a time
LOAD_WORKERS = 2
PROGRESS_EVERY = 100_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--backend", choices=["embedded", "production", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, default=Path("bench-data"))
    parser.add_argument("--reuse", action="store_true", help="skip loading when counts match")
    parser.add_argument("--load-only", action="store_true", help="load, do not measure")
    parser.add_argument(
        "--json", action="store_true", help="end with one JSON line of every figure of the run"
    )
    args = parser.parse_args()
    backends = ["embedded", "production"] if args.backend == "both" else [args.backend]
    for backend in backends:
        settings = _settings(backend, args.workdir)
        stores = open_stores(settings)
        try:
            _load(stores, args.docs, args.data, args.reuse)
            if not args.load_only:
                _measure(backend, settings, stores, args.repeat)
        finally:
            stores.close()
    if args.json:
        print(json.dumps({"bench": "search", "results": SUMMARY}, ensure_ascii=False), flush=True)


def _settings(backend: str, workdir: Path) -> Settings:
    if backend == "embedded":
        return Settings(backend=Backend.EMBEDDED, data_dir=workdir / "embedded")
    return local_services_settings(
        index_prefix="bench-", data_dir=workdir / "es", request_timeout_s=60
    )


def _load(stores: Stores, count: int, data: Path, reuse: bool) -> None:
    """Generate and bulk-load `count` patents into the bench's own index (prefix `bench-`,
    versioned behind its alias): documents built in worker processes, written by the index's
    bulk load (refresh off, no replicas while loading)."""
    stores.index.ensure_index()
    if reuse and stores.index.count() == count:
        console.print(f"reusing {count} documents")
        return
    stores.index.delete_all()
    stores.index.ensure_index()
    vocabularies = Vocabularies(OrganizationAliases.load(), ColumnMap.load())
    # The fast builder must give ingest's documents: checked on a sample first.
    IndexDocuments(vocabularies).check(generate_block(0, 200, data_dir=data))
    started = time.perf_counter()
    blocks = [
        (start, min(LOAD_BLOCK, count - start), data) for start in range(0, count, LOAD_BLOCK)
    ]
    with (
        Progress(console=console, transient=True) as progress,
        multiprocessing.get_context("fork").Pool(LOAD_WORKERS) as pool,
    ):
        task = progress.add_task(f"indexing {count} generated patents", total=count)

        def documents() -> Iterator[IndexDocument]:
            # A few blocks in flight, not all: built documents must not pile up in memory
            # when Elasticsearch writes slower than the workers build.
            pending: deque[AsyncResult[list[IndexDocument]]] = deque()
            for block in blocks:
                pending.append(pool.apply_async(_build_block, (block,)))
                if len(pending) > 2 * LOAD_WORKERS:
                    yield from _advanced(progress, task, pending.popleft().get())
            while pending:
                yield from _advanced(progress, task, pending.popleft().get())

        report = stores.index.bulk_load(documents())
    elapsed = time.perf_counter() - started
    if report.failed:
        raise SystemExit(
            f"{len(report.failed)} documents rejected, e.g. {next(iter(report.failed.items()))}"
        )
    console.print(
        f"indexed {stores.index.count()} documents in {elapsed:.0f} s "
        f"({count / elapsed:.0f} docs/s, generation and segmentation included, "
        f"{LOAD_WORKERS} worker processes)"
    )


def _advanced(progress: Progress, task: TaskID, block: list[IndexDocument]) -> list[IndexDocument]:
    progress.advance(task, len(block))
    done = int(progress.tasks[task].completed)
    if done % PROGRESS_EVERY < len(block):
        # A line now and then too, for logs (the bar is not shown when output is redirected).
        elapsed = progress.tasks[task].elapsed or 1.0
        console.print(f"built {done} documents in {elapsed:.0f} s ({done / elapsed:.0f}/s)")
    return block


_builder: IndexDocuments | None = None


def _build_block(block: tuple[int, int, Path]) -> list[IndexDocument]:
    """One block of documents, in a worker process (its builder and caches live there)."""
    global _builder
    if _builder is None:
        _builder = IndexDocuments(Vocabularies(OrganizationAliases.load(), ColumnMap.load()))
    start, size, data = block
    return [_builder.build(raw) for raw in generate_block(start, size, data_dir=data)]


def _measure(backend: str, settings: Settings, stores: Stores, repeat: int) -> None:
    port = _free_port()
    env = {**os.environ, **_env(settings)}
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            _wait(http)
            table = Table(title=f"{backend}: {stores.index.count()} patents, {repeat} runs each")
            for column in (
                "query",
                "hits",
                "API p50",
                "API p99",
                "direct p50",
                "direct p99",
                "p50 ratio",
                "p99 ratio",
            ):
                table.add_column(column, justify="right" if column != "query" else "left")
            ratios = []
            for name, params in QUERIES:
                direct = _direct_call(stores, params)
                total = http.get("/api/v1/search", params=params).json()["total"]
                api, straight = _timings(partial(_api_call, http, params), direct, repeat)
                ratio50, ratio99 = api[0] / straight[0], api[1] / straight[1]
                ratios.append(ratio50)
                _json_line(
                    backend=backend,
                    query=name,
                    hits=total,
                    api_p50=api[0],
                    api_p99=api[1],
                    direct_p50=straight[0],
                    direct_p99=straight[1],
                    ratio_p50=ratio50,
                    ratio_p99=ratio99,
                )
                table.add_row(
                    name,
                    str(total),
                    *(f"{v:.1f}" for v in (*api, *straight)),
                    f"{ratio50:.2f}x",
                    f"{ratio99:.2f}x",
                )
            console.print(table)
            console.print(
                f"{backend}: median p50 ratio API/direct = {statistics.median(ratios):.2f}x"
            )
            _json_line(
                backend=backend,
                documents=stores.index.count(),
                repeat=repeat,
                median_ratio_p50=statistics.median(ratios),
                load_average=os.getloadavg(),
            )
            _measure_similar(backend, http, stores, repeat)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _measure_similar(backend: str, http: httpx.Client, stores: Stores, repeat: int) -> None:
    """Similar patents: like a stored patent (generated patents 0..repeat) and like a text."""
    table = Table(title=f"{backend}: similar patents, {repeat} runs each")
    for column in ("request", "API p50", "API p99", "direct p50", "direct p99"):
        table.add_column(column, justify="right" if column != "request" else "left")
    numbers = [f"CN{100000000 + n}" for n in range(repeat)]
    ids = [_patent_id(stores, n) for n in numbers]
    text = "一种电池热管理系统，检测电池温度并控制冷却液流量，防止热失控"
    cases: list[tuple[str, Callable[[int], object], Callable[[int], object]]] = [
        (
            "patent like patent",
            lambda i: http.get(f"/api/v1/patents/{ids[i]}/similar").raise_for_status(),
            lambda i: stores.index.similar(SimilarQuery(like_id=ids[i])),
        ),
        (
            "patents like text",
            lambda i: http.post("/api/v1/similar", json={"text": text}).raise_for_status(),
            lambda i: stores.index.similar(SimilarQuery(like_text=text)),
        ),
    ]
    for name, api, direct in cases:
        api_ms: list[float] = []
        direct_ms: list[float] = []
        for i in range(repeat):
            for call, bucket in ((api, api_ms), (direct, direct_ms)):
                started = time.perf_counter()
                call(i)
                bucket.append((time.perf_counter() - started) * 1000)
        api50, api99 = _percentiles(api_ms)
        direct50, direct99 = _percentiles(direct_ms)
        table.add_row(name, *(f"{v:.1f}" for v in (api50, api99, direct50, direct99)))
        _json_line(
            backend=backend,
            similar=name,
            api_p50=api50,
            api_p99=api99,
            direct_p50=direct50,
            direct_p99=direct99,
            load_average=os.getloadavg(),
        )
    console.print(table)


# Every figure of the run, by backend, for the one JSON line `--json` ends with.
SUMMARY: dict[str, list[dict[str, object]]] = {}


def _json_line(**values: object) -> None:
    """One result as a JSON line (stdout, after the table), figures rounded to 0.01; kept for
    the summary line too."""
    rounded = {
        k: round(v, 2)
        if isinstance(v, float)
        else [round(x, 2) for x in v]
        if isinstance(v, tuple)
        else v
        for k, v in values.items()
    }
    SUMMARY.setdefault(str(values.get("backend")), []).append(rounded)
    print(json.dumps({"bench": "search", **rounded}, ensure_ascii=False), flush=True)


def _patent_id(stores: Stores, number: str) -> str:
    for kind in ("A", "B", "U", "S"):
        if stores.index.get(number + kind) is not None:
            return number + kind
    raise SystemExit(f"generated patent {number} not found")


def _direct_call(stores: Stores, params: dict[str, Any]) -> Callable[[], object]:
    """The index query the API's search sends for `params` (the route's criteria, the use
    case's parsing, synonym expansion and the anonymous caller's access filter), sent straight:
    on Elasticsearch the same request body with the same client to the same alias."""
    ctx = Context(stores, OrganizationAliases.load(), SYNONYMS)
    criteria = criteria_of(SearchRequest.model_validate(params))
    query = search_query(ctx, criteria, policy_for(ANONYMOUS.sees_confidential))
    index = stores.index
    if isinstance(index, ElasticsearchIndex):
        body = index.request_body(query)
        client = index._es  # the same client the service would use
        return lambda: client.search(index=index.alias, **body)
    return lambda: index.search(query)


def _api_call(http: httpx.Client, params: dict[str, Any]) -> None:
    http.get("/api/v1/search", params=params).raise_for_status()


def _timings(
    api: Callable[[], object], direct: Callable[[], object], repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """p50 and p99 in ms of both calls, alternated so that both see the same cache state."""
    for _ in range(5):
        api()
        direct()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for call, bucket in ((api, samples[0]), (direct, samples[1])):
            started = time.perf_counter()
            call()
            bucket.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples[0]), _percentiles(samples[1])


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def _env(settings: Settings) -> dict[str, str]:
    values = {
        "IPGRAPH_BACKEND": settings.backend.value,
        "IPGRAPH_DATA_DIR": str(settings.data_dir.resolve()),
        "IPGRAPH_INDEX_PREFIX": settings.index_prefix,
        "IPGRAPH_ES_URL": settings.es_url,
        "IPGRAPH_NEO4J_URI": settings.neo4j_uri,
    }
    for key, secret in (
        ("IPGRAPH_ES_PASSWORD", settings.es_password),
        ("IPGRAPH_NEO4J_PASSWORD", settings.neo4j_password),
    ):
        if secret is not None:
            values[key] = secret.get_secret_value()
    return values


def _wait(http: httpx.Client) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if http.get("/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise SystemExit("the API did not start")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    main()
