"""Coded client errors raised by the HTTP layer itself; the app renders them as `ErrorBody`.

Every code an API client can see is an enum member: the HTTP layer's own below, a use case's in
`usecases.errors.ErrorCode`, the stores' on their errors (`GraphError`, `SearchError`)."""

from __future__ import annotations

from enum import StrEnum


class ApiErrorCode(StrEnum):
    API_KEY_INVALID = "API_KEY_INVALID"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"  # no such route
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"  # with `Allow`: the methods the resource has
    HTTP_ERROR = "HTTP_ERROR"  # any other refusal of the HTTP layer itself
    NOT_READY = "NOT_READY"  # /readyz: a backend does not answer
    VALIDATION_ERROR = "VALIDATION_ERROR"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    URL_TOO_LONG = "URL_TOO_LONG"
    BODY_TOO_LARGE = "BODY_TOO_LARGE"


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
