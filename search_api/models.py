"""Request and response models of the HTTP API (the OpenAPI schema is generated from these)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from search.index.protocol import SortOrder

PatentKind = Literal["invention", "utility_model", "design"]
# A contract's kind (ingest/contracts/model.py ContractKind), filterable like a patent's.
ContractKindName = Literal[
    "patent_license",
    "patent_transfer",
    "application_transfer",
    "patent_pledge",
    "technology_transfer",
    "trade_secret_license",
    "nda",
    "equity_contribution",
    "cooperation",
    "non_compete",
    "amendment",
]
LegalStatus = Literal["valid", "pending", "invalid"]
AssetKind = Literal["patent", "contract", "trademark"]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
IpcPrefix = Annotated[str, StringConstraints(pattern=r"^[A-Ha-h]\d{0,2}[A-Za-z]?[0-9/ ]{0,12}$")]


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


class SearchRequest(BaseModel):
    """A search; as query parameters for GET, as a JSON body for POST."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "q": 'title:"锂离子电池" AND (回收 OR 再生) -燃料',
                    "kind": ["invention"],
                    "legal_status": ["valid"],
                    "ipc": ["H01M"],
                    "group": "国家电网有限公司",
                    "filing_from": "2020-01-01",
                    "sort": "filing_date_desc",
                    "size": 20,
                }
            ]
        },
    )

    q: str | None = Field(
        default=None,
        max_length=500,
        description="query in the documented syntax (docs/QUERY_SYNTAX.md); omit to browse",
        examples=["锂离子电池 热失控"],
    )
    asset_kind: list[AssetKind] = Field(default_factory=list, max_length=5)
    kind: list[PatentKind | ContractKindName] = Field(
        default_factory=list,
        max_length=14,
        description="patent kinds, or contract kinds (for asset_kind=contract); "
        "for contracts the filing date filters are the sign date",
    )
    legal_status: list[LegalStatus] = Field(default_factory=list, max_length=3)
    country: list[CountryCode] = Field(default_factory=list, max_length=20, examples=[["CN", "US"]])
    ipc: list[IpcPrefix] = Field(
        default_factory=list,
        max_length=10,
        description="IPC prefixes, e.g. H01M or H01M10/0525",
        examples=[["H01M", "G06V20"]],
    )
    applicant: list[str] = Field(
        default_factory=list,
        max_length=10,
        description="applicant full or short names",
        examples=[["比亚迪"]],
    )
    group: str | None = Field(
        default=None,
        max_length=200,
        description="an organisation: it and all its subsidiaries",
        examples=["国家电网有限公司"],
    )
    filing_from: dt.date | None = None
    filing_to: dt.date | None = None
    publication_from: dt.date | None = None
    publication_to: dt.date | None = None
    grant_from: dt.date | None = None
    grant_to: dt.date | None = None
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = Field(default=1, ge=1, le=1000)
    size: int = Field(default=10, ge=1, le=100)
    cursor: str | None = Field(
        default=None, max_length=1000, description="next_cursor of the previous page (deep paging)"
    )
    facets: bool = True

    @model_validator(mode="after")
    def _ranges_are_ordered(self) -> SearchRequest:
        for name in ("filing", "publication", "grant"):
            start, end = getattr(self, f"{name}_from"), getattr(self, f"{name}_to")
            if start and end and start > end:
                raise ValueError(f"{name}_from is after {name}_to")
        return self


class PatentSummary(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    asset_kind: str = Field(examples=["patent"])
    title: str = Field(examples=["一种锂离子电池热失控预警方法"])
    applicants: list[str] = Field(examples=[["宁德时代新能源科技股份有限公司"]])
    inventors: list[str] = Field(default_factory=list)
    ipc: list[str] = Field(default_factory=list, examples=[["H01M10/48"]])
    kind: str | None = Field(default=None, examples=["invention"])
    legal_status: str | None = Field(default=None, examples=["valid"])
    country: str | None = Field(default=None, examples=["CN"])
    filing_date: str | None = Field(default=None, examples=["2022-01-04"])
    publication_date: str | None = Field(default=None, examples=["2022-06-10"])
    grant_date: str | None = None


class SearchHitOut(BaseModel):
    id: str
    score: float
    patent: PatentSummary
    highlights: dict[str, str] = Field(
        description="title/abstract with matches wrapped in <em>, HTML-escaped",
        examples=[{"title": "一种<em>锂离子电池</em>热失控预警方法"}],
    )


class FacetBucketOut(BaseModel):
    key: str = Field(examples=["invention"])
    count: int = Field(examples=[12])


class SearchResponse(BaseModel):
    query: str | None = Field(examples=["锂离子电池 热失控"])
    total: int
    total_relation: Literal["eq", "gte"] = Field(
        description="'eq': total is exact; 'gte': at least this many (counting stops at 10000)"
    )
    page: int
    size: int
    sort: SortOrder
    hits: list[SearchHitOut]
    facets: dict[str, list[FacetBucketOut]] = Field(
        description="asset_kind, kind, legal_status, filing_year, ipc_subclasses, applicants, "
        "country: top 20 values with their counts",
        examples=[{"kind": [{"key": "invention", "count": 12}]}],
    )
    next_cursor: str | None = Field(description="pass as `cursor` for the next page")


class LinkedEntityOut(BaseModel):
    id: str
    name: str
    order: int | None = None


class CountedEntityOut(BaseModel):
    id: str
    name: str
    count: int


class PatentResponse(BaseModel):
    id: str = Field(examples=["CN115000001A"])
    properties: dict[str, object] = Field(
        examples=[
            {
                "title": "一种锂离子电池热失控预警方法",
                "kind": "invention",
                "country": "CN",
                "application_number": "CN202210000001.0",
                "filing_date": "2022-01-04",
            }
        ]
    )
    applicants: list[LinkedEntityOut]
    inventors: list[LinkedEntityOut]
    ipc: list[LinkedEntityOut]
    documents: list[LinkedEntityOut]
    sources: list[str] = Field(description="provenance: source document hash#record")


class GroupTreeNodeOut(BaseModel):
    id: str
    name: str = Field(examples=["国网山东省电力公司"])
    stake: float | None = Field(default=None, examples=[100.0])
    subsidiaries: list[GroupTreeNodeOut] = Field(default_factory=list)


class OrganizationResponse(BaseModel):
    id: str = Field(examples=["国家电网有限公司"])
    properties: dict[str, object] = Field(
        examples=[{"name": "国家电网有限公司", "aliases": ["国家电网", "国网"]}]
    )
    parents: list[LinkedEntityOut] = Field(description="holding companies, nearest first")
    subsidiaries: list[GroupTreeNodeOut]
    group_size: int
    portfolio: dict[str, int] = Field(
        description="own patents per kind", examples=[{"invention": 2}]
    )
    group_portfolio: dict[str, int] = Field(description="distinct patents of the whole group")
    central_soe: str | None = Field(
        default=None, description="itself or its nearest holding company, if on the SOE list"
    )
    sources: list[str]


class PersonResponse(BaseModel):
    id: str = Field(examples=["孙浩@国家电网有限公司"])
    properties: dict[str, object]
    patents: list[LinkedEntityOut]
    organizations: list[CountedEntityOut]
    co_inventors: list[CountedEntityOut]
    sources: list[str]


class NodeResponse(BaseModel):
    id: str
    label: str = Field(examples=["Standard"])
    properties: dict[str, object]
    links: dict[str, list[LinkedEntityOut]] = Field(description="neighbours by 'EDGE_TYPE:out|in'")
    sources: list[str]
