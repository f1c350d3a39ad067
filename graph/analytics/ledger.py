"""The ledger read on a day: what an organisation (or a group) owned, with its co-owners and
the pledges and licences in force, composed from the GraphReader primitives so that every
store answers alike. The time model is domain/as_of.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from domain.access import AccessPolicy
from domain.as_of import (
    covers,
    encumbrance_window,
    filed_by,
    in_force,
    legal_status_on,
    owned_on,
    owned_since,
    stake_on,
)
from graph.model import Direction, EdgeType, NodeLabel, PatentFacts
from graph.store import GraphReader

MAX_EDGES = 100_000
MAX_GROUP_DEPTH = 10


@dataclass(frozen=True)
class Pledge:
    pledgee: str
    since: str | None
    until: str | None
    registration_number: str | None
    intra_group: bool
    evidence: list[str]


@dataclass(frozen=True)
class Licence:
    licensee: str
    exclusivity: str | None
    since: str | None
    until: str | None
    registration_number: str | None
    intra_group: bool
    evidence: list[str]


@dataclass(frozen=True)
class Holding:
    id: str
    title: str
    kind: str | None
    legal_status: str | None
    owned_since: str | None
    owners: list[str]  # the members of the asked organisation or group that own it
    co_owners: list[str]  # owners outside it
    pledged_to: list[Pledge] = field(default_factory=list)
    licensed_to: list[Licence] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    intra_group: bool = False  # received from a member of its own group


def members_as_of(store: GraphReader, org_id: str, day: dt.date | None) -> list[str]:
    """The organisation and every subsidiary below it whose SUBSIDIARY_OF stake covers `day`
    (undated stakes always do), walked level by level."""
    members, frontier = [org_id], [org_id]
    seen = {org_id}
    for _ in range(MAX_GROUP_DEPTH):
        below = []
        for parent in frontier:
            for child in store.neighbours(EdgeType.SUBSIDIARY_OF, parent, Direction.IN, MAX_EDGES):
                if child.id not in seen and stake_on(child.edge, day):
                    seen.add(child.id)
                    below.append(child.id)
        members.extend(sorted(below))
        frontier = below
        if not frontier:
            break
    return members


def owned_on_day(
    store: GraphReader, members: Sequence[str], day: dt.date | None
) -> dict[str, list[str]]:
    """patent id -> the members owning it on `day` (each patent once, whatever the members):
    OWNS periods covering the day, and assignments by contract (TRANSFERRED_TO a member,
    dated by then) that no gazette event recorded yet."""
    owned: dict[str, list[str]] = {}
    for member in members:
        for patent in store.neighbours(EdgeType.OWNS, member, Direction.OUT, MAX_EDGES):
            if owned_on(patent.edge, day):
                owned.setdefault(patent.id, []).append(member)
        for patent in store.neighbours(EdgeType.TRANSFERRED_TO, member, Direction.IN, MAX_EDGES):
            if covers(patent.edge.get("date"), None, day) and member not in owned.get(
                patent.id, []
            ):
                owned.setdefault(patent.id, []).append(member)
    return owned


def portfolio_on(
    store: GraphReader,
    members: Sequence[str],
    day: dt.date | None,
    policy: AccessPolicy,
) -> list[Holding]:
    holdings = []
    member_set = set(members)
    for patent_id, owners in sorted(owned_on_day(store, members, day).items()):
        node = store.get_node(NodeLabel.PATENT, patent_id)
        if node is None or not filed_by(node.props, day):
            continue
        holdings.append(_holding(store, node.id, node.props, owners, member_set, day, policy))
    return holdings


def patent_on(
    store: GraphReader, patent_id: str, day: dt.date | None, policy: AccessPolicy
) -> Holding | None:
    """One patent's standing on `day`: every owner then (OWNS periods covering the day, and
    assignments by contract dated by then that no gazette event recorded yet, their assignors
    no longer owning it), the pledges and licences in force and the legal status; None when it
    was not filed by then."""
    node = store.get_node(NodeLabel.PATENT, patent_id)
    if node is None or not filed_by(node.props, day):
        return None
    owners = [
        o.id
        for o in store.neighbours(EdgeType.OWNS, patent_id, Direction.IN, MAX_EDGES)
        if owned_on(o.edge, day)
    ]
    assigned = [
        t
        for t in store.neighbours(EdgeType.TRANSFERRED_TO, patent_id, Direction.OUT, MAX_EDGES)
        if covers(t.edge.get("date"), None, day) and t.id not in owners
    ]
    assignors = {
        party for t in assigned for party, _ in contract_grantors(store, t.edge.get("contract"))
    }
    owners = [o for o in owners if o not in assignors] + [t.id for t in assigned]
    return _holding(store, patent_id, node.props, owners, set(owners), day, policy)


def _holding(
    store: GraphReader,
    patent_id: str,
    props: Mapping[str, object],
    owners: list[str],
    members: Collection[str],
    day: dt.date | None,
    policy: AccessPolicy,
) -> Holding:
    all_owners = store.neighbours(EdgeType.OWNS, patent_id, Direction.IN, MAX_EDGES)
    ours = [o for o in all_owners if o.id in owners]
    evidence = [str(e) for o in ours for e in _list(o.edge.get("evidence"))]
    since = [s for o in ours if (s := owned_since(o.edge, day))]
    assigned = [
        t
        for t in store.neighbours(EdgeType.TRANSFERRED_TO, patent_id, Direction.OUT, MAX_EDGES)
        if t.id in owners and t.id not in {o.id for o in ours}
    ]
    evidence += [
        f"contract {t.edge.get('contract')} {t.edge.get('date', '')}".strip() for t in assigned
    ]
    since += [str(t.edge["date"]) for t in assigned if t.edge.get("date")]
    ours_names = {o.name for o in ours} | {t.name for t in assigned}
    # the assignor of a contract no gazette event recorded yet no longer owns it
    transferors = {
        party for t in assigned for party, _ in contract_grantors(store, t.edge.get("contract"))
    }
    pledges = _pledges(store, patent_id, day, members, policy)
    licences = _licences(store, patent_id, day, members, policy)
    return Holding(
        id=patent_id,
        title=str(props.get("title") or patent_id),
        kind=str(props["kind"]) if props.get("kind") else None,
        legal_status=legal_status_on(props, day),
        owned_since=min(since) if since else None,
        owners=sorted(ours_names),
        co_owners=sorted(
            {
                o.name
                for o in all_owners
                if o.id not in members and owned_on(o.edge, day) and o.id not in transferors
            }
        ),
        pledged_to=pledges,
        licensed_to=licences,
        evidence=list(
            dict.fromkeys(
                [
                    *evidence,
                    *(e for p in pledges for e in p.evidence),
                    *(e for lic in licences for e in lic.evidence),
                ]
            )
        ),
        intra_group=any(o.edge.get("intra_group") for o in ours),
    )


def _pledges(
    store: GraphReader,
    patent_id: str,
    day: dt.date | None,
    members: Collection[str],
    policy: AccessPolicy,
) -> list[Pledge]:
    if not policy.edge_visible(EdgeType.PLEDGED_TO):
        return []
    pledges = []
    for holder in store.neighbours(EdgeType.PLEDGED_TO, patent_id, Direction.OUT, MAX_EDGES):
        if not in_force(holder.edge, day):
            continue
        start, end = encumbrance_window(holder.edge)
        pledges.append(
            Pledge(
                holder.name,
                start,
                end,
                _str(holder.edge.get("registration_number")),
                holder.id in members or bool(holder.edge.get("intra_group")),
                _evidence(holder.edge),
            )
        )
    return pledges


def _licences(
    store: GraphReader,
    patent_id: str,
    day: dt.date | None,
    members: Collection[str],
    policy: AccessPolicy,
) -> list[Licence]:
    if not policy.edge_visible(EdgeType.LICENSED_TO):
        return []
    licences = []
    for holder in store.neighbours(EdgeType.LICENSED_TO, patent_id, Direction.OUT, MAX_EDGES):
        if not in_force(holder.edge, day):
            continue
        start, end = encumbrance_window(holder.edge)
        exclusivity = holder.edge.get("exclusivity") or holder.edge.get("gazette_exclusivity")
        licences.append(
            Licence(
                holder.name,
                _str(exclusivity),
                start,
                end,
                _str(holder.edge.get("registration_number")),
                holder.id in members or bool(holder.edge.get("intra_group")),
                _evidence(holder.edge),
            )
        )
    return licences


GRANTOR_ROLES = frozenset({"transferor", "contributor", "licensor", "pledgor"})


def contract_grantors(store: GraphReader, contract_id: object) -> list[tuple[str, str]]:
    """(id, name) of the parties who give the right in a contract: transferor, contributor,
    licensor, pledgor (the counterparty of an assignment to us)."""
    if not isinstance(contract_id, str) or not contract_id:
        return []
    parties = store.neighbours(EdgeType.PARTY_TO, contract_id, Direction.IN, MAX_EDGES)
    return [(p.id, p.name) for p in parties if p.edge.get("role") in GRANTOR_ROLES]


def _evidence(edge: Mapping[str, object]) -> list[str]:
    lines = [f"gazette {e}" for e in _list(edge.get("gazette_evidence"))]
    if edge.get("contract"):
        lines.append(f"contract {edge['contract']}")
    return lines


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def acquired_facts(
    store: GraphReader, members: Sequence[str], filed: set[str], day: dt.date | None
) -> list[PatentFacts]:
    """Portfolio facts of the patents `members` owned on `day` without having filed them:
    acquired by a gazette-recorded transfer (OWNS) or an assignment contract."""
    facts = []
    for patent_id, owners in sorted(owned_on_day(store, members, day).items()):
        if patent_id in filed:
            continue
        node = store.get_node(NodeLabel.PATENT, patent_id)
        if node is None or not filed_by(node.props, day):
            continue
        props = node.props
        ipc = props.get("ipc")
        facts.append(
            PatentFacts(
                patent_id,
                owners[0],
                _str(props.get("kind")),
                _str(props.get("legal_status")),
                _str(props.get("country")),
                _str(props.get("filing_date")),
                tuple(str(code) for code in ipc) if isinstance(ipc, list) else (),
                _str(props.get("grade")),
            )
        )
    return facts


def ledger_facts(
    store: GraphReader, members: Sequence[str], facts: Sequence[PatentFacts], day: dt.date | None
) -> list[PatentFacts]:
    """Filed-by facts (APPLICANT_OF rows) turned into owned-on-`day` facts: a row stays when
    its organisation owned the patent that day, a patent acquired by a member is added under
    its owner. A graph written before the ledger (no OWNS edge from any member) is read as
    filed."""
    if not any(store.neighbours(EdgeType.OWNS, m, Direction.OUT, 1) for m in members):
        return list(facts)
    owned = owned_on_day(store, members, day)
    kept = [f for f in facts if f.owner in owned.get(f.id, ())]
    filed = {f.id for f in facts}
    moved = [
        PatentFacts(f.id, owner, f.kind, f.legal_status, f.country, f.filing_date, f.ipc, f.grade)
        for f in {f.id: f for f in facts}.values()
        for owner in owned.get(f.id, ())
        if owner not in {k.owner for k in kept if k.id == f.id}
    ]
    return kept + moved + acquired_facts(store, members, filed, day)


def kind_counts_on(
    store: GraphReader, members: Sequence[str], day: dt.date | None
) -> dict[str, int]:
    """Patents owned on `day` by `members` (each once, filed by then), per kind: the entity
    page's portfolio figures on a day."""
    counts: dict[str, int] = {}
    for patent_id in owned_on_day(store, members, day):
        node = store.get_node(NodeLabel.PATENT, patent_id)
        if node is None or not filed_by(node.props, day):
            continue
        kind = str(node.props.get("kind") or "unknown")
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))
