"""Citations and families of a patent: who it cites and who cites it (from exports and from
its background text), with the self-citations inside one group flagged, and its family members
with country, kind, dates and legal status."""

from __future__ import annotations

from dataclasses import dataclass

from domain.access import AccessPolicy
from domain.numbers import country_of
from graph.lookup import find_patent_by_number
from graph.model import Direction, EdgeType, NodeLabel
from graph.store import GraphReader
from usecases.context import Context
from usecases.errors import ErrorCode, NotFoundError

MAX_LISTED = 500


@dataclass(frozen=True)
class PatentRef:
    id: str
    title: str | None
    country: str | None
    kind: str | None
    legal_status: str | None
    filing_date: str | None
    publication_date: str | None
    grant_date: str | None
    loaded: bool  # False: known only as a number (a citation or family member not ingested)


@dataclass(frozen=True)
class Citation:
    patent: PatentRef
    self_citation: bool  # both patents belong to one group
    source: str  # "export" or "text" (a number in 背景技术)


@dataclass(frozen=True)
class CitationsView:
    patent_id: str
    backward: list[Citation]  # what it cites
    forward: list[Citation]  # what cites it
    backward_count: int
    forward_count: int
    self_citations: int


@dataclass(frozen=True)
class FamilyView:
    patent_id: str
    family_id: str
    kind: str
    members: list[PatentRef]


def patent_citations(ctx: Context, number: str, policy: AccessPolicy) -> CitationsView:
    graph = ctx.stores.graph
    patent_id = _patent_id(graph, number)
    own_groups = _groups(graph, patent_id)
    lists = []
    for direction in (Direction.OUT, Direction.IN):
        citations = []
        for neighbour in graph.neighbours(EdgeType.CITES, patent_id, direction, MAX_LISTED):
            other = _groups(graph, neighbour.id)
            citations.append(
                Citation(
                    _ref(graph, neighbour.id, policy),
                    bool(own_groups & other),
                    str(neighbour.edge.get("source", "text")),
                )
            )
        lists.append(citations)
    backward, forward = lists
    return CitationsView(
        patent_id,
        backward,
        forward,
        len(backward),
        len(forward),
        sum(c.self_citation for c in backward + forward),
    )


def patent_families(ctx: Context, number: str, policy: AccessPolicy) -> list[FamilyView]:
    graph = ctx.stores.graph
    patent_id = _patent_id(graph, number)
    views = []
    for family in graph.neighbours(EdgeType.MEMBER_OF, patent_id, Direction.OUT, MAX_LISTED):
        node = graph.get_node(NodeLabel.FAMILY, family.id)
        kind = str(node.props.get("kind", "simple")) if node else "simple"
        members = graph.neighbours(EdgeType.MEMBER_OF, family.id, Direction.IN, MAX_LISTED)
        views.append(
            FamilyView(patent_id, family.id, kind, [_ref(graph, m.id, policy) for m in members])
        )
    return views


def _patent_id(graph: GraphReader, number: str) -> str:
    found = find_patent_by_number(graph, number).patent
    if found is None:
        raise NotFoundError(ErrorCode.PATENT_NOT_FOUND, f"no patent {number!r}", {"number": number})
    return found.id


def _ref(graph: GraphReader, patent_id: str, policy: AccessPolicy) -> PatentRef:
    node = graph.get_node(NodeLabel.PATENT, patent_id)
    props = policy.properties(NodeLabel.PATENT, node.props) if node else {}

    def text(name: str) -> str | None:
        value = props.get(name)
        return str(value) if value is not None else None

    return PatentRef(
        patent_id,
        text("title"),
        text("country") or country_of(patent_id),
        text("kind"),
        text("legal_status"),
        text("filing_date"),
        text("publication_date"),
        text("grant_date"),
        "title" in props,
    )


def _groups(graph: GraphReader, patent_id: str) -> set[str]:
    """The top organisations of the patent's applicants' groups (each applicant's own id
    when it belongs to no group)."""
    roots = set()
    for applicant in graph.neighbours(EdgeType.APPLICANT_OF, patent_id, Direction.IN, 50):
        above = graph.ancestors(applicant.id)
        roots.add(above[-1].id if above else applicant.id)
    return roots
