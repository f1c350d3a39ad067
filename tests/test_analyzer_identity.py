"""An index records the analyzer that segmented it, on both backends, and refuses to be read or
written by another: its word tokens would not match the queries' (docs/INGEST_SCALE.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from config.settings import DEFAULT_USER_DICTIONARY
from graph.embedded_store import open_connection
from search.errors import AnalyzerMismatchError
from search.index.chinese import TOKENIZER_NAME, ChineseAnalyzer
from search.index.elasticsearch_index import ElasticsearchIndex
from search.index.embedded_index import EmbeddedSearchIndex
from search.index.protocol import IndexDocument, SearchQuery
from search.query import parse_query

DOCUMENT = IndexDocument(id="CN115000001A", title="一种固态电解质及其制备方法")
Index = EmbeddedSearchIndex | ElasticsearchIndex
OpenIndex = Callable[[ChineseAnalyzer], Index]


class JiebaAnalyzer(ChineseAnalyzer):
    """An analyzer that says it is jieba's: what an index built before the switch records."""

    @property
    def identity(self) -> dict[str, str]:
        return {**super().identity, "name": "jieba", "version": "0.42.1"}


@pytest.fixture(params=["embedded", pytest.param("servers", marks=pytest.mark.integration)])
def open_index(
    request: pytest.FixtureRequest, tmp_path: Path, index_prefix: str
) -> Iterator[OpenIndex]:
    """`open_index(analyzer)`: the same physical index (a file, or an ES prefix) each time."""
    opened: list[Index] = []
    es: Elasticsearch | None = (
        request.getfixturevalue("es_client") if request.param == "servers" else None
    )

    def build(analyzer: ChineseAnalyzer) -> Index:
        index: Index
        if es is None:
            index = EmbeddedSearchIndex(open_connection(str(tmp_path / "search.sqlite3")), analyzer)
        else:
            index = ElasticsearchIndex(es, analyzer, prefix=index_prefix)
        opened.append(index)
        return index

    yield build
    if es is not None and opened:
        opened[0].delete_all()


def test_an_index_records_its_analyzer(open_index: OpenIndex) -> None:
    analyzer = ChineseAnalyzer(DEFAULT_USER_DICTIONARY)
    index = open_index(analyzer)
    index.ensure_index()
    assert index.recorded_analyzer() == analyzer.identity
    assert analyzer.identity["name"] == TOKENIZER_NAME


def test_an_index_with_documents_refuses_another_analyzer(open_index: OpenIndex) -> None:
    mine = open_index(ChineseAnalyzer(DEFAULT_USER_DICTIONARY))
    mine_identity = ChineseAnalyzer(DEFAULT_USER_DICTIONARY).identity
    mine.ensure_index()
    mine.upsert([DOCUMENT])
    with pytest.raises(AnalyzerMismatchError) as refused:
        open_index(JiebaAnalyzer(DEFAULT_USER_DICTIONARY)).ensure_index()
    assert refused.value.code == "SEARCH_ANALYZER_MISMATCH"
    assert refused.value.detail["recorded"] == {**mine_identity}
    assert refused.value.detail["current"] == JiebaAnalyzer(DEFAULT_USER_DICTIONARY).identity
    again = open_index(ChineseAnalyzer(DEFAULT_USER_DICTIONARY))
    again.ensure_index()  # its own analyzer still opens it, documents intact
    assert again.search(SearchQuery(query=parse_query("固态电解质"))).total == 1


def test_an_empty_index_takes_the_analyzer_that_opens_it(open_index: OpenIndex) -> None:
    open_index(JiebaAnalyzer(DEFAULT_USER_DICTIONARY)).ensure_index()
    analyzer = ChineseAnalyzer(DEFAULT_USER_DICTIONARY)
    index = open_index(analyzer)
    index.ensure_index()
    assert index.recorded_analyzer() == analyzer.identity
