"""Monitoring on both backends: every change kind becomes an alert for the watch it touches,
values and grades are written on refresh, and re-ingesting the same data makes no alert.

Changes are made the way ingest makes them: records ingested from a file, and rows written
through the GraphWriter protocol (the ledger's and the registers' loaders write the same rows).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from config.settings import Settings
from domain.organizations import OrganizationAliases
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow
from graph.value_model import ValueModel
from ingest.pipeline import ingest_paths
from search.index.protocol import Filters, SearchQuery
from stores.backends import Stores, open_workflow_store
from stores.workflow import Alert, WorkflowStore
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores
from usecases.context import Context
from usecases.errors import InvalidRequestError, NotFoundError
from usecases.monitoring import (
    Monitor,
    RefreshReport,
    WatchKind,
    add_watch,
    refresh,
    remove_watch,
)

AS_OF = dt.date(2026, 1, 1)
CATL = "宁德时代新能源科技股份有限公司"
BYD = "比亚迪股份有限公司"
BANK = "某银行股份有限公司"
PATENT = "CN115000001A"
SOURCE = "test-monitoring#1"
NEW_RECORD = {
    "publication_number": "CN115999001A",
    "application_number": "CN202310999001.X",
    "title": "一种钠离子电池负极材料及其制备方法",
    "abstract": "本发明公开了一种钠离子电池硬碳负极材料，首次库伦效率高。",
    "applicants": [BYD],
    "inventors": ["赵六"],
    "ipc": ["H01M 4/587"],
    "filing_date": "2023-05-06",
    "legal_status": "审中",
}


class World:
    def __init__(self, stores: Stores, workflow: WorkflowStore, workdir: Path) -> None:
        self.stores = stores
        self.workflow = workflow
        self.workdir = workdir
        self.ctx = Context(stores, OrganizationAliases.load())
        self.monitor = Monitor(workflow, ValueModel.load(), expiry_days=180)

    def refresh(self, touched: Iterable[str] = (), as_of: dt.date = AS_OF) -> RefreshReport:
        return refresh(self.ctx, self.monitor, touched, as_of)

    def ingest(self, path: Path) -> RefreshReport:
        report = ingest_paths([path], self.stores.graph, self.stores.index, self.workdir / "dead")
        assert report.errors == []
        return self.refresh(report.patent_ids)

    def node(self, label: NodeLabel, node_id: str, **props: str | list[str]) -> None:
        self.stores.graph.upsert_nodes(label, [NodeRow(node_id, dict(props), SOURCE)])

    def edge(self, edge_type: EdgeType, src: str, dst: str, **props: str | bool) -> None:
        self.stores.graph.upsert_edges(edge_type, [EdgeRow(src, dst, dict(props), SOURCE)])


@pytest.fixture(params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    with backend_stores(request, tmp_path, "test-monitor-") as stores:
        workflow = open_workflow_store(Settings(data_dir=tmp_path))
        world = World(stores, workflow, tmp_path)
        world.ingest(SAMPLE_PATENTS)
        yield world
        workflow.close()


def _kinds(alerts: list[Alert]) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((a.kind, a.patent, a.before, a.after) for a in alerts)


def test_first_refresh_grades_every_patent_and_writes_it_on_the_graph(world: World) -> None:
    node = world.stores.graph.get_node(NodeLabel.PATENT, PATENT)
    assert node is not None
    assert node.props["grade"] in {"core", "important", "general"}
    assert isinstance(node.props["value_score"], float)
    assert node.props["value_as_of"] == AS_OF.isoformat()
    facts = world.stores.graph.portfolio([CATL])
    assert facts and all(f.grade in {"core", "important", "general"} for f in facts)
    assert _indexed_grades(world) == 14  # every sample patent, in the search index too
    graded = world.stores.index.search(
        SearchQuery(query=None, filters=Filters(grades=(str(node.props["grade"]),)), size=50)
    )
    assert PATENT in {hit.id for hit in graded.hits}


def _indexed_grades(world: World) -> int:
    page = world.stores.index.search(SearchQuery(query=None, facets=True, size=1))
    return sum(bucket.count for bucket in page.facets["grade"])


def test_each_change_kind_becomes_an_alert_for_the_watch_it_touches(world: World) -> None:
    graph = world.stores.graph
    patent_watch, _ = add_watch(world.ctx, world.workflow, "alice", WatchKind.PATENT, PATENT)
    add_watch(world.ctx, world.workflow, "alice", WatchKind.ORGANIZATION, "比亚迪")
    add_watch(world.ctx, world.workflow, "bob", WatchKind.QUERY, "钠离子")
    add_watch(world.ctx, world.workflow, "carol", WatchKind.STANDARD, "GB/T 31485")
    assert patent_watch.target == PATENT
    assert world.refresh().alerts == []  # watches alone change nothing

    graph.upsert_nodes(
        NodeLabel.ORGANIZATION,
        [NodeRow(BANK, {"name": BANK}, SOURCE)],
    )
    graph.upsert_nodes(NodeLabel.STANDARD, [NodeRow("GB/T 31485", {"name": "GB/T 31485"}, SOURCE)])
    graph.upsert_nodes(
        NodeLabel.CASE,
        [NodeRow("(2026)京73民初1号", {"type": "infringement", "status": "pending"}, SOURCE)],
    )
    graph.upsert_nodes(
        NodeLabel.PATENT,
        [NodeRow(PATENT, {"legal_status": "invalid", "current_owners": [BYD]}, SOURCE)],
    )
    world.edge(EdgeType.LICENSED_TO, PATENT, BYD, contract="HT-LIC-1")
    world.edge(EdgeType.PLEDGED_TO, PATENT, BANK, contract="HT-PLG-1")
    world.edge(EdgeType.TRANSFERRED_TO, PATENT, BYD, contract="HT-TRF-1")
    # The ledger records the assignment: the filer's interval closes, the new owner's opens.
    world.edge(EdgeType.OWNS, CATL, PATENT, to="2026-01-01")
    world.edge(EdgeType.OWNS, BYD, PATENT, **{"from": "2026-01-01"})
    world.edge(EdgeType.CONCERNS, "(2026)京73民初1号", PATENT)
    world.edge(EdgeType.DECLARED_ESSENTIAL, PATENT, "GB/T 31485", declaration="DECL-1")
    alerts = world.refresh().alerts
    alice = [a for a in alerts if a.watch.owner == "alice" and a.watch.kind == "patent"]
    assert _kinds(alice) == [
        ("legal_status", PATENT, "valid", "invalid"),
        ("licence", PATENT, None, BYD),
        ("litigation", PATENT, None, "(2026)京73民初1号 (infringement, pending)"),
        ("owner", PATENT, CATL, BYD),
        ("pledge", PATENT, None, BANK),
        ("sep_declaration", PATENT, None, "GB/T 31485"),
        ("transfer", PATENT, None, BYD),
    ]
    licence = next(a for a in alice if a.kind == "licence")
    assert licence.evidence == ["HT-LIC-1"] and licence.title
    # The owner changed to the watched competitor: its organisation watch sees the patent.
    assert "owner" in {a.kind for a in alerts if a.watch.target == BYD}
    carol = [a for a in alerts if a.watch.owner == "carol"]
    assert [(a.kind, a.after) for a in carol] == [("sep_declaration", "GB/T 31485")]
    assert carol[0].evidence == ["DECL-1"]

    # The pledge is released and the licence ends: two more alerts, then nothing.
    world.edge(EdgeType.PLEDGED_TO, PATENT, BANK, released_on="2026-01-01")
    world.edge(EdgeType.LICENSED_TO, PATENT, BYD, end="2025-12-31")
    ended = world.refresh().alerts
    assert _kinds([a for a in ended if a.watch.kind == "patent"]) == [
        ("licence_ended", PATENT, BYD, None),
        ("pledge_released", PATENT, BANK, None),
    ]
    assert world.refresh().alerts == []

    # A new filing by the watched competitor that matches the watched query.
    new = world.workdir / "new.jsonl"
    new.write_text(json.dumps(NEW_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    filed = world.ingest(new).alerts
    assert sorted((a.watch.owner, a.watch.kind, a.kind, a.patent) for a in filed) == [
        ("alice", "organization", "new_filing", "CN115999001A"),
        ("bob", "query", "new_filing", "CN115999001A"),
    ]
    # Idempotent: the same file again, and another refresh, make no alert.
    assert world.ingest(new).alerts == []
    assert world.refresh().alerts == []


def test_reingesting_the_same_data_makes_no_alert(world: World) -> None:
    for kind, target in (
        (WatchKind.ORGANIZATION, CATL),
        (WatchKind.QUERY, "电池"),
        (WatchKind.PATENT, PATENT),
    ):
        add_watch(world.ctx, world.workflow, "alice", kind, target)
    report = world.ingest(SAMPLE_PATENTS)
    assert report.patents >= 14 and report.changes == 0 and report.alerts == []
    assert _indexed_grades(world) == 14  # re-indexed documents keep their grade
    assert world.workflow.alerts() == []


def test_expiry_within_the_window_is_one_alert(world: World) -> None:
    # CN115000001A is an invention filed 2022-01-04: it expires on 2042-01-04.
    add_watch(world.ctx, world.workflow, "alice", WatchKind.PATENT, "CN202210000001.0")
    assert world.refresh(as_of=dt.date(2041, 1, 1)).alerts == []
    soon = world.refresh(as_of=dt.date(2041, 9, 1)).alerts
    assert [(a.kind, a.after) for a in soon] == [("expiry", "2042-01-04")]
    assert world.refresh(as_of=dt.date(2041, 9, 2)).alerts == []


def test_watches_belong_to_their_key(world: World) -> None:
    watch, created = add_watch(
        world.ctx, world.workflow, "alice", WatchKind.ORGANIZATION, "宁德时代"
    )
    again, created_again = add_watch(
        world.ctx, world.workflow, "alice", WatchKind.ORGANIZATION, CATL
    )
    assert created and not created_again and again.id == watch.id and watch.target == CATL
    with pytest.raises(NotFoundError):
        remove_watch(world.workflow, "bob", watch.id)
    remove_watch(world.workflow, "alice", watch.id)
    assert world.workflow.watches("alice") == []
    with pytest.raises(NotFoundError):
        add_watch(world.ctx, world.workflow, "alice", WatchKind.PATENT, "CN999999999A")
    with pytest.raises(InvalidRequestError):
        add_watch(world.ctx, world.workflow, "alice", WatchKind.QUERY, "电池 (回收")
