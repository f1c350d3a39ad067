"""Response models of the analyst graph endpoints (/api/v1/graph/...)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from graph.model import Link, NodeKey


class EntityOut(BaseModel):
    label: str = Field(examples=["Organization"])
    id: str = Field(examples=["华为技术有限公司"])
    name: str


class EdgeOut(BaseModel):
    """One edge with its explanation: its properties (role, field and offsets, order ...) and
    the documents (sha256-prefix#record) it was read from."""

    type: str = Field(examples=["APPLICANT_OF"])
    source: EntityOut
    target: EntityOut
    properties: dict[str, object]
    documents: list[str]

    @classmethod
    def of(cls, link: Link) -> EdgeOut:
        return cls(
            type=link.type.value,
            source=entity_out(link.src, link.src_name),
            target=entity_out(link.dst, link.dst_name),
            properties=dict(link.props),
            documents=link.sources,
        )


class PathOut(BaseModel):
    hops: int
    nodes: list[EntityOut]
    edges: list[EdgeOut]


class PathsResponse(BaseModel):
    source: EntityOut
    target: EntityOut
    paths: list[PathOut] = Field(description="shortest first, then by node ids")
    partial: bool = Field(description="a limit stopped the walk: more paths may exist")
    reasons: list[str]
    visited: int


class NeighborsResponse(BaseModel):
    center: EntityOut
    nodes: list[EntityOut]
    edges: list[EdgeOut]
    partial: bool
    reasons: list[str]


def entity_out(key: NodeKey, name: str) -> EntityOut:
    return EntityOut(label=key.label.value, id=key.id, name=name)
