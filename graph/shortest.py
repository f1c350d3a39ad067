"""Every shortest path between two nodes by a bidirectional breadth-first search over a store's
full adjacency (no fan-out cut): the embedded store's `PathQueries.shortest_paths`.

Each side expands a whole layer at a time, always the side with the smaller frontier. Before
the two balls touch no shortest path is known; the first layer that touches the other side
fixes the shortest length L, and every node of that layer at total distance L is on some
shortest path, at the same position in each, so no path is found twice. Every node keeps all
the edges that reached it at its distance, so every shortest path is listed (up to `cap`).
Hubs cost time (one query returns all their edges), never completeness: only the time bound
stops the search, and then it says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from graph.model import EdgeType, NodeKey


@dataclass(frozen=True)
class RawEdge:
    """An edge as read from the store, its evidence not yet decoded."""

    type: EdgeType
    src: NodeKey
    dst: NodeKey
    props: str
    sources: str


class SearchTimedOut(Exception):
    """The adjacency reader saw the deadline pass."""


# Every edge (of the wanted types) touching any of the nodes; raises SearchTimedOut.
Adjacency = Callable[[Sequence[NodeKey], float], list[RawEdge]]


@dataclass
class RawPaths:
    paths: list[tuple[tuple[NodeKey, ...], tuple[RawEdge, ...]]] = field(default_factory=list)
    timed_out: bool = False
    capped: bool = False


@dataclass
class _Side:
    distance: dict[NodeKey, int]
    frontier: list[NodeKey]
    reached_by: dict[NodeKey, list[tuple[RawEdge, NodeKey]]] = field(default_factory=dict)
    depth: int = 0


def all_shortest_paths(
    start: NodeKey,
    goal: NodeKey,
    adjacent: Adjacency,
    *,
    max_hops: int,
    timeout_s: float,
    cap: int,
) -> RawPaths:
    if start == goal:
        return RawPaths(paths=[((start,), ())])
    deadline = time.monotonic() + timeout_s
    sides = (_Side({start: 0}, [start]), _Side({goal: 0}, [goal]))
    try:
        while sides[0].frontier and sides[1].frontier and _walked(sides) < max_hops:
            near = 0 if len(sides[0].frontier) <= len(sides[1].frontier) else 1
            meeting = _expand(sides[near], sides[1 - near], adjacent, deadline)
            if meeting:
                return _enumerate(sides, meeting, cap)
    except SearchTimedOut:
        return RawPaths(timed_out=True)
    return RawPaths()


def _walked(sides: tuple[_Side, _Side]) -> int:
    return sides[0].depth + sides[1].depth


def _expand(side: _Side, other: _Side, adjacent: Adjacency, deadline: float) -> list[NodeKey]:
    """Walk one layer out; the new nodes the other side has already reached, sorted."""
    if time.monotonic() > deadline:
        raise SearchTimedOut
    frontier = set(side.frontier)
    edges = adjacent(side.frontier, deadline)
    side.depth += 1
    # Only edges to nodes not reached before this layer matter (a hub's layer is mostly new
    # nodes, but a frontier's edges among themselves are many); those are put in one order.
    steps = [
        (edge, near, far)
        for edge in edges
        if edge.src != edge.dst
        for near, far in ((edge.src, edge.dst), (edge.dst, edge.src))
        if near in frontier and far not in side.distance
    ]
    steps.sort(key=lambda s: (s[0].type.value, *_order(s[0].src), *_order(s[0].dst)))
    for edge, near, far in steps:
        side.distance.setdefault(far, side.depth)
        side.reached_by.setdefault(far, []).append((edge, near))
    side.frontier = sorted({far for _, _, far in steps}, key=_order)
    return [node for node in side.frontier if node in other.distance]


def _order(key: NodeKey) -> tuple[str, str]:
    """NodeKey's own order (label, id), as plain strings: sorting hubs' layers is faster."""
    return key.label.value, key.id


def _enumerate(sides: tuple[_Side, _Side], meeting: list[NodeKey], cap: int) -> RawPaths:
    forward, backward = sides
    shortest = min(forward.distance[n] + backward.distance[n] for n in meeting)
    found = RawPaths()
    for node in meeting:
        if forward.distance[node] + backward.distance[node] != shortest:
            continue
        for head_nodes, head_edges in _halves(forward, node):
            for tail_nodes, tail_edges in _halves(backward, node):
                if len(found.paths) >= cap:
                    found.capped = True
                    return found
                found.paths.append(
                    (
                        (*head_nodes, *reversed(tail_nodes[:-1])),
                        (*head_edges, *reversed(tail_edges)),
                    )
                )
    return found


def _halves(
    side: _Side, node: NodeKey
) -> Iterator[tuple[tuple[NodeKey, ...], tuple[RawEdge, ...]]]:
    """Every shortest path from the side's origin to `node`, as (nodes, edges)."""
    if side.distance[node] == 0:
        yield (node,), ()
        return
    for edge, previous in side.reached_by.get(node, []):
        for nodes, edges in _halves(side, previous):
            yield (*nodes, node), (*edges, edge)
