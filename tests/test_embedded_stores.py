"""The conformance suites on the embedded (SQLite) graph store and search index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedGraphStore, open_connection
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
