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


class ApiError(Exception):
    """A coded client error raised by a route handler; the app renders it as `ErrorBody`."""

    def __init__(
        self, status: int, code: str, message: str, detail: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail or {}
