"""After sharded ingest: the persons one run would have made.

Inventor resolution is incremental (resolve/inventors.py): a mention joins a person met
before. Shards that run at the same time do not see each other's inventors, so a person whose
mentions fall in two of them can stay two Person nodes where one run makes one, and two shards
writing one person id each write the profile they know. `reconcile_persons` replays, name by
name, every inventor mention in the graph through the same `InventorResolver`, in the order one
run meets them (the input files in the order given, then the record's location, then the
inventor's place on the patent), and brings the graph to what that replay says:

- Person nodes whose mentions the replay gives to one person are merged into one
  (`GraphWriter.merge_persons`: edges move, provenance is kept), on the replay's id when it is
  one of them;
- each person's profile (employers, co-inventors, IPC subclasses, patents) becomes the union of
  the replay's and what the nodes held (contracts and registers add to it), and each mention's
  `matched_on` the evidence the replay found for it.

Resolution is per name (a mention is only ever compared with people of its name), so names are
replayed independently, a page at a time. Nothing the replay keeps apart is merged: a node whose
mentions the replay gives to two people (two shards that made the same id for two people) is
left as it is and reported. Writes happen only where the graph differs, so a second run writes
nothing. Mentions from files not among `inputs` (earlier runs) come first, by their provenance.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from graph.model import (
    EdgeMove,
    EdgeRow,
    EdgeType,
    Link,
    NodeKey,
    NodeLabel,
    NodeMerge,
    NodeRecord,
    NodeRow,
    Properties,
)
from graph.store import GraphStore
from ingest.pipeline import expand_paths
from ingest.readers.source import file_errors, file_sha256
from ingest.resolve.inventors import InventorResolver, Mention, Person, Resolution

log = structlog.get_logger(__name__)

NAMES_PER_PAGE = 200
# Edges read per node: above any inventor's patents and any patent's applicants and inventors.
EDGES_PER_NODE = 100_000
_UNKNOWN_FILE = -1  # provenance from a file not given: an earlier run, replayed first


@dataclass
class ReconcileReport:
    names: int = 0  # person names replayed
    persons: int = 0  # Person nodes met
    merged: int = 0  # Person nodes merged into another
    moved: int = 0  # mentions moved off a node that held several people
    updated: int = 0  # person profiles and mention evidence rewritten
    # Nodes whose mentions one run gives to different people (shards that made one id for two
    # people): their mentions went to those people.
    split: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{self.names} names, {self.persons} persons: {self.merged} merged, "
            f"{len(self.split)} divided ({self.moved} mentions moved), {self.updated} updated"
        )


@dataclass(frozen=True)
class _Read:
    """One INVENTOR_OF edge read back as the mention it was made from."""

    node: str  # the Person node it points from now
    mention: Mention
    # (file rank, file hash when not given, location, inventor order, patent)
    when: tuple[int, str, int, int, str]
    link: Link


def reconcile_persons(
    graph: GraphStore,
    inputs: Sequence[Path] = (),
    *,
    ranks: dict[str, int] | None = None,
    page: int = NAMES_PER_PAGE,
) -> ReconcileReport:
    """Bring the Person nodes to what one run over `inputs` (the sharded run's input paths,
    files or folders, in the order given to ingest) would have made; see the module doc.
    `ranks` (see `file_ranks`) gives the files' order instead, for inputs no longer on disk."""
    ranks = file_ranks(inputs) if ranks is None else ranks
    report = ReconcileReport()
    after = ""
    while names := graph.person_names(after, page):
        _reconcile_page(graph, names, ranks, report)
        after = names[-1]
    log.info(
        "persons_reconciled",
        names=report.names,
        persons=report.persons,
        merged=report.merged,
        updated=report.updated,
        split=len(report.split),
    )
    return report


def file_ranks(inputs: Sequence[Path]) -> dict[str, int]:
    """The provenance prefix (content hash) of each input file -> its place in a run;
    `IngestError` (FILE_NOT_FOUND, FILE_UNREADABLE) for a file that cannot be read."""
    ranks: dict[str, int] = {}
    for rank, path in enumerate(expand_paths(inputs)):
        with file_errors(path):
            ranks.setdefault(file_sha256(path)[:16], rank)
    return ranks


def _reconcile_page(
    graph: GraphStore, names: list[str], ranks: dict[str, int], report: ReconcileReport
) -> None:
    nodes = {node.id: node for node in graph.find_persons(names)}
    report.names += len(names)
    report.persons += len(nodes)
    replay = InventorResolver()
    people: dict[str, list[tuple[_Read, Resolution]]] = {}  # in the order people are met
    for read in sorted(_mentions(graph, nodes, ranks), key=_when):
        resolution = replay.resolve(read.mention)
        people.setdefault(resolution.person.id, []).append((read, resolution))
    plan = _Plan(nodes, people)
    report.split.extend(plan.split)
    graph.upsert_nodes(NodeLabel.PERSON, plan.profiles)
    graph.move_person_edges(EdgeType.INVENTOR_OF, plan.edge_moves)
    graph.merge_persons(plan.merges)
    graph.upsert_edges(EdgeType.INVENTOR_OF, plan.evidence)
    report.merged += len(plan.merges)
    report.moved += len(plan.edge_moves)
    report.updated += len(plan.profiles) + len(plan.evidence)


class _Plan:
    """The writes that turn `nodes` into the replayed `people`.

    A node whose mentions all belong to one person is merged, whole (every edge), into that
    person's node; a node whose mentions belong to several (shards that made one id for two
    people) gives each mention to its person edge by edge and keeps its other edges. Each
    person's node is the one with the replay's id when there is one (or a new one with that id
    when none exists yet), else its first node that no other person takes."""

    def __init__(
        self, nodes: dict[str, NodeRecord], people: dict[str, list[tuple[_Read, Resolution]]]
    ) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for person_id, mentions in people.items():
            for read, _ in mentions:
                owners[read.node].add(person_id)
        self.split = sorted(node for node, ids in owners.items() if len(ids) > 1)
        self.profiles: list[NodeRow] = []
        self.edge_moves: list[EdgeMove] = []
        self.merges: list[NodeMerge] = []
        self.evidence: list[EdgeRow] = []
        targets = self._targets(nodes, people)
        for person_id, mentions in people.items():
            self._person(nodes, targets[person_id], mentions)
        # A divided node that is nobody's now holds no mention: its other edges (a contract,
        # a register) go with its first mention's person.
        for node in self.split:
            if node not in targets.values():
                first = min(
                    (read.when, person_id)
                    for person_id, mentions in people.items()
                    for read, _ in mentions
                    if read.node == node
                )
                self.merges.append(NodeMerge(node, targets[first[1]]))

    def _targets(
        self, nodes: dict[str, NodeRecord], people: dict[str, list[tuple[_Read, Resolution]]]
    ) -> dict[str, str]:
        taken: set[str] = set()
        targets: dict[str, str] = {}
        for person_id, mentions in people.items():
            members = sorted({read.node for read, _ in mentions})
            if person_id in members or person_id not in nodes:
                target = person_id
            else:  # the replay's id is another person's node
                free = [n for n in members if n not in self.split and n not in taken]
                target = free[0] if free else _unused(person_id, {*nodes, *taken, *people})
            taken.add(target)
            targets[person_id] = target
        return targets

    def _person(
        self, nodes: dict[str, NodeRecord], target: str, mentions: list[tuple[_Read, Resolution]]
    ) -> None:
        members = sorted({read.node for read, _ in mentions})
        whole = [nodes[n] for n in members if n not in self.split]
        person = mentions[0][1].person
        current = nodes.get(target)
        profile = _profile(person, whole)
        if current is None:
            # A new node: its provenance is its mentions' records, as one run writes it.
            sources = sorted({s for read, _ in mentions for s in read.link.sources})
            self.profiles.extend(NodeRow(target, profile, source) for source in sources)
        elif len(members) > 1 or profile != current.props:
            self.profiles.append(NodeRow(target, profile, _a_source(current, mentions)))
        self.merges.extend(
            NodeMerge(n, target) for n in members if n != target and n not in self.split
        )
        self.edge_moves.extend(
            EdgeMove(read.node, read.mention.patent_id, target)
            for read, _ in mentions
            if read.node in self.split and read.node != target
        )
        self.evidence.extend(_evidence_rows(target, mentions))


def _unused(base: str, used: set[str]) -> str:
    number = 1
    while f"{base}#{number}" in used:
        number += 1
    return f"{base}#{number}"


def _when(read: _Read) -> tuple[int, str, int, int, str]:
    return read.when


def _mentions(
    graph: GraphStore, nodes: dict[str, NodeRecord], ranks: dict[str, int]
) -> list[_Read]:
    """Every INVENTOR_OF edge of `nodes`, with what its patent said when it was resolved: the
    applicants in order (employers; the first names a new person), the other inventors and
    the IPC subclasses (resolve/inventors.mentions_of), all read from the patent's edges."""
    person_keys = [NodeKey(NodeLabel.PERSON, node) for node in nodes]
    links = [
        link
        for link in graph.expand(person_keys, [EdgeType.INVENTOR_OF], EDGES_PER_NODE)
        if link.src.id in nodes
    ]
    around = graph.expand(
        [NodeKey(NodeLabel.PATENT, patent) for patent in sorted({link.dst.id for link in links})],
        [EdgeType.APPLICANT_OF, EdgeType.INVENTOR_OF, EdgeType.CLASSIFIED_AS],
        EDGES_PER_NODE,
    )
    applicants: dict[str, list[tuple[int, str]]] = defaultdict(list)
    inventors: dict[str, set[str]] = defaultdict(set)
    fields: dict[str, set[str]] = defaultdict(set)
    for link in around:
        if link.type is EdgeType.APPLICANT_OF:
            applicants[link.dst.id].append((_int(link.props.get("order")), link.src.id))
        elif link.type is EdgeType.INVENTOR_OF:
            inventors[link.dst.id].add(link.src_name)
        elif len(link.dst.id) >= 4:  # CLASSIFIED_AS: the patent's IPC codes
            fields[link.src.id].add(link.dst.id[:4])
    reads = []
    for link in links:
        patent, name = link.dst.id, str(nodes[link.src.id].props.get("name", ""))
        employers = [org for _, org in sorted(applicants[patent])]
        mention = Mention(
            name,
            patent,
            employers[0] if employers else patent,
            frozenset(employers),
            frozenset(inventors[patent] - {name}),
            frozenset(fields[patent]),
        )
        when = (*_first_met(link.sources, ranks), _int(link.props.get("order")), patent)
        reads.append(_Read(link.src.id, mention, when, link))
    return reads


def _first_met(sources: Iterable[str], ranks: dict[str, int]) -> tuple[int, str, int]:
    """(file rank, file hash when not given, location) of the earliest record an edge was read
    from. Files not given come first and sort by their hash (a stable order, not a known one)."""
    places = []
    for source in sources:
        document, _, location = source.partition("#")
        rank = ranks.get(document, _UNKNOWN_FILE)
        places.append((rank, document if rank == _UNKNOWN_FILE else "", _int(location)))
    return min(places, default=(_UNKNOWN_FILE, "", 0))


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _profile(person: Person, nodes: list[NodeRecord]) -> Properties:
    """The replayed person's profile, with what the nodes that are wholly theirs held besides
    (a contract's employer, confidential records): a person's lists only ever grow."""
    merged = Person(person.id, person.name)
    props: Properties = {}
    for node in nodes:
        _add(merged, Person.from_node(node))
        props.update(node.props)
    _add(merged, person)
    props.update(merged.props())
    return props


def _add(into: Person, other: Person) -> None:
    into.employers |= other.employers
    into.coinventors |= other.coinventors
    into.fields |= other.fields
    into.patents |= other.patents
    into.records |= other.records


def _a_source(node: NodeRecord, mentions: list[tuple[_Read, Resolution]]) -> str:
    """A provenance the node already has (a profile rewrite adds none)."""
    if node.sources:
        return node.sources[0]
    return next(iter(mentions[0][0].link.sources), "reconcile")


def _evidence_rows(target: str, mentions: list[tuple[_Read, Resolution]]) -> list[EdgeRow]:
    """`matched_on` as one run would have written it, where it differs."""
    rows = []
    for read, resolution in mentions:
        if resolution.evidence is None:
            continue  # the patent met again: one run leaves the first evidence
        wanted = list(resolution.evidence)
        if read.link.props.get("matched_on") != wanted:
            source = read.link.sources[0] if read.link.sources else "reconcile"
            rows.append(EdgeRow(target, read.mention.patent_id, {"matched_on": wanted}, source))
    return rows
