"""A patent's citations and families. Thin adapters over usecases/citations.py."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Path

from search_api.deps import Ctx, Policy
from search_api.schemas.citations import (
    CitationOut,
    CitationsResponse,
    FamiliesResponse,
    FamilyOut,
    PatentRefOut,
)
from search_api.schemas.common import ErrorBody
from usecases.citations import Citation, PatentRef, patent_citations, patent_families

router = APIRouter(
    prefix="/api/v1",
    tags=["entities"],
    responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
Number = Annotated[str, Path(max_length=64, examples=["CN115000001A"])]


@router.get(
    "/patents/{number}/citations",
    operation_id="patent_citations",
    response_model=CitationsResponse,
)
def citations(number: Number, ctx: Ctx, policy: Policy) -> CitationsResponse:
    """What the patent cites and what cites it, self-citations within one group flagged."""
    view = patent_citations(ctx, number, policy)
    return CitationsResponse(
        patent_id=view.patent_id,
        backward_count=view.backward_count,
        forward_count=view.forward_count,
        self_citations=view.self_citations,
        backward=[_citation(c) for c in view.backward],
        forward=[_citation(c) for c in view.forward],
    )


@router.get(
    "/patents/{number}/family", operation_id="patent_family", response_model=FamiliesResponse
)
def family(number: Number, ctx: Ctx, policy: Policy) -> FamiliesResponse:
    """The patent's families, each member with its country, kind, dates and legal status."""
    views = patent_families(ctx, number, policy)
    patent_id = views[0].patent_id if views else number
    return FamiliesResponse(
        patent_id=patent_id,
        families=[
            FamilyOut(family_id=v.family_id, kind=v.kind, members=[_ref(m) for m in v.members])
            for v in views
        ],
    )


def _ref(ref: PatentRef) -> PatentRefOut:
    return PatentRefOut(**dataclasses.asdict(ref))


def _citation(citation: Citation) -> CitationOut:
    return CitationOut(
        patent=_ref(citation.patent),
        self_citation=citation.self_citation,
        source=citation.source,
    )
