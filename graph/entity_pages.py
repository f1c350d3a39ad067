"""Entity pages (patent, organisation, person, any node) composed from GraphStore primitives:
one implementation for every store. What a caller may see is decided by the `AccessPolicy`
the use case passes in (`usecases/entities.py`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from domain.access import PUBLIC_ACCESS, AccessPolicy
from graph.groups import group_members
from graph.model import (
    Direction,
    EdgeType,
    LinkedEntity,
    Neighbour,
    NodeLabel,
    Properties,
    SubsidiaryLink,
)
from graph.store import GraphStore

PAGE_LIMIT = 100


@dataclass(frozen=True)
class PatentView:
    id: str
    props: Properties
    sources: list[str]
    applicants: list[LinkedEntity]
    inventors: list[LinkedEntity]
    ipc: list[LinkedEntity]
    documents: list[LinkedEntity]


@dataclass(frozen=True)
class GroupTreeNode:
    id: str
    name: str
    stake: float | None = None
    subsidiaries: list[GroupTreeNode] = field(default_factory=list)


@dataclass(frozen=True)
class OrganizationView:
    id: str
    props: Properties
    sources: list[str]
    parents: list[LinkedEntity]  # nearest first; `order` is the distance
    subsidiaries: list[GroupTreeNode]
    group_size: int  # this organisation and every subsidiary below it
    portfolio: dict[str, int]  # its own patents per kind
    group_portfolio: dict[str, int]  # distinct patents of the whole group per kind
    central_soe: str | None = None  # itself or the nearest holding company on the SOE list


@dataclass(frozen=True)
class CountedEntity:
    id: str
    name: str
    count: int


@dataclass(frozen=True)
class PersonView:
    id: str
    props: Properties
    sources: list[str]
    patents: list[LinkedEntity]
    organizations: list[CountedEntity]  # applicants of their patents
    co_inventors: list[CountedEntity]


@dataclass(frozen=True)
class NodeView:
    id: str
    label: str
    props: Properties
    sources: list[str]
    links: dict[str, list[LinkedEntity]]  # "EDGE_TYPE:out|in" -> neighbours


def patent_view(store: GraphStore, number: str) -> PatentView | None:
    node = store.find_patent(number)
    if node is None:
        return None
    return PatentView(
        id=node.id,
        props=node.props,
        sources=node.sources,
        applicants=_linked(store.neighbours(EdgeType.APPLICANT_OF, node.id, Direction.IN)),
        inventors=_linked(store.neighbours(EdgeType.INVENTOR_OF, node.id, Direction.IN)),
        ipc=_linked(store.neighbours(EdgeType.CLASSIFIED_AS, node.id, Direction.OUT)),
        documents=_linked(
            store.neighbours(EdgeType.EXTRACTED_FROM, node.id, Direction.OUT), ordered=False
        ),
    )


def organization_view(store: GraphStore, org_id: str) -> OrganizationView | None:
    node = store.get_node(NodeLabel.ORGANIZATION, org_id)
    if node is None:
        return None
    links = store.descendants(org_id)
    members = group_members(store, org_id)
    ancestors = store.ancestors(org_id)
    return OrganizationView(
        id=node.id,
        props=node.props,
        sources=node.sources,
        parents=[LinkedEntity(a.id, a.name, _int(a.edge.get("depth"))) for a in ancestors],
        subsidiaries=_tree(org_id, links),
        group_size=len(members),
        portfolio=store.patent_counts([org_id]),
        group_portfolio=store.patent_counts(members),
        central_soe=_central_soe(store, node.id, node.props, ancestors),
    )


def _central_soe(
    store: GraphStore, org_id: str, props: Properties, ancestors: list[Neighbour]
) -> str | None:
    if props.get("is_central_soe"):
        return org_id
    for ancestor in ancestors:
        holder = store.get_node(NodeLabel.ORGANIZATION, ancestor.id)
        if holder is not None and holder.props.get("is_central_soe"):
            return holder.id
    return None


def person_view(store: GraphStore, person_id: str) -> PersonView | None:
    node = store.get_node(NodeLabel.PERSON, person_id)
    if node is None:
        return None
    patents = store.neighbours(EdgeType.INVENTOR_OF, person_id, Direction.OUT, PAGE_LIMIT)
    organizations: Counter[tuple[str, str]] = Counter()
    co_inventors: Counter[tuple[str, str]] = Counter()
    for patent in patents:
        for org in store.neighbours(EdgeType.APPLICANT_OF, patent.id, Direction.IN):
            organizations[(org.id, org.name)] += 1
        for other in store.neighbours(EdgeType.INVENTOR_OF, patent.id, Direction.IN):
            if other.id != person_id:
                co_inventors[(other.id, other.name)] += 1
    return PersonView(
        id=node.id,
        props=node.props,
        sources=node.sources,
        patents=[LinkedEntity(p.id, p.name) for p in sorted(patents, key=lambda p: p.id)],
        organizations=_counted(organizations),
        co_inventors=_counted(co_inventors),
    )


def node_view(
    store: GraphStore, label: NodeLabel, node_id: str, policy: AccessPolicy = PUBLIC_ACCESS
) -> NodeView | None:
    """Any node with the links the policy lets the caller see; None when it may not see it."""
    if not policy.label_visible(label):
        return None
    node = store.get_node(label, node_id)
    if node is None or not policy.node_visible(label, node.props):
        return None
    links: dict[str, list[LinkedEntity]] = {}
    for edge in EdgeType:
        source, target = edge.endpoints
        if not policy.edge_visible(edge):
            continue
        for direction, applies in (
            (Direction.OUT, source is label),
            (Direction.IN, target is label),
        ):
            if applies:
                found = store.neighbours(edge, node_id, direction, PAGE_LIMIT)
                if found:
                    links[f"{edge.value}:{direction.value}"] = _linked(found)
    return NodeView(node.id, label.value, node.props, node.sources, links)


def _tree(root: str, links: list[SubsidiaryLink]) -> list[GroupTreeNode]:
    children: dict[str, list[SubsidiaryLink]] = {}
    for link in links:
        children.setdefault(link.parent, []).append(link)

    def build(parent: str, seen: frozenset[str]) -> list[GroupTreeNode]:
        return [
            GroupTreeNode(
                link.child, link.child_name, link.stake, build(link.child, seen | {link.child})
            )
            for link in sorted(children.get(parent, []), key=lambda item: item.child)
            if link.child not in seen
        ]

    return build(root, frozenset({root}))


def _linked(neighbours: list[Neighbour], *, ordered: bool = True) -> list[LinkedEntity]:
    return [
        LinkedEntity(n.id, n.name, _int(n.edge.get("order")) if ordered else None)
        for n in neighbours
    ]


def _counted(counter: Counter[tuple[str, str]]) -> list[CountedEntity]:
    return [
        CountedEntity(i, n, c)
        for (i, n), c in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None
