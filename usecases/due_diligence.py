"""Due diligence on an organisation: the target resolved like every other entity, the report
built with the sections the caller's access policy allows. The API route and `ipgraph dd` both
call this (and each writes the audit line for its caller between the two steps)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.access import AccessPolicy
from graph.analytics.due_diligence import Report, due_diligence
from graph.model import NodeKey
from usecases.context import Context
from usecases.entities import entity_name, resolve_organization


@dataclass(frozen=True)
class Target:
    key: NodeKey
    name: str


def target_of(ctx: Context, organization: str, policy: AccessPolicy) -> Target:
    """The organisation named any way; ENTITY_NOT_FOUND when there is none."""
    key = resolve_organization(ctx, organization, policy)
    return Target(key, entity_name(ctx, key))


def report_on(
    ctx: Context,
    target: Target,
    policy: AccessPolicy,
    *,
    with_subsidiaries: bool = True,
    years: int = 5,
    as_of: dt.date | None = None,
) -> Report:
    return due_diligence(
        ctx.stores.graph,
        target.key.id,
        with_subsidiaries=with_subsidiaries,
        years=years,
        as_of=as_of,
        confidential=policy.sees_confidential,
    )
