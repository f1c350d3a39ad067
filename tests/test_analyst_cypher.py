"""Analyst Cypher: reads answer on Neo4j, every way of writing is refused, and the embedded
backend says clearly that it has no Cypher."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from graph.analyst_cypher import check_read_only
from graph.errors import CypherRefusedError
from ingest.pipeline import ingest_paths
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests.conftest import SAMPLE_PATENTS, api_key, production_settings

WRITES = [
    "CREATE (n:Patent {id: 'X'})",
    "MERGE (n:Organization {id: 'X'}) RETURN n",
    "MATCH (p:Patent) SET p.title = 'x'",
    "MATCH (p:Patent) REMOVE p.title",
    "MATCH (p:Patent) DELETE p",
    "MATCH (p:Patent) DETACH DELETE p",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.security.createUser('mallory', 'secret123', false)",
    "CALL dbms.killQueries(['query-1'])",
    "CALL apoc.create.node(['Patent'], {id: 'X'})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "MATCH (p:Patent) WITH p LIMIT 1 CREATE (p)-[:CITES]->(:Patent {id: 'X'})",
    "MATCH (p:Patent) WITH p /* a comment */ sEt p.kind = 'design'",
    "MATCH (p:Patent) CALL { WITH p DELETE p } IN TRANSACTIONS",
    "MATCH (p:Patent) FOREACH (x IN [1] | CREATE (:Patent {id: 'X'}))",
    "CREATE INDEX x IF NOT EXISTS FOR (n:Patent) ON (n.kind)",
    "DROP CONSTRAINT patent_id",
    "USE system CREATE USER mallory SET PASSWORD 'secret123'",
    # a quote inside a comment, a comment marker inside a string: one left-to-right pass
    "MATCH (n) WITH count(n) AS c // it's\nLOAD CSV FROM 'http://127.0.0.1/' AS r RETURN r // '",
    "// it's\nTERMINATE TRANSACTIONS 'neo4j-transaction-1' // '",
    "RETURN '/*' AS a /* ' */ CREATE (n:X) //",
    "RETURN 'a\\\\' AS a CREATE (:X) RETURN '\\''",
    "RETURN 1 /* unterminated CREATE (:X)",
    "SHOW SETTINGS",
    "UNWIND [1] AS x CALL (x) { RETURN x } IN CONCURRENT TRANSACTIONS RETURN x",
    "CALL `dbms`.`listConfig`()",
]
READS = [
    "MATCH (p:Patent) WHERE p.title CONTAINS 'CREATE' RETURN p.id",
    "MATCH (n {set: 1}) RETURN n.delete",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (o:Organization)-[:APPLICANT_OF]->(p) RETURN o.id, count(p) // SET nothing",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_are_refused_before_reaching_a_server(query: str) -> None:
    with pytest.raises(CypherRefusedError):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_reads_that_look_like_writes_pass(query: str) -> None:
    check_read_only(query)


# Loops inside one expression run inside one row, where Neo4j 5 checks neither the timeout
# nor TERMINATE: refused before they start.
EXPRESSION_LOOPS = [
    ("RETURN reduce(s = '', i IN range(1, 10) | s + 'a')", {}),
    ("MATCH (p:Patent) WITH collect(p.title) AS t RETURN REDUCE (s = '', x IN t | s + x)", {}),
    ("RETURN [x IN range(1, 10000000) | x * 2][0]", {}),
    ("RETURN any(x IN range(0, 9999999999) WHERE x < 0)", {}),
    ("RETURN size([x IN range(1, $n) | x])", {"n": 10_000_000}),
    ("RETURN size([x IN range(1, $n) | x])", {"n": "10"}),
    ("RETURN [x IN range(1, toInteger('9' + '999999')) | x]", {}),
    ("RETURN [x IN RANGE(1, 10, 0) | x]", {}),
]
BOUNDED_LOOPS = [
    ("RETURN [x IN range(1, 100) | x * 2] AS xs", {}),
    ("RETURN [x IN range(-5, $n, 2) | x] AS xs", {"n": 5000}),
    ("UNWIND range(1, 1000000000) AS x RETURN count(x)", {}),
    ("MATCH (p:Patent) RETURN p.reduce, p.range LIMIT 1", {}),
]


@pytest.mark.parametrize(("query", "params"), EXPRESSION_LOOPS)
def test_loops_inside_one_row_are_refused(query: str, params: dict[str, object]) -> None:
    with pytest.raises(CypherRefusedError):
        check_read_only(query, params)


@pytest.mark.parametrize(("query", "params"), BOUNDED_LOOPS)
def test_bounded_and_row_making_loops_pass(query: str, params: dict[str, object]) -> None:
    check_read_only(query, params)


def test_embedded_backend_has_no_cypher(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    dd = api_key(settings, "dd")
    stores = open_stores(settings)
    try:
        with TestClient(create_app(settings, stores=stores)) as client:
            response = client.post("/api/v1/graph/cypher", json={"query": "RETURN 1"}, headers=dd)
    finally:
        stores.close()
    assert response.status_code == 501
    assert response.json()["code"] == "CYPHER_UNAVAILABLE"


def test_cypher_needs_a_role_that_sees_everything(tmp_path: Path) -> None:
    """Cypher reads the raw graph, trade secrets included: portal and analyst keys get 403."""
    settings = Settings(data_dir=tmp_path)
    headers = {role: api_key(settings, role) for role in ("portal", "analyst")}
    stores = open_stores(settings)
    try:
        with TestClient(create_app(settings, stores=stores)) as client:
            for role, header in [*headers.items(), ("anonymous", {})]:
                response = client.post(
                    "/api/v1/graph/cypher", json={"query": "RETURN 1"}, headers=header
                )
                assert response.status_code == 403, role
                assert response.json()["code"] == "FORBIDDEN"
            bad = client.post(
                "/api/v1/graph/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "x"}
            )
            assert bad.status_code == 401 and bad.json()["code"] == "API_KEY_INVALID"
    finally:
        stores.close()


@pytest.fixture(scope="module")
def neo4j_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, Stores]]:
    request.getfixturevalue("es_client")
    request.getfixturevalue("neo4j_driver")
    settings = production_settings(
        index_prefix="test-cypher-", data_dir=tmp_path_factory.mktemp("cypher-keys")
    )
    headers = api_key(settings, "dd")
    stores = open_stores(settings)
    stores.graph.delete_all()
    stores.index.delete_all()
    ingest_paths(
        [SAMPLE_PATENTS], stores.graph, stores.index, tmp_path_factory.mktemp("cypher-dead")
    )
    try:
        with TestClient(create_app(settings, stores=stores), headers=headers) as client:
            yield client, stores
    finally:
        stores.graph.delete_all()
        stores.index.delete_all()
        stores.close()


@pytest.mark.integration
def test_reads_answer_with_parameters(neo4j_app: tuple[TestClient, Stores]) -> None:
    client, _ = neo4j_app
    response = client.post(
        "/api/v1/graph/cypher",
        json={
            "query": "MATCH (o:Organization {id: $org})-[:APPLICANT_OF]->(p:Patent) "
            "RETURN p.id AS patent ORDER BY patent",
            "params": {"org": "比亚迪股份有限公司"},
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["columns"] == ["patent"]
    assert body["rows"] == [["CN115000002A"], ["CN115000011A"], ["CN216000003U"]]
    assert body["truncated"] is False


@pytest.mark.integration
def test_row_limit_and_timeout(neo4j_app: tuple[TestClient, Stores]) -> None:
    client, _ = neo4j_app
    limited = client.post(
        "/api/v1/graph/cypher",
        json={"query": "UNWIND range(1, 50) AS x RETURN x", "row_limit": 10},
    ).json()
    assert [r[0] for r in limited["rows"]] == list(range(1, 11)) and limited["truncated"]
    slow = client.post(
        "/api/v1/graph/cypher",
        json={
            "query": "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)",
            "timeout_s": 0.5,
        },
    )
    assert slow.status_code == 504 and slow.json()["code"] == "CYPHER_TIMEOUT"


@pytest.mark.integration
def test_no_write_gets_through_the_endpoint(neo4j_app: tuple[TestClient, Stores]) -> None:
    client, stores = neo4j_app
    before = stores.graph.counts()
    for query in WRITES:
        response = client.post("/api/v1/graph/cypher", json={"query": query})
        assert response.status_code == 400, (query, response.json())
        assert response.json()["code"] == "CYPHER_REFUSED"
    assert stores.graph.counts() == before


@pytest.mark.integration
def test_the_server_refuses_a_write_the_lexer_missed(
    neo4j_app: tuple[TestClient, Stores], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lock 1 switched off: the server's plan (query type) still refuses the write."""
    client, stores = neo4j_app
    monkeypatch.setattr("graph.neo4j_store.check_read_only", lambda query, params=None: None)
    before = stores.graph.counts()
    for query in ("CREATE (n:Patent {id: 'X'})", "MATCH (p:Patent) WITH p SET p.kind = 'x'"):
        response = client.post("/api/v1/graph/cypher", json={"query": query})
        assert response.status_code == 400 and response.json()["code"] == "CYPHER_REFUSED"
        assert response.json()["detail"]["query_type"] in ("w", "rw")
    assert stores.graph.counts() == before
