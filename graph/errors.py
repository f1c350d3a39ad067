"""Errors raised by graph stores; the API maps each `code` to an HTTP status."""

from __future__ import annotations


class GraphError(Exception):
    """Root of every graph-store error."""

    code = "GRAPH_ERROR"

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class GraphUnavailableError(GraphError):
    """The graph backend cannot be reached or refused the connection."""

    code = "GRAPH_UNAVAILABLE"
