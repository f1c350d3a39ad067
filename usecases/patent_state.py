"""One patent's watched facts, read through one function: the value model's inputs and what
monitoring compares before and after an ingest.

`read_state` is the only place that knows which nodes and edges make up a patent's legal,
ownership and encumbrance state, so a new edge type (the ledger's OWNS, a dated PLEDGED_TO with
a release) changes this function and nothing else. A state is plain data: it is stored as JSON
(stores/workflow.py) and compared field by field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.model import Direction, EdgeType, Neighbour, NodeLabel, Properties
from graph.store import GraphReader
from graph.value_model import PatentKind, expiry_date
from ingest.claims import count_claims

NEIGHBOUR_LIMIT = 1000
# A pledge or licence edge is over once the register records its release or its end date has
# passed; the ledger writes one of these properties.
_RELEASE_KEYS = ("released", "released_on", "release_date")
_INVALIDATION_OUTCOMES = {"upheld", "partly_invalidated", "invalidated"}


@dataclass(frozen=True)
class PatentState:
    """What is watched of one patent. Tuples are sorted so that equal facts compare equal."""

    id: str
    title: str = ""
    kind: str | None = None
    legal_status: str | None = None
    filing_date: str | None = None
    expiry: str | None = None
    applicants: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    licensees: tuple[str, ...] = ()
    pledgees: tuple[str, ...] = ()
    transferees: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()  # "case id (type, status)"
    sep_standards: tuple[str, ...] = ()
    standards_mentioned: tuple[str, ...] = ()
    forward_citations: int = 0
    family_countries: int = 1
    ipc: tuple[str, ...] = ()
    claims: int = 0
    independent_claims: int = 0
    invalidation: str = "none"
    used_in_product: bool = False
    # Where each fact was read (contract ids, case ids, document provenance); not compared.
    evidence: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PatentState:
        names = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) and k != "evidence" else v
            for k, v in data.items()
            if k in names
        }
        return cls(**values)

    @property
    def organizations(self) -> tuple[str, ...]:
        """Everyone who files or holds it: an organisation watch matches these."""
        return tuple(sorted({*self.applicants, *self.owners}))


def read_state(graph: GraphReader, patent_id: str, as_of: date) -> PatentState | None:
    """The patent's state now, or None when the graph has no such patent."""
    node = graph.get_node(NodeLabel.PATENT, patent_id)
    if node is None:
        return None
    props = node.props

    def edges(edge_type: EdgeType, direction: Direction) -> list[Neighbour]:
        return graph.neighbours(edge_type, patent_id, direction, NEIGHBOUR_LIMIT)

    applicants = edges(EdgeType.APPLICANT_OF, Direction.IN)
    licences = [n for n in edges(EdgeType.LICENSED_TO, Direction.OUT) if _active(n.edge, as_of)]
    pledges = [n for n in edges(EdgeType.PLEDGED_TO, Direction.OUT) if _active(n.edge, as_of)]
    transfers = edges(EdgeType.TRANSFERRED_TO, Direction.OUT)
    cases = [
        (n, graph.get_node(NodeLabel.CASE, n.id)) for n in edges(EdgeType.CONCERNS, Direction.IN)
    ]
    case_props = {n.id: (c.props if c is not None else {}) for n, c in cases}
    declared = edges(EdgeType.DECLARED_ESSENTIAL, Direction.OUT)
    claims = count_claims(str(props.get("claims") or ""))
    status = _text(props.get("legal_status"))
    return PatentState(
        id=patent_id,
        title=str(props.get("title") or ""),
        kind=_text(props.get("kind")),
        legal_status=status,
        filing_date=_text(props.get("filing_date")),
        expiry=_expiry(props),
        applicants=_ids(applicants),
        owners=_owners(graph, patent_id, props, applicants),
        licensees=_ids(licences),
        pledgees=_ids(pledges),
        transferees=_ids(transfers),
        cases=tuple(sorted(_case_text(cid, p) for cid, p in case_props.items())),
        sep_standards=_ids(declared),
        standards_mentioned=_ids(edges(EdgeType.MENTIONS_STANDARD, Direction.OUT)),
        forward_citations=len(edges(EdgeType.CITES, Direction.IN)),
        family_countries=_family_countries(graph, patent_id),
        ipc=tuple(sorted(str(c) for c in _list(props.get("ipc")))),
        claims=claims.total,
        independent_claims=claims.independent,
        invalidation=_invalidation(case_props.values(), status),
        used_in_product=props.get("used_in_product") is True,
        evidence={
            "document": [str(s) for s in node.sources[-3:]],
            "licence": _contracts(licences),
            "pledge": _contracts(pledges),
            "transfer": _contracts(transfers),
            "case": sorted(case_props),
            "sep": sorted({str(n.edge.get("declaration") or n.id) for n in declared}),
        },
    )


def _owners(
    graph: GraphReader, patent_id: str, props: Properties, applicants: list[Neighbour]
) -> tuple[str, ...]:
    """The holders: OWNS edges where the ledger wrote them, else the recorded current
    owners (专利权人), else the applicants."""
    owns = EdgeType.__members__.get("OWNS")
    if owns is not None:
        held = [
            n for n in graph.neighbours(owns, patent_id, Direction.IN, NEIGHBOUR_LIMIT)
            if not n.edge.get("to") and not n.edge.get("until") and not n.edge.get("end")
        ]
        if held:
            return _ids(held)
    current = [str(o) for o in _list(props.get("current_owners"))]
    return tuple(sorted(set(current))) if current else _ids(applicants)


def _family_countries(graph: GraphReader, patent_id: str) -> int:
    countries = {patent_id[:2]}
    for family in graph.neighbours(EdgeType.MEMBER_OF, patent_id, Direction.OUT, 20):
        for member in graph.neighbours(EdgeType.MEMBER_OF, family.id, Direction.IN, 200):
            countries.add(member.id[:2])
    return len(countries)


def _invalidation(cases: Any, status: str | None) -> str:
    history = "none"
    for props in cases:
        if props.get("type") != "invalidation":
            continue
        outcome = props.get("outcome")
        if isinstance(outcome, str) and outcome in _INVALIDATION_OUTCOMES:
            return outcome
        if props.get("status") == "closed" and status == "valid":
            history = "upheld"  # challenged, decided, and the patent still stands
    return history


def _active(edge: Properties, as_of: date) -> bool:
    if any(edge.get(key) for key in _RELEASE_KEYS) or edge.get("status") == "released":
        return False
    end = edge.get("end")
    return not (isinstance(end, str) and end[:10] < as_of.isoformat())


def _expiry(props: Properties) -> str | None:
    kind, filed = props.get("kind"), props.get("filing_date")
    if kind not in {k.value for k in PatentKind} or not isinstance(filed, str):
        return None
    try:
        return expiry_date(PatentKind(str(kind)), date.fromisoformat(filed[:10])).isoformat()
    except ValueError:
        return None


def _case_text(case_id: str, props: Properties) -> str:
    return f"{case_id} ({props.get('type', 'unknown')}, {props.get('status', 'unknown')})"


def _contracts(neighbours: list[Neighbour]) -> list[str]:
    return sorted({str(n.edge["contract"]) for n in neighbours if n.edge.get("contract")})


def _ids(neighbours: list[Neighbour]) -> tuple[str, ...]:
    return tuple(sorted({n.id for n in neighbours}))


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
