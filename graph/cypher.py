"""Every Cypher statement the service sends, as parameterised constants.

Labels and relationship types cannot be query parameters in Cypher, so the per-label and
per-type statements are generated here, once, from the closed `NodeLabel` / `EdgeType` enums;
every value that comes from data travels in `$rows` or another parameter.
"""

from __future__ import annotations

from graph.model import EdgeType, NodeLabel

SCHEMA: tuple[str, ...] = (
    *(
        f"CREATE CONSTRAINT {label.value.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE"
        for label in NodeLabel
    ),
    "CREATE INDEX patent_application_number IF NOT EXISTS FOR (n:Patent) ON (n.application_number)",
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

GET_PATENT = """
MATCH (p:Patent)
WHERE p.id = $id OR p.application_number = $id
WITH p ORDER BY p.id LIMIT 1
RETURN p {.*} AS patent,
  [(o:Organization)-[r:APPLICANT_OF]->(p) | {id: o.id, name: o.name, order: r.order}]
    AS applicants,
  [(x:Person)-[r:INVENTOR_OF]->(p) | {id: x.id, name: x.name, order: r.order}] AS inventors,
  [(p)-[r:CLASSIFIED_AS]->(i:IPC) | {id: i.id, name: i.id, order: r.order}] AS ipc,
  [(p)-[:EXTRACTED_FROM]->(d:Document) | {id: d.id, name: d.path, order: null}] AS documents
"""

COUNT_NODES = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count"
COUNT_EDGES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count"

PING = "RETURN 1 AS ok"

# Batched so that a large graph is not deleted in one transaction that exhausts the heap.
DELETE_ALL = "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

SERVER_VERSION = (
    "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"
)
