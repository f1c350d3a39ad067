"""SearchIndex in one SQLite file with FTS5: the no-server default.

`documents` holds each document as JSON plus the columns that filters, sorting and facets read;
`documents_fts` (same rowid) holds the jieba word tokens (`*_seg`) and the character tokens
(`*_chr`) of every searched field, which `unicode61` splits on the spaces put there.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from search.errors import SearchError, SearchUnavailableError, check_analyzer
from search.index.chinese import ChineseAnalyzer, characters
from search.index.compile_common import (
    ALL_FIELDS,
    document_text,
    query_number_keys,
    segmented_fields,
)
from search.index.cursor import decode_cursor, encode_cursor
from search.index.highlights import Highlighter
from search.index.protocol import (
    FACET_SIZE,
    FACETS,
    FIELD_WEIGHTS,
    NUMBER_BOOST,
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
from search.index.sqlite_query import (
    CHAR_COLUMNS,
    NUMBER_COLUMN,
    SEG_COLUMNS,
    SqlCompiler,
    filter_condition,
    keyset,
    order_by,
)

SCHEMA_VERSION = 5  # bump when the tables change; older files are refused, not misread
# Versions an older file is brought up from by adding columns (statements run in order):
# 3 (numbers, owners, citations) gained the value grade in 4; 5 added the `index_meta` table
# (created with the schema). A version-2 file lacks the number and owner columns and is
# refused: re-ingest it.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    3: ("ALTER TABLE documents ADD COLUMN grade TEXT",),
    4: (),
}
_BULK_BATCH = 1000  # documents per transaction when bulk loading
SCAN_PAGE_SIZE = 1000  # hits per page of an export walk
_SCALAR_COLUMNS = (
    "asset_kind",
    "kind",
    "legal_status",
    "grade",
    "country",
    "filing_year",
    "filing_date",
    "publication_date",
    "grant_date",
)
_ARRAY_COLUMNS = ("ipc", "ipc_subclasses", "applicants", "applicant_ids", "owners", "owner_ids")
_FTS_COLUMNS = (*SEG_COLUMNS, *CHAR_COLUMNS, NUMBER_COLUMN)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    {", ".join(f"{c} TEXT" for c in _SCALAR_COLUMNS)},
    {", ".join(f"{c} TEXT NOT NULL DEFAULT '[]'" for c in _ARRAY_COLUMNS)},
    -- Last, so that filters, sorting and facets never read a body's overflow pages.
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_filing_date ON documents (filing_date, id);
CREATE INDEX IF NOT EXISTS documents_publication_date ON documents (publication_date, id);
-- What the index was built with: `analyzer` (JSON), checked on open.
CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    {", ".join(_FTS_COLUMNS)}, tokenize = 'unicode61 remove_diacritics 0'
);
"""
_UPSERT = f"""
INSERT INTO documents (id, {", ".join(_SCALAR_COLUMNS + _ARRAY_COLUMNS)}, body)
VALUES (?{", ?" * (len(_SCALAR_COLUMNS) + len(_ARRAY_COLUMNS))}, ?)
ON CONFLICT (id) DO UPDATE SET body = excluded.body,
    {", ".join(f"{c} = excluded.{c}" for c in _SCALAR_COLUMNS + _ARRAY_COLUMNS)}
RETURNING rowid
"""
_INSERT_FTS = (
    f"INSERT INTO documents_fts (rowid, {', '.join(_FTS_COLUMNS)}) "
    f"VALUES (?{', ?' * len(_FTS_COLUMNS)})"
)
# bm25() is lower-is-better; negated so that scores read like Elasticsearch's.
# Similar patents: BM25 over the segmented title, abstract and claims only.
_SIMILAR_BM25 = "-bm25(documents_fts, {})".format(
    ", ".join(
        str(SIMILAR_FIELDS.get(c.removesuffix("_seg"), 0.0)) if c in SEG_COLUMNS else "0.0"
        for c in _FTS_COLUMNS
    )
)
_SIMILAR_COLUMNS = "{" + " ".join(f"{name}_seg" for name in SIMILAR_FIELDS) + "}"
_BM25 = "-bm25(documents_fts, {}, {})".format(
    ", ".join(str(FIELD_WEIGHTS[f]) for f in ALL_FIELDS + ALL_FIELDS), NUMBER_BOOST
)


class EmbeddedSearchIndex:
    """Takes a ready `sqlite3.Connection` and the shared analyzer; does no I/O itself."""

    def __init__(self, connection: sqlite3.Connection, analyzer: ChineseAnalyzer) -> None:
        self._db = connection
        self._analyzer = analyzer
        self._compiler = SqlCompiler(analyzer)
        self._lock = threading.RLock()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                with self._db:
                    yield self._db
            except sqlite3.OperationalError as exc:
                raise SearchUnavailableError(
                    "the embedded search file cannot be used", detail={"reason": str(exc)}
                ) from exc

    def ensure_index(self) -> None:
        with self._transaction() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            has_tables = db.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'documents'"
            ).fetchone()[0]
            if has_tables and version in _MIGRATIONS:
                for statement in _MIGRATIONS[version]:
                    db.execute(statement)
                version = SCHEMA_VERSION
            if has_tables and version != SCHEMA_VERSION:
                raise SearchError(
                    "the embedded search file was written by another version; delete it and "
                    "ingest again",
                    detail={"found_version": version, "expected_version": SCHEMA_VERSION},
                )
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._record_analyzer(db)

    def _record_analyzer(self, db: sqlite3.Connection) -> None:
        """A file with documents must have been segmented by this analyzer (one from before
        analyzers were recorded was segmented by jieba); an empty one takes this one."""
        current = self._analyzer.identity
        row = db.execute("SELECT value FROM index_meta WHERE key = 'analyzer'").fetchone()
        if db.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0]:
            check_analyzer(json.loads(row[0]) if row else None, current, "the embedded index")
        db.execute(
            "INSERT INTO index_meta (key, value) VALUES ('analyzer', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (json.dumps(current, sort_keys=True),),
        )

    def recorded_analyzer(self) -> dict[str, str] | None:
        """The analyzer the file records (None when it records none)."""
        with self._transaction() as db:
            row = db.execute("SELECT value FROM index_meta WHERE key = 'analyzer'").fetchone()
        return dict(json.loads(row[0])) if row else None

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        # Segmenting is the slow part: do it before taking the write lock.
        rows = [(doc, self._row(doc), self._fts_values(doc)) for doc in documents]
        with self._transaction() as db:
            for _doc, row, fts_values in rows:
                rowid = db.execute(_UPSERT, row).fetchone()[0]
                db.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))
                db.execute(_INSERT_FTS, (rowid, *fts_values))
        return WriteReport(written=len(rows))

    def bulk_load(self, documents: Iterable[IndexDocument]) -> WriteReport:
        written = 0
        iterator = iter(documents)
        while batch := list(itertools.islice(iterator, _BULK_BATCH)):
            written += self.upsert(batch).written
        return WriteReport(written=written)

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """Every upsert commits and is searchable at once already; nothing to defer."""
        yield

    def _row(self, doc: IndexDocument) -> tuple[Any, ...]:
        body = json.dumps(doc.stored(), ensure_ascii=False, sort_keys=True)
        scalars = [
            doc.filing_year if c == "filing_year" else getattr(doc, c) for c in _SCALAR_COLUMNS
        ]
        arrays = [json.dumps(getattr(doc, c), ensure_ascii=False) for c in _ARRAY_COLUMNS]
        return (doc.id, *scalars, *arrays, body)

    def _fts_values(self, doc: IndexDocument) -> list[str]:
        segmented = segmented_fields(self._analyzer, doc)
        texts = [document_text(doc, f) for f in ALL_FIELDS]
        return [
            *(segmented[f] for f in ALL_FIELDS),
            *(characters(t) for t in texts),
            " ".join(doc.numbers),
        ]

    def search(self, query: SearchQuery) -> SearchPage:
        matched = self._compiler.condition(query.query)
        filters = filter_condition(query.filters)
        rank = self._compiler.rank_match(query.query)
        with self._transaction() as db:
            # The matching rows are computed once per search into a per-connection temporary
            # table that the total, the page and every facet then read.
            db.execute("CREATE TEMP TABLE IF NOT EXISTS matched (rid INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM temp.matched")
            db.execute(
                f"INSERT INTO temp.matched (rid) SELECT d.rowid FROM documents d "
                f"WHERE {matched.sql} AND {filters.sql}",
                [*matched.params, *filters.params],
            )
            total = int(db.execute("SELECT count(*) FROM temp.matched").fetchone()[0])
            rows = self._page(db, query, rank)
            facets = self._facets(db) if query.facets else {}
        highlighter = Highlighter(self._analyzer, query.query, query_number_keys(query.query))
        hits = [self._hit(highlighter, doc_id, score, body) for doc_id, score, body, _ in rows]
        next_cursor = None
        if rows and len(rows) == query.size:
            last = rows[-1]
            sort_value = last[1] if query.sort.date_field is None else last[3]
            next_cursor = encode_cursor(query.sort, [sort_value, last[0]])
        return SearchPage(
            total=total, total_is_exact=True, hits=hits, facets=facets, next_cursor=next_cursor
        )

    def _page(
        self, db: sqlite3.Connection, query: SearchQuery, rank: str | None
    ) -> list[tuple[Any, ...]]:
        sort_column = query.sort.date_field or "filing_date"
        columns = f"d.rowid AS rid, d.id AS id, {{score}} AS score, d.{sort_column} AS sort_value"
        if rank is None:
            scored = (
                f"SELECT {columns.format(score='0.0')} "
                f"FROM temp.matched m JOIN documents d ON d.rowid = m.rid"
            )
            params: list[Any] = []
        else:
            scored = (
                # No `rowid IN matched` inside: FTS5 would re-run the MATCH once per rowid.
                f"SELECT {columns.format(score='coalesce(r.score, 0.0)')} "
                f"FROM temp.matched m JOIN documents d ON d.rowid = m.rid LEFT JOIN ("
                f"SELECT rowid AS rid, {_BM25} AS score FROM documents_fts "
                f"WHERE documents_fts MATCH ?) r ON r.rid = m.rid"
            )
            params = [rank]
        where = "1"
        if query.after is not None:
            after = keyset(query.sort, decode_cursor(query.after, query.sort, arity=2))
            where, params = after.sql, [*params, *after.params]
        # Sort and cut on narrow rows first; read the JSON bodies of the page only.
        sql = (
            f"SELECT id, score, (SELECT body FROM documents WHERE rowid = rid), sort_value "
            f"FROM (SELECT rid, id, score, sort_value FROM ({scored}) WHERE {where} "
            f"ORDER BY {order_by(query.sort)} LIMIT ? OFFSET ?) ORDER BY {order_by(query.sort)}"
        )
        offset = 0 if query.after is not None else query.offset
        return db.execute(sql, [*params, query.size, offset]).fetchall()

    def _facets(self, db: sqlite3.Connection) -> dict[str, list[FacetBucket]]:
        facets: dict[str, list[FacetBucket]] = {}
        for name in FACETS:
            if name in _ARRAY_COLUMNS:
                source = (
                    f"temp.matched m CROSS JOIN documents d ON d.rowid = m.rid, "
                    f"json_each(d.{name}) j"
                )
                key, count = "j.value", "count(DISTINCT d.rowid)"
            else:
                source = "temp.matched m CROSS JOIN documents d ON d.rowid = m.rid"
                key, count = f"d.{name}", "count(*)"
            # CROSS JOIN keeps the matched set as the outer loop: without statistics the planner
            # would scan every document and probe the matched set instead.
            rows = db.execute(
                f"SELECT {key} AS k, {count} AS n FROM {source} "
                f"GROUP BY k HAVING k IS NOT NULL ORDER BY n DESC, k ASC LIMIT {FACET_SIZE}"
            ).fetchall()
            facets[name] = [FacetBucket(str(k), int(n)) for k, n in rows]
        return facets

    def _hit(self, highlighter: Highlighter, doc_id: str, score: float, body: str) -> SearchHit:
        document = IndexDocument(**json.loads(body))
        return SearchHit(
            doc_id,
            float(score),
            document,
            highlighter.highlights(document),
            highlighter.expansions(document),
        )

    def scan(
        self, query: SearchQuery, page_size: int = SCAN_PAGE_SIZE
    ) -> Generator[SearchHit, None, None]:
        """Every hit of `query` in its order, page after page by keyset (the cursor's sort
        values), without facets."""
        page_query = dataclasses.replace(query, size=page_size, offset=0, facets=False, after=None)
        while True:
            page = self.search(page_query)
            yield from page.hits
            if page.next_cursor is None:
                return
            page_query = dataclasses.replace(page_query, after=page.next_cursor)

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
        # Terms are letters and digits only (candidate_terms), so quoting them is safe.
        match = _SIMILAR_COLUMNS + " : (" + " OR ".join(f'"{t}"' for t, _ in terms) + ")"
        filters = filter_condition(query.filters)
        sql = (
            f"SELECT d.id, r.score, d.body FROM (SELECT rowid AS rid, {_SIMILAR_BM25} AS score "
            f"FROM documents_fts WHERE documents_fts MATCH ?) r "
            f"JOIN documents d ON d.rowid = r.rid WHERE d.id != ? AND {filters.sql} "
            f"ORDER BY r.score DESC, d.id ASC LIMIT ?"
        )
        with self._transaction() as db:
            rows = db.execute(
                sql, [match, query.like_id or "", *filters.params, query.size]
            ).fetchall()
        hits = []
        for doc_id, score, body in rows:
            stored = json.loads(body)
            stored["description"] = ""
            hits.append(SearchHit(doc_id, float(score), IndexDocument(**stored), {}))
        return SimilarPage([t for t, _ in terms], hits)

    def _document_frequency(self, terms: list[str]) -> dict[str, int]:
        """Documents holding each term in any compared column (the largest per-column count)."""
        with self._transaction() as db:
            db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_vocab "
                "USING fts5vocab(main, documents_fts, col)"
            )
            columns = [f"{name}_seg" for name in SIMILAR_FIELDS]
            rows = db.execute(
                f"SELECT term, max(doc) FROM temp.similar_vocab "
                f"WHERE term IN ({', '.join('?' * len(terms))}) "
                f"AND col IN ({', '.join('?' * len(columns))}) GROUP BY term",
                [*terms, *columns],
            ).fetchall()
        df = {str(term): int(count) for term, count in rows if count}
        return df

    def get(self, document_id: str) -> IndexDocument | None:
        with self._transaction() as db:
            row = db.execute("SELECT body FROM documents WHERE id = ?", (document_id,)).fetchone()
        return IndexDocument(**json.loads(row[0])) if row else None

    def count(self) -> int:
        with self._transaction() as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def ping(self) -> None:
        with self._transaction() as db:
            db.execute("SELECT 1").fetchone()

    def delete_all(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM documents_fts")
            db.execute("DELETE FROM documents")

    def close(self) -> None:
        with self._lock:
            self._db.close()
