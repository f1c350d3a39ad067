"""Rows written to and views read from a graph store, shared by both implementations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# Neo4j stores only scalars and homogeneous lists of scalars as properties.
PropertyValue = str | int | float | bool | list[str] | list[int]
Properties = dict[str, PropertyValue]


class NodeLabel(StrEnum):
    PATENT = "Patent"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    IPC = "IPC"
    DOCUMENT = "Document"
    STANDARD = "Standard"
    FAMILY = "Family"
    CONTRACT = "Contract"
    TRADEMARK = "Trademark"
    TRADE_SECRET = "TradeSecret"
    CASE = "Case"


class EdgeType(StrEnum):
    APPLICANT_OF = "APPLICANT_OF"
    # The ledger: who owned the patent when (ingest/ledger.py); APPLICANT_OF stays who filed.
    OWNS = "OWNS"  # {from, to, periods, names, evidence, date_estimated, intra_group, share}
    INVENTOR_OF = "INVENTOR_OF"
    CLASSIFIED_AS = "CLASSIFIED_AS"
    EXTRACTED_FROM = "EXTRACTED_FROM"
    SUBSIDIARY_OF = "SUBSIDIARY_OF"
    MENTIONS_STANDARD = "MENTIONS_STANDARD"
    MENTIONS_ORGANIZATION = "MENTIONS_ORGANIZATION"
    CITES = "CITES"
    PARENT = "PARENT"
    MEMBER_OF = "MEMBER_OF"
    DECLARED_ESSENTIAL = "DECLARED_ESSENTIAL"  # {declarant, declaration, date, version, matched_by}
    # Contracts. One edge type per endpoint pair, so that an edge's labels follow from its type.
    PARTY_TO = "PARTY_TO"  # {role}
    PERSON_PARTY_TO = "PERSON_PARTY_TO"  # {role}: an employee's non-compete, a discloser ...
    COVERS = "COVERS"
    COVERS_TRADEMARK = "COVERS_TRADEMARK"
    COVERS_TRADE_SECRET = "COVERS_TRADE_SECRET"
    AMENDS = "AMENDS"
    # Derived from contracts, so that encumbrances read directly off an asset or a person.
    LICENSED_TO = "LICENSED_TO"  # {exclusivity, start, end, territory, contract}
    PLEDGED_TO = "PLEDGED_TO"  # {start, end, amount, contract}
    TRANSFERRED_TO = "TRANSFERRED_TO"  # {date, transferor, contract}
    NON_COMPETE = "NON_COMPETE"  # {start, until, scope, contract}
    # Confidential contracts (NDA, trade-secret licence, non-compete) name their parties here.
    PARTY_TO_CONFIDENTIAL = "PARTY_TO_CONFIDENTIAL"  # {role}
    # Registers: trade secrets and people with access (confidential), disputes.
    HOLDS_SECRET = "HOLDS_SECRET"
    HAS_ACCESS = "HAS_ACCESS"
    EMPLOYED_BY = "EMPLOYED_BY"  # {start, end, title}
    CONCERNS = "CONCERNS"
    PLAINTIFF = "PLAINTIFF"
    DEFENDANT = "DEFENDANT"

    @property
    def endpoints(self) -> tuple[NodeLabel, NodeLabel]:
        return _EDGE_ENDPOINTS[self]


_EDGE_ENDPOINTS: dict[EdgeType, tuple[NodeLabel, NodeLabel]] = {
    EdgeType.APPLICANT_OF: (NodeLabel.ORGANIZATION, NodeLabel.PATENT),
    EdgeType.OWNS: (NodeLabel.ORGANIZATION, NodeLabel.PATENT),
    EdgeType.INVENTOR_OF: (NodeLabel.PERSON, NodeLabel.PATENT),
    EdgeType.CLASSIFIED_AS: (NodeLabel.PATENT, NodeLabel.IPC),
    EdgeType.EXTRACTED_FROM: (NodeLabel.PATENT, NodeLabel.DOCUMENT),
    EdgeType.SUBSIDIARY_OF: (NodeLabel.ORGANIZATION, NodeLabel.ORGANIZATION),
    EdgeType.MENTIONS_STANDARD: (NodeLabel.PATENT, NodeLabel.STANDARD),
    EdgeType.MENTIONS_ORGANIZATION: (NodeLabel.PATENT, NodeLabel.ORGANIZATION),
    EdgeType.CITES: (NodeLabel.PATENT, NodeLabel.PATENT),
    EdgeType.PARENT: (NodeLabel.IPC, NodeLabel.IPC),
    EdgeType.MEMBER_OF: (NodeLabel.PATENT, NodeLabel.FAMILY),
    EdgeType.DECLARED_ESSENTIAL: (NodeLabel.PATENT, NodeLabel.STANDARD),
    EdgeType.PARTY_TO: (NodeLabel.ORGANIZATION, NodeLabel.CONTRACT),
    EdgeType.PERSON_PARTY_TO: (NodeLabel.PERSON, NodeLabel.CONTRACT),
    EdgeType.COVERS: (NodeLabel.CONTRACT, NodeLabel.PATENT),
    EdgeType.COVERS_TRADEMARK: (NodeLabel.CONTRACT, NodeLabel.TRADEMARK),
    EdgeType.COVERS_TRADE_SECRET: (NodeLabel.CONTRACT, NodeLabel.TRADE_SECRET),
    EdgeType.AMENDS: (NodeLabel.CONTRACT, NodeLabel.CONTRACT),
    EdgeType.LICENSED_TO: (NodeLabel.PATENT, NodeLabel.ORGANIZATION),
    EdgeType.PLEDGED_TO: (NodeLabel.PATENT, NodeLabel.ORGANIZATION),
    EdgeType.TRANSFERRED_TO: (NodeLabel.PATENT, NodeLabel.ORGANIZATION),
    EdgeType.NON_COMPETE: (NodeLabel.PERSON, NodeLabel.ORGANIZATION),
    EdgeType.PARTY_TO_CONFIDENTIAL: (NodeLabel.ORGANIZATION, NodeLabel.CONTRACT),
    EdgeType.HOLDS_SECRET: (NodeLabel.ORGANIZATION, NodeLabel.TRADE_SECRET),
    EdgeType.HAS_ACCESS: (NodeLabel.PERSON, NodeLabel.TRADE_SECRET),
    EdgeType.EMPLOYED_BY: (NodeLabel.PERSON, NodeLabel.ORGANIZATION),
    EdgeType.CONCERNS: (NodeLabel.CASE, NodeLabel.PATENT),
    EdgeType.PLAINTIFF: (NodeLabel.ORGANIZATION, NodeLabel.CASE),
    EdgeType.DEFENDANT: (NodeLabel.ORGANIZATION, NodeLabel.CASE),
}


@dataclass(frozen=True)
class NodeRow:
    """One node upsert: `id` is the stable key, `source` is appended to the node's provenance."""

    id: str
    props: Properties
    source: str


@dataclass(frozen=True)
class EdgeRow:
    """One edge upsert between two existing nodes; edges to missing nodes are not created."""

    src: str
    dst: str
    props: Properties
    source: str


@dataclass(frozen=True)
class NodeMerge:
    """`src` becomes part of `into` (same label): its edges move to `into`, then it is gone."""

    src: str
    into: str


@dataclass(frozen=True)
class EdgeMove:
    """The edge `src` -> `dst` becomes `into` -> `dst` (same type; `into` of `src`'s label)."""

    src: str
    dst: str
    into: str


class Direction(StrEnum):
    OUT = "out"  # (node)-[edge]->(neighbour)
    IN = "in"  # (neighbour)-[edge]->(node)


@dataclass(frozen=True)
class NodeRecord:
    id: str
    label: NodeLabel
    props: Properties
    sources: list[str]


@dataclass(frozen=True)
class Neighbour:
    """The node at the other end of an edge: its id, a display name, and the edge's properties."""

    id: str
    name: str
    edge: Properties


@dataclass(frozen=True)
class SubsidiaryLink:
    """One SUBSIDIARY_OF edge inside a group: `child` is held by `parent`."""

    child: str
    child_name: str
    parent: str
    stake: float | None


@dataclass(frozen=True)
class LinkedEntity:
    id: str
    name: str
    order: int | None = None


@dataclass(frozen=True)
class GraphCounts:
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class NodeKey:
    """A node anywhere in the graph: ids are unique per label, not across labels."""

    label: NodeLabel
    id: str


@dataclass(frozen=True)
class Link:
    """One edge met while walking the graph, with what explains it: the edge's properties
    (role, field, offsets ...) and the documents it was read from (`sources`)."""

    type: EdgeType
    src: NodeKey
    dst: NodeKey
    src_name: str
    dst_name: str
    props: Properties
    sources: list[str]

    def other(self, key: NodeKey) -> NodeKey:
        return self.dst if key == self.src else self.src

    def name_of(self, key: NodeKey) -> str:
        return self.dst_name if key == self.dst else self.src_name


@dataclass(frozen=True)
class PatentFacts:
    """What portfolio figures need of one patent filed by one organisation."""

    id: str
    owner: str  # the organisation (APPLICANT_OF) this row is for
    kind: str | None
    legal_status: str | None
    country: str | None
    filing_date: str | None
    ipc: tuple[str, ...]
    grade: str | None = None


@dataclass(frozen=True)
class IpcShare:
    """How many patents of `org` are classified in `code`."""

    org: str
    name: str
    code: str
    patents: int


@dataclass(frozen=True)
class FoundPath:
    """One path as a store found it: its nodes in order and the edge between each pair."""

    nodes: tuple[NodeKey, ...]
    links: tuple[Link, ...]


@dataclass
class ShortestPaths:
    """What `PathQueries.shortest_paths` answers. `timed_out`: the time bound stopped the
    search before it knew the answer (then `paths` is empty, never a guess); `capped`: more
    shortest paths exist than were listed (each listed one is still a shortest path)."""

    paths: list[FoundPath] = field(default_factory=list)
    timed_out: bool = False
    capped: bool = False
    out_of_memory: bool = False  # the server's per-query memory bound stopped it (Neo4j)
    total: int = 0  # shortest paths found (at most the cap); `paths` may list only the first


# "Whose patent is this": the one edge type every maintained aggregate (organisation IPC
# profiles) derives ownership from. Today the applicant; when dated ownership edges arrive,
# switching this (and the aggregate statements generated from it) is the one change.
OWNERSHIP_EDGE = EdgeType.APPLICANT_OF


@dataclass(frozen=True)
class AggregateCounts:
    """What a rebuild of the maintained aggregates wrote."""

    org_ipc_rows: int
    citation_flow_rows: int = 0
    portfolio_rows: int | None = None  # None: the store groups portfolio counts per request


@dataclass(frozen=True)
class InventorStat:
    """An inventor of some patents, as a due-diligence target sees them: `person` is the id up
    to '~' (the resolver's same-name variants at one employer are one person there), `name`
    the name of its greatest variant id; their distinct patents among those asked, and the
    CITES edges into those patents."""

    person: str
    name: str
    patents: int
    citations: int


@dataclass(frozen=True)
class CitationFlow:
    """CITES edges from patents `src` owns to patents `dst` owns (OWNERSHIP_EDGE), src != dst;
    a citation between co-owned patents counts once for each pair of owners."""

    src: str
    src_name: str
    dst: str
    dst_name: str
    citations: int


@dataclass(frozen=True)
class FactCount:
    """Patents of `owner` (None: of all the owners asked for together, each patent once) with
    one combination of the facts KPIs count by; `year` is the filing year or ''."""

    owner: str | None
    kind: str | None
    legal_status: str | None
    country: str | None
    grade: str | None
    year: str
    patents: int


@dataclass(frozen=True)
class CandidateScore:
    """An organisation sharing IPC codes with a profile: its patents in those codes
    (`shared`), the dot product of the two profiles and the square of its own norm."""

    org: str
    name: str
    shared: int
    dot: int
    norm_sq: int
