"""Due diligence: the IP picture of a company (and its subsidiaries) with risks and evidence.

Every figure comes from the graph through the store primitives, so both stores give the same
report. Risk flags each carry a code, a severity, a one-line reason and the edges or nodes they
rest on (with the documents those were read from).

Score (docs/DUE_DILIGENCE.md): 100 minus 15 per high, 5 per medium and 2 per low flag, never
below 0. It ranks targets and says where to look; it is not a valuation.

Each section is computed by its own module of this package (assets, ownership, encumbrances,
disputes, people, secrets); this one puts them together and scores.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from domain.access import policy_for
from graph.analytics.due_diligence.assets import add_assets
from graph.analytics.due_diligence.disputes import add_disputes
from graph.analytics.due_diligence.encumbrances import add_encumbrances
from graph.analytics.due_diligence.model import (
    WEIGHTS,
    Evidence,
    Inventor,
    Report,
    RiskFlag,
    expand,
)
from graph.analytics.due_diligence.ownership import add_ownership
from graph.analytics.due_diligence.people import KEY_INVENTORS, add_inventors
from graph.analytics.due_diligence.secrets import add_secrets
from graph.analytics.ledger import acquired_facts
from graph.analytics.sep import portfolio_by_standard
from graph.groups import group_members
from graph.model import EdgeType, NodeLabel
from graph.store import GraphStore

__all__ = ["WEIGHTS", "Evidence", "Inventor", "Report", "RiskFlag", "due_diligence"]


def due_diligence(
    store: GraphStore,
    org_id: str,
    *,
    with_subsidiaries: bool = True,
    years: int = 5,
    as_of: dt.date | None = None,
    confidential: bool = False,
) -> Report:
    today = as_of or dt.date.today()
    orgs = group_members(store, org_id, with_subsidiaries=with_subsidiaries)
    report = Report(org_id, orgs, today.isoformat(), years, confidential)
    facts = list({f.id: f for f in store.portfolio(orgs)}.values())
    facts += acquired_facts(store, orgs, {f.id for f in facts}, today)
    ours = {f.id for f in facts}
    listed = sorted(ours)
    # Only the few encumbrance and dispute edges of the patents are read whole; applicants
    # from outside and inventors come filtered and aggregated from the store. The four reads
    # are independent: sent together, the server works on them while the driver decodes.
    with ThreadPoolExecutor(max_workers=4) as pool:
        patent_reads = pool.submit(expand, store, NodeLabel.PATENT, listed, PATENT_EDGES)
        org_reads = pool.submit(
            expand, store, NodeLabel.ORGANIZATION, orgs, org_edges(confidential)
        )
        outside_reads = pool.submit(store.outside_links, EdgeType.APPLICANT_OF, listed, orgs)
        inventor_reads = pool.submit(store.inventor_stats, listed, KEY_INVENTORS)
        patent_links, org_links = patent_reads.result(), org_reads.result()
        outside, inventors = outside_reads.result(), inventor_reads.result()
    add_assets(report, facts, today)
    add_ownership(store, report, set(orgs), ours, outside, today)
    add_encumbrances(store, report, set(orgs), ours, patent_links, org_links, today)
    add_disputes(store, report, patent_links)
    report.seps = {
        standard: sorted(m for f in families for m in f.members)
        for standard, families in portfolio_by_standard(store, orgs).items()
    }
    add_inventors(store, report, set(orgs), inventors, confidential, today)
    if confidential:
        add_secrets(store, report, org_links)
    report.flags.sort(key=lambda f: (-WEIGHTS[f.severity], f.code, f.reason))
    report.score = max(0, 100 - sum(WEIGHTS[f.severity] for f in report.flags))
    return report


PATENT_EDGES = frozenset(
    {EdgeType.LICENSED_TO, EdgeType.PLEDGED_TO, EdgeType.TRANSFERRED_TO, EdgeType.CONCERNS}
)


def org_edges(confidential: bool) -> frozenset[EdgeType]:
    """What the report reads around the group's organisations: what the access policy lets the
    report's reader see (the register's edges only for dd and admin)."""
    wanted = {
        EdgeType.LICENSED_TO,
        EdgeType.TRANSFERRED_TO,
        EdgeType.PLEDGED_TO,
        EdgeType.HOLDS_SECRET,
        EdgeType.EMPLOYED_BY,
        EdgeType.NON_COMPETE,
    }
    return policy_for(confidential).visible_edges(wanted)
