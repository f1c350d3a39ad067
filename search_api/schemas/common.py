"""Schemas every area shares: the error body, health and readiness."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: object) -> object:
    # Pydantic also reads a number as a Unix time (`0` -> 1970-01-01); the document says
    # `format: date`, so only YYYY-MM-DD is a date here.
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("a date is written YYYY-MM-DD")
    if isinstance(value, int | float):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


# The date type of every date parameter and field a client sends.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class ErrorBody(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "QUERY_SYNTAX",
                    "message": "a '(' is not closed",
                    "detail": {"position": 3, "query": "电池 (回收"},
                }
            ]
        }
    )

    code: str = Field(description="stable machine-readable error code")
    message: str
    detail: dict[str, object] = Field(default_factory=dict)


class Health(BaseModel):
    status: str = Field(examples=["ok"])


class Readiness(BaseModel):
    status: str = Field(examples=["ready"])
    backend: str = Field(examples=["embedded"])
    checks: dict[str, str] = Field(examples=[{"graph": "ok", "search": "ok"}])
