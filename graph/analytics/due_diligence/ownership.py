"""Ownership: sole and co-owned patents (a co-owner must consent to licences and transfers)."""

from __future__ import annotations

from collections import defaultdict

from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.model import EdgeType, Link


def add_ownership(report: Report, orgs: set[str], ours: set[str], links: list[Link]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.type is EdgeType.APPLICANT_OF and link.dst.id in ours:
            owners[link.dst.id].add(link.src.id)
    co_owned = {p: sorted(o - orgs) for p, o in owners.items() if o - orgs}
    report.ownership = {
        "sole": sorted(p for p in ours if p not in co_owned),
        "co_owned": [{"patent": p, "with": w} for p, w in sorted(co_owned.items())],
    }
    if co_owned:
        evidence = [
            Evidence.of(link)
            for link in links
            if link.type is EdgeType.APPLICANT_OF
            and link.dst.id in co_owned
            and link.src.id not in orgs
        ]
        report.flags.append(
            RiskFlag(
                "CO_OWNED",
                "medium",
                f"{len(co_owned)} 件专利为共有：实施许可或转让须经共有人同意",
                evidence,
            )
        )
