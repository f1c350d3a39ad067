"""Analyst graph queries: read-only Cypher (Neo4j only), paths and neighbourhoods, SEPs,
competitors and group KPIs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from graph.analyst_cypher import (
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_QUERY_CHARS,
    MAX_ROW_LIMIT,
)
from graph.analytics.paths import (
    DEFAULT_HOPS,
    DEFAULT_TYPES,
    MAX_HOPS,
    Limits,
    Path,
    find_paths,
    neighbourhood,
)
from graph.errors import CypherUnsupportedError
from graph.model import EdgeType, NodeKey, NodeLabel
from graph.store import CypherCapable
from graph.views import CONFIDENTIAL_LABELS
from ingest.numbers import parse_application_number, parse_publication_number
from search_api.errors import ApiError
from search_api.graph_models import (
    EdgeOut,
    EntityOut,
    NeighborsResponse,
    PathOut,
    PathsResponse,
    entity_out,
)
from search_api.models import ErrorBody
from search_api.routes.context import AppContext, context

router = APIRouter(prefix="/api/v1/graph", tags=["graph"])
Ctx = Annotated[AppContext, Depends(context)]


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
        400: {"model": ErrorBody, "description": "CYPHER_REFUSED: the query could write"},
        501: {"model": ErrorBody, "description": "CYPHER_UNAVAILABLE on the embedded backend"},
        504: {"model": ErrorBody, "description": "CYPHER_TIMEOUT"},
    },
)
async def run_cypher(request: CypherRequest, ctx: Ctx) -> CypherResponse:
    """Read-only Cypher for analysts on the Neo4j backend: write and admin clauses and writing
    procedures are refused (400 CYPHER_REFUSED), the query runs in a READ transaction with a
    timeout (504 CYPHER_TIMEOUT) and a row limit; the embedded backend answers 501."""
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


CONFIDENTIAL_EDGES = frozenset(e for e in EdgeType if CONFIDENTIAL_LABELS & set(e.endpoints))
EntityParam = Annotated[str, Query(min_length=1, max_length=200)]
LabelParam = Annotated[
    NodeLabel | None, Query(description="the entity's label when its id alone is ambiguous")
]
TypesParam = Annotated[
    list[EdgeType] | None,
    Query(description="edge types to follow (default: all but PARENT and EXTRACTED_FROM)"),
]


@router.get("/paths", operation_id="find_paths", response_model=PathsResponse)
def get_paths(
    ctx: Ctx,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=200)],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200)],
    from_label: LabelParam = None,
    to_label: LabelParam = None,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = DEFAULT_HOPS,
    k: Annotated[int, Query(ge=1, le=20, description="how many paths")] = 5,
    types: TypesParam = None,
) -> PathsResponse:
    """Shortest and k-shortest paths between two entities (company, person, patent, standard,
    contract ...), each edge explained; bounded: a walk that hits a limit answers what it found,
    flagged `partial` with the reason."""
    graph = ctx.stores.graph
    start = resolve_entity(ctx, source, from_label)
    goal = resolve_entity(ctx, target, to_label)
    found = find_paths(graph, start, goal, max_hops=max_hops, edge_types=_types(types), k=k)
    return PathsResponse(
        source=_entity(ctx, start),
        target=_entity(ctx, goal),
        paths=[
            PathOut(
                hops=path.hops,
                nodes=[_entity(ctx, node, path) for node in path.nodes],
                edges=[EdgeOut.of(link) for link in path.links],
            )
            for path in found.paths
        ],
        partial=found.partial,
        reasons=found.reasons,
        visited=found.visited,
    )


@router.get("/neighbors", operation_id="get_neighbors", response_model=NeighborsResponse)
def get_neighbors(
    ctx: Ctx,
    node: EntityParam,
    label: LabelParam = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="links per node and direction")] = 50,
    types: TypesParam = None,
) -> NeighborsResponse:
    """The entities within `depth` links of one entity, for graph views."""
    center = resolve_entity(ctx, node, label)
    found = neighbourhood(
        ctx.stores.graph, center, depth=depth, edge_types=_types(types), limits=Limits(limit)
    )
    return NeighborsResponse(
        center=_entity(ctx, center),
        nodes=[entity_out(key, name) for key, name in sorted(found.nodes.items())],
        edges=[EdgeOut.of(link) for link in found.links],
        partial=found.partial,
        reasons=found.reasons,
    )


def _types(requested: list[EdgeType] | None) -> frozenset[EdgeType]:
    chosen = frozenset(requested) if requested else DEFAULT_TYPES
    return chosen - CONFIDENTIAL_EDGES


# Tried in this order when the caller gives no label.
_LOOKUP_ORDER = (
    NodeLabel.PATENT,
    NodeLabel.ORGANIZATION,
    NodeLabel.PERSON,
    NodeLabel.CONTRACT,
    NodeLabel.STANDARD,
    NodeLabel.IPC,
    NodeLabel.FAMILY,
    NodeLabel.TRADEMARK,
)


def resolve_entity(ctx: AppContext, text: str, label: NodeLabel | None) -> NodeKey:
    """An entity by id, by a patent's publication or application number, or by any name of an
    organisation; 404 ENTITY_NOT_FOUND otherwise."""
    graph = ctx.stores.graph
    for candidate in (label,) if label is not None else _LOOKUP_ORDER:
        if candidate is None or candidate in CONFIDENTIAL_LABELS:
            continue
        if candidate is NodeLabel.PATENT:
            patent = graph.find_patent(parse_publication_number(text).canonical) or (
                graph.find_patent(parse_application_number(text).canonical)
            )
            if patent is not None:
                return NodeKey(NodeLabel.PATENT, patent.id)
            continue
        ids = [text]
        if candidate is NodeLabel.ORGANIZATION:
            ids.append(ctx.aliases.resolve(text))  # short and former names
        for node_id in ids:
            if graph.get_node(candidate, node_id) is not None:
                return NodeKey(candidate, node_id)
    raise ApiError(
        404,
        "ENTITY_NOT_FOUND",
        f"no entity {text!r}" + (f" with label {label.value}" if label else ""),
        {"entity": text, "label": label.value if label else None},
    )


def _entity(ctx: AppContext, key: NodeKey, path: Path | None = None) -> EntityOut:
    if path is not None:
        for link in path.links:
            if key in (link.src, link.dst):
                return entity_out(key, link.name_of(key))
    node = ctx.stores.graph.get_node(key.label, key.id)
    props = node.props if node is not None else {}
    name = props.get("name") or props.get("title") or key.id
    return entity_out(key, str(name))
