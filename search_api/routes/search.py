"""GET/POST /api/v1/search: a thin adapter over usecases/search.py."""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator, Generator
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from domain.access import AccessPolicy
from search.index.protocol import SearchHit, SearchPage
from search_api.deps import AppContext, Ctx, Policy
from search_api.exporting import DEFAULT_EXPORT_FIELDS, MEDIA_TYPES, WRITERS
from search_api.schemas.common import ErrorBody
from search_api.schemas.search import (
    ExpansionOut,
    ExportRequest,
    FacetBucketOut,
    PatentSummary,
    SearchHitOut,
    SearchRequest,
    SearchResponse,
)
from usecases.search import Criteria, export, search

router = APIRouter(
    prefix="/api/v1",
    tags=["search"],
    responses={400: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)


@router.get(
    "/search/export",
    operation_id="search_export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "every hit of the query, streamed",
            "content": {media: {} for media in MEDIA_TYPES.values()},
        }
    },
)
def search_export(
    request: Annotated[ExportRequest, Query()], ctx: Ctx, policy: Policy
) -> StreamingResponse:
    """Every hit of a search (same query, filters and access rules; no 10,000 cap), streamed
    as NDJSON, CSV or XLSX with the `fields` asked for (a default set otherwise)."""
    hits = export(ctx, criteria_of(request), policy)
    # The first page is read here, so that a backend error is an error response, not a
    # truncated download.
    first = list(itertools.islice(hits, 1))
    fields = tuple(request.fields) or DEFAULT_EXPORT_FIELDS
    body = WRITERS[request.format](itertools.chain(first, hits), fields)
    return StreamingResponse(
        closing_stream(body, hits),
        media_type=MEDIA_TYPES[request.format],
        headers={"Content-Disposition": f'attachment; filename="search.{request.format}"'},
    )


async def closing_stream(
    chunks: Generator[bytes, None, None], hits: Generator[SearchHit, None, None]
) -> AsyncGenerator[bytes, None]:
    """The writer's chunks (made in the thread pool); when the download ends or the client
    disconnects, the walk is closed at once, so that Elasticsearch's point in time is
    released then, not at garbage collection."""
    try:
        async for chunk in iterate_in_threadpool(chunks):
            yield chunk
    finally:
        # Shielded: on a disconnect this runs inside a cancelled scope.
        with anyio.CancelScope(shield=True):
            await run_in_threadpool(_close_walk, chunks, hits)


def _close_walk(*walks: Generator[object, None, None]) -> None:
    for walk in walks:
        walk.close()


@router.get("/search", operation_id="search_get", response_model=SearchResponse)
def search_get(request: Annotated[SearchRequest, Query()], ctx: Ctx, policy: Policy) -> Response:
    """Full-text search over patents (and other assets as they come), with filters, facets,
    highlights, sorting and cursor paging. Query syntax: docs/QUERY_SYNTAX.md."""
    return _json(run_search(request, ctx, policy))


@router.post("/search", operation_id="search_post", response_model=SearchResponse)
def search_post(request: SearchRequest, ctx: Ctx, policy: Policy) -> Response:
    """The same search with a JSON body (for long filter lists)."""
    return _json(run_search(request, ctx, policy))


def _json(response: SearchResponse) -> Response:
    # The model is built and validated once, here; handing FastAPI the model would validate
    # and encode it a second time on the portal's hottest path.
    return Response(content=response.model_dump_json(), media_type="application/json")


def run_search(request: SearchRequest, ctx: AppContext, policy: AccessPolicy) -> SearchResponse:
    return _response(request, search(ctx, criteria_of(request), policy))


def criteria_of(request: SearchRequest) -> Criteria:
    return Criteria(
        q=request.q,
        asset_kinds=tuple(request.asset_kind),
        kinds=tuple(request.kind),
        legal_statuses=tuple(request.legal_status),
        grades=tuple(request.grade),
        countries=tuple(request.country),
        ipc=tuple(request.ipc),
        applicants=tuple(request.applicant),
        group=request.group,
        filing=(request.filing_from, request.filing_to),
        publication=(request.publication_from, request.publication_to),
        grant=(request.grant_from, request.grant_to),
        as_of=request.as_of,
        sort=request.sort,
        page=request.page,
        size=request.size,
        cursor=request.cursor,
        facets=request.facets,
        synonyms=request.synonyms,
        fields=tuple(request.fields),
    )


def _response(request: SearchRequest, page: SearchPage) -> SearchResponse:
    return SearchResponse(
        query=request.q,
        total=page.total,
        total_relation="eq" if page.total_is_exact else "gte",
        page=request.page,
        size=request.size,
        sort=request.sort,
        hits=[_hit(h, request.fields) for h in page.hits],
        facets={
            name: [FacetBucketOut(key=b.key, count=b.count) for b in buckets]
            for name, buckets in page.facets.items()
        },
        next_cursor=page.next_cursor,
        expansions=page.expansions,
    )


def selected_fields(hit: SearchHit, fields: list[str]) -> dict[str, object]:
    stored = hit.document.stored()
    return {name: stored.get(name) for name in fields}


def _hit(hit: SearchHit, fields: list[str]) -> SearchHitOut:
    d = hit.document
    return SearchHitOut(
        id=hit.id,
        score=hit.score,
        highlights=hit.highlights,
        expansions=[ExpansionOut(term=t, matched=m) for t, m in hit.expansions],
        fields=selected_fields(hit, fields) if fields else None,
        patent=PatentSummary(
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
        ),
    )
