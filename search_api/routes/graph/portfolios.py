"""Competitors, head-to-head, links between organisations, group KPIs (usecases/portfolios.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from graph.analytics.kpis import Kpis
from graph.model import NodeKey, NodeLabel
from search_api.routes.graph.common import (
    Ctx,
    GroupParam,
    OrgParam,
    OtherOrgParam,
    Policy,
    entity_of,
    router,
)
from search_api.schemas.common import IsoDate
from search_api.schemas.graph import (
    CitationPartnerOut,
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
from usecases.portfolios import compare, competitors_of, kpis_of, links_of


@router.get("/competitors", operation_id="rank_competitors", response_model=CompetitorsResponse)
def get_competitors(
    ctx: Ctx,
    policy: Policy,
    organization: OrgParam,
    with_subsidiaries: GroupParam = True,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> CompetitorsResponse:
    """Organisations ranked by portfolio overlap in IPC space (cosine over IPC-subgroup patent
    counts), each with the shared codes and the citations between us and them as the
    explanation; and the organisations we cite or are cited by most (citation flows)."""
    ours, ranked, partners = competitors_of(
        ctx, organization, policy, with_subsidiaries=with_subsidiaries, top=top
    )
    return CompetitorsResponse(
        organization=entity_of(ctx, ours.key),
        members=ours.members,
        competitors=[
            CompetitorOut(
                organization=entity_out(NodeKey(NodeLabel.ORGANIZATION, c.org), c.name),
                similarity=round(c.similarity, 6),
                shared_patents=c.shared_patents,
                shared_codes=[
                    SharedCodeOut(code=s.code, ours=s.ours, theirs=s.theirs) for s in c.shared_codes
                ],
                cites_them=c.cites_them,
                cited_by_them=c.cited_by_them,
            )
            for c in ranked
        ],
        citation_partners=[
            CitationPartnerOut(
                organization=entity_out(NodeKey(NodeLabel.ORGANIZATION, p.org), p.name),
                cites_them=p.cites_them,
                cited_by_them=p.cited_by_them,
            )
            for p in partners
        ],
    )


@router.get("/head-to-head", operation_id="head_to_head", response_model=HeadToHeadResponse)
def get_head_to_head(
    ctx: Ctx,
    policy: Policy,
    ours: OrgParam,
    theirs: OtherOrgParam,
    ipc: Annotated[
        str | None,
        Query(
            max_length=20, description="a field as an IPC prefix: H04W, H04W72/", examples=["H01M"]
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, description="a field as a query (docs/QUERY_SYNTAX.md): 固态电池"),
    ] = None,
    with_subsidiaries: GroupParam = True,
) -> HeadToHeadResponse:
    """Two portfolios side by side in one field, given as an IPC prefix (from the graph) or as
    a full-text query (from the index), and the subclasses where only they file."""
    found = compare(ctx, ours, theirs, policy, ipc=ipc, q=q, with_subsidiaries=with_subsidiaries)
    return HeadToHeadResponse(
        field=found.field,
        ours=SideOut(**vars(found.ours)),
        theirs=SideOut(**vars(found.theirs)),
        white_space=[
            SharedCodeOut(code=g.code, ours=0, theirs=g.theirs) for g in found.white_space
        ],
    )


@router.get("/links", operation_id="links_between", response_model=LinksResponse)
def get_links(
    ctx: Ctx,
    policy: Policy,
    a: OrgParam,
    b: OtherOrgParam,
    with_subsidiaries: GroupParam = True,
) -> LinksResponse:
    """Everything linking organisation (or group) A and organisation B, by kind: co-owned
    patents, shared contracts, shared inventors, citations, standards both name."""
    side_a, side_b, found = links_of(ctx, a, b, policy, with_subsidiaries=with_subsidiaries)
    return LinksResponse(
        a=entity_of(ctx, side_a.key),
        b=entity_of(ctx, side_b),
        a_members=side_a.members,
        co_owned=found.co_owned,
        contracts=found.contracts,
        shared_inventors=found.shared_inventors,
        citations=[EdgeOut.of(link) for link in found.citations],
        standards=found.standards,
    )


@router.get("/kpis", operation_id="group_kpis", response_model=KpisResponse)
def get_kpis(
    ctx: Ctx,
    policy: Policy,
    organization: OrgParam,
    with_subsidiaries: GroupParam = True,
    as_of: Annotated[
        IsoDate | None,
        Query(description="YYYY-MM-DD: what the members owned that day, members held then"),
    ] = None,
) -> KpisResponse:
    """The SASAC-style figures of a group as a whole (each patent once) and of each member,
    on what they owned (the asset ledger)."""
    result = kpis_of(ctx, organization, policy, with_subsidiaries=with_subsidiaries, as_of=as_of)
    return KpisResponse(
        group=KpisOut(organization=result.group.org, **_kpi_fields(result.group)),
        members=[KpisOut(organization=m.org, **_kpi_fields(m)) for m in result.members],
    )


def _kpi_fields(kpi: Kpis) -> dict[str, Any]:
    values = dict(vars(kpi))
    values.pop("org")
    return values
