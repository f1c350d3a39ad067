"""The report and its parts; every section module fills one part and adds its flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.model import EdgeType, Link, NodeKey, NodeLabel
from graph.store import GraphStore

WEIGHTS = {"high": 15, "medium": 5, "low": 2}
EXPAND_LIMIT = 100_000


@dataclass(frozen=True)
class Evidence:
    type: str  # an edge type, or a node label
    source: str
    target: str | None
    properties: dict[str, object]
    documents: list[str]

    @classmethod
    def of(cls, link: Link) -> Evidence:
        return cls(link.type.value, link.src.id, link.dst.id, dict(link.props), link.sources)


@dataclass(frozen=True)
class RiskFlag:
    code: str
    severity: str  # high, medium, low
    reason: str
    evidence: list[Evidence]


@dataclass
class Inventor:
    id: str
    name: str
    patents: int
    citations: int
    left_on: str | None = None  # confidential: from the people register
    non_compete_until: str | None = None
    secrets: list[str] = field(default_factory=list)


@dataclass
class Report:
    organization: str
    members: list[str]
    as_of: str
    years: int
    confidential: bool
    assets: dict[str, object] = field(default_factory=dict)
    ownership: dict[str, object] = field(default_factory=dict)
    encumbrances: dict[str, list[Evidence]] = field(default_factory=dict)
    disputes: list[dict[str, object]] = field(default_factory=list)
    seps: dict[str, list[str]] = field(default_factory=dict)
    inventors: list[Inventor] = field(default_factory=list)
    trade_secrets: list[dict[str, object]] | None = None
    flags: list[RiskFlag] = field(default_factory=list)
    score: int = 100


def expand(
    store: GraphStore, label: NodeLabel, ids: Sequence[str], types: frozenset[EdgeType]
) -> list[Link]:
    keys = [NodeKey(label, i) for i in ids]
    return store.expand(keys, types, EXPAND_LIMIT) if keys else []
