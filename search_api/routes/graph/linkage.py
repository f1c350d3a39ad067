"""Paths between two entities and neighbourhoods: thin adapters over usecases/paths.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from graph.analytics.paths import (
    DEFAULT_HOPS,
    MAX_HOPS,
    Limits,
)
from search_api.routes.graph.common import (
    Ctx,
    EntityParam,
    LabelParam,
    Policy,
    TypesParam,
    entity_of,
    router,
)
from search_api.schemas.common import IsoDate
from search_api.schemas.graph import (
    EdgeOut,
    NeighborsResponse,
    PathOut,
    PathsResponse,
    entity_out,
)
from usecases.paths import neighbourhood_of, paths_between


@router.get("/paths", operation_id="find_paths", response_model=PathsResponse)
def get_paths(
    ctx: Ctx,
    policy: Policy,
    source: Annotated[
        str, Query(alias="from", min_length=1, max_length=200, examples=["宁德时代"])
    ],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200, examples=["比亚迪"])],
    from_label: LabelParam = None,
    to_label: LabelParam = None,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = DEFAULT_HOPS,
    k: Annotated[int, Query(ge=1, le=20, description="how many paths")] = 5,
    types: TypesParam = None,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=2000,
            description="ignored: the search runs in the store with no fan-out cut",
            deprecated=True,
        ),
    ] = Limits.per_node,
    as_of: Annotated[
        IsoDate | None, Query(description="follow dated edges only as they held on this day")
    ] = None,
) -> PathsResponse:
    """The k first (by node ids) of every shortest path between two entities (company,
    person, patent, standard, contract ...), each edge explained. Searched inside the store
    with no fan-out cut: complete within `max_hops`, or `partial` because the time bound
    stopped it (then no path is guessed)."""
    start, goal, found = paths_between(
        ctx,
        source,
        target,
        policy,
        source_label=from_label,
        target_label=to_label,
        max_hops=max_hops,
        k=k,
        types=types,
        limits=Limits(per_node=limit),
        as_of=as_of,
    )
    return PathsResponse(
        source=entity_of(ctx, start),
        target=entity_of(ctx, goal),
        paths=[
            PathOut(
                hops=path.hops,
                nodes=[entity_of(ctx, node, path) for node in path.nodes],
                edges=[EdgeOut.of(link) for link in path.links],
            )
            for path in found.paths
        ],
        partial=found.partial,
        reasons=found.reasons,
        visited=found.visited,
    )


@router.get("/neighbors", operation_id="get_neighbors", response_model=NeighborsResponse)
def get_neighbors(
    ctx: Ctx,
    policy: Policy,
    node: EntityParam,
    label: LabelParam = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="links per node and direction")] = 50,
    types: TypesParam = None,
    as_of: Annotated[
        IsoDate | None,
        Query(
            description="YYYY-MM-DD: only the links standing that day (ownership periods,"
            " pledges and licences in force, stakes held, transfers made by then)",
            examples=["2023-06-20"],
        ),
    ] = None,
) -> NeighborsResponse:
    """The entities within `depth` links of one entity, for graph views."""
    center, found = neighbourhood_of(
        ctx,
        node,
        policy,
        label=label,
        depth=depth,
        types=types,
        limits=Limits(limit),
        as_of=as_of,
    )
    return NeighborsResponse(
        center=entity_of(ctx, center),
        nodes=[entity_out(key, name) for key, name in sorted(found.nodes.items())],
        edges=[EdgeOut.of(link) for link in found.links],
        partial=found.partial,
        reasons=found.reasons,
    )
