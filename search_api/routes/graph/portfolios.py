"""Competitors, head-to-head, links between organisations, group KPIs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from domain.normalize import ipc_prefix
from graph.analytics.kpis import Kpis, group_kpis
from graph.analytics.portfolios import (
    Side,
    competitors,
    head_to_head,
    links_between,
    white_space,
)
from graph.model import NodeKey, NodeLabel
from search.index.protocol import Filters, SearchQuery
from search.query import Node
from search_api.errors import ApiError
from search_api.graph_models import (
    CompetitorOut,
    CompetitorsResponse,
    EdgeOut,
    HeadToHeadResponse,
    KpisOut,
    KpisResponse,
    LinksResponse,
    SharedCodeOut,
    SideOut,
    entity_out,
)
from search_api.routes.context import AppContext
from search_api.routes.graph.common import (
    Caller,
    Ctx,
    GroupParam,
    OrgParam,
    entity_of,
    group_of,
    organization_of,
    router,
)
from search_api.routes.search import parse_field_query


@router.get("/competitors", operation_id="rank_competitors", response_model=CompetitorsResponse)
def get_competitors(
    ctx: Ctx,
    caller: Caller,
    organization: OrgParam,
    with_subsidiaries: GroupParam = True,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> CompetitorsResponse:
    """Organisations ranked by portfolio overlap in IPC space (cosine over IPC-subgroup patent
    counts), each with the shared codes as the explanation."""
    org, ours = group_of(ctx, organization, caller, with_subsidiaries=with_subsidiaries)
    ranked = competitors(ctx.stores.graph, ours, top=top)
    return CompetitorsResponse(
        organization=entity_of(ctx, org),
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
    caller: Caller,
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
    _, our_orgs = group_of(ctx, ours, caller, with_subsidiaries=with_subsidiaries)
    _, their_orgs = group_of(ctx, theirs, caller, with_subsidiaries=with_subsidiaries)
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
    caller: Caller,
    a: OrgParam,
    b: OrgParam,
    with_subsidiaries: GroupParam = True,
) -> LinksResponse:
    """Everything linking organisation (or group) A and organisation B, by kind: co-owned
    patents, shared contracts, shared inventors, citations, standards both name."""
    side_a, a_members = group_of(ctx, a, caller, with_subsidiaries=with_subsidiaries)
    side_b = organization_of(ctx, b, caller)
    found = links_between(ctx.stores.graph, a_members, [side_b.id])
    return LinksResponse(
        a=entity_of(ctx, side_a),
        b=entity_of(ctx, side_b),
        a_members=a_members,
        co_owned=found.co_owned,
        contracts=found.contracts,
        shared_inventors=found.shared_inventors,
        citations=[EdgeOut.of(link) for link in found.citations],
        standards=found.standards,
    )


@router.get("/kpis", operation_id="group_kpis", response_model=KpisResponse)
def get_kpis(
    ctx: Ctx, caller: Caller, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> KpisResponse:
    """The SASAC-style figures of a group as a whole (each patent once) and of each member."""
    org = organization_of(ctx, organization, caller)
    result = group_kpis(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)
    return KpisResponse(
        group=KpisOut(organization=result.group.org, **_kpi_fields(result.group)),
        members=[KpisOut(organization=m.org, **_kpi_fields(m)) for m in result.members],
    )


def _kpi_fields(kpi: Kpis) -> dict[str, Any]:
    values = dict(vars(kpi))
    values.pop("org")
    return values
