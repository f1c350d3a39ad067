"""GraphStore in one SQLite file: the no-server default, same behaviour as the Neo4j store."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from graph.errors import GraphUnavailableError
from graph.model import (
    EdgeRow,
    EdgeType,
    GraphCounts,
    LinkedEntity,
    NodeLabel,
    NodeRow,
    PatentView,
    Properties,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (
    label TEXT NOT NULL, id TEXT NOT NULL, props TEXT NOT NULL, sources TEXT NOT NULL,
    PRIMARY KEY (label, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
    type TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL,
    props TEXT NOT NULL, sources TEXT NOT NULL,
    PRIMARY KEY (type, src, dst)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_by_dst ON edges (type, dst, src);
CREATE INDEX IF NOT EXISTS patents_by_application_number
    ON nodes (json_extract(props, '$.application_number')) WHERE label = 'Patent';
"""

# The same merge as the Cypher: properties patch, provenance appended only when new.
_APPEND_SOURCE = """
sources = CASE WHEN EXISTS (SELECT 1 FROM json_each({table}.sources) WHERE value = ?{n})
    THEN {table}.sources ELSE json_insert({table}.sources, '$[#]', ?{n}) END
"""
_UPSERT_NODE = (
    "INSERT INTO nodes (label, id, props, sources) VALUES (?1, ?2, ?3, json_array(?4)) "
    "ON CONFLICT (label, id) DO UPDATE SET props = json_patch(nodes.props, excluded.props), "
    + _APPEND_SOURCE.format(table="nodes", n=4)
)
_UPSERT_EDGE = (
    "INSERT INTO edges (type, src, dst, props, sources) "
    "SELECT ?1, ?2, ?3, ?4, json_array(?5) "
    "WHERE EXISTS (SELECT 1 FROM nodes WHERE label = ?6 AND id = ?2) "
    "AND EXISTS (SELECT 1 FROM nodes WHERE label = ?7 AND id = ?3) "
    "ON CONFLICT (type, src, dst) DO UPDATE SET props = json_patch(edges.props, excluded.props), "
    + _APPEND_SOURCE.format(table="edges", n=5)
)
_FIND_PATENT = """
SELECT id, props, sources FROM nodes
WHERE label = 'Patent' AND (id = ?1 OR json_extract(props, '$.application_number') = ?1)
ORDER BY id LIMIT 1
"""
_INCOMING = """
SELECT n.id, json_extract(n.props, '$.name'), json_extract(e.props, '$.order')
FROM edges e JOIN nodes n ON n.label = ?3 AND n.id = e.src
WHERE e.type = ?1 AND e.dst = ?2
"""
_OUTGOING = """
SELECT n.id, coalesce(json_extract(n.props, ?4), n.id), json_extract(e.props, '$.order')
FROM edges e JOIN nodes n ON n.label = ?3 AND n.id = e.dst
WHERE e.type = ?1 AND e.src = ?2
"""


class EmbeddedGraphStore:
    """Takes a ready `sqlite3.Connection` (see `open_connection`); does no I/O itself."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        # One connection shared by the API's worker threads; SQLite serialises writes anyway.
        self._lock = threading.RLock()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                with self._db:
                    yield self._db
            except sqlite3.OperationalError as exc:
                raise GraphUnavailableError(
                    "the embedded graph file cannot be used", detail={"reason": str(exc)}
                ) from exc

    def ensure_schema(self) -> None:
        with self._transaction() as db:
            db.executescript(_SCHEMA)

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        with self._transaction() as db:
            db.executemany(
                _UPSERT_NODE,
                [(label.value, r.id, _dump(r.props), r.source) for r in rows],
            )

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        src_label, dst_label = edge_type.endpoints
        with self._transaction() as db:
            db.executemany(
                _UPSERT_EDGE,
                [
                    (
                        edge_type.value,
                        r.src,
                        r.dst,
                        _dump(r.props),
                        r.source,
                        src_label.value,
                        dst_label.value,
                    )
                    for r in rows
                ],
            )

    def get_patent(self, patent_id: str) -> PatentView | None:
        with self._transaction() as db:
            row = db.execute(_FIND_PATENT, (patent_id,)).fetchone()
            if row is None:
                return None
            pid = cast(str, row[0])
            props = cast(Properties, json.loads(row[1]))
            return PatentView(
                id=pid,
                props=props,
                sources=sorted(json.loads(row[2])),
                applicants=_linked(db.execute(_INCOMING, ("APPLICANT_OF", pid, "Organization"))),
                inventors=_linked(db.execute(_INCOMING, ("INVENTOR_OF", pid, "Person"))),
                ipc=_linked(db.execute(_OUTGOING, ("CLASSIFIED_AS", pid, "IPC", "$.id"))),
                documents=_linked(
                    db.execute(_OUTGOING, ("EXTRACTED_FROM", pid, "Document", "$.path")),
                    with_order=False,
                ),
            )

    def counts(self) -> GraphCounts:
        with self._transaction() as db:
            nodes = db.execute("SELECT label, count(*) FROM nodes GROUP BY label").fetchall()
            edges = db.execute("SELECT type, count(*) FROM edges GROUP BY type").fetchall()
        return GraphCounts(nodes=dict(nodes), edges=dict(edges))

    def ping(self) -> None:
        with self._transaction() as db:
            db.execute("SELECT 1").fetchone()

    def delete_all(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM edges")
            db.execute("DELETE FROM nodes")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def open_connection(path: str) -> sqlite3.Connection:
    """The edge's helper: a connection usable from the API's thread pool."""
    connection = sqlite3.connect(path, check_same_thread=False, timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def _dump(props: Properties) -> str:
    return json.dumps(props, ensure_ascii=False, sort_keys=True)


def _linked(rows: Iterator[Any] | sqlite3.Cursor, *, with_order: bool = True) -> list[LinkedEntity]:
    entities = [
        LinkedEntity(
            id=r[0], name=r[1] if r[1] is not None else r[0], order=r[2] if with_order else None
        )
        for r in rows
    ]
    return sorted(entities, key=lambda e: (e.order if e.order is not None else 1 << 30, e.id))
