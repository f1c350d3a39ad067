"""Analysts' read-only Cypher (Neo4j only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from graph.analyst_cypher import (
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_QUERY_CHARS,
    MAX_ROW_LIMIT,
)
from graph.errors import CypherUnsupportedError
from graph.store import CypherCapable
from search_api.auth import Principal, Role
from search_api.deps import requires
from search_api.routes.graph.common import (
    Ctx,
    router,
)
from search_api.schemas.common import ErrorBody


class CypherRequest(BaseModel):
    query: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        examples=["MATCH (o:Organization)-[:APPLICANT_OF]->(p:Patent) RETURN o.name, count(p)"],
    )
    params: dict[str, Any] = Field(default_factory=dict, description="query parameters ($name)")
    timeout_s: float = Field(default=DEFAULT_TIMEOUT_S, gt=0, le=60)
    row_limit: int = Field(default=DEFAULT_ROW_LIMIT, ge=1, le=MAX_ROW_LIMIT)


class CypherResponse(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="true when more rows existed than row_limit")
    notifications: list[str] = Field(default_factory=list)


@router.post(
    "/cypher",
    operation_id="run_cypher",
    response_model=CypherResponse,
    responses={
        400: {
            "model": ErrorBody,
            "description": "CYPHER_REFUSED: the query could write, administer or reach outside "
            "the graph (lexical filter or the server's plan); GRAPH_QUERY_ERROR otherwise",
        },
        422: {"model": ErrorBody, "description": "CYPHER_RESULT_TOO_LARGE: over the memory cap"},
        501: {"model": ErrorBody, "description": "CYPHER_UNAVAILABLE on the embedded backend"},
        504: {"model": ErrorBody, "description": "CYPHER_TIMEOUT"},
    },
)
async def run_cypher(
    request: CypherRequest,
    ctx: Ctx,
    # Cypher reads the raw graph, confidential records included: dd and admin only.
    caller: Annotated[Principal, Depends(requires(Role.DD))],
) -> CypherResponse:
    """Read-only Cypher for analysts on the Neo4j backend. The server's EXPLAIN decides: only
    read plans whose operators and procedures are all allow-listed run (else 400
    CYPHER_REFUSED), in a READ transaction with a server-side timeout (504 CYPHER_TIMEOUT), a
    memory cap (422 CYPHER_RESULT_TOO_LARGE) and a row limit; the embedded backend answers 501.
    See docs/GRAPH_QUERIES.md."""
    store = ctx.stores.graph
    if not isinstance(store, CypherCapable):
        raise CypherUnsupportedError(
            "Cypher needs the Neo4j backend (IPGRAPH_BACKEND=production)",
            detail={"backend": "embedded"},
        )
    result = await run_in_threadpool(
        store.analyst_query,
        request.query,
        request.params,
        timeout_s=request.timeout_s,
        row_limit=request.row_limit,
    )
    return CypherResponse(
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        notifications=result.notifications,
    )
