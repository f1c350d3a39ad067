"""The OpenAPI document tells the truth for every route, with no per-route work.

Each operation's error responses are derived from what the route can raise, read from its
FastAPI dependency tree and signature when the document is built:

- any parameter or body -> 422 VALIDATION_ERROR; a body -> 413 BODY_TOO_LARGE; every
  operation -> 414 URL_TOO_LONG (the middleware of `search_api/limits.py` runs before routing);
- a path parameter -> 404 (the entity is not there, or the caller may not see it);
- the caller's key read (`principal_of`, i.e. `Caller` or `Policy`) -> 401 API_KEY_INVALID,
  and the `X-API-Key` security scheme, optional;
- a role required with `deps.requires(role)` -> 403 FORBIDDEN, and the key is required;
- the stores (`Ctx`) -> 503 when a backend is unreachable;
- anything else a route can answer (400 from a use case, 404 from a query parameter naming an
  entity, 501 for Cypher on the embedded backend, ...) it declares once in `responses=`, on its
  router or itself.

Every error response has the one model, `ErrorBody`, whose `code` is the enum `ErrorCode` of
every code the API emits: `ApiErrorCode`, `usecases.errors.ErrorCode`, and the codes of the
stores' root errors and their subclasses in `graph/errors.py` and `search/errors.py`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts

from graph.errors import GraphError
from search.errors import SearchError
from search_api.auth import principal_of
from search_api.deps import REQUIRED_ROLE_ATTRIBUTE, context
from search_api.errors import ApiErrorCode
from usecases.errors import ErrorCode

SECURITY_SCHEME = "ApiKey"
ERROR_BODY = "ErrorBody"
ERROR_BODY_REF = f"#/components/schemas/{ERROR_BODY}"
ERROR_CODE_SCHEMA = "ErrorCode"
# The modules whose error classes reach the API boundary (search_api/app.py translates them).
BOUNDARY_ERROR_MODULES = frozenset({"graph.errors", "search.errors"})

ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "the request cannot be answered as given (query syntax, cursor, filter, page)",
    401: "API_KEY_INVALID: the key sent is not a valid key",
    403: "FORBIDDEN: the caller's role does not allow this",
    404: "the entity does not exist or the caller may not see it (*_NOT_FOUND)",
    409: "the request conflicts with the current state",
    413: "BODY_TOO_LARGE: the declared request body is over the limit",
    414: "URL_TOO_LONG: send long input in a POST body",
    422: "VALIDATION_ERROR: parameters or body do not match the schema; "
    "`detail.errors` lists each field and why",
    429: "too many requests",
    501: "not available on this backend",
    503: "a backend (graph or search) is unreachable",
    504: "the backend did not answer in time",
}


# FastAPI's texts for responses declared without a description.
_DEFAULT_TEXTS = frozenset({"Validation Error", "Additional Response"})


def error_codes() -> list[str]:
    """Every error code an API client can see, sorted."""
    codes = {c.value for c in ApiErrorCode} | {c.value for c in ErrorCode}
    for root in (GraphError, SearchError):
        codes |= {cls.code for cls in _subclasses(root) if cls.__module__ in BOUNDARY_ERROR_MODULES}
    return sorted(codes)


def _subclasses(root: type[Exception]) -> Iterator[Any]:
    yield root
    for sub in root.__subclasses__():
        yield from _subclasses(sub)


def install_contract(app: FastAPI) -> None:
    """Serve the document with derived error responses and security, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    for route in iter_route_contexts(app.routes):
        original = route.original_route
        if isinstance(original, APIRoute) and original.include_in_schema:
            path_item = document["paths"].get(route.path_format, {})
            for method in route.methods or ():
                if method.lower() in path_item:
                    _declare(path_item[method.lower()], original)
    _drop_unused_validation_schemas(document)
    _add_links(document)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas[ERROR_CODE_SCHEMA] = {
        "type": "string",
        "enum": error_codes(),
        "title": ERROR_CODE_SCHEMA,
        "description": "stable machine-readable error code; new codes may be added within v1",
    }
    code = schemas[ERROR_BODY]["properties"]["code"]
    schemas[ERROR_BODY]["properties"]["code"] = {
        "$ref": f"#/components/schemas/{ERROR_CODE_SCHEMA}",
        "description": code.get("description", ""),
    }
    components["securitySchemes"] = {
        SECURITY_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "an API key (`ipgraph keys add`); also accepted as "
            "`Authorization: Bearer <key>`. Without a key the caller has the portal role.",
        }
    }
    return document


def _declare(operation: dict[str, Any], route: APIRoute) -> None:
    """Add the inferred error responses, make every error response the one `ErrorBody`, and
    declare the key the operation reads."""
    calls = set(_dependency_calls(route.dependant))
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for inferred in _inferred_statuses(route, calls):
        responses.setdefault(str(inferred), {})
    for status, response in responses.items():
        if status[0] in "45":
            response["content"] = {"application/json": {"schema": {"$ref": ERROR_BODY_REF}}}
            if response.get("description") in {
                None,
                HTTPStatus(int(status)).phrase,
                *_DEFAULT_TEXTS,
            }:
                response["description"] = ERROR_DESCRIPTIONS.get(int(status), "error")
    operation["responses"] = dict(sorted(responses.items()))
    if principal_of in calls:
        required = any(hasattr(call, REQUIRED_ROLE_ATTRIBUTE) for call in calls)
        security: list[dict[str, list[str]]] = [{SECURITY_SCHEME: []}]
        # An empty requirement first: calling without a key is allowed (portal role).
        operation["security"] = security if required else [{}, *security]


# OpenAPI links, so that tools walk the API as a portal does (search -> patent -> its
# organisation -> ...), derived by name: a response schema below yields entity ids at these
# JSON pointers, and every operation with a parameter named for that kind of entity gets a link
# from every operation answering with that schema. A later route with a `patent_id` or
# `organization` parameter is linked without any work.
LINK_SOURCES: dict[str, dict[str, str]] = {
    "SearchResponse": {"patent": "/hits/0/id"},
    "PatentResponse": {"patent": "/id", "organization": "/applicants/0/id"},
    "OrganizationResponse": {"organization": "/id"},
}
LINK_PARAMETERS: dict[str, str] = {"patent_id": "patent", "organization": "organization"}


def _add_links(document: dict[str, Any]) -> None:
    targets = [
        (operation["operationId"], parameter)
        for path_item in document["paths"].values()
        for operation in path_item.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] in LINK_PARAMETERS
    ]
    for path_item in document["paths"].values():
        for operation in path_item.values():
            success = operation.get("responses", {}).get("200", {})
            schema = success.get("content", {}).get("application/json", {}).get("schema", {})
            pointers = LINK_SOURCES.get(schema.get("$ref", "").rsplit("/", 1)[-1], {})
            links = {
                f"{target}.{parameter['name']}": {
                    "operationId": target,
                    "parameters": {
                        f"{parameter['in']}.{parameter['name']}": "$response.body#"
                        + pointers[LINK_PARAMETERS[parameter["name"]]]
                    },
                }
                for target, parameter in targets
                if LINK_PARAMETERS[parameter["name"]] in pointers
                and target != operation["operationId"]
            }
            if links:
                success["links"] = links


def _drop_unused_validation_schemas(document: dict[str, Any]) -> None:
    # FastAPI's default 422 models, no longer referenced once every 422 is an ErrorBody.
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        text = json.dumps({k: v for k, v in document.items() if k != "components"})
        text += json.dumps({k: v for k, v in schemas.items() if k != name})
        if f"#/components/schemas/{name}" not in text:
            schemas.pop(name, None)


def _inferred_statuses(route: APIRoute, calls: set[Callable[..., Any]]) -> set[int]:
    statuses = {414}
    path_params, other_params = _parameters(route.dependant)
    if path_params or other_params or route.body_field is not None:
        statuses.add(422)
    if route.body_field is not None:
        statuses.add(413)
    if path_params:
        statuses.add(404)
    if principal_of in calls:
        statuses.add(401)
    if any(hasattr(call, REQUIRED_ROLE_ATTRIBUTE) for call in calls):
        statuses.add(403)
    if context in calls:
        statuses.add(503)
    return statuses


def _parameters(dependant: Dependant) -> tuple[int, int]:
    """How many path parameters and other parameters the route and its dependencies read."""
    path = len(dependant.path_params)
    other = len(dependant.query_params) + len(dependant.header_params)
    other += len(dependant.cookie_params)
    for sub in dependant.dependencies:
        sub_path, sub_other = _parameters(sub)
        path, other = path + sub_path, other + sub_other
    return path, other


def _dependency_calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependency_calls(sub)
