"""SearchIndex in one SQLite file with FTS5: the no-server default.

Documents live as JSON in `documents`; `documents_fts` holds the jieba-segmented fields, which
the `unicode61` tokenizer splits on the spaces that segmentation put there.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from search_api.errors import SearchUnavailableError
from search_api.index.chinese import ChineseAnalyzer, highlight
from search_api.index.protocol import (
    HIGHLIGHT_FIELDS,
    SEARCH_FIELD_WEIGHTS,
    IndexDocument,
    SearchHit,
    SearchPage,
    SearchQuery,
    WriteReport,
)

_FTS_COLUMNS = tuple(SEARCH_FIELD_WEIGHTS)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    id UNINDEXED, {", ".join(_FTS_COLUMNS)},
    tokenize = 'unicode61 remove_diacritics 0'
);
"""
_WEIGHTS = ", ".join(str(SEARCH_FIELD_WEIGHTS[c]) for c in _FTS_COLUMNS)
# bm25() is lower-is-better; negate it so that scores read like Elasticsearch's.
_SEARCH = f"""
SELECT d.id, -bm25(documents_fts, 0, {_WEIGHTS}) AS score, d.body
FROM documents_fts JOIN documents d ON d.id = documents_fts.id
WHERE documents_fts MATCH ?1
ORDER BY score DESC, d.id ASC
LIMIT ?2 OFFSET ?3
"""
_COUNT = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1"


class EmbeddedSearchIndex:
    """Takes a ready `sqlite3.Connection` and the shared analyzer; does no I/O itself."""

    def __init__(self, connection: sqlite3.Connection, analyzer: ChineseAnalyzer) -> None:
        self._db = connection
        self._analyzer = analyzer
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
            db.executescript(_SCHEMA)

    def upsert(self, documents: Sequence[IndexDocument]) -> WriteReport:
        rows = [(doc, self._segmented_columns(doc)) for doc in documents]
        with self._transaction() as db:
            for doc, columns in rows:
                body = json.dumps(dataclasses.asdict(doc), ensure_ascii=False, sort_keys=True)
                db.execute("DELETE FROM documents_fts WHERE id = ?", (doc.id,))
                db.execute(
                    f"INSERT INTO documents_fts (id, {', '.join(_FTS_COLUMNS)}) "
                    f"VALUES (?{', ?' * len(_FTS_COLUMNS)})",
                    (doc.id, *columns),
                )
                db.execute(
                    "INSERT OR REPLACE INTO documents (id, body) VALUES (?, ?)", (doc.id, body)
                )
        return WriteReport(written=len(rows))

    def _segmented_columns(self, doc: IndexDocument) -> list[str]:
        values = {
            "title": doc.title,
            "abstract": doc.abstract,
            "applicants": " ".join(doc.applicants),
            "inventors": " ".join(doc.inventors),
        }
        return [self._analyzer.segmented(values[c]) for c in _FTS_COLUMNS]

    def search(self, query: SearchQuery) -> SearchPage:
        tokens = self._analyzer.query_tokens(query.text)
        if not tokens:
            return SearchPage(total=0, hits=[], tokens=[])
        # Tokens hold only letters and digits (see chinese._clean), so quoting is enough to keep
        # FTS5 from reading any of them as an operator.
        match = " AND ".join(f'"{t}"' for t in tokens)
        with self._transaction() as db:
            total = int(db.execute(_COUNT, (match,)).fetchone()[0])
            rows = db.execute(_SEARCH, (match, query.size, query.offset)).fetchall()
        hits = []
        for doc_id, score, body in rows:
            document = IndexDocument(**json.loads(body))
            hits.append(SearchHit(doc_id, float(score), document, _highlights(document, tokens)))
        return SearchPage(total=total, hits=hits, tokens=tokens)

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


def _highlights(document: IndexDocument, tokens: list[str]) -> dict[str, str]:
    found = {name: highlight(getattr(document, name), tokens) for name in HIGHLIGHT_FIELDS}
    return {name: text for name, text in found.items() if text is not None}
