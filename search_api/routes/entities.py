"""Entity pages: patents, organisations (with group tree and portfolio), persons, contracts,
standards."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from domain.numbers import parse_application_number, parse_publication_number
from graph.model import LinkedEntity, NodeLabel
from graph.views import (
    GroupTreeNode,
    node_view,
    organization_view,
    patent_view,
    person_view,
)
from search_api.auth import Principal, principal_of
from search_api.errors import ApiError
from search_api.models import (
    CountedEntityOut,
    ErrorBody,
    GroupTreeNodeOut,
    LinkedEntityOut,
    NodeResponse,
    OrganizationResponse,
    PatentResponse,
    PersonResponse,
)
from search_api.routes.context import AppContext, context

router = APIRouter(
    prefix="/api/v1",
    tags=["entities"],
    responses={
        401: {"model": ErrorBody},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
Ctx = Annotated[AppContext, Depends(context)]
Caller = Annotated[Principal, Depends(principal_of)]
# Person properties written from confidential sources (contracts naming them as an employee).
CONFIDENTIAL_PERSON_PROPERTIES = frozenset({"confidential_records"})


@router.get("/patents/{patent_id}", operation_id="get_patent", response_model=PatentResponse)
def get_patent(
    patent_id: Annotated[str, Path(max_length=64, examples=["CN115000001A"])], ctx: Ctx
) -> PatentResponse:
    """A patent by publication or application number, with applicants, inventors and IPC."""
    canonical = parse_publication_number(patent_id).canonical
    view = patent_view(ctx.stores.graph, canonical) or patent_view(
        ctx.stores.graph, parse_application_number(patent_id).canonical
    )
    if view is None:
        raise _not_found("PATENT_NOT_FOUND", "patent", canonical)
    return PatentResponse(
        id=view.id,
        properties=dict(view.props),
        applicants=_linked(view.applicants),
        inventors=_linked(view.inventors),
        ipc=_linked(view.ipc),
        documents=_linked(view.documents),
        sources=view.sources,
    )


@router.get(
    "/organizations/{organization}",
    operation_id="get_organization",
    response_model=OrganizationResponse,
)
def get_organization(
    organization: Annotated[str, Path(max_length=200, examples=["国家电网有限公司", "国网"])],
    ctx: Ctx,
) -> OrganizationResponse:
    """An organisation by name or short name, with its group tree and patent portfolio."""
    org_id = ctx.aliases.resolve(organization)
    view = organization_view(ctx.stores.graph, org_id)
    if view is None:
        raise _not_found("ORGANIZATION_NOT_FOUND", "organization", org_id)
    return OrganizationResponse(
        id=view.id,
        properties=dict(view.props),
        parents=_linked(view.parents),
        subsidiaries=[_tree(n) for n in view.subsidiaries],
        group_size=view.group_size,
        portfolio=view.portfolio,
        group_portfolio=view.group_portfolio,
        central_soe=view.central_soe,
        sources=view.sources,
    )


@router.get("/persons/{person_id}", operation_id="get_person", response_model=PersonResponse)
def get_person(
    person_id: Annotated[str, Path(max_length=300, examples=["孙浩@国家电网有限公司"])],
    ctx: Ctx,
    caller: Caller,
) -> PersonResponse:
    """A person (inventor) with their patents, organisations and co-inventors; what the people
    register and confidential contracts say about them only for dd and admin."""
    view = person_view(ctx.stores.graph, person_id)
    if view is None:
        raise _not_found("PERSON_NOT_FOUND", "person", person_id)
    hidden = set() if caller.sees_confidential else CONFIDENTIAL_PERSON_PROPERTIES
    return PersonResponse(
        id=view.id,
        properties={k: v for k, v in view.props.items() if k not in hidden},
        patents=_linked(view.patents),
        organizations=[
            CountedEntityOut(id=c.id, name=c.name, count=c.count) for c in view.organizations
        ],
        co_inventors=[
            CountedEntityOut(id=c.id, name=c.name, count=c.count) for c in view.co_inventors
        ],
        sources=view.sources,
    )


@router.get("/contracts/{contract_id}", operation_id="get_contract", response_model=NodeResponse)
def get_contract(
    contract_id: Annotated[str, Path(max_length=200)], ctx: Ctx, caller: Caller
) -> NodeResponse:
    """A contract with its parties and covered assets (confidential ones for dd and admin)."""
    return _node(ctx, NodeLabel.CONTRACT, contract_id, "CONTRACT_NOT_FOUND", caller)


@router.get(
    "/standards/{standard_id:path}", operation_id="get_standard", response_model=NodeResponse
)
def get_standard(
    standard_id: Annotated[str, Path(max_length=200, examples=["3GPP TS 38.211"])],
    ctx: Ctx,
    caller: Caller,
) -> NodeResponse:
    """A standard with the patents that mention it or are declared essential to it."""
    return _node(ctx, NodeLabel.STANDARD, standard_id, "STANDARD_NOT_FOUND", caller)


def _node(
    ctx: AppContext, label: NodeLabel, node_id: str, code: str, caller: Principal
) -> NodeResponse:
    view = node_view(ctx.stores.graph, label, node_id, confidential=caller.sees_confidential)
    if view is None:
        raise _not_found(code, label.value.lower(), node_id)
    return NodeResponse(
        id=view.id,
        label=view.label,
        properties=dict(view.props),
        links={k: _linked(v) for k, v in view.links.items()},
        sources=view.sources,
    )


def _not_found(code: str, what: str, entity_id: str) -> ApiError:
    return ApiError(404, code, f"no {what} with id {entity_id}", {"id": entity_id})


def _linked(entities: list[LinkedEntity]) -> list[LinkedEntityOut]:
    return [LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in entities]


def _tree(node: GroupTreeNode) -> GroupTreeNodeOut:
    return GroupTreeNodeOut(
        id=node.id,
        name=node.name,
        stake=node.stake,
        subsidiaries=[_tree(n) for n in node.subsidiaries],
    )
