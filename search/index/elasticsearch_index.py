"""SearchIndex on Elasticsearch 8 through the official client.

The physical index is versioned (`{prefix}patents-v1`) behind the alias `{prefix}patents`, so a
mapping change can be rolled out by building v2 and moving the alias.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import structlog
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch import ConnectionError as ESConnectionError

from config.settings import PATENT_INDEX_TEMPLATE
from search.errors import SearchError, SearchUnavailableError
from search.index.chinese import ChineseAnalyzer
from search.index.compile_common import segmented_fields
from search.index.cursor import decode_cursor, encode_cursor
from search.index.elasticsearch_query import QueryCompiler, facet_aggregations, sort_clause
from search.index.protocol import (
    MAX_TRACKED_TOTAL,
    FacetBucket,
    IndexDocument,
    SearchHit,
    SearchPage,
    SearchQuery,
    WriteReport,
)

log = structlog.get_logger(__name__)
INDEX_VERSION = 1
_DOC_FIELDS = {f.name for f in dataclasses.fields(IndexDocument)}


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except (ESConnectionError, TransportError) as exc:
        raise SearchUnavailableError(
            "Elasticsearch cannot be reached", detail={"reason": str(exc)}
        ) from exc
    except ApiError as exc:
        if exc.meta.status in (401, 403, 503):
            raise SearchUnavailableError(
                "Elasticsearch refused the request", detail={"status": exc.meta.status}
            ) from exc
        raise SearchError(
            "Elasticsearch rejected the request",
            detail={"status": exc.meta.status, "error": str(exc.message)},
        ) from exc


class ElasticsearchIndex:
    """Takes a ready client and the shared analyzer; does no I/O in the constructor."""

    def __init__(
        self,
        client: Elasticsearch,
        analyzer: ChineseAnalyzer,
        *,
        prefix: str = "ipgraph-",
        template_path: Path = PATENT_INDEX_TEMPLATE,
    ) -> None:
        self._es = client
        self._analyzer = analyzer
        self._compiler = QueryCompiler(analyzer)
        self.alias = f"{prefix}patents"
        self.index_name = f"{self.alias}-v{INDEX_VERSION}"
        self._template_name = f"{prefix}patents"
        self._template_path = template_path

    def ensure_index(self) -> None:
        template = json.loads(self._template_path.read_text(encoding="utf-8"))
        template.pop("_comment", None)
        with _translated_errors():
            self._es.indices.put_index_template(
                name=self._template_name, index_patterns=[f"{self.alias}-v*"], **template
            )
            if not self._es.indices.exists(index=self.index_name):
                self._es.indices.create(index=self.index_name, aliases={self.alias: {}})
                log.info("es_index_created", index=self.index_name, alias=self.alias)
            else:
                # Fields added to the template since the index was made (e.g. `grade`) are
                # added to it; existing fields are unchanged (a changed one is a new version).
                properties = template["template"]["mappings"]["properties"]
                self._es.indices.put_mapping(index=self.index_name, properties=properties)
                if not self._es.indices.exists_alias(name=self.alias, index=self.index_name):
                    self._es.indices.put_alias(index=self.index_name, name=self.alias)

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        actions = (
            {"_op_type": "index", "_index": self.alias, "_id": d.id, "_source": self._source(d)}
            for d in documents
        )
        written, failed = 0, {}
        with _translated_errors():
            for ok, item in helpers.streaming_bulk(
                self._es,
                actions,
                chunk_size=500,
                max_retries=3,
                initial_backoff=1,
                raise_on_error=False,
                raise_on_exception=True,
            ):
                if ok:
                    written += 1
                else:
                    result = item["index"]
                    failed[str(result.get("_id"))] = json.dumps(
                        result.get("error"), ensure_ascii=False
                    )
            self._es.indices.refresh(index=self.alias)
        if failed:
            log.warning("es_documents_rejected", count=len(failed), index=self.alias)
        return WriteReport(written=written, failed=failed)

    def _source(self, doc: IndexDocument) -> dict[str, Any]:
        source = {k: v for k, v in doc.stored().items() if v is not None}
        source["ipc_subclasses"] = doc.ipc_subclasses
        if doc.filing_year:
            source["filing_year"] = doc.filing_year
        for name, tokens in segmented_fields(self._analyzer, doc).items():
            source[f"{name}_seg"] = tokens
        return source

    def search(self, query: SearchQuery) -> SearchPage:
        body = self.request_body(query)
        with _translated_errors():
            response = self._es.search(index=self.alias, **body)
        return self._page(query, response)

    def request_body(self, query: SearchQuery) -> dict[str, Any]:
        """The keyword arguments of the `search` call for `query` (benchmarks replay them)."""
        body: dict[str, Any] = {
            "query": self._compiler.query(query.query, query.filters),
            "highlight": self._compiler.highlight(query.query),
            "sort": sort_clause(query.sort),
            "track_scores": True,
            "track_total_hits": MAX_TRACKED_TOTAL,
            "size": query.size,
            "source_excludes": ["*_seg", "ipc_subclasses", "filing_year"],
        }
        if query.after is not None:
            body["search_after"] = decode_cursor(query.after, query.sort, arity=2)
        else:
            body["from_"] = query.offset
        if query.facets:
            body["aggs"] = facet_aggregations()
        return body

    def _page(self, query: SearchQuery, response: Any) -> SearchPage:
        raw_hits = response["hits"]["hits"]
        hits = [
            SearchHit(
                id=h["_id"],
                score=float(h["_score"] or 0.0),
                document=_document(h["_source"]),
                highlights={k: _merge_adjacent(v[0]) for k, v in h.get("highlight", {}).items()},
            )
            for h in raw_hits
        ]
        total = response["hits"]["total"]
        next_cursor = (
            encode_cursor(query.sort, raw_hits[-1]["sort"])
            if raw_hits and len(raw_hits) == query.size
            else None
        )
        return SearchPage(
            total=int(total["value"]),
            total_is_exact=total["relation"] == "eq",
            hits=hits,
            facets=_facets(response.get("aggregations", {})),
            next_cursor=next_cursor,
        )

    def get(self, document_id: str) -> IndexDocument | None:
        with _translated_errors():
            response = self._es.options(ignore_status=404).get(
                index=self.alias,
                id=document_id,
                source_excludes=["*_seg", "ipc_subclasses", "filing_year"],
            )
        return _document(response["_source"]) if response.get("found") else None

    def count(self) -> int:
        with _translated_errors():
            return int(self._es.count(index=self.alias)["count"])

    def ping(self) -> None:
        with _translated_errors():
            self._es.cluster.health(timeout="5s")

    def server_version(self) -> str:
        with _translated_errors():
            nodes = self._es.nodes.info(node_id="_local", metric="_none")
        node = next(iter(nodes["nodes"].values()))
        return f"Elasticsearch {node['version']}"

    def delete_all(self) -> None:
        with _translated_errors():
            # Deleting by wildcard is refused by default (action.destructive_requires_name).
            for name in self._es.indices.get(index=f"{self.alias}-v*", allow_no_indices=True):
                self._es.indices.delete(index=name)
            self._es.options(ignore_status=404).indices.delete_index_template(
                name=self._template_name
            )

    def close(self) -> None:
        self._es.close()


def _document(source: dict[str, Any]) -> IndexDocument:
    return IndexDocument(**{k: v for k, v in source.items() if k in _DOC_FIELDS})


def _facets(aggregations: dict[str, Any]) -> dict[str, list[FacetBucket]]:
    return {
        name: [FacetBucket(str(b["key"]), int(b["doc_count"])) for b in agg["buckets"]]
        for name, agg in aggregations.items()
    }


def _merge_adjacent(fragment: str) -> str:
    # The standard analyzer makes one token per CJK character, so a highlighted word arrives as
    # <em>锂</em><em>电</em><em>池</em>; join those runs into one <em>锂电池</em>.
    return fragment.replace("</em><em>", "")
