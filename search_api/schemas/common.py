"""Schemas every area shares: the error body, health and readiness."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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
