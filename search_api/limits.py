"""Bounded request input at the HTTP edge: a URL longer than `MAX_URL_BYTES` gets the API's
`{code, message, detail}` error (414 URL_TOO_LONG) instead of the HTTP server's plain-text 400.

The HTTP server itself (uvicorn, see `SERVER_OPTIONS`) accepts request heads up to
`MAX_REQUEST_HEAD_BYTES` so that such a URL reaches this check at all; beyond that size it
still answers its own plain 400, which no client of this API will ever need to send."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from search_api.models import ErrorBody

MAX_URL_BYTES = 16 * 1024
MAX_REQUEST_HEAD_BYTES = 4 * 1024 * 1024
# h11 because its head limit is configurable (httptools refuses long URLs on its own terms).
SERVER_OPTIONS: dict[str, Any] = {
    "http": "h11",
    "h11_max_incomplete_event_size": MAX_REQUEST_HEAD_BYTES,
}


class UrlLengthLimit:
    """Pure ASGI middleware: one length check per request, nothing parsed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            if length > MAX_URL_BYTES:
                await _refuse(send, length)
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, length: int) -> None:
    body = (
        ErrorBody(
            code="URL_TOO_LONG",
            message=f"the URL is longer than {MAX_URL_BYTES} bytes; send long input in a POST body",
            detail={"length": length, "max_bytes": MAX_URL_BYTES},
        )
        .model_dump_json()
        .encode()
    )
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 414, "headers": headers})
    await send({"type": "http.response.body", "body": body})
