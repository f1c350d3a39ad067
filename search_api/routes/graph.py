"""Analyst graph queries: read-only Cypher (Neo4j only), paths and neighbourhoods, SEPs,
competitors and group KPIs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from graph.analyst_cypher import (
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_QUERY_CHARS,
    MAX_ROW_LIMIT,
)
from graph.analytics.kpis import Kpis, group_kpis
from graph.analytics.paths import (
    DEFAULT_HOPS,
    DEFAULT_TYPES,
    MAX_HOPS,
    Limits,
    Path,
    find_paths,
    neighbourhood,
)
from graph.analytics.portfolios import (
    Side,
    competitors,
    head_to_head,
    links_between,
    members,
    white_space,
)
from graph.analytics.sep import (
    DeclaredFamily,
    candidate_seps,
    declaration_gaps,
    declared_to,
    portfolio_by_standard,
)
from graph.errors import CypherUnsupportedError
from graph.model import EdgeType, NodeKey, NodeLabel
from graph.store import CypherCapable
from graph.views import CONFIDENTIAL_LABELS
from ingest.normalize import ipc_prefix
from ingest.numbers import parse_application_number, parse_publication_number
from ingest.sep import standard_id
from search_api.errors import ApiError
from search_api.graph_models import (
    CandidateOut,
    CandidatesResponse,
    CompetitorOut,
    CompetitorsResponse,
    DeclaredFamilyOut,
    DeclaredResponse,
    EdgeOut,
    EntityOut,
    GapOut,
    GapsResponse,
    HeadToHeadResponse,
    KpisOut,
    KpisResponse,
    LinksResponse,
    NeighborsResponse,
    PathOut,
    PathsResponse,
    SepPortfolioResponse,
    SharedCodeOut,
    SideOut,
    entity_out,
)
from search_api.index.protocol import Filters, SearchQuery
from search_api.models import ErrorBody
from search_api.query import Node
from search_api.routes.context import AppContext, context
from search_api.routes.search import parse_field_query

router = APIRouter(
    prefix="/api/v1/graph",
    tags=["graph"],
    responses={
        400: {"model": ErrorBody},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
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
    limit: Annotated[
        int, Query(ge=1, le=2000, description="links followed per node and direction")
    ] = Limits.per_node,
) -> PathsResponse:
    """Shortest and k-shortest paths between two entities (company, person, patent, standard,
    contract ...), each edge explained; bounded: a walk that hits a limit answers what it found,
    flagged `partial` with the reason."""
    graph = ctx.stores.graph
    start = resolve_entity(ctx, source, from_label)
    goal = resolve_entity(ctx, target, to_label)
    found = find_paths(
        graph,
        start,
        goal,
        max_hops=max_hops,
        edge_types=_types(types),
        k=k,
        limits=Limits(per_node=limit),
    )
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


OrgParam = Annotated[str, Query(min_length=1, max_length=200, description="id or any name")]
GroupParam = Annotated[bool, Query(description="include every subsidiary (SUBSIDIARY_OF)")]


def _organization(ctx: AppContext, text: str) -> NodeKey:
    return resolve_entity(ctx, text, NodeLabel.ORGANIZATION)


@router.get("/competitors", operation_id="rank_competitors", response_model=CompetitorsResponse)
def get_competitors(
    ctx: Ctx,
    organization: OrgParam,
    with_subsidiaries: GroupParam = True,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> CompetitorsResponse:
    """Organisations ranked by portfolio overlap in IPC space (cosine over IPC-subgroup patent
    counts), each with the shared codes as the explanation."""
    graph = ctx.stores.graph
    org = _organization(ctx, organization)
    ours = members(graph, org.id, with_subsidiaries=with_subsidiaries)
    ranked = competitors(graph, ours, top=top)
    return CompetitorsResponse(
        organization=_entity(ctx, org),
        members=ours,
        competitors=[
            CompetitorOut(
                organization=entity_out(NodeKey(NodeLabel.ORGANIZATION, c.org), c.name),
                similarity=round(c.similarity, 6),
                shared_patents=c.shared_patents,
                shared_codes=[
                    SharedCodeOut(code=s.code, ours=s.ours, theirs=s.theirs) for s in c.shared_codes
                ],
            )
            for c in ranked
        ],
    )


@router.get("/head-to-head", operation_id="head_to_head", response_model=HeadToHeadResponse)
def get_head_to_head(
    ctx: Ctx,
    ours: OrgParam,
    theirs: OrgParam,
    ipc: Annotated[
        str | None, Query(max_length=20, description="a field as an IPC prefix: H04W, H04W72/")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, description="a field as a query (docs/QUERY_SYNTAX.md): 固态电池"),
    ] = None,
    with_subsidiaries: GroupParam = True,
) -> HeadToHeadResponse:
    """Two portfolios side by side in one field, given as an IPC prefix (from the graph) or as
    a full-text query (from the index), and the subclasses where only they file."""
    graph = ctx.stores.graph
    our_orgs = members(graph, _organization(ctx, ours).id, with_subsidiaries=with_subsidiaries)
    their_orgs = members(graph, _organization(ctx, theirs).id, with_subsidiaries=with_subsidiaries)
    if q:
        query = parse_field_query(q)
        left, right = (_side_from_index(ctx, query, orgs) for orgs in (our_orgs, their_orgs))
        field = q
    else:
        prefix = ipc_prefix(ipc or "")
        if prefix is None:
            raise ApiError(
                400, "IPC_PREFIX_INVALID", f"give an IPC prefix or q: {ipc!r}", {"ipc": ipc}
            )
        left, right = head_to_head(graph, our_orgs, their_orgs, prefix)
        field = prefix
    gaps = white_space(graph, our_orgs, their_orgs)
    return HeadToHeadResponse(
        field=field,
        ours=SideOut(**vars(left)),
        theirs=SideOut(**vars(right)),
        white_space=[SharedCodeOut(code=g.code, ours=0, theirs=g.theirs) for g in gaps],
    )


def _side_from_index(ctx: AppContext, query: Node, orgs: list[str]) -> Side:
    page = ctx.stores.index.search(
        SearchQuery(
            query,
            filters=Filters(asset_kinds=("patent",), applicant_ids=tuple(orgs)),
            size=0,
            facets=True,
        )
    )

    def buckets(name: str) -> dict[str, int]:
        return {b.key: b.count for b in sorted(page.facets.get(name, []), key=lambda b: b.key)}

    return Side(
        patents=page.total,
        valid=buckets("legal_status").get("valid", 0),
        by_kind=buckets("kind"),
        by_year=buckets("filing_year"),
    )


@router.get("/links", operation_id="links_between", response_model=LinksResponse)
def get_links(
    ctx: Ctx,
    a: OrgParam,
    b: OrgParam,
    with_subsidiaries: GroupParam = True,
) -> LinksResponse:
    """Everything linking organisation (or group) A and organisation B, by kind: co-owned
    patents, shared contracts, shared inventors, citations, standards both name."""
    graph = ctx.stores.graph
    side_a, side_b = _organization(ctx, a), _organization(ctx, b)
    a_members = members(graph, side_a.id, with_subsidiaries=with_subsidiaries)
    found = links_between(graph, a_members, [side_b.id])
    return LinksResponse(
        a=_entity(ctx, side_a),
        b=_entity(ctx, side_b),
        a_members=a_members,
        co_owned=found.co_owned,
        contracts=found.contracts,
        shared_inventors=found.shared_inventors,
        citations=[EdgeOut.of(link) for link in found.citations],
        standards=found.standards,
    )


@router.get("/kpis", operation_id="group_kpis", response_model=KpisResponse)
def get_kpis(
    ctx: Ctx, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> KpisResponse:
    """The SASAC-style figures of a group as a whole (each patent once) and of each member."""
    org = _organization(ctx, organization)
    result = group_kpis(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)
    return KpisResponse(
        group=KpisOut(organization=result.group.org, **_kpi_fields(result.group)),
        members=[KpisOut(organization=m.org, **_kpi_fields(m)) for m in result.members],
    )


def _kpi_fields(kpi: Kpis) -> dict[str, Any]:
    values = dict(vars(kpi))
    values.pop("org")
    return values


def _families(found: list[DeclaredFamily]) -> list[DeclaredFamilyOut]:
    return [DeclaredFamilyOut(**vars(f)) for f in found]


@router.get(
    "/sep/standards/{standard:path}",
    operation_id="declared_to_standard",
    response_model=DeclaredResponse,
)
def get_declared(
    ctx: Ctx, standard: Annotated[str, PathParam(max_length=100, examples=["3GPP TS 38.214"])]
) -> DeclaredResponse:
    """Patents declared essential to a standard, one entry per family, with declarants,
    declarations and legal status (ETSI TS 138 214 and TS 38.214 mean 3GPP TS 38.214)."""
    canonical = standard_id(standard)
    return DeclaredResponse(
        standard=canonical, families=_families(declared_to(ctx.stores.graph, canonical))
    )


@router.get("/sep/portfolio", operation_id="sep_portfolio", response_model=SepPortfolioResponse)
def get_sep_portfolio(
    ctx: Ctx, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> SepPortfolioResponse:
    """A company's (or group's) declarations, by standard and family."""
    org = _organization(ctx, organization)
    ours = members(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)
    by_standard = portfolio_by_standard(ctx.stores.graph, ours)
    return SepPortfolioResponse(
        organization=_entity(ctx, org),
        members=ours,
        standards={s: _families(f) for s, f in by_standard.items()},
    )


@router.get("/sep/candidates", operation_id="sep_candidates", response_model=CandidatesResponse)
def get_sep_candidates(
    ctx: Ctx, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> CandidatesResponse:
    """Our patents whose text names a standard they are not declared to: SEP candidates."""
    org = _organization(ctx, organization)
    ours = members(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)
    return CandidatesResponse(
        organization=_entity(ctx, org),
        candidates=[CandidateOut(**vars(c)) for c in candidate_seps(ctx.stores.graph, ours)],
    )


@router.get("/sep/gaps", operation_id="sep_gaps", response_model=GapsResponse)
def get_sep_gaps(
    ctx: Ctx, ours: OrgParam, theirs: OrgParam, with_subsidiaries: GroupParam = True
) -> GapsResponse:
    """Standards a competitor declares patents to and we declare none to."""
    graph = ctx.stores.graph
    left, right = _organization(ctx, ours), _organization(ctx, theirs)
    gaps = declaration_gaps(
        graph,
        members(graph, left.id, with_subsidiaries=with_subsidiaries),
        members(graph, right.id, with_subsidiaries=with_subsidiaries),
    )
    return GapsResponse(
        ours=_entity(ctx, left),
        theirs=_entity(ctx, right),
        gaps=[GapOut(**vars(g)) for g in gaps],
    )
