"""Every Cypher statement the service sends, as parameterised constants.

Labels and relationship types cannot be query parameters in Cypher, so the per-label and
per-type statements are generated here, once, from the closed `NodeLabel` / `EdgeType` enums;
every value that comes from data travels in `$rows` or another parameter.
"""

from __future__ import annotations

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
    "CALL (n) {{ MATCH (n){arrow}(m) WHERE type(r) IN $types "
    "RETURN r, m ORDER BY type(r), m.id LIMIT $per_node }} "
    "RETURN type(r) AS type, n.id AS id, labels(m) AS other_labels, m.id AS other, "
    "coalesce(m.name, m.title, m.path, m.id) AS other_name, "
    "coalesce(n.name, n.title, n.path, n.id) AS name, "
    "properties(r) AS props"
)
EXPAND_OUT: dict[NodeLabel, str] = {
    label: f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) "
    + _EXPAND_BODY.format(arrow="-[r]->")
    for label in NodeLabel
}
EXPAND_IN: dict[NodeLabel, str] = {
    label: f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) "
    + _EXPAND_BODY.format(arrow="<-[r]-")
    for label in NodeLabel
}

PORTFOLIO = """
UNWIND $ids AS org_id
MATCH (:Organization {id: org_id})-[:APPLICANT_OF]->(p:Patent)
RETURN p.id AS id, org_id AS owner, p.kind AS kind, p.legal_status AS legal_status,
       p.country AS country, p.filing_date AS filing_date, coalesce(p.ipc, []) AS ipc,
       p.grade AS grade
ORDER BY owner, id
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
# relationship types, undirected, at most H hops. Labels and the hop bound cannot be
# parameters, so one statement per (start label, goal label, H) is generated here from the
# closed enums and PATH_HOPS; the types, the day and the cap travel as parameters. An edge
# dated by `from`/`to` (ownership, stakes) is followed only on the days it held.
PATH_HOPS = range(1, 7)
_PATH_EDGE_FILTER = (
    "type(r) IN $types AND ($as_of IS NULL OR "
    "((r.`from` IS NULL OR r.`from` <= $as_of) AND (r.`to` IS NULL OR r.`to` > $as_of)))"
)
_PATH_BODY = (
    "MATCH p = ALL SHORTEST (a)(()-[r]-() WHERE {filter}){{1,{hops}}}(b) "
    "WITH p LIMIT $cap "
    "RETURN [x IN relationships(p) | {{type: type(x), src: startNode(x).id, "
    "dst: endNode(x).id, "
    "src_name: coalesce(startNode(x).name, startNode(x).title, startNode(x).path, "
    "startNode(x).id), "
    "dst_name: coalesce(endNode(x).name, endNode(x).title, endNode(x).path, endNode(x).id), "
    "props: properties(x)}}] AS links"
)
SHORTEST_PATHS: dict[tuple[NodeLabel, NodeLabel, int], str] = {
    (start, goal, hops): (
        f"MATCH (a:{start.value} {{id: $src}}) MATCH (b:{goal.value} {{id: $dst}}) "
        + _PATH_BODY.format(filter=_PATH_EDGE_FILTER, hops=hops)
    )
    for start in NodeLabel
    for goal in NodeLabel
    for hops in PATH_HOPS
}

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
)
HAS_AGGREGATE_INPUT = (
    f"OPTIONAL MATCH (:Organization)-[r:{OWNERSHIP_EDGE.value}]->(:Patent) "
    "WITH r LIMIT 1 OPTIONAL MATCH (x:OrgIpcCount) WITH r, x LIMIT 1 "
    "RETURN r IS NOT NULL AS owners, x IS NOT NULL AS counted"
)
_COUNT_ONE = (
    "MERGE (x:OrgIpcCount {{org: {org}.id, code: {code}.id}}) "
    "ON CREATE SET x.patents = 1 ON MATCH SET x.patents = x.patents + 1"
)


def _counted_upsert(edge: EdgeType, then: str) -> str:
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{edge.endpoints[0].value} {{id: row.src}}) "
        f"MATCH (b:{edge.endpoints[1].value} {{id: row.dst}}) "
        f"OPTIONAL MATCH (a)-[old:{edge.value}]->(b) "
        f"WITH a, b, row, old IS NULL AS created "
        f"MERGE (a)-[n:{edge.value}]->(b) SET n += row.props {_MERGE_SOURCE} "
        f"WITH a, b, created WHERE created {then}"
    )


UPSERT_EDGES_COUNTED: dict[EdgeType, str] = {
    OWNERSHIP_EDGE: _counted_upsert(
        OWNERSHIP_EDGE,
        "MATCH (b)-[:CLASSIFIED_AS]->(i:IPC) " + _COUNT_ONE.format(org="a", code="i"),
    ),
    EdgeType.CLASSIFIED_AS: _counted_upsert(
        EdgeType.CLASSIFIED_AS,
        f"MATCH (o:Organization)-[:{OWNERSHIP_EDGE.value}]->(a) "
        + _COUNT_ONE.format(org="o", code="b"),
    ),
}
REBUILD_AGGREGATES: tuple[str, ...] = (
    "MATCH (x:OrgIpcCount) CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (o:Organization)-[:{OWNERSHIP_EDGE.value}]->(p:Patent)-[:CLASSIFIED_AS]->(i:IPC) "
    "WITH o.id AS org, i.id AS code, count(*) AS patents "
    "CALL (org, code, patents) { CREATE (:OrgIpcCount {org: org, code: code, "
    "patents: patents}) } IN TRANSACTIONS OF 10000 ROWS",
)
COUNT_AGGREGATES = "MATCH (x:OrgIpcCount) RETURN count(x) AS count"
_AGG_ROWS = (
    "MATCH (o:Organization {{id: x.org}}) "
    "RETURN x.org AS org, coalesce(o.name, o.id) AS name, x.code AS code, "
    "x.patents AS patents ORDER BY org, code"
)
ORG_IPC_COUNTS = "UNWIND $ids AS id MATCH (x:OrgIpcCount {org: id}) " + _AGG_ROWS.format()
IPC_CODE_COUNTS = "UNWIND $codes AS c MATCH (x:OrgIpcCount {code: c}) " + _AGG_ROWS.format()
# Counts of the graph's own labels: the aggregate's label is bookkeeping, not graph data.
COUNT_NODES_KNOWN = (
    "MATCH (n) UNWIND labels(n) AS label WITH label WHERE label IN $labels "
    "RETURN label, count(*) AS count"
)

# Portfolio counts for KPIs (AggregateQueries.portfolio_counts): grouped in the database, so a
# group's KPIs read a few hundred rows instead of one per patent.
_FACT_COLUMNS = (
    "p.kind AS kind, p.legal_status AS legal_status, p.country AS country, p.grade AS grade, "
    "substring(coalesce(p.filing_date, ''), 0, 4) AS year, count(*) AS patents"
)
# An ownership edge held on $as_of (always, when $as_of is null or the edge is undated).
_OWNED_ON = (
    "($as_of IS NULL OR ((own.`from` IS NULL OR own.`from` <= $as_of) "
    "AND (own.`to` IS NULL OR own.`to` > $as_of)))"
)
PORTFOLIO_COUNTS_BY_OWNER = (
    f"UNWIND $ids AS org_id MATCH (:Organization {{id: org_id}})-[own:{OWNERSHIP_EDGE.value}]->"
    f"(p:Patent) WHERE {_OWNED_ON} RETURN org_id AS owner, {_FACT_COLUMNS}"
)
PORTFOLIO_COUNTS_WHOLE = (
    f"UNWIND $ids AS org_id MATCH (:Organization {{id: org_id}})-[own:{OWNERSHIP_EDGE.value}]->"
    f"(p:Patent) WHERE {_OWNED_ON} WITH DISTINCT p RETURN null AS owner, {_FACT_COLUMNS}"
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
# organisations with most patents in the profile's codes, with the dot product and their norm,
# so competitors read `$limit` rows instead of every organisation's rows in every code.
COMPETITOR_CANDIDATES = """
UNWIND $profile AS t
MATCH (x:OrgIpcCount {code: t.code})
WHERE NOT x.org IN $exclude
WITH x.org AS org, sum(x.patents) AS shared, sum(x.patents * t.n) AS dot
ORDER BY shared DESC, org LIMIT $limit
MATCH (y:OrgIpcCount {org: org})
WITH org, shared, dot, sum(y.patents * y.patents) AS norm_sq
MATCH (o:Organization {id: org})
RETURN org, coalesce(o.name, o.id) AS name, shared, dot, norm_sq
ORDER BY shared DESC, org
"""
