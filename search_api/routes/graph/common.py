"""What the analyst graph routes share: the router, entity resolution, common parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from domain.numbers import parse_application_number, parse_publication_number
from graph.analytics.paths import (
    Path,
)
from graph.analytics.portfolios import members
from graph.model import CONFIDENTIAL_LABELS, EdgeType, NodeKey, NodeLabel
from search_api.auth import ANONYMOUS, Principal, principal_of
from search_api.errors import ApiError
from search_api.graph_models import (
    EntityOut,
    entity_out,
)
from search_api.models import ErrorBody
from search_api.routes.context import AppContext, context

router = APIRouter(
    prefix="/api/v1/graph",
    tags=["graph"],
    responses={
        400: {"model": ErrorBody},
        401: {"model": ErrorBody, "description": "API_KEY_INVALID"},
        403: {"model": ErrorBody, "description": "FORBIDDEN: the role does not allow this"},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
Ctx = Annotated[AppContext, Depends(context)]


Caller = Annotated[Principal, Depends(principal_of)]
EntityParam = Annotated[str, Query(min_length=1, max_length=200)]
LabelParam = Annotated[
    NodeLabel | None, Query(description="the entity's label when its id alone is ambiguous")
]
TypesParam = Annotated[
    list[EdgeType] | None,
    Query(description="edge types to follow (default: all but PARENT and EXTRACTED_FROM)"),
]


# Tried in this order when the caller gives no label.
_LOOKUP_ORDER = (
    NodeLabel.PATENT,
    NodeLabel.ORGANIZATION,
    NodeLabel.PERSON,
    NodeLabel.CONTRACT,
    NodeLabel.STANDARD,
    NodeLabel.IPC,
    NodeLabel.FAMILY,
    NodeLabel.TRADEMARK,
)


def resolve_entity(
    ctx: AppContext, text: str, label: NodeLabel | None, caller: Principal = ANONYMOUS
) -> NodeKey:
    """An entity by id, by a patent's publication or application number, or by any name of an
    organisation; 404 ENTITY_NOT_FOUND otherwise."""
    graph = ctx.stores.graph
    for candidate in (label,) if label is not None else _LOOKUP_ORDER:
        if candidate is None or (candidate in CONFIDENTIAL_LABELS and not caller.sees_confidential):
            continue
        if candidate is NodeLabel.PATENT:
            patent = graph.find_patent(parse_publication_number(text).canonical) or (
                graph.find_patent(parse_application_number(text).canonical)
            )
            if patent is not None:
                return NodeKey(NodeLabel.PATENT, patent.id)
            continue
        ids = [text]
        if candidate is NodeLabel.ORGANIZATION:
            ids.append(ctx.aliases.resolve(text))  # short and former names
        for node_id in ids:
            node = graph.get_node(candidate, node_id)
            if node is not None and (
                caller.sees_confidential or node.props.get("confidential") is not True
            ):
                return NodeKey(candidate, node_id)
    raise ApiError(
        404,
        "ENTITY_NOT_FOUND",
        f"no entity {text!r}" + (f" with label {label.value}" if label else ""),
        {"entity": text, "label": label.value if label else None},
    )


def entity_of(ctx: AppContext, key: NodeKey, path: Path | None = None) -> EntityOut:
    if path is not None:
        for link in path.links:
            if key in (link.src, link.dst):
                return entity_out(key, link.name_of(key))
    node = ctx.stores.graph.get_node(key.label, key.id)
    props = node.props if node is not None else {}
    name = props.get("name") or props.get("title") or key.id
    return entity_out(key, str(name))


OrgParam = Annotated[str, Query(min_length=1, max_length=200, description="id or any name")]
GroupParam = Annotated[bool, Query(description="include every subsidiary (SUBSIDIARY_OF)")]


def organization_of(ctx: AppContext, text: str, caller: Principal = ANONYMOUS) -> NodeKey:
    return resolve_entity(ctx, text, NodeLabel.ORGANIZATION, caller)


def group_of(
    ctx: AppContext, text: str, caller: Principal, *, with_subsidiaries: bool
) -> tuple[NodeKey, list[str]]:
    """An organisation named any way, and the ids it stands for: itself, and every
    subsidiary when `with_subsidiaries`."""
    org = organization_of(ctx, text, caller)
    return org, members(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)
