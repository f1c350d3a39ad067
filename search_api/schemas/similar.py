"""Schemas of similar-patent search."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from search_api.schemas.search import PatentSummary

MAX_SIMILAR = 50


class SimilarRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "锂离子电池热失控时提前报警的方法，采集温度和电压", "size": 10}]
        },
    )

    text: str = Field(min_length=1, max_length=20_000, description="text to find patents like")
    size: int = Field(default=10, ge=1, le=MAX_SIMILAR)


class SimilarReasonsOut(BaseModel):
    shared_terms: list[str] = Field(description="the query's characteristic terms in this hit")
    shared_ipc: list[str] = Field(description="overlapping IPC codes, as 'source ~ hit'")
    ipc_overlap: float = Field(
        description="1 same subgroup, 0.7 same main group, 0.4 subclass, 0.2 class"
    )
    shared_citations: list[str] = Field(description="documents both patents cite")
    co_cited_by: list[str] = Field(description="documents citing both patents")
    direct_citation: str | None = Field(
        description="'cites' or 'cited_by' when one patent cites the other"
    )


class SimilarHitOut(BaseModel):
    id: str
    score: float = Field(description="fused rank score (text, IPC, citations)")
    text_score: float = Field(description="the index's text-similarity score")
    patent: PatentSummary
    reasons: SimilarReasonsOut


class SimilarResponse(BaseModel):
    source: PatentSummary | None = Field(description="the patent the hits are like, if any")
    hits: list[SimilarHitOut]
