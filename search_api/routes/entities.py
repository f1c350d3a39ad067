"""Entity pages: patents, organisations (with group tree and portfolio), persons, contracts,
standards. Thin adapters over usecases/entities.py."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph.entity_pages import GroupTreeNode, NodeView
from graph.model import LinkedEntity, NodeLabel
from search_api.deps import Ctx, Policy
from search_api.schemas.common import ErrorBody, IsoDate
from search_api.schemas.entities import (
    CountedEntityOut,
    GroupTreeNodeOut,
    LinkedEntityOut,
    NodeResponse,
    OrganizationResponse,
    PatentResponse,
    PersonResponse,
)
from search_api.schemas.ledger import holding_out
from search_api.schemas.workflow import FactorOut, ValueOut
from usecases.entities import (
    node_page,
    organization_page,
    patent_page,
    patent_standing,
    person_page,
)
from usecases.errors import ErrorCode
from usecases.workflow import patent_value

router = APIRouter(
    prefix="/api/v1",
    tags=["entities"],
    responses={
        401: {"model": ErrorBody},
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)


@router.get("/patents/{patent_id}", operation_id="get_patent", response_model=PatentResponse)
def get_patent(
    patent_id: Annotated[str, Path(max_length=64, examples=["CN115000001A"])],
    ctx: Ctx,
    policy: Policy,
    as_of: Annotated[
        IsoDate | None,
        Query(
            description="YYYY-MM-DD: its owners, pledges, licences and legal status that day,"
            " and its value then",
            examples=["2023-06-20"],
        ),
    ] = None,
) -> PatentResponse:
    """A patent by publication or application number, with applicants, inventors and IPC;
    with `as_of`, its standing in the asset ledger on that day."""
    view = patent_page(ctx, patent_id, policy)
    standing = patent_standing(ctx, view.id, as_of, policy) if as_of is not None else None
    return PatentResponse(
        id=view.id,
        properties=dict(view.props),
        applicants=_linked(view.applicants),
        inventors=_linked(view.inventors),
        ipc=_linked(view.ipc),
        documents=_linked(view.documents),
        sources=view.sources,
        value=_value(ctx, view.id, as_of or dt.date.today()),
        standing=holding_out(standing) if standing is not None else None,
    )


def _value(ctx: Ctx, patent_id: str, day: dt.date) -> ValueOut:
    value = patent_value(ctx, patent_id, ctx.value_model, day)
    return ValueOut(
        score=value.score,
        grade=value.grade.value,
        as_of=day,
        factors=[FactorOut.model_validate(f.model_dump()) for f in value.factors],
    )


@router.get(
    "/organizations/{organization}",
    operation_id="get_organization",
    response_model=OrganizationResponse,
)
def get_organization(
    organization: Annotated[str, Path(max_length=200, examples=["国家电网有限公司", "国网"])],
    ctx: Ctx,
    policy: Policy,
    as_of: Annotated[
        IsoDate | None,
        Query(description="YYYY-MM-DD: portfolio figures of what was owned that day"),
    ] = None,
) -> OrganizationResponse:
    """An organisation by name or short name, with its group tree and patent portfolio."""
    view = organization_page(ctx, organization, policy, as_of=as_of)
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
    policy: Policy,
) -> PersonResponse:
    """A person (inventor) with their patents, organisations and co-inventors; what the people
    register and confidential contracts say about them only for dd and admin."""
    view = person_page(ctx, person_id, policy)
    return PersonResponse(
        id=view.id,
        properties=dict(view.props),
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
    contract_id: Annotated[str, Path(max_length=200, examples=["SAMPLE-LIC-2023-001"])],
    ctx: Ctx,
    policy: Policy,
) -> NodeResponse:
    """A contract with its parties and covered assets (confidential ones for dd and admin)."""
    return _node(
        node_page(ctx, NodeLabel.CONTRACT, contract_id, policy, ErrorCode.CONTRACT_NOT_FOUND)
    )


@router.get(
    "/standards/{standard_id:path}", operation_id="get_standard", response_model=NodeResponse
)
def get_standard(
    standard_id: Annotated[str, Path(max_length=200, examples=["3GPP TS 38.211"])],
    ctx: Ctx,
    policy: Policy,
) -> NodeResponse:
    """A standard with the patents that mention it or are declared essential to it."""
    return _node(
        node_page(ctx, NodeLabel.STANDARD, standard_id, policy, ErrorCode.STANDARD_NOT_FOUND)
    )


def _node(view: NodeView) -> NodeResponse:
    return NodeResponse(
        id=view.id,
        label=view.label,
        properties=dict(view.props),
        links={k: _linked(v) for k, v in view.links.items()},
        sources=view.sources,
    )


def _linked(entities: list[LinkedEntity]) -> list[LinkedEntityOut]:
    return [LinkedEntityOut(id=e.id, name=e.name, order=e.order) for e in entities]


def _tree(node: GroupTreeNode) -> GroupTreeNodeOut:
    return GroupTreeNodeOut(
        id=node.id,
        name=node.name,
        stake=node.stake,
        subsidiaries=[_tree(n) for n in node.subsidiaries],
    )
