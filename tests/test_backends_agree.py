"""Embedded and production backends give the same answers on the same data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from neo4j import Driver

from config.backends import Stores, open_stores
from config.settings import Settings
from ingest.pipeline import ingest_paths
from search_api.index.protocol import SearchQuery
from tests.conftest import SAMPLE_PATENTS, production_settings

pytestmark = pytest.mark.integration

QUERIES = [
    "锂离子电池",
    "电池 安全",
    "波束赋形",
    "5G NR",
    "国家电网 巡检",
    "比亚迪",
    "催化剂 脱硫",
    "燃料电池 双极板",
    "不存在的技术词汇",
    "一种",
]


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, es_client: Elasticsearch, neo4j_driver: Driver
) -> Iterator[tuple[Stores, Stores]]:
    workdir = tmp_path_factory.mktemp("agree")
    embedded = open_stores(Settings(data_dir=workdir / "embedded"))
    production = open_stores(production_settings(index_prefix="test-agree-"))
    production.graph.delete_all()
    production.index.delete_all()
    for stores in (embedded, production):
        ingest_paths([SAMPLE_PATENTS], stores.graph, stores.index, workdir / "dead-letter")
    yield embedded, production
    production.graph.delete_all()
    production.index.delete_all()
    embedded.close()
    production.close()


@pytest.mark.parametrize("text", QUERIES)
def test_same_hits_totals_and_highlights(both: tuple[Stores, Stores], text: str) -> None:
    embedded, production = (s.index.search(SearchQuery(text, size=50)) for s in both)
    assert embedded.tokens == production.tokens
    assert embedded.total == production.total
    # Relevance scores differ (BM25 statistics are per engine); the hits and what they show do not.
    assert {h.id: (h.document, h.highlights) for h in embedded.hits} == {
        h.id: (h.document, h.highlights) for h in production.hits
    }


def test_same_graph(both: tuple[Stores, Stores]) -> None:
    embedded, production = both
    assert embedded.graph.counts() == production.graph.counts()
    for patent_id in ("CN115000001A", "CN216000003U", "CN115000014A", "CN202210000011.4"):
        view = embedded.graph.get_patent(patent_id)
        assert view is not None
        assert view == production.graph.get_patent(patent_id)
