"""/healthz and /readyz."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from graph.errors import GraphError
from search.errors import SearchError
from search_api.deps import AppContext, context
from search_api.errors import ApiErrorCode
from search_api.schemas.common import ErrorBody, Health, Readiness

router = APIRouter(tags=["ops"])


@router.get("/healthz", operation_id="healthz", response_model=Health)
def healthz() -> Health:
    """The process is up (says nothing about the backends; see /readyz)."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="readyz",
    response_model=Readiness,
    responses={503: {"model": ErrorBody}},
)
def readyz(ctx: Annotated[AppContext, Depends(context)]) -> Readiness | JSONResponse:
    """Both backends answer."""
    checks: dict[str, str] = {}
    for name, ping in (("graph", ctx.stores.graph.ping), ("search", ctx.stores.index.ping)):
        try:
            ping()
            checks[name] = "ok"
        except (GraphError, SearchError) as exc:
            checks[name] = exc.code
    backend = ctx.stores.backend.value
    if all(v == "ok" for v in checks.values()):
        return Readiness(status="ready", backend=backend, checks=checks)
    body = ErrorBody(
        code=ApiErrorCode.NOT_READY,
        message="a backend is not available",
        detail={"checks": checks, "backend": backend},
    )
    return JSONResponse(status_code=503, content=body.model_dump())
