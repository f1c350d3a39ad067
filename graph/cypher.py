"""Every Cypher statement the service sends, as parameterised constants.

Labels and relationship types cannot be query parameters in Cypher, so the per-label and
per-type statements are generated here, once, from the closed `NodeLabel` / `EdgeType` enums;
every value that comes from data travels in `$rows` or another parameter.
"""

from __future__ import annotations

from functools import cache

from graph.model import OWNERSHIP_EDGE, EdgeType, NodeLabel

SCHEMA: tuple[str, ...] = (
    *(
        f"CREATE CONSTRAINT {label.value.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE"
        for label in NodeLabel
    ),
    "CREATE INDEX patent_application_number IF NOT EXISTS FOR (n:Patent) ON (n.application_number)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
)

# Provenance is a set of "document#record" strings; appending only when absent keeps re-runs
# from growing it.
_MERGE_SOURCE = (
    "SET n.sources = CASE WHEN row.source IN coalesce(n.sources, []) THEN n.sources "
    "ELSE coalesce(n.sources, []) + row.source END"
)

UPSERT_NODES: dict[NodeLabel, str] = {
    label: (
        f"UNWIND $rows AS row MERGE (n:{label.value} {{id: row.id}}) "
        f"SET n += row.props {_MERGE_SOURCE}"
    )
    for label in NodeLabel
}

UPSERT_EDGES: dict[EdgeType, str] = {
    edge: (
        f"UNWIND $rows AS row "
        f"MATCH (a:{edge.endpoints[0].value} {{id: row.src}}) "
        f"MATCH (b:{edge.endpoints[1].value} {{id: row.dst}}) "
        f"MERGE (a)-[n:{edge.value}]->(b) SET n += row.props {_MERGE_SOURCE}"
    )
    for edge in EdgeType
}

GET_NODE: dict[NodeLabel, str] = {
    label: f"MATCH (n:{label.value} {{id: $id}}) RETURN n {{.*}} AS node" for label in NodeLabel
}

FIND_PATENT = """
MATCH (n:Patent) WHERE n.id = $id OR n.application_number = $id
RETURN n {.*} AS node ORDER BY n.id LIMIT 1
"""

# find_patents: two index seeks (id, application number), no OR; the caller keeps, per number,
# the patent with the smallest id, as FIND_PATENT does.
FIND_PATENTS = """
UNWIND $ids AS key
MATCH (n:Patent {id: key})
RETURN key, n {.*} AS node
UNION ALL
UNWIND $ids AS key
MATCH (n:Patent {application_number: key})
RETURN key, n {.*} AS node
"""

FIND_PERSONS = """
UNWIND $names AS name
MATCH (n:Person {name: name})
RETURN n {.*} AS node ORDER BY n.id
"""

# The first $limit persons in name order (a seek in the name index, in its order), then their
# names: a page costs its size, not a scan of every name (DISTINCT before LIMIT would).
PERSON_NAMES = """
MATCH (n:Person) WHERE n.name > $after
WITH n.name AS name ORDER BY name LIMIT $limit
RETURN DISTINCT name ORDER BY name
"""

# merge_persons: each edge of a merged-away person moves to the person it joins. An edge the
# target already has (same type, same other node) keeps its properties and gains the moved
# edge's others; provenance is the union, the target's first.
_UNION_SOURCES = (
    "coalesce(kept.sources, []) + "
    "[x IN coalesce(moved.sources, []) WHERE NOT x IN coalesce(kept.sources, [])]"
)
_MOVE_EDGE = (
    "WITH r, s, properties(r) AS moved, properties(s) AS kept "
    f"SET s = moved SET s += kept SET s.sources = {_UNION_SOURCES} DELETE r"
)
PERSON_EDGES_OUT: dict[EdgeType, str] = {
    edge: (
        f"UNWIND $rows AS row "
        f"MATCH (a:Person {{id: row.src}})-[r:{edge.value}]->(m:{edge.endpoints[1].value}) "
        f"MATCH (b:Person {{id: row.into}}) MERGE (b)-[s:{edge.value}]->(m) {_MOVE_EDGE}"
    )
    for edge in EdgeType
    if edge.endpoints[0] is NodeLabel.PERSON
}
# move_person_edges: one edge of a person moves to another person (a person one run splits).
MOVE_PERSON_EDGE: dict[EdgeType, str] = {
    edge: (
        f"UNWIND $rows AS row "
        f"MATCH (a:Person {{id: row.src}})-[r:{edge.value}]->"
        f"(m:{edge.endpoints[1].value} {{id: row.dst}}) "
        f"MATCH (b:Person {{id: row.into}}) MERGE (b)-[s:{edge.value}]->(m) {_MOVE_EDGE}"
    )
    for edge in EdgeType
    if edge.endpoints[0] is NodeLabel.PERSON
}
PERSON_EDGES_IN: dict[EdgeType, str] = {
    edge: (
        f"UNWIND $rows AS row "
        f"MATCH (m:{edge.endpoints[0].value})-[r:{edge.value}]->(a:Person {{id: row.src}}) "
        f"MATCH (b:Person {{id: row.into}}) MERGE (m)-[s:{edge.value}]->(b) {_MOVE_EDGE}"
    )
    for edge in EdgeType
    if edge.endpoints[1] is NodeLabel.PERSON
}
MERGE_PERSON_NODES = (
    "UNWIND $rows AS row MATCH (a:Person {id: row.src}) MATCH (b:Person {id: row.into}) "
    "SET b.sources = coalesce(b.sources, []) + "
    "[x IN coalesce(a.sources, []) WHERE NOT x IN coalesce(b.sources, [])] "
    "DETACH DELETE a"
)

_NAME = "coalesce(m.name, m.title, m.path, m.id)"
NEIGHBOURS_OUT: dict[EdgeType, str] = {
    edge: (
        f"MATCH (n:{edge.endpoints[0].value} {{id: $id}})-[r:{edge.value}]->"
        f"(m:{edge.endpoints[1].value}) "
        f"RETURN m.id AS id, {_NAME} AS name, properties(r) AS edge "
        f"ORDER BY coalesce(r.order, 2147483647), m.id LIMIT $limit"
    )
    for edge in EdgeType
}
NEIGHBOURS_IN: dict[EdgeType, str] = {
    edge: (
        f"MATCH (m:{edge.endpoints[0].value})-[r:{edge.value}]->"
        f"(n:{edge.endpoints[1].value} {{id: $id}}) "
        f"RETURN m.id AS id, {_NAME} AS name, properties(r) AS edge "
        f"ORDER BY coalesce(r.order, 2147483647), m.id LIMIT $limit"
    )
    for edge in EdgeType
}

ANCESTORS = """
MATCH path = (:Organization {id: $id})-[:SUBSIDIARY_OF*1..10]->(m:Organization)
WITH m, min(length(path)) AS depth
RETURN m.id AS id, coalesce(m.name, m.id) AS name, {depth: depth} AS edge
ORDER BY depth, m.id
"""

# relationships(path)[0] is the edge from each descendant to its direct parent.
DESCENDANTS = """
MATCH path = (c:Organization)-[:SUBSIDIARY_OF*1..10]->(:Organization {id: $id})
WHERE length(path) <= $max_depth AND c.id <> $id
WITH DISTINCT c, relationships(path)[0] AS r, nodes(path)[1] AS parent
RETURN c.id AS child, coalesce(c.name, c.id) AS child_name, parent.id AS parent,
       r.stake AS stake
ORDER BY parent, child
"""

PATENT_COUNTS = """
UNWIND $ids AS org_id
MATCH (:Organization {id: org_id})-[:APPLICANT_OF]->(p:Patent)
WITH DISTINCT p
RETURN coalesce(p.kind, 'unknown') AS kind, count(*) AS count
"""

COUNT_NODES = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count"
COUNT_EDGES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count"

PING = "RETURN 1 AS ok"

# Batched so that a large graph is not deleted in one transaction that exhausts the heap:
# relationships first (a hub node's DETACH DELETE would take all its edges in one batch).
DELETE_ALL = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

SERVER_VERSION = (
    "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"
)

# One statement per label and direction, so that the start node is found through its label's
# id constraint; $types filters relationship types, $per_node bounds each node's fan-out.
_EXPAND_BODY = (
    "CALL (n) {{ MATCH (n)-[r:{types}]->(m) "
    "RETURN r, m, true AS out ORDER BY type(r), m.id LIMIT $per_node "
    "UNION ALL MATCH (n)<-[r:{types}]-(m) "
    "RETURN r, m, false AS out ORDER BY type(r), m.id LIMIT $per_node }} "
    "RETURN out, type(r) AS type, n.id AS id, labels(m) AS other_labels, m.id AS other, "
    "coalesce(m.name, m.title, m.path, m.id) AS other_name, "
    "coalesce(n.name, n.title, n.path, n.id) AS name, "
    "properties(r) AS props"
)


@cache
def expand(label: NodeLabel, types: frozenset[EdgeType]) -> str:
    """The edges of `types` out of and into nodes of `label`, at most $per_node per node and
    direction, each row saying its direction (`out`). The types are written into the pattern
    (one statement per combination, from the enum): the server then walks only those edges,
    where a filter on type(r) read every edge of each node (a patent's inventors, codes and
    citations: 40% slower at 9,000 patents); both directions in one statement look each node
    up once."""
    return f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) " + _EXPAND_BODY.format(
        types="|".join(sorted(t.value for t in types))
    )


# Returned as one record of columns: a record per patent cost more in the driver (decoding
# tens of thousands of small records) than the query in the server.
PORTFOLIO = """
UNWIND $ids AS org_id
MATCH (:Organization {id: org_id})-[:APPLICANT_OF]->(p:Patent)
WITH p, org_id ORDER BY org_id, p.id
RETURN collect(p.id) AS id, collect(org_id) AS owner, collect([p.kind]) AS kind,
       collect([p.legal_status]) AS legal_status, collect([p.country]) AS country,
       collect([p.filing_date]) AS filing_date, collect(coalesce(p.ipc, [])) AS ipc,
       collect([p.grade]) AS grade
"""

IPC_SHARES = """
UNWIND $codes AS code
MATCH (:IPC {id: code})<-[:CLASSIFIED_AS]-(p:Patent)<-[:APPLICANT_OF]-(o:Organization)
WHERE $ids IS NULL OR o.id IN $ids
RETURN o.id AS org, coalesce(o.name, o.id) AS name, code, count(DISTINCT p) AS patents
ORDER BY org, code
"""

DECLARATIONS = """
MATCH (p:Patent)-[r:DECLARED_ESSENTIAL]->(s:Standard)
WHERE ($declarants IS NULL OR r.declarant IN $declarants)
  AND ($standards IS NULL OR s.id IN $standards)
RETURN p.id AS patent, coalesce(p.title, p.id) AS patent_name, s.id AS standard,
       properties(r) AS props
ORDER BY standard, patent
"""

IPC_PROFILES = """
UNWIND $ids AS org_id
MATCH (o:Organization {id: org_id})-[:APPLICANT_OF]->(p:Patent)-[:CLASSIFIED_AS]->(i:IPC)
RETURN o.id AS org, coalesce(o.name, o.id) AS name, i.id AS code, count(DISTINCT p) AS patents
ORDER BY org, code
"""

# The marker of a scratch database (graph/scratch.py): a named index on a label no node has,
# so it changes no count and survives delete_all.
SCRATCH_MARKER_CREATE = (
    "CREATE INDEX ipgraph_scratch_marker IF NOT EXISTS FOR (n:IpgraphScratch) ON (n.owner)"
)
SCRATCH_MARKER_COUNT = (
    "SHOW INDEXES YIELD name WHERE name = 'ipgraph_scratch_marker' RETURN count(*) AS count"
)
SCRATCH_MARKER_DROP = "DROP INDEX ipgraph_scratch_marker IF EXISTS"
ANY_NODE = "MATCH (n) RETURN count(n) AS count LIMIT 1"

# Path search in the database (PathQueries.shortest_paths): every shortest path over allowed
# relationship types, undirected, at most H hops. Labels, relationship types and the hop bound
# cannot be parameters, so one statement per (start label, goal label, H, types) is generated
# here from the closed enums; the day and the cap travel as parameters. An edge dated by
# `from`/`to` (ownership, stakes) is followed only on the days it held.
#
# allShortestPaths, not the 5.x `ALL SHORTEST` quantified pattern: on 1M patents the latter
# took 7-8 s between two organisations linked through IPC hubs (even `SHORTEST 1`), where
# allShortestPaths, its day filter evaluated during its bidirectional search, took 150 ms.
PATH_HOPS = range(1, 7)
_PATH_EDGE_FILTER = (
    "all(r IN relationships(p) WHERE $as_of IS NULL OR "
    "((r.`from` IS NULL OR r.`from` <= $as_of) AND (r.`to` IS NULL OR r.`to` > $as_of)))"
)
# The paths are ordered in the database as FoundPath orders them (node (label, id) keys, then
# edge types) and only the first $first are returned, as keys and element ids, with the total:
# shipping a thousand paths through hubs cost more than finding them. The evidence of the
# listed paths is read by PATH_EVIDENCE.
_PATH_BODY = (
    "MATCH p = allShortestPaths((a)-[:{types}*1..{hops}]-(b)) WHERE {filter} "
    "WITH p LIMIT $cap "
    "WITH p ORDER BY [n IN nodes(p) | [labels(n)[0], n.id]], [x IN relationships(p) | type(x)] "
    "WITH collect(p) AS ps, count(*) AS total "
    "UNWIND ps[..$first] AS p "
    "RETURN [x IN relationships(p) | {{type: type(x), src: startNode(x).id, "
    "dst: endNode(x).id, eid: elementId(x)}}] AS links, total"
)
PATH_EVIDENCE = """
UNWIND $eids AS eid
MATCH ()-[x]->() WHERE elementId(x) = eid
RETURN eid,
       coalesce(startNode(x).name, startNode(x).title, startNode(x).path, startNode(x).id)
         AS src_name,
       coalesce(endNode(x).name, endNode(x).title, endNode(x).path, endNode(x).id) AS dst_name,
       properties(x) AS props
"""


@cache
def shortest_paths(start: NodeLabel, goal: NodeLabel, hops: int, types: frozenset[EdgeType]) -> str:
    """The path search between a `start` and a `goal` node over `types`, at most `hops`."""
    if hops not in PATH_HOPS or not types:
        raise ValueError(f"no path statement for {hops} hops over {len(types)} types")
    return f"MATCH (a:{start.value} {{id: $src}}) MATCH (b:{goal.value} {{id: $dst}}) " + (
        _PATH_BODY.format(
            types="|".join(sorted(t.value for t in types)), hops=hops, filter=_PATH_EDGE_FILTER
        )
    )


# Maintained aggregate (AggregateQueries): patents per (owner, IPC code) as OrgIpcCount nodes,
# a label outside NodeLabel (not counted by COUNT_NODES_KNOWN, never walked). The counted
# upserts replace UPSERT_EDGES for the two edge types the aggregate derives from: an edge the
# MERGE creates adds 1 per matching (owner, code); an edge that already existed adds nothing,
# so re-ingesting counts nothing twice (rows are unique per (src, dst) within a batch).
AGGREGATE_SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT org_ipc_count_key IF NOT EXISTS "
    "FOR (n:OrgIpcCount) REQUIRE (n.org, n.code) IS UNIQUE",
    "CREATE INDEX org_ipc_count_org IF NOT EXISTS FOR (n:OrgIpcCount) ON (n.org)",
    "CREATE INDEX org_ipc_count_code IF NOT EXISTS FOR (n:OrgIpcCount) ON (n.code)",
    "CREATE CONSTRAINT org_citation_flow_key IF NOT EXISTS "
    "FOR (n:OrgCitationFlow) REQUIRE (n.src, n.dst) IS UNIQUE",
    # The (src, dst) key's index does not serve a lookup by src alone: without this one the
    # flows of one organisation scanned every flow node (300 ms at 1M patents).
    "CREATE INDEX org_citation_flow_src IF NOT EXISTS FOR (n:OrgCitationFlow) ON (n.src)",
    "CREATE INDEX org_citation_flow_dst IF NOT EXISTS FOR (n:OrgCitationFlow) ON (n.dst)",
    "CREATE CONSTRAINT org_fact_count_key IF NOT EXISTS FOR (n:OrgFactCount) "
    "REQUIRE (n.org, n.owners, n.kind, n.legal_status, n.country, n.grade, n.year) IS UNIQUE",
    "CREATE INDEX org_fact_count_org IF NOT EXISTS FOR (n:OrgFactCount) ON (n.org)",
)
HAS_AGGREGATE_INPUT = (
    f"OPTIONAL MATCH (:Organization)-[r:{OWNERSHIP_EDGE.value}]->(:Patent) "
    "WITH r LIMIT 1 OPTIONAL MATCH (x:OrgIpcCount) WITH r, x LIMIT 1 "
    "OPTIONAL MATCH (:Patent)-[c:CITES]->(:Patent) WITH r, x, c LIMIT 1 "
    "OPTIONAL MATCH (f:OrgCitationFlow) WITH r, x, c, f LIMIT 1 "
    "OPTIONAL MATCH (k:OrgFactCount) WITH r, x, c, f, k LIMIT 1 "
    "RETURN r IS NOT NULL AS owners, x IS NOT NULL AS counted, "
    "c IS NOT NULL AS cites, f IS NOT NULL AS flows, k IS NOT NULL AS facts"
)
_COUNT_ONE = (
    "MERGE (x:OrgIpcCount {{org: {org}.id, code: {code}.id}}) "
    "ON CREATE SET x.patents = 1 ON MATCH SET x.patents = x.patents + 1"
)
_FLOW_ONE = (
    "MERGE (f:OrgCitationFlow {{src: {src}.id, dst: {dst}.id}}) "
    "ON CREATE SET f.citations = 1 ON MATCH SET f.citations = f.citations + 1"
)
_OWN = OWNERSHIP_EDGE.value


def _counted_upsert(edge: EdgeType, then: str) -> str:
    """Merge the rows' edges; for each edge created (not one that existed) run `then` (a unit
    subquery over `a`, `b`) and return the created pair, for the citation-flow statement."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{edge.endpoints[0].value} {{id: row.src}}) "
        f"MATCH (b:{edge.endpoints[1].value} {{id: row.dst}}) "
        f"OPTIONAL MATCH (a)-[old:{edge.value}]->(b) "
        f"WITH a, b, row, old IS NULL AS created "
        f"MERGE (a)-[n:{edge.value}]->(b) SET n += row.props {_MERGE_SOURCE} "
        f"WITH a, b, created WHERE created {then}"
        f"RETURN a.id AS src, b.id AS dst"
    )


UPSERT_EDGES_COUNTED: dict[EdgeType, str] = {
    OWNERSHIP_EDGE: _counted_upsert(
        OWNERSHIP_EDGE,
        "CALL (a, b) { MATCH (b)-[:CLASSIFIED_AS]->(i:IPC) "
        + _COUNT_ONE.format(org="a", code="i")
        + " } ",
    ),
    EdgeType.CLASSIFIED_AS: _counted_upsert(
        EdgeType.CLASSIFIED_AS,
        f"CALL (a, b) {{ MATCH (o:Organization)-[:{_OWN}]->(a) "
        + _COUNT_ONE.format(org="o", code="b")
        + " } ",
    ),
    EdgeType.CITES: _counted_upsert(EdgeType.CITES, ""),
}
# Citation flows of the edges a counted upsert created ($created: [{src, dst}]), in the same
# transaction. New CITES p->q: +1 per (owner of p, owner of q). New ownership o->p: +1 per
# (o, owner of what p cites) and per (owner of what cites p, o), the latter skipping owner
# edges created in the same batch ($keys), which the former already counted.
CITATION_FLOWS_OF_CITES = (
    "UNWIND $created AS c MATCH (p:Patent {id: c.src}) MATCH (q:Patent {id: c.dst}) "
    f"MATCH (a:Organization)-[:{_OWN}]->(p) MATCH (b:Organization)-[:{_OWN}]->(q) "
    "WHERE a <> b " + _FLOW_ONE.format(src="a", dst="b")
)
CITATION_FLOWS_OF_OWNERS = (
    "UNWIND $created AS c MATCH (o:Organization {id: c.src}) MATCH (p:Patent {id: c.dst}) "
    "CALL (o, p) { "
    f"MATCH (p)-[:CITES]->(:Patent)<-[:{_OWN}]-(b:Organization) WHERE b <> o "
    + _FLOW_ONE.format(src="o", dst="b")
    + " } CALL (o, p) { "
    f"MATCH (p)<-[:CITES]-(r:Patent)<-[:{_OWN}]-(a:Organization) "
    "WHERE a <> o AND NOT a.id + '|' + r.id IN $keys " + _FLOW_ONE.format(src="a", dst="o") + " }"
)
CITATION_FLOWS_OF: dict[EdgeType, str] = {
    EdgeType.CITES: CITATION_FLOWS_OF_CITES,
    OWNERSHIP_EDGE: CITATION_FLOWS_OF_OWNERS,
}
# Rebuilt from the edges after a bulk load or by `ipgraph aggregates rebuild`: cleared in
# batches, then counted a few hundred organisations per transaction (ORGANIZATION_IDS), so
# that no transaction nears the server's timeout or memory bound at 1M patents.
CLEAR_AGGREGATES: tuple[str, ...] = (
    "MATCH (x:OrgIpcCount) CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (x:OrgCitationFlow) CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (x:OrgFactCount) CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS",
)
ORGANIZATION_IDS = "MATCH (o:Organization) RETURN o.id AS id ORDER BY id"
# Counted by a read (the aggregation holds one row per group), then written by WRITE_* from
# the returned rows: a MATCH feeding a CREATE in one statement buffers every matched row
# (Eager), which at a giant's 90k rows passes the 128 MB transaction memory bound.
COUNT_ORG_IPC = (
    f"UNWIND $ids AS id MATCH (o:Organization {{id: id}})-[:{_OWN}]->(p:Patent)"
    "-[:CLASSIFIED_AS]->(i:IPC) "
    "RETURN o.id AS org, i.id AS code, count(*) AS patents"
)
WRITE_ORG_IPC = (
    "UNWIND $rows AS row CREATE (:OrgIpcCount {org: row.org, code: row.code, patents: row.patents})"
)
COUNT_CITATION_FLOWS_OF_ORGS = (
    f"UNWIND $ids AS id MATCH (a:Organization {{id: id}})-[:{_OWN}]->(:Patent)"
    f"-[:CITES]->(:Patent)<-[:{_OWN}]-(b:Organization) WHERE a <> b "
    "RETURN a.id AS src, b.id AS dst, count(*) AS citations"
)
WRITE_CITATION_FLOWS = (
    "UNWIND $rows AS row "
    "CREATE (:OrgCitationFlow {src: row.src, dst: row.dst, citations: row.citations})"
)
COUNT_CITATION_FLOWS = "MATCH (f:OrgCitationFlow) RETURN count(f) AS count"
CITATION_FLOWS = """
UNWIND $ids AS id
CALL (id) {
  MATCH (f:OrgCitationFlow {src: id}) RETURN f
  UNION
  MATCH (f:OrgCitationFlow {dst: id}) RETURN f
}
WITH DISTINCT f
MATCH (a:Organization {id: f.src}) MATCH (b:Organization {id: f.dst})
WITH f, a, b ORDER BY f.src, f.dst
RETURN collect(f.src) AS src, collect(coalesce(a.name, a.id)) AS src_name,
       collect(f.dst) AS dst, collect(coalesce(b.name, b.id)) AS dst_name,
       collect(f.citations) AS citations
"""
COUNT_AGGREGATES = "MATCH (x:OrgIpcCount) RETURN count(x) AS count"
_AGG_ROWS = (
    "MATCH (o:Organization {{id: x.org}}) "
    "RETURN x.org AS org, coalesce(o.name, o.id) AS name, x.code AS code, "
    "x.patents AS patents ORDER BY org, code"
)
# One organisation lookup per organisation, and one record of columns: a giant's profile has
# thousands of codes.
ORG_IPC_COUNTS = (
    "UNWIND $ids AS id MATCH (o:Organization {id: id}) MATCH (x:OrgIpcCount {org: id}) "
    "WITH x.org AS org, coalesce(o.name, o.id) AS name, x.code AS code, x.patents AS patents "
    "ORDER BY org, code "
    "RETURN collect(org) AS org, collect(name) AS name, collect(code) AS code, "
    "collect(patents) AS patents"
)
IPC_CODE_COUNTS = "UNWIND $codes AS c MATCH (x:OrgIpcCount {code: c}) " + _AGG_ROWS.format()
# Counts of the graph's own labels: the aggregate's label is bookkeeping, not graph data.
COUNT_NODES_KNOWN = (
    "MATCH (n) UNWIND labels(n) AS label WITH label WHERE label IN $labels "
    "RETURN label, count(*) AS count"
)

# Portfolio counts for KPIs (AggregateQueries.portfolio_counts): grouped in the database, so a
# group's KPIs read a few hundred rows instead of one per patent.
# An ownership edge held on $as_of (always, when $as_of is null or the edge is undated).
_OWNED_ON = (
    "($as_of IS NULL OR ((own.`from` IS NULL OR own.`from` <= $as_of) "
    "AND (own.`to` IS NULL OR own.`to` > $as_of)))"
)
# Both as one record of columns (collect of one-element lists keeps the nulls).
_FACT_COLLECT = (
    "WITH owner, kind, legal_status, country, grade, year, patents "
    "RETURN collect([owner]) AS owner, collect([kind]) AS kind, "
    "collect([legal_status]) AS legal_status, collect([country]) AS country, "
    "collect([grade]) AS grade, collect(year) AS year, collect(patents) AS patents"
)
# One pass over the patents: each patent's facts are read once, then counted for each of its
# owners among $ids and once for all of them together (owner null).
PORTFOLIO_COUNTS = (
    f"UNWIND $ids AS org_id MATCH (:Organization {{id: org_id}})-[own:{OWNERSHIP_EDGE.value}]->"
    f"(p:Patent) WHERE {_OWNED_ON} "
    "WITH p, collect([org_id]) + [[null]] AS owners "
    "WITH owners, p.kind AS kind, p.legal_status AS legal_status, p.country AS country, "
    "p.grade AS grade, substring(coalesce(p.filing_date, ''), 0, 4) AS year "
    "UNWIND owners AS owned_by "
    "WITH owned_by[0] AS owner, kind, legal_status, country, grade, year, count(*) AS patents "
    + _FACT_COLLECT
)
# Portfolio counts maintained at ingest (read by portfolio_counts without a day): patents per
# (owner, owners, kind, legal_status, country, grade, filing year) on OrgFactCount rows, absent
# facts as ''. `owners` is '' for a patent with one owner, else every owner's id, sorted, each
# followed by a newline: the rows of one such key are equal on every co-owner, so a group
# counts a patent its members co-own once. A write that may change a patent's owners or facts
# takes the patent's rows off (`$sign` -1) before and puts them back (+1) after, in its
# transaction; a row back at 0 is deleted.
_OWNERS_AND_FACTS = (
    "CALL (p) {{ MATCH (p)<-[:{own}]-(x:Organization) WITH x.id AS xid ORDER BY xid "
    "RETURN collect(xid) AS owners }} "
    "WITH {keep}owners, CASE WHEN size(owners) > 1 "
    "THEN reduce(k = '', x IN owners | k + x + '\\n') ELSE '' END AS key, "
    "coalesce(p.kind, '') AS kind, coalesce(p.legal_status, '') AS legal_status, "
    "coalesce(p.country, '') AS country, coalesce(p.grade, '') AS grade, "
    "substring(coalesce(p.filing_date, ''), 0, 4) AS year "
)
_FACT_KEYS = "kind, legal_status, country, grade, year"
ADJUST_FACT_COUNTS = (
    f"UNWIND $ids AS pid MATCH (p:Patent {{id: pid}}) WHERE EXISTS {{ (p)<-[:{_OWN}]-() }} "
    + _OWNERS_AND_FACTS.format(own=_OWN, keep="")
    + f"UNWIND owners AS org WITH org, key, {_FACT_KEYS}, count(*) AS patents "
    "MERGE (x:OrgFactCount {org: org, owners: key, kind: kind, legal_status: legal_status, "
    "country: country, grade: grade, year: year}) ON CREATE SET x.patents = 0 "
    "SET x.patents = x.patents + $sign * patents "
    "WITH x WHERE x.patents = 0 DELETE x"
)
# A write lock on each existing patent of $ids (sorted: writers lock in one order), held to
# the end of the transaction: what the transaction then reads of them cannot change under it.
LOCK_PATENTS = (
    "UNWIND $ids AS pid MATCH (p:Patent {id: pid}) SET p.ipgraph_lock = true REMOVE p.ipgraph_lock"
)
# The patents of the rows an ownership upsert will give a new owner (their rows change).
NEWLY_OWNED = (
    f"UNWIND $rows AS row MATCH (a:Organization {{id: row.src}}) MATCH (p:Patent {{id: row.dst}}) "
    f"WHERE NOT EXISTS {{ (a)-[:{_OWN}]->(p) }} RETURN collect(DISTINCT p.id) AS ids"
)
COUNT_ORG_FACTS = (
    f"UNWIND $ids AS id MATCH (o:Organization {{id: id}})-[:{_OWN}]->(p:Patent) "
    + _OWNERS_AND_FACTS.format(own=_OWN, keep="o, ")
    + f"RETURN o.id AS org, key AS owners, {_FACT_KEYS}, count(*) AS patents"
)
WRITE_ORG_FACTS = (
    "UNWIND $rows AS row CREATE (:OrgFactCount {org: row.org, owners: row.owners, "
    "kind: row.kind, legal_status: row.legal_status, country: row.country, grade: row.grade, "
    "year: row.year, patents: row.patents})"
)
COUNT_FACT_ROWS = "MATCH (x:OrgFactCount) RETURN count(x) AS count"
ORG_FACT_COUNTS = (
    "UNWIND $ids AS id MATCH (x:OrgFactCount {org: id}) "
    "RETURN collect(x.org) AS org, collect(x.owners) AS owners, collect(x.kind) AS kind, "
    "collect(x.legal_status) AS legal_status, collect(x.country) AS country, "
    "collect(x.grade) AS grade, collect(x.year) AS year, collect(x.patents) AS patents"
)

# The profile rows counted from the edges on a day (aggregates hold only the present).
_ORG_IPC_ON = (
    f"MATCH (o:Organization)-[own:{OWNERSHIP_EDGE.value}]->(p:Patent)-[:CLASSIFIED_AS]->(i:IPC) "
    f"WHERE {{where}} AND {_OWNED_ON} "
    "WITH o, i, count(DISTINCT p) AS patents "
    "RETURN o.id AS org, coalesce(o.name, o.id) AS name, i.id AS code, patents "
    "ORDER BY org, code"
)
ORG_IPC_COUNTS_ON = _ORG_IPC_ON.format(where="o.id IN $ids")
IPC_CODE_COUNTS_ON = _ORG_IPC_ON.format(where="i.id IN $codes")

# Competitor candidates scored in the database from the maintained profiles: the `$limit`
# organisations with most patents in the `$seek` codes, each with the dot product against the
# whole `$profile` (a map code -> patents) and its norm, read from its own rows, so
# competitors read `$limit` rows instead of every organisation's rows in every code.
COMPETITOR_CANDIDATES = """
UNWIND $seek AS code
MATCH (x:OrgIpcCount {code: code})
WHERE NOT x.org IN $exclude
WITH x.org AS org, sum(x.patents) AS shared
ORDER BY shared DESC, org LIMIT $limit
MATCH (y:OrgIpcCount {org: org})
WITH org, shared, sum(y.patents * coalesce($profile[y.code], 0)) AS dot,
     sum(y.patents * y.patents) AS norm_sq
MATCH (o:Organization {id: org})
RETURN org, coalesce(o.name, o.id) AS name, shared, dot, norm_sq
ORDER BY shared DESC, org
"""

# Due diligence (TargetQueries): the key inventors of a target's patents aggregated in the
# database (a person is their id up to '~'), and the applicants from outside the target.
INVENTOR_STATS = """
UNWIND $ids AS pid
MATCH (p:Patent {id: pid})<-[:INVENTOR_OF]-(x:Person)
WITH split(x.id, '~')[0] AS person, p, x
WITH person, collect(DISTINCT p) AS ps, max(x.id) AS last
ORDER BY size(ps) DESC, person LIMIT $limit
CALL (ps) { UNWIND ps AS p RETURN sum(COUNT { (p)<-[:CITES]-(:Patent) }) AS citations }
MATCH (n:Person {id: last})
RETURN person, coalesce(n.name, n.title, n.path, n.id) AS name, size(ps) AS patents, citations
ORDER BY patents DESC, person
"""
OUTSIDE_LINKS: dict[EdgeType, str] = {
    edge: (
        f"UNWIND $ids AS pid MATCH (p:Patent {{id: pid}})<-[r:{edge.value}]-(o:Organization) "
        "WHERE NOT o.id IN $orgs "
        "RETURN o.id AS src, coalesce(o.name, o.title, o.path, o.id) AS src_name, p.id AS dst, "
        "coalesce(p.name, p.title, p.path, p.id) AS dst_name, properties(r) AS props "
        "ORDER BY src, dst"
    )
    for edge in EdgeType
    if edge.endpoints == (NodeLabel.ORGANIZATION, NodeLabel.PATENT)
}
