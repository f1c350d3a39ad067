"""The asset ledger as both entry points read it: an organisation's (or a group's) portfolio
on a day, through the one time model (domain/as_of.py) and the caller's access policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.access import AccessPolicy
from domain.central_soes import load_central_soe_directory
from graph.analytics.ledger import Holding, members_as_of, portfolio_on
from graph.model import NodeKey, NodeLabel
from usecases.context import Context
from usecases.entities import entity_name, resolve_organization
from usecases.errors import ErrorCode, NotFoundError, UseCaseError


@dataclass(frozen=True)
class Portfolio:
    owner: str
    owner_id: str
    as_of: dt.date | None
    group: bool
    members: list[str]
    patents: list[Holding]


def find_organization(
    ctx: Context, text: str, policy: AccessPolicy, *, prefer_group: bool = False
) -> NodeKey:
    """By id or any listed name; else through the central-SOE directory (an English DOCDB
    name, a short name of a group or subsidiary the alias table does not list). With
    `prefer_group`, a name the SASAC list gives a group (中国石化, 中国石油) means the group,
    even where the alias table gives it to the listed company."""
    group = _group_named(ctx, text, policy) if prefer_group else None
    if group is not None:
        return group
    try:
        return resolve_organization(ctx, text, policy)
    except UseCaseError:
        resolution = load_central_soe_directory().resolve(text)
        if resolution is None or resolution.needs_review:
            raise NotFoundError(
                ErrorCode.ORGANIZATION_NOT_FOUND,
                f"no organisation {text!r}",
                {"organization": text},
            ) from None
        for name in (resolution.organization, resolution.group_name):
            if name:
                try:
                    return resolve_organization(ctx, name, policy)
                except UseCaseError:
                    continue
        raise NotFoundError(
            ErrorCode.ORGANIZATION_NOT_FOUND, f"no organisation {text!r}", {"organization": text}
        ) from None


def _group_named(ctx: Context, text: str, policy: AccessPolicy) -> NodeKey | None:
    resolution = load_central_soe_directory().resolve(text)
    if resolution is None or resolution.rule != "exact":
        return None
    if resolution.organization != resolution.group_name:
        return None
    try:
        return resolve_organization(ctx, resolution.group_name, policy)
    except UseCaseError:
        return None


def group_id_for(ctx: Context, text: str, policy: AccessPolicy) -> str | None:
    """The organisation id a group filter names (the SASAC group for a group's short name)."""
    try:
        return find_organization(ctx, text, policy, prefer_group=True).id
    except UseCaseError:
        return None


def portfolio(
    ctx: Context,
    organization: str,
    policy: AccessPolicy,
    *,
    as_of: dt.date | None = None,
    group: bool = False,
) -> Portfolio:
    """What `organization` (with `group`: it and every subsidiary held on that day) owned on
    `as_of` (today's state when None): each patent once, with its co-owners outside, the
    pledges and licences in force that day and the evidence."""
    key = find_organization(ctx, organization, policy, prefer_group=group)
    if key.label is not NodeLabel.ORGANIZATION:
        raise NotFoundError(ErrorCode.ORGANIZATION_NOT_FOUND, f"no organisation {organization!r}")
    graph = ctx.stores.graph
    members = members_as_of(graph, key.id, as_of) if group else [key.id]
    return Portfolio(
        owner=entity_name(ctx, key),
        owner_id=key.id,
        as_of=as_of,
        group=group,
        members=members,
        patents=portfolio_on(graph, members, as_of, policy),
    )
