"""The conformance suites on a real Neo4j and a real Elasticsearch (`ipgraph services up`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from neo4j import Driver

from graph.neo4j_store import Neo4jGraphStore
from search.errors import SearchAliasTakenError
from search.index.chinese import ChineseAnalyzer
from search.index.elasticsearch_index import ElasticsearchIndex
from tests.conformance.graph_store_suite import GraphStoreConformance
from tests.conformance.search_index_suite import SearchIndexConformance

pytestmark = pytest.mark.integration


class TestNeo4jGraphStore(GraphStoreConformance):
    @pytest.fixture
    def store(self, neo4j_driver: Driver) -> Iterator[Neo4jGraphStore]:
        # The community edition has one user database: tests take turns on it, emptied first.
        store = Neo4jGraphStore(neo4j_driver)
        store.delete_all()
        store.ensure_schema()
        yield store
        store.delete_all()


class TestElasticsearchIndex(SearchIndexConformance):
    @pytest.fixture
    def index(
        self, es_client: Elasticsearch, analyzer: ChineseAnalyzer, index_prefix: str
    ) -> Iterator[ElasticsearchIndex]:
        index = ElasticsearchIndex(es_client, analyzer, prefix=index_prefix)
        index.ensure_index()
        yield index
        index.delete_all()

    def test_index_is_versioned_behind_an_alias(
        self, index: ElasticsearchIndex, es_client: Elasticsearch
    ) -> None:
        aliases = es_client.indices.get_alias(name=index.alias)
        assert list(aliases) == [index.index_name]
        assert index.index_name.endswith("-v1")

    def test_mapping_uses_only_core_analyzers(
        self, index: ElasticsearchIndex, es_client: Elasticsearch
    ) -> None:
        mapping = es_client.indices.get_mapping(index=index.alias)[index.index_name]["mappings"]
        assert mapping["properties"]["title_seg"]["analyzer"] == "whitespace"
        assert mapping["properties"]["title"]["analyzer"] == "standard"
        assert mapping["dynamic"] == "strict"


def test_an_index_named_like_the_alias_is_refused_with_a_code_and_kept(
    es_client: Elasticsearch, analyzer: ChineseAnalyzer, index_prefix: str
) -> None:
    index = ElasticsearchIndex(es_client, analyzer, prefix=index_prefix)
    es_client.indices.create(index=index.alias)  # e.g. left by a tool that knew no aliases
    try:
        with pytest.raises(SearchAliasTakenError) as refused:
            index.ensure_index()
        assert refused.value.code == "SEARCH_ALIAS_TAKEN"
        assert refused.value.detail == {"index": index.alias}
        assert es_client.indices.exists(index=index.alias)
        assert not es_client.indices.exists(index=index.index_name)
    finally:
        es_client.indices.delete(index=index.alias)
