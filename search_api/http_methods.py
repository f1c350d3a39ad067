"""HTTP method semantics the framework leaves out (RFC 9110): `HEAD` wherever `GET` works,
and `Allow` on every 405 listing what the resource supports."""

from __future__ import annotations

from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Static files (the web UI) answer GET and HEAD only.
MOUNT_METHODS = frozenset({"GET", "HEAD"})


class HeadAsGet:
    """Pure ASGI middleware: a HEAD request is answered as the GET would be, headers and all
    (Content-Length included), without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


def allowed_methods(routes: list[BaseRoute], scope: Scope) -> str:
    """The `Allow` value for the resource at the scope's path: every method of every route
    whose path matches (HEAD with GET), in a stable order."""
    methods: set[str] = set()
    path = scope.get("path", "")
    for route in iter_route_contexts(routes):
        if route.path_regex is None or not route.path_regex.match(path):
            continue
        if isinstance(route.original_route, Mount):
            methods |= MOUNT_METHODS
        else:
            methods |= set(route.methods or ())
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))
