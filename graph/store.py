"""The contract every graph store fulfils; tests/conformance checks each implementation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from graph.model import EdgeRow, EdgeType, GraphCounts, NodeLabel, NodeRow, PatentView


@runtime_checkable
class GraphStore(Protocol):
    def ensure_schema(self) -> None:
        """Create constraints and indexes; safe to call any number of times."""

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        """Create or update nodes by id; properties merge, provenance accumulates."""

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        """Create or update one edge per (src, dst) pair; rows naming missing nodes are skipped."""

    def get_patent(self, patent_id: str) -> PatentView | None:
        """A patent by canonical id or by application number, with applicants/inventors/IPC."""

    def counts(self) -> GraphCounts:
        """Nodes per label and edges per type (used by re-ingest checks and /readyz)."""

    def ping(self) -> None:
        """Raise `GraphUnavailableError` when the backend cannot answer."""

    def delete_all(self) -> None:
        """Remove every node and edge (tests and `ipgraph reset`)."""

    def close(self) -> None: ...
