"""Standard-essential patents: what is declared to a standard, a group's declarations, its
undeclared candidates, and the standards a competitor declares to and we do not."""

from __future__ import annotations

from domain.access import AccessPolicy
from domain.standards import standard_id
from graph.analytics.sep import (
    Candidate,
    DeclaredFamily,
    StandardGap,
    candidate_seps,
    declaration_gaps,
    declared_to,
    portfolio_by_standard,
)
from usecases.context import Context
from usecases.portfolios import Group, group


def declared(ctx: Context, standard: str) -> tuple[str, list[DeclaredFamily]]:
    canonical = standard_id(standard)
    return canonical, declared_to(ctx.stores.graph, canonical)


def sep_portfolio(
    ctx: Context, organization: str, policy: AccessPolicy, *, with_subsidiaries: bool
) -> tuple[Group, dict[str, list[DeclaredFamily]]]:
    ours = group(ctx, organization, policy, with_subsidiaries=with_subsidiaries)
    return ours, portfolio_by_standard(ctx.stores.graph, ours.members)


def sep_candidates(
    ctx: Context, organization: str, policy: AccessPolicy, *, with_subsidiaries: bool
) -> tuple[Group, list[Candidate]]:
    ours = group(ctx, organization, policy, with_subsidiaries=with_subsidiaries)
    return ours, candidate_seps(ctx.stores.graph, ours.members)


def sep_gaps(
    ctx: Context, ours: str, theirs: str, policy: AccessPolicy, *, with_subsidiaries: bool
) -> tuple[Group, Group, list[StandardGap]]:
    left = group(ctx, ours, policy, with_subsidiaries=with_subsidiaries)
    right = group(ctx, theirs, policy, with_subsidiaries=with_subsidiaries)
    return left, right, declaration_gaps(ctx.stores.graph, left.members, right.members)
