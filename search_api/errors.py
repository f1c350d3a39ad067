"""Coded client errors raised by route handlers; the app renders them as `ErrorBody`."""

from __future__ import annotations


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
