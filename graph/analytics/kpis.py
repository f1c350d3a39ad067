"""Group KPIs: the figures SASAC guidance on IP work in central enterprises judges a group by,
for the group as a whole (each patent once) and for each member.

- invention share: invention patents among valid patents (target: at least 50%);
- valid patents abroad: in the US, in Japan, in Europe (EP and the EU member states);
- patents by grade (the `grade` property; "ungraded" without one);
- filings per year and kind;
- Madrid trademark registrations: reported as unknown (None) until a trademark register is
  loaded; no figure is invented.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.analytics.ledger import ledger_facts, members_as_of
from graph.groups import group_members
from graph.model import EdgeType, FactCount, NodeKey, NodeLabel, PatentFacts
from graph.store import GraphStore

INVENTION_SHARE_TARGET = 0.5
EUROPE = frozenset(
    [
        "EP",
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


@dataclass
class Kpis:
    org: str
    patents: int = 0
    valid: int = 0
    valid_inventions: int = 0
    invention_share: float | None = None  # None when there is no valid patent
    meets_invention_target: bool | None = None
    valid_abroad: dict[str, int] = field(default_factory=dict)  # US, JP, EU
    by_grade: dict[str, int] = field(default_factory=dict)
    filings_by_year: dict[str, dict[str, int]] = field(default_factory=dict)
    madrid_registrations: int | None = None


@dataclass
class GroupKpis:
    group: Kpis
    members: list[Kpis]


def group_kpis(
    store: GraphStore,
    org_id: str,
    *,
    with_subsidiaries: bool = True,
    as_of: dt.date | None = None,
) -> GroupKpis:
    """Counted on what the members owned (the ledger, domain/as_of.py) on `as_of` (today's
    state when None), with the members the group held that day; a patent that moved between
    two members, or that two members co-own, counts once for the group."""
    if as_of is not None and with_subsidiaries:
        orgs = members_as_of(store, org_id, as_of)
    else:
        orgs = group_members(store, org_id, with_subsidiaries=with_subsidiaries)
    if as_of is None and not _any_owns(store, orgs):
        # Without a ledger the owned patents are the filed ones (ledger_facts returns them
        # unchanged): the same figures from counts grouped in the store, a few hundred rows
        # instead of one per patent.
        return _kpis_from_store_counts(store, org_id, orgs)
    facts = ledger_facts(store, orgs, store.portfolio(orgs), as_of)
    whole = kpis(org_id, list({f.id: f for f in facts}.values()))
    # Members listed by id, the group's own organisation among them.
    per_member = [kpis(org, [f for f in facts if f.owner == org]) for org in sorted(orgs)]
    return GroupKpis(whole, per_member)


def _any_owns(store: GraphStore, orgs: Sequence[str]) -> bool:
    """Whether any of `orgs` has an OWNS edge (the ledger): two queries for all of them."""
    keys = [NodeKey(NodeLabel.ORGANIZATION, org) for org in orgs]
    return any(link.type is EdgeType.OWNS for link in store.expand(keys, {EdgeType.OWNS}, 1))


def _kpis_from_store_counts(store: GraphStore, org_id: str, orgs: Sequence[str]) -> GroupKpis:
    rows = store.portfolio_counts(orgs)
    by_owner: dict[str | None, list[FactCount]] = {}
    for row in rows:
        by_owner.setdefault(row.owner, []).append(row)
    whole = kpis_from_counts(org_id, by_owner.get(None, []))
    per_member = [kpis_from_counts(org, by_owner.get(org, [])) for org in sorted(orgs)]
    return GroupKpis(whole, per_member)


def kpis(org: str, facts: Sequence[PatentFacts]) -> Kpis:
    valid = [f for f in facts if f.legal_status == "valid"]
    inventions = sum(1 for f in valid if f.kind == "invention")
    share = inventions / len(valid) if valid else None
    years: dict[str, Counter[str]] = {}
    for fact in facts:
        year = (fact.filing_date or "")[:4] or "unknown"
        years.setdefault(year, Counter())[fact.kind or "unknown"] += 1
    return Kpis(
        org=org,
        patents=len(facts),
        valid=len(valid),
        valid_inventions=inventions,
        invention_share=share,
        meets_invention_target=None if share is None else share >= INVENTION_SHARE_TARGET,
        valid_abroad={
            "US": sum(1 for f in valid if f.country == "US"),
            "JP": sum(1 for f in valid if f.country == "JP"),
            "EU": sum(1 for f in valid if f.country in EUROPE),
        },
        by_grade=dict(sorted(Counter(f.grade or "ungraded" for f in facts).items())),
        filings_by_year={y: dict(sorted(c.items())) for y, c in sorted(years.items())},
    )


def kpis_from_counts(org: str, rows: Sequence[FactCount]) -> Kpis:
    """The same figures as `kpis`, from counts per (kind, status, country, grade, year)."""
    valid = [r for r in rows if r.legal_status == "valid"]
    valid_total = sum(r.patents for r in valid)
    inventions = sum(r.patents for r in valid if r.kind == "invention")
    share = inventions / valid_total if valid_total else None
    grades: Counter[str] = Counter()
    years: dict[str, Counter[str]] = {}
    for row in rows:
        grades[row.grade or "ungraded"] += row.patents
        years.setdefault(row.year or "unknown", Counter())[row.kind or "unknown"] += row.patents
    return Kpis(
        org=org,
        patents=sum(r.patents for r in rows),
        valid=valid_total,
        valid_inventions=inventions,
        invention_share=share,
        meets_invention_target=None if share is None else share >= INVENTION_SHARE_TARGET,
        valid_abroad={
            "US": sum(r.patents for r in valid if r.country == "US"),
            "JP": sum(r.patents for r in valid if r.country == "JP"),
            "EU": sum(r.patents for r in valid if r.country in EUROPE),
        },
        by_grade=dict(sorted(grades.items())),
        filings_by_year={y: dict(sorted(c.items())) for y, c in sorted(years.items())},
    )
