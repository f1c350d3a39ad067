"""`reconcile_persons` after shards that ran at the same time: the persons and their
INVENTOR_OF edges (evidence and provenance included) become those of one run over the same
input, on both backends; a second reconcile changes nothing; people one run keeps apart stay
apart."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

import pytest

from config.settings import Settings
from graph.model import EdgeRow, EdgeType, NodeKey, NodeLabel, NodeRecord, NodeRow
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from ingest.resolve.reconcile import reconcile_persons
from ingest.sharding import WHOLE, Shard
from ingest.vocabularies import Vocabularies
from stores.backends import Stores, for_ingest, open_stores
from tests.conftest import BACKENDS, backend_stores, production_settings
from tests.test_parallel_ingest import INPUTS

People = dict[str, list[tuple[Any, ...]]]
FreshStores = Callable[[str], AbstractContextManager[Stores]]


@pytest.fixture(scope="module")
def vocabularies() -> Vocabularies:
    return Vocabularies.load(Settings())


@pytest.fixture(params=BACKENDS)
def fresh_stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> FreshStores:
    return lambda name: backend_stores(request, tmp_path / name, index_prefix)


class _StartedTogether:
    """A shard that started at the same moment as the others, in the worst case: it finds
    none of their persons (every other call goes to the real store). Two such shards are what
    concurrent shard processes are when neither has written a name before the other reads it,
    made deterministic."""

    def __init__(self, graph: GraphStore) -> None:
        self._graph = graph

    def find_persons(self, names: Sequence[str]) -> list[NodeRecord]:
        return []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._graph, name)


def _ingest(stores: Stores, workdir: Path, vocabularies: Vocabularies, shard: Shard = WHOLE) -> int:
    graph = stores.graph if shard == WHOLE else cast(GraphStore, _StartedTogether(stores.graph))
    report = ingest_paths(
        INPUTS, graph, stores.index, workdir / "dead", vocabularies=vocabularies, shard=shard
    )
    assert not report.errors
    return report.records_loaded


def people(graph: GraphStore) -> People:
    """Every person (named by name and patents: ids depend on the order mentions are met) with
    its profile, and every INVENTOR_OF edge with its evidence and provenance. A person's own
    provenance is in `sources`: like every node's shared by records, it lists the last record
    of each batch that wrote it, so it is compared by `covers`."""
    names: list[str] = []
    while page := graph.person_names(names[-1] if names else "", 100):
        names.extend(page)
    persons = graph.find_persons(names)
    key = {p.id: f"{p.props['name']}|{','.join(map(str, p.props['patents']))}" for p in persons}
    links = graph.expand(
        [NodeKey(NodeLabel.PERSON, p.id) for p in persons], [EdgeType.INVENTOR_OF], 1_000
    )
    return {
        "persons": sorted(
            (key[p.id], json.dumps(p.props, sort_keys=True, ensure_ascii=False)) for p in persons
        ),
        "sources": sorted((key[p.id], tuple(sorted(p.sources))) for p in persons),
        "edges": sorted(
            (
                key[link.src.id],
                link.dst.id,
                json.dumps(link.props, sort_keys=True, ensure_ascii=False),
                sorted(link.sources),
            )
            for link in links
        ),
    }


def same_people(got: People, expected: People) -> bool:
    """The same persons and edges; each person's provenance includes one run's."""
    mine = dict(got["sources"])
    return (
        got["persons"] == expected["persons"]
        and got["edges"] == expected["edges"]
        and all(set(sources) <= set(mine.get(key, ())) for key, sources in expected["sources"])
    )


def test_shards_started_together_then_reconciled_have_the_persons_of_one_run(
    fresh_stores: FreshStores, tmp_path: Path, vocabularies: Vocabularies
) -> None:
    with fresh_stores("one") as stores:
        loaded = _ingest(stores, tmp_path / "one", vocabularies)
        expected = people(stores.graph)
        assert reconcile_persons(stores.graph, INPUTS).updated == 0  # one run: nothing to do
        assert people(stores.graph) == expected
    with fresh_stores("shards") as stores:
        halves = [_ingest(stores, tmp_path / "shards", vocabularies, Shard(i, 2)) for i in (0, 1)]
        assert sum(halves) == loaded
        before = people(stores.graph)
        # Without reconciling, a person met in both shards is two nodes (or one node with the
        # profile of the shard that wrote last): the test data has such people.
        assert not same_people(before, expected)
        assert len(before["edges"]) == len(expected["edges"])  # no mention is ever lost
        report = reconcile_persons(stores.graph, INPUTS)
        assert report.merged >= 1
        after = people(stores.graph)
        assert same_people(after, expected)
        again = reconcile_persons(stores.graph, INPUTS)
        assert (again.merged, again.moved, again.updated, again.split) == (0, 0, 0, [])
        assert people(stores.graph) == after


@pytest.fixture(params=[pytest.param("servers", marks=pytest.mark.integration)])
def server_stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> FreshStores:
    return lambda name: backend_stores(request, tmp_path / name, index_prefix)


def test_concurrent_shard_processes_on_the_servers_reconcile_to_one_run(
    server_stores: FreshStores, tmp_path: Path, vocabularies: Vocabularies, index_prefix: str
) -> None:
    """Two shards really at the same time (threads, each with its own driver and client, as
    in test_parallel_ingest), then `reconcile_persons`: the persons of one run."""
    with server_stores("one") as stores:
        _ingest(stores, tmp_path / "one", vocabularies)
        expected = people(stores.graph)
    with server_stores("shards") as stores:
        settings = for_ingest(production_settings(index_prefix=index_prefix))
        failures: list[BaseException] = []

        def load(shard: Shard) -> None:
            try:
                with open_stores(settings) as own:
                    ingest_paths(
                        INPUTS,
                        own.graph,
                        own.index,
                        tmp_path / "dead",
                        vocabularies=vocabularies,
                        shard=shard,
                    )
            except BaseException as exc:  # reported by the assertion below
                failures.append(exc)

        threads = [threading.Thread(target=load, args=(Shard(i, 2),)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        assert not failures
        reconcile_persons(stores.graph, INPUTS)
        assert same_people(people(stores.graph), expected)


def test_people_one_run_keeps_apart_are_never_merged(tmp_path: Path) -> None:
    """Two 张伟 with one kind of evidence in common (the field) stay two, as one run keeps
    them; a node holding two people one run keeps apart (two shards made one id for them) is
    divided, each mention going to its person."""
    with open_stores(Settings(data_dir=tmp_path)) as stores:
        graph = stores.graph
        graph.ensure_schema()
        patents = {"CN1A": ("甲公司", "d#1"), "CN2A": ("乙公司", "d#2"), "CN3A": ("丙公司", "d#3")}
        graph.upsert_nodes(NodeLabel.IPC, [NodeRow("H01M 4/36", {"level": "group"}, "d#1")])
        for patent, (org, source) in patents.items():
            graph.upsert_nodes(NodeLabel.PATENT, [NodeRow(patent, {"ipc": ["H01M 4/36"]}, source)])
            graph.upsert_nodes(NodeLabel.ORGANIZATION, [NodeRow(org, {"name": org}, source)])
            graph.upsert_edges(EdgeType.APPLICANT_OF, [EdgeRow(org, patent, {"order": 1}, source)])
            row = EdgeRow(patent, "H01M 4/36", {"order": 1, "main": True}, source)
            graph.upsert_edges(EdgeType.CLASSIFIED_AS, [row])
        persons = [("张伟@甲公司", "CN1A", "d#1"), ("张伟@乙公司", "CN2A", "d#2")]
        # 李娜's one node holds two patents with nothing in common: one run makes two people.
        persons += [("李娜@甲公司", "CN1A", "d#1"), ("李娜@甲公司", "CN3A", "d#3")]
        for person, patent, source in persons:
            name = person.split("@")[0]
            graph.upsert_nodes(NodeLabel.PERSON, [NodeRow(person, {"name": name}, source)])
            row = EdgeRow(person, patent, {"order": 1, "matched_on": []}, source)
            graph.upsert_edges(EdgeType.INVENTOR_OF, [row])
        report = reconcile_persons(graph)
        assert report.merged == 0 and report.split == ["李娜@甲公司"] and report.moved == 1
        assert [p.id for p in graph.find_persons(["张伟"])] == ["张伟@乙公司", "张伟@甲公司"]
        one = graph.get_node(NodeLabel.PERSON, "张伟@甲公司")
        assert one is not None and one.props["patents"] == ["CN1A"]
        assert one.props["employers"] == ["甲公司"] and one.props["ipc_subclasses"] == ["H01M"]
        lina = {p.id: p.props["patents"] for p in graph.find_persons(["李娜"])}
        assert lina == {"李娜@甲公司": ["CN1A"], "李娜@丙公司": ["CN3A"]}
        again = reconcile_persons(graph)
        assert (again.merged, again.moved, again.updated, again.split) == (0, 0, 0, [])


def test_the_cli_reconciles_and_names_a_missing_input(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    runner = CliRunner()
    env = {"IPGRAPH_DATA_DIR": str(tmp_path / "data")}
    assert runner.invoke(app, ["ingest", "--workers", "1", str(INPUTS[1])], env=env).exit_code == 0
    result = runner.invoke(app, ["persons", "reconcile", str(INPUTS[1]), "--json"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["names"] > 0 and (report["merged"], report["updated"]) == (0, 0)
    missing = runner.invoke(app, ["persons", "reconcile", str(tmp_path / "gone.jsonl")], env=env)
    assert missing.exit_code == 1 and "FILE_NOT_FOUND" in missing.output
