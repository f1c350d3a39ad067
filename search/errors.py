"""Errors raised by search indexes; codes are stable and shown to API clients."""

from __future__ import annotations


class SearchError(Exception):
    """Root of every search-index error."""

    code = "SEARCH_ERROR"

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class SearchUnavailableError(SearchError):
    code = "SEARCH_UNAVAILABLE"


class SearchWriteError(SearchError):
    """Some documents were rejected by the index; `detail` names them."""

    code = "SEARCH_WRITE_FAILED"


class SearchAliasTakenError(SearchError):
    """A concrete index holds the name the versioned indices are reached through."""

    code = "SEARCH_ALIAS_TAKEN"
