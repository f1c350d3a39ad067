"""Tests and benchmarks wipe their Neo4j database (`delete_all`), and Neo4j Community has one
user database: they must never wipe one that holds someone's data. A database is theirs when it
is empty, or when it carries the scratch marker that an earlier test or bench run created; any
other database is refused before anything is deleted.

The marker is a named index, not a node, so that it changes no count and outlives delete_all;
a test session that ends with an empty database removes it again, so a database later filled
with real data is not mistaken for scratch."""

from __future__ import annotations

from neo4j import Driver, RoutingControl

from graph import cypher
from graph.errors import GraphError


class NotScratchError(GraphError):
    """The database holds data that no test or bench run put there."""

    code = "GRAPH_NOT_SCRATCH"


def claim_scratch_database(driver: Driver, database: str) -> None:
    """Mark the database as scratch, or raise `NotScratchError` if it holds foreign data."""
    if not _has_marker(driver, database) and _node_count(driver, database) > 0:
        raise NotScratchError(
            f"the Neo4j database {database!r} holds data and no scratch marker: refusing to "
            "wipe it. Point the tests/bench at their own server (IPGRAPH_SERVICES_DIR, "
            "IPGRAPH_SERVICES_NEO4J_PORT) or empty this one yourself",
            detail={"database": database},
        )
    driver.execute_query(cypher.SCRATCH_MARKER_CREATE, database_=database)


def release_scratch_database(driver: Driver, database: str) -> None:
    """Remove the marker if the run left the database empty."""
    if _node_count(driver, database) == 0:
        driver.execute_query(cypher.SCRATCH_MARKER_DROP, database_=database)


def is_scratch(driver: Driver, database: str) -> bool:
    return _has_marker(driver, database)


def _has_marker(driver: Driver, database: str) -> bool:
    records = driver.execute_query(
        cypher.SCRATCH_MARKER_COUNT, database_=database, routing_=RoutingControl.READ
    ).records
    return bool(records[0]["count"])


def _node_count(driver: Driver, database: str) -> int:
    records = driver.execute_query(
        cypher.ANY_NODE, database_=database, routing_=RoutingControl.READ
    ).records
    return int(records[0]["count"])
