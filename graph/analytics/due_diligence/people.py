"""People: key inventors by patents and citations; (confidential) who left, bound by which
non-compete, with access to which secrets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from graph.analytics.due_diligence.model import (
    EXPAND_LIMIT,
    Evidence,
    Inventor,
    Report,
    RiskFlag,
    expand,
)
from graph.model import EdgeType, InventorStat, Link, NodeKey, NodeLabel
from graph.store import GraphStore

KEY_INVENTORS = 10


def add_inventors(
    store: GraphStore,
    report: Report,
    orgs: set[str],
    stats: Sequence[InventorStat],
    confidential: bool,
    today: dt.date,
) -> None:
    """Key inventors by their patents in the portfolio (a person as same_person_at_target sees
    them), with the citations those patents received: `stats`, counted in the store
    (TargetQueries.inventor_stats)."""
    report.inventors = [Inventor(s.person, s.name, s.patents, s.citations) for s in stats]
    if confidential:
        _departures(store, report, orgs, today)


def same_person_at_target(person_id: str) -> str:
    """One row per name and employer: the resolver keeps a same-name mention it could not
    join with two kinds of evidence apart (`张伟@公司~2`), but inside one target's report a
    张伟 of the same company is listed once, with all their patents (the stores' inventor_stats
    apply the same rule)."""
    return person_id.split("~", 1)[0]


def _departures(store: GraphStore, report: Report, orgs: set[str], today: dt.date) -> None:
    """Key inventors who left, their non-competes and the secrets they could access; and anyone
    else in the people register who left with access to a secret."""
    inventors = {i.id: i for i in report.inventors}
    employed = store.expand(
        [NodeKey(NodeLabel.ORGANIZATION, o) for o in sorted(orgs)],
        {EdgeType.EMPLOYED_BY},
        EXPAND_LIMIT,
    )
    people = sorted({lk.src.id for lk in employed} | set(inventors))
    person_links = expand(
        store,
        NodeLabel.PERSON,
        people,
        frozenset({EdgeType.EMPLOYED_BY, EdgeType.NON_COMPETE, EdgeType.HAS_ACCESS}),
    )
    by_person: dict[str, list[Link]] = defaultdict(list)
    for link in person_links:
        by_person[link.src.id].append(link)
    for person in people:
        own = by_person.get(person, [])
        left = [
            lk
            for lk in own
            if lk.type is EdgeType.EMPLOYED_BY
            and lk.dst.id in orgs
            and str(lk.props.get("end") or "9999") <= today.isoformat()
        ]
        if not left:
            continue
        non_competes = [lk for lk in own if lk.type is EdgeType.NON_COMPETE and lk.dst.id in orgs]
        until = max((str(lk.props.get("until", "")) for lk in non_competes), default="") or None
        secrets = sorted(lk.dst.id for lk in own if lk.type is EdgeType.HAS_ACCESS)
        name = left[0].src_name
        bound = until is not None and until >= today.isoformat()
        if person in inventors:
            inventor = inventors[person]
            inventor.left_on, inventor.non_compete_until, inventor.secrets = (
                str(left[0].props["end"]),
                until,
                secrets,
            )
            report.flags.append(
                RiskFlag(
                    "KEY_INVENTOR_LEFT",
                    "medium" if bound else "high",
                    f"核心发明人 {name} 已于 {left[0].props['end']} 离职"
                    + (f"，竞业限制至 {until}" if bound else "，无有效竞业限制"),
                    [Evidence.of(lk) for lk in left + non_competes],
                )
            )
        if secrets:
            report.flags.append(
                RiskFlag(
                    "SECRET_ACCESS_LEFT",
                    "medium" if bound else "high",
                    f"{name} 离职前可接触 {len(secrets)} 项商业秘密"
                    + ("" if bound else "，且无有效竞业限制"),
                    [Evidence.of(lk) for lk in own if lk.type is EdgeType.HAS_ACCESS]
                    + [Evidence.of(lk) for lk in left],
                )
            )
