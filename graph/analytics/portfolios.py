"""Portfolio comparisons: competitors by IPC overlap, head-to-head in a field, white space,
citation flows, and everything that links two organisations (or a group and a company).

Competitor ranking (documented in docs/GRAPH_QUERIES.md): each organisation is a vector of
patent counts per IPC subgroup (G06F16/36), a patent counting once in each of its codes; two
organisations are as close as the cosine of their vectors. Candidates are the organisations
with at least one patent in one of the target's codes; the explanation is the shared codes,
largest overlap (the smaller of the two counts) first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from graph.model import EdgeType, IpcShare, Link, NodeKey, NodeLabel, PatentFacts
from graph.store import AggregateQueries, GraphStore, PortfolioQueries

CANDIDATES = 50  # full profiles are read for this many best-sharing candidates
# Candidates are sought through every code of a profile of up to SEEK_ALL_CODES codes; a
# larger one (a giant files in thousands) is sought through its heaviest codes, enough of them
# that the codes left out hold at most TAIL_NORM of its norm.
SEEK_ALL_CODES = 256
TAIL_NORM = 0.1
EXPAND_LIMIT = 100_000


def ipc_profile(facts: Sequence[PatentFacts]) -> Counter[str]:
    seen: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        for code in fact.ipc:
            seen[code].add(fact.id)
    return Counter({code: len(ids) for code, ids in seen.items()})


@dataclass(frozen=True)
class SharedCode:
    code: str
    ours: int
    theirs: int


@dataclass(frozen=True)
class Competitor:
    org: str
    name: str
    similarity: float
    shared_patents: int
    shared_codes: list[SharedCode]
    cites_them: int = 0  # CITES from our patents to theirs (maintained citation flows)
    cited_by_them: int = 0  # CITES from their patents to ours


@dataclass(frozen=True)
class CitationPartner:
    """An organisation outside ours that our patents cite or that cites them."""

    org: str
    name: str
    cites_them: int
    cited_by_them: int


def citation_partners(store: AggregateQueries, ours: Sequence[str]) -> list[CitationPartner]:
    """The maintained citation flows between `ours` (summed over the members; flows between
    members are left out) and every other organisation, most citations either way first."""
    members = set(ours)
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    names: dict[str, str] = {}
    for flow in store.citation_flows(sorted(members)):
        if flow.src in members and flow.dst not in members:
            out[flow.dst] += flow.citations
            names[flow.dst] = flow.dst_name
        elif flow.dst in members and flow.src not in members:
            into[flow.src] += flow.citations
            names[flow.src] = flow.src_name
    partners = [CitationPartner(org, name, out[org], into[org]) for org, name in names.items()]
    return sorted(partners, key=lambda p: (-(p.cites_them + p.cited_by_them), p.org))


def ranked_with_citations(
    store: GraphStore, ours: Sequence[str], *, top: int = 10
) -> tuple[list[Competitor], list[CitationPartner]]:
    """What a competitor view shows: the IPC-cosine ranking, each competitor with the
    citations between us and them, and every citation partner (most citations first). The two
    reads are independent and sent together: the server works on both at once."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        partners = pool.submit(citation_partners, store, ours)
        ranked = competitors(store, ours, top=top)
        return with_citations(ranked, partners.result()), partners.result()


def with_citations(
    ranked: Sequence[Competitor], partners: Sequence[CitationPartner]
) -> list[Competitor]:
    """Each competitor with the citations between us and them (0 when there are none)."""
    by_org = {p.org: p for p in partners}
    return [
        replace(c, cites_them=by_org[c.org].cites_them, cited_by_them=by_org[c.org].cited_by_them)
        if c.org in by_org
        else c
        for c in ranked
    ]


def competitors(
    store: PortfolioQueries, ours: Sequence[str], *, top: int = 10, explain: int = 5
) -> list[Competitor]:
    profile = _our_profile(store, ours)
    if not profile:
        return []
    if isinstance(store, AggregateQueries):
        return _scored_in_store(store, ours, profile, top, explain)
    excluded = set(ours)
    shared: Counter[str] = Counter()
    names: dict[str, str] = {}
    for share in _shares(store, seek_codes(profile)):
        if share.org not in excluded:
            shared[share.org] += share.patents
            names[share.org] = share.name
    candidates = sorted(shared, key=lambda org: (-shared[org], org))[:CANDIDATES]
    profiles = _profiles(store, candidates)
    ranked = [
        _competitor(org, names[org], profile, profiles.get(org, Counter()), explain)
        for org in candidates
    ]
    ranked.sort(key=lambda c: (-round(c.similarity, 12), c.org))
    return ranked[:top]


def _scored_in_store(
    store: AggregateQueries, ours: Sequence[str], profile: Counter[str], top: int, explain: int
) -> list[Competitor]:
    """The same ranking with the candidates scored by the store: only the top `top` have
    their profiles read, for the explanation."""
    norm = math.sqrt(sum(v * v for v in profile.values()))
    scored = store.competitor_candidates(
        dict(profile), ours, CANDIDATES, seek=seek_codes(profile)
    )
    similarity = {
        c.org: c.dot / (norm * math.sqrt(c.norm_sq)) if norm and c.norm_sq else 0.0 for c in scored
    }
    best = sorted(scored, key=lambda c: (-round(similarity[c.org], 12), c.org))[:top]
    profiles: dict[str, Counter[str]] = defaultdict(Counter)
    for share in store.org_ipc_counts([c.org for c in best]):
        profiles[share.org][share.code] = share.patents
    return [_competitor(c.org, c.name, profile, profiles[c.org], explain) for c in best]


def seek_codes(profile: Counter[str]) -> list[str]:
    """The codes competitor candidates are sought through: all of them up to SEEK_ALL_CODES,
    else the heaviest, until those left out hold at most TAIL_NORM of the profile's norm.
    Why that is safe: an organisation filing only in the codes left out has a similarity of
    at most TAIL_NORM (Cauchy-Schwarz on the left-out part), so no strong competitor is lost,
    and a giant's query reads its few hundred heavy codes' rows instead of all its codes'."""
    ranked = sorted(profile, key=lambda code: (-profile[code], code))
    if len(ranked) <= SEEK_ALL_CODES:
        return sorted(ranked)
    left_out = (TAIL_NORM**2) * sum(n * n for n in profile.values())
    tail = 0
    keep = len(ranked)
    while keep > SEEK_ALL_CODES and tail + profile[ranked[keep - 1]] ** 2 <= left_out:
        keep -= 1
        tail += profile[ranked[keep]] ** 2
    return sorted(ranked[:keep])


def _our_profile(store: PortfolioQueries, ours: Sequence[str]) -> Counter[str]:
    """One organisation's profile is maintained by the store (AggregateQueries); a group's,
    where a patent co-owned by two members counts once, is read from its portfolio."""
    if len(set(ours)) == 1 and isinstance(store, AggregateQueries):
        return Counter({s.code: s.patents for s in store.org_ipc_counts(ours)})
    return _profiles(store, ours, merge_as="ours").get("ours", Counter())


def _shares(store: PortfolioQueries, codes: Sequence[str]) -> list[IpcShare]:
    if isinstance(store, AggregateQueries):
        return store.ipc_code_counts(codes)
    return store.ipc_shares(codes)


def _profiles(
    store: PortfolioQueries, orgs: Sequence[str], *, merge_as: str | None = None
) -> dict[str, Counter[str]]:
    """Patents per IPC code for each organisation (maintained by the store when it can, else
    counted from the edges), or, with `merge_as`, for all of them together, a co-owned patent
    counting once: read from the portfolio then."""
    if merge_as is not None:
        return {merge_as: ipc_profile(store.portfolio(orgs))}
    profiles: dict[str, Counter[str]] = defaultdict(Counter)
    rows = (
        store.org_ipc_counts(orgs)
        if isinstance(store, AggregateQueries)
        else store.ipc_profiles(orgs)
    )
    for share in rows:
        profiles[share.org][share.code] = share.patents
    return profiles


def _competitor(
    org: str, name: str, ours: Counter[str], theirs: Counter[str], explain: int
) -> Competitor:
    codes = sorted(ours.keys() & theirs.keys())
    dot = sum(ours[c] * theirs[c] for c in codes)
    norm = math.sqrt(sum(v * v for v in ours.values())) * math.sqrt(
        sum(v * v for v in theirs.values())
    )
    explanation = sorted(
        (SharedCode(c, ours[c], theirs[c]) for c in codes),
        key=lambda s: (-min(s.ours, s.theirs), s.code),
    )
    return Competitor(
        org=org,
        name=name,
        similarity=dot / norm if norm else 0.0,
        shared_patents=sum(theirs[c] for c in codes),
        shared_codes=explanation[:explain],
    )


@dataclass(frozen=True)
class WhiteSpace:
    code: str
    theirs: int


def white_space(
    store: PortfolioQueries, ours: Sequence[str], theirs: Sequence[str], *, level: int = 4
) -> list[WhiteSpace]:
    """Codes (cut to `level` characters: 4 is the subclass H04W) where they file and we do not."""
    our_codes = {code[:level] for code in ipc_profile(store.portfolio(ours))}
    their_counts: Counter[str] = Counter()
    for fact in store.portfolio(theirs):
        for code in {c[:level] for c in fact.ipc}:
            their_counts[code] += 1
    gaps = [WhiteSpace(c, n) for c, n in their_counts.items() if c not in our_codes]
    return sorted(gaps, key=lambda g: (-g.theirs, g.code))


@dataclass
class Side:
    patents: int = 0
    valid: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)


def head_to_head(
    store: PortfolioQueries, ours: Sequence[str], theirs: Sequence[str], ipc_prefix: str
) -> tuple[Side, Side]:
    """Both portfolios inside one field (an IPC prefix such as H04W or H04W72/)."""
    return _side(store.portfolio(ours), ipc_prefix), _side(store.portfolio(theirs), ipc_prefix)


def _side(facts: Sequence[PatentFacts], prefix: str) -> Side:
    unique = {f.id: f for f in facts if any(code.startswith(prefix) for code in f.ipc)}
    side = Side(patents=len(unique))
    side.valid = sum(1 for f in unique.values() if f.legal_status == "valid")
    side.by_kind = dict(sorted(Counter(f.kind or "unknown" for f in unique.values()).items()))
    years = Counter((f.filing_date or "")[:4] or "unknown" for f in unique.values())
    side.by_year = dict(sorted(years.items()))
    return side


@dataclass
class Links:
    """Everything connecting two sides, by kind; each entry names its evidence."""

    co_owned: list[str] = field(default_factory=list)  # patents filed by both sides
    contracts: list[str] = field(default_factory=list)  # contracts both sides are party to
    shared_inventors: list[str] = field(default_factory=list)  # persons on both portfolios
    citations: list[Link] = field(default_factory=list)  # CITES between the portfolios
    standards: list[str] = field(default_factory=list)  # standards both portfolios name


def links_between(store: GraphStore, side_a: Sequence[str], side_b: Sequence[str]) -> Links:
    facts_a, facts_b = store.portfolio(side_a), store.portfolio(side_b)
    patents_a, patents_b = {f.id for f in facts_a}, {f.id for f in facts_b}
    found = Links(co_owned=sorted(patents_a & patents_b))
    found.contracts = sorted(
        _reached(store, side_a, NodeLabel.ORGANIZATION, {EdgeType.PARTY_TO})
        & _reached(store, side_b, NodeLabel.ORGANIZATION, {EdgeType.PARTY_TO})
    )
    inventor = {EdgeType.INVENTOR_OF}
    found.shared_inventors = sorted(
        _reached(store, sorted(patents_a), NodeLabel.PATENT, inventor)
        & _reached(store, sorted(patents_b), NodeLabel.PATENT, inventor)
    )
    keys = [NodeKey(NodeLabel.PATENT, p) for p in sorted(patents_a | patents_b)]
    cites = store.expand(keys, {EdgeType.CITES}, EXPAND_LIMIT) if keys else []
    found.citations = [
        link
        for link in cites
        if (link.src.id in patents_a and link.dst.id in patents_b)
        or (link.src.id in patents_b and link.dst.id in patents_a)
    ]
    found.citations = list({(lk.src, lk.dst): lk for lk in found.citations}.values())
    mention = {EdgeType.MENTIONS_STANDARD, EdgeType.DECLARED_ESSENTIAL}
    found.standards = sorted(
        _reached(store, sorted(patents_a), NodeLabel.PATENT, mention)
        & _reached(store, sorted(patents_b), NodeLabel.PATENT, mention)
    )
    return found


def _reached(
    store: GraphStore, ids: Sequence[str], label: NodeLabel, types: Collection[EdgeType]
) -> set[str]:
    if not ids:
        return set()
    keys = [NodeKey(label, i) for i in ids]
    starts = set(keys)
    return {
        link.other(key).id
        for link in store.expand(keys, types, EXPAND_LIMIT)
        for key in (link.src, link.dst)
        if key in starts and link.other(key) not in starts
    }
