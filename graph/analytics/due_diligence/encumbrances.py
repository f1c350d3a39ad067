"""Encumbrances: pledges, licences granted and taken, transfers in and out."""

from __future__ import annotations

import datetime as dt

from graph.analytics.due_diligence.model import Evidence, Report, RiskFlag
from graph.analytics.ledger import contract_grantors
from graph.model import EdgeType, Link
from graph.store import GraphReader

_EXCLUSIVITY_ZH = {"exclusive": "独占", "sole": "排他"}


def _from_counterparty(store: GraphReader, link: Link, orgs: set[str]) -> Evidence:
    """A transfer in, shown with whom it came from (the contract's transferor), never with the
    target as its own counterparty."""
    grantors = [
        name
        for pid, name in contract_grantors(store, link.props.get("contract"))
        if pid not in orgs
    ]
    evidence = Evidence.of(link)
    counterparty = "、".join(grantors) if grantors else None
    props = {**evidence.properties, "transferee": link.dst_name}
    return Evidence(evidence.type, evidence.source, counterparty, props, evidence.documents)


def _intra_group(store: GraphReader, link: Link, orgs: set[str]) -> bool:
    grantors = {pid for pid, _ in contract_grantors(store, link.props.get("contract"))}
    return bool(grantors) and grantors <= orgs


def add_encumbrances(
    store: GraphReader,
    report: Report,
    orgs: set[str],
    ours: set[str],
    patent_links: list[Link],
    org_links: list[Link],
    today: dt.date,
) -> None:
    def current(link: Link) -> bool:
        end = link.props.get("end")
        return not isinstance(end, str) or end >= today.isoformat()

    granted = [
        lk
        for lk in patent_links
        if lk.type is EdgeType.LICENSED_TO and lk.src.id in ours and lk.dst.id not in orgs
    ]
    taken = [
        lk
        for lk in org_links
        if lk.type is EdgeType.LICENSED_TO and lk.dst.id in orgs and lk.src.id not in ours
    ]
    pledged = [lk for lk in patent_links if lk.type is EdgeType.PLEDGED_TO and lk.src.id in ours]
    # Transfers to us are found from our side (the patent may still list its first applicant);
    # transfers away from our patents from theirs.
    transfers = {
        (lk.src, lk.dst): lk
        for lk in [*patent_links, *org_links]
        if lk.type is EdgeType.TRANSFERRED_TO
    }.values()
    report.encumbrances = {
        "pledges": [Evidence.of(lk) for lk in pledged],
        "licenses_granted": [Evidence.of(lk) for lk in granted],
        "licenses_taken": [Evidence.of(lk) for lk in taken],
        "transfers_in": [
            _from_counterparty(store, lk, orgs)
            for lk in transfers
            if lk.dst.id in orgs and not _intra_group(store, lk, orgs)
        ],
        # between two members of the group: neither in nor out, and no risk
        "intra_group": [
            Evidence.of(lk)
            for lk in transfers
            if lk.dst.id in orgs and _intra_group(store, lk, orgs)
        ],
        "transfers_out": [Evidence.of(lk) for lk in transfers if lk.dst.id not in orgs],
    }
    for link in pledged:
        if current(link):
            report.flags.append(
                RiskFlag(
                    "PLEDGED",
                    "high",
                    f"{link.src.id} 已质押给 {link.dst_name}，"
                    f"质押期至 {link.props.get('end', '未约定')}",
                    [Evidence.of(link)],
                )
            )
    for link in granted:
        exclusivity = link.props.get("exclusivity")
        if exclusivity in ("exclusive", "sole") and current(link):
            report.flags.append(
                RiskFlag(
                    "EXCLUSIVE_LICENSE_OUT",
                    "high" if exclusivity == "exclusive" else "medium",
                    f"{link.src.id} 已{_EXCLUSIVITY_ZH[str(exclusivity)]}许可给 {link.dst_name}，"
                    f"至 {link.props.get('end', '未约定')}：收购方无法自行实施",
                    [Evidence.of(link)],
                )
            )
    if taken:
        report.flags.append(
            RiskFlag(
                "LICENSES_TAKEN",
                "medium",
                f"被许可实施他人专利 {len(taken)} 项：业务依赖他人知识产权",
                [Evidence.of(lk) for lk in taken],
            )
        )
    transfers_in = report.encumbrances["transfers_in"]
    if transfers_in:
        report.flags.append(
            RiskFlag(
                "TRANSFERRED_IN",
                "low",
                f"{len(transfers_in)} 件专利或申请系受让取得：需核查著录项目变更与权属链条",
                list(transfers_in),
            )
        )
