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
from search.index.protocol import SearchQuery
from tests.conformance.graph_store_suite import GraphStoreConformance
from tests.conformance.search_index_suite import DOCS, SearchIndexConformance

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

    def test_scan_closes_its_point_in_time(
        self, index: ElasticsearchIndex, es_client: Elasticsearch
    ) -> None:
        index.upsert(DOCS)
        before = _open_search_contexts(es_client)
        finished = list(index.scan(SearchQuery(query=None), page_size=2))
        abandoned = index.scan(SearchQuery(query=None), page_size=1)
        next(abandoned)
        assert _open_search_contexts(es_client) > before  # the walk holds a point in time
        abandoned.close()  # as when an export's client disconnects
        assert len(finished) == len(DOCS)
        assert _open_search_contexts(es_client) == before

    def test_bulk_load_restores_refresh_and_replicas(
        self, index: ElasticsearchIndex, es_client: Elasticsearch
    ) -> None:
        es_client.indices.put_settings(
            index=index.index_name, settings={"index": {"refresh_interval": "5s"}}
        )
        index.bulk_load(iter(DOCS))
        settings = es_client.indices.get_settings(index=index.index_name, flat_settings=True)
        values = settings[index.index_name]["settings"]
        assert values["index.refresh_interval"] == "5s"
        assert values["index.number_of_replicas"] == "0"  # single node: the template's value
        assert "index.translog.durability" not in values  # back to the default (request)
        assert index.count() == len(DOCS)


def _open_search_contexts(client: Elasticsearch) -> int:
    stats = client.nodes.stats(metric="indices", index_metric="search")
    return sum(n["indices"]["search"]["open_contexts"] for n in stats["nodes"].values())


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
