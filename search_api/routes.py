"""HTTP routes; each handler is a thin call into a store."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from config.backends import Stores
from graph.errors import GraphError
from ingest.normalize import patent_number
from search_api.errors import SearchError
from search_api.index.protocol import SearchHit, SearchQuery
from search_api.models import (
    ErrorBody,
    Health,
    LinkedEntityOut,
    PatentResponse,
    PatentSummary,
    Readiness,
    SearchHitOut,
    SearchResponse,
)

MAX_RESULT_WINDOW = 10_000
router = APIRouter()
api = APIRouter(
    prefix="/api/v1",
    responses={400: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)


class ApiError(Exception):
    """A coded client error raised by a handler; the app renders it as `ErrorBody`."""

    def __init__(self, status: int, code: str, message: str, detail: dict[str, object]) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def _stores(request: Request) -> Stores:
    stores: Stores = request.app.state.stores
    return stores


@router.get("/healthz", operation_id="healthz", response_model=Health, tags=["ops"])
def healthz() -> Health:
    """The process is up (says nothing about the backends; see /readyz)."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="readyz",
    response_model=Readiness,
    tags=["ops"],
    responses={503: {"model": ErrorBody}},
)
def readyz(request: Request) -> Readiness | JSONResponse:
    """Both backends answer."""
    stores = _stores(request)
    checks: dict[str, str] = {}
    for name, ping in (("graph", stores.graph.ping), ("search", stores.index.ping)):
        try:
            ping()
            checks[name] = "ok"
        except (GraphError, SearchError) as exc:
            checks[name] = exc.code
    if all(v == "ok" for v in checks.values()):
        return Readiness(status="ready", backend=stores.backend.value, checks=checks)
    body = ErrorBody(
        code="NOT_READY",
        message="a backend is not available",
        detail={"checks": checks, "backend": stores.backend.value},
    )
    return JSONResponse(status_code=503, content=body.model_dump())


@api.get("/search", operation_id="search_patents", response_model=SearchResponse, tags=["search"])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="中文检索词，如 锂离子电池")],
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SearchResponse:
    """Full-text search over patents: every word of the query must occur."""
    offset = (page - 1) * size
    if offset + size > MAX_RESULT_WINDOW:
        raise ApiError(
            400,
            "PAGE_OUT_OF_RANGE",
            f"page * size may not exceed {MAX_RESULT_WINDOW}",
            {"page": page, "size": size},
        )
    result = _stores(request).index.search(SearchQuery(text=q, size=size, offset=offset))
    return SearchResponse(
        query=q,
        tokens=result.tokens,
        total=result.total,
        page=page,
        size=size,
        hits=[_hit_out(h) for h in result.hits],
    )


@api.get(
    "/patents/{patent_id}",
    operation_id="get_patent",
    response_model=PatentResponse,
    tags=["entities"],
    responses={404: {"model": ErrorBody}},
)
def get_patent(request: Request, patent_id: str) -> PatentResponse:
    """A patent by publication or application number, with applicants, inventors and IPC."""
    canonical = patent_number(patent_id)
    view = _stores(request).graph.get_patent(canonical)
    if view is None:
        raise ApiError(404, "PATENT_NOT_FOUND", f"no patent with id {canonical}", {"id": canonical})
    return PatentResponse(
        id=view.id,
        properties=dict(view.props),
        applicants=[LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in view.applicants],
        inventors=[LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in view.inventors],
        ipc=[LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in view.ipc],
        documents=[LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in view.documents],
        sources=view.sources,
    )


def _hit_out(hit: SearchHit) -> SearchHitOut:
    d = hit.document
    return SearchHitOut(
        id=hit.id,
        score=hit.score,
        highlights=hit.highlights,
        patent=PatentSummary(
            id=d.id,
            title=d.title,
            applicants=d.applicants,
            inventors=d.inventors,
            ipc=d.ipc,
            kind=d.kind,
            country=d.country,
            filing_date=d.filing_date,
            publication_date=d.publication_date,
        ),
    )
