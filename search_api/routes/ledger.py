"""The asset ledger: an organisation's (or group's) portfolio on a day. Thin adapter over
usecases/ledger.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from search_api.deps import Ctx, Policy
from search_api.schemas.common import ErrorBody, IsoDate
from search_api.schemas.ledger import PortfolioResponse, holding_out
from usecases.ledger import portfolio

router = APIRouter(
    prefix="/api/v1",
    tags=["ledger"],
    responses={
        401: {"model": ErrorBody},
        404: {"model": ErrorBody},
        422: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)


@router.get(
    "/organizations/{organization}/portfolio",
    operation_id="get_organization_portfolio",
    response_model=PortfolioResponse,
)
def get_portfolio(
    organization: Annotated[
        str,
        Path(max_length=200, examples=["国家电网", "State Grid Zhejiang Electric Power Co Ltd"]),
    ],
    ctx: Ctx,
    policy: Policy,
    as_of: Annotated[
        IsoDate | None,
        Query(description="YYYY-MM-DD: filed by then, owned that day, encumbrances in force"),
    ] = None,
    group: Annotated[bool, Query(description="roll up the subsidiaries held that day")] = False,
) -> PortfolioResponse:
    """What the organisation owned on `as_of` (from <= as_of < to), each patent once."""
    result = portfolio(ctx, organization, policy, as_of=as_of, group=group)
    return PortfolioResponse(
        owner=result.owner,
        owner_id=result.owner_id,
        as_of=result.as_of,
        group=result.group,
        members=result.members,
        patents=[holding_out(h) for h in result.patents],
    )
