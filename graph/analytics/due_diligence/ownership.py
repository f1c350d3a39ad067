"""Ownership: sole and co-owned patents (a co-owner must consent to licences and transfers)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from domain.as_of import covers, owned_on
from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.analytics.ledger import MAX_EDGES, contract_grantors
from graph.model import EdgeType, Link, NodeKey, NodeLabel
from graph.store import GraphReader


def add_ownership(
    store: GraphReader,
    report: Report,
    orgs: set[str],
    ours: set[str],
    links: list[Link],
    today: dt.date,
) -> None:
    """`links`: the APPLICANT_OF edges into `ours` from outside `orgs` (the only applicants
    that can make a patent co-owned)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.type is EdgeType.APPLICANT_OF and link.dst.id in ours:
            owners[link.dst.id].add(link.src.id)
    gone = former_owners_of(store, sorted(owners), orgs, today)
    for patent in owners:
        owners[patent] -= gone.get(patent, set())
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


def former_owners_of(
    store: GraphReader, patents: Sequence[str], orgs: set[str], day: dt.date
) -> dict[str, set[str]]:
    """Per patent, the applicants who no longer owned it on `day`: their OWNS period ended (a
    gazette transfer), or they assigned it to one of `orgs` by a contract dated by then. One
    expand for all the patents."""
    gone: dict[str, set[str]] = defaultdict(set)
    keys = [NodeKey(NodeLabel.PATENT, p) for p in patents]
    links = store.expand(keys, {EdgeType.OWNS, EdgeType.TRANSFERRED_TO}, MAX_EDGES) if keys else []
    for link in links:
        if link.type is EdgeType.OWNS and not owned_on(link.props, day):
            gone[link.dst.id].add(link.src.id)
        elif (
            link.type is EdgeType.TRANSFERRED_TO
            and link.dst.id in orgs
            and covers(link.props.get("date"), None, day)
        ):
            grantors = contract_grantors(store, link.props.get("contract"))
            gone[link.src.id] |= {pid for pid, _ in grantors}
    return {patent: ids - orgs for patent, ids in gone.items()}
