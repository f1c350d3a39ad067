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


class SharedCodeOut(BaseModel):
    code: str
    ours: int
    theirs: int


class CompetitorOut(BaseModel):
    organization: EntityOut
    similarity: float = Field(description="cosine of the IPC-subgroup patent-count vectors")
    shared_patents: int = Field(description="their patents in codes we also file in")
    shared_codes: list[SharedCodeOut] = Field(description="the explanation, largest overlap first")
    cites_them: int = Field(0, description="citations from our patents to theirs")
    cited_by_them: int = Field(0, description="citations from their patents to ours")


class CitationPartnerOut(BaseModel):
    organization: EntityOut
    cites_them: int = Field(description="citations from our patents to theirs")
    cited_by_them: int = Field(description="citations from their patents to ours")


class CompetitorsResponse(BaseModel):
    organization: EntityOut
    members: list[str] = Field(description="the organisations counted as 'ours'")
    competitors: list[CompetitorOut]
    citation_partners: list[CitationPartnerOut] = Field(
        default_factory=list,
        description="the organisations we cite or are cited by most (citation flows), "
        "most citations either way first",
    )


class SideOut(BaseModel):
    patents: int
    valid: int
    by_kind: dict[str, int]
    by_year: dict[str, int]


class HeadToHeadResponse(BaseModel):
    field: str
    ours: SideOut
    theirs: SideOut
    white_space: list[SharedCodeOut] = Field(
        description="subclasses where they file and we do not (ours is 0)"
    )


class LinksResponse(BaseModel):
    a: EntityOut
    b: EntityOut
    a_members: list[str]
    co_owned: list[str] = Field(description="patents both sides filed")
    contracts: list[str] = Field(description="contracts both sides are party to")
    shared_inventors: list[str] = Field(description="persons on patents of both sides")
    citations: list[EdgeOut] = Field(description="CITES edges between the two portfolios")
    standards: list[str] = Field(description="standards patents of both sides mention or declare")


class KpisOut(BaseModel):
    organization: str
    patents: int
    valid: int
    valid_inventions: int
    invention_share: float | None
    meets_invention_target: bool | None = Field(description="invention share >= 50%")
    valid_abroad: dict[str, int] = Field(description="valid patents in US, JP, EU")
    by_grade: dict[str, int]
    filings_by_year: dict[str, dict[str, int]]
    madrid_registrations: int | None = Field(
        description="None: no trademark register loaded, so unknown"
    )


class KpisResponse(BaseModel):
    group: KpisOut
    members: list[KpisOut]


class DeclaredFamilyOut(BaseModel):
    family: str = Field(description="a family id, or the patent's id when it has none")
    members: list[str]
    declarants: list[str]
    declarations: list[str]
    legal_status: dict[str, str]
    unmatched: list[str] = Field(description="declared numbers the graph does not hold")


class DeclaredResponse(BaseModel):
    standard: str
    families: list[DeclaredFamilyOut]


class SepPortfolioResponse(BaseModel):
    organization: EntityOut
    members: list[str]
    standards: dict[str, list[DeclaredFamilyOut]]


class CandidateOut(BaseModel):
    patent: str
    standard: str
    field: str | None
    start: int | None


class CandidatesResponse(BaseModel):
    organization: EntityOut
    candidates: list[CandidateOut]


class GapOut(BaseModel):
    standard: str
    their_declarations: int
    their_families: int


class GapsResponse(BaseModel):
    ours: EntityOut
    theirs: EntityOut
    gaps: list[GapOut]
