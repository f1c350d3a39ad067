"""The knowledge graph: one `GraphStore` protocol, a Neo4j store and an embedded SQLite store."""

from graph.entity_pages import PatentView
from graph.errors import GraphError, GraphUnavailableError
from graph.model import EdgeRow, EdgeType, GraphCounts, NodeLabel, NodeRow
from graph.store import GraphStore

__all__ = [
    "EdgeRow",
    "EdgeType",
    "GraphCounts",
    "GraphError",
    "GraphStore",
    "GraphUnavailableError",
    "NodeLabel",
    "NodeRow",
    "PatentView",
]
