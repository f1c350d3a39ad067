"""Load group trees into the graph: Organization nodes and SUBSIDIARY_OF {stake} edges."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from domain.names import organization_name
from domain.organizations import OrganizationAliases
from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties
from graph.store import GraphStore
from ingest.loaders import LoadReport
from ingest.readers.group_tree import GroupTreeEntry, read_group_trees


@dataclass
class GroupReport(LoadReport):
    edges: int = 0  # SUBSIDIARY_OF links written

    @property
    def summary(self) -> str:
        return f"{self.loaded} organisations, {self.edges} subsidiary links loaded"


def load_group_trees(
    path: Path,
    graph: GraphStore,
    aliases: OrganizationAliases,
    central_soes: frozenset[str] = frozenset(),
) -> GroupReport:
    """Write every tree in `path` (rows: the trees; loaded: the organisations). Idempotent; a
    bad tree raises `IngestError` naming the field, and nothing is written."""
    trees, _encoding = read_group_trees(path)
    tag = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    nodes: dict[str, NodeRow] = {}
    edges: dict[tuple[str, str], EdgeRow] = {}
    for number, tree in enumerate(trees, start=1):
        _walk(tree, None, f"{tag}#{number}", aliases, nodes, edges)
    for key in central_soes & nodes.keys():
        row = nodes[key]
        nodes[key] = NodeRow(key, {**row.props, "is_central_soe": True}, row.source)
    graph.ensure_schema()
    graph.upsert_nodes(NodeLabel.ORGANIZATION, list(nodes.values()))
    graph.upsert_edges(EdgeType.SUBSIDIARY_OF, list(edges.values()))
    return GroupReport(rows=len(trees), loaded=len(nodes), edges=len(edges))


def _walk(
    entry: GroupTreeEntry,
    parent: str | None,
    source: str,
    aliases: OrganizationAliases,
    nodes: dict[str, NodeRow],
    edges: dict[tuple[str, str], EdgeRow],
) -> None:
    key = aliases.resolve(entry.name)
    props: Properties = {"name": organization_name(entry.name)}
    if entry.kind:
        props["kind"] = entry.kind
    known = aliases.aliases_of(entry.name)
    if known:
        props["aliases"] = known
    nodes[key] = NodeRow(key, props, source)
    if parent is not None:
        stake: Properties = {} if entry.stake is None else {"stake": entry.stake}
        # dated stakes: the group as it stood on a day (domain/as_of.stake_on)
        if entry.since is not None:
            stake["since"] = entry.since.isoformat()
        if entry.until is not None:
            stake["until"] = entry.until.isoformat()
        edges[(key, parent)] = EdgeRow(key, parent, stake, source)
    for child in entry.subsidiaries:
        _walk(child, key, source, aliases, nodes, edges)
