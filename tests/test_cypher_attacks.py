"""The analyst Cypher endpoint tried as an attacker would, against the real Neo4j that
`ipgraph services up` starts. Every attack must end in a coded 4xx, never a 2xx or a 500; a
local HTTP listener must see zero requests (no server-side request forgery); the graph's counts,
labels, property keys and indexes must be identical before and after.

Each attack runs twice: through the whole endpoint, and with the lexical first filter switched
off, so that the server-side locks (the plan allow-list, the READ transaction and the server's
own settings) are shown to hold on their own."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from ingest.pipeline import ingest_paths
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_PATENTS, api_key, production_settings

pytestmark = pytest.mark.integration

# `{url}` is the test's own HTTP listener.
ATTACKS = [
    # write clauses in every case and spacing
    "cReAtE (n:Patent {id: 'X'})",
    "MATCH (p:Patent)\tSET\np.title = 'x'",
    "MATCH (p:Patent) DETACH\n\n DELETE p",
    "merge (o:Organization {id: 'X'}) return o",
    "MATCH (p:Patent) WITH p LIMIT 1 REMOVE p.title",
    "MATCH (p:Patent) FOREACH (x IN [1] | CREATE (:Patent {id: 'X'}))",
    "UNWIND [1] AS x CREATE (:Patent {id: toString(x)})",
    # comment/string confusions
    "MATCH (n) WITH count(n) AS c // it's\nLOAD CSV FROM '{url}/a' AS r RETURN r // '",
    "// it's\nTERMINATE TRANSACTIONS 'neo4j-transaction-1' // '",
    "RETURN '/*' AS a, 1 AS b /* ' */ CREATE (n:X) //",
    'RETURN "it\\"s" AS a CREATE (n:X) RETURN "\\""',
    "RETURN 'a\\\\' AS a CREATE (:X) RETURN '\\''",
    "MATCH (`a` ) WITH 1 AS `x`` //` CREATE (:X)",
    "RETURN 1 /* unterminated CREATE (:X)",
    "RETURN 'unterminated CREATE (:X)",
    # CALL subqueries and IN TRANSACTIONS
    "CALL () { CREATE (:X) }",
    "MATCH (p:Patent) CALL (p) { SET p.title = 'x' } RETURN p",
    "MATCH (p:Patent) CALL { WITH p DELETE p } IN TRANSACTIONS",
    "UNWIND [1, 2] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS OF 1 ROW RETURN y",
    "UNWIND [1] AS x CALL (x) { LOAD CSV FROM '{url}/b' AS r RETURN r } RETURN r",
    "UNWIND [1] AS x CALL (x) { RETURN x AS y } IN CONCURRENT TRANSACTIONS RETURN y",
    "UNWIND [1] AS x CALL (x) { RETURN x AS y } IN 2 CONCURRENT TRANSACTIONS RETURN y",
    # LOAD CSV from a file and from the listener
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load\ncsv with headers from '{url}/c' as row return row",
    "LOAD CSV FROM '{url}/d' AS r FIELDTERMINATOR ';' RETURN r",
    # SHOW / TERMINATE / administration
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS",
    "show procedures yield name return name",
    "SHOW FUNCTIONS",
    "SHOW INDEXES",
    "SHOW USERS",
    "SHOW DATABASES",
    "SHOW CURRENT USER",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "USE system SHOW USERS",
    "USE system CREATE USER mallory SET PASSWORD 'secret123'",
    "CREATE INDEX x IF NOT EXISTS FOR (n:Patent) ON (n.kind)",
    "DROP CONSTRAINT patent_id",
    "ALTER DATABASE neo4j SET ACCESS READ ONLY",
    # procedures beyond the schema-reading allow-list
    "CALL dbms.listConfig()",
    "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "CALL `dbms`.`listConfig`()",
    "CALL dbms.listConfig",
    "CALL db.createLabel('X')",
    "CALL db.createProperty('x')",
    "CALL db.clearQueryCaches()",
    "CALL db.stats.retrieve('GRAPH COUNTS')",
    "CALL db.awaitIndexes(1)",
    "CALL dbms.security.createUser('mallory', 'secret123', false)",
    "CALL dbms.components() YIELD name RETURN name",
    "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms /* a comment */ . listConfig()",
    "CALL `dbms.listConfig`()",
    "CALL db.index.fulltext.queryNodes('x', 'y')",
    # statement prefixes and several statements
    "CYPHER 5 LOAD CSV FROM '{url}/f' AS r RETURN r",
    "CYPHER runtime=slotted LOAD CSV FROM '{url}/g' AS r RETURN r",
    "PROFILE LOAD CSV FROM '{url}/h' AS r RETURN r",
    "RETURN 1; CREATE (n:X)",
    "MATCH (n) RETURN n; LOAD CSV FROM '{url}/i' AS r RETURN r",
    # UNION tricks
    "RETURN 1 AS x UNION LOAD CSV FROM '{url}/e' AS r RETURN 1 AS x",
    "RETURN 'x' AS name UNION ALL CALL dbms.listConfig() YIELD name RETURN name",
    "RETURN 1 AS x UNION CREATE (n:X) RETURN 1 AS x",
    "MATCH (n) RETURN count(n) AS x UNION ALL SHOW SETTINGS YIELD name RETURN name AS x",
    "CALL db.labels() YIELD label RETURN label UNION CALL dbms.listConfig() YIELD name "
    "RETURN name AS label",
    "RETURN 1 AS x UNION CALL () { LOAD CSV FROM '{url}/j' AS r RETURN count(r) AS x } RETURN x",
]
READS = [
    "MATCH (p:Patent) WHERE p.title CONTAINS 'CREATE' RETURN p.id ORDER BY p.id LIMIT 3",
    "RETURN 'LOAD CSV FROM x' AS s, \"SHOW SETTINGS\" AS t // DELETE nothing",
    "MATCH (n {set: 1}) RETURN n.delete",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "CALL db.schema.visualization()",
    "MATCH (o:Organization)-[:APPLICANT_OF]->(p) RETURN o.id, count(p) ORDER BY o.id LIMIT 5",
    "MATCH p = shortestPath((a:Organization)-[*..4]-(b:Patent)) RETURN length(p) LIMIT 1",
    "MATCH (a:Organization) WHERE EXISTS { MATCH (a)-->() } RETURN count(a) AS n "
    "UNION MATCH (p:Patent) RETURN count(p) AS n",
    "CALL () { MATCH (n:Patent) RETURN n } RETURN count(n)",
    "MATCH (p:Patent) RETURN p.transactions, p.`show` LIMIT 1",
    "CYPHER 5 MATCH (p:Patent) RETURN count(p)",
    "MATCH (p:Patent) OPTIONAL MATCH (p)-[r]-(x) RETURN p.id, collect(type(r))[..2] LIMIT 3",
]
HUGE = [
    "RETURN range(1, 100000000) AS r",
    "UNWIND range(1, 20000000) AS x RETURN collect(x) AS xs",
]


class _Listener(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"a,b\n1,2\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[str, list[str]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Listener.seen
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def attacked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, Stores]]:
    request.getfixturevalue("es_client")
    request.getfixturevalue("neo4j_driver")
    settings = production_settings(
        index_prefix="test-attacks-", data_dir=tmp_path_factory.mktemp("attack-keys")
    )
    headers = api_key(settings, "dd")
    stores = open_stores(settings)
    stores.graph.delete_all()
    stores.index.delete_all()
    stores.graph.ensure_schema()
    ingest_paths(
        [SAMPLE_PATENTS], stores.graph, stores.index, tmp_path_factory.mktemp("attack-dead")
    )
    try:
        with TestClient(create_app(settings, stores=stores), headers=headers) as client:
            yield client, stores
    finally:
        stores.graph.delete_all()
        stores.index.delete_all()
        stores.close()


def _snapshot(driver: Driver, stores: Stores) -> dict[str, object]:
    """Everything an attack could change: counts, labels, property keys, indexes, users."""
    records = {
        name: driver.execute_query(query, database_=database).records
        for name, query, database in (
            ("labels", "CALL db.labels() YIELD label RETURN label ORDER BY label", "neo4j"),
            ("keys", "CALL db.propertyKeys() YIELD propertyKey AS k RETURN k ORDER BY k", "neo4j"),
            ("indexes", "SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name", "neo4j"),
            ("users", "SHOW USERS YIELD user RETURN user ORDER BY user", "system"),
            ("access", "SHOW DATABASES YIELD name, access RETURN name, access", "system"),
        )
    }
    values = {name: [record.values() for record in found] for name, found in records.items()}
    return {"counts": stores.graph.counts(), **values}


@pytest.fixture(scope="module")
def before(attacked: tuple[TestClient, Stores], neo4j_driver: Driver) -> dict[str, object]:
    return _snapshot(neo4j_driver, attacked[1])


def _post(client: TestClient, query: str, url: str, **extra: object) -> tuple[int, dict[str, Any]]:
    response = client.post(
        "/api/v1/graph/cypher", json={"query": query.replace("{url}", url), **extra}
    )
    return response.status_code, response.json()


@pytest.mark.parametrize("query", ATTACKS)
def test_attack_is_refused_by_the_endpoint(
    attacked: tuple[TestClient, Stores],
    listener: tuple[str, list[str]],
    before: dict[str, object],
    query: str,
) -> None:
    status, body = _post(attacked[0], query, listener[0])
    assert status == 400 and body["code"] == "CYPHER_REFUSED", (status, body)
    assert listener[1] == []


@pytest.mark.parametrize("query", ATTACKS)
def test_attack_is_refused_by_the_server_without_the_lexer(
    attacked: tuple[TestClient, Stores],
    listener: tuple[str, list[str]],
    before: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    query: str,
) -> None:
    """The lexical filter off: the plan allow-list, the READ transaction and the server's own
    settings refuse every attack with a coded 4xx (a syntax error is a refusal too)."""
    monkeypatch.setattr("graph.neo4j_store.check_read_only", lambda query, params=None: None)
    status, body = _post(attacked[0], query, listener[0])
    assert 400 <= status < 500, (status, body)
    assert body["code"] in ("CYPHER_REFUSED", "GRAPH_QUERY_ERROR"), body
    assert listener[1] == []


def test_the_server_itself_refuses_load_csv(
    neo4j_driver: Driver, listener: tuple[str, list[str]], before: dict[str, object]
) -> None:
    """Every lock of ours bypassed (the admin driver, no plan check): the server's settings
    still refuse LOAD CSV from a file and from any address, and the listener sees nothing."""
    import neo4j.exceptions

    for source in (f"{listener[0]}/raw", "http://localhost:1/x", "file:///etc/passwd"):
        with pytest.raises(neo4j.exceptions.ClientError) as refused:
            neo4j_driver.execute_query(
                f"LOAD CSV FROM '{source}' AS r RETURN r",  # type: ignore[arg-type]
                routing_="r",
            )
        assert refused.value.code == "Neo.ClientError.Statement.ExternalResourceFailed"
    assert listener[1] == []


@pytest.mark.parametrize("query", HUGE)
def test_huge_results_end_as_a_coded_4xx_within_the_timeout(
    attacked: tuple[TestClient, Stores], query: str
) -> None:
    started = time.monotonic()
    status, body = _post(attacked[0], query, "", timeout_s=10)
    assert (status, body["code"]) == (422, "CYPHER_RESULT_TOO_LARGE"), body
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("query", READS)
def test_plain_reads_still_answer(
    attacked: tuple[TestClient, Stores], listener: tuple[str, list[str]], query: str
) -> None:
    status, body = _post(attacked[0], query, listener[0])
    assert status == 200, body


def test_nothing_changed(
    attacked: tuple[TestClient, Stores],
    neo4j_driver: Driver,
    listener: tuple[str, list[str]],
    before: dict[str, object],
) -> None:
    """Runs last in this module: after every attack above, the graph is what it was."""
    assert _snapshot(neo4j_driver, attacked[1]) == before
    assert listener[1] == []
