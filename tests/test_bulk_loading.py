"""`SearchIndex.bulk_loading` on both backends: documents written inside are all searchable
when it ends, and Elasticsearch is back on the template's refresh and replica settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.index.elasticsearch_index import ElasticsearchIndex
from search.index.protocol import IndexDocument, SearchQuery
from search.query import parse_query
from stores.backends import Stores
from tests.conftest import BACKENDS, backend_stores

DOCUMENTS = [
    IndexDocument(id=f"CN11500000{n}A", title=f"一种固态电解质及其制备方法{n}") for n in range(5)
]


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str) -> Iterator[Stores]:
    with backend_stores(request, tmp_path, index_prefix) as opened:
        yield opened


def _settings(es: Elasticsearch, index: ElasticsearchIndex) -> dict[str, str]:
    settings = es.indices.get_settings(index=index.index_name)[index.index_name]["settings"][
        "index"
    ]
    return {k: settings.get(k) for k in ("refresh_interval", "number_of_replicas")}


def test_a_bulk_load_is_searchable_when_it_ends(
    stores: Stores, request: pytest.FixtureRequest
) -> None:
    index = stores.index

    def es_settings() -> dict[str, str] | None:
        if not isinstance(index, ElasticsearchIndex):
            return None  # the embedded index has no settings to change
        es: Elasticsearch = request.getfixturevalue("es_client")
        return _settings(es, index)

    index.ensure_index()  # as ingest does before a load (emptying the servers drops the index)
    with index.bulk_loading():
        assert es_settings() in (None, {"refresh_interval": "-1", "number_of_replicas": "0"})
        index.upsert(DOCUMENTS[:3])
        index.upsert(DOCUMENTS[3:])
    found = index.search(SearchQuery(query=parse_query("固态电解质"), size=10))
    assert sorted(hit.id for hit in found.hits) == sorted(d.id for d in DOCUMENTS)
    # The template's settings (config/elasticsearch/patents.index-template.json).
    assert es_settings() in (None, {"refresh_interval": "1s", "number_of_replicas": "0"})
