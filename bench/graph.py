"""Latency of the analyst graph queries on a large generated graph, per backend.

    python3 bench/graph.py --patents 1000000 --backend neo4j      # needs `ipgraph services up`
    python3 bench/graph.py --patents 200000 --backend embedded
    python3 bench/graph.py --reuse ...                            # skip loading, graph present
    python3 bench/graph.py ... --json    # last stdout line: one JSON object of the figures

The graph is deterministic (seeded): organisations in groups of 20 (a root and 19 subsidiaries,
SUBSIDIARY_OF), each with a technical focus of real IPC subgroups from the CNIPA table in
../shared/data (falls back to a built-in list), inventors drawn from a per-organisation pool,
citations to earlier patents, kinds, statuses, countries and dates with plausible shares.
Degrees are skewed as in real data: GIANTS applicants file GIANT_SHARE of all patents (tens of
thousands each at 1M), and HUB_CODES IPC subgroups classify HUB_SHARE of them. It is written
through the stores' own upserts (UNWIND batches on Neo4j, with the maintained aggregates), so
loading is measured too. Then it prints p50/p99 of: paths between two organisations (<= 4 hops,
default edge types, searched in the store, with the number of answers flagged partial),
competitors of an organisation, the KPIs of a group, and due diligence on a group of twenty
ordinary members (about 8,500 patents at 1M).

Loading into Neo4j REPLACES the graph on that server (the tests clean it up the same way).
For a million patents give Neo4j memory first:
    ipgraph services down; IPGRAPH_SERVICES_NEO4J_HEAP=2g IPGRAPH_SERVICES_NEO4J_PAGECACHE=3g \\
    ipgraph services up
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_DATA
from config.settings import Settings
from graph.analytics.due_diligence import due_diligence
from graph.analytics.kpis import group_kpis
from graph.analytics.paths import shortest_paths
from graph.analytics.portfolios import ranked_with_citations
from graph.model import EdgeRow, EdgeType, NodeKey, NodeLabel, NodeRow, Properties
from graph.scratch import NotScratchError, claim_scratch_database
from graph.store import GraphStore
from services.manager import local_services_settings
from stores.backends import build_neo4j_driver, open_stores

GROUP_SIZE = 20
PATENTS_PER_ORG = 500
BATCH = 20_000
SOURCE = "bench00000000000#1"
GIANTS, GIANT_SHARE = 5, 0.15  # organisations 0, 20, 40 ... (group roots) file 15% of all
HUB_CODES, HUB_SHARE = 10, 0.3  # 30% of patents also carry one of ten hub subgroups
_FALLBACK_IPC = [f"H04W{g}/{s:02d}" for g in range(4, 99) for s in (0, 4, 8, 12)]


def ipc_codes(data: Path) -> list[str]:
    table = data / "ipc-zh-2026" / "ipc_2026_01_zh.tsv.gz"
    if not table.exists():
        # Every fallback code is then shared by hundreds of organisations at 1M: say so.
        print(f"IPC table not found under {data}: {len(_FALLBACK_IPC)} fallback codes (--data)")
        return _FALLBACK_IPC
    codes = []
    with gzip.open(table, "rt", encoding="utf-8") as rows:
        for line in rows:
            code, level = line.split("\t")[:2]
            if level == "subgroup" and code[0] in "GH":
                codes.append(code.replace(" ", ""))
    return codes[:20_000]


def generate(store: GraphStore, patents: int, seed: int, data: Path) -> None:
    rng = random.Random(seed)
    codes = ipc_codes(data)
    orgs = [f"基准企业{n:05d}有限公司" for n in range(max(GROUP_SIZE, patents // PATENTS_PER_ORG))]
    store.ensure_schema()
    store.upsert_nodes(NodeLabel.ORGANIZATION, [NodeRow(o, {"name": o}, SOURCE) for o in orgs])
    store.upsert_edges(
        EdgeType.SUBSIDIARY_OF,
        [
            EdgeRow(org, orgs[i - i % GROUP_SIZE], {"stake": 1.0}, SOURCE)
            for i, org in enumerate(orgs)
            if i % GROUP_SIZE
        ],
    )
    used_codes = sorted({c for c in codes[: len(orgs) * 4]})
    store.upsert_nodes(
        NodeLabel.IPC, [NodeRow(c, {"level": "subgroup"}, SOURCE) for c in used_codes]
    )
    focus = {o: rng.sample(used_codes, 12) for o in orgs}
    started = time.perf_counter()
    for batch_start in range(0, patents, BATCH):
        _write_batch(store, rng, orgs, focus, range(batch_start, min(patents, batch_start + BATCH)))
        done = min(patents, batch_start + BATCH)
        rate = done / (time.perf_counter() - started)
        print(f"\r  loaded {done:,} patents ({rate:,.0f}/s)", end="", flush=True)
    print()


def giant(index: int, orgs: int) -> int:
    """The giants are group roots, spread over the groups."""
    return (index * GROUP_SIZE * 7) % (orgs - orgs % GROUP_SIZE or orgs)


def _write_batch(
    store: GraphStore,
    rng: random.Random,
    orgs: list[str],
    focus: dict[str, list[str]],
    numbers: range,
) -> None:
    hubs = sorted({c for codes in focus.values() for c in codes})[:HUB_CODES]
    nodes: list[NodeRow] = []
    people: dict[str, NodeRow] = {}
    edges: dict[EdgeType, list[EdgeRow]] = {t: [] for t in EdgeType}
    for n in numbers:
        pid = f"CN{100000000 + n}A"
        owner = orgs[(n * 7919) % len(orgs)]
        if rng.random() < GIANT_SHARE:
            owner = orgs[giant(rng.randrange(GIANTS), len(orgs))]
        picked = sorted(
            set(
                rng.sample(focus[owner], 2)
                + ([rng.choice(focus[rng.choice(orgs)])] if rng.random() < 0.2 else [])
                + ([hubs[rng.randrange(HUB_CODES)]] if rng.random() < HUB_SHARE else [])
            )
        )
        nodes.append(NodeRow(pid, _patent_props(rng, n, picked), SOURCE))
        edges[EdgeType.APPLICANT_OF].append(EdgeRow(owner, pid, {"order": 1}, SOURCE))
        if rng.random() < 0.05:
            partner = rng.choice(orgs)
            if partner != owner:
                edges[EdgeType.APPLICANT_OF].append(EdgeRow(partner, pid, {"order": 2}, SOURCE))
        for order, code in enumerate(picked, start=1):
            edges[EdgeType.CLASSIFIED_AS].append(EdgeRow(pid, code, {"order": order}, SOURCE))
        for order in range(1, rng.randint(2, 4)):
            person = f"发明人{rng.randrange(60)}@{owner}"
            people[person] = NodeRow(person, {"name": person.split("@")[0]}, SOURCE)
            edges[EdgeType.INVENTOR_OF].append(EdgeRow(person, pid, {"order": order}, SOURCE))
        for _ in range(rng.choice((0, 0, 1, 2, 3))) if n > 10 else ():
            cited = f"CN{100000000 + rng.randrange(n)}A"
            edges[EdgeType.CITES].append(EdgeRow(pid, cited, {"field": "description"}, SOURCE))
    store.upsert_nodes(NodeLabel.PATENT, nodes)
    store.upsert_nodes(NodeLabel.PERSON, list(people.values()))
    for edge_type, rows in edges.items():
        if rows:
            store.upsert_edges(edge_type, rows)


def _patent_props(rng: random.Random, n: int, codes: list[str]) -> Properties:
    kind = rng.choices(("invention", "utility_model", "design"), (0.6, 0.35, 0.05))[0]
    return {
        "title": f"基准专利{n}",
        "kind": kind,
        "legal_status": rng.choices(("valid", "pending", "lapsed"), (0.5, 0.3, 0.2))[0],
        "country": rng.choices(("CN", "US", "EP", "JP"), (0.85, 0.07, 0.05, 0.03))[0],
        "filing_date": f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",  # noqa: E501
        "ipc": codes,
    }


def measure(name: str, runs: int, query: Callable[[int], bool]) -> dict[str, float | int]:
    times: list[float] = []
    flagged = 0
    for run in range(runs):
        started = time.perf_counter()
        flagged += bool(query(run))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p50 = statistics.median(times)
    # Nearest rank: the slowest of up to 100 runs, the second slowest of 200.
    p99 = times[math.ceil(len(times) * 0.99) - 1]
    print(f"{name:<38} p50 {p50:8.1f} ms   p99 {p99:8.1f} ms   ({runs} runs, {flagged} partial)")
    return {"p50_ms": round(p50, 1), "p99_ms": round(p99, 1), "partial": flagged, "runs": runs}


def queries(store: GraphStore, patents: int, runs: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed + 1)
    orgs = max(GROUP_SIZE, patents // PATENTS_PER_ORG)

    def name(i: int) -> str:
        return f"基准企业{i:05d}有限公司"  # the generator's naming

    pairs = [(rng.randrange(orgs), rng.randrange(orgs)) for _ in range(runs)]
    # Every fifth pair starts at a giant: the hub case the old walk answered partially.
    pairs = [
        (giant(run // 5 % GIANTS, orgs), b) if run % 5 == 0 else (a, b)
        for run, (a, b) in enumerate(pairs)
    ]

    def paths(run: int) -> bool:
        a, b = pairs[run]
        found = shortest_paths(
            store,
            NodeKey(NodeLabel.ORGANIZATION, name(a)),
            NodeKey(NodeLabel.ORGANIZATION, name(b)),
        )
        return found.partial

    figures: dict[str, object] = {}
    figures["paths"] = measure("paths, 2 organisations, <= 4 hops", runs, paths)

    def rivals(run: int) -> bool:
        # What GET /competitors computes: the IPC ranking and the citation partners.
        ranked, _ = ranked_with_citations(store, [name(pairs[run][0])])
        return not ranked

    figures["competitors"] = measure("competitors of an organisation", runs, rivals)
    figures["kpis"] = measure(
        "KPIs of a group (20 members)",
        runs,
        lambda run: (
            group_kpis(store, name(pairs[run][0] - pairs[run][0] % GROUP_SIZE)).group.patents == 0
        ),
    )
    dd_runs = max(3, runs // 5)
    # The target: a group of GROUP_SIZE ordinary members (about 8,500 patents at 1M; the
    # giants are other groups' roots).
    target = name(GROUP_SIZE if orgs > GROUP_SIZE else 0)
    size = int(str(due_diligence(store, target).assets["patents"]))
    dd = measure(
        f"due diligence, a group ({size:,} patents)",
        dd_runs,
        lambda run: not due_diligence(store, target).members,
    )
    figures["due_diligence"] = {**dd, "target_patents": size}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, default=100_000)
    parser.add_argument("--backend", choices=("embedded", "neo4j"), default="embedded")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--data-dir", type=Path, default=Path("bench-data") / "graph")
    parser.add_argument("--reuse", action="store_true", help="the graph is already loaded")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--load-only", action="store_true", help="load, then measure nothing")
    args = parser.parse_args()
    settings = _settings(args.backend, args.data_dir / str(args.patents))
    if args.backend == "neo4j" and not args.reuse:
        _claim(settings)
    stores = open_stores(settings)
    try:
        # Also with --reuse: a graph loaded before the maintained aggregates gets them once.
        stores.graph.ensure_schema()
        if not args.reuse:
            stores.graph.delete_all()
            started = time.perf_counter()
            # Plain batched upserts, then the aggregates recounted in batches (bulk_load).
            with stores.graph.bulk_load():
                generate(stores.graph, args.patents, args.seed, args.data)
                loaded = time.perf_counter()
            print(
                f"load: {args.patents:,} patents in {loaded - started:,.0f} s, "
                f"aggregates rebuilt in {time.perf_counter() - loaded:,.0f} s"
            )
        counts = stores.graph.counts()
        print(
            f"graph ({args.backend}): {sum(counts.nodes.values()):,} nodes, "
            f"{sum(counts.edges.values()):,} edges"
        )
        if args.load_only:
            return
        figures = queries(stores.graph, args.patents, args.runs, args.seed)
        if args.json:
            figures.update(backend=args.backend, patents=args.patents)
            print(json.dumps(figures, sort_keys=True))
    finally:
        stores.close()


def _claim(settings: Settings) -> None:
    """The bench wipes the graph: only one that is empty or already a bench/test scratch."""
    with build_neo4j_driver(settings) as driver:
        try:
            claim_scratch_database(driver, settings.neo4j_database)
        except NotScratchError as exc:
            print(f"{exc.code}: {exc.message}", file=sys.stderr)
            raise SystemExit(2) from exc


def _settings(backend: str, data_dir: Path) -> Settings:
    if backend == "embedded":
        return Settings(data_dir=data_dir)
    return local_services_settings(index_prefix="bench-graph-")


if __name__ == "__main__":
    main()
