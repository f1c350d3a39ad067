"""A small graph whose answers can be checked by hand (see each test for the reasoning).

集团甲 (GROUP) <-SUBSIDIARY_OF- 子公司甲一 (A1)
A1 -APPLICANT_OF-> P1, P3        乙公司 (B) -APPLICANT_OF-> P2, P3, P4
丙公司 (C) -APPLICANT_OF-> P5 (nothing else: disconnected from the rest but its IPC)
张三@子公司甲一 -INVENTOR_OF-> P1, P2          P4 -CITES-> P1
P1, P2 -MENTIONS_STANDARD-> 3GPP TS 38.211
合同 K-2024-1: A1 -PARTY_TO{licensor}-> K <-PARTY_TO{licensee}- B;  K -COVERS-> P1
IPC: P1 H04W72/04 + H04L5/00, P2 and P3 H04W72/04, P4 H04L5/00, P5 G06F16/36
"""

from __future__ import annotations

from graph.model import EdgeRow, EdgeType, NodeLabel, NodeRow, Properties
from graph.store import GraphStore

GROUP, A1, B, C = "集团甲", "子公司甲一", "乙公司", "丙公司"
PERSON, STANDARD, CONTRACT = "张三@子公司甲一", "3GPP TS 38.211", "K-2024-1"
SOURCE = "fixture0000000000#1"

PATENTS: dict[str, Properties] = {
    "CN1000001A": {
        "title": "专利一",
        "kind": "invention",
        "legal_status": "valid",
        "country": "CN",
        "filing_date": "2019-03-01",
        "ipc": ["H04W72/04", "H04L5/00"],
    },
    "CN1000002A": {
        "title": "专利二",
        "kind": "invention",
        "legal_status": "valid",
        "country": "CN",
        "filing_date": "2020-05-01",
        "ipc": ["H04W72/04"],
    },
    "CN1000003U": {
        "title": "专利三",
        "kind": "utility_model",
        "legal_status": "valid",
        "country": "CN",
        "filing_date": "2020-06-01",
        "ipc": ["H04W72/04"],
    },
    "US1000004B2": {
        "title": "专利四",
        "kind": "invention",
        "legal_status": "valid",
        "country": "US",
        "filing_date": "2021-01-01",
        "ipc": ["H04L5/00"],
    },
    "CN1000005A": {
        "title": "专利五",
        "kind": "invention",
        "legal_status": "lapsed",
        "country": "CN",
        "filing_date": "2021-02-01",
        "ipc": ["G06F16/36"],
    },
}
APPLICANTS = {
    A1: ["CN1000001A", "CN1000003U"],
    B: ["CN1000002A", "CN1000003U", "US1000004B2"],
    C: ["CN1000005A"],
}


def load(store: GraphStore) -> None:
    store.ensure_schema()
    store.upsert_nodes(
        NodeLabel.PATENT, [NodeRow(pid, props, SOURCE) for pid, props in PATENTS.items()]
    )
    store.upsert_nodes(
        NodeLabel.ORGANIZATION,
        [NodeRow(name, {"name": name}, SOURCE) for name in (GROUP, A1, B, C)],
    )
    store.upsert_nodes(NodeLabel.PERSON, [NodeRow(PERSON, {"name": "张三"}, SOURCE)])
    store.upsert_nodes(NodeLabel.STANDARD, [NodeRow(STANDARD, {"body": "3GPP"}, SOURCE)])
    store.upsert_nodes(
        NodeLabel.CONTRACT, [NodeRow(CONTRACT, {"title": "专利实施许可合同"}, SOURCE)]
    )
    codes = sorted({code for props in PATENTS.values() for code in props["ipc"]})  # type: ignore[union-attr]
    store.upsert_nodes(NodeLabel.IPC, [NodeRow(code, {}, SOURCE) for code in codes])
    edges: dict[EdgeType, list[EdgeRow]] = {
        EdgeType.SUBSIDIARY_OF: [EdgeRow(A1, GROUP, {"stake": 1.0}, SOURCE)],
        EdgeType.APPLICANT_OF: [
            EdgeRow(org, pid, {"order": 1}, SOURCE)
            for org, pids in APPLICANTS.items()
            for pid in pids
        ],
        EdgeType.INVENTOR_OF: [
            EdgeRow(PERSON, "CN1000001A", {"order": 1}, SOURCE),
            EdgeRow(PERSON, "CN1000002A", {"order": 1}, SOURCE),
        ],
        EdgeType.CITES: [EdgeRow("US1000004B2", "CN1000001A", {"field": "description"}, SOURCE)],
        EdgeType.MENTIONS_STANDARD: [
            EdgeRow("CN1000001A", STANDARD, {"field": "claims", "start": 3, "end": 17}, SOURCE),
            EdgeRow("CN1000002A", STANDARD, {"field": "abstract", "start": 8, "end": 22}, SOURCE),
        ],
        EdgeType.PARTY_TO: [
            EdgeRow(A1, CONTRACT, {"role": "licensor"}, SOURCE),
            EdgeRow(B, CONTRACT, {"role": "licensee"}, SOURCE),
        ],
        EdgeType.COVERS: [EdgeRow(CONTRACT, "CN1000001A", {"order": 1}, SOURCE)],
        EdgeType.CLASSIFIED_AS: [
            EdgeRow(pid, code, {"order": n}, SOURCE)
            for pid, props in PATENTS.items()
            for n, code in enumerate(props["ipc"], start=1)  # type: ignore[arg-type]
        ],
    }
    for edge_type, rows in edges.items():
        store.upsert_edges(edge_type, rows)
