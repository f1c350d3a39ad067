"""Shortest and k-shortest paths between two entities, and neighbourhoods, by a bounded
breadth-first walk over `GraphReader.expand` — the same walk, so the same answer, on every store.

The walk goes out from both ends a layer at a time, always from the smaller frontier. Every
node remembers all the links that reached it at its distance, so the paths found are all the
shortest ones through each meeting node; longer ones (up to `max_hops`) come from the meeting
nodes at greater total distance. Three limits keep it bounded, and reaching any of them makes
the answer `partial` with the reason: `per_node` links per node and direction (hubs such as an
IPC class are cut, by edge type then id), `max_nodes` visited in all, and `time_budget_s`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date

from domain.as_of import edge_on
from graph.model import EdgeType, Link, NodeKey
from graph.store import GraphReader, PathQueries

DEFAULT_HOPS, MAX_HOPS = 4, 6
# Links that explain little between two entities: the IPC hierarchy and source documents.
DEFAULT_EXCLUDED = frozenset({EdgeType.PARENT, EdgeType.EXTRACTED_FROM})
DEFAULT_TYPES = frozenset(EdgeType) - DEFAULT_EXCLUDED


@dataclass(frozen=True)
class Limits:
    per_node: int = 200
    max_nodes: int = 20_000
    time_budget_s: float = 3.0


@dataclass(frozen=True)
class Path:
    nodes: tuple[NodeKey, ...]
    links: tuple[Link, ...]

    @property
    def hops(self) -> int:
        return len(self.links)


@dataclass
class PathResult:
    paths: list[Path] = field(default_factory=list)
    partial: bool = False
    reasons: list[str] = field(default_factory=list)
    visited: int = 0


@dataclass
class _Side:
    """One end's walk: distance of each node, and the links that reached it at that distance."""

    distance: dict[NodeKey, int]
    reached_by: dict[NodeKey, list[Link]] = field(default_factory=dict)
    frontier: list[NodeKey] = field(default_factory=list)
    depth: int = 0


def find_paths(
    store: GraphReader,
    start: NodeKey,
    goal: NodeKey,
    *,
    max_hops: int = DEFAULT_HOPS,
    edge_types: Collection[EdgeType] = DEFAULT_TYPES,
    k: int = 5,
    limits: Limits = Limits(),
    as_of: dt.date | None = None,
) -> PathResult:
    """Up to `k` shortest paths; with `as_of`, only over the ledger's edges that stood that
    day (domain/as_of.edge_on)."""
    result = PathResult()
    if start == goal:
        result.paths.append(Path((start,), ()))
        return result
    sides = (_Side({start: 0}, frontier=[start]), _Side({goal: 0}, frontier=[goal]))
    deadline = time.monotonic() + limits.time_budget_s
    while sides[0].frontier and sides[1].frontier and _hops_walked(sides) < max_hops:
        side = min(sides, key=lambda s: (len(s.frontier), s is sides[1]))
        stopped = not _step(store, side, edge_types, limits, result, deadline, as_of)
        result.paths = _collect(sides, max_hops, k)
        if stopped or len(result.paths) >= k:
            break
    result.visited = len(sides[0].distance) + len(sides[1].distance)
    return result


def shortest_paths(
    store: PathQueries,
    start: NodeKey,
    goal: NodeKey,
    *,
    max_hops: int = DEFAULT_HOPS,
    edge_types: Collection[EdgeType] = DEFAULT_TYPES,
    k: int = 5,
    time_budget_s: float = Limits.time_budget_s,
    as_of: date | None = None,
) -> PathResult:
    """The first `k` of every shortest path (by node ids), searched inside the store with no
    fan-out cut: complete within `max_hops`, or `partial` because the time bound stopped it."""
    found = store.shortest_paths(
        start, goal, edge_types, max_hops=max_hops, timeout_s=time_budget_s, as_of=as_of
    )
    result = PathResult(paths=[Path(p.nodes, p.links) for p in found.paths[:k]])
    if found.timed_out:
        _stop(result, f"time budget of {time_budget_s} s spent")
    if found.out_of_memory:
        _stop(result, "the graph server's memory bound per query was reached")
    if found.capped:
        result.reasons.append(f"more than {len(found.paths)} shortest paths; the first listed")
    return result


def _hops_walked(sides: tuple[_Side, _Side]) -> int:
    return sides[0].depth + sides[1].depth


def _step(
    store: GraphReader,
    side: _Side,
    edge_types: Collection[EdgeType],
    limits: Limits,
    result: PathResult,
    deadline: float,
    as_of: dt.date | None = None,
) -> bool:
    """Walk one layer out; False when a limit stopped the walk."""
    links = [
        link
        for link in store.expand(side.frontier, edge_types, limits.per_node + 1)
        if edge_on(link.type.value, link.props, as_of)
    ]
    _flag_cut_hubs(links, side.frontier, limits.per_node, result)
    side.depth += 1
    following: list[NodeKey] = []
    for node in side.frontier:
        for link in _links_of(links, node, limits.per_node):
            other = link.other(node)
            seen = side.distance.get(other)
            if seen is None:
                side.distance[other] = side.depth
                following.append(other)
            if side.distance[other] == side.depth:
                side.reached_by.setdefault(other, []).append(link)
    side.frontier = sorted(set(following))
    if len(side.distance) > limits.max_nodes:
        _stop(result, f"more than {limits.max_nodes} nodes visited")
        return False
    if time.monotonic() > deadline:
        _stop(result, f"time budget of {limits.time_budget_s} s spent")
        return False
    return True


def _links_of(links: list[Link], node: NodeKey, per_node: int) -> Iterator[Link]:
    outgoing = [link for link in links if link.src == node][:per_node]
    incoming = [link for link in links if link.dst == node][:per_node]
    yield from outgoing
    yield from incoming


def _flag_cut_hubs(
    links: list[Link], frontier: list[NodeKey], per_node: int, result: PathResult
) -> None:
    counts: dict[tuple[NodeKey, bool], int] = {}
    for link in links:
        counts[(link.src, True)] = counts.get((link.src, True), 0) + 1
        counts[(link.dst, False)] = counts.get((link.dst, False), 0) + 1
    for node in frontier:
        if max(counts.get((node, True), 0), counts.get((node, False), 0)) > per_node:
            _stop(result, f"{node.label.value} {node.id} has more than {per_node} links")


def _stop(result: PathResult, reason: str) -> None:
    result.partial = True
    if reason not in result.reasons:
        result.reasons.append(reason)


def _collect(sides: tuple[_Side, _Side], max_hops: int, k: int) -> list[Path]:
    """The k shortest paths through the meeting nodes, shortest first, then by node ids."""
    forward, backward = sides
    found: dict[tuple[tuple[NodeKey, ...], tuple[str, ...]], Path] = {}
    meeting = sorted(
        forward.distance.keys() & backward.distance.keys(),
        key=lambda n: (forward.distance[n] + backward.distance[n], n),
    )
    for node in meeting:
        if forward.distance[node] + backward.distance[node] > max_hops:
            break
        for head in _walk_back(forward, node, k):
            for tail in _walk_back(backward, node, k):
                path = _join(head, tail)
                if path is not None:
                    found.setdefault(_signature(path), path)
    ordered = sorted(found.values(), key=lambda p: (p.hops, [n for n in p.nodes]))
    return ordered[:k]


def _walk_back(side: _Side, node: NodeKey, k: int) -> list[Path]:
    """Paths from the side's origin to `node` along the links that reached each node first."""
    if side.distance[node] == 0:
        return [Path((node,), ())]
    paths: list[Path] = []
    for link in side.reached_by.get(node, []):
        previous = link.other(node)
        if side.distance.get(previous) != side.distance[node] - 1:
            continue
        for head in _walk_back(side, previous, k):
            paths.append(Path((*head.nodes, node), (*head.links, link)))
            if len(paths) >= k * 4:
                return paths
    return paths


def _join(head: Path, tail: Path) -> Path | None:
    nodes = (*head.nodes, *reversed(tail.nodes[:-1]))
    if len(set(nodes)) != len(nodes):
        return None  # not a simple path
    return Path(nodes, (*head.links, *reversed(tail.links)))


def _signature(path: Path) -> tuple[tuple[NodeKey, ...], tuple[str, ...]]:
    return path.nodes, tuple(link.type.value for link in path.links)


@dataclass
class Neighbourhood:
    nodes: dict[NodeKey, str] = field(default_factory=dict)  # key -> display name
    links: list[Link] = field(default_factory=list)
    partial: bool = False
    reasons: list[str] = field(default_factory=list)


def neighbourhood(
    store: GraphReader,
    center: NodeKey,
    *,
    depth: int = 1,
    edge_types: Collection[EdgeType] = DEFAULT_TYPES,
    limits: Limits = Limits(per_node=50),
    as_of: dt.date | None = None,
) -> Neighbourhood:
    """The nodes within `depth` links of `center` (at most `per_node` links per node); with
    `as_of`, only the links standing that day (domain/as_of.edge_on)."""
    found = Neighbourhood()
    frontier, seen = [center], {center}
    result = PathResult()
    for _ in range(depth):
        links = store.expand(frontier, edge_types, limits.per_node + 1)
        _flag_cut_hubs(links, frontier, limits.per_node, result)
        following = []
        for node in frontier:
            for link in _links_of(links, node, limits.per_node):
                if not edge_on(link.type.value, link.props, as_of):
                    continue
                found.links.append(link)
                for key in (link.src, link.dst):
                    found.nodes.setdefault(key, link.name_of(key))
                other = link.other(node)
                if other not in seen:
                    seen.add(other)
                    following.append(other)
        frontier = sorted(following)
        if len(seen) > limits.max_nodes:
            _stop(result, f"more than {limits.max_nodes} nodes")
            break
    unique = {(link.type, link.src, link.dst): link for link in found.links}
    found.links = sorted(unique.values(), key=lambda link: (link.type.value, link.src, link.dst))
    found.partial, found.reasons = result.partial, result.reasons
    return found
