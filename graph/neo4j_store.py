"""GraphStore on a Neo4j server through the official driver."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar, cast

import neo4j
import structlog
from neo4j import Driver, RoutingControl
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph import cypher
from graph.errors import GraphError, GraphUnavailableError
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

log = structlog.get_logger(__name__)
T = TypeVar("T")
BATCH_SIZE = 1000


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
        raise GraphUnavailableError(
            "the Neo4j server cannot be reached", detail={"reason": str(exc)}
        ) from exc
    except neo4j.exceptions.Neo4jError as exc:
        raise GraphError("Neo4j rejected a statement", detail={"neo4j_code": exc.code}) from exc


class Neo4jGraphStore:
    """Takes a ready driver; opens no connection until the first query."""

    def __init__(self, driver: Driver, *, database: str = "neo4j") -> None:
        self._driver = driver
        self._database = database

    def _query(
        self,
        statement: LiteralString,
        params: dict[str, Any] | None = None,
        *,
        read: bool = False,
        transform: Callable[[neo4j.Result], T],
    ) -> T:
        with _translated_errors():
            return self._driver.execute_query(
                statement,
                params or {},
                database_=self._database,
                routing_=RoutingControl.READ if read else RoutingControl.WRITE,
                result_transformer_=transform,
            )

    def _write(self, statement: LiteralString, params: dict[str, Any]) -> None:
        self._query(statement, params, transform=neo4j.Result.consume)

    def ensure_schema(self) -> None:
        for statement in cypher.SCHEMA:
            self._write(statement, {})
        log.info("neo4j_schema_ready", statements=len(cypher.SCHEMA))

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        statement = cypher.UPSERT_NODES[label]
        for start in range(0, len(rows), BATCH_SIZE):
            batch = [
                {"id": r.id, "props": r.props, "source": r.source}
                for r in rows[start : start + BATCH_SIZE]
            ]
            self._write(statement, {"rows": batch})

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        statement = cypher.UPSERT_EDGES[edge_type]
        for start in range(0, len(rows), BATCH_SIZE):
            batch = [
                {"src": r.src, "dst": r.dst, "props": r.props, "source": r.source}
                for r in rows[start : start + BATCH_SIZE]
            ]
            self._write(statement, {"rows": batch})

    def get_patent(self, patent_id: str) -> PatentView | None:
        records = self._query(
            cypher.GET_PATENT, {"id": patent_id}, read=True, transform=lambda r: list(r)
        )
        if not records:
            return None
        record = records[0]
        props: Properties = dict(record["patent"])
        sources = cast(list[str], props.pop("sources", []))
        return PatentView(
            id=cast(str, props.pop("id")),
            props=props,
            sources=sorted(sources),
            applicants=_linked(record["applicants"]),
            inventors=_linked(record["inventors"]),
            ipc=_linked(record["ipc"]),
            documents=_linked(record["documents"]),
        )

    def counts(self) -> GraphCounts:
        nodes = self._query(cypher.COUNT_NODES, read=True, transform=lambda r: list(r))
        edges = self._query(cypher.COUNT_EDGES, read=True, transform=lambda r: list(r))
        return GraphCounts(
            nodes={rec["label"]: rec["count"] for rec in nodes},
            edges={rec["type"]: rec["count"] for rec in edges},
        )

    def ping(self) -> None:
        self._query(cypher.PING, read=True, transform=neo4j.Result.consume)

    def server_version(self) -> str:
        records = self._query(cypher.SERVER_VERSION, read=True, transform=lambda r: list(r))
        return f"Neo4j {records[0]['version']} {records[0]['edition']}"

    def delete_all(self) -> None:
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction, which execute_query is not.
        with _translated_errors(), self._driver.session(database=self._database) as session:
            session.run(cypher.DELETE_ALL).consume()

    def close(self) -> None:
        self._driver.close()


def _linked(items: list[dict[str, Any]]) -> list[LinkedEntity]:
    entities = [LinkedEntity(id=i["id"], name=i["name"], order=i["order"]) for i in items]
    return sorted(entities, key=lambda e: (e.order if e.order is not None else 1 << 30, e.id))
