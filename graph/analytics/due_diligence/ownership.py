"""Ownership: sole and co-owned patents (a co-owner must consent to licences and transfers)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from domain.as_of import covers, owned_on
from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.analytics.ledger import MAX_EDGES, contract_grantors
from graph.model import Direction, EdgeType, Link
from graph.store import GraphReader


def add_ownership(
    store: GraphReader,
    report: Report,
    orgs: set[str],
    ours: set[str],
    links: list[Link],
    today: dt.date,
) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.type is EdgeType.APPLICANT_OF and link.dst.id in ours:
            owners[link.dst.id].add(link.src.id)
    for patent in owners:
        owners[patent] -= former_owners(store, patent, orgs, today)
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


def former_owners(store: GraphReader, patent: str, orgs: set[str], day: dt.date) -> set[str]:
    """Applicants who no longer owned the patent on `day`: their OWNS period ended (a gazette
    transfer), or they assigned it to one of `orgs` by a contract dated by then."""
    gone = {
        o.id
        for o in store.neighbours(EdgeType.OWNS, patent, Direction.IN, MAX_EDGES)
        if not owned_on(o.edge, day)
    }
    for transfer in store.neighbours(EdgeType.TRANSFERRED_TO, patent, Direction.OUT, MAX_EDGES):
        if transfer.id in orgs and covers(transfer.edge.get("date"), None, day):
            gone |= {pid for pid, _ in contract_grantors(store, transfer.edge.get("contract"))}
    return gone - orgs
