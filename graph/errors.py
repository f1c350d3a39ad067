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


class GraphQueryError(GraphError):
    """A client's query was refused or failed; `status` is the HTTP status it maps to."""

    code = "GRAPH_QUERY_ERROR"
    status = 400


class CypherRefusedError(GraphQueryError):
    """An analyst query that could write, administer or call a writing procedure."""

    code = "CYPHER_REFUSED"


class CypherUnsupportedError(GraphQueryError):
    """The embedded backend has no Cypher."""

    code = "CYPHER_UNAVAILABLE"
    status = 501


class CypherTimeoutError(GraphQueryError):
    code = "CYPHER_TIMEOUT"
    status = 504


class CypherResultTooLargeError(GraphQueryError):
    """The query needed more memory than a transaction may use (a huge list or result)."""

    code = "CYPHER_RESULT_TOO_LARGE"
    status = 422
