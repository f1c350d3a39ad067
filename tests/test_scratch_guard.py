"""Tests and benches never wipe a Neo4j database they did not create: with a node nobody's
test put there and no scratch marker, the guard refuses and the bench exits untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph.scratch import NotScratchError, claim_scratch_database, is_scratch
from tests.conftest import production_settings

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[1]
FOREIGN = "MATCH (n:ForeignData {id: 'not-ours'}) RETURN count(n) AS count"


@pytest.fixture
def foreign_database(neo4j_driver: Driver) -> Iterator[Driver]:
    """The session's database as someone else's: unmarked, one node of their data in it."""
    database = production_settings().neo4j_database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    neo4j_driver.execute_query("DROP INDEX ipgraph_scratch_marker IF EXISTS", database_=database)
    neo4j_driver.execute_query("CREATE (:ForeignData {id: 'not-ours'})", database_=database)
    try:
        yield neo4j_driver
    finally:
        neo4j_driver.execute_query("MATCH (n:ForeignData) DELETE n", database_=database)
        claim_scratch_database(neo4j_driver, database)


def test_the_guard_refuses_a_database_with_foreign_data(foreign_database: Driver) -> None:
    database = production_settings().neo4j_database
    with pytest.raises(NotScratchError):
        claim_scratch_database(foreign_database, database)
    assert not is_scratch(foreign_database, database)
    assert foreign_database.execute_query(FOREIGN).records[0]["count"] == 1


def test_the_graph_bench_leaves_foreign_data_alone(foreign_database: Driver) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bench = subprocess.run(
        [sys.executable, "-m", "bench.graph", "--backend", "neo4j", "--patents", "20"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert bench.returncode == 2, bench.stdout + bench.stderr
    assert "GRAPH_NOT_SCRATCH" in bench.stderr
    assert foreign_database.execute_query(FOREIGN).records[0]["count"] == 1


def test_an_empty_database_becomes_scratch_and_stays_claimable(neo4j_driver: Driver) -> None:
    database = production_settings().neo4j_database
    claim_scratch_database(neo4j_driver, database)
    assert is_scratch(neo4j_driver, database)
