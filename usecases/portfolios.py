"""Portfolio use cases: competitors by IPC overlap, links between two organisations, group
KPIs, and head-to-head of two organisations (or groups) in one field, given as
an IPC prefix (counted in the graph) or as a full-text query (counted in the index), and the
white space: subclasses where only the other side files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.access import AccessPolicy
from domain.ipc import ipc_prefix
from graph.analytics.kpis import GroupKpis, group_kpis
from graph.analytics.portfolios import (
    CitationPartner,
    Competitor,
    Links,
    Side,
    WhiteSpace,
    head_to_head,
    links_between,
    ranked_with_citations,
    white_space,
)
from graph.model import NodeKey
from search.index.protocol import Filters, SearchQuery
from search.query import Node
from usecases.context import Context
from usecases.entities import resolve_group, resolve_organization
from usecases.errors import ErrorCode, InvalidRequestError
from usecases.ledger import find_organization
from usecases.search import parse_field_query


@dataclass(frozen=True)
class Group:
    """An organisation as resolved, and the ids it stands for."""

    key: NodeKey
    members: list[str]


def group(ctx: Context, text: str, policy: AccessPolicy, *, with_subsidiaries: bool) -> Group:
    key, members = resolve_group(ctx, text, policy, with_subsidiaries=with_subsidiaries)
    return Group(key, members)


def competitors_of(
    ctx: Context, organization: str, policy: AccessPolicy, *, with_subsidiaries: bool, top: int
) -> tuple[Group, list[Competitor], list[CitationPartner]]:
    """The IPC-cosine ranking, each competitor with the citations between us and them, and
    the `top` organisations we cite or are cited by most (maintained citation flows)."""
    ours = group(ctx, organization, policy, with_subsidiaries=with_subsidiaries)
    ranked, partners = ranked_with_citations(ctx.stores.graph, ours.members, top=top)
    return ours, ranked, partners[:top]


def links_of(
    ctx: Context, a: str, b: str, policy: AccessPolicy, *, with_subsidiaries: bool
) -> tuple[Group, NodeKey, Links]:
    """What links organisation (or group) A with organisation B; only public edges are read."""
    side_a = group(ctx, a, policy, with_subsidiaries=with_subsidiaries)
    side_b = resolve_organization(ctx, b, policy)
    return side_a, side_b, links_between(ctx.stores.graph, side_a.members, [side_b.id])


def kpis_of(
    ctx: Context,
    organization: str,
    policy: AccessPolicy,
    *,
    with_subsidiaries: bool,
    as_of: dt.date | None = None,
) -> GroupKpis:
    # a group's SASAC short name (中国石化) means the group when subsidiaries are counted
    org = find_organization(ctx, organization, policy, prefer_group=with_subsidiaries)
    return group_kpis(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries, as_of=as_of)


@dataclass(frozen=True)
class HeadToHead:
    field: str
    ours: Side
    theirs: Side
    white_space: list[WhiteSpace]


def compare(
    ctx: Context,
    ours: str,
    theirs: str,
    policy: AccessPolicy,
    *,
    ipc: str | None = None,
    q: str | None = None,
    with_subsidiaries: bool = True,
) -> HeadToHead:
    graph = ctx.stores.graph
    _, our_orgs = resolve_group(ctx, ours, policy, with_subsidiaries=with_subsidiaries)
    _, their_orgs = resolve_group(ctx, theirs, policy, with_subsidiaries=with_subsidiaries)
    if q:
        query = parse_field_query(q)
        left, right = (
            _side_from_index(ctx, query, orgs, policy) for orgs in (our_orgs, their_orgs)
        )
        field = q
    else:
        prefix = ipc_prefix(ipc or "")
        if prefix is None:
            raise InvalidRequestError(
                ErrorCode.IPC_PREFIX_INVALID, f"give an IPC prefix or q: {ipc!r}", {"ipc": ipc}
            )
        left, right = head_to_head(graph, our_orgs, their_orgs, prefix)
        field = prefix
    return HeadToHead(field, left, right, white_space(graph, our_orgs, their_orgs))


def _side_from_index(ctx: Context, query: Node, orgs: list[str], policy: AccessPolicy) -> Side:
    page = ctx.stores.index.search(
        SearchQuery(
            query,
            filters=Filters(
                asset_kinds=("patent",),
                applicant_ids=tuple(orgs),
                hidden_asset_kinds=policy.hidden_asset_kinds,
            ),
            size=0,
            facets=True,
        )
    )

    def buckets(name: str) -> dict[str, int]:
        return {b.key: b.count for b in sorted(page.facets.get(name, []), key=lambda b: b.key)}

    return Side(
        patents=page.total,
        valid=buckets("legal_status").get("valid", 0),
        by_kind=buckets("kind"),
        by_year=buckets("filing_year"),
    )
