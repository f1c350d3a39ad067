"""Schemas of a patent's citations and families."""

from __future__ import annotations

from pydantic import BaseModel, Field


class PatentRefOut(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    title: str | None = None
    country: str | None = Field(default=None, examples=["CN"])
    kind: str | None = Field(default=None, examples=["invention"])
    legal_status: str | None = Field(default=None, examples=["valid"])
    filing_date: str | None = None
    publication_date: str | None = None
    grant_date: str | None = None
    loaded: bool = Field(description="false: known only by number (not ingested)")


class CitationOut(BaseModel):
    patent: PatentRefOut
    self_citation: bool = Field(description="both patents belong to one group")
    source: str = Field(description="'export' (引证/被引证专利) or 'text' (背景技术)")


class CitationsResponse(BaseModel):
    patent_id: str
    backward_count: int = Field(description="patents it cites")
    forward_count: int = Field(description="patents citing it")
    self_citations: int
    backward: list[CitationOut]
    forward: list[CitationOut]


class FamilyOut(BaseModel):
    family_id: str
    kind: str = Field(description="'simple' (简单同族) or 'priority'")
    members: list[PatentRefOut]


class FamiliesResponse(BaseModel):
    patent_id: str
    families: list[FamilyOut]
