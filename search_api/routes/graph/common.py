"""What the analyst graph routes share: the router, common parameters, entity rendering.
Resolution is the use case's (usecases/entities.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph.analytics.paths import (
    Path,
)
from graph.model import EdgeType, NodeKey, NodeLabel
from search_api.deps import AppContext, Caller, Ctx, Policy
from search_api.schemas.common import ErrorBody
from search_api.schemas.graph import (
    EntityOut,
    entity_out,
)
from usecases.entities import entity_name

router = APIRouter(
    prefix="/api/v1/graph",
    tags=["graph"],
    responses={
        400: {"model": ErrorBody},
        401: {"model": ErrorBody, "description": "API_KEY_INVALID"},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
# Examples are entities of the bundled samples (`ipgraph serve --with-sample`), so tools that
# call the API with them reach each operation's logic (tests/test_api_contract.py checks it).
EntityParam = Annotated[str, Query(min_length=1, max_length=200, examples=["CN115000001A"])]
LabelParam = Annotated[
    NodeLabel | None, Query(description="the entity's label when its id alone is ambiguous")
]
TypesParam = Annotated[
    list[EdgeType] | None,
    Query(description="edge types to follow (default: all but PARENT and EXTRACTED_FROM)"),
]


def entity_of(ctx: AppContext, key: NodeKey, path: Path | None = None) -> EntityOut:
    return entity_out(key, entity_name(ctx, key, path))


OrgParam = Annotated[
    str, Query(min_length=1, max_length=200, description="id or any name", examples=["宁德时代"])
]
# The other side of a comparison (`theirs`, `b`).
OtherOrgParam = Annotated[
    str, Query(min_length=1, max_length=200, description="id or any name", examples=["比亚迪"])
]
GroupParam = Annotated[bool, Query(description="include every subsidiary (SUBSIDIARY_OF)")]

__all__ = ["Caller", "Ctx", "Policy"]
