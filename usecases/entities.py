"""Resolve an entity by any name or number, and the entity pages, as the caller may see them.

The HTTP routes, the graph routes and the CLI all resolve through `resolve_entity`, so a name
or number means the same entity whatever door it came through:

- a patent: the one lookup of `graph/lookup.py` (publication number, application number, kind
  codes added);
- an organisation: its id, then any of its names (short, English, former) through the aliases;
- anything else: its id.

Every answer passes through the caller's `AccessPolicy`: an entity it may not see is "not
found" (never "forbidden", so its existence does not leak) and hidden properties are dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from domain.access import AccessPolicy, display_name
from graph.analytics.ledger import Holding, kind_counts_on, members_as_of, patent_on
from graph.analytics.paths import Path
from graph.entity_pages import (
    NodeView,
    OrganizationView,
    PatentView,
    PersonView,
    node_view,
    organization_view,
    patent_view,
    person_view,
)
from graph.groups import group_members
from graph.lookup import find_patent_by_number
from graph.model import LinkedEntity, NodeKey, NodeLabel
from usecases.context import Context
from usecases.errors import ErrorCode, NotFoundError

# Tried in this order when the caller gives no label.
LOOKUP_ORDER = (
    NodeLabel.PATENT,
    NodeLabel.ORGANIZATION,
    NodeLabel.PERSON,
    NodeLabel.CONTRACT,
    NodeLabel.STANDARD,
    NodeLabel.IPC,
    NodeLabel.FAMILY,
    NodeLabel.TRADEMARK,
)


def resolve_entity(
    ctx: Context, text: str, label: NodeLabel | None, policy: AccessPolicy
) -> NodeKey:
    """An entity by id, by a patent's number, or by any name of an organisation; the first
    label of `LOOKUP_ORDER` that knows it when no label is given."""
    for candidate in (label,) if label is not None else LOOKUP_ORDER:
        key = _find(ctx, candidate, text, policy)
        if key is not None:
            return key
    raise NotFoundError(
        ErrorCode.ENTITY_NOT_FOUND,
        f"no entity {text!r}" + (f" with label {label.value}" if label else ""),
        {"entity": text, "label": label.value if label else None},
    )


def _find(ctx: Context, label: NodeLabel, text: str, policy: AccessPolicy) -> NodeKey | None:
    if not policy.label_visible(label):
        return None
    graph = ctx.stores.graph
    if label is NodeLabel.PATENT:
        patent = find_patent_by_number(graph, text).patent
        return NodeKey(NodeLabel.PATENT, patent.id) if patent is not None else None
    ids = [text]
    if label is NodeLabel.ORGANIZATION:
        ids.append(ctx.aliases.resolve(text))  # short and former names
    for node_id in ids:
        node = graph.get_node(label, node_id)
        if node is not None and policy.node_visible(label, node.props):
            return NodeKey(label, node_id)
    return None


def resolve_organization(ctx: Context, text: str, policy: AccessPolicy) -> NodeKey:
    return resolve_entity(ctx, text, NodeLabel.ORGANIZATION, policy)


def resolve_group(
    ctx: Context, text: str, policy: AccessPolicy, *, with_subsidiaries: bool
) -> tuple[NodeKey, list[str]]:
    """An organisation named any way, and the ids it stands for (graph/groups.py)."""
    org = resolve_organization(ctx, text, policy)
    return org, group_members(ctx.stores.graph, org.id, with_subsidiaries=with_subsidiaries)


def entity_name(ctx: Context, key: NodeKey, path: Path | None = None) -> str:
    """The name to show for an entity: as a path found it, else its name, title or id."""
    if path is not None:
        for link in path.links:
            if key in (link.src, link.dst):
                return display_name(link.name_of(key))
    node = ctx.stores.graph.get_node(key.label, key.id)
    props = node.props if node is not None else {}
    return display_name(str(props.get("name") or props.get("title") or key.id))


def patent_page(ctx: Context, number: str, policy: AccessPolicy) -> PatentView:
    """A patent by any number, with applicants, inventors, IPC and source documents."""
    found = find_patent_by_number(ctx.stores.graph, number).patent
    view = patent_view(ctx.stores.graph, found.id) if found is not None else None
    if view is None:
        raise _not_found(ErrorCode.PATENT_NOT_FOUND, "patent", number)
    return dataclasses.replace(
        view,
        props=policy.properties(NodeLabel.PATENT, view.props),
        documents=_named(view.documents),
    )


def patent_standing(
    ctx: Context, patent_id: str, day: dt.date, policy: AccessPolicy
) -> Holding | None:
    """Who owned the patent on `day`, the pledges and licences then in force and its legal
    status (the asset ledger); None when it was not yet filed."""
    return patent_on(ctx.stores.graph, patent_id, day, policy)


def organization_page(
    ctx: Context, name: str, policy: AccessPolicy, *, as_of: dt.date | None = None
) -> OrganizationView:
    """An organisation by any of its names, with its group tree and patent portfolio; with
    `as_of`, the portfolio figures count what it (and the members held that day) owned then
    (the asset ledger) instead of what they filed."""
    org_id = ctx.aliases.resolve(name)
    graph = ctx.stores.graph
    view = organization_view(graph, org_id)
    if view is None:
        raise _not_found(ErrorCode.ORGANIZATION_NOT_FOUND, "organization", org_id)
    if as_of is not None:
        view = dataclasses.replace(
            view,
            portfolio=kind_counts_on(graph, [org_id], as_of),
            group_portfolio=kind_counts_on(graph, members_as_of(graph, org_id, as_of), as_of),
        )
    return dataclasses.replace(view, props=policy.properties(NodeLabel.ORGANIZATION, view.props))


def person_page(ctx: Context, person_id: str, policy: AccessPolicy) -> PersonView:
    """A person with their patents, organisations and co-inventors. Below dd, a person known
    only from confidential records does not exist, and confidential properties are dropped."""
    view = person_view(ctx.stores.graph, person_id)
    if view is None or not policy.node_visible(NodeLabel.PERSON, view.props):
        raise _not_found(ErrorCode.PERSON_NOT_FOUND, "person", person_id)
    return dataclasses.replace(view, props=policy.properties(NodeLabel.PERSON, view.props))


def node_page(
    ctx: Context, label: NodeLabel, node_id: str, policy: AccessPolicy, code: ErrorCode
) -> NodeView:
    """Any node (a contract, a standard ...) with the links the caller may see."""
    view = node_view(ctx.stores.graph, label, node_id, policy)
    if view is None:
        raise _not_found(code, label.value.lower(), node_id)
    return dataclasses.replace(
        view,
        props=policy.properties(label, view.props),
        links={kind: _named(linked) for kind, linked in view.links.items()},
    )


def _named(entities: list[LinkedEntity]) -> list[LinkedEntity]:
    return [dataclasses.replace(e, name=display_name(e.name)) for e in entities]


def _not_found(code: ErrorCode, what: str, entity_id: str) -> NotFoundError:
    return NotFoundError(code, f"no {what} with id {entity_id}", {"id": entity_id})
