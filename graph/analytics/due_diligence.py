"""Due diligence: the IP picture of a company (and its subsidiaries) with risks and evidence.

Every figure comes from the graph through the store primitives, so both stores give the same
report. Risk flags each carry a code, a severity, a one-line reason and the edges or nodes they
rest on (with the documents those were read from).

Score (docs/DUE_DILIGENCE.md): 100 minus 15 per high, 5 per medium and 2 per low flag, never
below 0. It ranks targets and says where to look; it is not a valuation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.analytics.sep import portfolio_by_standard
from graph.groups import group_members
from graph.model import EdgeType, Link, NodeKey, NodeLabel, PatentFacts
from graph.store import GraphStore

WEIGHTS = {"high": 15, "medium": 5, "low": 2}
_EXCLUSIVITY_ZH = {"exclusive": "独占", "sole": "排他"}
_CASE_ZH = {"infringement": "侵权", "invalidation": "无效宣告", "ownership": "权属"}
EXPAND_LIMIT = 100_000
KEY_INVENTORS = 10
# Terms of protection in China, in years from filing (designs filed from 2021-06-01: 15).
TERMS = {"invention": 20, "utility_model": 10, "design": 10}
DESIGN_15_FROM = "2021-06-01"


@dataclass(frozen=True)
class Evidence:
    type: str  # an edge type, or a node label
    source: str
    target: str | None
    properties: dict[str, object]
    documents: list[str]

    @classmethod
    def of(cls, link: Link) -> Evidence:
        return cls(link.type.value, link.src.id, link.dst.id, dict(link.props), link.sources)


@dataclass(frozen=True)
class RiskFlag:
    code: str
    severity: str  # high, medium, low
    reason: str
    evidence: list[Evidence]


@dataclass
class Inventor:
    id: str
    name: str
    patents: int
    citations: int
    left_on: str | None = None  # confidential: from the people register
    non_compete_until: str | None = None
    secrets: list[str] = field(default_factory=list)


@dataclass
class Report:
    organization: str
    members: list[str]
    as_of: str
    years: int
    confidential: bool
    assets: dict[str, object] = field(default_factory=dict)
    ownership: dict[str, object] = field(default_factory=dict)
    encumbrances: dict[str, list[Evidence]] = field(default_factory=dict)
    disputes: list[dict[str, object]] = field(default_factory=list)
    seps: dict[str, list[str]] = field(default_factory=dict)
    inventors: list[Inventor] = field(default_factory=list)
    trade_secrets: list[dict[str, object]] | None = None
    flags: list[RiskFlag] = field(default_factory=list)
    score: int = 100


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
    ours = {f.id for f in facts}
    patent_links = _expand(store, NodeLabel.PATENT, sorted(ours), _PATENT_EDGES)
    org_links = _expand(store, NodeLabel.ORGANIZATION, orgs, _org_edges(confidential))
    _assets(report, facts, today)
    _ownership(report, set(orgs), ours, patent_links)
    _encumbrances(report, set(orgs), ours, patent_links, org_links, today)
    _disputes(store, report, patent_links)
    report.seps = {
        standard: sorted(m for f in families for m in f.members)
        for standard, families in portfolio_by_standard(store, orgs).items()
    }
    _inventors(store, report, set(orgs), ours, patent_links, confidential, today)
    if confidential:
        _secrets(store, report, org_links)
    report.flags.sort(key=lambda f: (-WEIGHTS[f.severity], f.code, f.reason))
    report.score = max(0, 100 - sum(WEIGHTS[f.severity] for f in report.flags))
    return report


_PATENT_EDGES = frozenset(
    {
        EdgeType.APPLICANT_OF,
        EdgeType.LICENSED_TO,
        EdgeType.PLEDGED_TO,
        EdgeType.TRANSFERRED_TO,
        EdgeType.CONCERNS,
        EdgeType.INVENTOR_OF,
        EdgeType.CITES,
    }
)


def _org_edges(confidential: bool) -> frozenset[EdgeType]:
    public = {EdgeType.LICENSED_TO, EdgeType.TRANSFERRED_TO, EdgeType.PLEDGED_TO}
    private = {EdgeType.HOLDS_SECRET, EdgeType.EMPLOYED_BY, EdgeType.NON_COMPETE}
    return frozenset(public | private) if confidential else frozenset(public)


def _expand(
    store: GraphStore, label: NodeLabel, ids: Sequence[str], types: frozenset[EdgeType]
) -> list[Link]:
    keys = [NodeKey(label, i) for i in ids]
    return store.expand(keys, types, EXPAND_LIMIT) if keys else []


def _expiry(fact: PatentFacts) -> str | None:
    if not fact.filing_date or fact.kind not in TERMS:
        return None
    years = TERMS[fact.kind]
    if fact.kind == "design" and fact.filing_date >= DESIGN_15_FROM:
        years = 15
    filed = dt.date.fromisoformat(fact.filing_date)
    try:
        return filed.replace(year=filed.year + years).isoformat()
    except ValueError:  # 29 February
        return filed.replace(year=filed.year + years, day=28).isoformat()


def _assets(report: Report, facts: list[PatentFacts], today: dt.date) -> None:
    horizon = today.replace(year=today.year + report.years).isoformat()
    valid = [f for f in facts if f.legal_status == "valid"]
    expiring = sorted((f.id, e) for f in valid if (e := _expiry(f)) is not None and e <= horizon)
    report.assets = {
        "patents": len(facts),
        "by_kind": dict(sorted(Counter(f.kind or "unknown" for f in facts).items())),
        "by_status": dict(sorted(Counter(f.legal_status or "unknown" for f in facts).items())),
        "by_country": dict(sorted(Counter(f.country or "unknown" for f in facts).items())),
        "by_grade": dict(sorted(Counter(f.grade or "ungraded" for f in facts).items())),
        "valid": len(valid),
        "lapsed": sum(1 for f in facts if f.legal_status == "lapsed"),
        "expiring": [{"patent": p, "expires": e} for p, e in expiring],
    }
    if expiring:
        severity = "medium" if len(expiring) * 4 >= max(1, len(valid)) else "low"
        report.flags.append(
            RiskFlag(
                "EXPIRING",
                severity,
                f"{len(valid)} 件有效专利中有 {len(expiring)} 件将在 {report.years} 年内到期",
                [Evidence("Patent", p, None, {"expires": e}, []) for p, e in expiring],
            )
        )


def _ownership(report: Report, orgs: set[str], ours: set[str], links: list[Link]) -> None:
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


def _encumbrances(
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
        "transfers_in": [Evidence.of(lk) for lk in transfers if lk.dst.id in orgs],
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


def _disputes(store: GraphStore, report: Report, links: list[Link]) -> None:
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


def _inventors(
    store: GraphStore,
    report: Report,
    orgs: set[str],
    ours: set[str],
    links: list[Link],
    confidential: bool,
    today: dt.date,
) -> None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    cited: Counter[str] = Counter(
        lk.dst.id for lk in links if lk.type is EdgeType.CITES and lk.dst.id in ours
    )
    authored: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.type is EdgeType.INVENTOR_OF and link.dst.id in ours:
            counts[link.src.id] += 1
            names[link.src.id] = link.src_name
            authored[link.src.id].add(link.dst.id)
    ranked = sorted(counts, key=lambda p: (-counts[p], p))[:KEY_INVENTORS]
    report.inventors = [
        Inventor(p, names[p], counts[p], sum(cited[x] for x in authored[p])) for p in ranked
    ]
    if confidential:
        _departures(store, report, orgs, today)


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
    person_links = _expand(
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


def _secrets(store: GraphStore, report: Report, org_links: list[Link]) -> None:
    held = sorted({lk.dst.id for lk in org_links if lk.type is EdgeType.HOLDS_SECRET})
    secrets: list[dict[str, object]] = []
    for secret_id in held:
        node = store.get_node(NodeLabel.TRADE_SECRET, secret_id)
        props = dict(node.props) if node else {}
        secrets.append({"id": secret_id, "name": props.get("name"), "grade": props.get("grade")})
    report.trade_secrets = secrets
