"""Trade secrets held by the group (confidential section)."""

from __future__ import annotations

from graph.analytics.due_diligence.model import Report
from graph.model import EdgeType, Link, NodeLabel
from graph.store import GraphStore


def add_secrets(store: GraphStore, report: Report, org_links: list[Link]) -> None:
    held = sorted({lk.dst.id for lk in org_links if lk.type is EdgeType.HOLDS_SECRET})
    secrets: list[dict[str, object]] = []
    for secret_id in held:
        node = store.get_node(NodeLabel.TRADE_SECRET, secret_id)
        props = dict(node.props) if node else {}
        secrets.append({"id": secret_id, "name": props.get("name"), "grade": props.get("grade")})
    report.trade_secrets = secrets
