"""Behaviour every GraphStore must show. A test module subclasses `GraphStoreConformance` and
provides a `store` fixture that yields an empty, schema-ready store."""

from __future__ import annotations

from graph import EdgeRow, EdgeType, GraphStore, NodeLabel, NodeRow


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


class GraphStoreConformance:
    def test_is_a_graph_store(self, store: GraphStore) -> None:
        assert isinstance(store, GraphStore)

    def test_schema_step_is_idempotent(self, store: GraphStore) -> None:
        store.ensure_schema()
        store.ensure_schema()
        assert store.counts().nodes == {}

    def test_patent_view_has_ordered_neighbours(self, store: GraphStore) -> None:
        _load_small_graph(store)
        view = store.get_patent("CN115000001A")
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
        view = store.get_patent("CN202210000001.0")
        assert view is not None and view.id == "CN115000001A"

    def test_unknown_patent_is_none(self, store: GraphStore) -> None:
        _load_small_graph(store)
        assert store.get_patent("CN999999999A") is None

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
        view = store.get_patent("CN115000001A")
        assert view is not None and view.sources == ["doc1#1"]

    def test_properties_merge_and_provenance_accumulates(self, store: GraphStore) -> None:
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN1A", "doc1#1")])
        store.upsert_nodes(
            NodeLabel.PATENT, [NodeRow("CN1A", {"title": "新标题", "country": "CN"}, "doc2#7")]
        )
        view = store.get_patent("CN1A")
        assert view is not None
        assert view.props["title"] == "新标题"
        assert view.props["kind"] == "invention"  # kept from the first write
        assert view.props["country"] == "CN"
        assert view.sources == ["doc1#1", "doc2#7"]

    def test_edges_to_missing_nodes_are_not_created(self, store: GraphStore) -> None:
        store.upsert_nodes(NodeLabel.PATENT, [_patent("CN1A")])
        store.upsert_edges(EdgeType.APPLICANT_OF, [EdgeRow("不存在的公司", "CN1A", {}, "d#1")])
        assert store.counts().edges == {}
        view = store.get_patent("CN1A")
        assert view is not None and view.applicants == []

    def test_delete_all_empties_the_store(self, store: GraphStore) -> None:
        _load_small_graph(store)
        store.delete_all()
        assert store.counts().nodes == {}
        assert store.counts().edges == {}

    def test_ping_answers(self, store: GraphStore) -> None:
        store.ping()
