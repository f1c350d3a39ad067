"""Schemas of the search API: the request (query parameters or JSON body) and its answer."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from search.index.protocol import SortOrder
from search_api.schemas.common import IsoDate

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
Grade = Literal["core", "important", "general"]
AssetKind = Literal["patent", "contract", "trademark"]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
IpcPrefix = Annotated[str, StringConstraints(pattern=r"^[A-Ha-h]\d{0,2}[A-Za-z]?[0-9/ ]{0,12}$")]


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
    grade: list[Grade] = Field(
        default_factory=list, max_length=3, description="value grade: core, important, general"
    )
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
    filing_from: IsoDate | None = None
    filing_to: IsoDate | None = None
    publication_from: IsoDate | None = None
    publication_to: IsoDate | None = None
    grant_from: IsoDate | None = None
    grant_to: IsoDate | None = None
    as_of: IsoDate | None = Field(
        default=None,
        description="YYYY-MM-DD: patents filed by then; `group` as it stood that day "
        "(docs/ASSET_LEDGER.md)",
    )
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = Field(default=1, ge=1, le=1000)
    size: int = Field(default=10, ge=1, le=100)
    cursor: str | None = Field(
        default=None, max_length=1000, description="next_cursor of the previous page (deep paging)"
    )
    facets: bool = True
    synonyms: bool = Field(
        default=True,
        description="expand query words with the technical synonym dictionary "
        "(config/dictionaries/technical_synonyms.tsv plus the data dir's own)",
    )
    fields: list[str] = Field(
        default_factory=list,
        max_length=25,
        description="stored fields to return in each hit's `fields` (e.g. abstract, claims, "
        "publication_number, owners, cited_patents); FIELD_UNKNOWN for others",
        examples=[["publication_number", "abstract"]],
    )


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


class ExpansionOut(BaseModel):
    term: str = Field(examples=["锂电池"])
    matched: str = Field(examples=["锂离子电池"])


class SearchHitOut(BaseModel):
    id: str
    score: float
    patent: PatentSummary
    highlights: dict[str, str] = Field(
        description="where the hit matched, matches wrapped in <em>, HTML-escaped: title and "
        "abstract whole; claims, description (a contract's text), applicants, inventors as "
        "one fragment; `number` and `ipc` for exact-value matches",
        examples=[{"title": "一种<em>锂离子电池</em>热失控预警方法"}],
    )
    expansions: list[ExpansionOut] = Field(
        default_factory=list, description="synonym expansions of the query found in this hit"
    )
    fields: dict[str, object] | None = Field(
        default=None, description="the stored fields asked for with `fields=`"
    )


class FacetBucketOut(BaseModel):
    key: str = Field(examples=["invention"])
    count: int = Field(examples=[12])


class SearchResponse(BaseModel):
    query: str | None = Field(examples=["锂离子电池 热失控"])
    total: int
    total_relation: Literal["eq", "gte"] = Field(
        description="'eq': total is exact (both backends count every hit)"
    )
    page: int
    size: int
    sort: SortOrder
    hits: list[SearchHitOut]
    facets: dict[str, list[FacetBucketOut]] = Field(
        description="asset_kind, kind, legal_status, filing_year, ipc_subclasses, applicants, "
        "country, grade: top 20 values with their counts",
        examples=[{"kind": [{"key": "invention", "count": 12}]}],
    )
    next_cursor: str | None = Field(description="pass as `cursor` for the next page")
    expansions: dict[str, list[str]] = Field(
        default_factory=dict,
        description="query word -> the dictionary spellings it was also searched as",
        examples=[{"锂电池": ["锂离子电池", "锂离子二次电池"]}],
    )


ExportFormat = Literal["ndjson", "csv", "xlsx"]


class ExportRequest(SearchRequest):
    """A search to export whole; paging parameters are ignored."""

    format: ExportFormat = Field(default="ndjson", description="ndjson, csv or xlsx")
