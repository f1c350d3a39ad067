"""Disputes: cases concerning the portfolio; a pending one is a high risk."""

from __future__ import annotations

from collections import defaultdict

from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.model import EdgeType, Link, NodeLabel
from graph.store import GraphStore

_CASE_ZH = {"infringement": "侵权", "invalidation": "无效宣告", "ownership": "权属"}


def add_disputes(store: GraphStore, report: Report, links: list[Link]) -> None:
    by_case: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        if link.type is EdgeType.CONCERNS:
            by_case[link.src.id].append(link)
    for case_id, case_links in sorted(by_case.items()):
        node = store.get_node(NodeLabel.CASE, case_id)
        props = dict(node.props) if node else {}
        patents = sorted(lk.dst.id for lk in case_links)
        report.disputes.append({"case": case_id, **props, "patents": patents})
        if props.get("status") == "pending":
            report.flags.append(
                RiskFlag(
                    "DISPUTE_PENDING",
                    "high",
                    f"{case_id}（{_CASE_ZH.get(str(props.get('type')), '案件')}）审理中，"
                    f"涉及 {'、'.join(patents)}",
                    [Evidence.of(lk) for lk in case_links],
                )
            )
