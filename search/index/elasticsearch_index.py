"""SearchIndex on Elasticsearch 8 through the official client.

The physical index is versioned (`{prefix}patents-v1`) behind the alias `{prefix}patents`, so a
mapping change can be rolled out by building v2 and moving the alias.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import structlog
from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError, helpers
from elasticsearch import ConnectionError as ESConnectionError

from config.settings import PATENT_INDEX_TEMPLATE
from search.errors import (
    SearchAliasTakenError,
    SearchError,
    SearchUnavailableError,
    check_analyzer,
)
from search.index.chinese import ChineseAnalyzer
from search.index.compile_common import query_number_keys, segmented_fields
from search.index.cursor import decode_cursor, encode_cursor
from search.index.elasticsearch_query import (
    QueryCompiler,
    facet_aggregations,
    filter_clauses,
    sort_clause,
)
from search.index.highlights import Highlighter
from search.index.protocol import (
    SIMILAR_FIELDS,
    SIMILAR_MAX_TERMS,
    FacetBucket,
    IndexDocument,
    SearchHit,
    SearchPage,
    SearchQuery,
    SimilarPage,
    SimilarQuery,
    WriteReport,
)
from search.index.similar_terms import source_frequencies, top_terms

log = structlog.get_logger(__name__)
INDEX_VERSION = 1
# Bulk loading: documents per request and requests in flight.
BULK_CHUNK = 1000
BULK_THREADS = 2
_BULK_SETTINGS: dict[str, Any] = {
    "refresh_interval": "-1",
    "number_of_replicas": 0,
    "translog.durability": "async",
}
# Export walks: hits per page, and how long a point in time lives between two pages.
SCAN_PAGE_SIZE = 1000
PIT_KEEP_ALIVE = "2m"
_DOC_FIELDS = {f.name for f in dataclasses.fields(IndexDocument)}
# Fields the index derives from a document (not returned).
_DERIVED = ["*_seg", "ipc_subclasses", "filing_year", "numbers"]


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
        self._bulk_loads = 0  # open bulk_loading blocks (upserts skip their refresh)
        self._bulk_lock = threading.Lock()

    def ensure_index(self) -> None:
        template = json.loads(self._template_path.read_text(encoding="utf-8"))
        template.pop("_comment", None)
        meta = {"analyzer": self._analyzer.identity}
        with _translated_errors():
            self._refuse_an_index_named_like_the_alias()
            self._es.indices.put_index_template(
                name=self._template_name, index_patterns=[f"{self.alias}-v*"], **template
            )
            if not self._es.indices.exists(index=self.index_name) and self._create(meta):
                log.info("es_index_created", index=self.index_name, alias=self.alias)
            else:
                self._check_analyzer()
                # Fields added to the template since the index was made (e.g. `grade`) are
                # added to it; existing fields are unchanged (a changed one is a new version).
                properties = template["template"]["mappings"]["properties"]
                self._es.indices.put_mapping(
                    index=self.index_name, properties=properties, meta=meta
                )
                if not self._es.indices.exists_alias(name=self.alias, index=self.index_name):
                    self._es.indices.put_alias(index=self.index_name, name=self.alias)

    def _refuse_an_index_named_like_the_alias(self) -> None:
        # Elasticsearch would answer creating the alias with a bare 400; the index is not ours
        # to remove, so say what is in the way.
        if self._es.indices.exists(index=self.alias) and not self._es.indices.exists_alias(
            name=self.alias
        ):
            raise SearchAliasTakenError(
                f"an index named {self.alias!r} exists where ipgraph reaches its versioned"
                " indices through an alias of that name; rename or remove that index, or set"
                " another index name",
                detail={"index": self.alias},
            )

    def _create(self, meta: dict[str, Any]) -> bool:
        """Create the versioned index with its alias; False when another process (a shard
        starting at the same time) created it first."""
        try:
            self._es.indices.create(
                index=self.index_name, aliases={self.alias: {}}, mappings={"_meta": meta}
            )
        except BadRequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise
            return False
        return True

    def _check_analyzer(self) -> None:
        """An index with documents must have been segmented by this analyzer; an empty one
        simply takes it over."""
        mapping = self._es.indices.get_mapping(index=self.index_name)[self.index_name]
        recorded = mapping["mappings"].get("_meta", {}).get("analyzer")
        if self._count_when_ready() > 0:
            check_analyzer(recorded, self._analyzer.identity, self.index_name)

    def _count_when_ready(self, attempts: int = 50, pause_s: float = 0.2) -> int:
        """The index's document count. An index another process (a shard starting at the same
        time) has just created answers 503 no_shard_available until its primary has started,
        even after cluster health says yellow: ask again for a few seconds."""
        for _ in range(attempts - 1):
            try:
                return int(self._es.count(index=self.index_name)["count"])
            except ApiError as exc:
                if exc.meta.status != 503:
                    raise
                time.sleep(pause_s)
        return int(self._es.count(index=self.index_name)["count"])

    def recorded_analyzer(self) -> dict[str, str] | None:
        """The analyzer the index records (None when it records none)."""
        with _translated_errors():
            mapping = self._es.indices.get_mapping(index=self.index_name)[self.index_name]
        found = mapping["mappings"].get("_meta", {}).get("analyzer")
        return dict(found) if isinstance(found, dict) else None

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        with _translated_errors():
            written, failed = self._stream((self._action(d) for d in documents), chunk_size=500)
            if not self._bulk_loads:
                self._es.indices.refresh(index=self.alias)
        if failed:
            log.warning("es_documents_rejected", count=len(failed), index=self.alias)
        return WriteReport(written=written, failed=failed)

    def bulk_load(self, documents: Iterable[IndexDocument]) -> WriteReport:
        """Write many documents fast: refresh off, no replicas and the translog synced in the
        background while loading (the previous settings restored after, also on failure),
        `BULK_THREADS` bulk requests in flight; visible on return."""
        with _translated_errors():
            previous = self._load_settings()
            self._es.indices.put_settings(
                index=self.index_name,
                settings={"index": _BULK_SETTINGS},
            )
            try:
                written, failed = self._bulk_in_threads(iter(documents))
            finally:
                self._es.indices.put_settings(index=self.index_name, settings={"index": previous})
            self._es.indices.refresh(index=self.alias)
        if failed:
            log.warning("es_documents_rejected", count=len(failed), index=self.alias)
        return WriteReport(written=written, failed=failed)

    def _load_settings(self) -> dict[str, Any]:
        """The index's current values of the bulk settings (None: the default, which is what
        putting None back restores)."""
        response = self._es.indices.get_settings(index=self.index_name, flat_settings=True)
        current = response[self.index_name]["settings"]
        return {name: current.get(f"index.{name}") for name in _BULK_SETTINGS}

    def _bulk_in_threads(self, documents: Iterator[IndexDocument]) -> tuple[int, dict[str, str]]:
        # Each thread runs streaming_bulk (with its retries) over the one shared iterator, so
        # that one request is sent while the next chunk is being serialised.
        lock = threading.Lock()

        def actions() -> Iterator[dict[str, Any]]:
            while True:
                with lock:
                    document = next(documents, None)
                if document is None:
                    return
                yield self._action(document)

        def run() -> tuple[int, dict[str, str]]:
            return self._stream(actions(), chunk_size=BULK_CHUNK)

        with ThreadPoolExecutor(BULK_THREADS) as pool:
            results = [f.result() for f in [pool.submit(run) for _ in range(BULK_THREADS)]]
        return sum(w for w, _ in results), {k: v for _, f in results for k, v in f.items()}

    def _action(self, doc: IndexDocument) -> dict[str, Any]:
        return {
            "_op_type": "index",
            "_index": self.alias,
            "_id": doc.id,
            "_source": self._source(doc),
        }

    def _stream(
        self, actions: Iterable[dict[str, Any]], chunk_size: int
    ) -> tuple[int, dict[str, str]]:
        written, failed = 0, {}
        for ok, item in helpers.streaming_bulk(
            self._es,
            actions,
            chunk_size=chunk_size,
            max_retries=3,
            initial_backoff=1,
            raise_on_error=False,
            raise_on_exception=True,
        ):
            if ok:
                written += 1
            else:
                result = item["index"]
                failed[str(result.get("_id"))] = json.dumps(result.get("error"), ensure_ascii=False)
        return written, failed

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """Refresh off and no replicas while loading; then the template's settings again (the
        configuration is what an index returns to, so processes loading shards of one input
        in parallel cannot leave it with another's bulk settings) and one refresh."""
        with self._bulk_lock:
            self._bulk_loads += 1
            if self._bulk_loads == 1:
                self._put_settings({"refresh_interval": "-1", "number_of_replicas": 0})
        try:
            yield
        finally:
            with self._bulk_lock:
                self._bulk_loads -= 1
                if self._bulk_loads == 0:
                    settings = self._template_settings()
                    self._put_settings(
                        {
                            "refresh_interval": settings.get("refresh_interval", "1s"),
                            "number_of_replicas": settings.get("number_of_replicas", 1),
                        }
                    )
                    with _translated_errors():
                        self._es.indices.refresh(index=self.alias)

    def _put_settings(self, settings: dict[str, Any]) -> None:
        with _translated_errors():
            self._es.indices.put_settings(index=self.index_name, settings={"index": settings})
        log.info("es_index_settings", index=self.index_name, **settings)

    def _template_settings(self) -> dict[str, Any]:
        template = json.loads(self._template_path.read_text(encoding="utf-8"))
        return dict(template["template"].get("settings", {}))

    def _source(self, doc: IndexDocument) -> dict[str, Any]:
        source = {k: v for k, v in doc.stored().items() if v is not None}
        source["ipc_subclasses"] = doc.ipc_subclasses
        source["numbers"] = doc.numbers
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
            "sort": sort_clause(query.sort),
            "track_scores": True,
            # Exact totals, as the embedded index gives them (counting costs little next to
            # scoring at this index's sizes; the bench measures it).
            "track_total_hits": True,
            "size": query.size,
            "source_excludes": _DERIVED,
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
        highlighter = Highlighter(self._analyzer, query.query, query_number_keys(query.query))
        hits = []
        for h in raw_hits:
            document = _document(h["_source"])
            hits.append(
                SearchHit(
                    id=h["_id"],
                    score=float(h["_score"] or 0.0),
                    document=document,
                    highlights=highlighter.highlights(document),
                    expansions=highlighter.expansions(document),
                )
            )
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

    def scan(
        self, query: SearchQuery, page_size: int = SCAN_PAGE_SIZE
    ) -> Generator[SearchHit, None, None]:
        """Every hit of `query` in its order, read from one point in time (a consistent view
        however long the reader takes) page after page by search_after, without totals,
        facets or highlights. The point in time is closed when the walk ends, fails or is
        abandoned (the generator closed, e.g. when an export's client disconnects)."""
        with _translated_errors():
            pit = self._es.open_point_in_time(index=self.alias, keep_alive=PIT_KEEP_ALIVE)["id"]
        try:
            after: list[Any] | None = None
            while True:
                with _translated_errors():
                    response = self._es.search(**self._scan_body(query, pit, page_size, after))
                pit = response.get("pit_id", pit)
                raw_hits = response["hits"]["hits"]
                for h in raw_hits:
                    yield SearchHit(
                        h["_id"], float(h["_score"] or 0.0), _document(h["_source"]), {}
                    )
                if len(raw_hits) < page_size:
                    return
                after = raw_hits[-1]["sort"]
        finally:
            self._close_point_in_time(pit)

    def _scan_body(
        self, query: SearchQuery, pit: str, size: int, after: list[Any] | None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "pit": {"id": pit, "keep_alive": PIT_KEEP_ALIVE},
            "query": self._compiler.query(query.query, query.filters),
            "sort": sort_clause(query.sort),
            "track_scores": True,
            "track_total_hits": False,
            "size": size,
            "source_excludes": _DERIVED,
        }
        if after is not None:
            body["search_after"] = after
        return body

    def _close_point_in_time(self, pit: str) -> None:
        try:
            self._es.options(ignore_status=404).close_point_in_time(id=pit)
        except (ApiError, TransportError) as exc:
            # It expires by itself after PIT_KEEP_ALIVE; the walk's own outcome stands.
            log.warning("es_pit_close_failed", reason=str(exc))

    def similar(self, query: SimilarQuery) -> SimilarPage:
        source = self.get(query.like_id) if query.like_id is not None else None
        if query.like_id is not None and source is None:
            return SimilarPage([], [])
        frequencies = source_frequencies(self._analyzer, query, source)
        if not frequencies:
            return SimilarPage([], [])
        terms = top_terms(frequencies, self._document_frequency, self.count(), SIMILAR_MAX_TERMS)
        if not terms:
            return SimilarPage([], [])
        fields = [f"{name}_seg^{weight}" for name, weight in SIMILAR_FIELDS.items()]
        should = [
            {"multi_match": {"query": term, "fields": fields, "type": "most_fields"}}
            for term, _ in terms
        ]
        must_not = [{"ids": {"values": [query.like_id]}}] if query.like_id else []
        body: dict[str, Any] = {
            "query": {
                "bool": {
                    "should": should,
                    "minimum_should_match": 1,
                    "must_not": must_not,
                    "filter": filter_clauses(query.filters),
                }
            },
            "sort": [{"_score": "desc"}, {"id": "asc"}],
            "track_scores": True,
            "size": query.size,
            "source_excludes": [*_DERIVED, "description"],
        }
        with _translated_errors():
            response = self._es.search(index=self.alias, **body)
        hits = [
            SearchHit(h["_id"], float(h["_score"] or 0.0), _document(h["_source"]), {})
            for h in response["hits"]["hits"]
        ]
        return SimilarPage([t for t, _ in terms], hits)

    def _document_frequency(self, terms: list[str]) -> dict[str, int]:
        """Documents holding each term in any compared field (the largest per-field count),
        from the index's term dictionary through an artificial document."""
        text = " ".join(terms)
        with _translated_errors():
            response = self._es.termvectors(
                index=self.alias,
                doc={f"{name}_seg": text for name in SIMILAR_FIELDS},
                fields=[f"{name}_seg" for name in SIMILAR_FIELDS],
                term_statistics=True,
                field_statistics=False,
                positions=False,
                offsets=False,
            )
        df: dict[str, int] = {}
        for field_vectors in response.get("term_vectors", {}).values():
            for term, stats in field_vectors.get("terms", {}).items():
                df[term] = max(df.get(term, 0), int(stats.get("doc_freq", 0)))
        return df

    def get(self, document_id: str) -> IndexDocument | None:
        with _translated_errors():
            response = self._es.options(ignore_status=404).get(
                index=self.alias,
                id=document_id,
                source_excludes=_DERIVED,
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
