"""GET/POST /api/v1/search."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from domain.normalize import ipc_prefix
from graph.model import NodeLabel
from graph.views import group_members
from ingest.contracts.model import CONFIDENTIAL_ASSET_KIND
from search.index.protocol import (
    DateRange,
    Filters,
    InvalidCursorError,
    SearchHit,
    SearchPage,
    SearchQuery,
)
from search.query import Node, QuerySyntaxError, parse_query
from search_api.auth import ANONYMOUS, Principal, principal_of
from search_api.errors import ApiError
from search_api.models import (
    ErrorBody,
    FacetBucketOut,
    PatentSummary,
    SearchHitOut,
    SearchRequest,
    SearchResponse,
)
from search_api.routes.context import AppContext, context

MAX_RESULT_WINDOW = 10_000
Caller = Annotated[Principal, Depends(principal_of)]

router = APIRouter(
    prefix="/api/v1",
    tags=["search"],
    responses={400: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)


@router.get("/search", operation_id="search_get", response_model=SearchResponse)
def search_get(
    request: Annotated[SearchRequest, Query()],
    ctx: Annotated[AppContext, Depends(context)],
    caller: Caller,
) -> Response:
    """Full-text search over patents (and other assets as they come), with filters, facets,
    highlights, sorting and cursor paging. Query syntax: docs/QUERY_SYNTAX.md."""
    return _json(run_search(request, ctx, caller))


@router.post("/search", operation_id="search_post", response_model=SearchResponse)
def search_post(
    request: SearchRequest, ctx: Annotated[AppContext, Depends(context)], caller: Caller
) -> Response:
    """The same search with a JSON body (for long filter lists)."""
    return _json(run_search(request, ctx, caller))


def _json(response: SearchResponse) -> Response:
    # The model is built and validated once, here; handing FastAPI the model would validate
    # and encode it a second time on the portal's hottest path.
    return Response(content=response.model_dump_json(), media_type="application/json")


def run_search(
    request: SearchRequest, ctx: AppContext, caller: Principal = ANONYMOUS
) -> SearchResponse:
    offset = (request.page - 1) * request.size
    if offset + request.size > MAX_RESULT_WINDOW:
        raise ApiError(
            400,
            "PAGE_OUT_OF_RANGE",
            f"page * size may not exceed {MAX_RESULT_WINDOW}; use the cursor",
            {"page": request.page, "size": request.size},
        )
    if request.cursor is not None and request.page != 1:
        raise ApiError(
            400,
            "CURSOR_WITH_PAGE",
            "a cursor continues from page 1; omit page",
            {"page": request.page},
        )
    query = SearchQuery(
        query=_parse(request.q),
        filters=_filters(request, ctx, caller),
        sort=request.sort,
        size=request.size,
        offset=offset,
        after=request.cursor,
        facets=request.facets,
    )
    try:
        page = ctx.stores.index.search(query)
    except InvalidCursorError as exc:
        raise ApiError(400, InvalidCursorError.code, str(exc), {}) from exc
    return _response(request, page)


def _parse(text: str | None) -> Node | None:
    return None if text is None else parse_field_query(text)


def parse_field_query(text: str) -> Node:
    """A query in the documented syntax; bad syntax is a 400 QUERY_SYNTAX with the position."""
    try:
        return parse_query(text)
    except QuerySyntaxError as exc:
        raise ApiError(
            400, QuerySyntaxError.code, exc.message, {"position": exc.position, "query": text}
        ) from exc


def _filters(request: SearchRequest, ctx: AppContext, caller: Principal) -> Filters:
    kinds: tuple[str, ...] = tuple(request.asset_kind)
    if caller.sees_confidential and "contract" in kinds:
        kinds = (*kinds, CONFIDENTIAL_ASSET_KIND)
    return Filters(
        asset_kinds=kinds,
        hidden_asset_kinds=() if caller.sees_confidential else (CONFIDENTIAL_ASSET_KIND,),
        kinds=tuple(request.kind),
        legal_statuses=tuple(request.legal_status),
        countries=tuple(c.upper() for c in request.country),
        ipc_prefixes=tuple(_ipc(p) for p in request.ipc),
        applicant_ids=_applicant_ids(request, ctx),
        filing_date=_range(request.filing_from, request.filing_to),
        publication_date=_range(request.publication_from, request.publication_to),
        grant_date=_range(request.grant_from, request.grant_to),
    )


def _applicant_ids(request: SearchRequest, ctx: AppContext) -> tuple[str, ...] | None:
    """Applicant names resolved through the aliases; a group through the graph. Both given:
    the named applicants that belong to the group."""
    named = {ctx.aliases.resolve(name) for name in request.applicant}
    if request.group is None:
        return tuple(sorted(named)) if named else None
    group_id = ctx.aliases.resolve(request.group)
    if ctx.stores.graph.get_node(NodeLabel.ORGANIZATION, group_id) is None:
        raise ApiError(
            400,
            "GROUP_UNKNOWN",
            f"no organisation named {request.group!r}",
            {"group": request.group},
        )
    members = set(group_members(ctx.stores.graph, group_id))
    return tuple(sorted(named & members if named else members))


def _ipc(raw: str) -> str:
    prefix = ipc_prefix(raw)
    if prefix is None:
        raise ApiError(
            400, "IPC_PREFIX_INVALID", f"not an IPC code or prefix: {raw!r}", {"ipc": raw}
        )
    return prefix


def _range(start: dt.date | None, end: dt.date | None) -> DateRange:
    return DateRange(gte=start.isoformat() if start else None, lte=end.isoformat() if end else None)


def _response(request: SearchRequest, page: SearchPage) -> SearchResponse:
    return SearchResponse(
        query=request.q,
        total=page.total,
        total_relation="eq" if page.total_is_exact else "gte",
        page=request.page,
        size=request.size,
        sort=request.sort,
        hits=[_hit(h) for h in page.hits],
        facets={
            name: [FacetBucketOut(key=b.key, count=b.count) for b in buckets]
            for name, buckets in page.facets.items()
        },
        next_cursor=page.next_cursor,
    )


def _hit(hit: SearchHit) -> SearchHitOut:
    d = hit.document
    return SearchHitOut(
        id=hit.id,
        score=hit.score,
        highlights=hit.highlights,
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
