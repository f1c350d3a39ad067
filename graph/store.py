"""The contracts every graph store fulfils; tests/conformance checks each implementation.

Three narrow protocols, each with its conformance mixin in tests/conformance/graph_store_suite.py:
`GraphWriter` (what ingest needs), `GraphReader` (lookups, neighbours, walks, group trees: what
entity pages and paths need) and `PortfolioQueries` (aggregates over an organisation's patents:
what graph/analytics needs). `GraphStore` is all three plus `close`; a function asks for the
narrowest one it uses. Stores offer primitives; `graph/entity_pages.py` composes entity pages
from them, once for all stores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any, Protocol, runtime_checkable

from graph.analyst_cypher import CypherResult
from graph.model import (
    AggregateCounts,
    CandidateScore,
    CitationFlow,
    Direction,
    EdgeMove,
    EdgeRow,
    EdgeType,
    FactCount,
    GraphCounts,
    InventorStat,
    IpcShare,
    Link,
    Neighbour,
    NodeKey,
    NodeLabel,
    NodeMerge,
    NodeRecord,
    NodeRow,
    PatentFacts,
    ShortestPaths,
    SubsidiaryLink,
)

MAX_GROUP_DEPTH = 10


@runtime_checkable
class GraphWriter(Protocol):
    """Schema and idempotent batch writes (ingest)."""

    def ensure_schema(self) -> None:
        """Create constraints and indexes; safe to call any number of times."""

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        """Create or update nodes by id; properties merge, provenance accumulates."""

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        """Create or update one edge per (src, dst) pair; rows naming missing nodes are skipped."""

    def merge_persons(self, rows: Sequence[NodeMerge]) -> None:
        """Each `src` person becomes part of its `into` person: every edge of `src` moves to
        `into` (an edge `into` already has to the same node keeps its properties, gains the
        moved edge's others and both provenances), `src`'s provenance joins `into`'s and `src`
        is deleted. Rows naming a missing person are skipped; idempotent. Person properties
        are the caller's to write (`upsert_nodes`)."""

    def move_person_edges(self, edge_type: EdgeType, rows: Sequence[EdgeMove]) -> None:
        """Each `edge_type` edge (from a person) `src` -> `dst` becomes `into` -> `dst`, merged
        as `merge_persons` merges; rows naming a missing node or edge are skipped."""

    def delete_all(self) -> None:
        """Remove every node and edge (tests and `ipgraph reset`)."""

    def bulk_load(self) -> AbstractContextManager[None]:
        """A bulk load: inside it the maintained aggregates are not counted edge by edge;
        leaving it rebuilds them from the edges, in batches (equal to counting as written)."""


@runtime_checkable
class GraphReader(Protocol):
    """Lookups, neighbours, walks and group trees (entity pages, paths)."""

    def get_node(self, label: NodeLabel, node_id: str) -> NodeRecord | None: ...

    def find_patent(self, number: str) -> NodeRecord | None:
        """A patent by canonical id or by application number."""

    def find_patents(self, numbers: Sequence[str]) -> dict[str, NodeRecord]:
        """`find_patent` of many numbers in one round trip (ingest looks up a chunk of records
        at once): each number that finds a patent, with the one `find_patent` finds."""

    def find_persons(self, names: Sequence[str]) -> list[NodeRecord]:
        """Every Person node whose `name` is one of `names`, sorted by id (inventor resolution
        reads them to decide whether a new mention is someone already known)."""

    def person_names(self, after: str, limit: int) -> list[str]:
        """The distinct names, in order, of the first `limit` Person nodes (in name order) whose
        name is greater than `after`: a walk over every person, a page at a time (a name with
        more than `limit` persons is a page of its own; `find_persons` reads all of them)."""

    def neighbours(
        self, edge_type: EdgeType, node_id: str, direction: Direction, limit: int = 100
    ) -> list[Neighbour]:
        """Nodes one `edge_type` edge away, ordered by the edge's `order`, then by id."""

    def expand(
        self, nodes: Sequence[NodeKey], edge_types: Collection[EdgeType], per_node: int
    ) -> list[Link]:
        """Every edge of `edge_types` touching `nodes`, both directions, at most `per_node`
        per node and direction (ordered by edge type, then the other node's id), sorted by
        (type, src, dst). The walk primitive of path and neighbourhood queries."""

    def ancestors(self, org_id: str) -> list[Neighbour]:
        """The organisations above `org_id` through SUBSIDIARY_OF, nearest first."""

    def descendants(self, org_id: str, max_depth: int = MAX_GROUP_DEPTH) -> list[SubsidiaryLink]:
        """Every SUBSIDIARY_OF edge below `org_id` up to `max_depth`, sorted by (parent, child)."""

    def counts(self) -> GraphCounts:
        """Nodes per label and edges per type (used by re-ingest checks and /readyz)."""

    def ping(self) -> None:
        """Raise `GraphUnavailableError` when the backend cannot answer."""


@runtime_checkable
class PortfolioQueries(Protocol):
    """Aggregates over organisations' patents (graph/analytics)."""

    def patent_counts(self, org_ids: Sequence[str]) -> dict[str, int]:
        """Distinct patents filed by any of `org_ids`, per patent kind ('unknown' if none)."""

    def portfolio(self, org_ids: Sequence[str]) -> list[PatentFacts]:
        """One row per (patent, applicant among `org_ids`), sorted by (owner, patent id)."""

    def ipc_shares(
        self, codes: Sequence[str], *, org_ids: Sequence[str] | None = None
    ) -> list[IpcShare]:
        """Patents per (organisation, IPC code) for `codes` (CLASSIFIED_AS targets), over
        every applicant or only `org_ids`; sorted by (org, code)."""

    def ipc_profiles(self, org_ids: Sequence[str]) -> list[IpcShare]:
        """Patents per (organisation, IPC code) over every code each of `org_ids` files in;
        sorted by (org, code)."""

    def declarations(
        self,
        *,
        declarants: Sequence[str] | None = None,
        standards: Sequence[str] | None = None,
    ) -> list[Link]:
        """DECLARED_ESSENTIAL edges, only those by `declarants` (the edge's `declarant`) and
        to `standards` when given; sorted by (standard, patent)."""


PATH_CAP = 1000  # shortest paths listed at most (then sorted, so both stores list the same)
PATH_MAX_HOPS = 6


@runtime_checkable
class PathQueries(Protocol):
    """Path search inside the store (no fan-out cut): complete within its hop bound, or
    stopped by time and saying so."""

    def shortest_paths(
        self,
        start: NodeKey,
        goal: NodeKey,
        edge_types: Collection[EdgeType],
        *,
        max_hops: int,
        timeout_s: float,
        cap: int = PATH_CAP,
        as_of: date | None = None,
        first: int | None = None,
    ) -> ShortestPaths:
        """Every shortest path (at most `cap`, any direction, over `edge_types`, at most
        `max_hops` <= PATH_MAX_HOPS edges) from `start` to `goal`, sorted by node keys. With
        `as_of`, an edge with a `from` later than it or a `to` not after it is not followed.
        With `first`, only the first `first` of them are listed with their evidence (the store
        reads evidence for those only); `total` counts them all."""


def counts_from_owner_rows(
    rows: Iterable[tuple[str, str, Any, Any, Any, Any, str, int]],
) -> list[FactCount]:
    """`portfolio_counts` from maintained rows (org, owners, kind, legal_status, country,
    grade, year, patents), facts absent as '': each org's rows summed, and the whole counted
    once per patent (a co-owned patent's rows, keyed by its `owners`, are equal on every
    co-owner asked for, so each key is counted once)."""
    by_owner: Counter[tuple[Any, ...]] = Counter()
    shared: dict[tuple[Any, ...], int] = {}
    for org, owners, *values, year, patents in rows:
        facts = (*(None if v == "" else v for v in values), year)
        by_owner[(org, *facts)] += patents
        if owners:
            shared[(owners, *facts)] = patents
        else:
            by_owner[(None, *facts)] += patents
    for key, patents in shared.items():
        by_owner[(None, *key[1:])] += patents
    return sorted(
        (FactCount(k[0], k[1], k[2], k[3], k[4], k[5], n) for k, n in by_owner.items()),
        key=fact_order,
    )


def fact_order(row: FactCount) -> tuple[tuple[bool, str], ...]:
    """The one order of portfolio_counts rows on every store (None first)."""
    return tuple(
        (value is not None, str(value or ""))
        for value in (row.owner, row.kind, row.legal_status, row.country, row.grade, row.year)
    )


@runtime_checkable
class AggregateQueries(Protocol):
    """Aggregates the store maintains as it is written (organisation IPC profiles: patents per
    (owner, IPC code) through `OWNERSHIP_EDGE` and CLASSIFIED_AS; citation flows: CITES
    between the patents of two owners), so that competitor queries
    read a few rows instead of every patent. Equal to what `ipc_profiles` / `ipc_shares`
    compute from the edges; `rebuild_aggregates` recomputes them from the edges."""

    def rebuild_aggregates(self) -> AggregateCounts: ...

    def org_ipc_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[IpcShare]:
        """The maintained profile rows of `org_ids`, sorted by (org, code). With `as_of`,
        counted from the edges instead, an ownership edge counting only on its days."""

    def ipc_code_counts(self, codes: Sequence[str], *, as_of: date | None = None) -> list[IpcShare]:
        """The maintained rows of every organisation for `codes`, sorted by (org, code); with
        `as_of` counted from the edges as `org_ipc_counts` does."""

    def competitor_candidates(
        self,
        profile: dict[str, int],
        exclude: Sequence[str],
        limit: int,
        *,
        seek: Sequence[str] | None = None,
    ) -> list[CandidateScore]:
        """The `limit` organisations (not in `exclude`) with most patents in the `seek` codes
        (every code of `profile`, code -> patents, when None), each scored against the whole
        `profile` from the maintained profiles; sorted by (shared desc, org)."""

    def citation_flows(self, org_ids: Sequence[str]) -> list[CitationFlow]:
        """The maintained citation flows out of and into any of `org_ids` (maintained at
        ingest like the profiles), sorted by (src, dst)."""

    def portfolio_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[FactCount]:
        """Patents per owner among `org_ids` and for all of them together (owner None, each
        patent once), per (kind, legal_status, country, grade, filing year); grouped in the
        store. Sorted by every column (None first). With `as_of`, an ownership edge counts
        only on its days (`from` <= day < `to`, when present)."""


@runtime_checkable
class TargetQueries(Protocol):
    """What due diligence reads about a target's patents, aggregated or filtered in the store
    so that a 10k-patent target does not pull every link of every patent."""

    def inventor_stats(self, patent_ids: Sequence[str], limit: int) -> list[InventorStat]:
        """The `limit` inventors with most of `patent_ids` (then by person), see InventorStat;
        sorted by (patents desc, person)."""

    def outside_links(
        self, edge_type: EdgeType, patent_ids: Sequence[str], org_ids: Sequence[str]
    ) -> list[Link]:
        """`edge_type` edges (Organization -> Patent) into `patent_ids` from organisations not
        in `org_ids` (co-applicants, co-owners), with evidence; sorted by (src, dst)."""


@runtime_checkable
class GraphStore(
    GraphWriter,
    GraphReader,
    PortfolioQueries,
    PathQueries,
    AggregateQueries,
    TargetQueries,
    Protocol,
):
    """A whole store: what `stores/backends.py` builds."""

    def close(self) -> None: ...


@runtime_checkable
class CypherCapable(Protocol):
    """A store that runs analysts' read-only Cypher (Neo4j; the embedded store does not)."""

    def analyst_query(
        self,
        query: str,
        params: dict[str, Any],
        *,
        timeout_s: float = ...,
        row_limit: int = ...,
    ) -> CypherResult: ...
