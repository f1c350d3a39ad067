"""Behaviour every GraphStore must show, one mixin per protocol of graph/store.py. A test module
subclasses `GraphStoreConformance` (or the mixin of the one protocol a new store implements)
and provides a `store` fixture that yields an empty, schema-ready store."""

from __future__ import annotations

from graph import EdgeRow, EdgeType, GraphStore, NodeLabel, NodeRow
from graph.entity_pages import node_view, organization_view, patent_view, person_view
from graph.groups import group_members
from graph.model import Direction, NodeKey
from graph.store import GraphReader, GraphWriter, PortfolioQueries
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


class GraphStoreConformance(
    GraphWriterConformance,
    GraphReaderConformance,
    PortfolioQueriesConformance,
    LedgerConformance,
):
    """The whole GraphStore: every mixin above."""

    def test_is_a_graph_store(self, store: GraphStore) -> None:
        assert isinstance(store, GraphStore)
