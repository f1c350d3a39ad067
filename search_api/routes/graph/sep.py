"""Standard-essential patents: declared, portfolios, candidates, gaps (usecases/sep.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path as PathParam

from graph.analytics.sep import DeclaredFamily
from search_api.routes.graph.common import (
    Ctx,
    GroupParam,
    OrgParam,
    OtherOrgParam,
    Policy,
    entity_of,
    router,
)
from search_api.schemas.graph import (
    CandidateOut,
    CandidatesResponse,
    DeclaredFamilyOut,
    DeclaredResponse,
    GapOut,
    GapsResponse,
    SepPortfolioResponse,
)
from usecases.sep import declared, sep_candidates, sep_gaps, sep_portfolio


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
    canonical, families = declared(ctx, standard)
    return DeclaredResponse(standard=canonical, families=_families(families))


@router.get("/sep/portfolio", operation_id="sep_portfolio", response_model=SepPortfolioResponse)
def get_sep_portfolio(
    ctx: Ctx, policy: Policy, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> SepPortfolioResponse:
    """A company's (or group's) declarations, by standard and family."""
    group, by_standard = sep_portfolio(
        ctx, organization, policy, with_subsidiaries=with_subsidiaries
    )
    return SepPortfolioResponse(
        organization=entity_of(ctx, group.key),
        members=group.members,
        standards={s: _families(f) for s, f in by_standard.items()},
    )


@router.get("/sep/candidates", operation_id="sep_candidates", response_model=CandidatesResponse)
def get_sep_candidates(
    ctx: Ctx, policy: Policy, organization: OrgParam, with_subsidiaries: GroupParam = True
) -> CandidatesResponse:
    """Our patents whose text names a standard they are not declared to: SEP candidates."""
    group, candidates = sep_candidates(
        ctx, organization, policy, with_subsidiaries=with_subsidiaries
    )
    return CandidatesResponse(
        organization=entity_of(ctx, group.key),
        candidates=[CandidateOut(**vars(c)) for c in candidates],
    )


@router.get("/sep/gaps", operation_id="sep_gaps", response_model=GapsResponse)
def get_sep_gaps(
    ctx: Ctx,
    policy: Policy,
    ours: OrgParam,
    theirs: OtherOrgParam,
    with_subsidiaries: GroupParam = True,
) -> GapsResponse:
    """Standards a competitor declares patents to and we declare none to."""
    left, right, gaps = sep_gaps(ctx, ours, theirs, policy, with_subsidiaries=with_subsidiaries)
    return GapsResponse(
        ours=entity_of(ctx, left.key),
        theirs=entity_of(ctx, right.key),
        gaps=[GapOut(**vars(g)) for g in gaps],
    )
