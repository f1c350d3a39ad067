"""GraphStore in one SQLite file: the no-server default, same behaviour as the Neo4j store."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from graph.errors import GraphUnavailableError
from graph.model import (
    OWNERSHIP_EDGE,
    AggregateCounts,
    CandidateScore,
    CitationFlow,
    Direction,
    EdgeMove,
    EdgeRow,
    EdgeType,
    FactCount,
    FoundPath,
    GraphCounts,
    InventorStat,
    IpcShare,
    Link,
    Neighbour,
    NodeKey,
    NodeLabel,
    NodeMerge,
    NodeRecord,
    NodeRow,
    PatentFacts,
    Properties,
    ShortestPaths,
    SubsidiaryLink,
)
from graph.shortest import RawEdge, SearchTimedOut, all_shortest_paths
from graph.store import (
    MAX_GROUP_DEPTH,
    PATH_CAP,
    PATH_MAX_HOPS,
    counts_from_owner_rows,
    fact_order,
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
CREATE INDEX IF NOT EXISTS persons_by_name
    ON nodes (json_extract(props, '$.name')) WHERE label = 'Person';
"""

# Maintained aggregate (AggregateQueries): patents per (owner, IPC code). Triggers keep it in
# step with every write: a new ownership edge counts the patent's codes for its owner, a new
# CLASSIFIED_AS edge counts the code for the patent's owners. An upsert of an existing edge is
# an UPDATE, so re-ingesting counts nothing twice. Generated from OWNERSHIP_EDGE.
_AGGREGATES = f"""
CREATE TABLE IF NOT EXISTS agg_org_ipc (
    org TEXT NOT NULL, code TEXT NOT NULL, patents INTEGER NOT NULL,
    PRIMARY KEY (org, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS agg_org_ipc_by_code ON agg_org_ipc (code, org);
CREATE TRIGGER IF NOT EXISTS agg_owner_added AFTER INSERT ON edges
WHEN new.type = '{OWNERSHIP_EDGE.value}' BEGIN
    INSERT INTO agg_org_ipc (org, code, patents)
    SELECT new.src, c.dst, 1 FROM edges c WHERE c.type = 'CLASSIFIED_AS' AND c.src = new.dst
    ON CONFLICT (org, code) DO UPDATE SET patents = patents + 1;
END;
CREATE TRIGGER IF NOT EXISTS agg_code_added AFTER INSERT ON edges
WHEN new.type = 'CLASSIFIED_AS' BEGIN
    INSERT INTO agg_org_ipc (org, code, patents)
    SELECT a.src, new.dst, 1 FROM edges a
    WHERE a.type = '{OWNERSHIP_EDGE.value}' AND a.dst = new.src
    ON CONFLICT (org, code) DO UPDATE SET patents = patents + 1;
END;
CREATE TABLE IF NOT EXISTS agg_citation_flow (
    src TEXT NOT NULL, dst TEXT NOT NULL, citations INTEGER NOT NULL,
    PRIMARY KEY (src, dst)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS agg_citation_flow_by_dst ON agg_citation_flow (dst, src);
CREATE TRIGGER IF NOT EXISTS agg_flow_cites_added AFTER INSERT ON edges
WHEN new.type = 'CITES' BEGIN
    INSERT INTO agg_citation_flow (src, dst, citations)
    SELECT a.src, b.src, 1 FROM edges a
    CROSS JOIN edges b ON b.type = '{OWNERSHIP_EDGE.value}' AND b.dst = new.dst
    WHERE a.type = '{OWNERSHIP_EDGE.value}' AND a.dst = new.src AND a.src <> b.src
    ON CONFLICT (src, dst) DO UPDATE SET citations = citations + 1;
END;
CREATE TRIGGER IF NOT EXISTS agg_flow_owner_added AFTER INSERT ON edges
WHEN new.type = '{OWNERSHIP_EDGE.value}' BEGIN
    INSERT INTO agg_citation_flow (src, dst, citations)
    SELECT new.src, b.src, 1 FROM edges c
    CROSS JOIN edges b ON b.type = '{OWNERSHIP_EDGE.value}' AND b.dst = c.dst
    WHERE c.type = 'CITES' AND c.src = new.dst AND b.src <> new.src
    ON CONFLICT (src, dst) DO UPDATE SET citations = citations + 1;
    INSERT INTO agg_citation_flow (src, dst, citations)
    SELECT a.src, new.src, 1 FROM edges c
    CROSS JOIN edges a ON a.type = '{OWNERSHIP_EDGE.value}' AND a.dst = c.src
    WHERE c.type = 'CITES' AND c.dst = new.dst AND a.src <> new.src
    ON CONFLICT (src, dst) DO UPDATE SET citations = citations + 1;
END;
"""
# Portfolio counts (as cypher.ADJUST_FACT_COUNTS on Neo4j): patents per (owner, owners, kind,
# legal_status, country, grade, filing year), absent facts as ''; `owners` is '' for a patent
# with one owner, else its owners' ids in order, each followed by a newline. Moved off (?2 =
# -1) and back (+1) around every write that may change a patent's owners or facts.
_FACT_TABLE = """
CREATE TABLE IF NOT EXISTS agg_org_facts (
    org TEXT NOT NULL, owners TEXT NOT NULL, kind TEXT NOT NULL, legal_status TEXT NOT NULL,
    country TEXT NOT NULL, grade TEXT NOT NULL, year TEXT NOT NULL, patents INTEGER NOT NULL,
    PRIMARY KEY (org, owners, kind, legal_status, country, grade, year)
) WITHOUT ROWID;
"""
_FACT_COLUMNS = (
    "coalesce(json_extract(p.props, '$.kind'), '') AS kind, "
    "coalesce(json_extract(p.props, '$.legal_status'), '') AS legal_status, "
    "coalesce(json_extract(p.props, '$.country'), '') AS country, "
    "coalesce(json_extract(p.props, '$.grade'), '') AS grade, "
    "substr(coalesce(json_extract(p.props, '$.filing_date'), ''), 1, 4) AS year"
)
# The rows of the patents {patents} (an SQL list): each patent's owners key is its owners' ids
# in order, each followed by a newline ('' for one owner).
_COUNT_FACTS = f"""
SELECT a.src AS org, k.owners AS owners, {_FACT_COLUMNS}, count(*) AS patents
FROM (
    SELECT o.dst AS pid,
           CASE WHEN count(*) > 1 THEN group_concat(o.src || char(10), '') ELSE '' END AS owners
    FROM (SELECT dst, src FROM edges WHERE type = '{OWNERSHIP_EDGE.value}' AND dst IN ({{patents}})
          ORDER BY dst, src) o
    GROUP BY o.dst
) k
CROSS JOIN edges a INDEXED BY edges_by_dst ON a.type = '{OWNERSHIP_EDGE.value}' AND a.dst = k.pid
JOIN nodes p ON p.label = 'Patent' AND p.id = a.dst
GROUP BY 1, 2, 3, 4, 5, 6, 7
"""
_FACT_KEY = "org, owners, kind, legal_status, country, grade, year"
# ?1 the patents (a JSON array), ?2 the sign.
_ADJUST_FACTS = (
    f"INSERT INTO agg_org_facts ({_FACT_KEY}, patents) "
    f"SELECT {_FACT_KEY}, ?2 * patents FROM ("
    + _COUNT_FACTS.format(patents="SELECT value FROM json_each(?1)")
    + f") WHERE true ON CONFLICT ({_FACT_KEY}) DO UPDATE SET patents = patents + excluded.patents"
)
_DROP_EMPTY_FACTS = "DELETE FROM agg_org_facts WHERE patents = 0"
# ?1 the [owner, patent] pairs of an ownership upsert: the patents it gives a new owner.
_NEWLY_OWNED = f"""
SELECT DISTINCT json_extract(j.value, '$[1]') FROM json_each(?1) j
WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.type = '{OWNERSHIP_EDGE.value}'
    AND e.src = json_extract(j.value, '$[0]') AND e.dst = json_extract(j.value, '$[1]'))
"""
_REBUILD_FACTS = (
    "DELETE FROM agg_org_facts",
    f"INSERT INTO agg_org_facts ({_FACT_KEY}, patents) "
    + _COUNT_FACTS.format(patents=f"SELECT dst FROM edges WHERE type = '{OWNERSHIP_EDGE.value}'"),
)
_ORG_FACTS = f"SELECT {_FACT_KEY}, patents FROM agg_org_facts WHERE org IN ({{ids}})"
_TRIGGERS = ("agg_owner_added", "agg_code_added", "agg_flow_cites_added", "agg_flow_owner_added")
_REBUILD_AGGREGATES = (
    "DELETE FROM agg_org_ipc",
    f"""INSERT INTO agg_org_ipc (org, code, patents)
    SELECT a.src, c.dst, count(*) FROM edges a
    JOIN edges c ON c.type = 'CLASSIFIED_AS' AND c.src = a.dst
    WHERE a.type = '{OWNERSHIP_EDGE.value}' GROUP BY a.src, c.dst""",
    "DELETE FROM agg_citation_flow",
    # CROSS JOIN fixes the join order (owner, its patents' citations, the cited patents'
    # owners): SQLite otherwise scanned every ownership edge per row.
    f"""INSERT INTO agg_citation_flow (src, dst, citations)
    SELECT a.src, b.src, count(*) FROM edges a
    CROSS JOIN edges c ON c.type = 'CITES' AND c.src = a.dst
    CROSS JOIN edges b ON b.type = '{OWNERSHIP_EDGE.value}' AND b.dst = c.dst
    WHERE a.type = '{OWNERSHIP_EDGE.value}' AND a.src <> b.src GROUP BY a.src, b.src""",
    *_REBUILD_FACTS,
)
_CITATION_FLOWS = """
SELECT f.src, coalesce(json_extract(a.props, '$.name'), f.src),
       f.dst, coalesce(json_extract(b.props, '$.name'), f.dst), f.citations
FROM agg_citation_flow f
JOIN nodes a ON a.label = 'Organization' AND a.id = f.src
JOIN nodes b ON b.label = 'Organization' AND b.id = f.dst
WHERE f.src IN ({ids}) OR f.dst IN ({ids}) ORDER BY f.src, f.dst
"""
_AGG_ROWS = """
SELECT g.org, coalesce(json_extract(o.props, '$.name'), g.org), g.code, g.patents
FROM agg_org_ipc g JOIN nodes o ON o.label = 'Organization' AND o.id = g.org
WHERE g.{column} IN ({values}) ORDER BY g.org, g.code
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
_GET_NODE = "SELECT id, props, sources FROM nodes WHERE label = ? AND id = ?"
_PERSON_NAMES = """
SELECT DISTINCT name FROM (
    SELECT json_extract(props, '$.name') AS name FROM nodes
    WHERE label = 'Person' AND json_extract(props, '$.name') > ? ORDER BY name LIMIT ?
) ORDER BY name
"""
# merge_persons (see cypher.PERSON_EDGES_OUT): the target's edge keeps its properties and gains
# the moved one's others; provenance is the union, the target's first.
_UNION_SOURCES = """
(SELECT json_group_array(value) FROM (
    SELECT value FROM json_each({kept}.sources)
    UNION ALL
    SELECT value FROM json_each({moved}.sources)
    WHERE value NOT IN (SELECT value FROM json_each({kept}.sources))))
"""
_MOVE_PERSON_EDGES = """
INSERT INTO edges (type, src, dst, props, sources)
SELECT type, {new_src}, {new_dst}, props, sources FROM edges
WHERE type = ?1 AND {end} = ?2 {only}
ON CONFLICT (type, src, dst) DO UPDATE SET props = json_patch(excluded.props, edges.props),
    sources = """ + _UNION_SOURCES.format(kept="edges", moved="excluded")
_MOVE_PERSON_EDGES_OUT = _MOVE_PERSON_EDGES.format(new_src="?3", new_dst="dst", end="src", only="")
_MOVE_PERSON_EDGES_IN = _MOVE_PERSON_EDGES.format(new_src="src", new_dst="?3", end="dst", only="")
_MOVE_PERSON_EDGE = _MOVE_PERSON_EDGES.format(
    new_src="?3", new_dst="dst", end="src", only="AND dst = ?4"
)
_MERGE_PERSON_NODE = f"""
UPDATE nodes SET sources = {_UNION_SOURCES.format(kept="nodes", moved="gone")}
FROM (SELECT sources FROM nodes WHERE label = 'Person' AND id = ?1) AS gone
WHERE label = 'Person' AND id = ?2
"""
# Two index seeks (the key, the application-number index), not an OR: SQLite answers the OR
# by reading every patent, which made ingest's per-chunk lookups grow with the graph.
_FIND_PATENT = """
SELECT id, props, sources FROM (
    SELECT id, props, sources FROM nodes WHERE label = 'Patent' AND id = ?1
    UNION ALL
    SELECT id, props, sources FROM nodes
    WHERE label = 'Patent' AND json_extract(props, '$.application_number') = ?1
) ORDER BY id LIMIT 1
"""
_NAME = (
    "coalesce(json_extract(m.props, '$.name'), json_extract(m.props, '$.title'), "
    "json_extract(m.props, '$.path'), m.id)"
)
_ORDER = "coalesce(json_extract(e.props, '$.order'), 2147483647), m.id"
_NEIGHBOURS_OUT = f"""
SELECT m.id, {_NAME}, e.props FROM edges e JOIN nodes m ON m.label = ?3 AND m.id = e.dst
WHERE e.type = ?1 AND e.src = ?2 ORDER BY {_ORDER} LIMIT ?4
"""
_NEIGHBOURS_IN = f"""
SELECT m.id, {_NAME}, e.props FROM edges e JOIN nodes m ON m.label = ?3 AND m.id = e.src
WHERE e.type = ?1 AND e.dst = ?2 ORDER BY {_ORDER} LIMIT ?4
"""
# Recursive walks over SUBSIDIARY_OF, depth-bounded so that a cycle in the data terminates.
_ANCESTORS = """
WITH RECURSIVE up(id, depth) AS (
    SELECT dst, 1 FROM edges WHERE type = 'SUBSIDIARY_OF' AND src = ?1
    UNION
    SELECT e.dst, up.depth + 1 FROM edges e JOIN up ON e.src = up.id
    WHERE e.type = 'SUBSIDIARY_OF' AND up.depth < ?2
)
SELECT m.id, coalesce(json_extract(m.props, '$.name'), m.id), min(up.depth) AS depth
FROM up JOIN nodes m ON m.label = 'Organization' AND m.id = up.id
GROUP BY m.id ORDER BY depth, m.id
"""
_DESCENDANTS = """
WITH RECURSIVE down(id, depth) AS (
    SELECT ?1, 0
    UNION
    SELECT e.src, down.depth + 1 FROM edges e JOIN down ON e.dst = down.id
    WHERE e.type = 'SUBSIDIARY_OF' AND down.depth < ?2
)
SELECT DISTINCT e.src, coalesce(json_extract(c.props, '$.name'), e.src), e.dst,
       json_extract(e.props, '$.stake')
FROM edges e JOIN down ON e.dst = down.id AND down.depth < ?2
JOIN nodes c ON c.label = 'Organization' AND c.id = e.src
WHERE e.type = 'SUBSIDIARY_OF' AND e.src != ?1
ORDER BY e.dst, e.src
"""


def _display(table: str) -> str:
    return (
        f"coalesce(json_extract({table}.props, '$.name'), json_extract({table}.props, '$.title'),"
        f" json_extract({table}.props, '$.path'), {table}.id)"
    )


# TargetQueries: a person as the target sees them is their id up to '~'.
_INVENTOR_STATS = (
    """
WITH ours(id) AS (SELECT DISTINCT value FROM json_each(?1)),
inv AS MATERIALIZED (
    SELECT DISTINCT CASE WHEN instr(e.src, '~') > 0 THEN substr(e.src, 1, instr(e.src, '~') - 1)
                         ELSE e.src END AS person, e.dst AS patent, e.src AS variant
    FROM ours o CROSS JOIN edges e ON e.type = 'INVENTOR_OF' AND e.dst = o.id
),
pp AS MATERIALIZED (SELECT DISTINCT person, patent FROM inv),
per AS MATERIALIZED (
    SELECT person, count(*) AS patents FROM pp GROUP BY person
    ORDER BY patents DESC, person LIMIT ?2
),
named AS (
    SELECT person, max(variant) AS last FROM inv WHERE person IN (SELECT person FROM per)
    GROUP BY person
),
cited AS (
    SELECT pp.person, count(*) AS citations FROM per CROSS JOIN pp ON pp.person = per.person
    CROSS JOIN edges c ON c.type = 'CITES' AND c.dst = pp.patent GROUP BY pp.person
)
SELECT per.person, """
    + _display("n")
    + """, per.patents, coalesce(cited.citations, 0)
FROM per JOIN named ON named.person = per.person
JOIN nodes n ON n.label = 'Person' AND n.id = named.last
LEFT JOIN cited ON cited.person = per.person
ORDER BY per.patents DESC, per.person
"""
)
_OUTSIDE_LINKS = (
    """
SELECT e.src, """
    + _display("o")
    + """, e.dst, """
    + _display("p")
    + """, e.props, e.sources
FROM json_each(?1) j CROSS JOIN edges e INDEXED BY edges_by_dst
    ON e.type = ?3 AND e.dst = j.value
CROSS JOIN nodes o ON o.label = 'Organization' AND o.id = e.src
CROSS JOIN nodes p ON p.label = 'Patent' AND p.id = e.dst
WHERE e.src NOT IN (SELECT value FROM json_each(?2))
ORDER BY e.src, e.dst
"""
)

# The far node's label follows from the edge type; generated from the closed enum, no data.
_FAR_LABEL = {
    out: "CASE e.type "
    + " ".join(f"WHEN '{t.value}' THEN '{t.endpoints[1 if out else 0].value}'" for t in EdgeType)
    + " END"
    for out in (True, False)
}
_EXPAND = (
    """
SELECT type, near, far, props, sources, near_name, far_name FROM (
    SELECT e.type, e.{near} AS near, e.{far} AS far, e.props, e.sources,
           """
    + _display("a")
    + """ AS near_name, """
    + _display("b")
    + """ AS far_name,
           row_number() OVER (PARTITION BY e.{near} ORDER BY e.type, e.{far}) AS rank
    FROM edges e
    JOIN nodes a ON a.label = ? AND a.id = e.{near}
    JOIN nodes b ON b.label = {far_label} AND b.id = e.{far}
    WHERE e.type IN ({types}) AND e.{near} IN ({ids})
) WHERE rank <= ?
"""
)


_PORTFOLIO = """
SELECT p.id, a.src, json_extract(p.props, '$.kind'), json_extract(p.props, '$.legal_status'),
       json_extract(p.props, '$.country'), json_extract(p.props, '$.filing_date'),
       json_extract(p.props, '$.ipc'), json_extract(p.props, '$.grade')
FROM edges a JOIN nodes p ON p.label = 'Patent' AND p.id = a.dst
JOIN nodes o ON o.label = 'Organization' AND o.id = a.src
WHERE a.type = 'APPLICANT_OF' AND a.src IN ({ids})
ORDER BY a.src, p.id
"""
# CROSS JOIN keeps SQLite walking from the few IPC codes asked for, not from every applicant.
_IPC_SHARES = """
SELECT a.src, coalesce(json_extract(o.props, '$.name'), a.src), c.dst, count(DISTINCT c.src)
FROM edges c
CROSS JOIN edges a ON a.type = 'APPLICANT_OF' AND a.dst = c.src
JOIN nodes o ON o.label = 'Organization' AND o.id = a.src
WHERE c.type = 'CLASSIFIED_AS' AND c.dst IN ({codes}) {only}
GROUP BY a.src, c.dst
ORDER BY a.src, c.dst
"""

_IPC_PROFILES = """
SELECT a.src, coalesce(json_extract(o.props, '$.name'), a.src), c.dst, count(DISTINCT c.src)
FROM edges a
JOIN nodes o ON o.label = 'Organization' AND o.id = a.src
JOIN edges c ON c.type = 'CLASSIFIED_AS' AND c.src = a.dst
WHERE a.type = 'APPLICANT_OF' AND a.src IN ({ids})
GROUP BY a.src, c.dst
ORDER BY a.src, c.dst
"""

# Path search: the edges of some types touching some node ids, through the (type, src) primary
# key and the (type, dst) index; names are read only for the nodes on the answer's paths.
# INDEXED BY: without statistics SQLite walks the primary key by type for `dst IN (...)`.
_ADJACENT = """
SELECT type, src, dst, props, sources FROM edges {index}
WHERE type IN ({types}) AND {near} IN ({ids}) {as_of}
"""
# An edge dated by `from`/`to` (ownership, stakes) counts only on the days it held.
_AS_OF = (
    "AND (json_extract(props, '$.from') IS NULL OR json_extract(props, '$.from') <= ?) "
    "AND (json_extract(props, '$.to') IS NULL OR json_extract(props, '$.to') > ?)"
)
_ADJACENT_CHUNK = 500
_FACTS = (
    "json_extract(p.props, '$.kind'), json_extract(p.props, '$.legal_status'), "
    "json_extract(p.props, '$.country'), json_extract(p.props, '$.grade'), "
    "substr(coalesce(json_extract(p.props, '$.filing_date'), ''), 1, 4)"
)
# An ownership edge held on the day ?1 (always, when ?1 is NULL or the edge is undated).
_OWNED_ON = (
    "(?1 IS NULL OR ((json_extract(a.props, '$.from') IS NULL "
    "OR json_extract(a.props, '$.from') <= ?1) AND (json_extract(a.props, '$.to') IS NULL "
    "OR json_extract(a.props, '$.to') > ?1)))"
)
_COUNTS_BY_OWNER = f"""
SELECT a.src, {_FACTS}, count(*) FROM edges a JOIN nodes p ON p.label = 'Patent' AND p.id = a.dst
WHERE a.type = '{OWNERSHIP_EDGE.value}' AND a.src IN ({{ids}}) AND {_OWNED_ON}
GROUP BY 1, 2, 3, 4, 5, 6
"""
_COUNTS_WHOLE = f"""
SELECT NULL, {_FACTS}, count(*) FROM nodes p WHERE p.label = 'Patent' AND p.id IN (
    SELECT a.dst FROM edges a
    WHERE a.type = '{OWNERSHIP_EDGE.value}' AND a.src IN ({{ids}}) AND {_OWNED_ON}
) GROUP BY 2, 3, 4, 5, 6
"""
# Profile rows counted from the edges on a day (the maintained rows hold only the present).
_ORG_IPC_ON = f"""
SELECT a.src, coalesce(json_extract(o.props, '$.name'), a.src), c.dst, count(DISTINCT c.src)
FROM edges a
JOIN nodes o ON o.label = 'Organization' AND o.id = a.src
JOIN edges c ON c.type = 'CLASSIFIED_AS' AND c.src = a.dst
WHERE a.type = '{OWNERSHIP_EDGE.value}' AND {{column}} IN ({{values}}) AND {_OWNED_ON}
GROUP BY a.src, c.dst ORDER BY a.src, c.dst
"""
# As cypher.COMPETITOR_CANDIDATES: ?1 the profile {code: patents}, ?2 the excluded ids,
# ?4 the codes candidates are sought by.
_COMPETITOR_CANDIDATES = """
WITH profile(code, n) AS MATERIALIZED (SELECT key, value FROM json_each(?1)),
shared AS (
    SELECT g.org AS org, sum(g.patents) AS shared
    FROM json_each(?4) j JOIN agg_org_ipc g INDEXED BY agg_org_ipc_by_code ON g.code = j.value
    WHERE g.org NOT IN (SELECT value FROM json_each(?2))
    GROUP BY g.org ORDER BY shared DESC, g.org LIMIT ?3
)
SELECT s.org, coalesce(json_extract(o.props, '$.name'), s.org), s.shared,
       (SELECT coalesce(sum(y.patents * p.n), 0) FROM agg_org_ipc y
        JOIN profile p ON p.code = y.code WHERE y.org = s.org),
       (SELECT sum(y.patents * y.patents) FROM agg_org_ipc y WHERE y.org = s.org)
FROM shared s JOIN nodes o ON o.label = 'Organization' AND o.id = s.org
ORDER BY s.shared DESC, s.org
"""
_NAMES = "SELECT id, {name} FROM nodes WHERE label = ? AND id IN ({ids})"


class EmbeddedGraphStore:
    """Takes a ready `sqlite3.Connection` (see `open_connection`); does no I/O itself."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        # One connection shared by the API's worker threads; SQLite serialises writes anyway.
        self._lock = threading.RLock()
        self._bulk = False  # inside bulk_load: aggregates recounted at the end

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
            db.executescript(_AGGREGATES)
            db.executescript(_FACT_TABLE)
            # A file written before an aggregate existed gets it computed once.
            if _aggregates_missing(db):
                for statement in _REBUILD_AGGREGATES:
                    db.execute(statement)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        # Counting edge by edge is slower than one grouped recount at the end.
        with self._transaction() as db:
            for trigger in _TRIGGERS:
                db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
            with self._transaction() as db:
                for statement in _REBUILD_AGGREGATES:
                    db.execute(statement)
                db.executescript(_AGGREGATES)

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        # A patent's facts may change (status, grade): its portfolio rows move.
        moved = [r.id for r in rows] if label is NodeLabel.PATENT and not self._bulk else []
        with self._transaction() as db:
            self._adjust_facts(db, moved, -1)
            db.executemany(
                _UPSERT_NODE,
                [(label.value, r.id, _dump(r.props), r.source) for r in rows],
            )
            self._adjust_facts(db, moved, 1)

    @staticmethod
    def _adjust_facts(db: sqlite3.Connection, patents: list[str], sign: int) -> None:
        if not patents:
            return
        db.execute(_ADJUST_FACTS, (json.dumps(sorted(set(patents))), sign))
        if sign < 0:
            db.execute(_DROP_EMPTY_FACTS)

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        src_label, dst_label = edge_type.endpoints
        owned = edge_type is OWNERSHIP_EDGE and not self._bulk
        with self._transaction() as db:
            # As cypher.NEWLY_OWNED: only patents gaining an owner move (a re-run moves none).
            pairs = json.dumps([[r.src, r.dst] for r in rows]) if owned else "[]"
            moved = [pid for (pid,) in db.execute(_NEWLY_OWNED, (pairs,))]
            self._adjust_facts(db, moved, -1)
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
            self._adjust_facts(db, moved, 1)

    def get_node(self, label: NodeLabel, node_id: str) -> NodeRecord | None:
        with self._transaction() as db:
            row = db.execute(_GET_NODE, (label.value, node_id)).fetchone()
        return _node(label, row) if row else None

    def find_patent(self, number: str) -> NodeRecord | None:
        with self._transaction() as db:
            row = db.execute(_FIND_PATENT, (number,)).fetchone()
        return _node(NodeLabel.PATENT, row) if row else None

    def find_patents(self, numbers: Sequence[str]) -> dict[str, NodeRecord]:
        found: dict[str, NodeRecord] = {}
        with self._transaction() as db:
            for number in dict.fromkeys(numbers):
                row = db.execute(_FIND_PATENT, (number,)).fetchone()
                if row:
                    found[number] = _node(NodeLabel.PATENT, row)
        return found

    def person_names(self, after: str, limit: int) -> list[str]:
        with self._transaction() as db:
            rows = db.execute(_PERSON_NAMES, (after, limit)).fetchall()
        return [str(name) for (name,) in rows]

    def merge_persons(self, rows: Sequence[NodeMerge]) -> None:
        with self._transaction() as db:
            for row in rows:
                if row.src == row.into or not all(
                    db.execute(_GET_NODE, ("Person", node)).fetchone()
                    for node in (row.src, row.into)
                ):
                    continue
                for edge in EdgeType:
                    src_label, dst_label = edge.endpoints
                    if src_label is NodeLabel.PERSON:
                        db.execute(_MOVE_PERSON_EDGES_OUT, (edge.value, row.src, row.into))
                        db.execute(
                            "DELETE FROM edges WHERE type = ? AND src = ?", (edge.value, row.src)
                        )
                    if dst_label is NodeLabel.PERSON:
                        db.execute(_MOVE_PERSON_EDGES_IN, (edge.value, row.src, row.into))
                        db.execute(
                            "DELETE FROM edges WHERE type = ? AND dst = ?", (edge.value, row.src)
                        )
                db.execute(_MERGE_PERSON_NODE, (row.src, row.into))
                db.execute("DELETE FROM nodes WHERE label = 'Person' AND id = ?", (row.src,))

    def move_person_edges(self, edge_type: EdgeType, rows: Sequence[EdgeMove]) -> None:
        if edge_type.endpoints[0] is not NodeLabel.PERSON:
            raise ValueError(f"{edge_type} does not start at a person")
        with self._transaction() as db:
            for row in rows:
                into = db.execute(_GET_NODE, ("Person", row.into)).fetchone()
                if row.src == row.into or into is None:
                    continue
                db.execute(_MOVE_PERSON_EDGE, (edge_type.value, row.src, row.into, row.dst))
                db.execute(
                    "DELETE FROM edges WHERE type = ? AND src = ? AND dst = ?",
                    (edge_type.value, row.src, row.dst),
                )

    def find_persons(self, names: Sequence[str]) -> list[NodeRecord]:
        if not names:
            return []
        marks = ", ".join("?" * len(names))
        with self._transaction() as db:
            rows = db.execute(
                "SELECT id, props, sources FROM nodes WHERE label = 'Person' "
                f"AND json_extract(props, '$.name') IN ({marks}) ORDER BY id",
                list(names),
            ).fetchall()
        return [_node(NodeLabel.PERSON, row) for row in rows]

    def neighbours(
        self, edge_type: EdgeType, node_id: str, direction: Direction, limit: int = 100
    ) -> list[Neighbour]:
        src_label, dst_label = edge_type.endpoints
        if direction is Direction.OUT:
            statement, other = _NEIGHBOURS_OUT, dst_label
        else:
            statement, other = _NEIGHBOURS_IN, src_label
        with self._transaction() as db:
            rows = db.execute(statement, (edge_type.value, node_id, other.value, limit)).fetchall()
        return [Neighbour(r[0], r[1], json.loads(r[2])) for r in rows]

    def expand(
        self, nodes: Sequence[NodeKey], edge_types: Collection[EdgeType], per_node: int
    ) -> list[Link]:
        links: list[Link] = []
        with self._transaction() as db:
            for label in sorted({n.label for n in nodes}):
                ids = sorted({n.id for n in nodes if n.label is label})
                # In parts: one statement binds at most 32,766 values (a group's 38,000
                # patents in due diligence would fail as one).
                for start in range(0, len(ids), _ADJACENT_CHUNK):
                    part = ids[start : start + _ADJACENT_CHUNK]
                    for out in (True, False):
                        links.extend(self._expand(db, label, part, edge_types, per_node, out=out))
        return sorted(links, key=lambda link: (link.type.value, link.src, link.dst))

    def _expand(
        self,
        db: sqlite3.Connection,
        label: NodeLabel,
        ids: list[str],
        edge_types: Collection[EdgeType],
        per_node: int,
        *,
        out: bool,
    ) -> list[Link]:
        # Only the types whose endpoint on this side has this label: ids are per label.
        types = sorted(t for t in edge_types if t.endpoints[0 if out else 1] is label)
        if not types or not ids:
            return []
        near, far = ("src", "dst") if out else ("dst", "src")
        statement = _EXPAND.format(
            near=near,
            far=far,
            far_label=_FAR_LABEL[out],
            types=", ".join("?" * len(types)),
            ids=", ".join("?" * len(ids)),
        )
        params = [label.value, *(t.value for t in types), *ids, per_node]
        rows = db.execute(statement, params).fetchall()
        links = []
        for type_name, near_id, far_id, props, sources, near_name, far_name in rows:
            edge = EdgeType(type_name)
            near_key = NodeKey(label, near_id)
            far_key = NodeKey(edge.endpoints[1 if out else 0], far_id)
            src, dst = (near_key, far_key) if out else (far_key, near_key)
            names = (near_name, far_name) if out else (far_name, near_name)
            links.append(
                Link(
                    edge,
                    src,
                    dst,
                    names[0],
                    names[1],
                    json.loads(props),
                    sorted(json.loads(sources)),
                )
            )
        return links

    def ancestors(self, org_id: str) -> list[Neighbour]:
        with self._transaction() as db:
            rows = db.execute(_ANCESTORS, (org_id, MAX_GROUP_DEPTH)).fetchall()
        return [Neighbour(r[0], r[1], {"depth": r[2]}) for r in rows]

    def descendants(self, org_id: str, max_depth: int = MAX_GROUP_DEPTH) -> list[SubsidiaryLink]:
        with self._transaction() as db:
            rows = db.execute(_DESCENDANTS, (org_id, max_depth)).fetchall()
        return [SubsidiaryLink(r[0], r[1], r[2], r[3]) for r in rows]

    def patent_counts(self, org_ids: Sequence[str]) -> dict[str, int]:
        marks = ", ".join("?" * len(org_ids))
        if not org_ids:
            return {}
        with self._transaction() as db:
            rows = db.execute(
                "SELECT coalesce(json_extract(p.props, '$.kind'), 'unknown'), count(*) "
                f"FROM nodes p WHERE p.label = 'Patent' AND p.id IN (SELECT dst FROM edges "
                f"WHERE type = 'APPLICANT_OF' AND src IN ({marks})) GROUP BY 1",
                list(org_ids),
            ).fetchall()
        return dict(rows)

    def portfolio(self, org_ids: Sequence[str]) -> list[PatentFacts]:
        ids = sorted(set(org_ids))
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        with self._transaction() as db:
            rows = db.execute(_PORTFOLIO.format(ids=marks), ids).fetchall()
        return [
            PatentFacts(
                id=r[0],
                owner=r[1],
                kind=r[2],
                legal_status=r[3],
                country=r[4],
                filing_date=r[5],
                ipc=tuple(json.loads(r[6])) if r[6] else (),
                grade=r[7],
            )
            for r in rows
        ]

    def ipc_shares(
        self, codes: Sequence[str], *, org_ids: Sequence[str] | None = None
    ) -> list[IpcShare]:
        wanted = sorted(set(codes))
        if not wanted or (org_ids is not None and not org_ids):
            return []
        params: list[str] = [*wanted]
        only = ""
        if org_ids is not None:
            ids = sorted(set(org_ids))
            only = f"AND a.src IN ({', '.join('?' * len(ids))})"
            params.extend(ids)
        statement = _IPC_SHARES.format(codes=", ".join("?" * len(wanted)), only=only)
        with self._transaction() as db:
            rows = db.execute(statement, params).fetchall()
        return [IpcShare(r[0], r[1], r[2], r[3]) for r in rows]

    def ipc_profiles(self, org_ids: Sequence[str]) -> list[IpcShare]:
        ids = sorted(set(org_ids))
        if not ids:
            return []
        with self._transaction() as db:
            rows = db.execute(_IPC_PROFILES.format(ids=", ".join("?" * len(ids))), ids).fetchall()
        return [IpcShare(r[0], r[1], r[2], r[3]) for r in rows]

    def declarations(
        self,
        *,
        declarants: Sequence[str] | None = None,
        standards: Sequence[str] | None = None,
    ) -> list[Link]:
        conditions, params = ["e.type = 'DECLARED_ESSENTIAL'"], []
        for column, values in (
            ("json_extract(e.props, '$.declarant')", declarants),
            ("e.dst", standards),
        ):
            if values is not None:
                wanted = sorted(set(values))
                conditions.append(f"{column} IN ({', '.join('?' * len(wanted))})")
                params.extend(wanted)
        statement = (
            f"SELECT e.src, {_display('p')}, e.dst, e.props, e.sources FROM edges e "
            "JOIN nodes p ON p.label = 'Patent' AND p.id = e.src "
            "JOIN nodes s ON s.label = 'Standard' AND s.id = e.dst "
            f"WHERE {' AND '.join(conditions)} ORDER BY e.dst, e.src"
        )
        with self._transaction() as db:
            rows = db.execute(statement, params).fetchall()
        return [
            Link(
                EdgeType.DECLARED_ESSENTIAL,
                NodeKey(NodeLabel.PATENT, r[0]),
                NodeKey(NodeLabel.STANDARD, r[2]),
                r[1],
                r[2],
                json.loads(r[3]),
                sorted(json.loads(r[4])),
            )
            for r in rows
        ]

    def shortest_paths(
        self,
        start: NodeKey,
        goal: NodeKey,
        edge_types: Collection[EdgeType],
        *,
        max_hops: int,
        timeout_s: float,
        cap: int = PATH_CAP,
        as_of: date | None = None,
        first: int | None = None,
    ) -> ShortestPaths:
        types = frozenset(edge_types)
        day = as_of.isoformat() if as_of else None

        def adjacent(nodes: Sequence[NodeKey], deadline: float) -> list[RawEdge]:
            return self._adjacent(nodes, types, day, deadline)

        if self.get_node(start.label, start.id) is None or (
            self.get_node(goal.label, goal.id) is None
        ):
            return ShortestPaths()
        raw = all_shortest_paths(
            start,
            goal,
            adjacent,
            max_hops=min(max_hops, PATH_MAX_HOPS),
            timeout_s=timeout_s,
            cap=cap,
        )
        names = self._names({key for nodes, _ in raw.paths for key in nodes})
        paths = [
            FoundPath(
                nodes,
                tuple(
                    Link(
                        e.type,
                        e.src,
                        e.dst,
                        names.get(e.src, e.src.id),
                        names.get(e.dst, e.dst.id),
                        json.loads(e.props),
                        sorted(json.loads(e.sources)),
                    )
                    for e in edges
                ),
            )
            for nodes, edges in raw.paths
        ]
        paths.sort(key=lambda p: (p.nodes, [link.type.value for link in p.links]))
        listed = paths if first is None else paths[:first]
        return ShortestPaths(listed, timed_out=raw.timed_out, capped=raw.capped, total=len(paths))

    def _adjacent(
        self,
        nodes: Sequence[NodeKey],
        types: frozenset[EdgeType],
        day: str | None,
        deadline: float,
    ) -> list[RawEdge]:
        edges: list[RawEdge] = []
        with self._transaction() as db:
            for label in sorted({n.label for n in nodes}):
                ids = sorted({n.id for n in nodes if n.label is label})
                for out in (True, False):
                    wanted = sorted(t.value for t in types if t.endpoints[0 if out else 1] is label)
                    if not wanted:
                        continue
                    for chunk in range(0, len(ids), _ADJACENT_CHUNK):
                        if time.monotonic() > deadline:
                            raise SearchTimedOut
                        part = ids[chunk : chunk + _ADJACENT_CHUNK]
                        statement = _ADJACENT.format(
                            types=", ".join("?" * len(wanted)),
                            near="src" if out else "dst",
                            index="" if out else "INDEXED BY edges_by_dst",
                            ids=", ".join("?" * len(part)),
                            as_of=_AS_OF if day else "",
                        )
                        params = [*wanted, *part, *((day, day) if day else ())]
                        for type_name, src, dst, props, sources in db.execute(statement, params):
                            edge = EdgeType(type_name)
                            src_key = NodeKey(edge.endpoints[0], src)
                            dst_key = NodeKey(edge.endpoints[1], dst)
                            edges.append(RawEdge(edge, src_key, dst_key, props, sources))
        return edges

    def _names(self, keys: Collection[NodeKey]) -> dict[NodeKey, str]:
        names: dict[NodeKey, str] = {}
        with self._transaction() as db:
            for label in sorted({k.label for k in keys}):
                ids = sorted({k.id for k in keys if k.label is label})
                statement = _NAMES.format(name=_display("nodes"), ids=", ".join("?" * len(ids)))
                for node_id, name in db.execute(statement, [label.value, *ids]):
                    names[NodeKey(label, node_id)] = name
        return names

    def rebuild_aggregates(self) -> AggregateCounts:
        with self._transaction() as db:
            for statement in _REBUILD_AGGREGATES:
                db.execute(statement)
            (rows,) = db.execute("SELECT count(*) FROM agg_org_ipc").fetchone()
            (flows,) = db.execute("SELECT count(*) FROM agg_citation_flow").fetchone()
            (facts,) = db.execute("SELECT count(*) FROM agg_org_facts").fetchone()
        return AggregateCounts(org_ipc_rows=rows, citation_flow_rows=flows, portfolio_rows=facts)

    def inventor_stats(self, patent_ids: Sequence[str], limit: int) -> list[InventorStat]:
        params = (json.dumps(sorted(set(patent_ids))), limit)
        with self._transaction() as db:
            rows = db.execute(_INVENTOR_STATS, params).fetchall()
        return [InventorStat(*row) for row in rows]

    def outside_links(
        self, edge_type: EdgeType, patent_ids: Sequence[str], org_ids: Sequence[str]
    ) -> list[Link]:
        params = (
            json.dumps(sorted(set(patent_ids))),
            json.dumps(sorted(set(org_ids))),
            edge_type.value,
        )
        with self._transaction() as db:
            rows = db.execute(_OUTSIDE_LINKS, params).fetchall()
        return [
            Link(
                edge_type,
                NodeKey(NodeLabel.ORGANIZATION, src),
                NodeKey(NodeLabel.PATENT, dst),
                src_name,
                dst_name,
                json.loads(props),
                sorted(json.loads(sources)),
            )
            for src, src_name, dst, dst_name, props, sources in sorted(
                set(rows), key=lambda r: (r[0], r[2])
            )
        ]

    def citation_flows(self, org_ids: Sequence[str]) -> list[CitationFlow]:
        ids = sorted(set(org_ids))
        if not ids:
            return []
        marks = ", ".join(f"?{n}" for n in range(1, len(ids) + 1))
        with self._transaction() as db:
            rows = db.execute(_CITATION_FLOWS.format(ids=marks), ids).fetchall()
        return [CitationFlow(*row) for row in rows]

    def competitor_candidates(
        self,
        profile: dict[str, int],
        exclude: Sequence[str],
        limit: int,
        *,
        seek: Sequence[str] | None = None,
    ) -> list[CandidateScore]:
        if not profile:
            return []
        params = (
            json.dumps(profile),
            json.dumps(sorted(set(exclude))),
            limit,
            json.dumps(sorted(set(profile if seek is None else seek))),
        )
        with self._transaction() as db:
            rows = db.execute(_COMPETITOR_CANDIDATES, params).fetchall()
        return [CandidateScore(*row) for row in rows]

    def portfolio_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[FactCount]:
        ids = sorted(set(org_ids))
        if not ids:
            return []
        if as_of is None:
            with self._transaction() as db:
                statement = _ORG_FACTS.format(ids=", ".join("?" * len(ids)))
                return counts_from_owner_rows(db.execute(statement, ids).fetchall())
        marks = ", ".join(f"?{n}" for n in range(2, len(ids) + 2))
        params = [as_of.isoformat() if as_of else None, *ids]
        with self._transaction() as db:
            rows = [
                FactCount(*row)
                for statement in (_COUNTS_BY_OWNER, _COUNTS_WHOLE)
                for row in db.execute(statement.format(ids=marks), params).fetchall()
            ]
        return sorted(rows, key=fact_order)

    def org_ipc_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[IpcShare]:
        return self._aggregate_rows("org", org_ids, as_of)

    def ipc_code_counts(self, codes: Sequence[str], *, as_of: date | None = None) -> list[IpcShare]:
        return self._aggregate_rows("code", codes, as_of)

    def _aggregate_rows(
        self, column: str, values: Sequence[str], as_of: date | None
    ) -> list[IpcShare]:
        wanted = sorted(set(values))
        if not wanted:
            return []
        if as_of is None:
            statement = _AGG_ROWS.format(column=column, values=", ".join("?" * len(wanted)))
            params: list[str | None] = [*wanted]
        else:
            statement = _ORG_IPC_ON.format(
                column="a.src" if column == "org" else "c.dst",
                values=", ".join(f"?{n}" for n in range(2, len(wanted) + 2)),
            )
            params = [as_of.isoformat(), *wanted]
        with self._transaction() as db:
            rows = db.execute(statement, params).fetchall()
        return [IpcShare(r[0], r[1], r[2], r[3]) for r in rows]

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
            db.execute("DELETE FROM agg_org_ipc")
            db.execute("DELETE FROM agg_citation_flow")
            db.execute("DELETE FROM agg_org_facts")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _aggregates_missing(db: sqlite3.Connection) -> bool:
    """Owners but no profile row, or citations but no flow row (a file from before)."""
    owners = db.execute(
        "SELECT 1 FROM edges WHERE type = ? LIMIT 1", (OWNERSHIP_EDGE.value,)
    ).fetchone()
    if not owners:
        return False
    profiles = db.execute("SELECT 1 FROM agg_org_ipc LIMIT 1").fetchone()
    facts = db.execute("SELECT 1 FROM agg_org_facts LIMIT 1").fetchone()
    cites = db.execute("SELECT 1 FROM edges WHERE type = 'CITES' LIMIT 1").fetchone()
    flows = db.execute("SELECT 1 FROM agg_citation_flow LIMIT 1").fetchone()
    return not profiles or not facts or bool(cites and not flows)


def open_connection(path: str) -> sqlite3.Connection:
    """The edge's helper: a connection usable from the API's thread pool."""
    connection = sqlite3.connect(path, check_same_thread=False, timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def _dump(props: Properties) -> str:
    return json.dumps(props, ensure_ascii=False, sort_keys=True)


def _node(label: NodeLabel, row: tuple[str, str, str]) -> NodeRecord:
    return NodeRecord(
        id=row[0], label=label, props=json.loads(row[1]), sources=sorted(json.loads(row[2]))
    )
