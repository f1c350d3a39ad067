"""补充协议: an amendment changes the term of the contract it names. The derived edges
(LICENSED_TO, PLEDGED_TO ...) carry the amended end date whichever file is loaded first: an
amendment rewrites its original's edges, and an original looks for amendments already loaded."""

from __future__ import annotations

from graph.model import Direction, EdgeRow, EdgeType, NodeLabel, NodeRow
from graph.store import GraphStore
from ingest.contracts.model import ContractExtraction, ContractKind
from ingest.contracts.transform import BENEFICIARY
from ingest.transform import GraphBatch


def apply_amendments(batch: GraphBatch, contract: ContractExtraction, graph: GraphStore) -> None:
    source = f"{contract.sha256[:16]}#1"
    if contract.amends is not None:
        _amend_original(batch, contract, contract.amends.value, graph, source)
    else:
        _take_earlier_amendments(batch, contract, graph)


def _amend_original(
    batch: GraphBatch,
    amendment: ContractExtraction,
    original_id: str,
    graph: GraphStore,
    source: str,
) -> None:
    original = graph.get_node(NodeLabel.CONTRACT, original_id)
    if original is None:
        # Keeps the AMENDS edge until the original arrives and fills this node in.
        batch.node(NodeLabel.CONTRACT, NodeRow(original_id, {"stub": True}, source))
        return
    if amendment.end_date is None:
        return
    kind = original.props.get("kind")
    if not isinstance(kind, str) or ContractKind(kind) not in BENEFICIARY:
        return
    role, edge_type = BENEFICIARY[ContractKind(kind)]
    change = {"end": amendment.end_date.value, "amended_by": amendment.id}
    parties = graph.neighbours(EdgeType.PARTY_TO, original_id, Direction.IN)
    beneficiaries = [p.id for p in parties if p.edge.get("role") == role.value]
    for patent in graph.neighbours(EdgeType.COVERS, original_id, Direction.OUT):
        for beneficiary in beneficiaries:
            batch.edge(edge_type, EdgeRow(patent.id, beneficiary, dict(change), source))


def _take_earlier_amendments(
    batch: GraphBatch, contract: ContractExtraction, graph: GraphStore
) -> None:
    amendments = [
        node
        for found in graph.neighbours(EdgeType.AMENDS, contract.id, Direction.IN)
        if (node := graph.get_node(NodeLabel.CONTRACT, found.id)) is not None
        and isinstance(node.props.get("end_date"), str)
    ]
    if not amendments:
        return
    latest = max(amendments, key=lambda n: (str(n.props.get("sign_date", "")), n.id))
    for edge_type in {edge for _, edge in BENEFICIARY.values()}:
        for key, row in list(batch.edges[edge_type].items()):
            if row.props.get("contract") == contract.id:
                props = {**row.props, "end": latest.props["end_date"], "amended_by": latest.id}
                batch.edges[edge_type][key] = EdgeRow(row.src, row.dst, props, row.source)
