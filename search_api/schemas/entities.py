"""Schemas of the entity pages: patents, organisations, persons, any node."""

from __future__ import annotations

from pydantic import BaseModel, Field

from search_api.schemas.ledger import HoldingOut
from search_api.schemas.workflow import ValueOut


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
    value: ValueOut | None = Field(
        default=None, description="score, grade and how each indicator contributed"
    )
    standing: HoldingOut | None = Field(
        default=None,
        description="with as_of: every owner that day, the pledges and licences then in force"
        " and the legal status (the asset ledger); null without as_of or before filing",
    )


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
