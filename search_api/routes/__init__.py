"""HTTP routes, one module per area; handlers are thin calls into stores and views."""

from search_api.routes.citations import router as citations_router
from search_api.routes.due_diligence import router as due_diligence_router
from search_api.routes.entities import router as entities_router
from search_api.routes.graph import router as graph_router
from search_api.routes.ops import router as ops_router
from search_api.routes.search import router as search_router
from search_api.routes.similar import router as similar_router
from search_api.routes.workflow import router as workflow_router

__all__ = [
    "citations_router",
    "due_diligence_router",
    "entities_router",
    "graph_router",
    "ops_router",
    "search_router",
    "similar_router",
    "workflow_router",
]
