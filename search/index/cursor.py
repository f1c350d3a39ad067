"""Opaque paging cursors: the sort order and the sort values of the last hit of a page."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from search.index.protocol import InvalidCursorError, SortOrder


def encode_cursor(sort: SortOrder, values: list[Any]) -> str:
    raw = json.dumps({"sort": sort.value, "after": values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: SortOrder, arity: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        body = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidCursorError("the cursor is not one this service issued") from exc
    if not isinstance(body, dict) or body.get("sort") != sort.value:
        raise InvalidCursorError("the cursor belongs to another sort order")
    values = body.get("after")
    if not isinstance(values, list) or len(values) != arity:
        raise InvalidCursorError("the cursor is not one this service issued")
    if not all(v is None or isinstance(v, str | int | float) for v in values):
        raise InvalidCursorError("the cursor is not one this service issued")
    return values
