"""The conformance suites on the embedded (SQLite) graph store and search index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedGraphStore, open_connection
from graph.model import EdgeRow, EdgeType, NodeKey, NodeLabel, NodeRow
from search.index.chinese import ChineseAnalyzer
from search.index.embedded_index import EmbeddedSearchIndex
from tests.conformance.graph_store_suite import GraphStoreConformance
from tests.conformance.search_index_suite import SearchIndexConformance


class TestEmbeddedGraphStore(GraphStoreConformance):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[EmbeddedGraphStore]:
        store = EmbeddedGraphStore(open_connection(str(tmp_path / "graph.sqlite3")))
        store.ensure_schema()
        yield store
        store.close()


class TestEmbeddedSearchIndex(SearchIndexConformance):
    @pytest.fixture
    def index(self, tmp_path: Path, analyzer: ChineseAnalyzer) -> Iterator[EmbeddedSearchIndex]:
        index = EmbeddedSearchIndex(open_connection(str(tmp_path / "search.sqlite3")), analyzer)
        index.ensure_index()
        yield index
        index.close()


@pytest.mark.parametrize(
    ("graph_backend", "index_backend", "expected"),
    [
        ("production", "embedded", ("Neo4jGraphStore", "EmbeddedSearchIndex")),
        ("embedded", "production", ("EmbeddedGraphStore", "ElasticsearchIndex")),
        (None, None, ("EmbeddedGraphStore", "EmbeddedSearchIndex")),
    ],
)
def test_each_store_has_its_own_backend_setting(
    tmp_path: Path, graph_backend: str | None, index_backend: str | None, expected: tuple[str, str]
) -> None:
    """E.g. Neo4j with the embedded index; constructors do no I/O, so no server is needed."""
    from config.settings import Settings
    from stores.backends import open_stores

    settings = Settings.model_validate(
        {"data_dir": tmp_path, "graph_backend": graph_backend, "index_backend": index_backend}
    )
    with open_stores(settings) as stores:
        assert (type(stores.graph).__name__, type(stores.index).__name__) == expected


def test_expand_more_nodes_than_sqlite_binds(tmp_path: Path) -> None:
    # Many SQLite builds bind at most 32,766 values per statement (this one: 250,000); a
    # group's 38,000 patents in due diligence must still expand. Lowered here to 1,000.
    connection = open_connection(str(tmp_path / "graph.sqlite3"))
    connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 1_000)
    store = EmbeddedGraphStore(connection)
    store.ensure_schema()
    ids = [f"CN{n}A" for n in range(3_000)]
    store.upsert_nodes(NodeLabel.ORGANIZATION, [NodeRow("甲", {"name": "甲"}, "d#1")])
    store.upsert_nodes(NodeLabel.PATENT, [NodeRow(p, {}, "d#1") for p in ids])
    store.upsert_edges(EdgeType.LICENSED_TO, [EdgeRow(p, "甲", {}, "d#1") for p in ids])
    links = store.expand([NodeKey(NodeLabel.PATENT, p) for p in ids], {EdgeType.LICENSED_TO}, 5)
    assert sorted(link.src.id for link in links) == sorted(ids)
    store.close()
