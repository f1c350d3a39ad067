"""Errors a use case raises for a bad request or a missing entity, with stable codes. The
entry points translate them: the API into `{code, message, detail}` with 400/404, the CLI into
a red line and exit code 1."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    ENTITY_NOT_FOUND = "ENTITY_NOT_FOUND"
    PATENT_NOT_FOUND = "PATENT_NOT_FOUND"
    ORGANIZATION_NOT_FOUND = "ORGANIZATION_NOT_FOUND"
    PERSON_NOT_FOUND = "PERSON_NOT_FOUND"
    CONTRACT_NOT_FOUND = "CONTRACT_NOT_FOUND"
    STANDARD_NOT_FOUND = "STANDARD_NOT_FOUND"
    GROUP_UNKNOWN = "GROUP_UNKNOWN"
    IPC_PREFIX_INVALID = "IPC_PREFIX_INVALID"
    QUERY_SYNTAX = "QUERY_SYNTAX"
    CURSOR_INVALID = "CURSOR_INVALID"
    PAGE_OUT_OF_RANGE = "PAGE_OUT_OF_RANGE"
    CURSOR_WITH_PAGE = "CURSOR_WITH_PAGE"
    FIELD_UNKNOWN = "FIELD_UNKNOWN"
    TEXT_TOO_SHORT = "TEXT_TOO_SHORT"
    DATE_RANGE_INVALID = "DATE_RANGE_INVALID"
    # Graded management and monitoring (usecases/workflow.py, usecases/monitoring.py).
    WATCH_TARGET_INVALID = "WATCH_TARGET_INVALID"
    WATCH_NOT_FOUND = "WATCH_NOT_FOUND"
    DATE_INVALID = "DATE_INVALID"


class UseCaseError(Exception):
    """Root of the use-case errors."""

    def __init__(self, code: ErrorCode, message: str, detail: dict[str, object] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail or {}


class NotFoundError(UseCaseError):
    """No entity by that name or number that the caller may see (the two are not told apart,
    so a confidential record's existence does not leak)."""


class InvalidRequestError(UseCaseError):
    """The request cannot be answered as given (a bad query, filter or page)."""
