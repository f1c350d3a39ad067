"""Bounded request input at the HTTP edge: a URL longer than `MAX_URL_BYTES` gets the API's
`{code, message, detail}` error (414 URL_TOO_LONG) instead of the HTTP server's plain-text 400,
and a body declared larger than `MAX_BODY_BYTES` gets 413 BODY_TOO_LARGE before it is read.

The HTTP server itself (uvicorn, see `SERVER_OPTIONS`) accepts request heads up to
`MAX_REQUEST_HEAD_BYTES` so that such a URL reaches this check at all; beyond that size it
still answers its own plain 400, which no client of this API will ever need to send."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from search_api.errors import ApiErrorCode
from search_api.schemas.common import ErrorBody

MAX_URL_BYTES = 16 * 1024
MAX_BODY_BYTES = 1024 * 1024  # a search or a Cypher query with its parameters; no uploads
MAX_REQUEST_HEAD_BYTES = 4 * 1024 * 1024
# h11 because its head limit is configurable (httptools refuses long URLs on its own terms).
SERVER_OPTIONS: dict[str, Any] = {
    "http": "h11",
    "h11_max_incomplete_event_size": MAX_REQUEST_HEAD_BYTES,
}


class UrlLengthLimit:
    """Pure ASGI middleware: the URL's length and the declared body length, checked before
    anything is read or parsed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = _refusal(scope)
            if refusal is not None:
                await _send_error(send, *refusal)
                return
        await self.app(scope, receive, send)


def _refusal(scope: Scope) -> tuple[int, ErrorBody] | None:
    url = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
    if url > MAX_URL_BYTES:
        return 414, ErrorBody(
            code=ApiErrorCode.URL_TOO_LONG,
            message=f"the URL is longer than {MAX_URL_BYTES} bytes; send long input in a POST body",
            detail={"length": url, "max_bytes": MAX_URL_BYTES},
        )
    body = _content_length(scope)
    if body is not None and body > MAX_BODY_BYTES:
        return 413, ErrorBody(
            code=ApiErrorCode.BODY_TOO_LARGE,
            message=f"the request body is larger than {MAX_BODY_BYTES} bytes",
            detail={"length": body, "max_bytes": MAX_BODY_BYTES},
        )
    return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or []:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_error(send: Send, status: int, error: ErrorBody) -> None:
    body = error.model_dump_json().encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
