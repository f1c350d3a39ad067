"""Similar patents: like a patent or like a text. Thin adapters over usecases/similar.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from search.index.protocol import IndexDocument
from search_api.deps import Ctx, Policy
from search_api.schemas.common import ErrorBody
from search_api.schemas.search import PatentSummary
from search_api.schemas.similar import (
    MAX_SIMILAR,
    SimilarHitOut,
    SimilarReasonsOut,
    SimilarRequest,
    SimilarResponse,
)
from usecases.similar import SimilarHit, similar_to_patent, similar_to_text

router = APIRouter(
    prefix="/api/v1",
    tags=["similar"],
    responses={400: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)


@router.post("/similar", operation_id="similar_to_text", response_model=SimilarResponse)
def similar_text(request: SimilarRequest, ctx: Ctx, policy: Policy) -> SimilarResponse:
    """Patents like a text (an abstract, an idea, a product description), with the reasons."""
    hits = similar_to_text(ctx, request.text, request.size, policy)
    return SimilarResponse(source=None, hits=[_hit(h) for h in hits])


@router.get(
    "/patents/{number}/similar",
    operation_id="similar_to_patent",
    response_model=SimilarResponse,
    responses={404: {"model": ErrorBody}},
)
def similar_patent(
    number: Annotated[str, Path(max_length=64, examples=["CN115000001A"])],
    ctx: Ctx,
    policy: Policy,
    size: Annotated[int, Query(ge=1, le=MAX_SIMILAR)] = 10,
) -> SimilarResponse:
    """Patents like this one (never itself): text similarity, IPC overlap, citation coupling."""
    source, hits = similar_to_patent(ctx, number, size, policy)
    return SimilarResponse(source=summary(source), hits=[_hit(h) for h in hits])


def summary(d: IndexDocument) -> PatentSummary:
    return PatentSummary(
        id=d.id,
        asset_kind=d.asset_kind,
        title=d.title,
        applicants=d.applicants,
        inventors=d.inventors,
        ipc=d.ipc,
        kind=d.kind,
        legal_status=d.legal_status,
        country=d.country,
        filing_date=d.filing_date,
        publication_date=d.publication_date,
        grant_date=d.grant_date,
    )


def _hit(hit: SimilarHit) -> SimilarHitOut:
    r = hit.reasons
    return SimilarHitOut(
        id=hit.id,
        score=hit.score,
        text_score=hit.text_score,
        patent=summary(hit.document),
        reasons=SimilarReasonsOut(
            shared_terms=r.shared_terms,
            shared_ipc=r.shared_ipc,
            ipc_overlap=r.ipc_overlap,
            shared_citations=r.shared_citations,
            co_cited_by=r.co_cited_by,
            direct_citation=r.direct_citation,
        ),
    )
