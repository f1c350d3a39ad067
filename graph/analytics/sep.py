"""Standard-essential patents: what is declared to a standard (one entry per family), a
portfolio's declarations by standard, candidate SEPs (patents naming a standard in their text
that nobody declared to it), and standards a competitor declares to and we do not."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.model import EdgeType, Link, NodeKey, NodeLabel
from graph.store import GraphStore

EXPAND_LIMIT = 100_000


@dataclass
class DeclaredFamily:
    """Declared patents that share a family, shown once (`members` lists them all)."""

    family: str  # a family id, or the patent's own id when it has no family
    members: list[str]
    declarants: list[str]
    declarations: list[str]
    legal_status: dict[str, str] = field(default_factory=dict)  # patent -> status or "unknown"
    unmatched: list[str] = field(default_factory=list)  # stubs: declared numbers not in the graph


def declared_to(store: GraphStore, standard: str) -> list[DeclaredFamily]:
    return _families(store, store.declarations(standards=[standard]))


def _families(store: GraphStore, declarations: list[Link]) -> list[DeclaredFamily]:
    patents = sorted({link.src.id for link in declarations})
    family_of = _family_groups(store, patents)
    grouped: dict[str, list[Link]] = defaultdict(list)
    for link in declarations:
        grouped[family_of[link.src.id]].append(link)
    result = []
    for family_id, links in sorted(grouped.items()):
        members = sorted({link.src.id for link in links})
        nodes = {m: store.get_node(NodeLabel.PATENT, m) for m in members}
        result.append(
            DeclaredFamily(
                family=family_id,
                members=members,
                declarants=sorted({str(link.props.get("declarant", "")) for link in links}),
                declarations=sorted({str(link.props.get("declaration_id", "")) for link in links}),
                legal_status={
                    m: str(n.props.get("legal_status", "unknown")) if n else "unknown"
                    for m, n in nodes.items()
                },
                unmatched=[m for m, n in nodes.items() if n is not None and n.props.get("stub")],
            )
        )
    return result


def _family_groups(store: GraphStore, patents: Sequence[str]) -> dict[str, str]:
    """Patents joined when they share any family (simple or priority): union-find over
    MEMBER_OF; each group is named by its smallest family id."""
    parent = {p: p for p in patents}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    keys = [NodeKey(NodeLabel.PATENT, p) for p in patents]
    families: dict[str, list[str]] = defaultdict(list)
    for link in store.expand(keys, {EdgeType.MEMBER_OF}, EXPAND_LIMIT) if keys else []:
        if link.src.id in parent:
            families[link.dst.id].append(link.src.id)
    for members in families.values():
        for member in members[1:]:
            parent[root(member)] = root(members[0])
    names: dict[str, str] = {}
    for family_id, members in sorted(families.items()):
        names.setdefault(root(members[0]), family_id)
    return {p: names.get(root(p), p) for p in patents}


def portfolio_by_standard(
    store: GraphStore, declarants: Sequence[str]
) -> dict[str, list[DeclaredFamily]]:
    by_standard: dict[str, list[Link]] = defaultdict(list)
    for link in store.declarations(declarants=declarants):
        by_standard[link.dst.id].append(link)
    return {s: _families(store, links) for s, links in sorted(by_standard.items())}


@dataclass(frozen=True)
class Candidate:
    patent: str
    standard: str
    field: str | None  # where the text names the standard: abstract, claims, description
    start: int | None


def candidate_seps(store: GraphStore, org_ids: Sequence[str]) -> list[Candidate]:
    """Our patents whose text names a standard that no declaration ties them to."""
    patents = sorted({fact.id for fact in store.portfolio(org_ids)})
    if not patents:
        return []
    keys = [NodeKey(NodeLabel.PATENT, p) for p in patents]
    links = store.expand(
        keys, {EdgeType.MENTIONS_STANDARD, EdgeType.DECLARED_ESSENTIAL}, EXPAND_LIMIT
    )
    declared = {(lk.src.id, lk.dst.id) for lk in links if lk.type is EdgeType.DECLARED_ESSENTIAL}
    return sorted(
        (
            Candidate(
                lk.src.id,
                lk.dst.id,
                str(lk.props["field"]) if "field" in lk.props else None,
                _int(lk.props.get("start")),
            )
            for lk in links
            if lk.type is EdgeType.MENTIONS_STANDARD and (lk.src.id, lk.dst.id) not in declared
        ),
        key=lambda c: (c.standard, c.patent),
    )


@dataclass(frozen=True)
class StandardGap:
    standard: str
    their_declarations: int
    their_families: int


def declaration_gaps(
    store: GraphStore, ours: Sequence[str], theirs: Sequence[str]
) -> list[StandardGap]:
    """Standards they declare patents to and we declare none to, most-declared first."""
    our_standards = {link.dst.id for link in store.declarations(declarants=ours)}
    theirs_by_standard = portfolio_by_standard(store, theirs)
    gaps = [
        StandardGap(standard, sum(len(f.members) for f in families), len(families))
        for standard, families in theirs_by_standard.items()
        if standard not in our_standards
    ]
    return sorted(gaps, key=lambda g: (-g.their_declarations, g.standard))


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
