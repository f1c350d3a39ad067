"""The FastAPI application: `create_app()` for serving, `create_app(stores=...)` for tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from config.settings import TECHNICAL_SYNONYMS, Settings
from domain.organizations import OrganizationAliases
from graph.errors import GraphError, GraphQueryError, GraphUnavailableError
from search.errors import SearchError, SearchUnavailableError
from search.synonyms import SynonymSource
from search_api.auth import ApiKeys
from search_api.contract import install_contract
from search_api.deps import AppContext
from search_api.errors import ApiError, ApiErrorCode
from search_api.http_methods import HeadAsGet, allowed_methods
from search_api.limits import UrlLengthLimit
from search_api.routes import (
    citations_router,
    due_diligence_router,
    entities_router,
    graph_router,
    ops_router,
    search_router,
    similar_router,
    workflow_router,
)
from search_api.routes.ledger import router as ledger_router
from search_api.schemas.common import ErrorBody
from stores.backends import Stores, open_stores, open_workflow_store
from usecases.errors import NotFoundError, UseCaseError

log = structlog.get_logger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None, stores: Stores | None = None) -> FastAPI:
    """Stores passed in are the caller's to close; stores built here are closed on shutdown."""
    settings = settings or Settings()
    aliases = OrganizationAliases.load(settings.organization_aliases)
    keys = ApiKeys.load(settings.api_keys_file)
    synonyms = SynonymSource(TECHNICAL_SYNONYMS, settings.user_synonyms)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if stores is not None:
            yield
            return
        ready = open_stores(settings)
        workflow = open_workflow_store(settings)
        app.state.context = AppContext(
            stores=ready,
            aliases=aliases,
            synonyms=synonyms,
            api_keys=keys,
            audit_log=settings.audit_log,
            workflow=workflow,
        )
        _prepare(ready)
        try:
            yield
        finally:
            ready.close()
            workflow.close()

    app = FastAPI(
        title="ipgraph",
        summary="Knowledge graph and Chinese full-text search over enterprise IP assets",
        version="0.1.0",
        lifespan=lifespan,
        # Served from the app's own static files below: /docs works without internet.
        docs_url=None,
        redoc_url=None,
    )
    if stores is not None:
        # Ready stores need no start-up, so the app also works where no lifespan runs.
        app.state.context = AppContext(
            stores=stores,
            aliases=aliases,
            synonyms=synonyms,
            api_keys=keys,
            audit_log=settings.audit_log,
            workflow=open_workflow_store(settings),
        )
    app.include_router(ops_router)
    app.include_router(search_router)
    app.include_router(ledger_router)  # before entities: /organizations/{name}/portfolio
    app.include_router(similar_router)
    app.include_router(citations_router)
    app.include_router(entities_router)
    app.include_router(graph_router)
    app.include_router(due_diligence_router)
    app.include_router(workflow_router)
    # The web UI: static files bundled in the package (scripts/build_ui.sh), no CDN.
    app.mount("/ui", StaticFiles(directory=STATIC_DIR, html=True), name="ui")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/")

    _install_api_docs(app)
    _install_error_handlers(app)
    install_contract(app)
    app.add_middleware(UrlLengthLimit)
    # Outermost, so that every answer to a HEAD (the URL check's too) goes without a body.
    app.add_middleware(HeadAsGet)
    return app


def _install_api_docs(app: FastAPI) -> None:
    # Swagger UI and ReDoc from the bundle scripts/build_ui.sh copies from npm: no CDN, no
    # validator badge and no web fonts, so the pages make no request outside the app.
    vendor = "/ui/vendor"
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} · API",
            swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
            swagger_css_url=f"{vendor}/swagger-ui.css",
            swagger_favicon_url=f"{vendor}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} · API",
            redoc_js_url=f"{vendor}/redoc.standalone.js",
            redoc_favicon_url=f"{vendor}/favicon-32x32.png",
            with_google_fonts=False,
        )


def _prepare(stores: Stores) -> None:
    # A backend that is down at start-up must not stop the service: /readyz reports it and
    # requests get 503 until it comes back.
    try:
        stores.graph.ensure_schema()
        stores.index.ensure_index()
    except (GraphUnavailableError, SearchUnavailableError) as exc:
        log.warning("backend_unavailable_at_startup", code=exc.code, reason=exc.detail)


def _error(
    status: int,
    code: str,
    message: str,
    detail: dict[str, object],
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(code=code, message=message, detail=detail)
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(UseCaseError)
    async def use_case_error(_: Request, exc: UseCaseError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFoundError) else 400
        return _error(status, exc.code, exc.message, exc.detail)

    @app.exception_handler(GraphError)
    async def graph_error(request: Request, exc: GraphError) -> JSONResponse:
        if isinstance(exc, GraphQueryError):
            return _error(exc.status, exc.code, exc.message, exc.detail)
        return _backend_error(
            request, exc.code, exc.message, exc.detail, isinstance(exc, GraphUnavailableError)
        )

    @app.exception_handler(SearchError)
    async def search_error(request: Request, exc: SearchError) -> JSONResponse:
        return _backend_error(
            request, exc.code, exc.message, exc.detail, isinstance(exc, SearchUnavailableError)
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
        ]
        return _error(
            422, ApiErrorCode.VALIDATION_ERROR, "the request is not valid", {"errors": errors}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, ApiErrorCode.HTTP_ERROR)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first matching route's methods, or none (static files).
            headers["Allow"] = allowed_methods(list(request.app.routes), request.scope)
        return _error(exc.status_code, code, str(exc.detail), {}, headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", path=request.url.path)
        return _error(500, ApiErrorCode.INTERNAL_ERROR, "internal error", {})


_HTTP_CODES = {404: ApiErrorCode.NOT_FOUND, 405: ApiErrorCode.METHOD_NOT_ALLOWED}


def _backend_error(
    request: Request, code: str, message: str, detail: dict[str, object], unavailable: bool
) -> JSONResponse:
    if unavailable:
        log.warning("backend_unavailable", path=request.url.path, code=code)
        # The reason can carry host names; keep it in the log, out of the response.
        return _error(503, code, message, {})
    log.error("backend_error", path=request.url.path, code=code, detail=detail)
    return _error(500, code, message, {})
