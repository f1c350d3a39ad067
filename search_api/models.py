"""Request and response models of the HTTP API (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "PATENT_NOT_FOUND",
                    "message": "no patent with id CN000000000A",
                    "detail": {"id": "CN000000000A"},
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


class PatentSummary(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    title: str = Field(examples=["一种锂离子电池热失控预警方法"])
    applicants: list[str] = Field(examples=[["宁德时代新能源科技股份有限公司"]])
    inventors: list[str] = Field(default_factory=list)
    ipc: list[str] = Field(default_factory=list, examples=[["H01M10/48"]])
    kind: str | None = Field(default=None, examples=["invention"])
    country: str | None = Field(default=None, examples=["CN"])
    filing_date: str | None = Field(default=None, examples=["2022-01-04"])
    publication_date: str | None = Field(default=None, examples=["2022-06-10"])


class SearchHitOut(BaseModel):
    id: str
    score: float
    patent: PatentSummary
    highlights: dict[str, str] = Field(
        description="matched text per field, HTML-escaped, matches wrapped in <em>",
        examples=[{"title": "一种<em>锂离子电池</em>热失控预警方法"}],
    )


class SearchResponse(BaseModel):
    query: str = Field(examples=["锂离子电池 热失控"])
    tokens: list[str] = Field(
        description="how the query was segmented", examples=[["锂离子", "电池", "热失控"]]
    )
    total: int
    total_relation: str = Field(default="eq", description="'eq': the total is exact")
    page: int
    size: int
    hits: list[SearchHitOut]


class LinkedEntityOut(BaseModel):
    id: str
    name: str
    order: int | None = None


class PatentResponse(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    properties: dict[str, object] = Field(
        examples=[
            {
                "title": "一种锂离子电池热失控预警方法",
                "kind": "invention",
                "country": "CN",
                "application_number": "CN202210000001.5",
                "filing_date": "2022-01-04",
            }
        ]
    )
    applicants: list[LinkedEntityOut]
    inventors: list[LinkedEntityOut]
    ipc: list[LinkedEntityOut]
    documents: list[LinkedEntityOut]
    sources: list[str] = Field(description="provenance: source document hash#record")
