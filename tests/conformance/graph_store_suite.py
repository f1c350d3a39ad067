"""Behaviour every GraphStore must show, one mixin per protocol of graph/store.py. A test module
subclasses `GraphStoreConformance` (or the mixin of the one protocol a new store implements)
and provides a `store` fixture that yields an empty, schema-ready store."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from graph import EdgeRow, EdgeType, GraphStore, NodeLabel, NodeRow
from graph.analytics.kpis import kpis, kpis_from_counts
from graph.entity_pages import node_view, organization_view, patent_view, person_view
from graph.groups import group_members
from graph.model import Direction, EdgeMove, FactCount, NodeKey, NodeMerge
from graph.store import (
    AggregateQueries,
    GraphReader,
    GraphWriter,
    PathQueries,
    PortfolioQueries,
)
from tests import graph_fixture as fx


def _patent(pid: str, source: str = "doc1#1", **props: object) -> NodeRow:
    base: dict[str, object] = {
        "title": "一种锂离子电池热失控预警方法",
        "kind": "invention",
        "application_number": "CN202210000001.0",
        "ipc": ["H01M10/48"],
    }
    base.update(props)
    return NodeRow(pid, base, source)  # type: ignore[arg-type]


def _load_small_graph(store: GraphStore) -> None:
    store.upsert_nodes(NodeLabel.PATENT, [_patent("CN115000001A")])
    store.upsert_nodes(
        NodeLabel.ORGANIZATION,
        [
            NodeRow(
                "宁德时代新能源科技股份有限公司",
                {"name": "宁德时代新能源科技股份有限公司"},
                "doc1#1",
            ),
            NodeRow("清华大学", {"name": "清华大学"}, "doc1#1"),
        ],
    )
    store.upsert_nodes(NodeLabel.PERSON, [NodeRow("张伟@宁德时代", {"name": "张伟"}, "doc1#1")])
    store.upsert_nodes(NodeLabel.IPC, [NodeRow("H01M10/48", {"subclass": "H01M"}, "doc1#1")])
    store.upsert_nodes(NodeLabel.DOCUMENT, [NodeRow("doc1", {"path": "a.jsonl"}, "doc1#1")])
    store.upsert_edges(
        EdgeType.APPLICANT_OF,
        [
            EdgeRow("清华大学", "CN115000001A", {"order": 2}, "doc1#1"),
            EdgeRow("宁德时代新能源科技股份有限公司", "CN115000001A", {"order": 1}, "doc1#1"),
        ],
    )
    store.upsert_edges(
        EdgeType.INVENTOR_OF, [EdgeRow("张伟@宁德时代", "CN115000001A", {"order": 1}, "doc1#1")]
    )
    store.upsert_edges(
        EdgeType.CLASSIFIED_AS,
        [EdgeRow("CN115000001A", "H01M10/48", {"order": 1, "main": True}, "doc1#1")],
    )
    store.upsert_edges(
        EdgeType.EXTRACTED_FROM, [EdgeRow("CN115000001A", "doc1", {"record": 1}, "doc1#1")]
    )


def _load_group(store: GraphStore) -> None:
    orgs = ["集团", "子公司甲", "子公司乙", "孙公司", "外部公司"]
    store.upsert_nodes(NodeLabel.ORGANIZATION, [NodeRow(o, {"name": o}, "g#1") for o in orgs])
    store.upsert_edges(
        EdgeType.SUBSIDIARY_OF,
        [
            EdgeRow("子公司甲", "集团", {"stake": 100.0}, "g#1"),
            EdgeRow("子公司乙", "集团", {"stake": 51.0}, "g#1"),
            EdgeRow("孙公司", "子公司甲", {"stake": 60.0}, "g#1"),
        ],
    )
    patents = {"P1": "invention", "P2": "utility_model", "P3": "invention", "P4": "invention"}
    store.upsert_nodes(
        NodeLabel.PATENT,
        [
            NodeRow(pid, {"title": f"专利{pid}", "kind": kind}, "g#1")
            for pid, kind in patents.items()
        ],
    )
    store.upsert_edges(
        EdgeType.APPLICANT_OF,
        [
            EdgeRow("集团", "P1", {"order": 1}, "g#1"),
            EdgeRow("孙公司", "P2", {"order": 1}, "g#1"),
            EdgeRow("子公司乙", "P3", {"order": 1}, "g#1"),
            EdgeRow("孙公司", "P3", {"order": 2}, "g#1"),  # co-owned inside the group: counted once
            EdgeRow("外部公司", "P4", {"order": 1}, "g#1"),
        ],
    )
    store.upsert_nodes(
        NodeLabel.PERSON,
        [
            NodeRow("王五@孙公司", {"name": "王五"}, "g#1"),
            NodeRow("赵六@孙公司", {"name": "赵六"}, "g#1"),
        ],
    )
    store.upsert_edges(
        EdgeType.INVENTOR_OF,
        [
            EdgeRow("王五@孙公司", "P2", {"order": 1}, "g#1"),
            EdgeRow("王五@孙公司", "P3", {"order": 1}, "g#1"),
            EdgeRow("赵六@孙公司", "P3", {"order": 2}, "g#1"),
        ],
    )


class GraphWriterConformance:
    """GraphWriter: schema, idempotent upserts, provenance, delete_all."""

    def test_is_a_graphwriter(self, store: GraphStore) -> None:
        assert isinstance(store, GraphWriter)

    def test_schema_step_is_idempotent(self, store: GraphStore) -> None:
        store.ensure_schema()
        store.ensure_schema()
        assert store.counts().nodes == {}

    def test_upserts_are_idempotent(self, store: GraphStore) -> None:
        _load_small_graph(store)
        first = store.counts()
        _load_small_graph(store)
        assert store.counts() == first
        assert first.nodes == {"Patent": 1, "Organization": 2, "Person": 1, "IPC": 1, "Document": 1}
        assert first.edges == {
            "APPLICANT_OF": 2,
            "INVENTOR_OF": 1,
            "CLASSIFIED_AS": 1,
            "EXTRACTED_FROM": 1,
        }
        view = patent_view(store, "CN115000001A")
        assert view is not None and view.sources == ["doc1#1"]

    def test_properties_merge_and_provenance_accumulates(self, store: GraphStore) -> None:
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN1A", "doc1#1")])
        store.upsert_nodes(
            NodeLabel.PATENT, [NodeRow("CN1A", {"title": "新标题", "country": "CN"}, "doc2#7")]
        )
        view = patent_view(store, "CN1A")
        assert view is not None
        assert view.props["title"] == "新标题"
        assert view.props["kind"] == "invention"  # kept from the first write
        assert view.props["country"] == "CN"
        assert view.sources == ["doc1#1", "doc2#7"]

    def test_edges_to_missing_nodes_are_not_created(self, store: GraphStore) -> None:
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN1A")])
        store.upsert_edges(EdgeType.APPLICANT_OF, [EdgeRow("不存在的公司", "CN1A", {}, "d#1")])
        assert store.counts().edges == {}
        view = patent_view(store, "CN1A")
        assert view is not None and view.applicants == []

    def test_merging_persons_moves_their_edges_and_keeps_the_evidence(
        self, store: GraphStore
    ) -> None:
        _load_small_graph(store)  # 张伟@宁德时代 INVENTOR_OF CN115000001A
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN115000002A", "doc2#1")])
        store.upsert_nodes(NodeLabel.PERSON, [NodeRow("张伟@清华大学", {"name": "张伟"}, "doc2#1")])
        store.upsert_edges(
            EdgeType.INVENTOR_OF,
            [
                EdgeRow("张伟@清华大学", "CN115000002A", {"order": 2, "matched_on": []}, "doc2#1"),
                EdgeRow("张伟@清华大学", "CN115000001A", {"order": 9, "role": "x"}, "doc2#2"),
            ],
        )
        merges = [NodeMerge("张伟@清华大学", "张伟@宁德时代"), NodeMerge("无此人", "张伟@宁德时代")]
        store.merge_persons(merges)
        assert store.get_node(NodeLabel.PERSON, "张伟@清华大学") is None
        merged = store.get_node(NodeLabel.PERSON, "张伟@宁德时代")
        assert merged is not None and sorted(merged.sources) == ["doc1#1", "doc2#1"]
        links = store.expand(
            [NodeKey(NodeLabel.PERSON, "张伟@宁德时代")], [EdgeType.INVENTOR_OF], per_node=10
        )
        by_patent = {link.dst.id: link for link in links}
        assert set(by_patent) == {"CN115000001A", "CN115000002A"}
        # The edge the target had keeps its properties and gains the other's; both provenances.
        assert by_patent["CN115000001A"].props == {"order": 1, "role": "x"}
        assert sorted(by_patent["CN115000001A"].sources) == ["doc1#1", "doc2#2"]
        assert by_patent["CN115000002A"].props == {"order": 2, "matched_on": []}
        assert by_patent["CN115000002A"].sources == ["doc2#1"]
        counts = store.counts()
        store.merge_persons(merges)  # idempotent
        assert store.counts() == counts
        assert counts.nodes["Person"] == 1 and counts.edges["INVENTOR_OF"] == 2

    def test_moving_one_edge_of_a_person_to_another(self, store: GraphStore) -> None:
        _load_small_graph(store)  # 张伟@宁德时代 INVENTOR_OF CN115000001A
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN115000002A", "doc2#1")])
        store.upsert_nodes(NodeLabel.PERSON, [NodeRow("张伟@清华大学", {"name": "张伟"}, "doc2#1")])
        store.upsert_edges(
            EdgeType.INVENTOR_OF,
            [EdgeRow("张伟@宁德时代", "CN115000002A", {"order": 3, "matched_on": []}, "doc2#1")],
        )
        moves = [
            EdgeMove("张伟@宁德时代", "CN115000002A", "张伟@清华大学"),
            EdgeMove("张伟@宁德时代", "CN115000001A", "无此人"),
        ]
        store.move_person_edges(EdgeType.INVENTOR_OF, moves)
        store.move_person_edges(EdgeType.INVENTOR_OF, moves)  # idempotent
        links = store.expand(
            [NodeKey(NodeLabel.PERSON, p) for p in ("张伟@宁德时代", "张伟@清华大学")],
            [EdgeType.INVENTOR_OF],
            per_node=10,
        )
        assert sorted((link.src.id, link.dst.id, link.props["order"]) for link in links) == [
            ("张伟@宁德时代", "CN115000001A", 1),
            ("张伟@清华大学", "CN115000002A", 3),
        ]
        moved = next(link for link in links if link.dst.id == "CN115000002A")
        assert moved.props == {"order": 3, "matched_on": []} and moved.sources == ["doc2#1"]

    def test_delete_all_empties_the_store(self, store: GraphStore) -> None:
        _load_small_graph(store)
        store.delete_all()
        assert store.counts().nodes == {}
        assert store.counts().edges == {}


class GraphReaderConformance:
    """GraphReader: lookups, neighbours, walks, group trees, and the entity pages built on them."""

    def test_is_a_graphreader(self, store: GraphStore) -> None:
        assert isinstance(store, GraphReader)

    def test_descendants_and_ancestors(self, store: GraphStore) -> None:
        _load_group(store)
        links = store.descendants("集团")
        assert [(lk.child, lk.parent, lk.stake) for lk in links] == [
            ("孙公司", "子公司甲", 60.0),  # sorted by (parent, child) in code point order
            ("子公司乙", "集团", 51.0),
            ("子公司甲", "集团", 100.0),
        ]
        assert [lk.child for lk in store.descendants("集团", max_depth=1)] == [
            "子公司乙",
            "子公司甲",
        ]
        assert [(a.id, a.edge["depth"]) for a in store.ancestors("孙公司")] == [
            ("子公司甲", 1),
            ("集团", 2),
        ]
        assert store.ancestors("集团") == [] and store.descendants("外部公司") == []
        assert group_members(store, "集团") == ["集团", "子公司乙", "子公司甲", "孙公司"]

    def test_a_cycle_in_group_data_terminates(self, store: GraphStore) -> None:
        _load_group(store)
        store.upsert_edges(EdgeType.SUBSIDIARY_OF, [EdgeRow("集团", "孙公司", {}, "bad#1")])
        assert {lk.child for lk in store.descendants("集团")} == {"子公司甲", "子公司乙", "孙公司"}

    def test_organization_view(self, store: GraphStore) -> None:
        _load_group(store)
        view = organization_view(store, "子公司甲")
        assert view is not None
        assert [(p.id, p.order) for p in view.parents] == [("集团", 1)]
        assert [(n.id, n.stake) for n in view.subsidiaries] == [("孙公司", 60.0)]
        assert view.group_size == 2
        assert view.portfolio == {}
        assert view.group_portfolio == {"invention": 1, "utility_model": 1}
        top = organization_view(store, "集团")
        assert top is not None
        assert [n.id for n in top.subsidiaries] == ["子公司乙", "子公司甲"]
        assert [n.id for n in top.subsidiaries[1].subsidiaries] == ["孙公司"]
        assert organization_view(store, "不存在") is None

    def test_person_view(self, store: GraphStore) -> None:
        _load_group(store)
        view = person_view(store, "王五@孙公司")
        assert view is not None
        assert [(p.id, p.name) for p in view.patents] == [("P2", "专利P2"), ("P3", "专利P3")]
        assert [(o.id, o.count) for o in view.organizations] == [("孙公司", 2), ("子公司乙", 1)]
        assert [(c.name, c.count) for c in view.co_inventors] == [("赵六", 1)]

    def test_node_view_lists_links_both_ways(self, store: GraphStore) -> None:
        _load_group(store)
        view = node_view(store, NodeLabel.ORGANIZATION, "子公司甲")
        assert view is not None
        assert [n.id for n in view.links["SUBSIDIARY_OF:out"]] == ["集团"]
        assert [n.id for n in view.links["SUBSIDIARY_OF:in"]] == ["孙公司"]
        assert node_view(store, NodeLabel.STANDARD, "3GPP TS 38.211") is None

    def test_neighbours_follow_order_then_id(self, store: GraphStore) -> None:
        _load_group(store)
        found = store.neighbours(EdgeType.APPLICANT_OF, "P3", Direction.IN)
        assert [(n.id, n.edge["order"]) for n in found] == [("子公司乙", 1), ("孙公司", 2)]
        assert [n.id for n in store.neighbours(EdgeType.APPLICANT_OF, "孙公司", Direction.OUT)] == [
            "P2",
            "P3",
        ]
        assert (
            store.neighbours(EdgeType.APPLICANT_OF, "P3", Direction.IN, limit=1)[0].id == "子公司乙"
        )

    def test_expand_both_directions_with_evidence(self, store: GraphStore) -> None:
        fx.load(store)
        links = store.expand(
            [NodeKey(NodeLabel.PATENT, "CN1000001A")],
            {EdgeType.CITES, EdgeType.APPLICANT_OF, EdgeType.MENTIONS_STANDARD},
            10,
        )
        assert [(lk.type.value, lk.src.id, lk.dst.id) for lk in links] == [
            ("APPLICANT_OF", fx.A1, "CN1000001A"),
            ("CITES", "US1000004B2", "CN1000001A"),
            ("MENTIONS_STANDARD", "CN1000001A", fx.STANDARD),
        ]
        mention = links[2]
        assert mention.props == {"field": "claims", "start": 3, "end": 17}
        assert mention.sources == [fx.SOURCE]
        assert (mention.src_name, mention.dst_name) == ("专利一", fx.STANDARD)

    def test_expand_bounds_each_node(self, store: GraphStore) -> None:
        fx.load(store)
        [first] = store.expand([NodeKey(NodeLabel.ORGANIZATION, fx.B)], {EdgeType.APPLICANT_OF}, 1)
        assert first.dst.id == "CN1000002A"  # by type, then the other node's id
        assert store.expand([], set(EdgeType), 5) == []

    def test_patent_view_has_ordered_neighbours(self, store: GraphStore) -> None:
        _load_small_graph(store)
        view = patent_view(store, "CN115000001A")
        assert view is not None
        assert view.id == "CN115000001A"
        assert view.props["title"] == "一种锂离子电池热失控预警方法"
        assert view.props["ipc"] == ["H01M10/48"]
        assert [a.name for a in view.applicants] == ["宁德时代新能源科技股份有限公司", "清华大学"]
        assert [(p.name, p.order) for p in view.inventors] == [("张伟", 1)]
        assert [i.id for i in view.ipc] == ["H01M10/48"]
        assert [(d.id, d.name) for d in view.documents] == [("doc1", "a.jsonl")]
        assert view.sources == ["doc1#1"]

    def test_patent_found_by_application_number(self, store: GraphStore) -> None:
        _load_small_graph(store)
        view = patent_view(store, "CN202210000001.0")
        assert view is not None and view.id == "CN115000001A"

    def test_persons_found_by_name_only(self, store: GraphStore) -> None:
        store.upsert_nodes(
            NodeLabel.PERSON,
            [
                NodeRow("张伟@乙", {"name": "张伟", "employers": ["乙"]}, "d#1"),
                NodeRow("张伟@甲", {"name": "张伟", "employers": ["甲"]}, "d#2"),
                NodeRow("张伟伟@甲", {"name": "张伟伟"}, "d#3"),
                NodeRow("李娜@甲", {"name": "李娜"}, "d#4"),
            ],
        )
        found = store.find_persons(["张伟", "王芳", "张伟"])
        assert [(p.id, p.props["employers"]) for p in found] == [
            ("张伟@乙", ["乙"]),
            ("张伟@甲", ["甲"]),
        ]
        assert store.find_persons([]) == []

    def test_person_names_page_through_distinct_names(self, store: GraphStore) -> None:
        store.upsert_nodes(
            NodeLabel.PERSON,
            [
                NodeRow(f"{name}@{n}", {"name": name}, "d#1")
                for n, name in enumerate(["张伟", "张伟", "李娜", "王芳", "张伟伟"])
            ],
        )
        pages: list[list[str]] = []
        while page := store.person_names(pages[-1][-1] if pages else "", 2):
            pages.append(page)
        everyone = sorted({"张伟", "李娜", "王芳", "张伟伟"})
        # 张伟's two persons fill the first page; every name comes once, in order.
        assert pages[0] == ["张伟"] and all(0 < len(page) <= 2 for page in pages)
        assert [name for page in pages for name in page] == everyone
        assert store.person_names("", 10) == everyone

    def test_unknown_patent_is_none(self, store: GraphStore) -> None:
        _load_small_graph(store)
        assert patent_view(store, "CN999999999A") is None

    def test_ping_answers(self, store: GraphStore) -> None:
        store.ping()


class PortfolioQueriesConformance:
    """PortfolioQueries: aggregates over organisations' patents."""

    def test_is_a_portfolioqueries(self, store: GraphStore) -> None:
        assert isinstance(store, PortfolioQueries)

    def test_patent_counts_are_distinct_per_kind(self, store: GraphStore) -> None:
        _load_group(store)
        assert store.patent_counts(group_members(store, "集团")) == {
            "invention": 2,
            "utility_model": 1,
        }
        assert store.patent_counts(["孙公司"]) == {"invention": 1, "utility_model": 1}
        assert store.patent_counts([]) == {}

    def test_portfolio_and_ipc_counts(self, store: GraphStore) -> None:
        fx.load(store)
        facts = store.portfolio([fx.B, fx.A1])
        # Sorted by owner (乙 before 子 in code points), then patent.
        assert [(f.owner, f.id) for f in facts] == [
            (fx.B, "CN1000002A"),
            (fx.B, "CN1000003U"),
            (fx.B, "US1000004B2"),
            (fx.A1, "CN1000001A"),
            (fx.A1, "CN1000003U"),
        ]
        assert facts[3].ipc == ("H04W72/04", "H04L5/00") and facts[3].kind == "invention"
        shares = store.ipc_shares(["H04W72/04"])
        assert [(s.org, s.patents) for s in shares] == [(fx.B, 2), (fx.A1, 2)]
        assert store.ipc_shares(["H04W72/04"], org_ids=[fx.C]) == []
        profiles = store.ipc_profiles([fx.A1])
        assert [(s.code, s.patents) for s in profiles] == [("H04L5/00", 1), ("H04W72/04", 2)]
        assert store.portfolio([]) == [] and store.ipc_profiles([]) == []


class LedgerConformance:
    """What the asset ledger (graph/analytics/ledger.py) needs a store to answer: dated OWNS
    edges with list properties read back both ways, one encumbrance edge carrying what a
    contract and the gazette each wrote, whichever came first, and dated stakes."""

    def _ledger_graph(self, store: GraphStore) -> None:
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN115000001A", filing_date="2022-01-01")])
        store.upsert_nodes(
            NodeLabel.ORGANIZATION,
            [NodeRow(o, {"name": o}, "doc1#1") for o in ("甲公司", "乙公司", "银行", "集团")],
        )
        store.upsert_edges(
            EdgeType.OWNS,
            [
                EdgeRow(
                    "甲公司",
                    "CN115000001A",
                    {
                        "from": "2022-01-01",
                        "to": "2023-05-12",
                        "periods": ["2022-01-01..2023-05-12"],
                        "evidence": ["filing", "TR01"],
                    },
                    "doc1#1",
                ),
                EdgeRow(
                    "乙公司",
                    "CN115000001A",
                    {"from": "2023-05-12", "periods": ["2023-05-12.."], "evidence": ["TR01"]},
                    "doc1#1",
                ),
            ],
        )
        store.upsert_edges(
            EdgeType.SUBSIDIARY_OF,
            [EdgeRow("乙公司", "集团", {"from": "2024-01-01", "rule": "exact"}, "doc1#1")],
        )

    def test_owns_edges_read_back_with_their_periods(self, store: GraphStore) -> None:
        self._ledger_graph(store)
        owners = store.neighbours(EdgeType.OWNS, "CN115000001A", Direction.IN)
        assert [(o.id, o.edge.get("to")) for o in owners] == [
            ("乙公司", None),
            ("甲公司", "2023-05-12"),
        ]
        assert owners[1].edge["periods"] == ["2022-01-01..2023-05-12"]
        assert owners[1].edge["evidence"] == ["filing", "TR01"]
        owned = store.neighbours(EdgeType.OWNS, "乙公司", Direction.OUT)
        assert [(p.id, p.edge["from"]) for p in owned] == [("CN115000001A", "2023-05-12")]

    def test_contract_and_gazette_make_one_encumbrance_edge(self, store: GraphStore) -> None:
        self._ledger_graph(store)
        contract = {"contract": "C-1", "start": "2023-06-01", "end": "2025-06-01"}
        gazette = {"registration_number": "Y2023980012345", "registered_start": "2023-06-12"}
        first, second = ("甲公司", "乙公司")  # two writers, both orders
        for order in ((contract, gazette), (gazette, contract)):
            pledgee = first if order[0] is contract else second
            for props in order:
                store.upsert_edges(
                    EdgeType.PLEDGED_TO, [EdgeRow("CN115000001A", pledgee, props, "doc2#1")]
                )
        pledges = store.neighbours(EdgeType.PLEDGED_TO, "CN115000001A", Direction.OUT)
        assert len(pledges) == 2
        for pledge in pledges:
            assert pledge.edge["contract"] == "C-1"
            assert pledge.edge["registration_number"] == "Y2023980012345"
            assert pledge.edge["registered_start"] == "2023-06-12"

    def test_dated_stakes_are_kept(self, store: GraphStore) -> None:
        self._ledger_graph(store)
        children = store.neighbours(EdgeType.SUBSIDIARY_OF, "集团", Direction.IN)
        assert [(c.id, c.edge.get("from")) for c in children] == [("乙公司", "2024-01-01")]


HUB_DEGREE = 100_000  # patents in one IPC class: far past any fan-out cut
ORG, PATENT = NodeLabel.ORGANIZATION, NodeLabel.PATENT
PATH_TYPES = frozenset(EdgeType) - {EdgeType.PARENT, EdgeType.EXTRACTED_FROM}


def _path_ids(found: object) -> list[list[str]]:
    return [[n.id for n in p.nodes] for p in found.paths]


class PathQueriesConformance:
    """PathQueries: every shortest path, searched in the store, complete or timed out."""

    def test_is_a_pathqueries(self, store: GraphStore) -> None:
        assert isinstance(store, PathQueries)

    def test_every_shortest_path_sorted_with_evidence(self, store: GraphStore) -> None:
        fx.load(store)
        found = store.shortest_paths(
            NodeKey(ORG, fx.A1), NodeKey(ORG, fx.B), PATH_TYPES, max_hops=4, timeout_s=10
        )
        assert not found.timed_out and not found.capped
        # The two 2-hop links (the licence contract sorts before the co-owned patent).
        assert _path_ids(found) == [[fx.A1, fx.CONTRACT, fx.B], [fx.A1, "CN1000003U", fx.B]]
        first = found.paths[0]
        assert [(link.type, link.props["role"]) for link in first.links] == [
            (EdgeType.PARTY_TO, "licensor"),
            (EdgeType.PARTY_TO, "licensee"),
        ]
        assert first.links[0].sources == [fx.SOURCE] and first.links[1].dst_name
        assert found.total == 2
        # Only the first listed (with its evidence), the others counted.
        one = store.shortest_paths(
            NodeKey(ORG, fx.A1), NodeKey(ORG, fx.B), PATH_TYPES, max_hops=4, timeout_s=10, first=1
        )
        assert one.paths == found.paths[:1] and one.total == 2

    def test_type_filter_hop_bound_and_missing_ends(self, store: GraphStore) -> None:
        fx.load(store)
        a1, b = NodeKey(ORG, fx.A1), NodeKey(ORG, fx.B)
        people = {EdgeType.APPLICANT_OF, EdgeType.INVENTOR_OF}
        longer = store.shortest_paths(a1, b, {EdgeType.INVENTOR_OF}, max_hops=4, timeout_s=10)
        assert longer.paths == []
        only_people = store.shortest_paths(a1, b, people, max_hops=4, timeout_s=10)
        assert _path_ids(only_people) == [[fx.A1, "CN1000003U", fx.B]]
        assert store.shortest_paths(a1, b, PATH_TYPES, max_hops=1, timeout_s=10).paths == []
        nobody = NodeKey(ORG, "无此公司")
        assert store.shortest_paths(a1, nobody, PATH_TYPES, max_hops=4, timeout_s=10).paths == []
        assert _path_ids(store.shortest_paths(b, b, PATH_TYPES, max_hops=4, timeout_s=10)) == [
            [fx.B]
        ]

    def test_dated_edges_count_only_on_their_days(self, store: GraphStore) -> None:
        store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, "d#1") for o in ("甲", "乙")])
        store.upsert_nodes(PATENT, [NodeRow("CN9A", {"title": "t"}, "d#1")])
        store.upsert_edges(
            EdgeType.APPLICANT_OF,
            [
                EdgeRow("甲", "CN9A", {"from": "2020-01-01", "to": "2022-01-01"}, "d#1"),
                EdgeRow("乙", "CN9A", {"from": "2021-06-01"}, "d#1"),
            ],
        )
        a, b = NodeKey(ORG, "甲"), NodeKey(ORG, "乙")

        def on(day: date | None) -> list[list[str]]:
            return _path_ids(
                store.shortest_paths(a, b, PATH_TYPES, max_hops=2, timeout_s=10, as_of=day)
            )

        assert on(None) == [["甲", "CN9A", "乙"]]
        assert on(date(2021, 7, 1)) == [["甲", "CN9A", "乙"]]
        assert on(date(2020, 7, 1)) == [] and on(date(2022, 1, 1)) == []

    def test_a_path_through_a_hub_is_found_completely(self, store: GraphStore) -> None:
        """甲 -> CN0 -> hub IPC <- CN_B <- 乙, the hub classifying HUB_DEGREE patents whose
        ids sort before CN_B: the old walk cut the hub at 200 links and answered `partial`."""
        hub = "G06F16/00"
        store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, "d#1") for o in ("甲", "乙")])
        store.upsert_nodes(NodeLabel.IPC, [NodeRow(hub, {"level": "group"}, "d#1")])
        ids = [f"CN{n:07d}A" for n in range(HUB_DEGREE)] + ["CNZZZ"]
        store.upsert_nodes(PATENT, [NodeRow(i, {"title": i}, "d#1") for i in ids])
        store.upsert_edges(EdgeType.CLASSIFIED_AS, [EdgeRow(i, hub, {}, "d#1") for i in ids])
        store.upsert_edges(
            EdgeType.APPLICANT_OF,
            [EdgeRow("甲", ids[0], {}, "d#1"), EdgeRow("乙", "CNZZZ", {}, "d#1")],
        )
        found = store.shortest_paths(
            NodeKey(ORG, "甲"), NodeKey(ORG, "乙"), PATH_TYPES, max_hops=4, timeout_s=60
        )
        assert not found.timed_out
        assert _path_ids(found) == [["甲", ids[0], hub, "CNZZZ", "乙"]]


class TargetQueriesConformance:
    """TargetQueries: due diligence's aggregates over a target's patents."""

    def test_inventor_stats_merge_variants_and_count_citations(self, store: GraphStore) -> None:
        people = ["张伟@甲", "张伟@甲~2", "李娜@甲", "王强@乙"]
        store.upsert_nodes(
            NodeLabel.PERSON, [NodeRow(p, {"name": p.split("@")[0]}, "d#1") for p in people]
        )
        store.upsert_nodes(PATENT, [NodeRow(f"CN{n}A", {}, "d#1") for n in range(1, 6)])
        authored = [
            ("张伟@甲", 1),
            ("张伟@甲~2", 1),  # the same patent through the variant counts once
            ("张伟@甲~2", 2),
            ("李娜@甲", 2),
            ("王强@乙", 5),  # not a target patent
        ]
        store.upsert_edges(
            EdgeType.INVENTOR_OF, [EdgeRow(p, f"CN{n}A", {}, "d#1") for p, n in authored]
        )
        cites = [(3, 1), (4, 1), (5, 2), (1, 2)]
        store.upsert_edges(
            EdgeType.CITES, [EdgeRow(f"CN{a}A", f"CN{b}A", {}, "d#1") for a, b in cites]
        )
        ours = ["CN1A", "CN2A", "CN3A"]
        stats = store.inventor_stats(ours, 10)
        assert [(s.person, s.name, s.patents, s.citations) for s in stats] == [
            ("张伟@甲", "张伟", 2, 4),  # CN1A cited twice, CN2A twice
            ("李娜@甲", "李娜", 1, 2),
        ]
        assert store.inventor_stats(ours, 1) == stats[:1]
        assert store.inventor_stats([], 10) == []

    def test_outside_links_are_the_other_applicants(self, store: GraphStore) -> None:
        fx.load(store)
        # P3 is filed by A1 and B: from the group's side B is the only outside applicant.
        group = [fx.GROUP, fx.A1]
        links = store.outside_links(EdgeType.APPLICANT_OF, ["CN1000001A", "CN1000003U"], group)
        assert [(lk.src.id, lk.dst.id) for lk in links] == [(fx.B, "CN1000003U")]
        assert links[0].sources == [fx.SOURCE] and links[0].src_name == fx.B
        assert store.outside_links(EdgeType.APPLICANT_OF, [], group) == []


# The citation flows of AggregateQueriesConformance._citation_graph.
EXPECTED_FLOWS = [
    ("丙", "甲", 1),  # CN5->CN1
    ("乙", "甲", 2),  # CN4->CN1, CN3->CN2 (CN3 co-owned: 乙 and 甲 both cite)
    ("甲", "乙", 3),  # CN1->CN3, CN1->CN4, CN2->CN4
]


class AggregateQueriesConformance:
    """AggregateQueries: maintained in the write path, equal to what the edges say."""

    def test_is_an_aggregatequeries(self, store: GraphStore) -> None:
        assert isinstance(store, AggregateQueries)

    def _assert_match_edges(self, store: GraphStore, orgs: list[str], codes: list[str]) -> None:
        assert store.org_ipc_counts(orgs) == store.ipc_profiles(orgs)
        assert store.ipc_code_counts(codes) == store.ipc_shares(codes)

    def test_maintained_at_ingest_and_idempotent(self, store: GraphStore) -> None:
        fx.load(store)
        orgs, codes = [fx.A1, fx.B, fx.C], ["H04W72/04", "H04L5/00", "G06F16/36"]
        self._assert_match_edges(store, orgs, codes)
        assert [(s.code, s.patents) for s in store.org_ipc_counts([fx.A1])] == [
            ("H04L5/00", 1),
            ("H04W72/04", 2),
        ]
        fx.load(store)  # re-ingesting counts nothing twice
        self._assert_match_edges(store, orgs, codes)
        assert store.org_ipc_counts([]) == [] and store.ipc_code_counts([]) == []

    def test_portfolio_counts_give_the_kpis_of_the_rows(self, store: GraphStore) -> None:
        fx.load(store)
        orgs = group_members(store, fx.GROUP)
        facts = store.portfolio(orgs)
        rows = store.portfolio_counts(orgs)
        whole = [r for r in rows if r.owner is None]
        assert sum(r.patents for r in whole) == len({f.id for f in facts})
        assert kpis_from_counts(fx.GROUP, whole) == kpis(
            fx.GROUP, list({f.id: f for f in facts}.values())
        )
        for org in orgs:
            mine = [r for r in rows if r.owner == org]
            assert kpis_from_counts(org, mine) == kpis(org, [f for f in facts if f.owner == org])
        assert store.portfolio_counts([]) == []

    def test_concurrent_writers_of_the_same_patents_agree(self, store: GraphStore) -> None:
        # Shards on several machines write the same organisations, codes and patents at once:
        # every MERGE race is run again, and the maintained counts equal the edges after.
        orgs = ["甲", "乙"]
        facts = {"kind": "invention", "legal_status": "valid", "filing_date": "2020-01-01"}

        def shard(worker: int) -> None:
            for round_ in range(4):
                ids = [f"CN{round_}{n:03d}A" for n in range(40)]
                store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, f"w{worker}#1") for o in orgs])
                store.upsert_nodes(NodeLabel.IPC, [NodeRow("H01M", {}, f"w{worker}#1")])
                store.upsert_nodes(PATENT, [NodeRow(p, facts, f"w{worker}#1") for p in ids])
                store.upsert_edges(
                    EdgeType.APPLICANT_OF,
                    [EdgeRow(orgs[n % 2], p, {}, f"w{worker}#1") for n, p in enumerate(ids)],
                )
                store.upsert_edges(
                    EdgeType.CLASSIFIED_AS, [EdgeRow(p, "H01M", {}, f"w{worker}#1") for p in ids]
                )

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(shard, range(4)))
        assert store.portfolio_counts(orgs) == store.portfolio_counts(orgs, as_of=date(9999, 1, 1))
        assert sum(r.patents for r in store.portfolio_counts(orgs) if r.owner is None) == 160
        assert store.org_ipc_counts(orgs) == store.ipc_profiles(orgs)

    def test_portfolio_counts_follow_owners_and_facts(self, store: GraphStore) -> None:
        # The counts as read per patent from the edges (a day far ahead: every edge holds).
        def per_patent(orgs: list[str]) -> list[FactCount]:
            return store.portfolio_counts(orgs, as_of=date(9999, 1, 1))

        members, everyone = ["甲", "乙"], ["甲", "乙", "丙"]

        def check() -> None:
            for orgs in (members, everyone, ["乙"], ["丙"]):
                assert store.portfolio_counts(orgs) == per_patent(orgs)

        store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, "d#1") for o in everyone])
        facts = {"kind": "invention", "legal_status": "pending", "filing_date": "2021-03-01"}
        store.upsert_nodes(PATENT, [NodeRow(f"CN{n}A", facts, "d#1") for n in range(1, 5)])
        own = EdgeType.APPLICANT_OF
        store.upsert_edges(own, [EdgeRow("甲", f"CN{n}A", {}, "d#1") for n in range(1, 4)])
        check()
        # A co-owner inside the group, then one outside it, then both in one batch.
        store.upsert_edges(own, [EdgeRow("乙", "CN1A", {}, "d#2")])
        store.upsert_edges(own, [EdgeRow("丙", "CN2A", {}, "d#2")])
        store.upsert_edges(
            own, [EdgeRow("乙", "CN4A", {}, "d#3"), EdgeRow("丙", "CN4A", {}, "d#3")]
        )
        check()
        whole = [r for r in store.portfolio_counts(members) if r.owner is None]
        assert sum(r.patents for r in whole) == 4  # CN1A, co-owned by both, once
        # Facts change after the owners exist: granted, graded, a second time the same.
        granted = {"legal_status": "valid", "grade": "A"}
        for _ in range(2):
            store.upsert_nodes(PATENT, [NodeRow(p, granted, "d#4") for p in ("CN1A", "CN4A")])
            check()
        store.upsert_edges(own, [EdgeRow("乙", "CN1A", {}, "d#5")])  # re-ingest: no change
        check()
        store.rebuild_aggregates()
        check()

    def test_competitor_candidates_scored_from_the_profiles(self, store: GraphStore) -> None:
        fx.load(store)
        profile = {s.code: s.patents for s in store.ipc_profiles([fx.A1])}
        scored = store.competitor_candidates(profile, [fx.A1], 50)
        assert [c.org for c in scored] and fx.A1 not in [c.org for c in scored]
        for candidate in scored:
            theirs = {s.code: s.patents for s in store.ipc_profiles([candidate.org])}
            assert candidate.shared == sum(n for c, n in theirs.items() if c in profile)
            assert candidate.dot == sum(n * profile.get(c, 0) for c, n in theirs.items())
            assert candidate.norm_sq == sum(n * n for n in theirs.values())
        assert scored == sorted(scored, key=lambda c: (-c.shared, c.org))
        assert store.competitor_candidates(profile, [fx.A1], 1) == scored[:1]
        assert store.competitor_candidates({}, [], 5) == []

    def test_competitor_candidates_sought_through_some_codes(self, store: GraphStore) -> None:
        fx.load(store)
        profile = {s.code: s.patents for s in store.ipc_profiles([fx.A1])}
        seek = sorted(profile)[:1]
        scored = store.competitor_candidates(profile, [fx.A1], 50, seek=seek)
        assert scored
        for candidate in scored:
            theirs = {s.code: s.patents for s in store.ipc_profiles([candidate.org])}
            # Found and ranked through the sought codes, scored against the whole profile.
            assert candidate.shared == sum(n for c, n in theirs.items() if c in seek) > 0
            assert candidate.dot == sum(n * profile.get(c, 0) for c, n in theirs.items())

    def test_as_of_counts_ownership_on_its_days(self, store: GraphStore) -> None:
        store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, "d#1") for o in ("甲", "乙")])
        store.upsert_nodes(PATENT, [NodeRow("CN1A", {"kind": "invention"}, "d#1")])
        store.upsert_nodes(NodeLabel.IPC, [NodeRow("H01M", {}, "d#1")])
        store.upsert_edges(EdgeType.CLASSIFIED_AS, [EdgeRow("CN1A", "H01M", {}, "d#1")])
        store.upsert_edges(
            EdgeType.APPLICANT_OF,
            [
                EdgeRow("甲", "CN1A", {"from": "2020-01-01", "to": "2022-01-01"}, "d#1"),
                EdgeRow("乙", "CN1A", {"from": "2022-01-01"}, "d#1"),
            ],
        )
        both = ["甲", "乙"]

        def owners(day: date) -> list[tuple[str, int]]:
            return [(r.org, r.patents) for r in store.org_ipc_counts(both, as_of=day)]

        assert owners(date(2021, 1, 1)) == [("甲", 1)]
        assert owners(date(2023, 1, 1)) == [("乙", 1)]
        assert [(r.org, r.patents) for r in store.ipc_code_counts(["H01M"])] == [
            ("乙", 1),
            ("甲", 1),
        ]
        assert store.ipc_code_counts(["H01M"], as_of=date(2019, 1, 1)) == []
        counts = store.portfolio_counts(both, as_of=date(2021, 1, 1))
        assert [(r.owner, r.patents) for r in counts] == [(None, 1), ("甲", 1)]
        assert sum(r.patents for r in store.portfolio_counts(both)) == 3

    def test_either_edge_may_come_first_and_rebuild_agrees(self, store: GraphStore) -> None:
        store.upsert_nodes(ORG, [NodeRow(o, {"name": o}, "d#1") for o in ("甲", "乙")])
        store.upsert_nodes(PATENT, [NodeRow(p, {}, "d#1") for p in ("CN1A", "CN2A")])
        store.upsert_nodes(NodeLabel.IPC, [NodeRow(c, {}, "d#1") for c in ("H01M", "G06F")])
        # Codes before owners for CN1A, owners before codes for CN2A; a duplicate row too.
        store.upsert_edges(
            EdgeType.CLASSIFIED_AS,
            [EdgeRow("CN1A", "H01M", {}, "d#1"), EdgeRow("CN1A", "G06F", {}, "d#1")],
        )
        owners = [EdgeRow(o, p, {}, "d#1") for o in ("甲", "乙") for p in ("CN1A", "CN2A")]
        store.upsert_edges(EdgeType.APPLICANT_OF, [*owners, owners[0]])
        store.upsert_edges(EdgeType.CLASSIFIED_AS, [EdgeRow("CN2A", "H01M", {}, "d#1")])
        expected = [("乙", "G06F", 1), ("乙", "H01M", 2), ("甲", "G06F", 1), ("甲", "H01M", 2)]
        rows = store.org_ipc_counts(["甲", "乙"])
        assert [(r.org, r.code, r.patents) for r in rows] == expected
        assert store.rebuild_aggregates().org_ipc_rows == 4
        assert store.org_ipc_counts(["甲", "乙"]) == rows
        assert "OrgIpcCount" not in store.counts().nodes

    def _flows_from_edges(self, store: GraphStore, orgs: list[str]) -> list[tuple[str, str, int]]:
        """Citation flows counted the slow way: every CITES edge between owned patents."""
        owners: dict[str, set[str]] = {}
        patents: set[str] = set()
        for org in orgs:
            for patent in store.neighbours(EdgeType.APPLICANT_OF, org, Direction.OUT, 10_000):
                owners.setdefault(patent.id, set()).add(org)
                patents.add(patent.id)
        flows: dict[tuple[str, str], int] = {}
        for patent in sorted(patents):
            for cited in store.neighbours(EdgeType.CITES, patent, Direction.OUT, 10_000):
                for a in owners[patent]:
                    for b in owners.get(cited.id, set()):
                        if a != b:
                            flows[(a, b)] = flows.get((a, b), 0) + 1
        return sorted((a, b, n) for (a, b), n in flows.items())

    def _citation_graph(self, store: GraphStore, *, owners_first: bool) -> None:
        """甲 owns CN1, CN2; 乙 owns CN3 with 甲 (co-owned) and CN4; 丙 owns CN5.
        CN1->CN3, CN1->CN4, CN2->CN4, CN4->CN1, CN5->CN1, CN3->CN2."""
        store.upsert_nodes(ORG, [NodeRow(o, {"name": o + "公司"}, "d#1") for o in "甲乙丙"])
        store.upsert_nodes(PATENT, [NodeRow(f"CN{n}A", {}, "d#1") for n in range(1, 6)])
        owned = [("甲", 1), ("甲", 2), ("乙", 3), ("甲", 3), ("乙", 4), ("丙", 5)]
        cites = [(1, 3), (1, 4), (2, 4), (4, 1), (5, 1), (3, 2)]
        owner_rows = [EdgeRow(o, f"CN{n}A", {}, "d#1") for o, n in owned]
        cite_rows = [EdgeRow(f"CN{a}A", f"CN{b}A", {}, "d#1") for a, b in cites]
        if owners_first:
            store.upsert_edges(EdgeType.APPLICANT_OF, owner_rows)
            store.upsert_edges(EdgeType.CITES, cite_rows)
        else:
            # Citations first, then owners one by one and in a batch (both counting paths).
            store.upsert_edges(EdgeType.CITES, cite_rows)
            store.upsert_edges(EdgeType.APPLICANT_OF, owner_rows[:2])
            store.upsert_edges(EdgeType.APPLICANT_OF, owner_rows[2:])

    def test_citation_flows_maintained_at_ingest(self, store: GraphStore) -> None:
        for owners_first in (True, False):
            store.delete_all()
            self._citation_graph(store, owners_first=owners_first)
            rows = store.citation_flows(["甲"])
            assert [(f.src, f.dst, f.citations) for f in rows] == EXPECTED_FLOWS
            assert self._flows_from_edges(store, ["甲", "乙", "丙"]) == EXPECTED_FLOWS
            assert rows[0].src_name == "丙公司" and rows[0].dst_name == "甲公司"
            assert [(f.src, f.dst) for f in store.citation_flows(["丙"])] == [("丙", "甲")]
            self._citation_graph(store, owners_first=owners_first)  # re-ingest: no change
            assert store.citation_flows(["甲"]) == rows
            assert store.rebuild_aggregates().citation_flow_rows == 3
            assert store.citation_flows(["甲"]) == rows
        assert store.citation_flows([]) == []
        assert "OrgCitationFlow" not in store.counts().nodes

    def test_bulk_load_rebuilds_the_aggregates_at_the_end(self, store: GraphStore) -> None:
        with store.bulk_load():
            self._citation_graph(store, owners_first=False)
            fx.load(store)
        assert [(f.src, f.dst, f.citations) for f in store.citation_flows(["甲"])] == (
            EXPECTED_FLOWS
        )
        orgs, codes = [fx.A1, fx.B, fx.C], ["H04W72/04", "H04L5/00", "G06F16/36"]
        self._assert_match_edges(store, orgs, codes)
        # Counting edge by edge resumes after the bulk load.
        store.upsert_nodes(PATENT, [NodeRow("CN6A", {}, "d#1")])
        store.upsert_edges(EdgeType.APPLICANT_OF, [EdgeRow("丙", "CN6A", {}, "d#1")])
        store.upsert_edges(EdgeType.CITES, [EdgeRow("CN6A", "CN2A", {}, "d#1")])
        flows = [(f.src, f.dst, f.citations) for f in store.citation_flows(["丙"])]
        assert ("丙", "甲", 2) in flows


class GraphStoreConformance(
    GraphWriterConformance,
    GraphReaderConformance,
    PortfolioQueriesConformance,
    LedgerConformance,
    PathQueriesConformance,
    AggregateQueriesConformance,
    TargetQueriesConformance,
):
    """The whole GraphStore: every mixin above."""

    def test_is_a_graph_store(self, store: GraphStore) -> None:
        assert isinstance(store, GraphStore)
