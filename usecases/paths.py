"""Paths between two entities and the neighbourhood of one, as the caller may see them.

The policy acts twice: confidential edge types are not followed at all (left out of the store
queries), and what a walk still meets through public edges (a confidential contract covering a
patent, a person known only from the register) is dropped from the answer, with every path
through it. Names that are file paths (source documents) are answered by their last part."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from datetime import date

from domain.access import AccessPolicy, display_name
from graph.analytics.paths import (
    DEFAULT_TYPES,
    Limits,
    Neighbourhood,
    PathResult,
    find_paths,
    neighbourhood,
    shortest_paths,
)
from graph.model import EdgeType, Link, NodeKey, NodeLabel
from usecases.context import Context
from usecases.entities import resolve_entity

# Labels whose nodes may be hidden one by one (by a flag or by what is known of them).
_CHECKED_LABELS = frozenset({NodeLabel.CONTRACT, NodeLabel.PERSON, NodeLabel.TRADE_SECRET})


def walked_types(
    requested: Collection[EdgeType] | None, policy: AccessPolicy
) -> frozenset[EdgeType]:
    """The edge types to follow: the requested ones (default: all but PARENT and
    EXTRACTED_FROM), less those the caller may not see."""
    return policy.visible_edges(frozenset(requested) if requested else DEFAULT_TYPES)


def paths_between(
    ctx: Context,
    source: str,
    target: str,
    policy: AccessPolicy,
    *,
    source_label: NodeLabel | None = None,
    target_label: NodeLabel | None = None,
    max_hops: int,
    k: int,
    types: Collection[EdgeType] | None = None,
    limits: Limits,
    as_of: date | None = None,
) -> tuple[NodeKey, NodeKey, PathResult]:
    start = resolve_entity(ctx, source, source_label, policy)
    goal = resolve_entity(ctx, target, target_label, policy)
    found = _search(ctx, start, goal, max_hops, k, walked_types(types, policy), limits, as_of)
    hidden = _hidden(ctx, (key for path in found.paths for key in path.nodes), policy)
    found.paths = [
        dataclasses.replace(path, links=tuple(_named(link) for link in path.links))
        for path in found.paths
        if hidden.isdisjoint(path.nodes)
    ]
    return start, goal, found


def _search(
    ctx: Context,
    start: NodeKey,
    goal: NodeKey,
    max_hops: int,
    k: int,
    edge_types: frozenset[EdgeType],
    limits: Limits,
    as_of: date | None,
) -> PathResult:
    if as_of is not None:
        # A day in the past: the ledger's time model (domain/as_of.edge_on: OWNS periods,
        # registered encumbrance windows, dated stakes) decides which edges stood, edge by edge.
        return find_paths(
            ctx.stores.graph,
            start,
            goal,
            max_hops=max_hops,
            edge_types=edge_types,
            k=k,
            limits=limits,
            as_of=as_of,
        )
    # Inside the store, no fan-out cut: only the time bound can stop it, and then it says so.
    return shortest_paths(
        ctx.stores.graph,
        start,
        goal,
        max_hops=max_hops,
        edge_types=edge_types,
        k=k,
        time_budget_s=limits.time_budget_s,
    )


def neighbourhood_of(
    ctx: Context,
    node: str,
    policy: AccessPolicy,
    *,
    label: NodeLabel | None = None,
    depth: int,
    types: Collection[EdgeType] | None = None,
    limits: Limits,
    as_of: date | None = None,
) -> tuple[NodeKey, Neighbourhood]:
    center = resolve_entity(ctx, node, label, policy)
    found = neighbourhood(
        ctx.stores.graph,
        center,
        depth=depth,
        edge_types=walked_types(types, policy),
        limits=limits,
        as_of=as_of,
    )
    hidden = _hidden(ctx, found.nodes, policy)
    found.nodes = {
        key: display_name(name) for key, name in found.nodes.items() if key not in hidden
    }
    found.links = [
        _named(link) for link in found.links if link.src not in hidden and link.dst not in hidden
    ]
    return center, found


def _hidden(ctx: Context, keys: Iterable[NodeKey], policy: AccessPolicy) -> set[NodeKey]:
    if policy.sees_confidential:
        return set()
    hidden = set()
    for key in {key for key in keys if key.label in _CHECKED_LABELS}:
        node = ctx.stores.graph.get_node(key.label, key.id)
        if node is None or not policy.node_visible(key.label, node.props):
            hidden.add(key)
    return hidden


def _named(link: Link) -> Link:
    return dataclasses.replace(
        link, src_name=display_name(link.src_name), dst_name=display_name(link.dst_name)
    )
