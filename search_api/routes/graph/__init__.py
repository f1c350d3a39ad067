"""Analyst graph queries under /api/v1/graph: each module adds its routes to one router."""

from search_api.routes.graph import cypher, linkage, portfolios, sep
from search_api.routes.graph.common import router

__all__ = ["cypher", "linkage", "portfolios", "router", "sep"]
