"""Standard-essential patents: declared, portfolios, candidates, gaps."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path as PathParam

from graph.analytics.sep import (
    DeclaredFamily,
    candidate_seps,
    declaration_gaps,
    declared_to,
    portfolio_by_standard,
)
from ingest.sep import standard_id
from search_api.graph_models import (
    CandidateOut,
    CandidatesResponse,
    DeclaredFamilyOut,
    DeclaredResponse,
    GapOut,
    GapsResponse,
    SepPortfolioResponse,
)
from search_api.routes.graph.common import (
    Ctx,
    GroupParam,
    OrgParam,
    Policy,
    entity_of,
    router,
)
from usecases.entities import resolve_group


def _families(found: list[DeclaredFamily]) -> list[DeclaredFamilyOut]:
    return [DeclaredFamilyOut(**vars(f)) for f in found]


@router.get(
    "/sep/standards/{standard:path}",
    operation_id="declared_to_standard",
    response_model=DeclaredResponse,
)
def get_declared(
    ctx: Ctx,
    policy: Policy,
    standard: Annotated[str, PathParam(max_length=100, examples=["3GPP TS 38.214"])],
) -> DeclaredResponse:
    """Patents declared essential to a standard, one entry per family, with declarants,
    declarations and legal status (ETSI TS 138 214 and TS 38.214 mean 3GPP TS 38.214)."""
    canonical = standard_id(standard)
    return DeclaredResponse(
        standard=canonical, families=_families(declared_to(ctx.stores.graph, canonical))
    )


@router.get("/sep/portfolio", operation_id="sep_portfolio", response_model=SepPortfolioResponse)
def get_sep_portfolio(
    ctx: Ctx, policy: Policy, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> SepPortfolioResponse:
    """A company's (or group's) declarations, by standard and family."""
    org, ours = resolve_group(ctx, organization, policy, with_subsidiaries=with_subsidiaries)
    by_standard = portfolio_by_standard(ctx.stores.graph, ours)
    return SepPortfolioResponse(
        organization=entity_of(ctx, org),
        members=ours,
        standards={s: _families(f) for s, f in by_standard.items()},
    )


@router.get("/sep/candidates", operation_id="sep_candidates", response_model=CandidatesResponse)
def get_sep_candidates(
    ctx: Ctx, policy: Policy, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> CandidatesResponse:
    """Our patents whose text names a standard they are not declared to: SEP candidates."""
    org, ours = resolve_group(ctx, organization, policy, with_subsidiaries=with_subsidiaries)
    return CandidatesResponse(
        organization=entity_of(ctx, org),
        candidates=[CandidateOut(**vars(c)) for c in candidate_seps(ctx.stores.graph, ours)],
    )


@router.get("/sep/gaps", operation_id="sep_gaps", response_model=GapsResponse)
def get_sep_gaps(
    ctx: Ctx, policy: Policy, ours: OrgParam, theirs: OrgParam, with_subsidiaries: GroupParam = True
) -> GapsResponse:
    """Standards a competitor declares patents to and we declare none to."""
    left, our_orgs = resolve_group(ctx, ours, policy, with_subsidiaries=with_subsidiaries)
    right, their_orgs = resolve_group(ctx, theirs, policy, with_subsidiaries=with_subsidiaries)
    gaps = declaration_gaps(ctx.stores.graph, our_orgs, their_orgs)
    return GapsResponse(
        ours=entity_of(ctx, left),
        theirs=entity_of(ctx, right),
        gaps=[GapOut(**vars(g)) for g in gaps],
    )
