"""Parallel and sharded ingest write what a single process writes: every node, edge, maintained
aggregate and index document; a run stopped half way and re-run leaves no loss and no duplicate."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from config.settings import Settings
from graph.model import EdgeType, NodeKey, NodeLabel
from ingest.pipeline import IngestReport, ingest_paths
from ingest.sharding import WHOLE, Shard, ShardSpecError
from ingest.vocabularies import Vocabularies
from stores.backends import Stores, for_ingest, open_stores
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores, production_settings

INPUTS = [
    SAMPLE_PATENTS,
    SAMPLE_PATENTS.with_name("resolution.sample.jsonl"),
    Path(__file__).parent / "data" / "soe_subsidiary_records.jsonl",
]
Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def vocabularies() -> Vocabularies:
    return Vocabularies.load(Settings())


def _ingest(
    data_dir: Path, vocabularies: Vocabularies, workers: int = 1, shard: Shard = WHOLE
) -> IngestReport:
    settings = Settings(data_dir=data_dir)
    with open_stores(settings) as stores:
        return ingest_paths(
            INPUTS,
            stores.graph,
            stores.index,
            settings.dead_letter_dir,
            vocabularies=vocabularies,
            workers=workers,
            shard=shard,
        )


def _snapshot(data_dir: Path, any_order: bool = False) -> Snapshot:
    """Every row of the graph (nodes, edges, aggregates) and of the index, in a stable order.

    `any_order`: for runs that met the records in another order (shards). Then a merged row's
    JSON is spaced differently (compared as values); a row shared by many records (Document,
    IPC, Organization, an IPC parent edge, a first filing's family link) carries the provenance
    of the last record of each batch that wrote it, so only patents' provenance is compared
    exactly (and shared nodes' in `_covers`); and an inventor's resolution evidence sits on
    whichever of their patents came second, and their id is made from the mention met first
    (the people themselves are compared, by profile)."""
    settings = Settings(data_dir=data_dir)
    graph = sqlite3.connect(settings.embedded_graph_path)
    snapshot: Snapshot = {}
    for table in ("nodes", "edges", "agg_org_ipc"):
        rows = graph.execute(f"SELECT * FROM {table}").fetchall()  # table names are constants
        if any_order and table != "agg_org_ipc":
            rows = [_any_order(table, row) for row in rows]
        snapshot[table] = sorted(rows, key=repr)
    graph.close()
    if any_order:
        snapshot = _people_by_profile(snapshot)
    with open_stores(settings) as stores:
        ids = [row[1] for row in snapshot["nodes"] if row[0] == "Patent"]
        documents = [stores.index.get(patent_id) for patent_id in ids]
        snapshot["documents"] = [(d.id, repr(d)) for d in documents if d is not None]
    return snapshot


def _any_order(table: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
    props = json.loads(row[-2])
    sources = sorted(json.loads(row[-1]))
    if table == "edges" and row[0] == "INVENTOR_OF":
        props.pop("matched_on", None)
    if table == "edges" or row[0] != "Patent":
        sources = []
    return (*row[:-2], json.dumps(props, sort_keys=True, ensure_ascii=False), sources)


def _people_by_profile(snapshot: Snapshot) -> Snapshot:
    """A person's id is made from the employer of the mention met first, so in another order
    the same person (same name, same patents) has another id: name people by their profile."""
    names = {
        row[1]: f"{props['name']}|{','.join(props['patents'])}"
        for row in snapshot["nodes"]
        if row[0] == "Person" and (props := json.loads(row[2]))
    }

    def renamed(row: tuple[Any, ...], at: int) -> tuple[Any, ...]:
        return (*row[:at], names.get(row[at], row[at]), *row[at + 1 :])

    nodes = [renamed(r, 1) if r[0] == "Person" else r for r in snapshot["nodes"]]
    edges = [renamed(r, 1) if r[0] == "INVENTOR_OF" else r for r in snapshot["edges"]]
    return {
        **snapshot,
        "nodes": sorted(nodes, key=repr),
        "edges": sorted(edges, key=repr),
    }


def _shared_sources(data_dir: Path) -> dict[tuple[str, str], set[str]]:
    graph = sqlite3.connect(Settings(data_dir=data_dir).embedded_graph_path)
    rows = graph.execute("SELECT label, id, sources FROM nodes WHERE label != 'Patent'")
    found = {(label, node): set(json.loads(sources)) for label, node, sources in rows}
    graph.close()
    return found


def _covers(sharded: Path, whole: Path) -> bool:
    """Each shared node's provenance in the sharded store includes the single run's."""
    mine = _shared_sources(sharded)
    return all(
        sources <= mine[key]
        for key, sources in _shared_sources(whole).items()
        if key[0] != "Person"  # ids depend on order, see _people_by_profile
    )


def test_two_workers_write_what_one_writes(tmp_path: Path, vocabularies: Vocabularies) -> None:
    one = _ingest(tmp_path / "one", vocabularies, workers=1)
    two = _ingest(tmp_path / "two", vocabularies, workers=2)
    assert one.records_loaded == two.records_loaded > 30
    # Monitoring refreshes the patents a run touched: the same ones, whatever the workers.
    assert one.patent_ids == two.patent_ids
    assert len(one.patent_ids) >= one.records_loaded
    assert [str(p) for p in one.errors + one.warnings] == [
        str(p) for p in two.errors + two.warnings
    ]
    sequential, parallel = _snapshot(tmp_path / "one"), _snapshot(tmp_path / "two")
    assert len(sequential["documents"]) == one.records_loaded
    assert any(row[0] == "MENTIONS_STANDARD" for row in sequential["edges"])  # NLP ran
    assert sequential == parallel


def _ingest_into(
    stores: Stores, workdir: Path, vocabularies: Vocabularies, workers: int
) -> IngestReport:
    return ingest_paths(
        INPUTS,
        stores.graph,
        stores.index,
        workdir / "dead",
        vocabularies=vocabularies,
        workers=workers,
    )


def _store_view(stores: Stores, patent_ids: set[str]) -> dict[str, Any]:
    """What either backend answers about a load: counts, every patent node with every edge
    touching it (and the node at its other end), and every index document."""
    keys = [NodeKey(NodeLabel.PATENT, patent_id) for patent_id in sorted(patent_ids)]
    links = stores.graph.expand(keys, list(EdgeType), per_node=1_000)
    nodes = {
        (key.label, key.id): stores.graph.get_node(key.label, key.id)
        for link in links
        for key in (link.src, link.dst)
    }
    return {
        "counts": stores.graph.counts(),
        "links": sorted(repr(link) for link in links),
        "nodes": sorted(
            (label, node_id, json.dumps(n.props, sort_keys=True, ensure_ascii=False))
            for (label, node_id), n in nodes.items()
            if n is not None
        ),
        "documents": sorted(repr(stores.index.get(patent_id)) for patent_id in patent_ids),
        "index_count": stores.index.count(),
    }


FreshStores = Callable[[str], AbstractContextManager[Stores]]


@pytest.fixture(params=BACKENDS)
def fresh_stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> FreshStores:
    """Empty stores on this backend, one set per name (the servers are emptied between)."""
    return lambda name: backend_stores(request, tmp_path / name, index_prefix)


def test_parallel_run_writes_and_refreshes_what_one_run_does(
    fresh_stores: FreshStores, tmp_path: Path, vocabularies: Vocabularies
) -> None:
    """On both backends: a 2-worker run writes what a 1-worker run writes, and hands monitoring
    the same touched patents to refresh (a value-model / watches refresh reads only those)."""
    views, reports = [], []
    for workers in (1, 2):
        with fresh_stores(f"w{workers}") as stores:
            report = _ingest_into(stores, tmp_path / f"w{workers}", vocabularies, workers)
            views.append(_store_view(stores, report.patent_ids))
            reports.append(report)
    one, two = reports
    assert one.records_loaded == two.records_loaded > 30
    assert one.patent_ids == two.patent_ids
    assert views[0]["index_count"] == one.records_loaded
    assert views[0] == views[1]


@pytest.fixture(params=[pytest.param("servers", marks=pytest.mark.integration)])
def server_stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> FreshStores:
    """Empty stores on the real servers (emptied between uses)."""
    return lambda name: backend_stores(request, tmp_path / name, index_prefix)


def test_concurrent_shards_on_the_servers_write_what_one_run_writes(
    server_stores: FreshStores, tmp_path: Path, vocabularies: Vocabularies, index_prefix: str
) -> None:
    """Two shard processes' worth of ingest at the same time against one Neo4j and one
    Elasticsearch (each with its own driver and client): they MERGE the same organisations and
    IPC codes concurrently (lock waits, deadlocks retried by the driver) and end where one run
    ends, but for inventors. Person ids depend on the order records are met (see _any_order),
    so the graph is compared by counts; the index document by document."""
    with server_stores("one") as stores:
        whole = _ingest_into(stores, tmp_path / "one", vocabularies, workers=1)
        expected = _store_view(stores, whole.patent_ids)
    with server_stores("shards") as stores:
        settings = for_ingest(production_settings(index_prefix=index_prefix))
        reports: list[IngestReport] = []

        def load(shard: Shard) -> None:
            with open_stores(settings) as own:
                reports.append(
                    ingest_paths(
                        INPUTS,
                        own.graph,
                        own.index,
                        tmp_path / "dead",
                        vocabularies=vocabularies,
                        shard=shard,
                    )
                )

        threads = [threading.Thread(target=load, args=(Shard(i, 2),)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        assert len(reports) == 2 and all(not r.errors for r in reports)
        assert reports[0].patent_ids | reports[1].patent_ids == whole.patent_ids
        got = _store_view(stores, whole.patent_ids)
    # Concurrent shards do not see each other's inventors: a person whose mentions fall in
    # both may stay two until `ipgraph persons reconcile` (docs/INGEST_SCALE.md,
    # tests/test_reconcile_persons.py); everything else is the same, nothing is lost.
    people, single_people = (
        got["counts"].nodes.pop("Person"),
        expected["counts"].nodes.pop("Person"),
    )
    assert people >= single_people  # each mention still has its INVENTOR_OF edge (counts)
    assert got["counts"] == expected["counts"]
    assert got["documents"] == expected["documents"]
    assert got["index_count"] == expected["index_count"] == whole.records_loaded


def test_shards_together_write_what_one_run_writes(
    tmp_path: Path, vocabularies: Vocabularies
) -> None:
    whole = _ingest(tmp_path / "whole", vocabularies)
    halves = [
        _ingest(tmp_path / "sharded", vocabularies, workers=2, shard=Shard(i, 2)) for i in (0, 1)
    ]
    assert 0 < halves[0].records_loaded < whole.records_loaded
    assert sum(h.records_loaded for h in halves) == whole.records_loaded
    assert halves[0].patent_ids | halves[1].patent_ids == whole.patent_ids
    assert _snapshot(tmp_path / "sharded", any_order=True) == _snapshot(
        tmp_path / "whole", any_order=True
    )
    assert _covers(tmp_path / "sharded", tmp_path / "whole")


def test_stopped_run_rerun_loses_and_duplicates_nothing(
    tmp_path: Path, vocabularies: Vocabularies
) -> None:
    """A parallel run killed half way has written some records (here: one shard of them); the
    re-run of the whole input, and another one after it, end where one clean run ends."""
    _ingest(tmp_path / "clean", vocabularies, workers=2)
    _ingest(tmp_path / "rerun", vocabularies, workers=2, shard=Shard(1, 2))
    _ingest(tmp_path / "rerun", vocabularies, workers=2)
    clean = _snapshot(tmp_path / "clean", any_order=True)
    assert _snapshot(tmp_path / "rerun", any_order=True) == clean
    assert _covers(tmp_path / "rerun", tmp_path / "clean")
    _ingest(tmp_path / "rerun", vocabularies, workers=2)
    assert _snapshot(tmp_path / "rerun", any_order=True) == clean


WORKTREE = Path(__file__).resolve().parents[1]


def _cli_ingest(data_dir: Path, inputs: Path) -> subprocess.Popen[bytes]:
    """`ipgraph ingest --workers 2` of this checkout, as its own process group (the parent and
    its forked workers), on the embedded stores in `data_dir`."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("IPGRAPH_")},
        "IPGRAPH_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(WORKTREE),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "ingest", "--workers", "2", str(inputs)],
        cwd=WORKTREE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _patents_in(data_dir: Path) -> int:
    path = Settings(data_dir=data_dir).embedded_graph_path
    if not path.exists():
        return 0
    graph = sqlite3.connect(path, timeout=5)
    try:
        return int(graph.execute("SELECT count(*) FROM nodes WHERE label = 'Patent'").fetchone()[0])
    except sqlite3.OperationalError:  # the tables are not made yet
        return 0
    finally:
        graph.close()


def test_killed_parallel_ingest_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """A real `ipgraph ingest --workers 2` is killed (SIGKILL, workers and all) once its first
    file is written and before the others are; running it again ends where one clean run ends:
    every node, edge, aggregate and document, none twice."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for number, source in enumerate(INPUTS):
        shutil.copy(source, inputs / f"{number:02d}-{source.name}")
    for number in range(len(INPUTS), 12):  # later files keep the process busy after the first
        shutil.copy(INPUTS[0], inputs / f"{number:02d}-again-{INPUTS[0].name}")
    clean = _cli_ingest(tmp_path / "clean", inputs)
    assert clean.wait(timeout=600) == 0
    total = _patents_in(tmp_path / "clean")

    killed = _cli_ingest(tmp_path / "killed", inputs)
    deadline = time.monotonic() + 600
    while _patents_in(tmp_path / "killed") == 0 and time.monotonic() < deadline:
        assert killed.poll() is None, "the run ended before it could be killed"
        time.sleep(0.01)
    assert killed.poll() is None
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=60)
    assert 0 < _patents_in(tmp_path / "killed") < total  # stopped part way: records missing

    rerun = _cli_ingest(tmp_path / "killed", inputs)
    assert rerun.wait(timeout=600) == 0
    expected = _snapshot(tmp_path / "clean", any_order=True)
    assert _snapshot(tmp_path / "killed", any_order=True) == expected
    assert _covers(tmp_path / "killed", tmp_path / "clean")


def test_every_record_belongs_to_exactly_one_shard() -> None:
    shards = [Shard(i, 3) for i in range(3)]
    for location in range(1, 200):
        assert sum(s.owns("ab" * 32, location) for s in shards) == 1
    assert {Shard(i, 3).owns("cd" * 32, n) for i in range(3) for n in range(30)} == {True, False}


@pytest.mark.parametrize("spec", ["2/2", "-1/2", "1", "a/b", "0/0"])
def test_a_shard_outside_its_count_is_refused(spec: str) -> None:
    with pytest.raises(ShardSpecError):
        Shard.parse(spec)


def test_shard_spec_parses() -> None:
    assert Shard.parse(" 1 / 4 ") == Shard(1, 4)
